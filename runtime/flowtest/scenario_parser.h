// Parses a `.flowtest` file (the line-oriented format of docs/testing.md)
// into a TestFile, reporting every problem as a diagnostic (FL5xx) with
// file:line:col, like a flow's.
#pragma once

#include <optional>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "runtime/flowtest/scenario.h"

namespace flowc::flowtest {

// Adds the file to `sources` and parses it. Returns the file even with
// errors (so later checks can still run); the caller looks at diags.
TestFile parse_test_file(const std::string& path, std::string_view bytes, SourceManager& sources,
                         DiagnosticEngine& diags);

// "2026-11-24T10:00:00Z", "2026-11-24T10:00:00+01:00", "2026-11-24T10:00" (UTC)
// → unix milliseconds; nullopt when malformed.
std::optional<int64_t> parse_iso_time(std::string_view text);

}  // namespace flowc::flowtest
