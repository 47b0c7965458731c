// Expressions: name resolution, session variables, built-in calls, static
// types, comparisons that can never be true, business hours and regexes,
// and constant folding for `let`.
#include <algorithm>
#include <cmath>
#include <functional>
#include <regex>

#include "compiler/sema/checker_impl.h"
#include "stdlib/builtins.h"
#include "stdlib/hours.h"
#include "stdlib/text.h"
#include "stdlib/timezone.h"

namespace flowc::sema {

using ast::ExprKind;
using ast::Op;

namespace {

constexpr const char* kCallFields[] = {"id", "from", "to", "started_at"};
constexpr size_t kMaxRegexLength = 1000;

bool known(ValueType t) { return t != ValueType::Any; }

ValueType from_letter(char c) {
  switch (c) {
    case 's': return ValueType::String;
    case 'n': return ValueType::Number;
    case 'b': return ValueType::Bool;
    default: return ValueType::Any;
  }
}

std::string quote_list(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
  return out;
}

std::string arity(const stdlib::BuiltinInfo& b) {
  auto args = [](int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
  if (b.min_args == b.max_args) return args(b.min_args);
  return std::to_string(b.min_args) + " or " + args(b.max_args);
}

}  // namespace

// ---------------------------------------------------------------- dispatch

ValueType Checker::check_expr(ast::Expr& e, const ExprContext& ctx) {
  ValueType t = ValueType::Any;
  switch (e.kind) {
    case ExprKind::Null: t = ValueType::Null; break;
    case ExprKind::Bool: t = ValueType::Bool; break;
    case ExprKind::Number:
      if (!std::isfinite(e.number)) diags_.report(DiagId::ValueOutOfRange, e.range, {"number is too large"});
      t = ValueType::Number;
      break;
    case ExprKind::String: t = ValueType::String; break;
    case ExprKind::Template:
      for (auto& p : e.parts)
        if (p.expr) check_expr(*p.expr, ctx);
      t = ValueType::String;
      break;
    case ExprKind::Duration:
      diags_.report(DiagId::TypeMismatch, e.range,
                    {"a duration like '" + e.text + "' can only be an option value (timeout, up to)"});
      break;
    case ExprKind::Name: t = check_name(e, ctx); break;
    case ExprKind::Path: t = check_path_read(e, ctx); break;
    case ExprKind::Call: t = check_call(e, ctx); break;
    case ExprKind::Unary:
      if (e.op == Op::Not) {
        check_condition(*e.args[0], ExprContext{"the operand of 'not'", ctx.constant, ctx.module});
        t = ValueType::Bool;
      } else {
        ValueType a = check_expr(*e.args[0], ctx);
        if (known(a) && a != ValueType::Number)
          diags_.report(DiagId::TypeMismatch, e.args[0]->range,
                        {std::string("'-' needs a number, but this is ") + value_type_name(a)});
        t = ValueType::Number;
      }
      break;
    case ExprKind::Binary: t = check_binary(e, ctx); break;
    case ExprKind::IsSet:
      check_expr(*e.args[0], ctx);
      t = ValueType::Bool;
      break;
    case ExprKind::In: {
      ValueType a = check_expr(*e.args[0], ctx);
      bool any_possible = e.args.size() == 1 ? false : !known(a);
      for (size_t i = 1; i < e.args.size(); ++i) {
        ValueType b = check_expr(*e.args[i], ctx);
        if (!known(a) || !known(b) || a == b) any_possible = true;
      }
      if (!e.negated && !any_possible)
        diags_.report(DiagId::NeverTrue, e.range,
                      {std::string(value_type_name(a)) + " is never one of these values"});
      // ivr.tier in ["bronze"] where the tier is "gold" | "silver".
      if (!e.negated && any_possible && e.args[0]->kind == ExprKind::Path) {
        auto it = out_->variables.find(e.args[0]->path());
        if (it != out_->variables.end() && !it->second.enum_values.empty()) {
          const auto& values = it->second.enum_values;
          bool possible = false;
          for (size_t i = 1; i < e.args.size(); ++i)
            possible |= e.args[i]->kind != ExprKind::String ||
                        std::find(values.begin(), values.end(), e.args[i]->text) != values.end();
          if (!possible)
            diags_.report(DiagId::NeverTrue, e.range,
                          {"none of these is one of the values of " + e.args[0]->path() + ": " + quote_list(values)});
        }
      }
      t = ValueType::Bool;
      break;
    }
    case ExprKind::Matches: {
      ValueType a = check_expr(*e.args[0], ctx);
      if (known(a) && a != ValueType::String)
        diags_.report(DiagId::TypeMismatch, e.args[0]->range,
                      {std::string("'matches' needs a string, but this is ") + value_type_name(a)});
      check_regex(e.text, e.text_range);
      t = ValueType::Bool;
      break;
    }
    case ExprKind::Hours:
      if (ctx.constant) diags_.report(DiagId::NotConstant, e.range, {ctx.what});
      check_hours(e);
      t = ValueType::Bool;
      break;
  }
  e.type = t;
  return t;
}

void Checker::check_condition(ast::Expr& e, const ExprContext& ctx) {
  ValueType t = check_expr(e, ctx);
  if (known(t) && t != ValueType::Bool)
    diags_.report(DiagId::NotBoolean, e.range, {ctx.what, value_type_name(t)});
}

// ---------------------------------------------------------------- names and variables

ValueType Checker::check_name(ast::Expr& e, const ExprContext& ctx) {
  used_.insert(e.text);
  if (auto it = out_->let_by_name.find(e.text); it != out_->let_by_name.end()) {
    e.ref = ast::Expr::Ref::Let;
    if (lets_in_progress_.count(e.text)) {
      diags_.report(DiagId::RecursiveDefinition, e.range, {e.text});
      return ValueType::Any;
    }
    if (!checked_lets_.count(e.text)) check_let(e.text, *it->second);
    auto c = out_->constants.find(e.text);
    return c == out_->constants.end() ? ValueType::Any : c->second.type;
  }
  if (out_->trigger(e.text)) {
    e.ref = ast::Expr::Ref::Trigger;
    if (ctx.constant) diags_.report(DiagId::NotConstant, e.range, {ctx.what});
    return ValueType::Bool;
  }
  diags_.report(DiagId::UnknownName, e.range, {e.text});
  if (out_->module(e.text)) {
    diags_.note(DiagId::NoteText, e.range, {"'" + e.text + "' is a module, not a value"});
  } else if (out_->automation(e.text)) {
    diags_.note(DiagId::NoteText, e.range, {"'" + e.text + "' is an automation, not a value"});
  } else {
    suggest(e.range, e.text, [&] {
      std::vector<std::string> names = names_of(out_->let_by_name);
      for (const auto& [n, t] : out_->trigger_by_name) names.push_back(n);
      return names;
    });
  }
  return ValueType::Any;
}

ValueType Checker::check_path_read(ast::Expr& e, const ExprContext& ctx) {
  if (ctx.constant) {
    diags_.report(DiagId::NotConstant, e.range, {ctx.what});
    return ValueType::Any;
  }
  const std::string name = e.path();
  const std::string& ns = e.segments[0];
  if (ns == "call") {
    std::vector<std::string> fields(std::begin(kCallFields), std::end(kCallFields));
    if (e.segments.size() != 2 || std::find(fields.begin(), fields.end(), e.segments[1]) == fields.end()) {
      diags_.report(DiagId::UnknownCallField, e.range, {name});
      std::vector<std::string> full;
      for (const auto& f : fields) full.push_back("call." + f);
      diags_.did_you_mean(e.range, closest_name(name, full));
      return ValueType::Any;
    }
    variable(name).read = true;
    return ValueType::String;
  }
  if (ns == "ivr") {
    Variable& v = variable(name);
    v.read = true;
    if (!v.expect && !v.written) {
      diags_.report(DiagId::UndeclaredVariable, e.range, {name});
      suggest(e.range, name, [&] {
        std::vector<std::string> declared;
        for (const auto& [n, var] : out_->variables)
          if (var.space == VarSpace::Ivr && (var.expect || var.written)) declared.push_back(n);
        return declared;
      });
    }
    return v.type;
  }
  if (ns == "app") {
    auto it = out_->variables.find(name);
    if (!out_->is_flow && (it == out_->variables.end() || !it->second.written)) {
      // A library is checked without its flow: the flow may write it.
      Variable& v = variable(name);
      v.read = true;
      return v.type;
    }
    if (it == out_->variables.end() || !it->second.written) {
      diags_.report(DiagId::UnknownVariable, e.range, {name});
      suggest(e.range, name, [&] {
        std::vector<std::string> written;
        for (const auto& [n, var] : out_->variables)
          if (var.space == VarSpace::App && var.written) written.push_back(n);
        return written;
      });
      if (e.segments.size() == 3 && e.segments[1] == "inputReader")
        diags_.note(DiagId::NoteText, e.range,
                    {"app.inputReader." + e.segments[2] + " is written by an input module with 'into " +
                     e.segments[2] + "'"});
      return ValueType::Any;
    }
    it->second.read = true;
    return it->second.type;
  }
  if (ns == "response") {
    diags_.report(DiagId::ResponseOutsideMap, e.range, {name});
    return ValueType::Any;
  }
  diags_.report(DiagId::InvalidNamespace, e.range, {name});
  return ValueType::Any;
}

Variable* Checker::check_write(const ast::PathRef& target, ValueType value_type, SourceRange value_range) {
  const std::string name = target.path();
  const std::string& ns = target.segments.empty() ? std::string() : target.segments[0];
  if (ns == "call") {
    diags_.report(DiagId::ReadOnlyWrite, target.range, {name});
    return nullptr;
  }
  if ((ns != "ivr" && ns != "app") || target.segments.size() < 2) {
    diags_.report(DiagId::InvalidNamespace, target.range, {name});
    return nullptr;
  }
  Variable& v = variable(name);
  v.written = true;
  if (v.expect && known(v.type) && known(value_type) && value_type != v.type && value_type != ValueType::Null) {
    diags_.report(DiagId::ExpectMismatch, value_range,
                  {name, value_type_keyword(v.type), value_type_name(value_type)});
    diags_.note(DiagId::NoteDeclaredHere, v.expect->range);
  }
  return &v;
}

// ---------------------------------------------------------------- calls

ValueType Checker::check_call(ast::Expr& e, const ExprContext& ctx) {
  auto b = stdlib::builtin_by_name(e.text);
  if (!b) {
    diags_.report(DiagId::UnknownFunction, e.text_range, {e.text});
    std::vector<std::string> names;
    for (const auto& info : stdlib::kBuiltins) names.push_back(info.name);
    diags_.did_you_mean(e.text_range, closest_name(e.text, names));
    for (auto& a : e.args) check_expr(*a, ctx);
    return ValueType::Any;
  }
  const stdlib::BuiltinInfo& info = stdlib::builtin_info(*b);
  if (e.args.size() < info.min_args || e.args.size() > info.max_args) {
    diags_.report(DiagId::WrongArgCount, e.range, {e.text, arity(info), std::to_string(e.args.size())});
  }
  if (*b == stdlib::Builtin::Env) {
    for (auto& a : e.args) {
      if (a->kind != ExprKind::String)
        diags_.report(DiagId::TypeMismatch, a->range, {"the arguments of env() must be string literals"});
      a->type = ValueType::String;
    }
    return ValueType::String;
  }
  if (ctx.constant) {
    diags_.report(DiagId::NotConstant, e.range, {ctx.what});
  }
  std::vector<ValueType> types;
  for (size_t i = 0; i < e.args.size(); ++i) {
    ValueType t = check_expr(*e.args[i], ctx);
    types.push_back(t);
    char want = i < std::char_traits<char>::length(info.params) ? info.params[i] : 'a';
    ValueType w = from_letter(want);
    if (known(w) && known(t) && t != w && t != ValueType::Null)
      diags_.report(DiagId::TypeMismatch, e.args[i]->range,
                    {"argument " + std::to_string(i + 1) + " of '" + e.text + "' must be " + value_type_name(w) +
                     ", but this is " + value_type_name(t)});
  }
  if (*b == stdlib::Builtin::Default && types.size() == 2 && types[0] == types[1]) return types[0];
  return from_letter(info.result);
}

// ---------------------------------------------------------------- operators

ValueType Checker::check_binary(ast::Expr& e, const ExprContext& ctx) {
  ast::Expr& l = *e.args[0];
  ast::Expr& r = *e.args[1];
  switch (e.op) {
    case Op::And:
    case Op::Or: {
      std::string what = std::string("an operand of '") + ast::op_spelling(e.op) + "'";
      ExprContext c{what.c_str(), ctx.constant, ctx.module};
      check_condition(l, c);
      check_condition(r, c);
      return ValueType::Bool;
    }
    case Op::Eq:
    case Op::Ne:
      check_expr(l, ctx);
      check_expr(r, ctx);
      check_equality(e);
      return ValueType::Bool;
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: {
      ValueType a = check_expr(l, ctx), b = check_expr(r, ctx);
      for (auto [side, t] : {std::pair{&l, a}, std::pair{&r, b}}) {
        if (known(t) && t != ValueType::Number && t != ValueType::String)
          diags_.report(DiagId::TypeMismatch, side->range,
                        {std::string("'") + ast::op_spelling(e.op) + "' compares numbers or strings, but this is " +
                         value_type_name(t)});
      }
      if (known(a) && known(b) && a != b &&
          (a == ValueType::Number || a == ValueType::String) && (b == ValueType::Number || b == ValueType::String))
        diags_.report(DiagId::NeverTrue, e.range,
                      {std::string(value_type_name(a)) + " is never ordered against " + value_type_name(b)});
      return ValueType::Bool;
    }
    case Op::Add: {
      ValueType a = check_expr(l, ctx), b = check_expr(r, ctx);
      for (auto [side, t] : {std::pair{&l, a}, std::pair{&r, b}})
        if (known(t) && t != ValueType::Number && t != ValueType::String)
          diags_.report(DiagId::TypeMismatch, side->range,
                        {std::string("'+' adds numbers or joins strings, but this is ") + value_type_name(t)});
      if (a == ValueType::String || b == ValueType::String) return ValueType::String;
      if (a == ValueType::Number && b == ValueType::Number) return ValueType::Number;
      return ValueType::Any;
    }
    default: {
      ValueType a = check_expr(l, ctx), b = check_expr(r, ctx);
      for (auto [side, t] : {std::pair{&l, a}, std::pair{&r, b}})
        if (known(t) && t != ValueType::Number)
          diags_.report(DiagId::TypeMismatch, side->range,
                        {std::string("'") + ast::op_spelling(e.op) + "' needs numbers, but this is " +
                         value_type_name(t)});
      return ValueType::Number;
    }
  }
}

// `ivr.premium == "yes"` where ivr.premium is a bool, `ivr.tier == "bronze"`
// where the tier is "gold" | "silver": the checker says so.
void Checker::check_equality(ast::Expr& e) {
  const ast::Expr& l = *e.args[0];
  const ast::Expr& r = *e.args[1];
  if (e.op != Op::Eq) return;
  if (known(l.type) && known(r.type) && l.type != r.type && l.type != ValueType::Null &&
      r.type != ValueType::Null) {
    diags_.report(DiagId::NeverTrue, e.range,
                  {std::string(value_type_name(l.type)) + " is never equal to " + value_type_name(r.type)});
    return;
  }
  for (auto [var, lit] : {std::pair{&l, &r}, std::pair{&r, &l}}) {
    if (var->kind != ExprKind::Path || lit->kind != ExprKind::String) continue;
    auto it = out_->variables.find(var->path());
    if (it == out_->variables.end() || it->second.enum_values.empty()) continue;
    const auto& values = it->second.enum_values;
    if (std::find(values.begin(), values.end(), lit->text) == values.end()) {
      diags_.report(DiagId::NeverTrue, e.range,
                    {"\"" + lit->text + "\" is not one of the values of " + var->path() + ": " +
                     quote_list(values)});
      if (it->second.expect) diags_.note(DiagId::NoteDeclaredHere, it->second.expect->range);
      return;
    }
  }
}

// ---------------------------------------------------------------- hours and regexes

void Checker::check_hours(ast::Expr& e) {
  for (const auto& h : e.hours) {
    if (!h.first_day.empty()) {
      for (const std::string* d : {&h.first_day, &h.last_day})
        if (!stdlib::parse_day(*d))
          diags_.report(DiagId::InvalidHours, h.days_range,
                        {"unknown day '" + *d + "'; use mon, tue, wed, thu, fri, sat or sun"});
    }
    auto from = stdlib::parse_time_of_day(h.from_text);
    auto to = stdlib::parse_time_of_day(h.to_text);
    if (!from) diags_.report(DiagId::InvalidHours, h.from_range, {"invalid time of day '" + h.from_text + "'"});
    if (!to) diags_.report(DiagId::InvalidHours, h.to_range, {"invalid time of day '" + h.to_text + "'"});
    if (from && to && *from == *to)
      diags_.report(DiagId::InvalidHours, SourceRange::join(h.from_range, h.to_range),
                    {"the hours " + h.from_text + "-" + h.to_text + " are empty; the end must differ from the start"});
  }
  if (!e.time_zone.empty() && !stdlib::time_zone_exists(options_.zoneinfo_dir, e.time_zone))
    diags_.report(DiagId::UnknownTimeZone, e.time_zone_range, {e.time_zone});
}

void Checker::check_regex(const std::string& pattern, SourceRange range) {
  if (pattern.size() > kMaxRegexLength) {
    diags_.report(DiagId::InvalidRegex, range,
                  {"longer than " + std::to_string(kMaxRegexLength) + " characters"});
    return;
  }
  // std::regex compiles recursively: bound the group nesting first.
  int depth = 0, max_depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] == '(') max_depth = std::max(max_depth, ++depth);
    if (pattern[i] == ')') --depth;
  }
  if (max_depth > 16) {
    diags_.report(DiagId::InvalidRegex, range, {"groups are nested too deeply (the limit is 16)"});
    return;
  }
  try {
    std::regex re(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& err) {
    std::string why = err.what();
    if (!why.empty() && why.back() == '.') why.pop_back();
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    diags_.report(DiagId::InvalidRegex, range, {why});
  }
}

// ---------------------------------------------------------------- triggers and constants

void Checker::check_trigger_recursion() {
  // Depth-first over "trigger uses trigger"; a back edge is a cycle.
  std::map<std::string, int> state;  // 0 new, 1 on the stack, 2 done
  std::function<void(const ast::Trigger&)> visit = [&](const ast::Trigger& t) {
    state[t.name] = 1;
    std::function<void(const ast::Expr&)> walk = [&](const ast::Expr& e) {
      if (e.kind == ExprKind::Name && e.ref == ast::Expr::Ref::Trigger) {
        int s = state[e.text];
        if (s == 1) {
          diags_.report(DiagId::RecursiveDefinition, e.range, {e.text});
        } else if (s == 0) {
          if (const ast::Trigger* u = out_->trigger(e.text)) visit(*u);
        }
      }
      for (const auto& a : e.args) walk(*a);
      for (const auto& p : e.parts)
        if (p.expr) walk(*p.expr);
    };
    walk(*t.condition);
    state[t.name] = 2;
  };
  for (const ast::Trigger* t : out_->triggers)
    if (state[t->name] == 0) visit(*t);
}

std::optional<Constant> Checker::fold_constant(const ast::Expr& e) {
  Constant c;
  switch (e.kind) {
    case ExprKind::Null: c.type = ValueType::Null; return c;
    case ExprKind::Bool: c.type = ValueType::Bool, c.boolean = e.boolean; return c;
    case ExprKind::Number: c.type = ValueType::Number, c.number = e.number; return c;
    case ExprKind::String: c.type = ValueType::String, c.string = e.text; return c;
    case ExprKind::Name: {
      auto it = out_->constants.find(e.text);
      if (it == out_->constants.end()) return std::nullopt;
      return it->second;
    }
    case ExprKind::Template: {
      c.type = ValueType::String;
      for (const auto& p : e.parts) {
        if (!p.expr) {
          c.string += p.text;
          continue;
        }
        auto v = fold_constant(*p.expr);
        if (!v) return std::nullopt;
        switch (v->type) {
          case ValueType::String: c.string += v->string; break;
          case ValueType::Number: c.string += stdlib::format_number(v->number); break;
          case ValueType::Bool: c.string += v->boolean ? "true" : "false"; break;
          default: c.string += "null"; break;
        }
      }
      return c;
    }
    case ExprKind::Call: {
      if (e.text != "env" || e.args.empty() || e.args[0]->kind != ExprKind::String) return std::nullopt;
      c.type = ValueType::String;
      std::optional<std::string> v = options_.env ? options_.env(e.args[0]->text) : std::nullopt;
      if (v) {
        c.string = *v;
      } else if (e.args.size() > 1 && e.args[1]->kind == ExprKind::String) {
        c.string = e.args[1]->text;
      }
      return c;
    }
    case ExprKind::Unary:
      if (e.op == Op::Neg) {
        auto v = fold_constant(*e.args[0]);
        if (!v || v->type != ValueType::Number) return std::nullopt;
        v->number = -v->number;
        return v;
      }
      if (e.op == Op::Not) {
        auto v = fold_constant(*e.args[0]);
        if (!v || v->type != ValueType::Bool) return std::nullopt;
        v->boolean = !v->boolean;
        return v;
      }
      return std::nullopt;
    case ExprKind::Binary: {
      auto a = fold_constant(*e.args[0]);
      auto b = fold_constant(*e.args[1]);
      if (!a || !b) return std::nullopt;
      if (e.op == Op::Add && (a->type == ValueType::String || b->type == ValueType::String)) {
        auto text = [](const Constant& k) {
          return k.type == ValueType::String ? k.string
                 : k.type == ValueType::Number ? stdlib::format_number(k.number)
                 : k.type == ValueType::Bool ? std::string(k.boolean ? "true" : "false")
                                             : std::string("null");
        };
        c.type = ValueType::String;
        c.string = text(*a) + text(*b);
        return c;
      }
      if ((e.op == Op::And || e.op == Op::Or) && a->type == ValueType::Bool && b->type == ValueType::Bool) {
        c.type = ValueType::Bool;
        c.boolean = e.op == Op::And ? (a->boolean && b->boolean) : (a->boolean || b->boolean);
        return c;
      }
      if (e.op == Op::Eq || e.op == Op::Ne) {
        bool same = a->type == b->type && a->boolean == b->boolean && a->number == b->number && a->string == b->string;
        c.type = ValueType::Bool;
        c.boolean = e.op == Op::Eq ? same : (a->type == b->type && !same);
        return c;
      }
      bool strings = a->type == ValueType::String && b->type == ValueType::String;
      if ((e.op == Op::Lt || e.op == Op::Le || e.op == Op::Gt || e.op == Op::Ge) &&
          (strings || (a->type == ValueType::Number && b->type == ValueType::Number))) {
        int cmp = strings ? a->string.compare(b->string) : (a->number < b->number ? -1 : a->number > b->number ? 1 : 0);
        c.type = ValueType::Bool;
        c.boolean = e.op == Op::Lt ? cmp < 0 : e.op == Op::Le ? cmp <= 0 : e.op == Op::Gt ? cmp > 0 : cmp >= 0;
        return c;
      }
      if (a->type != ValueType::Number || b->type != ValueType::Number) return std::nullopt;
      c.type = ValueType::Number;
      switch (e.op) {
        case Op::Add: c.number = a->number + b->number; return c;
        case Op::Sub: c.number = a->number - b->number; return c;
        case Op::Mul: c.number = a->number * b->number; return c;
        case Op::Div:
          if (b->number == 0) return std::nullopt;
          c.number = a->number / b->number;
          return c;
        case Op::Mod:
          if (b->number == 0) return std::nullopt;
          c.number = std::fmod(a->number, b->number);
          return c;
        default: return std::nullopt;
      }
    }
    default:
      return std::nullopt;
  }
}

}  // namespace flowc::sema
