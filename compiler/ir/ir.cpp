// IR names, the stable text dump (`flowc dump-ir`) and the verifier.
#include "compiler/ir/ir.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "stdlib/builtins.h"
#include "stdlib/commands.h"

namespace flowc::ir {

const char* event_name(EventKind e) {
  switch (e) {
    case EventKind::Start: return "start";
    case EventKind::PromptDone: return "prompt_done";
    case EventKind::Dtmf: return "dtmf";
    case EventKind::InputTimeout: return "input_timeout";
    case EventKind::AgentAnswered: return "agent_answered";
    case EventKind::TransferFailed: return "transfer_failed";
    case EventKind::Hangup: return "hangup";
    case EventKind::SessionWrite: return "session_write";
    case EventKind::AutomationDone: return "automation_done";
    case EventKind::Timer: return "timer";
  }
  return "?";
}

const char* command_name(CommandKind c) {
  return stdlib::command_type(static_cast<uint32_t>(c));
}

const std::vector<const char*>& command_args(CommandKind c) {
  return stdlib::command_fields(static_cast<uint32_t>(c));
}

ExprPtr Expr::clone() const {
  auto e = std::make_unique<Expr>();
  e->op = op;
  e->type = type;
  e->value = value;
  e->slot = slot;
  e->index = index;
  e->event = event;
  e->escape = escape;
  for (const auto& a : args) e->args.push_back(a->clone());
  return e;
}

int32_t Flow::slot_of(const std::string& name) const {
  for (size_t i = 0; i < slots.size(); ++i)
    if (slots[i].name == name) return static_cast<int32_t>(i);
  return -1;
}

// ---------------------------------------------------------------- dump

namespace {

std::string quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string number(double d) {
  std::ostringstream os;
  os << d;
  return os.str();
}

const char* op_name(ExprOp op) {
  switch (op) {
    case ExprOp::Not: return "not";
    case ExprOp::And: return "and";
    case ExprOp::Or: return "or";
    case ExprOp::Eq: return "==";
    case ExprOp::Ne: return "!=";
    case ExprOp::Lt: return "<";
    case ExprOp::Le: return "<=";
    case ExprOp::Gt: return ">";
    case ExprOp::Ge: return ">=";
    case ExprOp::Add: return "+";
    case ExprOp::Sub: return "-";
    case ExprOp::Mul: return "*";
    case ExprOp::Div: return "/";
    case ExprOp::Mod: return "%";
    case ExprOp::Neg: return "neg";
    case ExprOp::IsSet: return "is-set";
    case ExprOp::In: return "in";
    case ExprOp::Length: return "length";
    default: return "?";
  }
}

void expr_to(std::string& out, const Expr& e, const Flow& f) {
  switch (e.op) {
    case ExprOp::Const:
      switch (e.value.type) {
        case Type::Bool: out += e.value.boolean ? "true" : "false"; break;
        case Type::Number: out += number(e.value.number); break;
        case Type::String: out += quote(e.value.string); break;
        default: out += "null"; break;
      }
      return;
    case ExprOp::Slot:
      out += "%" + std::to_string(e.slot) + ":" + (e.slot < f.slots.size() ? f.slots[e.slot].name : "?");
      return;
    case ExprOp::Trigger:
      out += "trigger " + (e.index < f.triggers.size() ? f.triggers[e.index].name : "?");
      return;
    case ExprOp::EventIs: out += std::string("event==") + event_name(e.event); return;
    case ExprOp::EventDigits: out += "event.digits"; return;
    case ExprOp::EventAgent: out += "event.agent"; return;
    case ExprOp::AutomationDone:
    case ExprOp::AutomationFailed:
    case ExprOp::AutomationStarted: {
      const char* what = e.op == ExprOp::AutomationDone     ? "done"
                         : e.op == ExprOp::AutomationFailed ? "failed"
                                                            : "started";
      out += std::string(what) + "(" + (e.index < f.automations.size() ? f.automations[e.index].name : "?") +
             ")";
      return;
    }
    case ExprOp::ModuleFailed: out += "module-failed"; return;
    case ExprOp::Attempts: out += "attempts"; return;
    case ExprOp::Now: out += "now-in hours#" + std::to_string(e.index); return;
    case ExprOp::Matches:
      out += "(matches ";
      expr_to(out, *e.args[0], f);
      out += " regex#" + std::to_string(e.index) + ")";
      return;
    case ExprOp::Call:
      out += "(";
      out += stdlib::builtin_info(static_cast<stdlib::Builtin>(e.index)).name;
      for (const auto& a : e.args) {
        out += ' ';
        expr_to(out, *a, f);
      }
      out += ')';
      return;
    case ExprOp::Template:
      out += e.escape == Escape::Url    ? "(template/url"
             : e.escape == Escape::Json ? "(template/json"
                                        : "(template";
      for (const auto& a : e.args) {
        out += ' ';
        expr_to(out, *a, f);
      }
      out += ')';
      return;
    default:
      out += "(";
      out += op_name(e.op);
      for (const auto& a : e.args) {
        out += ' ';
        expr_to(out, *a, f);
      }
      out += ')';
      return;
  }
}

void json_to(std::string& out, const JsonTemplate& j, const Flow& f) {
  switch (j.kind) {
    case JsonTemplate::Value: expr_to(out, *j.value, f); return;
    case JsonTemplate::Object:
      out += "{";
      for (size_t i = 0; i < j.items.size(); ++i) {
        out += (i ? ", " : "") + quote(j.keys[i]) + ": ";
        json_to(out, j.items[i], f);
      }
      out += "}";
      return;
    case JsonTemplate::Array:
      out += "[";
      for (size_t i = 0; i < j.items.size(); ++i) {
        if (i) out += ", ";
        json_to(out, j.items[i], f);
      }
      out += "]";
      return;
  }
}

const char* type_keyword(Type t) {
  return value_type_keyword(t);
}

}  // namespace

std::string dump(const Expr& expr, const Flow& flow) {
  std::string out;
  expr_to(out, expr, flow);
  return out;
}

std::string dump(const Flow& f) {
  std::string out;
  out += "flow " + f.name + "\n";
  for (const auto& n : f.numbers) out += "number " + quote(n) + "\n";
  out += "timezone " + quote(f.time_zone) + "\n";
  if (!f.cti_protocol.empty())
    out += "cti " + f.cti_protocol + " " + quote(f.cti_endpoint) + " timeout " +
           std::to_string(f.cti_timeout_ms) + "ms retries " + std::to_string(f.cti_retries) + "\n";
  out += "start " + f.states[f.start_state].name + " (block b" + std::to_string(f.start_block) + ")\n\n";
  for (size_t i = 0; i < f.slots.size(); ++i) {
    const Slot& s = f.slots[i];
    out += "slot %" + std::to_string(i) + " " + s.name + ": " + type_keyword(s.type);
    for (size_t k = 0; k < s.enum_values.size(); ++k) out += (k ? " | " : " (") + quote(s.enum_values[k]);
    if (!s.enum_values.empty()) out += ")";
    if (s.declared) out += " declared";
    if (s.secret) out += " secret";
    out += "\n";
  }
  for (size_t i = 0; i < f.regexes.size(); ++i)
    out += "regex#" + std::to_string(i) + " " + quote(f.regexes[i]) + "\n";
  for (size_t i = 0; i < f.hours.size(); ++i) {
    out += "hours#" + std::to_string(i) + " " + quote(f.hours[i].time_zone);
    for (const auto& r : f.hours[i].ranges)
      out += " " + std::to_string(r.first_day) + "-" + std::to_string(r.last_day) + "/" +
             std::to_string(r.from_minute) + "-" + std::to_string(r.to_minute);
    out += "\n";
  }
  for (const auto& t : f.triggers) {
    out += "trigger " + t.name + " = ";
    expr_to(out, *t.condition, f);
    out += "\n";
  }
  for (const auto& a : f.automations) {
    out += "automation " + a.name + " = ";
    if (a.kind == ActionKind::Set) {
      out += "set";
      for (const auto& as : a.assignments) {
        out += " %" + std::to_string(as.slot) + " = ";
        expr_to(out, *as.value, f);
      }
    } else if (a.kind == ActionKind::Email) {
      out += "email to ";
      if (a.to) expr_to(out, *a.to, f);
      if (a.subject) out += " subject ", expr_to(out, *a.subject, f);
      if (a.text) out += " body ", expr_to(out, *a.text, f);
    } else {
      out += a.method + " ";
      if (a.url) expr_to(out, *a.url, f);
      for (const auto& h : a.headers) {
        out += " header " + quote(h.name) + ": ";
        expr_to(out, *h.value, f);
      }
      if (a.has_json) out += " json ", json_to(out, a.json, f);
      if (a.body) out += " body ", expr_to(out, *a.body, f);
      out += " retries " + std::to_string(a.retries);
      for (const auto& m : a.maps) {
        out += " map %" + std::to_string(m.slot) + " = response";
        for (const auto& p : m.path) out += "." + p;
      }
    }
    out += " timeout " + std::to_string(a.timeout_ms) + "ms";
    if (a.on_call_start) out += " on-call-start";
    if (a.on_call_end) out += " on-call-end";
    if (a.when_trigger >= 0) out += " when " + f.triggers[static_cast<size_t>(a.when_trigger)].name;
    out += "\n";
  }
  for (const auto& s : f.states) {
    out += "\nstate " + s.name + " (" + s.kind + ") entry b" + std::to_string(s.entry);
    for (const auto& e : s.edges) out += "\n  edge " + quote(e.label) + " -> " + f.states[e.target].name;
    out += "\n";
  }
  out += "\n";
  for (size_t i = 0; i < f.blocks.size(); ++i) {
    const Block& b = f.blocks[i];
    out += "b" + std::to_string(i) + " " + b.label + ":\n";
    for (const auto& in : b.instrs) {
      out += "  ";
      switch (in.op) {
        case InstrOp::SetSlot:
          out += "set %" + std::to_string(in.slot) + " = ";
          expr_to(out, *in.expr, f);
          break;
        case InstrOp::StartAutomation: out += "start " + f.automations[in.index].name; break;
        case InstrOp::Emit: {
          out += std::string("emit ") + command_name(in.command);
          const auto& names = command_args(in.command);
          for (size_t k = 0; k < in.args.size(); ++k) {
            if (!in.args[k]) continue;
            out += std::string(" ") + names[k] + "=";
            expr_to(out, *in.args[k], f);
          }
          break;
        }
        case InstrOp::EnterModule: out += "enter " + f.states[in.index].name; break;
        case InstrOp::SetAttempts:
          out += "attempts = ";
          expr_to(out, *in.expr, f);
          break;
        case InstrOp::Trace: out += "trace " + quote(in.text); break;
        case InstrOp::AgentConnected:
          out += "agent-connected ";
          expr_to(out, *in.args[0], f);
          out += " reason ";
          expr_to(out, *in.args[1], f);
          break;
      }
      out += "\n";
    }
    const Terminator& t = b.term;
    switch (t.op) {
      case TermOp::Jump: out += "  jump b" + std::to_string(t.target); break;
      case TermOp::Branch:
        out += "  branch ";
        expr_to(out, *t.cond, f);
        out += " ? b" + std::to_string(t.target) + " : b" + std::to_string(t.other);
        if (!t.trace.empty()) out += " trace " + quote(t.trace);
        break;
      case TermOp::Suspend:
        out += std::string("  suspend ") + (t.await == Await::Caller ? "caller" : "external") + " resume b" +
               std::to_string(t.target);
        if (t.timer == TimerOp::Set) out += " timer " + std::to_string(t.timer_ms) + "ms";
        if (t.timer == TimerOp::Keep) out += " timer keep";
        break;
      case TermOp::End: out += "  end " + quote(t.reason); break;
    }
    out += "\n";
  }
  return out;
}

// ---------------------------------------------------------------- verify

namespace {

// A handler must reach a Suspend or End on every path: a cycle of Jump and
// Branch edges would spin forever within one event.
void check_cycles(const Flow& f, std::vector<std::string>& problems) {
  enum : uint8_t { kNew, kOpen, kDone };
  std::vector<uint8_t> color(f.blocks.size(), kNew);
  std::vector<std::pair<uint32_t, int>> stack;  // block, next edge to follow
  auto edge = [&](uint32_t b, int i) -> int64_t {
    const Terminator& t = f.blocks[b].term;
    if (t.op == TermOp::Jump && i == 0) return t.target;
    if (t.op == TermOp::Branch && i == 0) return t.target;
    if (t.op == TermOp::Branch && i == 1) return t.other;
    return -1;
  };
  for (uint32_t root = 0; root < f.blocks.size(); ++root) {
    if (color[root] != kNew) continue;
    stack.push_back({root, 0});
    color[root] = kOpen;
    while (!stack.empty()) {
      auto& [b, i] = stack.back();
      int64_t next = edge(b, i++);
      if (next < 0) {
        color[b] = kDone;
        stack.pop_back();
        continue;
      }
      auto n = static_cast<uint32_t>(next);
      if (color[n] == kOpen) {
        problems.push_back("b" + std::to_string(n) + " " + f.blocks[n].label + ": a loop without a suspend");
        return;
      }
      if (color[n] == kNew) {
        color[n] = kOpen;
        stack.push_back({n, 0});
      }
    }
  }
}

}  // namespace

std::vector<std::string> verify(const Flow& f) {
  std::vector<std::string> problems;
  auto bad = [&](const std::string& where, const std::string& what) {
    problems.push_back(where + ": " + what);
  };
  const size_t nb = f.blocks.size();
  std::function<void(const Expr&, const std::string&)> check_expr = [&](const Expr& e,
                                                                        const std::string& where) {
    switch (e.op) {
      case ExprOp::Slot:
        if (e.slot >= f.slots.size()) bad(where, "slot out of range");
        break;
      case ExprOp::Trigger:
        if (e.index >= f.triggers.size()) bad(where, "trigger out of range");
        break;
      case ExprOp::AutomationDone:
      case ExprOp::AutomationFailed:
      case ExprOp::AutomationStarted:
        if (e.index >= f.automations.size()) bad(where, "automation out of range");
        break;
      case ExprOp::Now:
        if (e.index >= f.hours.size()) bad(where, "hours out of range");
        break;
      case ExprOp::Matches:
        if (e.index >= f.regexes.size()) bad(where, "regex out of range");
        if (e.args.size() != 1) bad(where, "matches needs one operand");
        break;
      case ExprOp::Call:
        if (e.index >= static_cast<uint32_t>(stdlib::Builtin::Count)) bad(where, "builtin out of range");
        break;
      case ExprOp::Not:
      case ExprOp::Neg:
      case ExprOp::IsSet:
      case ExprOp::Length:
        if (e.args.size() != 1) bad(where, std::string(op_name(e.op)) + " needs one operand");
        break;
      case ExprOp::And:
      case ExprOp::Or:
      case ExprOp::Eq:
      case ExprOp::Ne:
      case ExprOp::Lt:
      case ExprOp::Le:
      case ExprOp::Gt:
      case ExprOp::Ge:
      case ExprOp::Add:
      case ExprOp::Sub:
      case ExprOp::Mul:
      case ExprOp::Div:
      case ExprOp::Mod:
        if (e.args.size() != 2) bad(where, std::string(op_name(e.op)) + " needs two operands");
        break;
      default: break;
    }
    for (const auto& a : e.args) {
      if (!a) {
        bad(where, "null operand");
        continue;
      }
      check_expr(*a, where);
    }
  };
  if (f.states.empty()) bad("flow", "no states");
  if (f.start_state >= f.states.size()) bad("flow", "start state out of range");
  if (f.start_block >= nb) bad("flow", "start block out of range");
  if (f.slots.size() < kFixedSlots) bad("flow", "missing the call.* slots");
  for (uint32_t si = 0; si < f.states.size(); ++si) {
    const State& s = f.states[si];
    if (s.entry >= nb) bad("state " + s.name, "entry out of range");
    // A migrating call resumes at the entry and enters the module there, so
    // nothing may come before the EnterModule (and it comes only there).
    else if (f.blocks[s.entry].instrs.empty() || f.blocks[s.entry].instrs[0].op != InstrOp::EnterModule ||
             f.blocks[s.entry].instrs[0].index != si)
      bad("state " + s.name, "the entry block does not begin by entering the module");
    for (const auto& e : s.edges)
      if (e.target >= f.states.size()) bad("state " + s.name, "edge out of range");
  }
  for (const auto& t : f.triggers) {
    if (!t.condition)
      bad("trigger " + t.name, "no condition");
    else
      check_expr(*t.condition, "trigger " + t.name);
  }
  for (const auto& a : f.automations) {
    std::string where = "automation " + a.name;
    if (a.kind == ActionKind::Http && !a.url) bad(where, "no URL");
    if (a.kind == ActionKind::Email && (!a.to || !a.subject || !a.text))
      bad(where, "email without to/subject/body");
    for (const auto& as : a.assignments) {
      if (as.slot < kFixedSlots || as.slot >= f.slots.size())
        bad(where, "set of an invalid or read-only slot");
      if (!as.value)
        bad(where, "set without a value");
      else
        check_expr(*as.value, where);
    }
    for (const auto& m : a.maps)
      if (m.slot >= f.slots.size()) bad(where, "map slot out of range");
    if (a.when_trigger >= 0 && static_cast<size_t>(a.when_trigger) >= f.triggers.size())
      bad(where, "when trigger out of range");
    for (const Expr* e : {a.url.get(), a.body.get(), a.to.get(), a.subject.get(), a.text.get()})
      if (e) check_expr(*e, where);
  }
  for (size_t i = 0; i < nb; ++i) {
    const Block& b = f.blocks[i];
    std::string where = "b" + std::to_string(i) + " " + b.label;
    for (const auto& in : b.instrs) {
      if (in.expr) check_expr(*in.expr, where);
      for (const auto& a : in.args)
        if (a) check_expr(*a, where);
      if (in.op == InstrOp::SetSlot && (in.slot >= f.slots.size() || in.slot < kFixedSlots))
        bad(where, "set of an invalid or read-only slot");
      if (in.op == InstrOp::SetSlot && !in.expr) bad(where, "set without a value");
      if (in.op == InstrOp::StartAutomation && in.index >= f.automations.size())
        bad(where, "automation out of range");
      if (in.op == InstrOp::EnterModule && in.index >= f.states.size()) bad(where, "state out of range");
      if (in.op == InstrOp::EnterModule && in.index < f.states.size() &&
          (f.states[in.index].entry != i || &in != &b.instrs[0]))
        bad(where, "a module is entered outside its entry block");
      if (in.op == InstrOp::Emit && in.args.size() != command_args(in.command).size())
        bad(where, "wrong command arity");
      if (in.op == InstrOp::AgentConnected && in.args.size() != 2)
        bad(where, "agent-connected needs two operands");
    }
    const Terminator& t = b.term;
    switch (t.op) {
      case TermOp::Jump:
        if (t.target >= nb) bad(where, "jump out of range");
        break;
      case TermOp::Branch:
        if (t.target >= nb || t.other >= nb) bad(where, "branch out of range");
        if (!t.cond)
          bad(where, "branch without a condition");
        else
          check_expr(*t.cond, where);
        break;
      case TermOp::Suspend:
        if (t.target >= nb) bad(where, "resume out of range");
        if (t.timer == TimerOp::Set && t.timer_ms == 0) bad(where, "timer of zero");
        break;
      case TermOp::End: break;
    }
  }
  if (problems.empty()) check_cycles(f, problems);
  return problems;
}

}  // namespace flowc::ir
