// A flow's blocks, triggers and automations → the functions of one LLVM
// module (layout in flow_emitter.h). Instructions and terminators do what
// the interpreter's exec() and on_event() loop do, in the same order.
#include "compiler/codegen/flow_emitter.h"

#include <algorithm>

#include <llvm/IR/Constants.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/MDBuilder.h>

#include "compiler/codegen/expr_emitter.h"

namespace flowc::codegen {

namespace {

// A block's IR label as an LLVM name: "b12.welcome.prompt".
std::string block_name(uint32_t index, const std::string& label) {
  std::string out = "b" + std::to_string(index);
  if (label.empty()) return out;
  out += '.';
  for (char c : label) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    out += ok ? c : '_';
  }
  return out;
}

class FlowEmitter {
 public:
  explicit FlowEmitter(ModuleCx& m) : m_(m), abi_(m.abi), flow_(m.flow) {}

  void run() {
    for (size_t i = 0; i < flow_.triggers.size(); ++i) {
      auto* f = llvm::Function::Create(abi_.trigger_type, llvm::GlobalValue::InternalLinkage,
                                       "trigger_" + std::to_string(i), m_.module);
      f->getArg(0)->setName("call");
      m_.triggers.push_back(f);
    }
    emit_on_event();
    for (size_t i = 0; i < flow_.triggers.size(); ++i) emit_trigger(static_cast<uint32_t>(i));
    std::vector<llvm::Constant*> builds;
    for (size_t i = 0; i < flow_.automations.size(); ++i)
      builds.push_back(emit_build(static_cast<uint32_t>(i)));
    std::vector<llvm::Constant*> triggers(m_.triggers.begin(), m_.triggers.end());
    table(kTriggersSymbol, abi_.trigger_type, triggers);
    table(kBuildsSymbol, abi_.build_type, builds);
  }

 private:
  // An external constant array of function pointers (none when empty).
  void table(const char* name, llvm::FunctionType* type, const std::vector<llvm::Constant*>& fns) {
    if (fns.empty()) return;
    auto* ty = llvm::ArrayType::get(type->getPointerTo(), fns.size());
    new llvm::GlobalVariable(m_.module, ty, /*isConstant=*/true, llvm::GlobalValue::ExternalLinkage,
                             llvm::ConstantArray::get(ty, fns), name);
  }

  const ir::Expr& required(const ir::ExprPtr& e, const std::string& what) {
    if (e) return *e;
    m_.fail(what + " has no expression");
    return m_.missing_expr();
  }

  // ---------------------------------------------------------------- on_event

  void emit_on_event() {
    const uint32_t n = static_cast<uint32_t>(flow_.blocks.size());
    llvm::Function* f = llvm::Function::Create(abi_.on_event_type, llvm::GlobalValue::ExternalLinkage,
                                               kOnEventSymbol, m_.module);
    f->getArg(0)->setName("call");
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(abi_.context, "entry", f);
    llvm::IRBuilder<> b(entry);
    ExprEmitter x(m_, f, b);

    // Entries: where a handler run may begin.
    std::vector<bool> is_entry(n, false), reached(n, false);
    if (flow_.start_block >= n) {
      m_.fail("the start block is out of range");
      return;
    }
    is_entry[flow_.start_block] = true;
    // Every module's entry: a call that migrates resumes there in the new version.
    for (const auto& s : flow_.states) {
      if (s.entry >= n) {
        m_.fail("module '" + s.name + "' starts at a block out of range");
        return;
      }
      is_entry[s.entry] = true;
    }
    for (const auto& blk : flow_.blocks)
      if (blk.term.op == ir::TermOp::Suspend) {
        if (blk.term.target >= n) {
          m_.fail("block '" + blk.label + "' resumes at a block out of range");
          return;
        }
        is_entry[blk.term.target] = true;
      }
    // Blocks reachable from an entry within one run.
    std::vector<uint32_t> work;
    for (uint32_t i = 0; i < n; ++i)
      if (is_entry[i]) {
        reached[i] = true;
        work.push_back(i);
      }
    while (!work.empty()) {
      const ir::Terminator& t = flow_.blocks[work.back()].term;
      work.pop_back();
      std::vector<uint32_t> next;
      if (t.op == ir::TermOp::Jump) next = {t.target};
      if (t.op == ir::TermOp::Branch) next = {t.target, t.other};
      for (uint32_t s : next) {
        if (s >= n) {
          m_.fail("a branch or jump goes to a block out of range");
          return;
        }
        if (!reached[s]) {
          reached[s] = true;
          work.push_back(s);
        }
      }
    }

    // A block without instructions that jumps on (a module's exit, a
    // finished prompt) gets no basic block of its own unless it is an
    // entry: branches go straight to where its chain of jumps ends. (O2
    // would fold these blocks anyway; tier 0 compiles fewer.) A cycle of
    // such jumps keeps its blocks, and loops as the IR does.
    auto skippable = [&](uint32_t i) {
      const ir::Block& blk = flow_.blocks[i];
      return blk.instrs.empty() && blk.term.op == ir::TermOp::Jump && !is_entry[i];
    };
    std::vector<uint32_t> dest(n);
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t j = i, steps = 0;
      while (reached[i] && skippable(j) && steps++ <= n) j = flow_.blocks[j].term.target;
      dest[i] = steps > n ? i : j;
    }
    std::vector<llvm::BasicBlock*> bbs(n, nullptr);
    for (uint32_t i = 0; i < n; ++i)
      if (reached[i] && (!skippable(i) || dest[i] == i))
        bbs[i] = llvm::BasicBlock::Create(abi_.context, block_name(i, flow_.blocks[i].label), f);
    // Where a branch to block i goes.
    std::vector<llvm::BasicBlock*> targets(n, nullptr);
    for (uint32_t i = 0; i < n; ++i) targets[i] = bbs[dest[i]];
    llvm::BasicBlock* invalid = llvm::BasicBlock::Create(abi_.context, "invalid_resume", f);

    llvm::Value* resume = b.CreateLoad(abi_.i32, x.call_field(kCallResume), "resume");
    llvm::SwitchInst* sw = b.CreateSwitch(
        resume, invalid, static_cast<unsigned>(std::count(is_entry.begin(), is_entry.end(), true)));
    for (uint32_t i = 0; i < n; ++i)
      if (is_entry[i]) sw->addCase(b.getInt32(i), bbs[i]);

    // A resume value that is no entry (never set by the runtime) ends the call.
    b.SetInsertPoint(invalid);
    b.CreateCall(abi_.fn(Rt::rt_end), {x.call, m_.text("invalid resume point")});
    b.CreateRet(b.getInt32(RT_ENDED));

    for (uint32_t i = 0; i < n; ++i) {
      if (!bbs[i]) continue;
      b.SetInsertPoint(bbs[i]);
      for (const auto& in : flow_.blocks[i].instrs) emit_instr(x, in);
      emit_term(x, flow_.blocks[i], targets);
    }
  }

  void emit_instr(ExprEmitter& x, const ir::Instr& in) {
    llvm::IRBuilder<>& b = x.b;
    switch (in.op) {
      case ir::InstrOp::SetSlot: {
        if (in.slot >= flow_.slots.size()) {
          m_.fail("set of slot " + std::to_string(in.slot) + " out of range");
          return;
        }
        size_t mark = x.temps_mark();
        llvm::Value* v = x.value_ptr(required(in.expr, "set " + flow_.slots[in.slot].name));
        b.CreateCall(abi_.fn(Rt::rt_set_slot), {x.call, x.i32(in.slot), v});
        x.end_temps(mark);
        return;
      }
      case ir::InstrOp::StartAutomation:
        if (in.index >= flow_.automations.size()) {
          m_.fail("automation " + std::to_string(in.index) + " out of range");
          return;
        }
        b.CreateCall(abi_.fn(Rt::rt_start_automation), {x.call, x.i32(in.index)});
        return;
      case ir::InstrOp::Emit: {
        // The interpreter's `rt_value args[8] = {}`: each argument evaluated
        // into place, each run of absent ones zeroed at once.
        uint32_t n = static_cast<uint32_t>(std::min<size_t>(in.args.size(), 8));
        size_t mark = x.temps_mark();
        llvm::Value* args = x.temp_array(n);
        for (uint32_t i = 0; i < n;) {
          llvm::Value* at = b.CreateConstInBoundsGEP1_32(abi_.value, args, i);
          if (in.args[i]) {
            x.value_into(*in.args[i], at);
            ++i;
            continue;
          }
          uint32_t end = i + 1;
          while (end < n && !in.args[end]) ++end;
          x.zero(at, uint64_t{end - i} * sizeof(rt_value));
          i = end;
        }
        b.CreateCall(abi_.fn(Rt::rt_emit),
                     {x.call, x.i32(static_cast<uint32_t>(in.command)), args, x.i32(n)});
        x.end_temps(mark);
        return;
      }
      case ir::InstrOp::EnterModule: {
        // A module boundary: when the runtime moves the call to a newer
        // version here, return RT_MIGRATE with resume = this module's entry.
        if (in.index >= flow_.states.size()) {
          m_.fail("module " + std::to_string(in.index) + " out of range");
          return;
        }
        llvm::Value* moved = b.CreateCall(abi_.fn(Rt::rt_enter_module), {x.call, x.i32(in.index)});
        llvm::Function* f = b.GetInsertBlock()->getParent();
        const std::string& name = flow_.states[in.index].name;
        llvm::BasicBlock* migrate = llvm::BasicBlock::Create(abi_.context, name + ".migrate", f);
        llvm::BasicBlock* entered = llvm::BasicBlock::Create(abi_.context, name + ".entered", f);
        llvm::MDBuilder md(abi_.context);
        b.CreateCondBr(b.CreateICmpNE(moved, x.i32(0)), migrate, entered, md.createBranchWeights(1, 1000));
        b.SetInsertPoint(migrate);
        b.CreateStore(x.i32(flow_.states[in.index].entry), x.call_field(kCallResume));
        b.CreateRet(x.i32(RT_MIGRATE));
        b.SetInsertPoint(entered);
        return;
      }
      case ir::InstrOp::SetAttempts: {
        // v.tag == RT_NUM && v.u.num > 0 ? (uint32_t)v.u.num : 0, with the
        // conversion C++ compilers emit on x86-64 (through int64, keep the
        // low 32 bits; 0 from 2^63 on).
        Val v = x.value(required(in.expr, "attempts"));
        llvm::Value* d = b.CreateBitCast(v.bits, abi_.f64);
        llvm::Value* ok = b.CreateAnd(
            b.CreateICmpEQ(v.tag, x.i32(RT_NUM)),
            b.CreateAnd(b.CreateFCmpOGT(d, llvm::ConstantFP::get(abi_.f64, 0.0)),
                        b.CreateFCmpOLT(d, llvm::ConstantFP::get(abi_.f64, 9223372036854775808.0))));
        llvm::Value* n = b.CreateTrunc(b.CreateFPToSI(d, abi_.i64), abi_.i32);
        b.CreateStore(b.CreateSelect(ok, n, x.i32(0)), x.call_field(kCallAttempts));
        return;
      }
      case ir::InstrOp::Trace: b.CreateCall(abi_.fn(Rt::rt_trace), {x.call, m_.text(in.text)}); return;
      case ir::InstrOp::AgentConnected: {
        if (in.args.size() < 2 || !in.args[0] || !in.args[1]) {
          m_.fail("agent-connected needs an agent and a reason");
          return;
        }
        size_t mark = x.temps_mark();
        llvm::Value* agent = x.value_ptr(*in.args[0]);
        llvm::Value* reason = x.value_ptr(*in.args[1]);
        b.CreateCall(abi_.fn(Rt::rt_agent_connected), {x.call, agent, reason});
        x.end_temps(mark);
        return;
      }
    }
    m_.fail("unknown instruction " + std::to_string(static_cast<int>(in.op)));
  }

  // `targets`: the basic block a branch to each IR block goes to.
  void emit_term(ExprEmitter& x, const ir::Block& blk, const std::vector<llvm::BasicBlock*>& targets) {
    llvm::IRBuilder<>& b = x.b;
    const ir::Terminator& t = blk.term;
    switch (t.op) {
      case ir::TermOp::Jump: b.CreateBr(targets[t.target]); return;
      case ir::TermOp::Branch: {
        const ir::Expr& cond = required(t.cond, "the branch of '" + blk.label + "'");
        if (cond.op == ir::ExprOp::EventIs && t.trace.empty()) {  // a resume point's test: no value needed
          x.branch_on_event(static_cast<uint32_t>(cond.event), targets[t.target], targets[t.other]);
          return;
        }
        llvm::Value* c = x.cond(cond);
        if (!t.trace.empty())
          b.CreateCall(abi_.fn(Rt::rt_trace_branch), {x.call, m_.text(t.trace), b.CreateZExt(c, abi_.i32)});
        b.CreateCondBr(c, targets[t.target], targets[t.other]);
        return;
      }
      case ir::TermOp::Suspend:
        b.CreateStore(x.i32(t.target), x.call_field(kCallResume));
        if (t.timer == ir::TimerOp::Clear)
          b.CreateCall(abi_.fn(Rt::rt_timer), {x.call, x.i32(RT_TIMER_CLEAR), x.i32(0)});
        if (t.timer == ir::TimerOp::Set)
          b.CreateCall(abi_.fn(Rt::rt_timer), {x.call, x.i32(RT_TIMER_SET), x.i32(t.timer_ms)});
        b.CreateRet(x.i32(t.await == ir::Await::Caller ? RT_SUSPEND_CALLER : RT_SUSPEND_EXTERNAL));
        return;
      case ir::TermOp::End:
        b.CreateCall(abi_.fn(Rt::rt_end), {x.call, m_.text(t.reason)});
        b.CreateRet(x.i32(RT_ENDED));
        return;
    }
    m_.fail("block '" + blk.label + "' has an unknown terminator");
    b.CreateRet(x.i32(RT_ENDED));
  }

  // ---------------------------------------------------------------- triggers

  void emit_trigger(uint32_t i) {
    llvm::Function* f = m_.triggers[i];
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(abi_.context, "entry", f);
    llvm::IRBuilder<> b(entry);
    ExprEmitter x(m_, f, b);
    llvm::Value* c = x.cond(required(flow_.triggers[i].condition, "trigger " + flow_.triggers[i].name));
    b.CreateRet(b.CreateZExt(c, abi_.i32));
  }

  // ---------------------------------------------------------------- requests

  llvm::Function* emit_build(uint32_t i) {
    const ir::Automation& a = flow_.automations[i];
    llvm::Function* f = llvm::Function::Create(abi_.build_type, llvm::GlobalValue::InternalLinkage,
                                               "build_" + std::to_string(i), m_.module);
    f->getArg(0)->setName("call");
    llvm::Value* req = f->getArg(1);
    req->setName("req");
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(abi_.context, "entry", f);
    llvm::IRBuilder<> b(entry);
    ExprEmitter x(m_, f, b);
    if (a.kind == ir::ActionKind::Set) {  // assignments, made at once; no request
      for (const auto& as : a.assignments) {
        if (as.slot >= flow_.slots.size()) {
          m_.fail("automation " + a.name + " sets a slot out of range");
          break;
        }
        size_t mark = x.temps_mark();
        llvm::Value* v =
            x.value_ptr(required(as.value, "set " + flow_.slots[as.slot].name + " in " + a.name));
        b.CreateCall(abi_.fn(Rt::rt_set_slot), {x.call, x.i32(as.slot), v});
        x.end_temps(mark);
      }
      b.CreateRetVoid();
      return f;
    }
    if (a.kind == ir::ActionKind::Email) {
      size_t mark = x.temps_mark();
      llvm::Value* to = x.value_ptr(required(a.to, "the recipient of " + a.name));
      llvm::Value* subject = x.value_ptr(required(a.subject, "the subject of " + a.name));
      llvm::Value* text = x.value_ptr(required(a.text, "the text of " + a.name));
      b.CreateCall(abi_.fn(Rt::rt_req_email), {req, to, subject, text});
      x.end_temps(mark);
      b.CreateRetVoid();
      return f;
    }
    size_t mark = x.temps_mark();
    b.CreateCall(abi_.fn(Rt::rt_req_url), {req, x.value_ptr(required(a.url, "the url of " + a.name))});
    x.end_temps(mark);
    for (const auto& h : a.headers) {
      mark = x.temps_mark();
      llvm::Value* v = x.value_ptr(required(h.value, "header " + h.name + " of " + a.name));
      b.CreateCall(abi_.fn(Rt::rt_req_header), {req, m_.text(h.name), v});
      x.end_temps(mark);
    }
    if (a.has_json) emit_json(x, a.json, req);
    if (a.body) {
      mark = x.temps_mark();
      b.CreateCall(abi_.fn(Rt::rt_req_body), {req, x.value_ptr(*a.body)});
      x.end_temps(mark);
    }
    b.CreateRetVoid();
    return f;
  }

  void emit_json(ExprEmitter& x, const ir::JsonTemplate& j, llvm::Value* req) {
    llvm::IRBuilder<>& b = x.b;
    switch (j.kind) {
      case ir::JsonTemplate::Value: {
        size_t mark = x.temps_mark();
        b.CreateCall(abi_.fn(Rt::rt_json_value), {req, x.value_ptr(required(j.value, "a json value"))});
        x.end_temps(mark);
        return;
      }
      case ir::JsonTemplate::Object:
        if (j.keys.size() != j.items.size()) {
          m_.fail("a json object has " + std::to_string(j.keys.size()) + " keys for " +
                  std::to_string(j.items.size()) + " values");
          return;
        }
        b.CreateCall(abi_.fn(Rt::rt_json_begin), {req, x.i32(0)});
        for (size_t i = 0; i < j.items.size(); ++i) {
          b.CreateCall(abi_.fn(Rt::rt_json_key),
                       {req, m_.text(j.keys[i]), x.i32(static_cast<uint32_t>(j.keys[i].size()))});
          emit_json(x, j.items[i], req);
        }
        b.CreateCall(abi_.fn(Rt::rt_json_end), {req});
        return;
      case ir::JsonTemplate::Array:
        b.CreateCall(abi_.fn(Rt::rt_json_begin), {req, x.i32(1)});
        for (const auto& item : j.items) emit_json(x, item, req);
        b.CreateCall(abi_.fn(Rt::rt_json_end), {req});
        return;
    }
  }

  ModuleCx& m_;
  AbiTypes& abi_;
  const ir::Flow& flow_;
};

}  // namespace

std::unique_ptr<llvm::Module> emit_module(llvm::LLVMContext& context, const ir::Flow& flow,
                                          const llvm::DataLayout& data_layout, const std::string& triple,
                                          std::string* error) {
  auto module = std::make_unique<llvm::Module>(flow.name, context);
  module->setDataLayout(data_layout);
  module->setTargetTriple(triple);
  ModuleCx m(*module, flow);
  FlowEmitter(m).run();
  if (!m.error().empty()) {
    if (error) *error = m.error();
    return nullptr;
  }
  return module;
}

}  // namespace flowc::codegen
