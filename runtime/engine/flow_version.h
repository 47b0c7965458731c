// One loaded version of a flow: its IR, runtime tables and compiled code
// (JIT or interpreter). Calls hold it by shared_ptr, so a version lives
// until its last call ends.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "compiler/ir/ir.h"
#include "stdlib/flow_code.h"
#include "stdlib/timezone.h"

namespace flowc::engine {

// Turns IR into runnable code: the JIT in production, the interpreter as
// the oracle or fallback.
using CodeFactory =
    std::function<std::unique_ptr<stdlib::FlowCode>(const ir::Flow& flow, std::string* error)>;

struct FlowVersion {
  std::string name;
  uint32_t number = 0;         // 1, 2, … per flow name
  std::string source_path;
  std::string hash;            // of the sources
  int64_t loaded_at_ms = 0;
  int64_t compile_ms = 0;
  std::unique_ptr<ir::Flow> flow;
  stdlib::FlowTables tables;
  std::unique_ptr<stdlib::FlowCode> code;
  std::atomic<int64_t> active_calls{0};

  // Builds the tables and the code; null with *error when the code cannot
  // be built.
  static std::shared_ptr<FlowVersion> make(std::unique_ptr<ir::Flow> flow, const CodeFactory& factory,
                                           stdlib::TimeZoneCache& zones, std::string* error);
};

}  // namespace flowc::engine
