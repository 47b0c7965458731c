// One call's state behind the ABI: the session (slots plus dynamic ivr.*
// names), automation statuses, the bounded trace, and the effects of a
// handler run (commands, requests, timer, agent, end) for the engine to take.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stdlib/abi.h"
#include "stdlib/command_list.h"
#include "stdlib/flow_code.h"
#include "stdlib/request.h"
#include "stdlib/scratch.h"
#include "stdlib/trace_log.h"

namespace flowc::stdlib {

struct AgentConnected {
  std::string agent;
  nlohmann::json reason;  // string or null
};

struct TimerChange {
  bool set = false;  // false: clear
  uint32_t ms = 0;
};

struct WriteError {
  int status = 400;
  std::string code;
  std::string message;
};

class CallState {
 public:
  static constexpr size_t kTraceLimit = 256;
  static constexpr size_t kMaxSessionBytes = 64 * 1024;

  CallState(const FlowTables& tables, FlowCode& code, const std::string& id, const std::string& from,
            const std::string& to, int64_t started_at_ms);
  ~CallState();
  CallState(const CallState&) = delete;
  CallState& operator=(const CallState&) = delete;

  // Runs the flow from its start; then, one event at a time. Returns RT_*.
  uint32_t start(Scratch& scratch, int64_t now_ms);
  uint32_t handle(const rt_event& event, Scratch& scratch, int64_t now_ms);

  // The effects of the runs since the last take.
  CommandList take_commands();
  std::vector<Request> take_requests();
  std::optional<TimerChange> take_timer();
  std::unique_ptr<AgentConnected> take_agent();

  bool ended() const { return ended_; }
  const std::string& end_reason() const { return end_reason_; }
  uint32_t module() const { return raw_.state; }
  const FlowTables& tables() const { return *tables_; }

  // ---- migration (`flowc serve --reload=migrate`)
  // Offers a newer version of the flow: at its next module boundary the
  // call moves to it when that module exists there (same name) and no
  // automation is out, keeping the session; the trace records the move.
  // Null tables withdraw the offer. The tables and code must outlive the
  // offer (the engine holds the version).
  void offer_migration(const FlowTables* tables, FlowCode* code, uint32_t from_version, uint32_t to_version);
  bool migration_offered() const { return offer_ != nullptr; }
  // The call stays on its version: `module` is not in `to_version`. Withdraws
  // any offer and says so in the trace.
  void stay_pinned(uint32_t from_version, uint32_t to_version, const std::string& module);
  // True once after a run in which the call moved to the offered version.
  bool take_migrated() { return std::exchange(migrated_, false); }

  // An automation finished: applies its response mapping (ok only) and
  // updates its status. The engine then delivers RT_EV_AUTOMATION_DONE.
  void automation_finished(uint32_t index, bool ok, const nlohmann::json* response, const std::string& detail,
                           int64_t now_ms);

  // A write from the sessions API: ivr.* names only, checked against the
  // flow's `expect` types; all or nothing.
  std::optional<WriteError> write(const nlohmann::json& values, int64_t now_ms);
  nlohmann::json session(bool redact) const;
  nlohmann::json value_of(std::string_view name) const;  // null when unset

  // The trace's kinds: event, enter, command, automation, result, write,
  // branch, note, agent, end, migrate, and those added from outside (cti).
  size_t trace_size() const { return trace_.size(); }
  size_t trace_dropped() const { return trace_.dropped(); }
  nlohmann::json trace_json(bool redact) const;
  // Replaces the text of secret values in s by "<redacted>".
  std::string redact(std::string s) const;
  void redact_strings(nlohmann::json& j) const;

  // ---- used by the rt_* functions
  rt_call* raw() { return &raw_; }
  Scratch& scratch() { return *scratch_; }
  FlowCode& code() { return *code_; }
  int64_t now_ms() const { return now_ms_; }
  void set_slot(uint32_t slot, const rt_value& v, const char* source);
  void emit(uint32_t command, const rt_value* args, uint32_t nargs);
  void start_automation(uint32_t index);
  // False normally; true when the call is to move to the offered version
  // at this boundary instead (the module is then not entered here).
  bool enter_module(uint32_t state);
  void note(const char* text);
  void branch(const char* label, bool result);
  void agent_connected(const rt_value& agent, const rt_value& reason);
  void timer(uint32_t op, uint32_t ms);
  void end(const char* reason);
  void add_trace(std::string_view kind, const nlohmann::json& data);

 private:
  uint32_t run(Scratch& scratch, int64_t now_ms);
  void migrate(uint32_t state);
  void check_when();
  void free_slot(rt_value& v);

  const FlowTables* tables_;  // of the version the call runs on (changes when it migrates)
  FlowCode* code_;
  rt_call raw_{};
  std::vector<rt_value> slots_;
  std::vector<uint8_t> automation_status_;
  std::vector<uint32_t> automation_epoch_;  // module epoch each automation was started in
  std::vector<uint8_t> when_fired_;
  std::unique_ptr<std::map<std::string, nlohmann::json>> extra_;  // dynamic ivr.* names
  uint32_t epoch_ = 0;
  Scratch* scratch_ = nullptr;
  int64_t now_ms_ = 0;
  int64_t started_at_ms_ = 0;

  int64_t trace_at() const { return now_ms_ - started_at_ms_; }

  CommandList commands_;
  std::vector<Request> requests_;
  std::optional<TimerChange> timer_;
  std::unique_ptr<AgentConnected> agent_;  // rare and short-lived: not inline
  bool ended_ = false;
  std::string end_reason_;
  TraceLog trace_{kTraceLimit};

  struct MigrationOffer {
    const FlowTables* tables = nullptr;
    FlowCode* code = nullptr;
    uint32_t from = 0, to = 0;
  };
  std::unique_ptr<MigrationOffer> offer_;
  bool migrated_ = false;
};

// Conversions between ABI values and JSON. view_of copies nothing: strings
// and structures point into j, so the value is valid while j lives unchanged.
nlohmann::json to_json(const rt_value& v);
rt_value view_of(const nlohmann::json& j);
// The text form of a value in templates and str(): missing and null are "".
void append_text(std::string& out, const rt_value& v);
bool truthy(const rt_value& v);

}  // namespace flowc::stdlib
