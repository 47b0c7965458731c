// The code factory for the interpreter (the JIT one is in backends_jit.cpp),
// and code_factory(), which picks one by back end.
#include "compiler/interp/interpreter.h"
#include "tests/support/backends.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {

engine::CodeFactory interp_code_factory() {
  return [](const ir::Flow& flow, std::string*) { return interp::make_interpreter(flow); };
}

#ifndef FLOWC_TEST_HAVE_JIT
engine::CodeFactory jit_code_factory(Backend) {
  return [](const ir::Flow&, std::string* error) -> std::unique_ptr<stdlib::FlowCode> {
    if (error) *error = "this test binary was built without the JIT (compiler/codegen)";
    return nullptr;
  };
}
void run_tier_ups(Backend) {}
bool runs_optimised(const stdlib::FlowCode&) {
  return false;
}
#endif

engine::CodeFactory code_factory(Backend b) {
  return b == Backend::Interp ? interp_code_factory() : jit_code_factory(b);
}

}  // namespace flowc::testing
