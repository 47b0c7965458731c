// A stable, indented text dump of the AST, used by parser tests and
// `flowc dump-ast`. Ranges are left out so edits elsewhere do not churn it.
#include <sstream>

#include <nlohmann/json.hpp>

#include "compiler/ast/ast.h"

namespace flowc::ast {

namespace {

std::string quote(const std::string& s) { return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string num(double d) {
  std::ostringstream os;
  os << d;
  return os.str();
}

void expr_to(std::string& out, const Expr& e);

void args_to(std::string& out, const Expr& e, size_t from = 0) {
  for (size_t i = from; i < e.args.size(); ++i) {
    out += ' ';
    expr_to(out, *e.args[i]);
  }
}

void expr_to(std::string& out, const Expr& e) {
  switch (e.kind) {
    case ExprKind::Null: out += "null"; return;
    case ExprKind::Bool: out += e.boolean ? "true" : "false"; return;
    case ExprKind::Number: out += num(e.number); return;
    case ExprKind::String: out += quote(e.text); return;
    case ExprKind::Duration: out += "(duration " + e.text + ")"; return;
    case ExprKind::Name: out += e.text; return;
    case ExprKind::Path: out += e.path(); return;
    case ExprKind::Template:
      out += "(template";
      for (const auto& p : e.parts) {
        out += ' ';
        if (p.expr) {
          out += '{';
          expr_to(out, *p.expr);
          out += '}';
        } else {
          out += quote(p.text);
        }
      }
      out += ')';
      return;
    case ExprKind::Call:
      out += "(call " + e.text;
      args_to(out, e);
      out += ')';
      return;
    case ExprKind::Unary:
    case ExprKind::Binary:
      out += "(";
      out += op_spelling(e.op);
      args_to(out, e);
      out += ')';
      return;
    case ExprKind::IsSet:
      out += e.negated ? "(is-not-set" : "(is-set";
      args_to(out, e);
      out += ')';
      return;
    case ExprKind::In:
      out += e.negated ? "(not-in" : "(in";
      args_to(out, e);
      out += ')';
      return;
    case ExprKind::Matches:
      out += "(matches";
      args_to(out, e);
      out += ' ' + quote(e.text) + ')';
      return;
    case ExprKind::Hours:
      out += "(hours";
      for (const auto& h : e.hours) {
        out += ' ';
        if (!h.first_day.empty()) out += h.first_day + (h.last_day != h.first_day ? "-" + h.last_day : "") + ' ';
        out += h.from_text + "-" + h.to_text;
      }
      if (!e.time_zone.empty()) out += ' ' + quote(e.time_zone);
      out += ')';
      return;
  }
}

void json_to(std::string& out, const JsonValue& j) {
  switch (j.kind) {
    case JsonValue::Scalar: expr_to(out, *j.expr); return;
    case JsonValue::Object:
      out += '{';
      for (size_t i = 0; i < j.fields.size(); ++i) {
        if (i) out += ", ";
        out += j.fields[i].key + ": ";
        json_to(out, *j.fields[i].value);
      }
      out += '}';
      return;
    case JsonValue::Array:
      out += '[';
      for (size_t i = 0; i < j.items.size(); ++i) {
        if (i) out += ", ";
        json_to(out, *j.items[i]);
      }
      out += ']';
      return;
  }
}

void options_to(std::string& out, const std::vector<Option>& opts, const std::string& indent) {
  for (const auto& o : opts) {
    out += indent + "option " + o.name + " ";
    switch (o.kind) {
      case Option::Expr: expr_to(out, *o.value); break;
      case Option::Duration: out += "(duration " + o.duration + ")"; break;
      case Option::Json: json_to(out, *o.json); break;
      case Option::Header: out += quote(o.header_name) + ": "; expr_to(out, *o.value); break;
      case Option::Map: out += o.map_target.path() + " = " + o.map_source.path(); break;
    }
    out += '\n';
  }
}

void action_to(std::string& out, const Action& a, const std::string& indent) {
  switch (a.kind) {
    case Action::Ref: out += "ref " + a.ref + "\n"; return;
    case Action::Set:
      out += "set\n";
      for (const auto& as : a.assignments) {
        out += indent + "  " + as.target.path() + " = ";
        expr_to(out, *as.value);
        out += '\n';
      }
      return;
    case Action::Email:
      out += "email to ";
      if (a.target) expr_to(out, *a.target);
      out += '\n';
      options_to(out, a.options, indent + "  ");
      return;
    case Action::Http:
      out += "http " + a.method + " ";
      if (a.target) expr_to(out, *a.target);
      out += '\n';
      options_to(out, a.options, indent + "  ");
      return;
  }
}

}  // namespace

std::string dump(const Expr& expr) {
  std::string out;
  expr_to(out, expr);
  return out;
}

std::string dump(const File& f) {
  std::string out;
  for (const auto& h : f.flow_names) out += "flow " + h.value + "\n";
  for (const auto& h : f.starts) out += "start " + h.value + "\n";
  for (const auto& h : f.numbers) out += "number " + quote(h.value) + "\n";
  for (const auto& h : f.time_zones) out += "timezone " + quote(h.value) + "\n";
  for (const auto& i : f.imports) out += "import " + quote(i.path) + "\n";
  for (const auto& c : f.ctis) {
    out += "cti " + c.protocol + " ";
    expr_to(out, *c.endpoint);
    out += '\n';
    options_to(out, c.options, "  ");
  }
  for (const auto& l : f.lets) {
    out += "let " + l.name + " = ";
    expr_to(out, *l.value);
    out += '\n';
  }
  for (const auto& e : f.expects) {
    out += "expect " + e.var.path() + ": ";
    if (!e.type_name.empty()) {
      out += e.type_name;
    } else {
      for (size_t i = 0; i < e.enum_values.size(); ++i) out += (i ? " | " : "") + quote(e.enum_values[i]);
    }
    if (e.secret) out += " secret";
    out += '\n';
  }
  for (const auto& t : f.triggers) {
    out += "trigger " + t.name + " = ";
    expr_to(out, *t.condition);
    out += '\n';
  }
  for (const auto& a : f.automations) {
    out += "automation " + a.name + " = ";
    action_to(out, a.action, "");
    for (const auto& at : a.attachments) {
      out += "  attach ";
      out += at.kind == Attachment::CallStart ? "call start" : at.kind == Attachment::CallEnd ? "call end" : "when " + at.trigger;
      out += '\n';
    }
  }
  for (const auto& m : f.modules) {
    out += "module " + m.name + " = " + module_kind_name(m.kind);
    if (m.argument) {
      out += ' ';
      expr_to(out, *m.argument);
    }
    if (!m.pause.empty()) out += " (duration " + m.pause + ")";
    out += '\n';
    options_to(out, m.options, "  ");
    for (const auto& c : m.choices) out += "  choice " + quote(c.key) + " -> " + c.target + "\n";
    for (const auto& b : m.branches) {
      if (b.condition) {
        out += "  when ";
        expr_to(out, *b.condition);
      } else {
        out += "  after";
      }
      out += " -> " + b.target + "\n";
    }
    if (m.kind == ModuleKind::Set || m.kind == ModuleKind::Email || m.kind == ModuleKind::Http) {
      out += "  action ";
      action_to(out, m.action, "  ");
    }
    for (const auto& c : m.clauses) {
      switch (c.kind) {
        case Clause::Next: out += "  next " + c.target + "\n"; break;
        case Clause::Route: out += "  on " + c.event + " -> " + c.target + "\n"; break;
        case Clause::Wait: out += "  wait " + c.target + " up to " + c.duration + "\n"; break;
        case Clause::Hook:
          out += c.on_exit ? "  on exit " : "  on enter ";
          action_to(out, c.action, "  ");
          break;
      }
    }
  }
  return out;
}

}  // namespace flowc::ast
