// The LLVM back end: compiles a flow's IR into native handlers with an ORC
// JIT, behind stdlib::FlowCode like the interpreter; large flows first run a
// quickly compiled tier 0 and move to O2 code compiled in the background.
// No LLVM header is included here; LLVM stays inside compiler/codegen/*.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/ir/ir.h"
#include "stdlib/flow_code.h"

namespace flowc::codegen {

// Flows with at least this many IR blocks are compiled in two tiers. On a
// 2-core machine O2 costs about 0.25-0.4 ms per block, growing with the
// flow (~2.8 s for the generated 1,000-module flow of 7,005 blocks), tier 0
// about 0.04-0.07 ms (~0.45 s for that flow). At 500 blocks a flow compiled
// straight to O2 serves within ~150 ms; every example (order_status 86
// blocks, appointments 292) stays below, so what they run is exactly
// `flowc emit-llvm`'s module. See docs/internals.md, "The JIT's tiers".
inline constexpr uint32_t kDefaultTierThreshold = 500;

struct JitOptions {
  // Flows of at least this many IR blocks compile to tier 0 first (no IR
  // optimisation, the fast instruction selector and register allocator) and
  // tier up to O2 on the context's background worker. 0 tiers every flow
  // (tests); UINT32_MAX never tiers.
  uint32_t tier_threshold = kDefaultTierThreshold;
  // Whether queued tier-ups wait for resume_tier_ups() before they start
  // (tests use it to switch tiers at a chosen point of a call).
  bool tier_ups_paused = false;
};

// One ORC LLJIT (per process or per engine), with one background worker
// for tier-ups. Thread-safe: flows may be compiled, run and destroyed from
// several threads at once. Each compiled flow version lives in its own
// JITDylib (two once a tiered flow has its O2 code), removed (and its memory
// released) when the FlowCode is destroyed. Compiled code keeps the JIT
// alive, so a JitContext may be destroyed before the code it compiled; its
// destruction cancels the tier-ups still queued (that code stays on tier 0)
// and waits for the one running.
class JitContext {
 public:
  // Null with *error set when the native target or the JIT cannot be set up.
  static std::unique_ptr<JitContext> create(std::string* error, const JitOptions& options = {});
  ~JitContext();
  JitContext(const JitContext&) = delete;
  JitContext& operator=(const JitContext&) = delete;

  // Flow versions currently loaded (FlowCodes whose JITDylibs are not yet
  // removed), whatever their tier.
  size_t loaded() const;
  // JITDylibs currently alive: one per loaded version, one more per version
  // with O2 code after tier 0, and the one of a tier-up being compiled.
  size_t dylibs() const;

  // Blocks until no tier-up is running and none is queued (while paused,
  // until none is running). The serving threads never need this: it is for
  // tests and benchmarks.
  void wait_idle();
  void pause_tier_ups();
  void resume_tier_ups();

  struct Impl;

 private:
  explicit JitContext(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
  friend std::unique_ptr<stdlib::FlowCode> compile(JitContext&, const ir::Flow&, std::string*);
};

// Compiles a flow into native code (engine_name() "jit"). Null with *error
// set when the IR is malformed or LLVM fails; never aborts. The compiled
// code does not refer to `flow` after this returns. A flow at or above the
// context's tier threshold returns tier-0 code at once and queues its O2
// tier-up; the next on_event/trigger/build after the O2 code is linked runs
// it (a call's state lives in rt_call, and resume block numbers are the
// same in both tiers).
std::unique_ptr<stdlib::FlowCode> compile(JitContext& jit, const ir::Flow& flow, std::string* error);

// What tier a FlowCode runs on, and where its tier-up is.
enum class TierUp : uint8_t {
  None,       // compiled straight to O2 (or not the JIT's code)
  Queued,     // waiting for the worker (or for resume_tier_ups())
  Running,    // being compiled
  Done,       // its O2 code is live
  Failed,     // tier_up_error says why; the code stays on tier 0
  Cancelled,  // its JitContext was destroyed first; the code stays on tier 0
};
struct TierStatus {
  bool jit = false;        // compiled by compile() (false: another engine's code)
  bool optimised = false;  // runs O2 code now
  TierUp tier_up = TierUp::None;
  std::string tier_up_error;
};
TierStatus tier_status(const stdlib::FlowCode& code);

// The optimised LLVM module of a flow as text, exactly what compile() hands
// to the JIT for O2 code (straight away, or as the tier-up of a large flow;
// `flowc emit-llvm`). Deterministic for a given flow.
std::string emit_llvm(const ir::Flow& flow);

}  // namespace flowc::codegen
