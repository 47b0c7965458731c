// Loading a `.flowtest` file for a run: parse it, compile the flow it names
// (relative to the test file, with the file's env settings only, so a run
// never depends on the machine), check the scenarios' names against the
// flow, and build the code once for all its scenarios.
#pragma once

#include <memory>
#include <string>

#include "compiler/driver/compile.h"
#include "runtime/engine/flow_version.h"
#include "runtime/flowtest/scenario.h"
#include "stdlib/timezone.h"

namespace flowc::flowtest {

struct LoadedTest {
  TestFile file;
  std::string flow_file;                         // the flow's path as opened
  std::unique_ptr<Compilation> flow;             // its compilation (and diagnostics); null when not reached
  std::shared_ptr<engine::FlowVersion> version;  // null when the test cannot run
  bool ok() const { return version != nullptr; }
};

// Diagnostics of the test file go to `sources`/`diags`; the flow's own are in
// result.flow. `code_error` is set when the back end cannot build the code.
LoadedTest load_test(const std::string& path, const FileSystem& fs, SourceManager& sources,
                     DiagnosticEngine& diags, const engine::CodeFactory& factory,
                     stdlib::TimeZoneCache& zones, std::string* code_error);

}  // namespace flowc::flowtest
