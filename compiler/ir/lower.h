// Lowering: a checked flow → the flow graph IR. Each module kind becomes a
// fixed pattern of blocks (see docs/internals.md); both back ends then only
// execute instructions, so they cannot disagree about what a module does.
#pragma once

#include <memory>

#include "compiler/ir/ir.h"
#include "compiler/sema/checked_flow.h"
#include "compiler/sema/checker.h"

namespace flowc::ir {

// Lowers a flow that checked without errors.
std::unique_ptr<Flow> lower(const sema::CheckedFlow& flow, const sema::CheckOptions& options);

}  // namespace flowc::ir
