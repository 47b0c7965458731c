// The static types of flow values: the kinds of JSON values, plus Any for
// what is only known at run time. Shared by the checker, the IR and the runtime.
#pragma once

#include <cstdint>

namespace flowc {

enum class ValueType : uint8_t { Any, Null, Bool, Number, String, Object, Array };

const char* value_type_name(ValueType t);     // "a string", "a number", …
const char* value_type_keyword(ValueType t);  // "string", "number", … ("any")

}  // namespace flowc
