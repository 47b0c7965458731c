// Runs one scenario through the real call engine on a virtual clock: the
// caller script drives the call, mocked automations answer from the
// scenario (no network), and the result is compared with the expectations.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/diag/diagnostic.h"
#include "runtime/engine/flow_version.h"
#include "runtime/flowtest/scenario.h"

namespace flowc::flowtest {

// Where the call diverged from the scenario.
struct Divergence {
  std::string what;      // "command 3 differs", "request lookup_by_phone was not sent", …
  std::string expected;  // empty when there is nothing to show
  std::string actual;
  SourceRange range;             // the scenario line that was not met
  size_t trace_upto = SIZE_MAX;  // show the trace up to this entry (inclusive)
};

struct ScenarioResult {
  std::string name;
  SourceRange range;
  bool passed = false;
  std::vector<Divergence> failures;
  nlohmann::json commands = nlohmann::json::array();  // every command, in order
  nlohmann::json requests = nlohmann::json::array();  // {automation, method, url, headers, body, json, …}
  nlohmann::json session = nlohmann::json::object();  // at the end, unredacted
  nlohmann::json cti = nlohmann::json::array();       // CTI messages sent: {endpoint, body}, in order
  nlohmann::json trace = nlohmann::json::array();     // the engine's trace entries
  std::string end_reason;
  bool ended = false;
  std::vector<std::string> modules;                     // entered, in order
  std::set<std::pair<std::string, std::string>> moves;  // module → next module
  double wall_ms = 0;
};

// The start of a scenario when it gives no `at`: Monday 2030-01-07 10:00 UTC.
constexpr int64_t kDefaultStartMs = 1894010400000;

// Reports names the scenarios use that the flow does not have (modules,
// automations, session variables) on `diags`.
void check_against_flow(const TestFile& file, const ir::Flow& flow, DiagnosticEngine& diags);

// Runs one scenario on a fresh engine with `version` installed. `index`
// makes the call id ("c-test-<index>").
ScenarioResult run_scenario(const Scenario& scenario, const std::shared_ptr<engine::FlowVersion>& version,
                            size_t index);

// The failure report of one scenario: each divergence with its location,
// expected and actual, then the trace of the call up to there
// (expectations.cpp).
std::string render_failure(const ScenarioResult& result, const SourceManager& sources);

}  // namespace flowc::flowtest
