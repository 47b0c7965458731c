// Native target set-up and the O2 pipeline (PassBuilder's per-module
// default pipeline, with the default alias analyses), which a tier-up can
// cut short.
#include "compiler/codegen/optimize.h"

#include <mutex>

#include <llvm/Analysis/AliasAnalysis.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/Host.h>
#include <llvm/Support/TargetSelect.h>

namespace flowc::codegen {

bool init_native_target(std::string* error) {
  static std::once_flag once;
  static bool failed = false;
  std::call_once(once, [] {
    failed = llvm::InitializeNativeTarget() || llvm::InitializeNativeTargetAsmPrinter() ||
             llvm::InitializeNativeTargetAsmParser();
  });
  if (failed && error) *error = "LLVM has no native target for " + llvm::sys::getProcessTriple();
  return !failed;
}

std::unique_ptr<llvm::TargetMachine> generic_target_machine(std::string* error) {
  if (!init_native_target(error)) return nullptr;
  llvm::orc::JITTargetMachineBuilder builder{llvm::Triple(llvm::sys::getProcessTriple())};
  builder.setCodeGenOptLevel(llvm::CodeGenOpt::Default);
  auto tm = builder.createTargetMachine();
  if (!tm) {
    std::string why = llvm::toString(tm.takeError());
    if (error) *error = "cannot create a target machine: " + why;
    return nullptr;
  }
  return std::move(*tm);
}

void optimize(llvm::Module& module, llvm::TargetMachine* target, const std::atomic<bool>* cancel) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassInstrumentationCallbacks callbacks;
  if (cancel)
    callbacks.registerShouldRunOptionalPassCallback(
        [cancel](llvm::StringRef, llvm::Any) { return !cancel->load(std::memory_order_relaxed); });
  llvm::PassBuilder pb(target, llvm::PipelineTuningOptions(), llvm::None, &callbacks);
  fam.registerPass([&] { return pb.buildDefaultAAPipeline(); });  // before the defaults, which have no AA
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
  mpm.run(module, mam);
}

}  // namespace flowc::codegen
