// Names of AST enums and path helpers.
#include "compiler/ast/ast.h"

namespace flowc::ast {

namespace {

std::string join(const std::vector<std::string>& segments) {
  std::string out;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) out += '.';
    out += segments[i];
  }
  return out;
}

}  // namespace

std::string Expr::path() const { return join(segments); }
std::string PathRef::path() const { return join(segments); }

const char* op_spelling(Op op) {
  switch (op) {
    case Op::None: return "";
    case Op::Not: return "not";
    case Op::Neg: return "-";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Mod: return "%";
  }
  return "";
}

}  // namespace flowc::ast

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

namespace flowc::ast {

const char* module_kind_name(ModuleKind kind) {
  switch (kind) {
    case ModuleKind::Play: return "play";
    case ModuleKind::Say: return "say";
    case ModuleKind::Input: return "input";
    case ModuleKind::Menu: return "menu";
    case ModuleKind::Switch: return "switch";
    case ModuleKind::Queue: return "queue";
    case ModuleKind::Transfer: return "transfer";
    case ModuleKind::Hangup: return "hangup";
    case ModuleKind::Pause: return "pause";
    case ModuleKind::Set: return "set";
    case ModuleKind::Email: return "email";
    case ModuleKind::Http: return "http";
  }
  return "?";
}

}  // namespace flowc::ast
