// IR mutants: collect every site that can change, pick one, change it.
#include "tests/diff/ir_mutator.h"

#include <functional>
#include <map>

namespace flowc::testing::diff {

namespace {

using ir::ExprOp;

const std::map<ExprOp, ExprOp>& swaps() {
  static const std::map<ExprOp, ExprOp> kSwaps = {
      {ExprOp::Lt, ExprOp::Le}, {ExprOp::Le, ExprOp::Lt}, {ExprOp::Gt, ExprOp::Ge}, {ExprOp::Ge, ExprOp::Gt},
      {ExprOp::Eq, ExprOp::Ne}, {ExprOp::Ne, ExprOp::Eq}, {ExprOp::And, ExprOp::Or}, {ExprOp::Or, ExprOp::And},
      {ExprOp::Add, ExprOp::Sub}, {ExprOp::Sub, ExprOp::Add}, {ExprOp::Mul, ExprOp::Div}, {ExprOp::Div, ExprOp::Mul},
      {ExprOp::Mod, ExprOp::Mul}};
  return kSwaps;
}

const char* op_name(ExprOp op) {
  switch (op) {
    case ExprOp::Lt: return "<";
    case ExprOp::Le: return "<=";
    case ExprOp::Gt: return ">";
    case ExprOp::Ge: return ">=";
    case ExprOp::Eq: return "==";
    case ExprOp::Ne: return "!=";
    case ExprOp::And: return "and";
    case ExprOp::Or: return "or";
    case ExprOp::Add: return "+";
    case ExprOp::Sub: return "-";
    case ExprOp::Mul: return "*";
    case ExprOp::Div: return "/";
    case ExprOp::Mod: return "%";
    default: return "?";
  }
}

}  // namespace

std::string mutate(ir::Flow& flow, Rng& r) {
  std::vector<std::function<std::string()>> sites;
  std::function<void(ir::Expr&, const std::string&)> expr = [&](ir::Expr& e, const std::string& where) {
    ir::Expr* p = &e;
    if (swaps().count(e.op))
      sites.push_back([p, where] {
        ExprOp to = swaps().at(p->op);
        std::string what = where + ": " + op_name(p->op) + " -> " + op_name(to);
        p->op = to;
        return what;
      });
    if (e.op == ExprOp::Const && e.value.type == ValueType::Number)
      sites.push_back([p, where] {
        p->value.number += 1;
        return where + ": number constant + 1";
      });
    if (e.op == ExprOp::Const && e.value.type == ValueType::Bool)
      sites.push_back([p, where] {
        p->value.boolean = !p->value.boolean;
        return where + ": bool constant flipped";
      });
    if (e.op == ExprOp::Const && e.value.type == ValueType::String)
      sites.push_back([p, where] {
        p->value.string += "~";
        return where + ": string constant + \"~\"";
      });
    if (e.op == ExprOp::IsSet || e.op == ExprOp::Matches || e.op == ExprOp::Now || e.op == ExprOp::In ||
        e.op == ExprOp::Trigger || e.op == ExprOp::EventIs || e.op == ExprOp::AutomationDone ||
        e.op == ExprOp::AutomationFailed || e.op == ExprOp::ModuleFailed)
      sites.push_back([p, where] {
        auto inner = std::make_unique<ir::Expr>(std::move(*p));
        *p = ir::Expr{};
        p->op = ExprOp::Not;
        p->type = ValueType::Bool;
        p->args.push_back(std::move(inner));
        return where + ": condition negated";
      });
    if (e.op == ExprOp::Template)
      sites.push_back([p, where] {
        p->escape = p->escape == ir::Escape::None ? ir::Escape::Url : ir::Escape::None;
        return where + ": template escaping changed";
      });
    if (e.op == ExprOp::Call)
      sites.push_back([p, where] {
        std::swap(p->args.front(), p->args.back());  // a no-op for one argument; f(a, b) -> f(b, a)
        if (p->args.size() == 1) {
          auto inner = std::make_unique<ir::Expr>(std::move(*p->args[0]));
          p->args[0] = std::make_unique<ir::Expr>();
          p->args[0]->op = ExprOp::Template;
          p->args[0]->type = ValueType::String;
          p->args[0]->args.push_back(std::move(inner));
          p->args[0]->args.push_back(std::make_unique<ir::Expr>());
          p->args[0]->args.back()->value.type = ValueType::String;
          p->args[0]->args.back()->value.string = " ";
          p->args[0]->args.back()->type = ValueType::String;
          return where + ": builtin argument + \" \"";
        }
        return where + ": builtin arguments swapped";
      });
    for (auto& a : e.args)
      if (a) expr(*a, where);
  };
  for (auto& t : flow.triggers)
    if (t.condition) expr(*t.condition, "trigger " + t.name);
  for (auto& a : flow.automations) {
    std::string w = "automation " + a.name;
    for (auto* e : {&a.url, &a.body, &a.to, &a.subject, &a.text})
      if (*e) expr(**e, w);
    for (auto& h : a.headers)
      if (h.value) expr(*h.value, w + " header");
    for (auto& as : a.assignments)
      if (as.value) expr(*as.value, w + " set");
    std::function<void(ir::JsonTemplate&)> json = [&](ir::JsonTemplate& j) {
      if (j.value) expr(*j.value, w + " json");
      for (auto& i : j.items) json(i);
    };
    if (a.has_json) json(a.json);
  }
  for (auto& b : flow.blocks) {
    for (auto& i : b.instrs) {
      if (i.expr) expr(*i.expr, b.label);
      for (auto& a : i.args)
        if (a) expr(*a, b.label);
    }
    ir::Terminator* t = &b.term;
    const std::string label = b.label;
    if (t->op == ir::TermOp::Branch) {
      if (t->cond) expr(*t->cond, label);
      sites.push_back([t, label] {
        std::swap(t->target, t->other);
        return label + ": branch targets swapped";
      });
    }
    if (t->op == ir::TermOp::Suspend && t->timer == ir::TimerOp::Set)
      sites.push_back([t, label] {
        t->timer_ms += 1;
        return label + ": timer + 1ms";
      });
  }
  if (sites.empty()) return "";
  return sites[r.below(static_cast<uint32_t>(sites.size()))]();
}

}  // namespace flowc::testing::diff
