// The reference interpreter: executes the flow graph IR through the same ABI
// as the JIT. It is the oracle of the differential test and the
// `--engine=interp` fallback, not the product's engine.
#pragma once

#include <memory>

#include "compiler/ir/ir.h"
#include "stdlib/flow_code.h"

namespace flowc::interp {

// The flow must outlive the returned code.
std::unique_ptr<stdlib::FlowCode> make_interpreter(const ir::Flow& flow);

}  // namespace flowc::interp
