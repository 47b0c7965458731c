// The LLVM back end: compiles a flow's IR into native handlers with an ORC
// JIT, behind stdlib::FlowCode like the interpreter. No LLVM header is
// included here; LLVM stays inside compiler/codegen/*.cpp.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "compiler/ir/ir.h"
#include "stdlib/flow_code.h"

namespace flowc::codegen {

// One ORC LLJIT (per process or per engine). Thread-safe: flows may be
// compiled, run and destroyed from several threads at once. Each compiled
// flow version lives in its own JITDylib, which is removed (and its memory
// released) when the FlowCode is destroyed. Compiled code keeps the JIT
// alive, so a JitContext may be destroyed before the code it compiled.
class JitContext {
 public:
  // Null with *error set when the native target or the JIT cannot be set up.
  static std::unique_ptr<JitContext> create(std::string* error);
  ~JitContext();
  JitContext(const JitContext&) = delete;
  JitContext& operator=(const JitContext&) = delete;

  // Flow versions currently loaded (JITDylibs not yet removed).
  size_t loaded() const;

  struct Impl;

 private:
  explicit JitContext(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
  friend std::unique_ptr<stdlib::FlowCode> compile(JitContext&, const ir::Flow&, std::string*);
};

// Compiles a flow into native code (engine_name() "jit"). Null with *error
// set when the IR is malformed or LLVM fails; never aborts. The compiled
// code does not refer to `flow` after this returns.
std::unique_ptr<stdlib::FlowCode> compile(JitContext& jit, const ir::Flow& flow, std::string* error);

// The optimised LLVM module of a flow as text, exactly what compile() hands
// to the JIT (`flowc emit-llvm`). Deterministic for a given flow.
std::string emit_llvm(const ir::Flow& flow);

}  // namespace flowc::codegen
