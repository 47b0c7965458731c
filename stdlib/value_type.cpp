// Names of the value types, for messages.
#include "stdlib/value_type.h"

namespace flowc {

const char* value_type_name(ValueType t) {
  switch (t) {
    case ValueType::Any: return "a value of any type";
    case ValueType::Null: return "null";
    case ValueType::Bool: return "a bool";
    case ValueType::Number: return "a number";
    case ValueType::String: return "a string";
    case ValueType::Object: return "an object";
    case ValueType::Array: return "an array";
  }
  return "?";
}

const char* value_type_keyword(ValueType t) {
  switch (t) {
    case ValueType::Any: return "any";
    case ValueType::Null: return "null";
    case ValueType::Bool: return "bool";
    case ValueType::Number: return "number";
    case ValueType::String: return "string";
    case ValueType::Object: return "object";
    case ValueType::Array: return "array";
  }
  return "?";
}

}  // namespace flowc
