// Helpers of the code generator's tests: one JIT per test binary, flows
// compiled from files or strings into both engines (JIT and interpreter),
// and scripted calls driven through stdlib::CallState whose observable
// effects (commands, requests, timer, agent, trace, session) are recorded
// so the two engines can be compared.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/codegen/jit.h"
#include "compiler/ir/ir.h"
#include "stdlib/flow_code.h"

namespace flowc::test {

// The JIT shared by the tests of one binary (created on first use).
codegen::JitContext& shared_jit();

// A flow with its runtime tables and code for both engines. The IR is kept
// because the interpreter walks it.
struct Engines {
  std::unique_ptr<ir::Flow> flow;
  stdlib::FlowTables tables;
  std::unique_ptr<stdlib::FlowCode> interp;
  std::unique_ptr<stdlib::FlowCode> jit;
};

// Null with *error (diagnostics or a code generation error).
std::unique_ptr<ir::Flow> compile_flow_file(const std::string& path, std::string* error);
std::unique_ptr<ir::Flow> compile_flow_source(const std::string& source, std::string* error);
std::unique_ptr<Engines> make_engines(std::unique_ptr<ir::Flow> flow, std::string* error);

// One step of a scripted call.
struct Step {
  enum Kind : uint8_t {
    Start,
    Event,   // handle(event): kind, digits (dtmf), agent (agent_answered)
    Write,   // the sessions API writes `values`, then RT_EV_SESSION_WRITE
    Finish,  // the oldest pending request finishes (ok, response), then RT_EV_AUTOMATION_DONE
  } kind = Start;
  uint32_t event = 0;
  std::string digits, agent;
  nlohmann::json values;  // Write
  bool ok = true;         // Finish
  nlohmann::json response;
  int64_t advance_ms = 500;  // the clock moves on before the step

  static Step start() { return {}; }
  static Step ev(uint32_t kind) {
    Step s;
    s.kind = Event;
    s.event = kind;
    return s;
  }
  static Step dtmf(std::string digits) {
    Step s = ev(RT_EV_DTMF);
    s.digits = std::move(digits);
    return s;
  }
  static Step agent_answered(std::string agent) {
    Step s = ev(RT_EV_AGENT_ANSWERED);
    s.agent = std::move(agent);
    return s;
  }
  static Step write(nlohmann::json values) {
    Step s;
    s.kind = Write;
    s.values = std::move(values);
    return s;
  }
  static Step finish(bool ok, nlohmann::json response = nlohmann::json::object()) {
    Step s;
    s.kind = Finish;
    s.ok = ok;
    s.response = std::move(response);
    return s;
  }
};

using Script = std::vector<Step>;

// What one call did: one JSON object per step, then the trace and session.
struct CallRecord {
  std::vector<nlohmann::json> steps;
  nlohmann::json trace;
  nlohmann::json session;
};

// `initial` (a JSON object, when not null) is written into the session
// before the call starts, without an event.
CallRecord run_script(const stdlib::FlowTables& tables, stdlib::FlowCode& code, const Script& script,
                      int64_t start_ms = 1'795'000'000'000, const nlohmann::json& initial = nullptr);

// A random but reproducible script for a flow: events, digits, session
// writes of its ivr.* variables and automation results.
Script random_script(const ir::Flow& flow, uint32_t seed, size_t steps);

// Readable description of a script, for failure messages.
std::string describe(const Script& script);

// The resident set size of this process in bytes (Linux).
size_t resident_bytes();

}  // namespace flowc::test
