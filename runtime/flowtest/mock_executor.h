// The action executor of `flowc test`: answers every automation from the
// scenario's mocks on the virtual clock (a response after its delay, a
// failure, a timeout, a session write back), records every request, and
// never touches the network.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/engine/action_executor.h"
#include "runtime/flowtest/scenario.h"
#include "stdlib/flow_code.h"

namespace flowc::flowtest {

class MockExecutor : public engine::ActionExecutor {
 public:
  MockExecutor(const std::vector<Mock>& mocks, const stdlib::FlowTables& tables, const int64_t& now_ms)
      : mocks_(mocks), tables_(tables), now_ms_(now_ms) {}

  void execute(const std::string& call_id, stdlib::Request request,
               std::function<void(engine::ActionResult)> done) override;

  // The earliest time an answer is due, if any is outstanding.
  std::optional<int64_t> next_due() const;
  // Delivers the earliest answer due at or before now: first the mock's
  // session write (through write), then the result. False when none is due.
  bool complete_due(
      const std::function<std::string(const std::string& call_id, const nlohmann::json& values)>& write);

  // Every request in the order sent: {automation, kind, method, url, headers,
  // body, json, to, subject, text, result}.
  const nlohmann::json& requests() const { return requests_; }
  // Problems met while answering (no mock, a refused session write).
  const std::vector<std::string>& problems() const { return problems_; }

  // The mock lines that answer automation `name` ("finding_profile" answers
  // "finding_profile.enter#1" too).
  static bool answers(const std::string& mock_name, const std::string& automation);

 private:
  struct Pending {
    int64_t due = 0;
    uint64_t seq = 0;
    std::string call_id;
    std::optional<nlohmann::json> write;
    engine::ActionResult result;
    size_t record = 0;
    std::function<void(engine::ActionResult)> done;
  };
  const std::vector<Mock>& mocks_;
  const stdlib::FlowTables& tables_;
  const int64_t& now_ms_;
  std::map<std::string, size_t> used_;  // mock name → responses consumed
  std::vector<Pending> pending_;
  uint64_t seq_ = 0;
  nlohmann::json requests_ = nlohmann::json::array();
  std::vector<std::string> problems_;
};

}  // namespace flowc::flowtest
