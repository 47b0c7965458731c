// Lowering of a checked flow into states and blocks. The patterns per module
// kind are the language's semantics: what is emitted, which events move the
// call on, where retries, timeouts, errors and waits lead.
#include "compiler/ir/lower.h"

#include <algorithm>

#include "compiler/sema/durations.h"
#include "stdlib/builtins.h"
#include "stdlib/hours.h"

namespace flowc::ir {

namespace {

using ast::ExprKind;
using ast::ModuleKind;

constexpr uint32_t kDefaultHttpTimeoutMs = 5000;
constexpr uint32_t kDefaultEmailTimeoutMs = 10'000;
constexpr uint32_t kDefaultInputTimeoutMs = 5000;
constexpr uint32_t kDefaultInputRetries = 2;

ExprPtr make(ExprOp op, Type type) {
  auto e = std::make_unique<Expr>();
  e->op = op;
  e->type = type;
  return e;
}

ExprPtr const_string(const std::string& s) {
  auto e = make(ExprOp::Const, Type::String);
  e->value.type = Type::String;
  e->value.string = s;
  return e;
}

ExprPtr const_number(double d) {
  auto e = make(ExprOp::Const, Type::Number);
  e->value.type = Type::Number;
  e->value.number = d;
  return e;
}

ExprPtr const_bool(bool b) {
  auto e = make(ExprOp::Const, Type::Bool);
  e->value.type = Type::Bool;
  e->value.boolean = b;
  return e;
}

ExprPtr unary(ExprOp op, ExprPtr a, Type t = Type::Bool) {
  auto e = make(op, t);
  e->args.push_back(std::move(a));
  return e;
}

ExprPtr binary(ExprOp op, ExprPtr a, ExprPtr b, Type t = Type::Bool) {
  auto e = make(op, t);
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

ExprPtr event_is(EventKind k) {
  auto e = make(ExprOp::EventIs, Type::Bool);
  e->event = k;
  return e;
}

ExprPtr indexed(ExprOp op, uint32_t index, Type t = Type::Bool) {
  auto e = make(op, t);
  e->index = index;
  return e;
}

const ast::Option* find_option(const std::vector<ast::Option>& opts, const char* name) {
  for (const auto& o : opts)
    if (o.name == name) return &o;
  return nullptr;
}

uint32_t duration_option(const std::vector<ast::Option>& opts, const char* name, uint32_t fallback) {
  const ast::Option* o = find_option(opts, name);
  if (!o || o->kind != ast::Option::Duration) return fallback;
  auto ms = sema::parse_duration(o->duration, nullptr);
  return ms ? static_cast<uint32_t>(*ms) : fallback;
}

uint32_t int_option(const std::vector<ast::Option>& opts, const char* name, uint32_t fallback) {
  const ast::Option* o = find_option(opts, name);
  if (!o || o->kind != ast::Option::Expr || o->value->kind != ExprKind::Number) return fallback;
  return static_cast<uint32_t>(o->value->number);
}

class Lowerer {
 public:
  Lowerer(const sema::CheckedFlow& in, const sema::CheckOptions& options) : in_(in), options_(options) {}

  std::unique_ptr<Flow> run();

 private:
  // ---- tables
  void build_slots();
  // By name, through slot_index_ (a flow can have thousands of slots).
  uint32_t slot(const std::string& name) const {
    auto it = slot_index_.find(name);
    return it == slot_index_.end() ? static_cast<uint32_t>(-1) : it->second;
  }
  uint32_t regex(const std::string& pattern);
  uint32_t hours(const ast::Expr& e);
  uint32_t automation_from_action(const ast::Action& a, const std::string& name);
  JsonTemplate json(const ast::JsonValue& j);

  // ---- expressions
  ExprPtr expr(const ast::Expr& e, Escape escape = Escape::None);
  ExprPtr text(const ast::Expr* e, Escape escape = Escape::None) { return e ? expr(*e, escape) : nullptr; }

  // ---- blocks
  uint32_t block(const std::string& label);
  Block& at(uint32_t b) { return out_->blocks[b]; }
  void jump(uint32_t from, uint32_t to);
  void branch(uint32_t from, ExprPtr cond, uint32_t then, uint32_t other, std::string trace = "");
  void suspend(uint32_t from, uint32_t resume, Await await, TimerOp timer, uint32_t timer_ms = 0);
  void trace(uint32_t b, const std::string& text);
  void emit(uint32_t b, CommandKind kind, std::vector<ExprPtr> args);
  // A resume point: hang-up ends the call, the listed events go to their
  // blocks, anything else is ignored (suspend again, same wait).
  uint32_t resume_point(const std::string& label, std::vector<std::pair<EventKind, uint32_t>> handlers,
                        Await await);
  uint32_t end_block(const std::string& label, const std::string& reason, bool hang_up);

  // ---- modules
  void lower_module(const ast::Module& m, uint32_t state);
  // A block that leaves the module through its exit hooks to `target`.
  uint32_t exit_to(const std::string& label, const std::string& target, const std::string& route);
  // Where the module goes when its work is done: the wait, then next/error.
  uint32_t finish(uint32_t from);
  uint32_t leave();
  uint32_t route_or(const char* route, uint32_t fallback);
  uint32_t hangup_fallback();
  void lower_set(uint32_t b, const ast::Action& a);
  void lower_hooks(uint32_t b, bool on_exit);

  const sema::CheckedFlow& in_;
  const sema::CheckOptions& options_;
  std::unique_ptr<Flow> out_ = std::make_unique<Flow>();
  std::map<std::string, uint32_t> trigger_index_;
  std::map<std::string, uint32_t> automation_index_;
  std::map<std::string, uint32_t> inline_automations_;  // "<module>.exit#1" → index
  std::map<std::string, uint32_t> state_index_;
  std::map<std::string, uint32_t> slot_index_;
  std::vector<uint32_t> state_entry_;
  uint32_t caller_hung_up_ = 0;

  // The module being lowered.
  const ast::Module* m_ = nullptr;
  uint32_t state_ = 0;
  int32_t wait_automation_ = -1;
};

// ---------------------------------------------------------------- tables

void Lowerer::build_slots() {
  for (const char* name : {"call.id", "call.from", "call.to", "call.started_at"}) {
    Slot s;
    s.name = name;
    s.ns = Namespace::Call;
    s.type = Type::String;
    out_->slots.push_back(std::move(s));
  }
  for (const auto& [name, v] : in_.variables) {  // std::map: sorted, stable
    if (v.space == sema::VarSpace::Call) continue;
    Slot s;
    s.name = name;
    s.ns = v.space == sema::VarSpace::App ? Namespace::App : Namespace::Ivr;
    s.type = v.type;
    s.enum_values = v.enum_values;
    s.secret = v.secret;
    s.declared = v.expect != nullptr;
    out_->slots.push_back(std::move(s));
  }
  for (uint32_t i = 0; i < out_->slots.size(); ++i) slot_index_.emplace(out_->slots[i].name, i);
}

uint32_t Lowerer::regex(const std::string& pattern) {
  auto it = std::find(out_->regexes.begin(), out_->regexes.end(), pattern);
  if (it != out_->regexes.end()) return static_cast<uint32_t>(it - out_->regexes.begin());
  out_->regexes.push_back(pattern);
  return static_cast<uint32_t>(out_->regexes.size() - 1);
}

uint32_t Lowerer::hours(const ast::Expr& e) {
  HoursSpec spec;
  spec.time_zone = e.time_zone.empty() ? in_.time_zone : e.time_zone;
  for (const auto& h : e.hours) {
    HoursRange r;
    if (!h.first_day.empty()) {
      r.first_day = stdlib::parse_day(h.first_day).value_or(0);
      r.last_day = stdlib::parse_day(h.last_day).value_or(6);
    }
    r.from_minute = stdlib::parse_time_of_day(h.from_text).value_or(0);
    r.to_minute = stdlib::parse_time_of_day(h.to_text).value_or(0);
    spec.ranges.push_back(r);
  }
  out_->hours.push_back(std::move(spec));
  return static_cast<uint32_t>(out_->hours.size() - 1);
}

JsonTemplate Lowerer::json(const ast::JsonValue& j) {
  JsonTemplate t;
  switch (j.kind) {
    case ast::JsonValue::Scalar:
      t.kind = JsonTemplate::Value;
      t.value = expr(*j.expr);
      break;
    case ast::JsonValue::Object:
      t.kind = JsonTemplate::Object;
      for (const auto& f : j.fields) {
        t.keys.push_back(f.key);
        t.items.push_back(json(*f.value));
      }
      break;
    case ast::JsonValue::Array:
      t.kind = JsonTemplate::Array;
      for (const auto& item : j.items) t.items.push_back(json(*item));
      break;
  }
  return t;
}

uint32_t Lowerer::automation_from_action(const ast::Action& a, const std::string& name) {
  Automation au;
  au.name = name;
  if (a.kind == ast::Action::Set) {
    au.kind = ActionKind::Set;
    for (const auto& as : a.assignments) au.assignments.push_back({slot(as.target.path()), expr(*as.value)});
  } else if (a.kind == ast::Action::Email) {
    au.kind = ActionKind::Email;
    au.to = text(a.target.get());
    if (const ast::Option* o = find_option(a.options, "subject")) au.subject = expr(*o->value);
    if (const ast::Option* o = find_option(a.options, "body")) au.text = expr(*o->value);
    au.timeout_ms = duration_option(a.options, "timeout", kDefaultEmailTimeoutMs);
  } else {
    au.kind = ActionKind::Http;
    au.method = a.method;
    std::transform(au.method.begin(), au.method.end(), au.method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    au.url = text(a.target.get(), Escape::Url);
    au.timeout_ms = duration_option(a.options, "timeout", kDefaultHttpTimeoutMs);
    au.retries = int_option(a.options, "retries", 0);
    for (const auto& o : a.options) {
      if (o.name == "header" && o.kind == ast::Option::Header) au.headers.push_back({o.header_name, expr(*o.value)});
      if (o.name == "json" && o.kind == ast::Option::Json) {
        au.has_json = true;
        au.json = json(*o.json);
      }
      if (o.name == "body" && o.kind == ast::Option::Expr) au.body = expr(*o.value, Escape::Json);
      if (o.name == "map" && o.kind == ast::Option::Map) {
        ResponseMap rm;
        rm.slot = slot(o.map_target.path());
        rm.path.assign(o.map_source.segments.begin() + 1, o.map_source.segments.end());
        au.maps.push_back(std::move(rm));
      }
    }
  }
  out_->automations.push_back(std::move(au));
  return static_cast<uint32_t>(out_->automations.size() - 1);
}

// ---------------------------------------------------------------- expressions

ExprPtr Lowerer::expr(const ast::Expr& e, Escape escape) {
  switch (e.kind) {
    case ExprKind::Null: return make(ExprOp::Const, Type::Null);
    case ExprKind::Bool: return const_bool(e.boolean);
    case ExprKind::Number: return const_number(e.number);
    case ExprKind::String: return const_string(e.text);
    case ExprKind::Duration: return make(ExprOp::Const, Type::Null);  // rejected by the checker
    case ExprKind::Template: {
      auto t = make(ExprOp::Template, Type::String);
      t->escape = escape;
      for (const auto& p : e.parts) t->args.push_back(p.expr ? expr(*p.expr) : const_string(p.text));
      return t;
    }
    case ExprKind::Name: {
      if (e.ref == ast::Expr::Ref::Trigger) return indexed(ExprOp::Trigger, trigger_index_.at(e.text));
      auto it = in_.constants.find(e.text);
      if (it == in_.constants.end()) return make(ExprOp::Const, Type::Null);
      const sema::Constant& c = it->second;
      auto k = make(ExprOp::Const, c.type);
      k->value.type = c.type;
      k->value.boolean = c.boolean;
      k->value.number = c.number;
      k->value.string = c.string;
      return k;
    }
    case ExprKind::Path: {
      auto s = make(ExprOp::Slot, e.type);
      s->slot = slot(e.path());
      return s;
    }
    case ExprKind::Call: {
      auto b = stdlib::builtin_by_name(e.text);
      if (*b == stdlib::Builtin::Env) {
        auto it = e.args.empty() ? nullptr : e.args[0].get();
        std::optional<std::string> v = (it && options_.env) ? options_.env(it->text) : std::nullopt;
        if (!v && e.args.size() > 1) v = e.args[1]->text;
        return const_string(v.value_or(""));
      }
      auto c = make(ExprOp::Call, e.type);
      c->index = static_cast<uint32_t>(*b);
      for (const auto& a : e.args) c->args.push_back(expr(*a));
      return c;
    }
    case ExprKind::Unary:
      return e.op == ast::Op::Not ? unary(ExprOp::Not, expr(*e.args[0]))
                                  : unary(ExprOp::Neg, expr(*e.args[0]), Type::Number);
    case ExprKind::Binary: {
      static const std::map<ast::Op, ExprOp> kOps = {
          {ast::Op::And, ExprOp::And}, {ast::Op::Or, ExprOp::Or},   {ast::Op::Eq, ExprOp::Eq},
          {ast::Op::Ne, ExprOp::Ne},   {ast::Op::Lt, ExprOp::Lt},   {ast::Op::Le, ExprOp::Le},
          {ast::Op::Gt, ExprOp::Gt},   {ast::Op::Ge, ExprOp::Ge},   {ast::Op::Add, ExprOp::Add},
          {ast::Op::Sub, ExprOp::Sub}, {ast::Op::Mul, ExprOp::Mul}, {ast::Op::Div, ExprOp::Div},
          {ast::Op::Mod, ExprOp::Mod}};
      return binary(kOps.at(e.op), expr(*e.args[0]), expr(*e.args[1]), e.type);
    }
    case ExprKind::IsSet: {
      auto s = unary(ExprOp::IsSet, expr(*e.args[0]));
      return e.negated ? unary(ExprOp::Not, std::move(s)) : std::move(s);
    }
    case ExprKind::In: {
      auto in = make(ExprOp::In, Type::Bool);
      for (const auto& a : e.args) in->args.push_back(expr(*a));
      return e.negated ? unary(ExprOp::Not, std::move(in)) : std::move(in);
    }
    case ExprKind::Matches: {
      auto m = unary(ExprOp::Matches, expr(*e.args[0]));
      m->index = regex(e.text);
      return m;
    }
    case ExprKind::Hours: return indexed(ExprOp::Now, hours(e));
  }
  return make(ExprOp::Const, Type::Null);
}

// ---------------------------------------------------------------- blocks

uint32_t Lowerer::block(const std::string& label) {
  Block b;
  b.label = label;
  out_->blocks.push_back(std::move(b));
  return static_cast<uint32_t>(out_->blocks.size() - 1);
}

void Lowerer::jump(uint32_t from, uint32_t to) {
  at(from).term.op = TermOp::Jump;
  at(from).term.target = to;
}

void Lowerer::branch(uint32_t from, ExprPtr cond, uint32_t then, uint32_t other, std::string trace_label) {
  Terminator& t = at(from).term;
  t.op = TermOp::Branch;
  t.cond = std::move(cond);
  t.target = then;
  t.other = other;
  t.trace = std::move(trace_label);
}

void Lowerer::suspend(uint32_t from, uint32_t resume, Await await, TimerOp timer, uint32_t timer_ms) {
  Terminator& t = at(from).term;
  t.op = TermOp::Suspend;
  t.target = resume;
  t.await = await;
  t.timer = timer;
  t.timer_ms = timer_ms;
}

void Lowerer::trace(uint32_t b, const std::string& text) {
  Instr i;
  i.op = InstrOp::Trace;
  i.text = text;
  at(b).instrs.push_back(std::move(i));
}

void Lowerer::emit(uint32_t b, CommandKind kind, std::vector<ExprPtr> args) {
  Instr i;
  i.op = InstrOp::Emit;
  i.command = kind;
  i.args = std::move(args);
  i.args.resize(command_args(kind).size());
  at(b).instrs.push_back(std::move(i));
}

uint32_t Lowerer::resume_point(const std::string& label, std::vector<std::pair<EventKind, uint32_t>> handlers,
                               Await await) {
  uint32_t first = block(label);
  uint32_t cur = first;
  handlers.insert(handlers.begin(), {EventKind::Hangup, caller_hung_up_});
  for (size_t i = 0; i < handlers.size(); ++i) {
    uint32_t next = block(label + ".else");
    branch(cur, event_is(handlers[i].first), handlers[i].second, next);
    cur = next;
  }
  suspend(cur, first, await, TimerOp::Keep);  // anything else: ignored
  return first;
}

uint32_t Lowerer::end_block(const std::string& label, const std::string& reason, bool hang_up) {
  uint32_t b = block(label);
  if (hang_up) {
    std::vector<ExprPtr> args;
    args.push_back(const_string(reason));
    emit(b, CommandKind::Hangup, std::move(args));
  }
  at(b).term.op = TermOp::End;
  at(b).term.reason = reason;
  return b;
}

// ---------------------------------------------------------------- modules

void Lowerer::lower_hooks(uint32_t b, bool on_exit) {
  int n = 0;
  for (const auto& c : m_->clauses) {
    if (c.kind != ast::Clause::Hook || c.on_exit != on_exit) continue;
    ++n;
    const ast::Action& a = c.action;
    if (a.kind == ast::Action::Set) {
      lower_set(b, a);
      continue;
    }
    uint32_t index = 0;
    if (a.kind == ast::Action::Ref) {
      index = automation_index_.at(a.ref);
    } else {
      // Exit hooks are lowered once per way out of the module; the action
      // they start is the same one each time.
      std::string name = m_->name + (on_exit ? ".exit#" : ".enter#") + std::to_string(n);
      auto it = inline_automations_.find(name);
      index = it != inline_automations_.end() ? it->second : automation_from_action(a, name);
      inline_automations_[name] = index;
    }
    Instr i;
    i.op = InstrOp::StartAutomation;
    i.index = index;
    at(b).instrs.push_back(std::move(i));
  }
}

void Lowerer::lower_set(uint32_t b, const ast::Action& a) {
  for (const auto& as : a.assignments) {
    Instr i;
    i.op = InstrOp::SetSlot;
    i.slot = slot(as.target.path());
    i.expr = expr(*as.value);
    at(b).instrs.push_back(std::move(i));
  }
}

uint32_t Lowerer::exit_to(const std::string& label, const std::string& target, const std::string& route) {
  uint32_t b = block(m_->name + ".exit." + label);
  if (!route.empty()) trace(b, "route " + route + " -> " + target);
  lower_hooks(b, true);
  jump(b, state_entry_[state_index_.at(target)]);
  return b;
}

uint32_t Lowerer::hangup_fallback() { return end_block(m_->name + ".nowhere", "nowhere to go", true); }

uint32_t Lowerer::route_or(const char* route, uint32_t fallback) {
  for (const auto& c : m_->clauses)
    if (c.kind == ast::Clause::Route && c.event == route)
      return exit_to(std::string("on_") + route, c.target, std::string("on ") + route);
  return fallback;
}

// The normal way out: `next`, unless an action of this module failed and it
// has an `on error` route.
uint32_t Lowerer::leave() {
  const ast::Clause* next_clause = nullptr;
  for (const auto& c : m_->clauses)
    if (c.kind == ast::Clause::Next) next_clause = &c;
  uint32_t next = next_clause ? exit_to("next", next_clause->target, "") : hangup_fallback();
  bool has_error = false;
  for (const auto& c : m_->clauses) has_error |= c.kind == ast::Clause::Route && c.event == "error";
  if (!has_error) return next;
  uint32_t b = block(m_->name + ".leave");
  ExprPtr failed = make(ExprOp::ModuleFailed, Type::Bool);
  if (wait_automation_ >= 0)
    failed = binary(ExprOp::Or, std::move(failed),
                    indexed(ExprOp::AutomationFailed, static_cast<uint32_t>(wait_automation_)));
  branch(b, std::move(failed), route_or("error", next), next);
  return b;
}

// After the module's own work: the wait clause if any, then leave().
uint32_t Lowerer::finish(uint32_t from) {
  const ast::Clause* wait = nullptr;
  for (const auto& c : m_->clauses)
    if (c.kind == ast::Clause::Wait) wait = &c;
  wait_automation_ = -1;
  if (!wait) {
    uint32_t l = leave();
    jump(from, l);
    return l;
  }
  uint32_t timeout_ms = static_cast<uint32_t>(sema::parse_duration(wait->duration, nullptr).value_or(1000));
  auto cond = [&]() -> ExprPtr {
    if (auto t = trigger_index_.find(wait->target); t != trigger_index_.end())
      return indexed(ExprOp::Trigger, t->second);
    uint32_t a = automation_index_.at(wait->target);
    return binary(ExprOp::Or, indexed(ExprOp::AutomationDone, a),
                  unary(ExprOp::Not, indexed(ExprOp::AutomationStarted, a)));
  };
  if (automation_index_.count(wait->target)) wait_automation_ = static_cast<int32_t>(automation_index_.at(wait->target));
  uint32_t done = leave();
  uint32_t timed_out = block(m_->name + ".wait.timeout");
  trace(timed_out, "wait for " + wait->target + " timed out");
  jump(timed_out, route_or("timeout", done));

  uint32_t check = block(m_->name + ".wait");
  uint32_t hold = block(m_->name + ".wait.hold");
  uint32_t again = block(m_->name + ".wait.resume");
  uint32_t again_timer = block(m_->name + ".wait.timer");
  uint32_t ignore = block(m_->name + ".wait.ignore");
  branch(check, cond(), done, hold);
  suspend(hold, again, Await::External, TimerOp::Set, timeout_ms);
  branch(again, event_is(EventKind::Hangup), caller_hung_up_, again_timer);
  uint32_t not_yet = block(m_->name + ".wait.check");
  branch(again_timer, cond(), done, not_yet);
  branch(not_yet, event_is(EventKind::Timer), timed_out, ignore);
  suspend(ignore, again, Await::External, TimerOp::Keep);
  jump(from, check);
  return check;
}

void Lowerer::lower_module(const ast::Module& m, uint32_t state) {
  m_ = &m;
  state_ = state;
  wait_automation_ = -1;
  const std::string& n = m.name;
  uint32_t enter = state_entry_[state];
  {
    Instr i;
    i.op = InstrOp::EnterModule;
    i.index = state;
    at(enter).instrs.push_back(std::move(i));
  }
  lower_hooks(enter, false);
  uint32_t body = block(n + ".body");
  jump(enter, body);

  auto opt_text = [&](const char* name) -> ExprPtr {
    const ast::Option* o = find_option(m.options, name);
    return o && o->kind == ast::Option::Expr ? expr(*o->value) : nullptr;
  };

  switch (m.kind) {
    case ModuleKind::Play:
    case ModuleKind::Say:
    case ModuleKind::Pause: {
      if (m.kind == ModuleKind::Play) {
        std::vector<ExprPtr> args;
        args.push_back(text(m.argument.get()));
        emit(body, CommandKind::Play, std::move(args));
      } else if (m.kind == ModuleKind::Say) {
        std::vector<ExprPtr> args;
        args.push_back(text(m.argument.get()));
        args.push_back(opt_text("voice"));
        args.push_back(opt_text("language"));
        emit(body, CommandKind::Say, std::move(args));
      } else {
        std::vector<ExprPtr> args;
        args.push_back(const_number(static_cast<double>(sema::parse_duration(m.pause, nullptr).value_or(0))));
        emit(body, CommandKind::Pause, std::move(args));
      }
      uint32_t done = block(n + ".done");
      uint32_t playing = resume_point(n + ".playing", {{EventKind::PromptDone, done}}, Await::Caller);
      suspend(body, playing, Await::Caller, TimerOp::Clear);
      finish(done);
      break;
    }
    case ModuleKind::Set: {
      lower_set(body, m.action);
      finish(body);
      break;
    }
    case ModuleKind::Email:
    case ModuleKind::Http: {
      uint32_t a = automation_from_action(m.action, n + (m.kind == ModuleKind::Http ? ".http" : ".email"));
      Instr i;
      i.op = InstrOp::StartAutomation;
      i.index = a;
      at(body).instrs.push_back(std::move(i));
      uint32_t done = block(n + ".requested");
      uint32_t check = block(n + ".request");
      uint32_t hold = block(n + ".request.hold");
      uint32_t again = block(n + ".request.resume");
      uint32_t again_check = block(n + ".request.check");
      uint32_t ignore = block(n + ".request.ignore");
      jump(body, check);
      branch(check, indexed(ExprOp::AutomationDone, a), done, hold);
      suspend(hold, again, Await::External, TimerOp::Clear);
      branch(again, event_is(EventKind::Hangup), caller_hung_up_, again_check);
      branch(again_check, indexed(ExprOp::AutomationDone, a), done, ignore);
      suspend(ignore, again, Await::External, TimerOp::Keep);
      finish(done);
      break;
    }
    case ModuleKind::Input:
    case ModuleKind::Menu: {
      const bool menu = m.kind == ModuleKind::Menu;
      uint32_t retries = int_option(m.options, "retries", kDefaultInputRetries);
      uint32_t timeout = duration_option(m.options, "timeout", kDefaultInputTimeoutMs);
      uint32_t max = menu ? 1 : int_option(m.options, "max_digits", int_option(m.options, "digits", 1));
      uint32_t min = menu ? 1 : int_option(m.options, "min_digits", int_option(m.options, "digits", 1));
      const ast::Option* term = find_option(m.options, "terminator");

      uint32_t ask = block(n + ".ask");
      uint32_t got = block(n + ".got");
      uint32_t no_input = block(n + ".no_input");
      uint32_t invalid = block(n + ".invalid");
      uint32_t retry = block(n + ".retry");
      {
        Instr i;
        i.op = InstrOp::SetAttempts;
        i.expr = const_number(0);
        at(body).instrs.push_back(std::move(i));
      }
      jump(body, ask);
      std::vector<ExprPtr> args;  // max, min, terminator, timeout_ms, say, play, voice, language
      args.push_back(const_number(max));
      args.push_back(const_number(min));
      args.push_back(term && term->kind == ast::Option::Expr ? expr(*term->value) : nullptr);
      args.push_back(const_number(timeout));
      args.push_back(menu ? text(m.argument.get()) : opt_text("prompt"));
      args.push_back(menu ? nullptr : opt_text("audio"));
      args.push_back(opt_text("voice"));
      args.push_back(opt_text("language"));
      emit(ask, CommandKind::Collect, std::move(args));
      uint32_t collecting = resume_point(n + ".collecting",
                                         {{EventKind::Dtmf, got}, {EventKind::InputTimeout, no_input}},
                                         Await::Caller);
      suspend(ask, collecting, Await::Caller, TimerOp::Clear);
      {
        Instr i;
        i.op = InstrOp::SetAttempts;
        i.expr = binary(ExprOp::Add, make(ExprOp::Attempts, Type::Number), const_number(1), Type::Number);
        at(retry).instrs.push_back(std::move(i));
        jump(retry, ask);
      }
      // Exhausted retries: the route if there is one, else on through next
      // (the variable stays unset), else hang up.
      auto exhausted = [&](const char* route, const char* what) {
        uint32_t b = block(n + ".exhausted_" + route);
        trace(b, std::string(what) + ", no retries left");
        bool has_next = false;
        for (const auto& c : m.clauses) has_next |= c.kind == ast::Clause::Next;
        uint32_t fallback = has_next ? leave() : hangup_fallback();
        jump(b, route_or(route, fallback));
        return b;
      };
      auto retry_or = [&](uint32_t b, const char* what, uint32_t out_of_retries) {
        trace(b, what);
        uint32_t again = retry;
        branch(b, binary(ExprOp::Lt, make(ExprOp::Attempts, Type::Number), const_number(retries)), again,
               out_of_retries);
      };
      retry_or(no_input, "no input", exhausted("timeout", "no input"));
      retry_or(invalid, "invalid input", exhausted("invalid", "invalid input"));
      if (menu) {
        uint32_t cur = got;
        for (const auto& c : m.choices) {
          uint32_t next = block(n + ".choice");
          branch(cur,
                 binary(ExprOp::Eq, make(ExprOp::EventDigits, Type::String), const_string(c.key)),
                 exit_to("key" + c.key, c.target, "key " + c.key), next);
          cur = next;
        }
        jump(cur, invalid);
      } else {
        auto digits = [] { return make(ExprOp::EventDigits, Type::String); };
        ExprPtr valid = binary(
            ExprOp::And,
            binary(ExprOp::Ge, unary(ExprOp::Length, digits(), Type::Number), const_number(min)),
            binary(ExprOp::Le, unary(ExprOp::Length, digits(), Type::Number), const_number(max)));
        if (const ast::Option* p = find_option(m.options, "pattern")) {
          auto match = unary(ExprOp::Matches, digits());
          match->index = regex(p->value->raw);
          valid = binary(ExprOp::And, std::move(valid), std::move(match));
        }
        uint32_t store = block(n + ".store");
        branch(got, std::move(valid), store, invalid);
        const ast::Option* into = find_option(m.options, "into");
        Instr i;
        i.op = InstrOp::SetSlot;
        i.slot = slot("app.inputReader." + into->value->text);
        i.expr = digits();
        at(store).instrs.push_back(std::move(i));
        finish(store);
      }
      break;
    }
    case ModuleKind::Switch: {
      uint32_t cur = body;
      bool after = false;
      for (const auto& b : m.branches) {
        if (!b.condition) {
          jump(cur, exit_to("after", b.target, ""));
          after = true;
          break;
        }
        uint32_t next = block(n + ".branch");
        std::string label = b.condition->kind == ExprKind::Name ? b.condition->text : ast::dump(*b.condition);
        branch(cur, expr(*b.condition), exit_to("when", b.target, ""), next, "when " + label);
        cur = next;
      }
      if (!after) {
        trace(cur, "no branch matched");
        jump(cur, hangup_fallback());
      }
      break;
    }
    case ModuleKind::Queue: {
      uint32_t timeout = duration_option(m.options, "timeout", 0);
      const ast::Option* reason = find_option(m.options, "reason");
      std::vector<ExprPtr> args;  // queue, reason, priority, timeout_ms
      args.push_back(text(m.argument.get()));
      args.push_back(reason && reason->kind == ast::Option::Expr ? expr(*reason->value) : nullptr);
      const ast::Option* prio = find_option(m.options, "priority");
      args.push_back(prio ? const_number(int_option(m.options, "priority", 0)) : nullptr);
      args.push_back(timeout ? const_number(timeout) : nullptr);
      emit(body, CommandKind::Enqueue, std::move(args));
      uint32_t answered = block(n + ".answered");
      uint32_t timed_out = block(n + ".queue_timeout");
      std::vector<std::pair<EventKind, uint32_t>> handlers{{EventKind::AgentAnswered, answered}};
      if (timeout) handlers.push_back({EventKind::Timer, timed_out});
      uint32_t queued = resume_point(n + ".queued", std::move(handlers), Await::Caller);
      suspend(body, queued, Await::Caller, timeout ? TimerOp::Set : TimerOp::Clear, timeout);
      Instr i;
      i.op = InstrOp::AgentConnected;
      i.args.push_back(make(ExprOp::EventAgent, Type::String));
      i.args.push_back(reason && reason->kind == ast::Option::Expr ? expr(*reason->value)
                                                                    : make(ExprOp::Const, Type::Null));
      at(answered).instrs.push_back(std::move(i));
      uint32_t connected = resume_point(n + ".connected", {}, Await::Caller);
      suspend(answered, connected, Await::Caller, TimerOp::Clear);
      trace(timed_out, "no agent answered in time");
      bool has_next = false;
      for (const auto& c : m.clauses) has_next |= c.kind == ast::Clause::Next;
      jump(timed_out, route_or("timeout", has_next ? leave() : hangup_fallback()));
      break;
    }
    case ModuleKind::Transfer: {
      uint32_t timeout = duration_option(m.options, "timeout", 0);
      std::vector<ExprPtr> args;
      args.push_back(text(m.argument.get()));
      args.push_back(timeout ? const_number(timeout) : nullptr);
      emit(body, CommandKind::Transfer, std::move(args));
      uint32_t failed = block(n + ".transfer_failed");
      trace(failed, "transfer failed");
      jump(failed, route_or("error", hangup_fallback()));
      uint32_t transferring = resume_point(n + ".transferred", {{EventKind::TransferFailed, failed}}, Await::Caller);
      suspend(body, transferring, Await::Caller, TimerOp::Clear);
      break;
    }
    case ModuleKind::Hangup: {
      uint32_t end = end_block(n + ".hangup", "hung up by the flow", true);
      jump(body, end);
      break;
    }
  }
}

// ---------------------------------------------------------------- the flow

std::unique_ptr<Flow> Lowerer::run() {
  out_->name = in_.name;
  out_->numbers = in_.numbers;
  out_->time_zone = in_.time_zone;
  if (in_.cti) {
    out_->cti_protocol = in_.cti->protocol;
    if (in_.cti->endpoint->kind == ExprKind::String) out_->cti_endpoint = in_.cti->endpoint->text;
    auto e = expr(*in_.cti->endpoint);
    if (e->op == ExprOp::Const) out_->cti_endpoint = e->value.string;
    out_->cti_timeout_ms = duration_option(in_.cti->options, "timeout", out_->cti_timeout_ms);
    out_->cti_retries = int_option(in_.cti->options, "retries", out_->cti_retries);
  }
  build_slots();
  for (const ast::Trigger* t : in_.triggers) {
    trigger_index_[t->name] = static_cast<uint32_t>(out_->triggers.size());
    out_->triggers.push_back({t->name, nullptr});
  }
  for (const ast::Trigger* t : in_.triggers) out_->triggers[trigger_index_[t->name]].condition = expr(*t->condition);
  for (const ast::Automation* a : in_.automations) {
    uint32_t index = automation_from_action(a->action, a->name);
    automation_index_[a->name] = index;
    Automation& au = out_->automations[index];
    for (const auto& at : a->attachments) {
      if (at.kind == ast::Attachment::CallStart) au.on_call_start = true;
      if (at.kind == ast::Attachment::CallEnd) au.on_call_end = true;
      if (at.kind == ast::Attachment::When) au.when_trigger = static_cast<int32_t>(trigger_index_.at(at.trigger));
    }
  }

  // Call start, the shared hang-up end, then one entry block per module.
  out_->start_block = block("call.start");
  caller_hung_up_ = end_block("call.hangup", "caller hung up", false);
  for (const ast::Module* m : in_.modules) {
    uint32_t index = static_cast<uint32_t>(out_->states.size());
    state_index_[m->name] = index;
    State s;
    s.name = m->name;
    s.kind = ast::module_kind_name(m->kind);
    out_->states.push_back(std::move(s));
    state_entry_.push_back(block(m->name + ".enter"));
    out_->states.back().entry = state_entry_.back();
  }
  for (size_t i = 0; i < out_->automations.size(); ++i)
    if (out_->automations[i].on_call_start) {
      Instr in;
      in.op = InstrOp::StartAutomation;
      in.index = static_cast<uint32_t>(i);
      at(out_->start_block).instrs.push_back(std::move(in));
    }
  out_->start_state = state_index_.at(in_.start->name);
  jump(out_->start_block, state_entry_[out_->start_state]);

  for (const ast::Module* m : in_.modules) {
    uint32_t state = state_index_.at(m->name);
    lower_module(*m, state);
    State& s = out_->states[state];
    for (const auto& b : m->branches)
      s.edges.push_back({b.condition ? "when " + (b.condition->kind == ExprKind::Name ? b.condition->text
                                                                                      : ast::dump(*b.condition))
                                     : "after",
                         state_index_.at(b.target)});
    for (const auto& c : m->choices) s.edges.push_back({c.key, state_index_.at(c.target)});
    for (const auto& c : m->clauses) {
      if (c.kind == ast::Clause::Next && m->kind != ModuleKind::Switch)
        s.edges.push_back({"next", state_index_.at(c.target)});
      if (c.kind == ast::Clause::Route) s.edges.push_back({"on " + c.event, state_index_.at(c.target)});
    }
    if (m->argument) s.summary = ast::dump(*m->argument);
  }
  return std::move(out_);
}

}  // namespace

std::unique_ptr<Flow> lower(const sema::CheckedFlow& flow, const sema::CheckOptions& options) {
  Lowerer l(flow, options);
  return l.run();
}

}  // namespace flowc::ir
