// The fuzzers' entry point, shared with the unit test that replays
// tests/fuzz/regressions/: compile some bytes as a flow and abort on anything
// that must never happen.
#pragma once

#include <cstddef>
#include <cstdint>

namespace flowc::fuzz {

// Parses, checks and (when clean) lowers `data` as the file "fuzz.flow",
// importing itself under any other name, then verifies the IR, dumps it and
// renders the diagnostics. Aborts when a clean flow does not lower to IR
// that verifies, or when a failed compilation reports no error.
void check_one(const uint8_t* data, size_t size);

}  // namespace flowc::fuzz
