// IR expressions → LLVM IR. The semantics are the interpreter's
// (compiler/interp/interpreter.cpp) call for call: the same rt_* functions
// with the same arguments wherever an effect or a non-trivial value is
// involved. Pure operations are inlined where an operator, a constant or
// the static types make it cheap (slot reads, events, automation statuses,
// and/or/not, `is set`, comparisons with constants, number arithmetic);
// every inline path computes exactly what the rt_* function would, and falls
// back to it for the values it does not handle. An rt_value operand is
// passed where it already lives when it can be (the slot, a constant, the
// `out` of the call that computed it) rather than copied to the stack:
// less IR for every tier to compile, fewer copies at run time.
#include "compiler/codegen/expr_emitter.h"

#include <algorithm>
#include <bit>

#include <llvm/IR/Constants.h>
#include <llvm/IR/GlobalVariable.h>

namespace flowc::codegen {

using ir::ExprOp;

// ---------------------------------------------------------------- the module

ModuleCx::ModuleCx(llvm::Module& module, const ir::Flow& flow) : module(module), flow(flow), abi(module) {
  missing_.op = ExprOp::Const;
  missing_.type = ValueType::Null;
  missing_.value.type = ValueType::Null;
}

llvm::Constant* ModuleCx::text(const std::string& s) {
  auto it = texts_.find(s);
  if (it != texts_.end()) return it->second;
  llvm::Constant* data = llvm::ConstantDataArray::getString(abi.context, s, /*AddNull=*/true);
  auto* g = new llvm::GlobalVariable(module, data->getType(), /*isConstant=*/true,
                                     llvm::GlobalValue::PrivateLinkage, data, ".str");
  g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  g->setAlignment(llvm::Align(1));
  llvm::Constant* zero = llvm::ConstantInt::get(abi.i32, 0);
  llvm::Constant* ptr = llvm::ConstantExpr::getInBoundsGetElementPtr(
      data->getType(), g, llvm::ArrayRef<llvm::Constant*>{zero, zero});
  texts_.emplace(s, ptr);
  return ptr;
}

llvm::Constant* ModuleCx::value_const(const ir::Const& c) {
  uint32_t tag = RT_NULL, len = 0;
  uint64_t bits = 0;
  std::string key;
  switch (c.type) {
    case ValueType::Bool:
      tag = RT_BOOL;
      bits = c.boolean ? 1 : 0;
      break;
    case ValueType::Number:
      tag = RT_NUM;
      bits = std::bit_cast<uint64_t>(c.number);
      break;
    case ValueType::String:
      tag = RT_STR;
      len = static_cast<uint32_t>(c.string.size());
      key = c.string;
      break;
    default: break;
  }
  key = std::to_string(tag) + ":" + std::to_string(bits) + ":" + key;
  auto it = values_.find(key);
  if (it != values_.end()) return it->second;
  llvm::Constant* bits_const = tag == RT_STR ? llvm::ConstantExpr::getPtrToInt(text(c.string), abi.i64)
                                             : llvm::ConstantInt::get(abi.i64, bits);
  llvm::Constant* init = llvm::ConstantStruct::get(
      abi.value, {llvm::ConstantInt::get(abi.i32, tag), llvm::ConstantInt::get(abi.i32, len), bits_const});
  auto* g = new llvm::GlobalVariable(module, abi.value, /*isConstant=*/true,
                                     llvm::GlobalValue::PrivateLinkage, init, ".val");
  g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  g->setAlignment(llvm::Align(8));
  values_.emplace(key, g);
  return g;
}

void ModuleCx::fail(const std::string& what) {
  if (error_.empty()) error_ = what;
}

// ---------------------------------------------------------------- values

namespace {

bool is_const(const ir::Expr& e, ValueType t) {
  return e.op == ExprOp::Const && e.value.type == t;
}
// A constant other than a string: null, bool or number (anything else is null).
bool is_scalar_const(const ir::Expr& e) {
  return e.op == ExprOp::Const && e.value.type != ValueType::String;
}
bool number_typed(const ir::Expr& e) {
  return e.type == ValueType::Number || is_const(e, ValueType::Number);
}
bool scalar_typed(const ir::Expr& e) {
  return e.type == ValueType::Bool || e.type == ValueType::Number || e.type == ValueType::Null;
}

}  // namespace

ExprEmitter::ExprEmitter(ModuleCx& m, llvm::Function* fn, llvm::IRBuilder<>& b)
    : m(m), abi(m.abi), b(b), fn(fn), call(fn->getArg(0)), entry_(&fn->getEntryBlock()) {}

llvm::BasicBlock* ExprEmitter::block(const llvm::Twine& name) {
  return llvm::BasicBlock::Create(abi.context, name, fn);
}

llvm::Value* ExprEmitter::field(llvm::StructType* type, llvm::Value* ptr, unsigned index,
                                const llvm::Twine& name) {
  return b.CreateStructGEP(type, ptr, index, name);
}

llvm::Value* ExprEmitter::call_field(CallField f) {
  return field(abi.call, call, f);
}

Val ExprEmitter::missing() {
  return {i32(RT_MISSING), i32(0), b.getInt64(0)};
}

Val ExprEmitter::boolean(llvm::Value* c) {
  return {i32(RT_BOOL), i32(0), b.CreateZExt(c, abi.i64)};
}

Val ExprEmitter::number(llvm::Value* d) {
  return {i32(RT_NUM), i32(0), as_bits(d)};
}

Val ExprEmitter::constant(const ir::Const& c) {
  switch (c.type) {
    case ValueType::Bool: return {i32(RT_BOOL), i32(0), b.getInt64(c.boolean ? 1 : 0)};
    case ValueType::Number: return {i32(RT_NUM), i32(0), b.getInt64(std::bit_cast<uint64_t>(c.number))};
    case ValueType::String:
      return {i32(RT_STR), i32(static_cast<uint32_t>(c.string.size())),
              llvm::ConstantExpr::getPtrToInt(m.text(c.string), abi.i64)};
    default: return {i32(RT_NULL), i32(0), b.getInt64(0)};
  }
}

llvm::Value* ExprEmitter::as_double(llvm::Value* bits) {
  return b.CreateBitCast(bits, abi.f64);
}
llvm::Value* ExprEmitter::as_bits(llvm::Value* d) {
  return b.CreateBitCast(d, abi.i64);
}
llvm::Value* ExprEmitter::is_tag(const Val& v, uint32_t tag) {
  return b.CreateICmpEQ(v.tag, i32(tag));
}

Val ExprEmitter::load_value(llvm::Value* ptr, const std::string& name) {
  Val v;
  v.tag = b.CreateLoad(abi.i32, field(abi.value, ptr, kValueTag), name + ".tag");
  v.len = b.CreateLoad(abi.i32, field(abi.value, ptr, kValueLen), name + ".len");
  v.bits = b.CreateLoad(abi.i64, field(abi.value, ptr, kValueBits), name + ".bits");
  return v;
}

void ExprEmitter::store_value(const Val& v, llvm::Value* ptr) {
  b.CreateStore(v.tag, field(abi.value, ptr, kValueTag));
  b.CreateStore(v.len, field(abi.value, ptr, kValueLen));
  b.CreateStore(v.bits, field(abi.value, ptr, kValueBits));
}

llvm::Value* ExprEmitter::temp(llvm::Type* type, uint64_t bytes, const llvm::Twine& name) {
  llvm::IRBuilder<> at(entry_, entry_->begin());
  llvm::AllocaInst* slot = at.CreateAlloca(type, nullptr, name);
  slot->setAlignment(llvm::Align(8));
  b.CreateLifetimeStart(slot, b.getInt64(bytes));
  temps_.emplace_back(slot, bytes);
  return slot;
}

llvm::Value* ExprEmitter::spill(const Val& v) {
  llvm::Value* slot = temp(abi.value, sizeof(rt_value), "v");
  store_value(v, slot);
  return slot;
}

void ExprEmitter::zero(llvm::Value* ptr, uint64_t bytes) {
  b.CreateMemSet(ptr, b.getInt8(0), bytes, llvm::MaybeAlign(8));
}

llvm::Value* ExprEmitter::temp_array(uint32_t n) {
  n = std::max<uint32_t>(n, 1);
  llvm::Value* arr = temp(llvm::ArrayType::get(abi.value, n), uint64_t{n} * sizeof(rt_value), "args");
  return b.CreateConstInBoundsGEP2_32(llvm::ArrayType::get(abi.value, n), arr, 0, 0);
}

llvm::Value* ExprEmitter::slot_ptr(const ir::Expr& e) {
  if (e.slot >= m.flow.slots.size()) {
    m.fail("slot " + std::to_string(e.slot) + " out of range");
    return nullptr;
  }
  llvm::Value* slots = b.CreateLoad(abi.value_ptr, call_field(kCallSlots), "slots");
  return b.CreateConstInBoundsGEP1_32(abi.value, slots, e.slot, m.flow.slots[e.slot].name);
}

llvm::Value* ExprEmitter::value_ptr(const ir::Expr& e) {
  if (e.op == ExprOp::Const) return m.value_const(e.value);
  if (e.op == ExprOp::Slot) {
    llvm::Value* p = slot_ptr(e);
    return p ? p : m.value_const(m.missing_expr().value);
  }
  if (computed_by_call(e)) {
    llvm::Value* out = temp(abi.value, sizeof(rt_value), "out");
    call_into(e, out);
    return out;
  }
  return spill(value(e));
}

void ExprEmitter::value_into(const ir::Expr& e, llvm::Value* dst) {
  if (e.op == ExprOp::Slot) {
    if (llvm::Value* p = slot_ptr(e))
      b.CreateMemCpy(dst, llvm::MaybeAlign(8), p, llvm::MaybeAlign(8), sizeof(rt_value));
    return;
  }
  if (computed_by_call(e)) return call_into(e, dst);
  store_value(value(e), dst);
}

void ExprEmitter::end_temps(size_t mark) {
  while (temps_.size() > mark) {
    b.CreateLifetimeEnd(temps_.back().first, b.getInt64(temps_.back().second));
    temps_.pop_back();
  }
}

Val ExprEmitter::out_call(Rt f, std::vector<llvm::Value*> args) {
  size_t mark = temps_mark();
  llvm::Value* out = temp(abi.value, sizeof(rt_value), "out");
  zero(out, sizeof(rt_value));  // the interpreter's `rt_value out{}`
  args.push_back(out);
  b.CreateCall(abi.fn(f), args);
  Val r = load_value(out, "out");
  end_temps(mark);
  return r;
}

Val ExprEmitter::call_value(const ir::Expr& e) {
  size_t mark = temps_mark();
  llvm::Value* out = temp(abi.value, sizeof(rt_value), "out");
  call_into(e, out);
  Val r = load_value(out, "out");
  end_temps(mark);
  return r;
}

bool ExprEmitter::computed_by_call(const ir::Expr& e) const {
  switch (e.op) {
    case ExprOp::Template:
    case ExprOp::Call:
    case ExprOp::Length: return true;
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Mod: return !arith_inline(e);
    case ExprOp::Neg: return e.args.empty() || !e.args[0] || !number_typed(*e.args[0]);
    default: return false;
  }
}

// The interpreter's `rt_value out{}; f(…, &out)`, with out at dst.
void ExprEmitter::call_into(const ir::Expr& e, llvm::Value* dst) {
  size_t mark = temps_mark();
  zero(dst, sizeof(rt_value));
  switch (e.op) {
    case ExprOp::Template: {
      b.CreateCall(abi.fn(Rt::rt_tmpl_begin), {call});
      for (const auto& part : e.args) {
        if (!part) {
          m.fail("malformed template: a part is missing");
          continue;
        }
        if (is_const(*part, ValueType::String)) {
          const std::string& s = part->value.string;
          b.CreateCall(abi.fn(Rt::rt_tmpl_text), {call, m.text(s), i32(static_cast<uint32_t>(s.size()))});
          continue;
        }
        size_t part_mark = temps_mark();
        b.CreateCall(abi.fn(Rt::rt_tmpl_value),
                     {call, value_ptr(*part), i32(static_cast<uint32_t>(e.escape))});
        end_temps(part_mark);
      }
      b.CreateCall(abi.fn(Rt::rt_tmpl_end), {call, dst});
      break;
    }
    case ExprOp::Call: {
      uint32_t n = static_cast<uint32_t>(std::min<size_t>(e.args.size(), 4));
      llvm::Value* args = temp_array(n);
      for (uint32_t i = 0; i < n; ++i)
        value_into(arg(e, i), b.CreateConstInBoundsGEP1_32(abi.value, args, i));
      b.CreateCall(abi.fn(Rt::rt_builtin), {call, i32(e.index), args, i32(n), dst});
      break;
    }
    case ExprOp::Length: b.CreateCall(abi.fn(Rt::rt_length), {value_ptr(arg(e, 0)), dst}); break;
    case ExprOp::Neg: {  // rt_arith(1, 0, x)
      ir::Const zero_const;
      zero_const.type = ValueType::Number;
      zero_const.number = 0;
      b.CreateCall(abi.fn(Rt::rt_arith),
                   {call, i32(1), m.value_const(zero_const), value_ptr(arg(e, 0)), dst});
      break;
    }
    default: {  // Add … Mod
      int32_t op = static_cast<int32_t>(e.op) - static_cast<int32_t>(ExprOp::Add);
      llvm::Value* a = value_ptr(arg(e, 0));
      llvm::Value* c = value_ptr(arg(e, 1));
      b.CreateCall(abi.fn(Rt::rt_arith), {call, i32(static_cast<uint32_t>(op)), a, c, dst});
      break;
    }
  }
  end_temps(mark);
}

bool ExprEmitter::eq_inline(const ir::Expr& ea, const ir::Expr& eb) const {
  return ea.op == ExprOp::Const || eb.op == ExprOp::Const || (scalar_typed(ea) && scalar_typed(eb));
}

bool ExprEmitter::order_inline(const ir::Expr& ea, const ir::Expr& eb) const {
  return is_const(ea, ValueType::Number) || is_const(eb, ValueType::Number) ||
         (number_typed(ea) && number_typed(eb));
}

bool ExprEmitter::arith_inline(const ir::Expr& e) const {
  return e.op != ExprOp::Mod && e.args.size() >= 2 && e.args[0] && e.args[1] && number_typed(*e.args[0]) &&
         number_typed(*e.args[1]);
}

Val ExprEmitter::phi(const Val& a, llvm::BasicBlock* from_a, const Val& c, llvm::BasicBlock* from_c) {
  return {phi(a.tag, from_a, c.tag, from_c), phi(a.len, from_a, c.len, from_c),
          phi(a.bits, from_a, c.bits, from_c)};
}

llvm::Value* ExprEmitter::phi(llvm::Value* a, llvm::BasicBlock* from_a, llvm::Value* c,
                              llvm::BasicBlock* from_c) {
  llvm::PHINode* p = b.CreatePHI(a->getType(), 2);
  p->addIncoming(a, from_a);
  p->addIncoming(c, from_c);
  return p;
}

const ir::Expr& ExprEmitter::arg(const ir::Expr& e, size_t i) {
  if (i < e.args.size() && e.args[i]) return *e.args[i];
  m.fail("malformed expression: operand " + std::to_string(i) + " missing");
  return m.missing_expr();
}

// ---------------------------------------------------------------- expressions

Val ExprEmitter::value(const ir::Expr& e) {
  switch (e.op) {
    case ExprOp::Const: return constant(e.value);
    case ExprOp::Slot: {
      llvm::Value* ptr = slot_ptr(e);
      return ptr ? load_value(ptr, m.flow.slots[e.slot].name) : missing();
    }
    case ExprOp::EventDigits: return event_value(RT_EV_DTMF, kEventDigits);
    case ExprOp::EventAgent: return event_value(RT_EV_AGENT_ANSWERED, kEventAgent);
    case ExprOp::Attempts: {
      llvm::Value* n = b.CreateLoad(abi.i32, call_field(kCallAttempts), "attempts");
      return number(b.CreateUIToFP(n, abi.f64));
    }
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Mod: return arith(e);
    case ExprOp::Neg: return negate(e);
    case ExprOp::Call:
    case ExprOp::Template:
    case ExprOp::Length: return call_value(e);
    // Operators whose result is always a bool.
    case ExprOp::Trigger:
    case ExprOp::EventIs:
    case ExprOp::AutomationDone:
    case ExprOp::AutomationFailed:
    case ExprOp::AutomationStarted:
    case ExprOp::ModuleFailed:
    case ExprOp::Now:
    case ExprOp::Not:
    case ExprOp::And:
    case ExprOp::Or:
    case ExprOp::Eq:
    case ExprOp::Ne:
    case ExprOp::Lt:
    case ExprOp::Le:
    case ExprOp::Gt:
    case ExprOp::Ge:
    case ExprOp::IsSet:
    case ExprOp::In:
    case ExprOp::Matches: return boolean(cond(e));
  }
  m.fail("unknown expression operator " + std::to_string(static_cast<int>(e.op)));
  return missing();
}

llvm::Value* ExprEmitter::cond(const ir::Expr& e) {
  switch (e.op) {
    case ExprOp::Const: return b.getInt1(e.value.type == ValueType::Bool && e.value.boolean);
    case ExprOp::Trigger: {
      if (e.index >= m.triggers.size()) {
        m.fail("trigger " + std::to_string(e.index) + " out of range");
        return b.getFalse();
      }
      llvm::Value* r = b.CreateCall(m.triggers[e.index], {call}, m.flow.triggers[e.index].name);
      return b.CreateICmpNE(r, i32(0));
    }
    case ExprOp::EventIs: return event_is(static_cast<uint32_t>(e.event));
    case ExprOp::AutomationDone:
    case ExprOp::AutomationFailed:
    case ExprOp::AutomationStarted: {
      if (e.index >= m.flow.automations.size()) {
        m.fail("automation " + std::to_string(e.index) + " out of range");
        return b.getFalse();
      }
      llvm::Value* base = b.CreateLoad(abi.i8_ptr, call_field(kCallAutomations), "automations");
      llvm::Value* ptr = b.CreateConstInBoundsGEP1_32(abi.i8, base, e.index);
      llvm::Value* s = b.CreateLoad(abi.i8, ptr, m.flow.automations[e.index].name + ".status");
      if (e.op == ExprOp::AutomationDone) return b.CreateICmpUGE(s, b.getInt8(RT_AUTO_OK));
      if (e.op == ExprOp::AutomationFailed) return b.CreateICmpEQ(s, b.getInt8(RT_AUTO_FAILED));
      return b.CreateICmpNE(s, b.getInt8(RT_AUTO_IDLE));
    }
    case ExprOp::ModuleFailed:
      return b.CreateICmpNE(b.CreateLoad(abi.i32, call_field(kCallModuleFailed), "module_failed"), i32(0));
    case ExprOp::Now: {
      llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_now_in), {call, i32(e.index)});
      return b.CreateICmpNE(r, i32(0));
    }
    case ExprOp::Not: return b.CreateNot(cond(arg(e, 0)));
    case ExprOp::And: return short_circuit(e, true);
    case ExprOp::Or: return short_circuit(e, false);
    case ExprOp::Eq:
    case ExprOp::Ne: {
      const ir::Expr& ea = arg(e, 0);
      const ir::Expr& eb = arg(e, 1);
      if (!eq_inline(ea, eb)) {
        size_t mark = temps_mark();
        llvm::Value* pa = value_ptr(ea);
        llvm::Value* pb = value_ptr(eb);
        llvm::Value* r = b.CreateCall(abi.fn(e.op == ExprOp::Eq ? Rt::rt_eq : Rt::rt_ne), {pa, pb});
        end_temps(mark);
        return b.CreateICmpNE(r, i32(0));
      }
      Val a = value(ea);
      Val c = value(eb);
      return e.op == ExprOp::Eq ? equal(ea, a, eb, c) : not_equal(ea, a, eb, c);
    }
    case ExprOp::Lt:
    case ExprOp::Le:
    case ExprOp::Gt:
    case ExprOp::Ge: return order(e);
    case ExprOp::IsSet: {
      Val a = value(arg(e, 0));
      return b.CreateICmpUGT(a.tag, i32(RT_NULL));  // neither missing nor null
    }
    case ExprOp::In: return one_of(e);
    case ExprOp::Matches: {
      size_t mark = temps_mark();
      llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_matches), {call, i32(e.index), value_ptr(arg(e, 0))});
      end_temps(mark);
      return b.CreateICmpNE(r, i32(0));
    }
    // Operators with any result: truthy(value).
    case ExprOp::Slot:
    case ExprOp::EventDigits:
    case ExprOp::EventAgent:
    case ExprOp::Attempts:
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Mod:
    case ExprOp::Neg:
    case ExprOp::Call:
    case ExprOp::Template:
    case ExprOp::Length: {
      Val v = value(e);
      return b.CreateAnd(is_tag(v, RT_BOOL), b.CreateICmpNE(v.bits, b.getInt64(0)), "truthy");
    }
  }
  m.fail("unknown expression operator " + std::to_string(static_cast<int>(e.op)));
  return b.getFalse();
}

// ---------------------------------------------------------------- events

llvm::Value* ExprEmitter::load_event() {
  return b.CreateLoad(abi.event_ptr, call_field(kCallEvent), "event");
}

llvm::Value* ExprEmitter::event_is(uint32_t kind) {
  llvm::Value* ev = load_event();
  llvm::BasicBlock* from = b.GetInsertBlock();
  llvm::BasicBlock* check = block("event.kind");
  llvm::BasicBlock* join = block("event.is");
  b.CreateCondBr(b.CreateIsNull(ev), join, check);
  b.SetInsertPoint(check);
  llvm::Value* k = b.CreateLoad(abi.i32, field(abi.event, ev, kEventKind), "event.kind");
  llvm::Value* r = b.CreateICmpEQ(k, i32(kind));
  b.CreateBr(join);
  b.SetInsertPoint(join);
  return phi(b.getFalse(), from, r, check);
}

void ExprEmitter::branch_on_event(uint32_t kind, llvm::BasicBlock* yes, llvm::BasicBlock* no) {
  llvm::Value* ev = load_event();
  llvm::BasicBlock* check = block("event.kind");
  b.CreateCondBr(b.CreateIsNull(ev), no, check);
  b.SetInsertPoint(check);
  llvm::Value* k = b.CreateLoad(abi.i32, field(abi.event, ev, kEventKind), "event.kind");
  b.CreateCondBr(b.CreateICmpEQ(k, i32(kind)), yes, no);
}

Val ExprEmitter::event_value(uint32_t kind, unsigned which) {
  llvm::Value* ev = load_event();
  llvm::BasicBlock* from = b.GetInsertBlock();
  llvm::BasicBlock* check = block("event.kind");
  llvm::BasicBlock* get = block("event.get");
  llvm::BasicBlock* join = block("event.value");
  b.CreateCondBr(b.CreateIsNull(ev), join, check);
  b.SetInsertPoint(check);
  llvm::Value* k = b.CreateLoad(abi.i32, field(abi.event, ev, kEventKind), "event.kind");
  b.CreateCondBr(b.CreateICmpEQ(k, i32(kind)), get, join);
  b.SetInsertPoint(get);
  Val v = load_value(field(abi.event, ev, which), which == kEventDigits ? "digits" : "agent");
  b.CreateBr(join);
  b.SetInsertPoint(join);
  Val none = missing();
  Val out;
  llvm::Value* Val::*parts[] = {&Val::tag, &Val::len, &Val::bits};
  for (auto part : parts) {
    llvm::PHINode* p = b.CreatePHI((v.*part)->getType(), 3);
    p->addIncoming(none.*part, from);
    p->addIncoming(none.*part, check);
    p->addIncoming(v.*part, get);
    out.*part = p;
  }
  return out;
}

// ---------------------------------------------------------------- logic

llvm::Value* ExprEmitter::short_circuit(const ir::Expr& e, bool is_and) {
  llvm::Value* lhs = cond(arg(e, 0));
  llvm::BasicBlock* from = b.GetInsertBlock();
  llvm::BasicBlock* rhs_block = block(is_and ? "and.rhs" : "or.rhs");
  llvm::BasicBlock* join = block(is_and ? "and.end" : "or.end");
  if (is_and)
    b.CreateCondBr(lhs, rhs_block, join);
  else
    b.CreateCondBr(lhs, join, rhs_block);
  b.SetInsertPoint(rhs_block);
  llvm::Value* rhs = cond(arg(e, 1));
  llvm::BasicBlock* rhs_end = b.GetInsertBlock();
  b.CreateBr(join);
  b.SetInsertPoint(join);
  return phi(b.getInt1(!is_and), from, rhs, rhs_end);
}

llvm::Value* ExprEmitter::one_of(const ir::Expr& e) {
  const ir::Expr& ea = arg(e, 0);
  Val a = value(ea);
  llvm::BasicBlock* join = block("in.end");
  std::vector<std::pair<llvm::BasicBlock*, bool>> incoming;
  for (size_t i = 1; i < e.args.size(); ++i) {
    const ir::Expr& ei = arg(e, i);
    Val v = value(ei);
    llvm::Value* r = equal(ea, a, ei, v);
    llvm::BasicBlock* next = block("in.next");
    incoming.emplace_back(b.GetInsertBlock(), true);
    b.CreateCondBr(r, join, next);
    b.SetInsertPoint(next);
  }
  incoming.emplace_back(b.GetInsertBlock(), false);
  b.CreateBr(join);
  b.SetInsertPoint(join);
  llvm::PHINode* p = b.CreatePHI(abi.i1, static_cast<unsigned>(incoming.size()), "in");
  for (auto& [from, r] : incoming) p->addIncoming(b.getInt1(r), from);
  return p;
}

// ---------------------------------------------------------------- equality

// rt_eq(a, b) with one side the constant c (null, bool or number).
llvm::Value* ExprEmitter::const_equal(const Val& v, const ir::Const& c) {
  switch (c.type) {
    case ValueType::Bool:
      return b.CreateAnd(is_tag(v, RT_BOOL), b.CreateICmpEQ(v.bits, b.getInt64(c.boolean ? 1 : 0)));
    case ValueType::Number:
      return b.CreateAnd(is_tag(v, RT_NUM),
                         b.CreateFCmpOEQ(as_double(v.bits), llvm::ConstantFP::get(abi.f64, c.number)));
    default: return is_tag(v, RT_NULL);
  }
}

// rt_eq(v, "s"): tag, length, then the bytes, compared in words.
llvm::Value* ExprEmitter::string_equal(const Val& v, const std::string& s) {
  llvm::Value* same_len =
      b.CreateAnd(is_tag(v, RT_STR), b.CreateICmpEQ(v.len, i32(static_cast<uint32_t>(s.size()))));
  if (s.empty()) return same_len;
  if (s.size() > kInlineStringCompare) {
    ir::Const c;
    c.type = ValueType::String;
    c.string = s;
    size_t mark = temps_mark();
    llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_eq), {spill(v), m.value_const(c)});
    end_temps(mark);
    return b.CreateICmpNE(r, i32(0));
  }
  llvm::BasicBlock* from = b.GetInsertBlock();
  llvm::BasicBlock* bytes = block("streq.bytes");
  llvm::BasicBlock* join = block("streq.end");
  b.CreateCondBr(same_len, bytes, join);
  b.SetInsertPoint(bytes);
  llvm::Value* p = b.CreateIntToPtr(v.bits, abi.i8_ptr, "str");
  const bool little = m.module.getDataLayout().isLittleEndian();
  llvm::Value* all = nullptr;
  for (size_t off = 0; off < s.size();) {
    size_t w = 8;
    while (w > s.size() - off) w /= 2;
    uint64_t word = 0;
    for (size_t i = 0; i < w; ++i) {
      uint64_t byte = static_cast<unsigned char>(s[off + i]);
      word |= byte << (8 * (little ? i : w - 1 - i));
    }
    llvm::IntegerType* ty = b.getIntNTy(static_cast<unsigned>(8 * w));
    llvm::Value* at = b.CreateBitCast(b.CreateConstInBoundsGEP1_64(abi.i8, p, off), ty->getPointerTo());
    llvm::Value* loaded = b.CreateAlignedLoad(ty, at, llvm::Align(1));
    llvm::Value* same = b.CreateICmpEQ(loaded, llvm::ConstantInt::get(ty, word));
    all = all ? b.CreateAnd(all, same) : same;
    off += w;
  }
  b.CreateBr(join);
  b.SetInsertPoint(join);
  return phi(b.getFalse(), from, all, bytes);
}

// rt_eq(a, b) for operands typed null, bool or number: inline for those
// tags, rt_eq for the others (the static type is a hint, not a promise).
llvm::Value* ExprEmitter::scalar_equal(const Val& a, const Val& c) {
  llvm::BasicBlock* from = b.GetInsertBlock();
  llvm::BasicBlock* scalar = block("eq.scalar");
  llvm::BasicBlock* slow = block("eq.call");
  llvm::BasicBlock* join = block("eq.end");
  llvm::Value* same_tag = b.CreateAnd(b.CreateICmpNE(a.tag, i32(RT_MISSING)), b.CreateICmpEQ(a.tag, c.tag));
  b.CreateCondBr(same_tag, scalar, join);
  b.SetInsertPoint(scalar);
  llvm::Value* fast = b.CreateOr(
      is_tag(a, RT_NULL),
      b.CreateOr(b.CreateAnd(is_tag(a, RT_BOOL), b.CreateICmpEQ(a.bits, c.bits)),
                 b.CreateAnd(is_tag(a, RT_NUM), b.CreateFCmpOEQ(as_double(a.bits), as_double(c.bits)))));
  b.CreateCondBr(b.CreateICmpULE(a.tag, i32(RT_NUM)), join, slow);
  b.SetInsertPoint(slow);
  size_t mark = temps_mark();
  llvm::Value* r = b.CreateICmpNE(b.CreateCall(abi.fn(Rt::rt_eq), {spill(a), spill(c)}), i32(0));
  end_temps(mark);
  b.CreateBr(join);
  b.SetInsertPoint(join);
  llvm::PHINode* p = b.CreatePHI(abi.i1, 3, "eq");
  p->addIncoming(b.getFalse(), from);
  p->addIncoming(fast, scalar);
  p->addIncoming(r, slow);
  return p;
}

llvm::Value* ExprEmitter::equal(const ir::Expr& ea, const Val& a, const ir::Expr& eb, const Val& c) {
  if (is_scalar_const(eb)) return const_equal(a, eb.value);
  if (is_scalar_const(ea)) return const_equal(c, ea.value);
  if (is_const(eb, ValueType::String)) return string_equal(a, eb.value.string);
  if (is_const(ea, ValueType::String)) return string_equal(c, ea.value.string);
  if (scalar_typed(ea) && scalar_typed(eb)) return scalar_equal(a, c);
  size_t mark = temps_mark();
  llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_eq), {spill(a), spill(c)});
  end_temps(mark);
  return b.CreateICmpNE(r, i32(0));
}

// rt_ne: both set and not equal.
llvm::Value* ExprEmitter::not_equal(const ir::Expr& ea, const Val& a, const ir::Expr& eb, const Val& c) {
  if (!eq_inline(ea, eb)) {
    size_t mark = temps_mark();
    llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_ne), {spill(a), spill(c)});
    end_temps(mark);
    return b.CreateICmpNE(r, i32(0));
  }
  llvm::Value* both_set =
      b.CreateAnd(b.CreateICmpNE(a.tag, i32(RT_MISSING)), b.CreateICmpNE(c.tag, i32(RT_MISSING)));
  return b.CreateAnd(both_set, b.CreateNot(equal(ea, a, eb, c)));
}

// ---------------------------------------------------------------- ordering

llvm::Value* ExprEmitter::order(const ir::Expr& e) {
  const ir::Expr& ea = arg(e, 0);
  const ir::Expr& eb = arg(e, 1);
  int32_t op = e.op == ExprOp::Lt ? 0 : e.op == ExprOp::Le ? 1 : e.op == ExprOp::Gt ? 2 : 3;
  if (!order_inline(ea, eb)) {
    size_t mark = temps_mark();
    llvm::Value* pa = value_ptr(ea);
    llvm::Value* pb = value_ptr(eb);
    llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_order), {pa, pb, i32(static_cast<uint32_t>(op))});
    end_temps(mark);
    return b.CreateICmpNE(r, i32(0));
  }
  Val a = value(ea);
  Val c = value(eb);
  static constexpr llvm::CmpInst::Predicate kPred[] = {llvm::CmpInst::FCMP_OLT, llvm::CmpInst::FCMP_OLE,
                                                       llvm::CmpInst::FCMP_OGT, llvm::CmpInst::FCMP_OGE};
  auto numbers = [&] { return b.CreateFCmp(kPred[op], as_double(a.bits), as_double(c.bits)); };
  auto both_numbers = [&] { return b.CreateAnd(is_tag(a, RT_NUM), is_tag(c, RT_NUM)); };
  auto call_order = [&] {
    size_t mark = temps_mark();
    llvm::Value* r = b.CreateCall(abi.fn(Rt::rt_order), {spill(a), spill(c), i32(static_cast<uint32_t>(op))});
    end_temps(mark);
    return b.CreateICmpNE(r, i32(0));
  };
  // Against a number constant, rt_order is true only for two numbers.
  if (is_const(ea, ValueType::Number) || is_const(eb, ValueType::Number))
    return b.CreateAnd(both_numbers(), numbers());
  llvm::BasicBlock* fast = block("cmp.num");
  llvm::BasicBlock* slow = block("cmp.call");
  llvm::BasicBlock* join = block("cmp.end");
  b.CreateCondBr(both_numbers(), fast, slow);
  b.SetInsertPoint(fast);
  llvm::Value* r_fast = numbers();
  b.CreateBr(join);
  b.SetInsertPoint(slow);
  llvm::Value* r_slow = call_order();
  llvm::BasicBlock* slow_end = b.GetInsertBlock();
  b.CreateBr(join);
  b.SetInsertPoint(join);
  return phi(r_fast, fast, r_slow, slow_end);
}

// ---------------------------------------------------------------- arithmetic

Val ExprEmitter::arith(const ir::Expr& e) {
  // % stays a call (fmod is not part of the ABI); so do untyped operands.
  if (!arith_inline(e)) return call_value(e);
  const ir::Expr& ea = arg(e, 0);
  const ir::Expr& eb = arg(e, 1);
  Val a = value(ea);
  Val c = value(eb);
  int32_t op = static_cast<int32_t>(e.op) - static_cast<int32_t>(ExprOp::Add);
  auto call_arith = [&] {
    size_t mark = temps_mark();
    Val out = out_call(Rt::rt_arith, {call, i32(static_cast<uint32_t>(op)), spill(a), spill(c)});
    end_temps(mark);
    return out;
  };
  llvm::BasicBlock* fast = block("arith.num");
  llvm::BasicBlock* slow = block("arith.call");
  llvm::BasicBlock* join = block("arith.end");
  b.CreateCondBr(b.CreateAnd(is_tag(a, RT_NUM), is_tag(c, RT_NUM)), fast, slow);
  b.SetInsertPoint(fast);
  llvm::Value* x = as_double(a.bits);
  llvm::Value* y = as_double(c.bits);
  Val r_fast;
  switch (e.op) {
    case ExprOp::Add: r_fast = number(b.CreateFAdd(x, y)); break;
    case ExprOp::Sub: r_fast = number(b.CreateFSub(x, y)); break;
    case ExprOp::Mul: r_fast = number(b.CreateFMul(x, y)); break;
    default: {  // Div: by zero gives missing
      llvm::Value* by_zero = b.CreateFCmpOEQ(y, llvm::ConstantFP::get(abi.f64, 0.0));
      Val q = number(b.CreateFDiv(x, y));
      r_fast = {b.CreateSelect(by_zero, i32(RT_MISSING), q.tag), i32(0),
                b.CreateSelect(by_zero, b.getInt64(0), q.bits)};
      break;
    }
  }
  b.CreateBr(join);
  b.SetInsertPoint(slow);
  Val r_slow = call_arith();
  llvm::BasicBlock* slow_end = b.GetInsertBlock();
  b.CreateBr(join);
  b.SetInsertPoint(join);
  return phi(r_fast, fast, r_slow, slow_end);
}

// rt_arith(1, 0, x), with numbers inline (0 - x, not -x: the sign of zero).
Val ExprEmitter::negate(const ir::Expr& e) {
  if (computed_by_call(e)) return call_value(e);
  const ir::Expr& ea = arg(e, 0);
  Val a = value(ea);
  ir::Const zero_const;
  zero_const.type = ValueType::Number;
  zero_const.number = 0;
  auto call_arith = [&] {
    size_t mark = temps_mark();
    Val out = out_call(Rt::rt_arith, {call, i32(1), m.value_const(zero_const), spill(a)});
    end_temps(mark);
    return out;
  };
  llvm::BasicBlock* fast = block("neg.num");
  llvm::BasicBlock* slow = block("neg.call");
  llvm::BasicBlock* join = block("neg.end");
  b.CreateCondBr(is_tag(a, RT_NUM), fast, slow);
  b.SetInsertPoint(fast);
  Val r_fast = number(b.CreateFSub(llvm::ConstantFP::get(abi.f64, 0.0), as_double(a.bits)));
  b.CreateBr(join);
  b.SetInsertPoint(slow);
  Val r_slow = call_arith();
  llvm::BasicBlock* slow_end = b.GetInsertBlock();
  b.CreateBr(join);
  b.SetInsertPoint(join);
  return phi(r_fast, fast, r_slow, slow_end);
}

}  // namespace flowc::codegen
