// The code factory for the interpreter (the JIT one is in backends_jit.cpp).
#include "compiler/interp/interpreter.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {

engine::CodeFactory code_factory(Backend b) {
  return [](const ir::Flow& flow, std::string*) { return interp::make_interpreter(flow); };
}

}  // namespace flowc::testing
