// Internal to the code generator: the module being built (ABI declarations,
// string constants, trigger functions) and the emitter of IR expressions as
// LLVM values, with the interpreter's semantics, inline where the operator,
// a constant or the static types allow it and through rt_* otherwise.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <llvm/IR/IRBuilder.h>

#include "compiler/codegen/abi_types.h"
#include "compiler/ir/ir.h"

namespace flowc::codegen {

// An rt_value in SSA form: tag and len (i32) and the 8-byte union (i64).
struct Val {
  llvm::Value* tag = nullptr;
  llvm::Value* len = nullptr;
  llvm::Value* bits = nullptr;
};

// What every function of the module shares.
class ModuleCx {
 public:
  ModuleCx(llvm::Module& module, const ir::Flow& flow);

  llvm::Module& module;
  const ir::Flow& flow;
  AbiTypes abi;
  std::vector<llvm::Function*> triggers;  // trigger_<n>, one per flow trigger

  // A private constant holding `s` and a NUL, as i8*; one per distinct text.
  llvm::Constant* text(const std::string& s);
  // A private constant rt_value holding `c`, as %rt_value*; one per
  // distinct constant (what an rt_* call reads a constant operand from).
  llvm::Constant* value_const(const ir::Const& c);

  // Records the first problem; the module is then not used.
  void fail(const std::string& what);
  const std::string& error() const { return error_; }

  // Stands in for a missing operand after fail().
  const ir::Expr& missing_expr() const { return missing_; }

 private:
  std::map<std::string, llvm::Constant*> texts_;
  std::map<std::string, llvm::Constant*> values_;  // by type and contents
  std::string error_;
  ir::Expr missing_;
};

// Emits expressions into one function whose first argument is the rt_call*.
class ExprEmitter {
 public:
  ExprEmitter(ModuleCx& m, llvm::Function* fn, llvm::IRBuilder<>& b);

  ModuleCx& m;
  AbiTypes& abi;
  llvm::IRBuilder<>& b;
  llvm::Function* fn;
  llvm::Value* call;  // %rt_call*

  // The value of an expression, as the interpreter's eval() computes it.
  Val value(const ir::Expr& e);
  // truthy(value(e)) (only bool true is true), without boxing booleans.
  llvm::Value* cond(const ir::Expr& e);
  // Ends the block with a branch to `yes` when the event is of `kind`
  // (cond(EventIs) as control flow), else to `no`.
  void branch_on_event(uint32_t kind, llvm::BasicBlock* yes, llvm::BasicBlock* no);

  // Values as the C structs.
  Val missing();
  Val boolean(llvm::Value* i1);
  Val number(llvm::Value* f64);
  Val constant(const ir::Const& c);
  Val load_value(llvm::Value* ptr, const std::string& name = "v");
  void store_value(const Val& v, llvm::Value* ptr);
  // A stack temporary holding v for an rt_* call, live until end_temps().
  llvm::Value* spill(const Val& v);
  // The address of an rt_value holding e's value, for an rt_* call that
  // takes `const rt_value*`: the session slot itself for a slot read, a
  // constant for a constant, the result of the rt_* call that computes e,
  // else a temporary holding value(e). Expressions write no slot, so the
  // address holds e's value until the handler's next instruction.
  // Temporaries live until end_temps().
  llvm::Value* value_ptr(const ir::Expr& e);
  // Evaluates e into the rt_value at dst.
  void value_into(const ir::Expr& e, llvm::Value* dst);
  // A stack array of n (at least 1) rt_values, live until end_temps().
  llvm::Value* temp_array(uint32_t n);
  // Sets `bytes` bytes at ptr to 0 (rt_values: missing).
  void zero(llvm::Value* ptr, uint64_t bytes);
  // The mark of the temporaries made so far, and the end of those made since.
  size_t temps_mark() const { return temps_.size(); }
  void end_temps(size_t mark);

  llvm::BasicBlock* block(const llvm::Twine& name);
  llvm::Value* field(llvm::StructType* type, llvm::Value* ptr, unsigned index, const llvm::Twine& name = "");
  llvm::Value* call_field(CallField f);
  llvm::Value* i32(uint32_t v) { return b.getInt32(v); }

 private:
  // Strings up to this length are compared inline with a constant.
  static constexpr size_t kInlineStringCompare = 64;

  const ir::Expr& arg(const ir::Expr& e, size_t i);
  llvm::Value* temp(llvm::Type* type, uint64_t bytes, const llvm::Twine& name);
  llvm::Value* slot_ptr(const ir::Expr& e);  // &slots[e.slot]; null after fail()
  // Expressions whose value is the `out` of one rt_* call, and that call
  // writing into the zeroed rt_value at dst.
  bool computed_by_call(const ir::Expr& e) const;
  void call_into(const ir::Expr& e, llvm::Value* dst);
  // The operands of rt_eq, rt_order and rt_arith are only compared or
  // computed inline for constants and the static types these accept.
  bool eq_inline(const ir::Expr& ea, const ir::Expr& eb) const;
  bool order_inline(const ir::Expr& ea, const ir::Expr& eb) const;
  bool arith_inline(const ir::Expr& e) const;
  llvm::Value* load_event();
  Val event_value(uint32_t kind, unsigned field);
  llvm::Value* event_is(uint32_t kind);
  llvm::Value* equal(const ir::Expr& ea, const Val& a, const ir::Expr& eb, const Val& b);
  llvm::Value* not_equal(const ir::Expr& ea, const Val& a, const ir::Expr& eb, const Val& b);
  llvm::Value* const_equal(const Val& v, const ir::Const& c);
  llvm::Value* string_equal(const Val& v, const std::string& s);
  llvm::Value* scalar_equal(const Val& a, const Val& b);
  llvm::Value* order(const ir::Expr& e);
  Val arith(const ir::Expr& e);
  Val negate(const ir::Expr& e);
  llvm::Value* short_circuit(const ir::Expr& e, bool is_and);
  llvm::Value* one_of(const ir::Expr& e);
  Val out_call(Rt f, std::vector<llvm::Value*> args);  // f(args..., &out), then out
  Val call_value(const ir::Expr& e);                   // call_into(e, &out), then out
  llvm::Value* as_double(llvm::Value* bits);
  llvm::Value* as_bits(llvm::Value* f64);
  llvm::Value* is_tag(const Val& v, uint32_t tag);
  Val phi(const Val& a, llvm::BasicBlock* from_a, const Val& b, llvm::BasicBlock* from_b);
  llvm::Value* phi(llvm::Value* a, llvm::BasicBlock* from_a, llvm::Value* b, llvm::BasicBlock* from_b);

  llvm::BasicBlock* entry_;
  std::vector<std::pair<llvm::Value*, uint64_t>> temps_;  // alloca, bytes
};

}  // namespace flowc::codegen
