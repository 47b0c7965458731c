// The code factories for the LLVM JIT: one JitContext per JIT back end for
// the whole test process (compiled code keeps it alive), created on first
// use; Backend::JitTier0 and JitTiered tier every flow, whatever its size.
#include <mutex>

#include "compiler/codegen/jit.h"
#include "tests/support/backends.h"

namespace flowc::testing {

namespace {

codegen::JitContext* shared_jit(Backend b, std::string* error) {
  struct Shared {
    std::once_flag once;
    std::unique_ptr<codegen::JitContext> jit;
    std::string setup_error;
  };
  static Shared contexts[3];  // Jit, JitTier0, JitTiered
  const int i = b == Backend::JitTier0 ? 1 : b == Backend::JitTiered ? 2 : 0;
  Shared& s = contexts[i];
  std::call_once(s.once, [&] {
    codegen::JitOptions options;
    if (b != Backend::Jit) {
      options.tier_threshold = 0;      // every flow starts on tier 0
      options.tier_ups_paused = true;  // JitTier0: for ever; JitTiered: until run_tier_ups()
    }
    s.jit = codegen::JitContext::create(&s.setup_error, options);
  });
  if (!s.jit && error) *error = "cannot set up the JIT: " + s.setup_error;
  return s.jit.get();
}

}  // namespace

engine::CodeFactory jit_code_factory(Backend b) {
  return [b](const ir::Flow& flow, std::string* error) -> std::unique_ptr<stdlib::FlowCode> {
    codegen::JitContext* jit = shared_jit(b, error);
    if (!jit) return nullptr;
    return codegen::compile(*jit, flow, error);
  };
}

void run_tier_ups(Backend b) {
  if (b != Backend::JitTiered) return;
  codegen::JitContext* jit = shared_jit(b, nullptr);
  if (!jit) return;
  // One caller at a time: a second one's pause would stop the first's wait short.
  static std::mutex mu;
  std::lock_guard lock(mu);
  jit->resume_tier_ups();
  jit->wait_idle();
  jit->pause_tier_ups();
}

bool runs_optimised(const stdlib::FlowCode& code) {
  codegen::TierStatus s = codegen::tier_status(code);
  return s.jit && s.optimised;
}

}  // namespace flowc::testing
