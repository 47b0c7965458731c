// The table of built-in functions (from builtins.def): names, arity and
// types, for the checker and both back ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace flowc::stdlib {

enum class Builtin : uint8_t {
#define BUILTIN(Id, Name, Min, Max, Result, Params) Id,
#include "stdlib/builtins.def"
#undef BUILTIN
  Count
};

struct BuiltinInfo {
  const char* name;
  uint8_t min_args;
  uint8_t max_args;
  char result;         // 's' string, 'n' number, 'b' bool, 'a' any
  const char* params;  // one letter per parameter
};

inline constexpr BuiltinInfo kBuiltins[] = {
#define BUILTIN(Id, Name, Min, Max, Result, Params) {Name, Min, Max, Result, Params},
#include "stdlib/builtins.def"
#undef BUILTIN
};

inline const BuiltinInfo& builtin_info(Builtin b) {
  return kBuiltins[static_cast<size_t>(b)];
}

inline std::optional<Builtin> builtin_by_name(std::string_view name) {
  for (size_t i = 0; i < static_cast<size_t>(Builtin::Count); ++i)
    if (name == kBuiltins[i].name) return static_cast<Builtin>(i);
  return std::nullopt;
}

}  // namespace flowc::stdlib
