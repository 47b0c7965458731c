// Internal to the code generator: setting up LLVM's native target (once per
// process) and the optimisation pipeline every compiled flow goes through.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

namespace flowc::codegen {

// Initialises the native target, its assembly printer and parser the first
// time it is called (thread-safe); false with *error when that failed.
bool init_native_target(std::string* error);

// A target machine for this process's triple with a generic CPU: the
// optimiser's view of the target, the same on every host of one triple so
// that the optimised IR (`flowc emit-llvm`) is deterministic. Null with
// *error on failure.
std::unique_ptr<llvm::TargetMachine> generic_target_machine(std::string* error);

// The new pass manager's O2 pipeline over the whole module. When *cancel
// becomes true (a tier-up whose code was destroyed), the passes not yet run
// are skipped and the module is left half optimised: it is then not to be used.
void optimize(llvm::Module& module, llvm::TargetMachine* target, const std::atomic<bool>* cancel = nullptr);

}  // namespace flowc::codegen
