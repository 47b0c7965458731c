// Mutation testing of the differential test itself: one small change to a
// flow's IR (an operator, a constant, a branch, a timer, an escaping), given
// to one side only, must make the engines differ on the cases that reach it.
// The share of mutants caught measures how deep the event sequences go.
#pragma once

#include <string>

#include "compiler/ir/ir.h"
#include "tests/diff/flow_generator.h"

namespace flowc::testing::diff {

// Changes one randomly chosen site of `flow`; returns what it did ("" when
// the flow has no site to change).
std::string mutate(ir::Flow& flow, Rng& r);

}  // namespace flowc::testing::diff
