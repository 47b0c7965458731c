// The ORC JIT behind JitContext, and the FlowCode of a compiled flow: one
// JITDylib per flow version holding the flow's module and, as absolute
// symbols, the addresses of the rt_* functions (nothing is resolved through
// the process's exports). A large flow is linked twice: tier 0 at once, O2
// later by the context's worker, into a second JITDylib whose entry points
// replace tier 0's in one atomic store. Destroying the FlowCode removes its
// JITDylibs, which frees the code and data they held.
#include "compiler/codegen/jit.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/Mangling.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "compiler/codegen/abi_types.h"
#include "compiler/codegen/flow_emitter.h"
#include "compiler/codegen/optimize.h"

namespace flowc::codegen {

namespace {

// The module flag that marks a tier-0 module: the JIT's compiler then
// generates code with CodeGenOpt::None (FastISel, the fast register
// allocator). Modules without it get CodeGenOpt::Default.
constexpr const char* kTier0Flag = "flowc.tier0";

constexpr const char* kCancelled = "the tier-up was cancelled: its JIT context was destroyed";

// The entry points of one linked module.
struct Entries {
  rt_on_event_fn on_event = nullptr;
  const rt_trigger_fn* triggers = nullptr;
  const rt_build_fn* builds = nullptr;
  uint32_t trigger_count = 0, build_count = 0;
};

class JitCode;

// The O2 tier-up of one tiered flow: queued on the context's worker, shared
// by the worker and the code it is for. Only the worker touches `bitcode`.
struct TierUpJob {
  std::string label;    // the JITDylib's name
  std::string bitcode;  // the unoptimised module; freed once parsed
  uint32_t trigger_count = 0, build_count = 0;
  std::atomic<bool> cancelled{false};  // the code or the context is gone: stop early

  std::mutex mu;            // guards what follows
  JitCode* code = nullptr;  // null once the code is destroyed
  TierUp state = TierUp::Queued;
  llvm::orc::JITDylib* dylib = nullptr;  // the O2 code; removed by `code`'s destructor once published
  Entries entries;                       // its entry points, published to `code`
  std::string error;
};

}  // namespace

struct JitContext::Impl {
  std::unique_ptr<llvm::orc::LLJIT> jit;
  llvm::orc::SymbolMap abi;  // rt_* (and libc helpers) by address
  JitOptions options;
  std::atomic<uint64_t> next_id{0};  // JITDylib names are unique per session
  std::atomic<size_t> loaded{0}, dylibs{0};

  // The tier-up worker: one thread, started with the first tier-up and
  // joined by ~JitContext (the code it compiled may outlive the context).
  std::mutex mu;
  std::condition_variable wake;  // to the worker: a job, a resume, the end
  std::condition_variable idle;  // to wait_idle(): a job finished or left the queue
  std::deque<std::shared_ptr<TierUpJob>> queue;
  std::shared_ptr<TierUpJob> running;
  bool paused = false, stopping = false;
  std::thread worker;

  void remove(llvm::orc::JITDylib* dylib) {
    // A failure to unload leaks the version's memory; nothing else to do here.
    llvm::consumeError(jit->getExecutionSession().removeJITDylib(*dylib));
    --dylibs;
  }
  void work();
};

namespace {

class JitCode final : public stdlib::FlowCode {
 public:
  JitCode(std::shared_ptr<JitContext::Impl> impl, llvm::orc::JITDylib* dylib, const Entries& entries,
          std::shared_ptr<TierUpJob> tier_up)
      : impl_(std::move(impl)), dylib_(dylib), first_(entries), tier_up_(std::move(tier_up)), live_(&first_) {
    ++impl_->loaded;
  }

  // No thread runs this code any more (FlowCode's contract), so both tiers
  // can go. A tier-up still queued leaves the queue; one running finds
  // `code` null when it is done and removes its own JITDylib.
  ~JitCode() override {
    if (tier_up_) {
      tier_up_->cancelled = true;
      {
        std::lock_guard lock(impl_->mu);
        auto it = std::find(impl_->queue.begin(), impl_->queue.end(), tier_up_);
        if (it != impl_->queue.end()) {
          impl_->queue.erase(it);
          impl_->idle.notify_all();
        }
      }
      llvm::orc::JITDylib* optimised = nullptr;
      {
        std::lock_guard lock(tier_up_->mu);
        tier_up_->code = nullptr;
        optimised = std::exchange(tier_up_->dylib, nullptr);
      }
      if (optimised) impl_->remove(optimised);
    }
    impl_->remove(dylib_);
    --impl_->loaded;
  }

  uint32_t on_event(rt_call* call) override { return live()->on_event(call); }
  bool trigger(rt_call* call, uint32_t index) override {
    const Entries* e = live();
    return index < e->trigger_count && e->triggers[index](call) != 0;
  }
  void build(rt_call* call, uint32_t index, void* request) override {
    const Entries* e = live();
    if (index < e->build_count) e->builds[index](call, request);
  }
  const char* engine_name() const override { return "jit"; }

  // The O2 entry points, from the worker (under tier_up_->mu). The next
  // on_event, trigger or build call runs them; tier 0's JITDylib stays
  // until this code is destroyed, since a thread may still be running in it.
  void publish(const Entries* optimised) { live_.store(optimised, std::memory_order_release); }

  TierStatus status() const {
    TierStatus s;
    s.jit = true;
    s.optimised = true;
    if (tier_up_) {
      std::lock_guard lock(tier_up_->mu);  // publish() happens under it: one consistent picture
      s.optimised = live() != &first_;
      s.tier_up = tier_up_->state;
      s.tier_up_error = tier_up_->error;
    }
    return s;
  }

 private:
  const Entries* live() const { return live_.load(std::memory_order_acquire); }

  std::shared_ptr<JitContext::Impl> impl_;
  llvm::orc::JITDylib* dylib_;  // the first tier: tier 0, or O2 for a flow compiled straight to O2
  const Entries first_;
  std::shared_ptr<TierUpJob> tier_up_;  // null: compiled straight to O2
  std::atomic<const Entries*> live_;
};

// Generates code with CodeGenOpt::None for modules flagged kTier0Flag and
// CodeGenOpt::Default for the others: both tiers in one LLJIT. One target
// machine per compilation, since flows compile on several threads at once.
class TieredCompiler final : public llvm::orc::IRCompileLayer::IRCompiler {
 public:
  explicit TieredCompiler(llvm::orc::JITTargetMachineBuilder jtmb)
      : IRCompiler(llvm::orc::irManglingOptionsFromTargetOptions(jtmb.getOptions())),
        jtmb_(std::move(jtmb)) {}

  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> operator()(llvm::Module& module) override {
    llvm::orc::JITTargetMachineBuilder jtmb = jtmb_;
    auto* flag = llvm::mdconst::extract_or_null<llvm::ConstantInt>(module.getModuleFlag(kTier0Flag));
    jtmb.setCodeGenOptLevel(flag && flag->isOne() ? llvm::CodeGenOpt::None : llvm::CodeGenOpt::Default);
    auto target = jtmb.createTargetMachine();
    if (!target) return target.takeError();
    return llvm::orc::SimpleCompiler(**target)(module);
  }

 private:
  llvm::orc::JITTargetMachineBuilder jtmb_;
};

bool failed(std::string* error, std::string what) {
  if (error) *error = std::move(what);
  return false;
}

// Emits and verifies the unoptimised module of a flow for `layout` and
// `triple`; null with *error.
std::unique_ptr<llvm::Module> build_module(llvm::LLVMContext& context, const ir::Flow& flow,
                                           const llvm::DataLayout& layout, const std::string& triple,
                                           std::string* error) {
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
  return module;
}

// Links `module` into a new JITDylib named `label` with the ABI bound, and
// looks up its entry points (which compiles it, on this thread). False
// with *error, the JITDylib removed again, on failure.
bool link(JitContext::Impl& impl, const std::string& label, std::unique_ptr<llvm::Module> module,
          std::unique_ptr<llvm::LLVMContext> context, uint32_t trigger_count, uint32_t build_count,
          llvm::orc::JITDylib** out, Entries* entries, std::string* error) {
  llvm::orc::LLJIT& jit = *impl.jit;
  llvm::orc::ExecutionSession& session = jit.getExecutionSession();
  auto dylib = session.createJITDylib(label);
  if (!dylib) return failed(error, "cannot create a JITDylib: " + llvm::toString(dylib.takeError()));
  ++impl.dylibs;
  llvm::orc::JITDylib* jd = &*dylib;
  auto give_up = [&](const std::string& what, llvm::Error err) {
    std::string msg = what + ": " + llvm::toString(std::move(err));
    impl.remove(jd);
    return failed(error, msg);
  };

  if (auto err = jd->define(llvm::orc::absoluteSymbols(impl.abi)))
    return give_up("cannot bind the runtime ABI", std::move(err));
  if (auto err = jit.addIRModule(*jd, llvm::orc::ThreadSafeModule(std::move(module), std::move(context))))
    return give_up("cannot add the module", std::move(err));

  auto on_event = jit.lookup(*jd, kOnEventSymbol);
  if (!on_event) return give_up("cannot load the flow", on_event.takeError());
  Entries e;
  e.on_event = llvm::jitTargetAddressToFunction<rt_on_event_fn>(on_event->getAddress());
  if (trigger_count > 0) {
    auto t = jit.lookup(*jd, kTriggersSymbol);
    if (!t) return give_up("cannot load the triggers", t.takeError());
    e.triggers = llvm::jitTargetAddressToPointer<const rt_trigger_fn*>(t->getAddress());
    e.trigger_count = trigger_count;
  }
  if (build_count > 0) {
    auto t = jit.lookup(*jd, kBuildsSymbol);
    if (!t) return give_up("cannot load the automations", t.takeError());
    e.builds = llvm::jitTargetAddressToPointer<const rt_build_fn*>(t->getAddress());
    e.build_count = build_count;
  }
  *out = jd;
  *entries = e;
  return true;
}

// The tier-up of one flow, on the worker: the bitcode parsed into a fresh
// LLVMContext, optimised with O2, linked into its own JITDylib and
// published to the code, unless the code was destroyed meanwhile.
void tier_up(JitContext::Impl& impl, TierUpJob& job) {
  {
    std::lock_guard lock(job.mu);
    if (!job.code) return;  // destroyed between leaving the queue and here
    job.state = TierUp::Running;
  }
  auto finish = [&](TierUp state, std::string error) {
    std::lock_guard lock(job.mu);
    job.state = state;
    job.error = std::move(error);
  };
  // Cancelled by the code's destructor (then nobody looks at the state) or
  // by the context's.
  auto cancelled = [&] {
    if (!job.cancelled.load()) return false;
    finish(TierUp::Cancelled, kCancelled);
    return true;
  };
  if (cancelled()) return;

  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = llvm::parseBitcodeFile(llvm::MemoryBufferRef(job.bitcode, job.label), *context);
  std::string().swap(job.bitcode);
  if (!module)
    return finish(TierUp::Failed,
                  "cannot read the flow's module back: " + llvm::toString(module.takeError()));
  std::string why;
  auto target = generic_target_machine(&why);
  if (!target) return finish(TierUp::Failed, why);
  optimize(**module, target.get(), &job.cancelled);
  if (cancelled()) return;

  llvm::orc::JITDylib* dylib = nullptr;
  Entries entries;
  if (!link(impl, job.label, std::move(*module), std::move(context), job.trigger_count, job.build_count,
            &dylib, &entries, &why))
    return finish(TierUp::Failed, why);
  {
    std::lock_guard lock(job.mu);
    if (job.code) {
      job.dylib = dylib;
      job.entries = entries;
      job.state = TierUp::Done;
      job.code->publish(&job.entries);
      return;
    }
  }
  impl.remove(dylib);  // the code is gone: nothing will ever run this
}

}  // namespace

void JitContext::Impl::work() {
  std::unique_lock lock(mu);
  for (;;) {
    wake.wait(lock, [&] { return stopping || (!paused && !queue.empty()); });
    if (stopping) return;
    running = std::move(queue.front());
    queue.pop_front();
    std::shared_ptr<TierUpJob> job = running;
    lock.unlock();
    tier_up(*this, *job);
    job.reset();
    lock.lock();
    running = nullptr;
    idle.notify_all();
  }
}

JitContext::JitContext(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

JitContext::~JitContext() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
    for (auto& job : impl_->queue) {
      job->cancelled = true;
      std::lock_guard job_lock(job->mu);
      job->state = TierUp::Cancelled;
      job->error = kCancelled;
    }
    impl_->queue.clear();
    if (impl_->running) impl_->running->cancelled = true;
  }
  impl_->wake.notify_all();
  impl_->idle.notify_all();
  if (impl_->worker.joinable()) impl_->worker.join();
}

size_t JitContext::loaded() const {
  return impl_->loaded.load();
}

size_t JitContext::dylibs() const {
  return impl_->dylibs.load();
}

void JitContext::wait_idle() {
  std::unique_lock lock(impl_->mu);
  impl_->idle.wait(lock, [&] { return !impl_->running && (impl_->paused || impl_->queue.empty()); });
}

void JitContext::pause_tier_ups() {
  std::lock_guard lock(impl_->mu);
  impl_->paused = true;
  impl_->idle.notify_all();
}

void JitContext::resume_tier_ups() {
  std::lock_guard lock(impl_->mu);
  impl_->paused = false;
  impl_->wake.notify_all();
}

std::unique_ptr<JitContext> JitContext::create(std::string* error, const JitOptions& options) {
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
                 .setCompileFunctionCreator(
                     [](llvm::orc::JITTargetMachineBuilder jtmb)
                         -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
                       return std::make_unique<TieredCompiler>(std::move(jtmb));
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
  impl->options = options;
  impl->paused = options.tier_ups_paused;
  // The library never prints: errors that matter reach compile() through
  // its lookups; ORC's default reporter would also log them to stderr.
  impl->jit->getExecutionSession().setErrorReporter(
      [](llvm::Error err) { llvm::consumeError(std::move(err)); });
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
    failed(error, what);
    return nullptr;
  }
  std::shared_ptr<JitContext::Impl> impl = context.impl_;
  llvm::orc::LLJIT& jit = *impl->jit;
  const bool tiered = flow.blocks.size() >= impl->options.tier_threshold;

  std::string why;
  auto llvm_context = std::make_unique<llvm::LLVMContext>();
  // A large flow's module is built without value names: cheaper to emit,
  // to write as bitcode and to read back. Its O2 code is emit_llvm()'s
  // module but for the names.
  if (tiered) llvm_context->setDiscardValueNames(true);
  auto module = build_module(*llvm_context, flow, jit.getDataLayout(), jit.getTargetTriple().str(), &why);
  if (!module) {
    failed(error, "cannot compile flow '" + flow.name + "': " + why);
    return nullptr;
  }
  const std::string label = "flow " + flow.name + " #" + std::to_string(impl->next_id++);
  const auto trigger_count = static_cast<uint32_t>(flow.triggers.size());
  const auto build_count = static_cast<uint32_t>(flow.automations.size());

  std::shared_ptr<TierUpJob> job;
  if (tiered) {
    // What the tier-up needs, independent of `flow` and of this module
    // (which tier 0 consumes): the unoptimised module as bitcode.
    job = std::make_shared<TierUpJob>();
    job->label = label + " O2";
    job->trigger_count = trigger_count;
    job->build_count = build_count;
    llvm::raw_string_ostream os(job->bitcode);
    llvm::WriteBitcodeToFile(*module, os);
    os.flush();
    module->addModuleFlag(llvm::Module::Warning, kTier0Flag, 1);
  } else {
    // The optimiser sees a generic CPU (as emit_llvm does, so that the IR is
    // the same); the JIT's own target machine generates code for this host.
    auto target = generic_target_machine(&why);
    if (!target) {
      failed(error, why);
      return nullptr;
    }
    optimize(*module, target.get());
  }

  llvm::orc::JITDylib* dylib = nullptr;
  Entries entries;
  if (!link(*impl, label, std::move(module), std::move(llvm_context), trigger_count, build_count, &dylib,
            &entries, error))
    return nullptr;
  auto code = std::make_unique<JitCode>(impl, dylib, entries, job);
  if (job) {
    job->code = code.get();
    std::lock_guard lock(impl->mu);
    if (impl->stopping) {
      job->state = TierUp::Cancelled;
      job->error = kCancelled;
    } else {
      impl->queue.push_back(std::move(job));
      if (!impl->worker.joinable()) impl->worker = std::thread([raw = impl.get()] { raw->work(); });
      impl->wake.notify_all();
    }
  }
  return code;
}

TierStatus tier_status(const stdlib::FlowCode& code) {
  if (const auto* jit = dynamic_cast<const JitCode*>(&code)) return jit->status();
  return {};
}

std::string emit_llvm(const ir::Flow& flow) {
  std::string why;
  auto target = generic_target_machine(&why);
  if (!target) return "; error: " + why + "\n";
  llvm::LLVMContext context;
  auto module =
      build_module(context, flow, target->createDataLayout(), target->getTargetTriple().str(), &why);
  if (!module) return "; error: " + why + "\n";
  optimize(*module, target.get());
  std::string out;
  llvm::raw_string_ostream os(out);
  module->print(os, nullptr);
  os.flush();
  return out;
}

}  // namespace flowc::codegen
