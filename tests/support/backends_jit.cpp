// The code factory for the LLVM JIT: one JitContext for the whole test
// process (compiled code keeps it alive), created on first use.
#include <mutex>

#include "compiler/codegen/jit.h"
#include "tests/support/backends.h"

namespace flowc::testing {

namespace {

codegen::JitContext* shared_jit(std::string* error) {
  static std::once_flag once;
  static std::unique_ptr<codegen::JitContext> jit;
  static std::string setup_error;
  std::call_once(once, [] { jit = codegen::JitContext::create(&setup_error); });
  if (!jit && error) *error = "cannot set up the JIT: " + setup_error;
  return jit.get();
}

}  // namespace

engine::CodeFactory jit_code_factory() {
  return [](const ir::Flow& flow, std::string* error) -> std::unique_ptr<stdlib::FlowCode> {
    codegen::JitContext* jit = shared_jit(error);
    if (!jit) return nullptr;
    return codegen::compile(*jit, flow, error);
  };
}

}  // namespace flowc::testing
