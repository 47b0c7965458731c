// Every ExprOp, instruction and terminator on small hand-built flows: the
// JIT must compute what the interpreter computes for operands of every kind
// (missing, null, bools, numbers, strings, objects, arrays), including
// operands whose value contradicts their static type (the JIT's inline paths
// use types only as hints), and a few results are pinned down explicitly.
#include <cmath>
#include <limits>
#include <optional>

#include <gtest/gtest.h>

#include "stdlib/builtins.h"
#include "stdlib/call_state.h"
#include "stdlib/scratch.h"
#include "tests/unit/compiler/codegen/codegen_test_support.h"

namespace flowc::test {
namespace {

using ir::ExprOp;
using ir::ExprPtr;
using nlohmann::json;

constexpr uint32_t kA = ir::kFixedSlots, kB = kA + 1, kC = kA + 2, kFirstOut = kA + 3;
constexpr int64_t kNoon = 1'795'000'000'000;    // Wednesday 11:06 UTC
constexpr int64_t kSunday = 1'795'341'600'000;  // Sunday 10:00 UTC

// ---------------------------------------------------------------- building IR

ExprPtr make(ExprOp op, ValueType type = ValueType::Any) {
  auto e = std::make_unique<ir::Expr>();
  e->op = op;
  e->type = type;
  return e;
}

ExprPtr null_c() {
  auto e = make(ExprOp::Const, ValueType::Null);
  e->value.type = ValueType::Null;
  return e;
}
ExprPtr bool_c(bool b) {
  auto e = make(ExprOp::Const, ValueType::Bool);
  e->value.type = ValueType::Bool;
  e->value.boolean = b;
  return e;
}
ExprPtr num_c(double d) {
  auto e = make(ExprOp::Const, ValueType::Number);
  e->value.type = ValueType::Number;
  e->value.number = d;
  return e;
}
ExprPtr str_c(const std::string& s) {
  auto e = make(ExprOp::Const, ValueType::String);
  e->value.type = ValueType::String;
  e->value.string = s;
  return e;
}
ExprPtr slot(uint32_t s, ValueType t = ValueType::Any) {
  auto e = make(ExprOp::Slot, t);
  e->slot = s;
  return e;
}
template <class... A>
ExprPtr op(ExprOp o, ValueType t, A... args) {
  auto e = make(o, t);
  (e->args.push_back(std::move(args)), ...);
  return e;
}
ExprPtr indexed(ExprOp o, uint32_t index, ValueType t = ValueType::Bool) {
  auto e = make(o, t);
  e->index = index;
  return e;
}
ExprPtr event_is(ir::EventKind k) {
  auto e = make(ExprOp::EventIs, ValueType::Bool);
  e->event = k;
  return e;
}
ExprPtr tmpl(ir::Escape escape, std::vector<ExprPtr> parts) {
  auto e = make(ExprOp::Template, ValueType::String);
  e->escape = escape;
  e->args = std::move(parts);
  return e;
}
template <class... A>
std::vector<ExprPtr> list(A... args) {
  std::vector<ExprPtr> v;
  (v.push_back(std::move(args)), ...);
  return v;
}

ir::Instr instr(ir::InstrOp o) {
  ir::Instr in;
  in.op = o;
  return in;
}
ir::Instr set_slot(uint32_t s, ExprPtr e) {
  ir::Instr in = instr(ir::InstrOp::SetSlot);
  in.slot = s;
  in.expr = std::move(e);
  return in;
}
ir::Instr emit(ir::CommandKind c, std::vector<ExprPtr> args) {
  ir::Instr in = instr(ir::InstrOp::Emit);
  in.command = c;
  in.args = std::move(args);
  return in;
}
ir::Terminator suspend(uint32_t target, ir::Await await = ir::Await::Caller,
                       ir::TimerOp timer = ir::TimerOp::Keep, uint32_t ms = 0) {
  ir::Terminator t;
  t.op = ir::TermOp::Suspend;
  t.target = target;
  t.await = await;
  t.timer = timer;
  t.timer_ms = ms;
  return t;
}

// A flow with the call.* slots, ivr.a/b/c, `outputs` app.o<i> slots, two
// triggers, three automations (http, email, set), a regex and two hours.
std::unique_ptr<ir::Flow> base_flow(size_t outputs) {
  auto f = std::make_unique<ir::Flow>();
  f->name = "probe";
  auto add_slot = [&](const std::string& name, ir::Namespace ns) {
    ir::Slot s;
    s.name = name;
    s.ns = ns;
    f->slots.push_back(s);
  };
  for (const char* n : {"call.id", "call.from", "call.to", "call.started_at"})
    add_slot(n, ir::Namespace::Call);
  for (const char* n : {"ivr.a", "ivr.b", "ivr.c"}) add_slot(n, ir::Namespace::Ivr);
  for (size_t i = 0; i < outputs; ++i) add_slot("app.o" + std::to_string(i), ir::Namespace::App);
  ir::State st;
  st.name = "main";
  st.kind = "set";
  f->states.push_back(std::move(st));

  f->triggers.push_back({"a_is_true", op(ExprOp::Eq, ValueType::Bool, slot(kA), bool_c(true))});
  f->triggers.push_back({"a_true_or_b_set", op(ExprOp::Or, ValueType::Bool, indexed(ExprOp::Trigger, 0),
                                               op(ExprOp::IsSet, ValueType::Bool, slot(kB)))});

  ir::Automation http;
  http.name = "lookup";
  http.method = "POST";
  http.url =
      tmpl(ir::Escape::Url, list(str_c("http://crm.example/x?a="), slot(kA), str_c("&n="), num_c(1.5)));
  http.headers.push_back({"X-B", tmpl(ir::Escape::None, list(str_c("k-"), slot(kB)))});
  http.has_json = true;
  http.json.kind = ir::JsonTemplate::Object;
  http.json.keys = {"a", "list"};
  ir::JsonTemplate a_value;
  a_value.value = slot(kA);
  ir::JsonTemplate list_value;
  list_value.kind = ir::JsonTemplate::Array;
  ir::JsonTemplate b_value, one;
  b_value.value = slot(kB);
  one.value = tmpl(ir::Escape::Json, list(str_c("\"q\" "), slot(kB)));
  list_value.items.push_back(std::move(b_value));
  list_value.items.push_back(std::move(one));
  http.json.items.push_back(std::move(a_value));
  http.json.items.push_back(std::move(list_value));
  f->automations.push_back(std::move(http));

  ir::Automation mail;
  mail.name = "mail";
  mail.kind = ir::ActionKind::Email;
  mail.to = slot(kA);
  mail.subject = tmpl(ir::Escape::None, list(str_c("Hi "), slot(kB)));
  mail.text = str_c("body");
  f->automations.push_back(std::move(mail));

  ir::Automation assign;
  assign.name = "assign";
  assign.kind = ir::ActionKind::Set;
  assign.assignments.push_back({kC, op(ExprOp::Add, ValueType::Any, slot(kA), num_c(1))});
  f->automations.push_back(std::move(assign));

  f->regexes = {"^[0-9]+$"};
  ir::HoursSpec office;
  office.ranges.push_back({0, 4, 9 * 60, 17 * 60});
  f->hours.push_back(office);
  ir::HoursSpec weekend;
  weekend.ranges.push_back({5, 6, 0, 24 * 60});
  weekend.time_zone = "Europe/Berlin";
  f->hours.push_back(weekend);
  return f;
}

// b0: `pre`, then app.o<i> = exprs[i]; suspend (caller, timer kept) at b1,
// which evaluates the same expressions again on every event.
std::unique_ptr<ir::Flow> probe_flow(std::vector<ExprPtr> exprs, std::vector<ir::Instr> pre = {}) {
  auto f = base_flow(exprs.size());
  ir::Block b0, b1;
  b0.label = "probe.start";
  b1.label = "probe.again";
  ir::Instr enter = instr(ir::InstrOp::EnterModule);
  b0.instrs.push_back(std::move(enter));
  for (auto& in : pre) b0.instrs.push_back(std::move(in));
  for (size_t i = 0; i < exprs.size(); ++i) {
    b0.instrs.push_back(set_slot(kFirstOut + static_cast<uint32_t>(i), exprs[i]->clone()));
    b1.instrs.push_back(set_slot(kFirstOut + static_cast<uint32_t>(i), std::move(exprs[i])));
  }
  b0.term = suspend(1);
  b1.term = suspend(1);
  f->blocks.push_back(std::move(b0));
  f->blocks.push_back(std::move(b1));
  return f;
}

std::unique_ptr<Engines> engines_of(std::unique_ptr<ir::Flow> flow) {
  std::string error;
  auto e = make_engines(std::move(flow), &error);
  EXPECT_TRUE(e) << error;
  return e;
}

// Runs the script on both engines; any difference fails the test. Returns
// the interpreter's record.
CallRecord both(const Engines& e, const Script& script, const json& initial = nullptr,
                int64_t start = kNoon) {
  CallRecord a = run_script(e.tables, *e.interp, script, start, initial);
  CallRecord b = run_script(e.tables, *e.jit, script, start, initial);
  EXPECT_EQ(a.session.dump(), b.session.dump()) << "inputs " << initial.dump() << "\n" << describe(script);
  EXPECT_EQ(a.steps.size(), b.steps.size());
  for (size_t i = 0; i < a.steps.size() && i < b.steps.size(); ++i)
    EXPECT_EQ(a.steps[i].dump(), b.steps[i].dump()) << "inputs " << initial.dump() << " step " << i;
  EXPECT_EQ(a.trace.dump(), b.trace.dump()) << "inputs " << initial.dump();
  return a;
}

json out(const CallRecord& r, size_t i) {
  std::string name = "app.o" + std::to_string(i);
  return r.session.contains(name) ? r.session[name] : json("<missing>");
}

// Operand values: nullopt is "not set".
std::vector<std::optional<json>> samples() {
  return {std::nullopt,
          json(nullptr),
          true,
          false,
          0,
          1,
          -0.0,
          2.5,
          -3,
          1e300,
          4294967301.0,
          "",
          "a",
          "abc",
          "abd",
          "abcdefgh",
          "abcdefgX",
          "abcdefghi",
          "abcdefghijklmno",
          "true",
          "1",
          std::string(70, 'z'),
          std::string(69, 'z') + "y",
          json{{"k", 1}},
          json::array({1, 2})};
}

json inputs(const std::optional<json>& a, const std::optional<json>& b) {
  json in = json::object();
  if (a) in["ivr.a"] = *a;
  if (b) in["ivr.b"] = *b;
  return in;
}

std::vector<ExprPtr> constants() {
  return list(null_c(), bool_c(true), bool_c(false), num_c(0), num_c(1), num_c(2.5),
              num_c(std::numeric_limits<double>::quiet_NaN()), str_c(""), str_c("a"), str_c("abc"),
              str_c("abcdefgh"), str_c("abcdefghi"), str_c("abcdefghijklmno"), str_c(std::string(70, 'z')));
}

// ---------------------------------------------------------------- operators

constexpr ExprOp kBinary[] = {ExprOp::Eq,  ExprOp::Ne,  ExprOp::Lt,  ExprOp::Le,  ExprOp::Gt,
                              ExprOp::Ge,  ExprOp::Add, ExprOp::Sub, ExprOp::Mul, ExprOp::Div,
                              ExprOp::Mod, ExprOp::And, ExprOp::Or};

ValueType result_type(ExprOp o) {
  return o >= ExprOp::Add && o <= ExprOp::Mod ? ValueType::Any : ValueType::Bool;
}

// For every static typing of the two slots: each binary operator between
// the slots and between a slot and every constant, and the unary operators.
class Operators : public ::testing::TestWithParam<std::pair<ValueType, ValueType>> {};

TEST_P(Operators, SameResultsForEveryOperand) {
  auto [ta, tb] = GetParam();
  std::vector<ExprPtr> exprs;
  for (ExprOp o : kBinary) {
    exprs.push_back(op(o, result_type(o), slot(kA, ta), slot(kB, tb)));
    for (auto& c : constants()) {
      exprs.push_back(op(o, result_type(o), slot(kA, ta), c->clone()));
      exprs.push_back(op(o, result_type(o), std::move(c), slot(kB, tb)));
    }
  }
  exprs.push_back(op(ExprOp::Not, ValueType::Bool, slot(kA, ta)));
  exprs.push_back(op(ExprOp::Neg, ValueType::Number, slot(kA, ta)));
  exprs.push_back(op(ExprOp::IsSet, ValueType::Bool, slot(kA, ta)));
  exprs.push_back(op(ExprOp::Length, ValueType::Number, slot(kA, ta)));
  exprs.push_back(
      op(ExprOp::In, ValueType::Bool, slot(kA, ta), slot(kB, tb), num_c(1), str_c("abc"), bool_c(true)));
  exprs.push_back(op(ExprOp::In, ValueType::Bool, slot(kA, ta)));
  exprs.push_back(op(ExprOp::Matches, ValueType::Bool, slot(kA, ta)));
  exprs.push_back(slot(kA, ta));
  exprs.push_back(op(ExprOp::Not, ValueType::Bool,
                     op(ExprOp::And, ValueType::Bool, slot(kA, ta),
                        op(ExprOp::Or, ValueType::Bool, slot(kB, tb),
                           op(ExprOp::Eq, ValueType::Bool, slot(kA, ta), slot(kB, tb))))));
  auto e = engines_of(probe_flow(std::move(exprs)));
  ASSERT_TRUE(e);
  // Every sample on the left; a representative of each kind on the right
  // (the constants cover the other right-hand values). Under a sanitizer,
  // whose builds check memory rather than semantics (the release build runs
  // them all), one of each kind: the full set costs minutes there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  const std::vector<std::optional<json>> right = {std::nullopt, json(nullptr), true,
                                                  2.5,          "abcdefgh",    json{{"k", 1}}};
#else
  const std::vector<std::optional<json>> right = {
      std::nullopt, json(nullptr), true, 1, 2.5, "", "abc", "abcdefgh", std::string(70, 'z'), json{{"k", 1}}};
#endif
  size_t runs = 0;
  for (const auto& a : samples())
    for (const auto& b : right) {
      both(*e, {Step::start()}, inputs(a, b));
      ++runs;
      if (HasFailure()) return;
    }
  EXPECT_EQ(runs, samples().size() * right.size());
}

std::string type_pair_name(const ::testing::TestParamInfo<std::pair<ValueType, ValueType>>& info) {
  return std::string(value_type_keyword(info.param.first)) + "_" + value_type_keyword(info.param.second);
}

std::vector<std::pair<ValueType, ValueType>> type_pairs() {
  std::vector<std::pair<ValueType, ValueType>> out;
  for (ValueType a : {ValueType::Any, ValueType::Bool, ValueType::Number, ValueType::String})
    for (ValueType b : {ValueType::Any, ValueType::Bool, ValueType::Number, ValueType::String})
      out.push_back({a, b});
  return out;
}

INSTANTIATE_TEST_SUITE_P(Typings, Operators, ::testing::ValuesIn(type_pairs()), type_pair_name);

// A few results pinned down (on both engines).
TEST(Operators, KnownResults) {
  auto e = engines_of(
      probe_flow(list(op(ExprOp::Eq, ValueType::Bool, slot(kA, ValueType::Bool), bool_c(true)),   // 0
                      op(ExprOp::Ne, ValueType::Bool, slot(kA), str_c("abc")),                    // 1
                      op(ExprOp::Lt, ValueType::Bool, slot(kA, ValueType::Number), num_c(3)),     // 2
                      op(ExprOp::Add, ValueType::Any, slot(kA), num_c(1)),                        // 3
                      op(ExprOp::Div, ValueType::Number, slot(kA, ValueType::Number), num_c(0)),  // 4
                      op(ExprOp::Neg, ValueType::Number, slot(kA, ValueType::Number)),            // 5
                      op(ExprOp::IsSet, ValueType::Bool, slot(kA)),                               // 6
                      op(ExprOp::In, ValueType::Bool, slot(kA), num_c(1), str_c("abc")),          // 7
                      op(ExprOp::Eq, ValueType::Bool, slot(kA), str_c(std::string(70, 'z'))),     // 8
                      op(ExprOp::Ne, ValueType::Bool, slot(kA), slot(kB)))));                     // 9
  ASSERT_TRUE(e);
  auto run = [&](const std::optional<json>& a, const std::optional<json>& b = std::nullopt) {
    return both(*e, {Step::start()}, inputs(a, b));
  };
  CallRecord r = run(true);
  EXPECT_EQ(out(r, 0), true);
  EXPECT_EQ(out(r, 1), true);
  EXPECT_EQ(out(r, 2), false);
  EXPECT_EQ(out(r, 3), "<missing>");  // true + 1
  EXPECT_EQ(out(r, 9), false);        // b is missing
  r = run(json(1));
  EXPECT_EQ(out(r, 0), false);  // 1 is not true
  EXPECT_EQ(out(r, 3), 2.0);
  EXPECT_EQ(out(r, 4), "<missing>");  // division by zero
  EXPECT_EQ(out(r, 7), true);
  r = run(json("ab"), json("ab"));
  EXPECT_EQ(out(r, 1), true);
  EXPECT_EQ(out(r, 2), false);  // "ab" < 3: different types
  EXPECT_EQ(out(r, 3), "ab1");
  EXPECT_EQ(out(r, 9), false);
  r = run(json(2.5));
  EXPECT_EQ(out(r, 2), true);
  EXPECT_EQ(out(r, 5), -2.5);
  r = run(std::string(70, 'z'));
  EXPECT_EQ(out(r, 8), true);
  r = run(std::nullopt);
  EXPECT_EQ(out(r, 1), false);  // missing != "abc" is false too
  EXPECT_EQ(out(r, 6), false);
  r = run(json(nullptr));
  EXPECT_EQ(out(r, 6), false);
  EXPECT_EQ(out(r, 0), false);
}

// ---------------------------------------------------------------- leaves

TEST(Leaves, ConstantsSlotsAndTriggers) {
  auto e =
      engines_of(probe_flow(list(null_c(), bool_c(true), num_c(-0.0), str_c("text"), slot(ir::kSlotCallFrom),
                                 indexed(ExprOp::Trigger, 0), indexed(ExprOp::Trigger, 1),
                                 op(ExprOp::Not, ValueType::Bool, indexed(ExprOp::Trigger, 1)))));
  ASSERT_TRUE(e);
  for (const auto& a : samples())
    for (const auto& b :
         {std::optional<json>(), std::optional<json>(json(nullptr)), std::optional<json>(json(0))})
      both(*e, {Step::start()}, inputs(a, b));
  CallRecord r = both(*e, {Step::start()}, inputs(true, std::nullopt));
  EXPECT_EQ(out(r, 0), nullptr);
  EXPECT_EQ(out(r, 1), true);
  EXPECT_EQ(out(r, 3), "text");
  EXPECT_EQ(out(r, 4), "+49 (30) 123-456");
  EXPECT_EQ(out(r, 5), true);
  EXPECT_EQ(out(r, 6), true);
  // FlowCode::trigger directly, and out of range.
  for (auto* code : {e->interp.get(), e->jit.get()}) {
    stdlib::CallState cs(e->tables, *code, "c", "f", "t", kNoon);
    EXPECT_FALSE(cs.write({{"ivr.b", 1}}, kNoon));
    EXPECT_FALSE(code->trigger(cs.raw(), 0)) << code->engine_name();
    EXPECT_TRUE(code->trigger(cs.raw(), 1)) << code->engine_name();
  }
  stdlib::CallState cs(e->tables, *e->jit, "c", "f", "t", kNoon);
  EXPECT_FALSE(e->jit->trigger(cs.raw(), 2));
}

TEST(Leaves, Events) {
  auto e = engines_of(probe_flow(
      list(event_is(ir::EventKind::Start), event_is(ir::EventKind::Dtmf), event_is(ir::EventKind::Hangup),
           make(ExprOp::EventDigits, ValueType::String), make(ExprOp::EventAgent, ValueType::String),
           op(ExprOp::Eq, ValueType::Bool, make(ExprOp::EventDigits, ValueType::String), str_c("1234567")),
           op(ExprOp::Length, ValueType::Number, make(ExprOp::EventDigits)))));
  ASSERT_TRUE(e);
  Script script = {Step::start(),
                   Step::dtmf("1234567"),
                   Step::dtmf(""),
                   Step::agent_answered("user101"),
                   Step::ev(RT_EV_PROMPT_DONE),
                   Step::ev(RT_EV_TIMER),
                   Step::ev(RT_EV_HANGUP)};
  CallRecord r = both(*e, {Step::start()});
  EXPECT_EQ(out(r, 0), true);
  EXPECT_EQ(out(r, 3), "<missing>");
  r = both(*e, {Step::start(), Step::dtmf("1234567")});
  EXPECT_EQ(out(r, 1), true);
  EXPECT_EQ(out(r, 3), "1234567");
  EXPECT_EQ(out(r, 5), true);
  EXPECT_EQ(out(r, 6), 7.0);
  r = both(*e, {Step::start(), Step::agent_answered("user101")});
  EXPECT_EQ(out(r, 4), "user101");
  EXPECT_EQ(out(r, 3), "<missing>");
  r = both(*e, script);
  EXPECT_EQ(out(r, 2), true);
}

TEST(Leaves, AutomationsAndModuleFailed) {
  ir::Instr start0 = instr(ir::InstrOp::StartAutomation);
  start0.index = 0;
  ir::Instr start2 = instr(ir::InstrOp::StartAutomation);
  start2.index = 2;
  auto e = engines_of(probe_flow(
      list(indexed(ExprOp::AutomationDone, 0), indexed(ExprOp::AutomationFailed, 0),
           indexed(ExprOp::AutomationStarted, 0), indexed(ExprOp::AutomationStarted, 1),
           indexed(ExprOp::AutomationDone, 2), make(ExprOp::ModuleFailed, ValueType::Bool), slot(kC)),
      [&] {
        std::vector<ir::Instr> v;
        v.push_back(std::move(start0));
        v.push_back(std::move(start2));
        return v;
      }()));
  ASSERT_TRUE(e);
  CallRecord r = both(*e, {Step::start()}, inputs(json(41), json("b")));
  EXPECT_EQ(out(r, 0), false);
  EXPECT_EQ(out(r, 2), true);
  EXPECT_EQ(out(r, 3), false);
  EXPECT_EQ(out(r, 4), true);  // a `set` automation is done at once
  EXPECT_EQ(out(r, 6), 42.0);
  ASSERT_EQ(r.steps[0]["requests"].size(), 1u);
  EXPECT_EQ(r.steps[0]["requests"][0]["url"], "http://crm.example/x?a=41&n=1.5");
  r = both(*e, {Step::start(), Step::finish(false)}, inputs(json("a b&c"), json("x\"y")));
  EXPECT_EQ(out(r, 0), true);
  EXPECT_EQ(out(r, 1), true);
  EXPECT_EQ(out(r, 5), true);
  r = both(*e, {Step::start(), Step::finish(true)});
  EXPECT_EQ(out(r, 1), false);
  EXPECT_EQ(out(r, 5), false);
}

TEST(Leaves, AttemptsAndSetAttempts) {
  std::vector<ir::Instr> pre;
  ir::Instr set = instr(ir::InstrOp::SetAttempts);
  set.expr = slot(kA);
  pre.push_back(std::move(set));
  auto e = engines_of(probe_flow(list(make(ExprOp::Attempts, ValueType::Number)), std::move(pre)));
  ASSERT_TRUE(e);
  for (const auto& a : samples()) both(*e, {Step::start()}, inputs(a, std::nullopt));
  for (double d : {3.0, 3.9, -1.0, 4294967295.0, 4294967296.0, 4294967301.0, 1e19, 9.3e18})
    both(*e, {Step::start()}, inputs(json(d), std::nullopt));
  EXPECT_EQ(out(both(*e, {Step::start()}, inputs(json(3.9), std::nullopt)), 0), 3.0);
  EXPECT_EQ(out(both(*e, {Step::start()}, inputs(json("3"), std::nullopt)), 0), 0.0);
  EXPECT_EQ(out(both(*e, {Step::start()}, inputs(json(4294967301.0), std::nullopt)), 0), 5.0);
}

TEST(Leaves, BusinessHours) {
  auto e = engines_of(probe_flow(list(indexed(ExprOp::Now, 0), indexed(ExprOp::Now, 1))));
  ASSERT_TRUE(e);
  CallRecord r = both(*e, {Step::start()}, nullptr, kNoon);
  EXPECT_EQ(out(r, 0), true);
  EXPECT_EQ(out(r, 1), false);
  r = both(*e, {Step::start()}, nullptr, kSunday);
  EXPECT_EQ(out(r, 0), false);
  EXPECT_EQ(out(r, 1), true);
}

// ---------------------------------------------------------------- calls and templates

TEST(Calls, EveryBuiltin) {
  using stdlib::Builtin;
  auto call = [](Builtin b, std::vector<ExprPtr> args, ValueType t = ValueType::Any) {
    auto e = make(ExprOp::Call, t);
    e->index = static_cast<uint32_t>(b);
    e->args = std::move(args);
    return e;
  };
  auto e = engines_of(probe_flow(
      list(call(Builtin::Digits, list(slot(kA))), call(Builtin::E164, list(slot(kA), str_c("49"))),
           call(Builtin::E164, list(slot(kA))), call(Builtin::StartsWith, list(slot(kA), slot(kB))),
           call(Builtin::EndsWith, list(slot(kA), slot(kB))),
           call(Builtin::Contains, list(slot(kA), str_c("b"))), call(Builtin::Len, list(slot(kA))),
           call(Builtin::Lower, list(slot(kA))), call(Builtin::Upper, list(slot(kA))),
           call(Builtin::Trim, list(slot(kA))), call(Builtin::Substr, list(slot(kA), num_c(1), num_c(2))),
           call(Builtin::Substr, list(slot(kA), slot(kB))), call(Builtin::Last, list(slot(kA), num_c(2))),
           call(Builtin::Str, list(slot(kA))), call(Builtin::ToNumber, list(slot(kA))),
           call(Builtin::Default, list(slot(kA), slot(kB))),
           call(Builtin::Default, list(slot(kA), str_c("d"))), call(Builtin::Env, list(str_c("HOME"))),
           call(Builtin::Lower,
                list(call(Builtin::Trim, list(tmpl(ir::Escape::None, list(str_c(" X"), slot(kA))))))),
           call(Builtin::Default,
                list(slot(kA), slot(kB), slot(kC), slot(kA), slot(kB))))));  // more than 4 arguments
  ASSERT_TRUE(e);
  for (const auto& a : samples())
    for (const auto& b : {std::optional<json>(), std::optional<json>(json("ab")),
                          std::optional<json>(json(2)), std::optional<json>(json(nullptr))})
      both(*e, {Step::start()}, inputs(a, b));
  CallRecord r = both(*e, {Step::start()}, inputs(json(" +49 (30) 123 "), json("x")));
  EXPECT_EQ(out(r, 0), "4930123");
  EXPECT_EQ(out(r, 15), " +49 (30) 123 ");
}

TEST(Calls, TemplatesWithEachEscape) {
  auto parts = [] {
    return list(str_c("x="), slot(kA), str_c("&y="), slot(kB), num_c(2), bool_c(false), null_c());
  };
  auto e = engines_of(
      probe_flow(list(tmpl(ir::Escape::None, parts()), tmpl(ir::Escape::Url, parts()),
                      tmpl(ir::Escape::Json, parts()), tmpl(ir::Escape::None, {}),
                      tmpl(ir::Escape::Url, list(str_c("a/"), tmpl(ir::Escape::None, list(slot(kA))))))));
  ASSERT_TRUE(e);
  for (const auto& a : samples()) both(*e, {Step::start()}, inputs(a, json("a b/\"c\"&é")));
  CallRecord r = both(*e, {Step::start()}, inputs(json("a b"), json("\"q\"")));
  EXPECT_EQ(out(r, 0), "x=a b&y=\"q\"2false");
  EXPECT_EQ(out(r, 1), "x=a%20b&y=%22q%222false");
  EXPECT_EQ(out(r, 3), "");
}

// ---------------------------------------------------------------- instructions and terminators

// b0: enter, trace, say, start the http automation, branch (traced) on ivr.a
// b1: play a template, suspend (caller, timer set) at b3
// b2: attempts = 2, suspend (external, timer cleared) at b3
// b3: agent connected, branch on hangup → b4 : b5
// b4: hangup command, end;  b5: collect with null arguments, suspend (timer kept) at b3
std::unique_ptr<ir::Flow> instruction_flow() {
  auto f = base_flow(0);
  std::vector<ir::Block> blocks(6);
  blocks[0].label = "start";
  blocks[0].instrs.push_back(instr(ir::InstrOp::EnterModule));
  ir::Instr note = instr(ir::InstrOp::Trace);
  note.text = "hello";
  blocks[0].instrs.push_back(std::move(note));
  blocks[0].instrs.push_back(emit(ir::CommandKind::Say, list(slot(kA), nullptr, str_c("en"))));
  ir::Instr start = instr(ir::InstrOp::StartAutomation);
  blocks[0].instrs.push_back(std::move(start));
  blocks[0].term.op = ir::TermOp::Branch;
  blocks[0].term.cond = op(ExprOp::IsSet, ValueType::Bool, slot(kA));
  blocks[0].term.target = 1;
  blocks[0].term.other = 2;
  blocks[0].term.trace = "a set";
  blocks[1].label = "play";
  blocks[1].instrs.push_back(
      emit(ir::CommandKind::Play, list(tmpl(ir::Escape::Url, list(str_c("audio/"), slot(kA))))));
  blocks[1].term = suspend(3, ir::Await::Caller, ir::TimerOp::Set, 1500);
  blocks[2].label = "wait";
  ir::Instr attempts = instr(ir::InstrOp::SetAttempts);
  attempts.expr = num_c(2);
  blocks[2].instrs.push_back(std::move(attempts));
  blocks[2].term = suspend(3, ir::Await::External, ir::TimerOp::Clear);
  blocks[3].label = "connected";
  ir::Instr agent = instr(ir::InstrOp::AgentConnected);
  agent.args = list(make(ExprOp::EventAgent, ValueType::String), slot(kB));
  blocks[3].instrs.push_back(std::move(agent));
  blocks[3].term.op = ir::TermOp::Branch;
  blocks[3].term.cond = event_is(ir::EventKind::Hangup);
  blocks[3].term.target = 4;
  blocks[3].term.other = 5;
  blocks[4].label = "bye";
  blocks[4].instrs.push_back(emit(ir::CommandKind::Hangup, list(str_c("bye"))));
  blocks[4].term.op = ir::TermOp::End;
  blocks[4].term.reason = "caller hung up";
  blocks[5].label = "again";
  blocks[5].instrs.push_back(
      emit(ir::CommandKind::Collect,
           list(num_c(7), num_c(7), nullptr, make(ExprOp::Attempts), slot(kB), nullptr, nullptr, nullptr)));
  blocks[5].term = suspend(3);
  f->blocks = std::move(blocks);
  return f;
}

TEST(Instructions, EffectsInOrder) {
  auto e = engines_of(instruction_flow());
  ASSERT_TRUE(e);
  Script script = {Step::start(),      Step::ev(RT_EV_PROMPT_DONE), Step::agent_answered("user101"),
                   Step::finish(true), Step::ev(RT_EV_HANGUP),      Step::ev(RT_EV_PROMPT_DONE)};
  for (const auto& a : samples()) both(*e, script, inputs(a, json("R-1")));
  CallRecord r = both(*e, script, inputs(json("w"), json("R-1")));
  ASSERT_EQ(r.steps.size(), script.size());
  EXPECT_EQ(r.steps[0]["status"], RT_SUSPEND_CALLER);
  EXPECT_EQ(r.steps[0]["commands"].dump(),
            R"([{"language":"en","text":"w","type":"say"},{"type":"play","url":"audio/w"}])");
  EXPECT_EQ(r.steps[0]["timer"].dump(), R"({"ms":1500,"set":true})");
  EXPECT_EQ(r.steps[2]["agent"].dump(), R"({"agent":"user101","reason":"R-1"})");
  EXPECT_EQ(r.steps[4]["status"], RT_ENDED);
  EXPECT_EQ(r.steps[4]["commands"].dump(), R"([{"reason":"bye","type":"hangup"}])");
  r = both(*e, script, inputs(std::nullopt, json(7)));
  EXPECT_EQ(r.steps[0]["status"], RT_SUSPEND_EXTERNAL);
  EXPECT_EQ(r.steps[0]["timer"].dump(), R"({"ms":0,"set":false})");
  EXPECT_EQ(r.steps[1]["commands"][0]["timeout_ms"], 2.0);  // attempts
}

// Compiled code hands a slot read to rt_set_slot as the slot itself: a slot
// set from itself or from another keeps its value on both engines.
TEST(Instructions, SlotsSetFromSlotsTheirOwnIncluded) {
  std::vector<ir::Instr> pre;
  pre.push_back(set_slot(kC, slot(kA)));
  pre.push_back(set_slot(kA, slot(kA)));
  pre.push_back(set_slot(kB, tmpl(ir::Escape::None, list(slot(kB), str_c("+"), slot(kA)))));
  pre.push_back(set_slot(kA, slot(kB)));
  auto e = engines_of(probe_flow(list(slot(kA), slot(kB), slot(kC)), std::move(pre)));
  ASSERT_TRUE(e);
  for (const auto& a : samples())
    both(*e, {Step::start(), Step::ev(RT_EV_PROMPT_DONE)}, inputs(a, json("b")));
  CallRecord r = both(*e, {Step::start()}, inputs(json("abcdefghijklmnopqrstuvwxyz"), json("b")));
  EXPECT_EQ(out(r, 0), "b+abcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(out(r, 1), "b+abcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(out(r, 2), "abcdefghijklmnopqrstuvwxyz");
}

// Blocks without instructions that only jump (which the JIT folds into
// their target unless a run can start there), in chains, as an entry, and
// as both targets of a branch.
TEST(Terminators, ChainsOfEmptyJumps) {
  auto f = base_flow(0);
  std::vector<ir::Block> blocks(8);
  auto jump = [](uint32_t to) {
    ir::Terminator t;
    t.op = ir::TermOp::Jump;
    t.target = to;
    return t;
  };
  blocks[0].instrs.push_back(instr(ir::InstrOp::EnterModule));
  blocks[0].term = jump(1);
  blocks[1].term = jump(2);  // empty, chained
  blocks[2].term = jump(3);
  blocks[3].instrs.push_back(emit(ir::CommandKind::Say, list(slot(kA), nullptr, str_c("en"))));
  blocks[3].term = suspend(4);
  blocks[4].term = jump(5);  // empty, but a resume point
  blocks[5].term.op = ir::TermOp::Branch;
  blocks[5].term.cond = event_is(ir::EventKind::Hangup);
  blocks[5].term.target = 6;
  blocks[5].term.other = 7;
  blocks[6].term.op = ir::TermOp::End;
  blocks[6].term.reason = "caller hung up";
  blocks[7].term = jump(1);  // empty, back to the start of the chain
  f->blocks = std::move(blocks);
  auto e = engines_of(std::move(f));
  ASSERT_TRUE(e);
  CallRecord r =
      both(*e, {Step::start(), Step::ev(RT_EV_PROMPT_DONE), Step::ev(RT_EV_DTMF), Step::ev(RT_EV_HANGUP)},
           inputs(json("hi"), std::nullopt));
  ASSERT_EQ(r.steps.size(), 4u);
  EXPECT_EQ(r.steps[2]["commands"].dump(), R"([{"language":"en","text":"hi","type":"say"}])");
  EXPECT_EQ(r.steps[3]["status"], RT_ENDED);
}

TEST(Instructions, InvalidResumePointEndsTheCall) {
  auto e = engines_of(instruction_flow());
  ASSERT_TRUE(e);
  stdlib::CallState cs(e->tables, *e->jit, "c", "f", "t", kNoon);
  stdlib::Scratch scratch;
  cs.start(scratch, kNoon);
  cs.raw()->resume = 4;  // a block no Suspend resumes at
  rt_event ev{};
  ev.kind = RT_EV_PROMPT_DONE;
  EXPECT_EQ(cs.handle(ev, scratch, kNoon), RT_ENDED);
  EXPECT_EQ(cs.end_reason(), "invalid resume point");
}

}  // namespace
}  // namespace flowc::test
