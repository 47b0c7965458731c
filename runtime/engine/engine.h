// The call engine: live calls on their flow versions, events from the
// telephony side, session writes from the CRM, automations through an
// executor, and timers on an injected clock. Calls are serialised per call
// (a mutex each) and run in parallel across calls. The engine starts no
// threads: the server (or a test) delivers events, results and timer ticks.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/engine/action_executor.h"
#include "runtime/engine/flow_version.h"
#include "stdlib/call_state.h"

namespace flowc::engine {

// What an engine operation produced, in the shape of an HTTP answer.
struct Outcome {
  int status = 200;        // HTTP status: 200/201, or 4xx/5xx with error
  std::string error_code;  // "unknown_call", …
  std::string error_message;
  std::string call_id;
  stdlib::CommandList commands;
  bool held = false;   // the commands come later, through on_reply
  bool ended = false;  // the call's flow is over
  // Given to on_reply: commands produced with no telephony request waiting
  // (a queue timeout, say); they are also part of the next answer.
  bool push = false;
  nlohmann::json body;  // when set, the whole answer (e.g. a session write's)

  bool ok() const { return status < 400; }
  // The answer's JSON text: body, or {"call_id","commands","ended"}, or {"error":{…}}.
  std::string text() const;
  nlohmann::json to_json() const { return nlohmann::json::parse(text()); }
};

// Things the runtime around the engine wants to hear about (metrics, CTI,
// recording). Called outside the call's lock; may be called on any thread.
class EngineObserver {
 public:
  virtual ~EngineObserver() = default;
  virtual void call_started(const std::string& call_id, const FlowVersion& flow) {}
  virtual void call_ended(const std::string& call_id, const FlowVersion& flow, const std::string& reason) {}
  virtual void event_handled(const std::string& call_id, const FlowVersion& flow) {}
  virtual void automation_finished(const std::string& call_id, const FlowVersion& flow,
                                   const std::string& name, const ActionResult& result) {}
  // An agent took the call (queue answered): CTI CONNECTED. `caller` is call.from.
  virtual void agent_connected(const std::string& call_id, const FlowVersion& flow, const std::string& agent,
                               const std::string& caller, const nlohmann::json& reason) {}
  // The call of an agent ended: CTI DISCONNECTED.
  virtual void agent_disconnected(const std::string& call_id, const FlowVersion& flow,
                                  const std::string& agent) {}
};

struct EngineOptions {
  std::function<int64_t()> now_ms;     // the clock (unix ms); required
  ActionExecutor* executor = nullptr;  // required to run automations
  EngineObserver* observer = nullptr;  // optional
  // A held telephony request gets its answer (the call reached the caller
  // again or ended).
  std::function<void(const std::string& call_id, const Outcome&)> on_reply;
  std::function<std::string()> new_call_id;  // default: random "c-" + 16 hex digits
  size_t max_active_calls = 200'000;
  int64_t ended_call_ttl_ms = 10 * 60 * 1000;  // how long traces of ended calls stay readable
};

class Engine {
 public:
  explicit Engine(EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // ---- flows
  // What installing a version did to the calls running on older versions.
  struct InstallReport {
    size_t offered = 0;  // will move to the new version at their next module (migrate)
    size_t pinned = 0;   // stay on their version: their module is not in the new one
  };
  // Makes `version` the one new calls of its name start on. Calls already
  // running stay on the version they started on (pinned); with `migrate`,
  // each of them whose current module exists in the new version (same name)
  // moves to it at its next module boundary, keeping its session (see
  // stdlib::CallState::offer_migration), and the others stay pinned.
  InstallReport install(std::shared_ptr<FlowVersion> version, bool migrate = false);
  // Stops new calls for a flow (running calls finish).
  void uninstall(const std::string& name);
  std::shared_ptr<FlowVersion> current(const std::string& name) const;
  std::vector<std::shared_ptr<FlowVersion>> flows() const;
  // The flow that answers a dialled number, or "".
  std::string flow_for_number(const std::string& number) const;

  // ---- call control (the telephony side)
  Outcome start_call(const nlohmann::json& request);  // {"flow"?, "from", "to"}
  Outcome deliver(const std::string& call_id, const nlohmann::json& event);

  // ---- sessions (the CRM side)
  Outcome write_session(const std::string& call_id, const nlohmann::json& values);
  // The session's variables; secrets are redacted unless redact is false
  // (for `flowc test`, which compares them with expectations).
  std::optional<nlohmann::json> session(const std::string& call_id, bool redact = true) const;
  std::optional<nlohmann::json> call_info(const std::string& call_id, bool with_session) const;
  std::optional<nlohmann::json> trace(const std::string& call_id) const;
  // The session with secret values shown: for the agent console's screen
  // pop only (an authenticated agent), never for the sessions API.
  std::optional<nlohmann::json> session_for_agent(const std::string& call_id) const;
  // Appends an entry to a call's trace from outside the flow (CTI delivery);
  // false when the call is unknown or already forgotten.
  bool add_trace(const std::string& call_id, const std::string& kind, nlohmann::json data);
  nlohmann::json list_calls() const;  // active calls
  size_t active_calls() const;

  // ---- time
  // Fires the timers that are due and forgets ended calls past their TTL.
  void run_timers();
  std::optional<int64_t> next_deadline() const;

 private:
  struct Call;
  std::shared_ptr<Call> find(const std::string& id) const;
  // After a handler run, under the call's lock: collects what the run did.
  struct Effects {
    std::vector<stdlib::Request> requests;
    std::unique_ptr<stdlib::AgentConnected> agent;
    bool ended_now = false;
    std::optional<Outcome> reply;  // an answer for a held request
  };
  void after_run(const std::shared_ptr<Call>& call, uint32_t status, Outcome* answer, Effects& fx);
  // Outside the lock: dispatches requests and tells the observer and on_reply.
  void dispatch(const std::shared_ptr<Call>& call, Effects& fx);
  void automation_done(const std::weak_ptr<Call>& weak, uint32_t index, ActionResult result);
  // Under the call's lock: once the call has ended, the end was reported and
  // no automation is out, keeps what stays readable and lets the version go.
  void release_version(Call& call);
  stdlib::Scratch* acquire_scratch();
  void release_scratch(stdlib::Scratch* s);
  Outcome error(int status, std::string code, std::string message) const;

  EngineOptions options_;
  mutable std::shared_mutex flows_mu_;
  std::map<std::string, std::shared_ptr<FlowVersion>> flows_;
  std::map<std::string, std::string> numbers_;

  mutable std::shared_mutex calls_mu_;
  // Keyed by a view of the call's own id (a Call never moves: it is held by shared_ptr).
  std::unordered_map<std::string_view, std::shared_ptr<Call>> calls_;
  size_t active_ = 0;

  mutable std::mutex timers_mu_;
  struct TimerEntry {
    int64_t at;  // the deadline
    std::weak_ptr<Call> call;
    bool operator>(const TimerEntry& o) const { return at > o.at; }
  };
  std::priority_queue<TimerEntry, std::vector<TimerEntry>, std::greater<>> timers_;
  std::priority_queue<TimerEntry, std::vector<TimerEntry>, std::greater<>> expiries_;

  std::mutex scratch_mu_;
  std::vector<std::unique_ptr<stdlib::Scratch>> scratch_pool_;

  std::mutex id_mu_;
  uint64_t id_state_;
};

}  // namespace flowc::engine
