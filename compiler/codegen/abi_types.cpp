// The LLVM form of stdlib/abi.h: struct types that mirror the C structs
// (checked below with static_assert) and rt_* declarations whose LLVM types
// are computed from the C prototypes.
#include "compiler/codegen/abi_types.h"

#include <cstddef>
#include <cstring>
#include <strings.h>

namespace flowc::codegen {

static_assert(sizeof(rt_value) == 16 && offsetof(rt_value, tag) == 0 && offsetof(rt_value, len) == 4 &&
                  offsetof(rt_value, u) == 8,
              "%rt_value is { i32, i32, i64 }");
static_assert(sizeof(rt_event) == 40 && offsetof(rt_event, kind) == 0 && offsetof(rt_event, digits) == 8 &&
                  offsetof(rt_event, agent) == 24,
              "%rt_event is { i32, i32, %rt_value, %rt_value }");
static_assert(offsetof(rt_call, slots) == 0 && offsetof(rt_call, automations) == 8 &&
                  offsetof(rt_call, event) == 16 && offsetof(rt_call, resume) == 24 &&
                  offsetof(rt_call, attempts) == 28 && offsetof(rt_call, module_failed) == 32 &&
                  offsetof(rt_call, state) == 36 && offsetof(rt_call, host) == 40 && sizeof(rt_call) == 48,
              "%rt_call is { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }");

namespace {

// C parameter and result types → LLVM types.
template <class T>
struct Llvm;
template <>
struct Llvm<void> {
  static llvm::Type* get(const AbiTypes& a) { return a.void_ty; }
};
template <>
struct Llvm<int32_t> {
  static llvm::Type* get(const AbiTypes& a) { return a.i32; }
};
template <>
struct Llvm<uint32_t> {
  static llvm::Type* get(const AbiTypes& a) { return a.i32; }
};
template <>
struct Llvm<rt_value*> {
  static llvm::Type* get(const AbiTypes& a) { return a.value_ptr; }
};
template <>
struct Llvm<const rt_value*> {
  static llvm::Type* get(const AbiTypes& a) { return a.value_ptr; }
};
template <>
struct Llvm<rt_call*> {
  static llvm::Type* get(const AbiTypes& a) { return a.call_ptr; }
};
template <>
struct Llvm<const char*> {
  static llvm::Type* get(const AbiTypes& a) { return a.i8_ptr; }
};
template <>
struct Llvm<void*> {
  static llvm::Type* get(const AbiTypes& a) { return a.i8_ptr; }
};

template <class R, class... A>
llvm::FunctionType* function_type(const AbiTypes& a, R (*)(A...)) {
  return llvm::FunctionType::get(Llvm<R>::get(a), {Llvm<A>::get(a)...}, false);
}

constexpr const char* kNames[] = {
#define FLOWC_RT_NAME(name) #name,
    FLOWC_RT_FUNCTIONS(FLOWC_RT_NAME)
#undef FLOWC_RT_NAME
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(Rt::Count));

llvm::StructType* named_struct(llvm::LLVMContext& c, const char* name, llvm::ArrayRef<llvm::Type*> fields) {
  if (auto* t = llvm::StructType::getTypeByName(c, name)) return t;
  return llvm::StructType::create(c, fields, name);
}

}  // namespace

const char* rt_name(Rt f) {
  return kNames[static_cast<size_t>(f)];
}

AbiTypes::AbiTypes(llvm::Module& m)
    : context(m.getContext()),
      module(m),
      void_ty(llvm::Type::getVoidTy(context)),
      i1(llvm::Type::getInt1Ty(context)),
      i8(llvm::Type::getInt8Ty(context)),
      i32(llvm::Type::getInt32Ty(context)),
      i64(llvm::Type::getInt64Ty(context)),
      f64(llvm::Type::getDoubleTy(context)),
      i8_ptr(llvm::Type::getInt8PtrTy(context)) {
  value = named_struct(context, "rt_value", {i32, i32, i64});
  value_ptr = value->getPointerTo();
  event = named_struct(context, "rt_event", {i32, i32, value, value});
  event_ptr = event->getPointerTo();
  // The body of %rt_call refers to nothing recursive; i8* for the opaque host.
  call = named_struct(context, "rt_call", {value_ptr, i8_ptr, event_ptr, i32, i32, i32, i32, i8_ptr});
  call_ptr = call->getPointerTo();
  on_event_type = llvm::FunctionType::get(i32, {call_ptr}, false);
  trigger_type = llvm::FunctionType::get(i32, {call_ptr}, false);
  build_type = llvm::FunctionType::get(void_ty, {call_ptr, i8_ptr}, false);
}

llvm::FunctionType* AbiTypes::type_of(Rt f) {
  switch (f) {
#define FLOWC_RT_TYPE(name) \
  case Rt::name: return function_type(*this, &::name);
    FLOWC_RT_FUNCTIONS(FLOWC_RT_TYPE)
#undef FLOWC_RT_TYPE
    case Rt::Count: break;
  }
  return nullptr;
}

llvm::FunctionCallee AbiTypes::fn(Rt f) {
  const char* name = rt_name(f);
  if (llvm::Function* existing = module.getFunction(name)) return existing;
  llvm::Function* fn = llvm::Function::Create(type_of(f), llvm::Function::ExternalLinkage, name, module);
  // Comparisons only read memory: LLVM may drop or merge them.
  if (f == Rt::rt_eq || f == Rt::rt_ne || f == Rt::rt_order) fn->setOnlyReadsMemory();
  return fn;
}

std::vector<std::pair<const char*, void*>> abi_symbols() {
  std::vector<std::pair<const char*, void*>> out = {
#define FLOWC_RT_SYMBOL(name) {#name, reinterpret_cast<void*>(&::name)},
      FLOWC_RT_FUNCTIONS(FLOWC_RT_SYMBOL)
#undef FLOWC_RT_SYMBOL
  };
  // LLVM may turn copies and comparisons into these library calls.
  out.emplace_back("memcpy", reinterpret_cast<void*>(&::memcpy));
  out.emplace_back("memmove", reinterpret_cast<void*>(&::memmove));
  out.emplace_back("memset", reinterpret_cast<void*>(&::memset));
  out.emplace_back("memcmp", reinterpret_cast<void*>(&::memcmp));
  out.emplace_back("bcmp", reinterpret_cast<void*>(&::bcmp));
  return out;
}

}  // namespace flowc::codegen
