// stdlib/abi.h as LLVM sees it: the struct types of rt_value, rt_event and
// rt_call, the declaration of every rt_* function (its LLVM type derived from
// the C prototype, so the two cannot drift apart) and the host addresses the
// JIT binds those names to.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Module.h>

#include "stdlib/abi.h"

namespace flowc::codegen {

// Every rt_* function generated code may call, in stdlib/abi.h order.
// clang-format off
#define FLOWC_RT_FUNCTIONS(X)                                                                                    \
  X(rt_set_slot) X(rt_eq) X(rt_ne) X(rt_order) X(rt_arith) X(rt_length) X(rt_tmpl_begin) X(rt_tmpl_text)         \
  X(rt_tmpl_value) X(rt_tmpl_end) X(rt_builtin) X(rt_matches) X(rt_now_in) X(rt_emit) X(rt_start_automation)     \
  X(rt_enter_module) X(rt_trace) X(rt_trace_branch) X(rt_agent_connected) X(rt_timer) X(rt_end) X(rt_req_url)   \
  X(rt_req_header) X(rt_req_body) X(rt_req_email) X(rt_json_begin) X(rt_json_key) X(rt_json_value)              \
  X(rt_json_end)
// clang-format on

enum class Rt : uint8_t {
#define FLOWC_RT_ENUM(name) name,
  FLOWC_RT_FUNCTIONS(FLOWC_RT_ENUM)
#undef FLOWC_RT_ENUM
      Count
};

// Field numbers of the LLVM struct types (they mirror the C structs).
enum ValueField : unsigned { kValueTag = 0, kValueLen = 1, kValueBits = 2 };
enum EventField : unsigned { kEventKind = 0, kEventDigits = 2, kEventAgent = 3 };
enum CallField : unsigned {
  kCallSlots = 0,
  kCallAutomations = 1,
  kCallEvent = 2,
  kCallResume = 3,
  kCallAttempts = 4,
  kCallModuleFailed = 5,
};

// The ABI's types in one LLVMContext, and the rt_* declarations of one module.
class AbiTypes {
 public:
  explicit AbiTypes(llvm::Module& module);

  llvm::LLVMContext& context;
  llvm::Module& module;
  llvm::Type* void_ty;
  llvm::IntegerType* i1;
  llvm::IntegerType* i8;
  llvm::IntegerType* i32;
  llvm::IntegerType* i64;
  llvm::Type* f64;
  llvm::PointerType* i8_ptr;
  llvm::StructType* value;  // %rt_value = { i32 tag, i32 len, i64 bits }
  llvm::StructType* event;  // %rt_event = { i32 kind, i32 pad, %rt_value digits, %rt_value agent }
  llvm::StructType* call;   // %rt_call = { %rt_value* slots, i8* automations, %rt_event* event, ... }
  llvm::PointerType* value_ptr;
  llvm::PointerType* event_ptr;
  llvm::PointerType* call_ptr;

  // rt_on_event_fn, rt_trigger_fn and rt_build_fn.
  llvm::FunctionType* on_event_type;
  llvm::FunctionType* trigger_type;
  llvm::FunctionType* build_type;

  // The declaration of an rt_* function in the module, added on first use.
  llvm::FunctionCallee fn(Rt f);

 private:
  llvm::FunctionType* type_of(Rt f);
};

// The name of an rt_* function.
const char* rt_name(Rt f);

// Name and host address of every symbol a compiled flow may refer to: the
// rt_* functions, plus the few C library functions LLVM itself may emit
// calls to (memcpy, memset, memmove, memcmp, bcmp).
std::vector<std::pair<const char*, void*>> abi_symbols();

}  // namespace flowc::codegen
