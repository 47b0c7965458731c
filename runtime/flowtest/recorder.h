// Turning a finished call into a `.flowtest` scenario (`flowc serve --record
// DIR`): the caller's events and the sessions API writes become caller steps
// at their times, the automations' answers become mocks, and what the call
// did (commands, requests, modules, the end) becomes the expectations, so
// `flowc test` replays the call against the current flow and shows the first
// difference.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/engine/action_executor.h"

namespace flowc::flowtest {

struct RecordedResult {
  std::string automation;
  engine::ActionResult result;
};

struct RecordedCall {
  std::string flow_path;  // as the test file names it
  std::string flow_name;
  std::string call_id, from, to;
  int64_t started_at_ms = 0;            // unix ms
  nlohmann::json trace;                 // the engine's trace entries (times relative to the start)
  size_t trace_dropped = 0;             // entries the trace lost (the call was too long)
  std::vector<RecordedResult> results;  // automation answers, in the order they came
};

// The text of a complete .flowtest file with one scenario.
std::string scenario_text(const RecordedCall& call);

}  // namespace flowc::flowtest
