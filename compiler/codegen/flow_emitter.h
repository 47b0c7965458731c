// Internal to the code generator: a flow's IR → one LLVM module.
//
// Layout of the module:
//   i32 @on_event(%rt_call*)      the handler: an entry switch on call->resume
//                                 to the start block and every Suspend target,
//                                 then one basic block per reachable IR block
//   i32 @trigger_<n>(%rt_call*)   internal, one per trigger (0 or 1)
//   void @build_<n>(%rt_call*, i8*)  internal, one per automation
//   @triggers, @builds            constant tables of those functions, which
//                                 is how FlowCode::trigger/build reach them
// String constants are private globals; the rt_* functions are declared
// and bound by address when the module is loaded.
#pragma once

#include <memory>
#include <string>

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include "compiler/ir/ir.h"

namespace flowc::codegen {

inline constexpr const char* kOnEventSymbol = "on_event";
inline constexpr const char* kTriggersSymbol = "triggers";
inline constexpr const char* kBuildsSymbol = "builds";

// The unoptimised module for `flow`, laid out for `data_layout` and
// `triple`; null with *error when the IR cannot be compiled.
std::unique_ptr<llvm::Module> emit_module(llvm::LLVMContext& context, const ir::Flow& flow,
                                          const llvm::DataLayout& data_layout, const std::string& triple,
                                          std::string* error);

}  // namespace flowc::codegen
