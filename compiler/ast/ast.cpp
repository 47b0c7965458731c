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
