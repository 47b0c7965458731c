// What the checker hands to lowering: the flow's definitions resolved by name
// (from the main file and its imports), the session variables with their
// types, and the constants evaluated. Points into the AST, which must outlive it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace flowc::sema {

enum class VarSpace : uint8_t { Call, Ivr, App };

struct Variable {
  std::string name;  // "ivr.email"
  VarSpace space = VarSpace::Ivr;
  ValueType type = ValueType::Any;
  std::vector<std::string> enum_values;
  bool secret = false;
  const ast::Expect* expect = nullptr;  // its declaration, if any
  bool written = false;                 // some module, action or map writes it
  bool read = false;
};

// The value of a `let` (constants are folded when the flow is checked;
// env() is read then, from the environment given to the checker).
struct Constant {
  ValueType type = ValueType::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
};

struct CheckedFlow {
  const ast::File* main = nullptr;
  std::vector<const ast::File*> imports;  // in load order
  bool is_flow = false;                   // false: a library of definitions
  std::string name;
  std::string time_zone = "UTC";
  std::vector<std::string> numbers;
  const ast::Cti* cti = nullptr;
  const ast::Module* start = nullptr;

  std::vector<const ast::Module*> modules;  // in source order
  std::vector<const ast::Trigger*> triggers;
  std::vector<const ast::Automation*> automations;
  std::map<std::string, const ast::Module*> module_by_name;
  std::map<std::string, const ast::Trigger*> trigger_by_name;
  std::map<std::string, const ast::Automation*> automation_by_name;
  std::map<std::string, const ast::Let*> let_by_name;
  std::map<std::string, Constant> constants;
  std::map<std::string, Variable> variables;  // every session variable used or declared

  const ast::Module* module(const std::string& n) const;
  const ast::Trigger* trigger(const std::string& n) const;
  const ast::Automation* automation(const std::string& n) const;
};

}  // namespace flowc::sema
