// A seeded generator of event sequences for one call of a flow: the
// telephony side's events (prompt_done, dtmf, input_timeout, agent_answered,
// transfer_failed, hangup, and some malformed ones), session writes from the
// CRM, results of the automations the call started, and clock advances.
//
// The generator is adaptive: each step is chosen from what the call is doing
// (the module it is in, whether its answer is held, the requests pending, the
// next timer), so that sequences get deep into a flow. The chosen steps are
// recorded as plain JSON, and a recorded sequence replays without the
// generator. The facts it needs come from the flow's IR, so it works for the
// generated flows and the examples alike.
//
// Steps (JSON):
//   {"event": {…}}                         POST /v1/calls/{id}/events
//   {"write": {…}}                         POST /v1/sessions/{id}
//   {"finish": {"pending": N, "ok": B, "status": S, "json": J?, "body": T?, "detail": D?}}
//                                          the Nth pending request (mod count) finishes
//   {"advance": MS}                        the clock moves on; due timers fire
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/ir/ir.h"
#include "tests/diff/flow_generator.h"

namespace flowc::testing::diff {

// What the generator knows about a flow.
struct FlowFacts {
  struct Variable {
    std::string name;  // ivr.*
    ValueType type = ValueType::Any;
    std::vector<std::string> enum_values;
    bool declared = false;
  };
  struct Input {
    int min_digits = 1, max_digits = 1;
    std::string terminator;
    std::vector<int> regexes;  // indexes into regexes
  };
  std::vector<Variable> ivr;
  // Response paths the flow maps ("customer.tier"), with the type of the
  // variable they go to when it is declared (else Any).
  std::map<std::vector<std::string>, ValueType> response_paths;
  std::map<std::string, std::string> kinds;  // module name → kind
  std::map<std::string, std::vector<std::string>> menu_keys;
  std::map<std::string, Input> inputs;
  std::vector<std::shared_ptr<std::regex>> regexes;
  std::vector<std::string> numbers;  // dialled numbers of the flow
};

FlowFacts facts_of(const ir::Flow& flow);

// What the call looks like before the next step (seen on the reference side).
struct Observation {
  bool ended = false;
  bool held = false;
  size_t pending = 0;                // requests not finished yet
  std::optional<int64_t> deadline;   // the engine's next timer
  int64_t now = 0;
  std::string module;                // the current module
};

class EventGenerator {
 public:
  EventGenerator(uint64_t seed, const FlowFacts& facts, int max_steps = 60);
  // The next step, or nullopt when the sequence is over.
  std::optional<nlohmann::json> next(const Observation& o);

  // Building blocks, also used by tests.
  nlohmann::json response_body(int mode);  // 0 good, 1 partial, 2 wrong types
  nlohmann::json session_write();

 private:
  nlohmann::json value_of(ValueType t, bool wrong);
  std::string digits_for(const std::string& module, bool valid);
  nlohmann::json finish_step(const Observation& o);
  nlohmann::json advance_step(const Observation& o, bool to_deadline);
  nlohmann::json noise_event();

  Rng r_;
  const FlowFacts& facts_;
  int max_steps_;
  int steps_ = 0;
  bool poked_after_end_ = false;
};

}  // namespace flowc::testing::diff
