// Compiling a flow for the differential test: from memory (generated flows)
// or from disk (examples), into a runnable FlowVersion on a back end, with
// the diagnostics as text when it fails.
#pragma once

#include <memory>
#include <string>

#include "compiler/driver/compile.h"
#include "runtime/engine/flow_version.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing::diff {

// Parses, checks and lowers `source` as the file "gen.flow" (in memory).
Compilation compile_source(const std::string& source);
Compilation compile_path(const std::string& path);

// The diagnostics of a compilation as `flowc check` prints them.
std::string diagnostics_text(const Compilation& c);
// Whether any diagnostic is an error.
bool has_errors(const Compilation& c);

// A runnable version of a compiled flow on back end b; null with *error
// when the flow has errors or the code cannot be built.
std::shared_ptr<engine::FlowVersion> make_version(Compilation c, Backend b, std::string* error);

}  // namespace flowc::testing::diff
