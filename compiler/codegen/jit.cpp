// The ORC JIT behind JitContext, and the FlowCode of a compiled flow: one
// JITDylib per flow version holding the flow's module and, as absolute
// symbols, the addresses of the rt_* functions (nothing is resolved through
// the process's exports). Destroying the FlowCode removes the JITDylib,
// which frees the code and data it held.
#include "compiler/codegen/jit.h"

#include <atomic>

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/Mangling.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include "compiler/codegen/abi_types.h"
#include "compiler/codegen/flow_emitter.h"
#include "compiler/codegen/optimize.h"

namespace flowc::codegen {

struct JitContext::Impl {
  std::unique_ptr<llvm::orc::LLJIT> jit;
  llvm::orc::SymbolMap abi;          // rt_* (and libc helpers) by address
  std::atomic<uint64_t> next_id{0};  // JITDylib names are unique per session
  std::atomic<size_t> loaded{0};
};

namespace {

class JitCode final : public stdlib::FlowCode {
 public:
  JitCode(std::shared_ptr<JitContext::Impl> impl, llvm::orc::JITDylib* dylib, rt_on_event_fn on_event,
          const rt_trigger_fn* triggers, uint32_t trigger_count, const rt_build_fn* builds,
          uint32_t build_count)
      : impl_(std::move(impl)),
        dylib_(dylib),
        on_event_(on_event),
        triggers_(triggers),
        trigger_count_(trigger_count),
        builds_(builds),
        build_count_(build_count) {
    ++impl_->loaded;
  }

  ~JitCode() override {
    // A failure to unload leaks the version's memory; nothing else to do here.
    llvm::consumeError(impl_->jit->getExecutionSession().removeJITDylib(*dylib_));
    --impl_->loaded;
  }

  uint32_t on_event(rt_call* call) override { return on_event_(call); }
  bool trigger(rt_call* call, uint32_t index) override {
    return index < trigger_count_ && triggers_[index](call) != 0;
  }
  void build(rt_call* call, uint32_t index, void* request) override {
    if (index < build_count_) builds_[index](call, request);
  }
  const char* engine_name() const override { return "jit"; }

 private:
  std::shared_ptr<JitContext::Impl> impl_;
  llvm::orc::JITDylib* dylib_;
  rt_on_event_fn on_event_;
  const rt_trigger_fn* triggers_;
  uint32_t trigger_count_;
  const rt_build_fn* builds_;
  uint32_t build_count_;
};

std::unique_ptr<stdlib::FlowCode> failed(std::string* error, std::string what) {
  if (error) *error = std::move(what);
  return nullptr;
}

// Emits, verifies and optimises the module of a flow for `layout` and
// `triple`, optimising for `target`; null with *error.
std::unique_ptr<llvm::Module> build_module(llvm::LLVMContext& context, const ir::Flow& flow,
                                           llvm::TargetMachine& target, const llvm::DataLayout& layout,
                                           const std::string& triple, std::string* error) {
  std::string why;
  auto module = emit_module(context, flow, layout, triple, &why);
  if (!module) {
    *error = why;
    return nullptr;
  }
  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(*module, &os)) {
    *error = "generated LLVM IR is invalid: " + os.str();
    return nullptr;
  }
  optimize(*module, &target);
  return module;
}

}  // namespace

JitContext::JitContext(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
JitContext::~JitContext() = default;

size_t JitContext::loaded() const {
  return impl_->loaded.load();
}

std::unique_ptr<JitContext> JitContext::create(std::string* error) {
  std::string why;
  if (!init_native_target(&why)) {
    if (error) *error = why;
    return nullptr;
  }
  auto host = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!host) {
    if (error) *error = "cannot describe the host for the JIT: " + llvm::toString(host.takeError());
    return nullptr;
  }
  host->setCodeGenOptLevel(llvm::CodeGenOpt::Default);
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*host))
                 // One target machine per compilation: flows compile on many threads.
                 .setCompileFunctionCreator(
                     [](llvm::orc::JITTargetMachineBuilder jtmb)
                         -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
                       return std::make_unique<llvm::orc::ConcurrentIRCompiler>(std::move(jtmb));
                     })
                 // No platform: flows have no static initialisers, and a JITDylib
                 // holds only what compile() puts into it.
                 .setPlatformSetUp([](llvm::orc::LLJIT&) { return llvm::Error::success(); })
                 .create();
  if (!jit) {
    if (error) *error = "cannot create the JIT: " + llvm::toString(jit.takeError());
    return nullptr;
  }
  auto impl = std::make_shared<Impl>();
  impl->jit = std::move(*jit);
  // The library never prints: errors that matter reach compile() through
  // its lookups; ORC's default reporter would also log them to stderr.
  impl->jit->getExecutionSession().setErrorReporter([](llvm::Error err) { llvm::consumeError(std::move(err)); });
  llvm::orc::MangleAndInterner mangle(impl->jit->getExecutionSession(), impl->jit->getDataLayout());
  for (const auto& [name, address] : abi_symbols())
    impl->abi[mangle(name)] =
        llvm::JITEvaluatedSymbol(llvm::pointerToJITTargetAddress(address),
                                 llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable);
  return std::unique_ptr<JitContext>(new JitContext(std::move(impl)));
}

std::unique_ptr<stdlib::FlowCode> compile(JitContext& context, const ir::Flow& flow, std::string* error) {
  std::vector<std::string> problems = ir::verify(flow);
  if (!problems.empty()) {
    std::string what = "invalid flow IR:";
    for (const auto& p : problems) what += " " + p + ";";
    what.pop_back();
    return failed(error, what);
  }
  std::shared_ptr<JitContext::Impl> impl = context.impl_;
  llvm::orc::LLJIT& jit = *impl->jit;

  // The optimiser sees a generic CPU (as emit_llvm does, so that the IR is
  // the same); the JIT's own target machine generates code for this host.
  std::string why;
  auto target = generic_target_machine(&why);
  if (!target) return failed(error, why);
  auto llvm_context = std::make_unique<llvm::LLVMContext>();
  auto module =
      build_module(*llvm_context, flow, *target, jit.getDataLayout(), jit.getTargetTriple().str(), &why);
  if (!module) return failed(error, "cannot compile flow '" + flow.name + "': " + why);

  llvm::orc::ExecutionSession& session = jit.getExecutionSession();
  auto dylib = session.createJITDylib("flow " + flow.name + " #" + std::to_string(impl->next_id++));
  if (!dylib) return failed(error, "cannot create a JITDylib: " + llvm::toString(dylib.takeError()));
  llvm::orc::JITDylib* jd = &*dylib;
  auto give_up = [&](const std::string& what, llvm::Error err) {
    std::string msg = what + ": " + llvm::toString(std::move(err));
    llvm::consumeError(session.removeJITDylib(*jd));
    return failed(error, msg);
  };

  if (auto err = jd->define(llvm::orc::absoluteSymbols(impl->abi)))
    return give_up("cannot bind the runtime ABI", std::move(err));
  if (auto err =
          jit.addIRModule(*jd, llvm::orc::ThreadSafeModule(std::move(module), std::move(llvm_context))))
    return give_up("cannot add the module", std::move(err));

  auto on_event = jit.lookup(*jd, kOnEventSymbol);
  if (!on_event) return give_up("cannot load the flow", on_event.takeError());
  const rt_trigger_fn* triggers = nullptr;
  if (!flow.triggers.empty()) {
    auto t = jit.lookup(*jd, kTriggersSymbol);
    if (!t) return give_up("cannot load the triggers", t.takeError());
    triggers = llvm::jitTargetAddressToPointer<const rt_trigger_fn*>(t->getAddress());
  }
  const rt_build_fn* builds = nullptr;
  if (!flow.automations.empty()) {
    auto t = jit.lookup(*jd, kBuildsSymbol);
    if (!t) return give_up("cannot load the automations", t.takeError());
    builds = llvm::jitTargetAddressToPointer<const rt_build_fn*>(t->getAddress());
  }
  return std::make_unique<JitCode>(
      std::move(impl), jd, llvm::jitTargetAddressToFunction<rt_on_event_fn>(on_event->getAddress()), triggers,
      static_cast<uint32_t>(flow.triggers.size()), builds, static_cast<uint32_t>(flow.automations.size()));
}

std::string emit_llvm(const ir::Flow& flow) {
  std::string why;
  auto target = generic_target_machine(&why);
  if (!target) return "; error: " + why + "\n";
  llvm::LLVMContext context;
  auto module =
      build_module(context, flow, *target, target->createDataLayout(), target->getTargetTriple().str(), &why);
  if (!module) return "; error: " + why + "\n";
  std::string out;
  llvm::raw_string_ostream os(out);
  module->print(os, nullptr);
  os.flush();
  return out;
}

}  // namespace flowc::codegen
