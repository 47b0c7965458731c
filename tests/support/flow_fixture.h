// Test support: compile a flow from a file or a string into a runnable
// FlowVersion, a scripted action executor and a manual clock.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/engine/action_executor.h"
#include "runtime/engine/flow_version.h"

namespace flowc::testing {

// Interp: the reference interpreter. Jit: the JIT as in production (a
// flow below the tier threshold compiles straight to O2). JitTier0: every
// flow runs tier-0 code that never tiers up. JitTiered: every flow starts on
// tier 0 and its O2 tier-up waits for run_tier_ups() (backends.h), so a test
// decides when calls switch tiers.
enum class Backend { Interp, Jit, JitTier0, JitTiered };
const char* backend_name(Backend b);

// The code factory for a backend (the JIT one shares one JIT per process).
engine::CodeFactory code_factory(Backend b);

// Compiles `path` (relative to the repository root) and builds a version;
// fails the current test (ADD_FAILURE) and returns null on any error.
std::shared_ptr<engine::FlowVersion> load_flow_file(const std::string& path, Backend b);
std::shared_ptr<engine::FlowVersion> load_flow_source(const std::string& source, Backend b);

// Records every request; the test decides when and how each finishes.
class ScriptedExecutor : public engine::ActionExecutor {
 public:
  struct Pending {
    std::string call_id;
    stdlib::Request request;
    std::function<void(engine::ActionResult)> done;
  };
  void execute(const std::string& call_id, stdlib::Request request,
               std::function<void(engine::ActionResult)> done) override;

  size_t pending() const;
  const Pending& at(size_t i) const { return pending_.at(i); }
  // Finishes the oldest pending request.
  void succeed(nlohmann::json body = nlohmann::json::object(), int status = 200);
  void fail(const std::string& detail, int status = 0);
  std::vector<stdlib::Request> log;  // every request ever executed

 private:
  Pending take();
  mutable std::mutex mu_;
  std::deque<Pending> pending_;
};

struct ManualClock {
  int64_t now = 1'795'000'000'000;  // 2026-11-18T…Z
  std::function<int64_t()> fn() {
    return [this] { return now; };
  }
};

}  // namespace flowc::testing
