// Checking a finished call against a scenario's expectations, and the text
// of a trace entry for failure reports.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "runtime/flowtest/mock_executor.h"
#include "runtime/flowtest/scenario_runner.h"

namespace flowc::flowtest {

// Adds a Divergence to r.failures for every expectation of s that r misses
// (for the command and module sequences, the first difference only).
void compare_expectations(const Scenario& s, ScenarioResult& r);

// One trace entry as a transcript line: "[0 ms] module welcome".
std::string trace_line(const nlohmann::json& entry);

}  // namespace flowc::flowtest
