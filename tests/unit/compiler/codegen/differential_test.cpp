// The JIT against the reference interpreter on every example flow: the same
// scripted calls (hand-written ones and reproducible random ones, in and out
// of business hours) must produce identical commands, requests, timer and
// agent changes after every step, and identical traces and sessions.
#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "tests/unit/compiler/codegen/codegen_test_support.h"

namespace flowc::test {
namespace {

using nlohmann::json;

constexpr int64_t kWednesdayNoon = 1'795'000'000'000;  // 2026-11-18 11:06 UTC: open
constexpr int64_t kSundayMorning = 1'795'341'600'000;  // 2026-11-22 10:00 UTC: closed

std::vector<std::string> example_flows() {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(FLOWC_SOURCE_DIR "/examples", ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".flow") out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// A value an `expect` accepts, chosen so that triggers fire.
json good_value(const ir::Slot& slot) {
  if (!slot.enum_values.empty()) return slot.enum_values.back();
  switch (slot.type) {
    case ValueType::Bool: return true;
    case ValueType::Number: return 42;
    case ValueType::String:
    case ValueType::Any: return slot.name.find("mail") != std::string::npos ? "a@b.example" : "T-1";
    default: return nullptr;
  }
}

json good_response(const ir::Flow& flow) {
  json out = json::object();
  for (const auto& a : flow.automations)
    for (const auto& m : a.maps) {
      if (m.path.empty()) continue;
      json* cur = &out;
      for (size_t i = 0; i + 1 < m.path.size(); ++i) cur = &(*cur)[m.path[i]];
      (*cur)[m.path.back()] = good_value(flow.slots[m.slot]);
    }
  return out;
}

json good_writes(const ir::Flow& flow) {
  json out = json::object();
  for (const auto& s : flow.slots)
    if (s.ns == ir::Namespace::Ivr) out[s.name] = good_value(s);
  return out;
}

std::vector<Script> scripted_calls(const ir::Flow& flow) {
  using S = Step;
  json response = good_response(flow), writes = good_writes(flow);
  std::vector<Script> out;
  // Everything goes well: the CRM answers and writes, the caller types.
  out.push_back({S::start(), S::finish(true, response), S::ev(RT_EV_PROMPT_DONE), S::write(writes),
                 S::ev(RT_EV_PROMPT_DONE), S::dtmf("1"), S::ev(RT_EV_PROMPT_DONE), S::dtmf("1234567"),
                 S::finish(true, response), S::ev(RT_EV_PROMPT_DONE), S::finish(true, response),
                 S::ev(RT_EV_PROMPT_DONE), S::agent_answered("user101"), S::ev(RT_EV_PROMPT_DONE),
                 S::ev(RT_EV_HANGUP)});
  // Nothing goes well: back ends fail, the caller types nonsense or nothing.
  out.push_back({S::start(), S::finish(false), S::ev(RT_EV_TIMER), S::ev(RT_EV_PROMPT_DONE), S::dtmf("12"),
                 S::dtmf("#"), S::ev(RT_EV_INPUT_TIMEOUT), S::ev(RT_EV_INPUT_TIMEOUT),
                 S::ev(RT_EV_INPUT_TIMEOUT), S::finish(false), S::ev(RT_EV_TIMER),
                 S::ev(RT_EV_TRANSFER_FAILED), S::ev(RT_EV_PROMPT_DONE), S::ev(RT_EV_PROMPT_DONE),
                 S::ev(RT_EV_PROMPT_DONE)});
  // Slow back ends: every wait times out, then the caller hangs up.
  out.push_back({S::start(), S::ev(RT_EV_PROMPT_DONE), S::ev(RT_EV_TIMER), S::dtmf("7654321"),
                 S::ev(RT_EV_PROMPT_DONE), S::ev(RT_EV_TIMER), S::ev(RT_EV_PROMPT_DONE), S::ev(RT_EV_TIMER),
                 S::finish(true, response), S::ev(RT_EV_HANGUP), S::ev(RT_EV_PROMPT_DONE)});
  // The CRM writes the session while the first prompt plays; menus get each key.
  for (const char* key : {"0", "2", "3", "9"})
    out.push_back({S::start(), S::write(writes), S::finish(true, response), S::ev(RT_EV_PROMPT_DONE),
                   S::ev(RT_EV_PROMPT_DONE), S::dtmf(key), S::ev(RT_EV_PROMPT_DONE),
                   S::finish(true, response), S::ev(RT_EV_PROMPT_DONE), S::dtmf(key),
                   S::ev(RT_EV_PROMPT_DONE), S::ev(RT_EV_TIMER), S::agent_answered("agent7"),
                   S::ev(RT_EV_HANGUP)});
  return out;
}

// Compares two records step by step; the first difference fails the test.
void expect_same(const CallRecord& interp, const CallRecord& jit, const Script& script,
                 const std::string& what) {
  ASSERT_EQ(interp.steps.size(), jit.steps.size());
  for (size_t i = 0; i < interp.steps.size(); ++i)
    ASSERT_EQ(interp.steps[i].dump(), jit.steps[i].dump()) << what << ": step " << i << " differs; script:\n"
                                                           << describe(script);
  ASSERT_EQ(interp.trace.dump(), jit.trace.dump()) << what << ": traces differ; script:\n"
                                                   << describe(script);
  ASSERT_EQ(interp.session.dump(), jit.session.dump()) << what << ": sessions differ; script:\n"
                                                       << describe(script);
}

class ExampleFlow : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleFlow, JitBehavesLikeTheInterpreter) {
  std::string error;
  auto flow = compile_flow_file(GetParam(), &error);
  if (!flow && error == "not a flow") GTEST_SKIP() << GetParam() << " is a library";
  ASSERT_TRUE(flow) << error;
  auto engines = make_engines(std::move(flow), &error);
  ASSERT_TRUE(engines) << error;
  const ir::Flow& f = *engines->flow;

  std::vector<Script> scripts = scripted_calls(f);
  for (uint32_t seed = 1; seed <= 60; ++seed) scripts.push_back(random_script(f, seed, 30));

  std::set<std::string> commands, traces;
  size_t ended = 0;
  for (int64_t start : {kWednesdayNoon, kSundayMorning}) {
    for (size_t i = 0; i < scripts.size(); ++i) {
      CallRecord a = run_script(engines->tables, *engines->interp, scripts[i], start);
      CallRecord b = run_script(engines->tables, *engines->jit, scripts[i], start);
      expect_same(a, b, scripts[i],
                  GetParam() + " script " + std::to_string(i) + " at " + std::to_string(start));
      if (HasFatalFailure()) return;
      for (const auto& step : a.steps)
        for (const auto& c : step["commands"]) commands.insert(c["type"].get<std::string>());
      for (const auto& t : a.trace) traces.insert(t["kind"].get<std::string>());
      ended += a.steps.back()["ended"].get<bool>() ? 1 : 0;
    }
  }
  // The scripts reach the interesting parts of the flow, not only its start.
  EXPECT_TRUE(commands.count("say") || commands.count("play"));
  EXPECT_TRUE(commands.count("hangup") || commands.count("transfer") || commands.count("enqueue"));
  EXPECT_TRUE(traces.count("branch"));
  EXPECT_TRUE(traces.count("automation"));
  EXPECT_GE(ended, 10u);  // some calls run to their end
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string rel =
      std::filesystem::path(info.param).lexically_relative(FLOWC_SOURCE_DIR "/examples").string();
  std::string out;
  for (char c : rel.substr(0, rel.size() - 5)) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleFlow, ::testing::ValuesIn(example_flows()), case_name);

// A guard: the examples do not silently disappear.
TEST(ExampleFlows, AtLeastThree) {
  EXPECT_GE(example_flows().size(), 3u);
}

// The order-status line of the article, call by call: what the caller hears.
TEST(OrderStatus, PremiumCallerReachesAnAgentOnBothEngines) {
  std::string error;
  auto engines = make_engines(
      compile_flow_file(FLOWC_SOURCE_DIR "/examples/order_status/order_status.flow", &error), &error);
  ASSERT_TRUE(engines) << error;
  Script script = {Step::start(),
                   Step::write({{"ivr.email", "a@b.example"}, {"ivr.premium", true}}),
                   Step::finish(true),
                   Step::ev(RT_EV_PROMPT_DONE),
                   Step::agent_answered("user101"),
                   Step::ev(RT_EV_HANGUP)};
  for (auto* code : {engines->interp.get(), engines->jit.get()}) {
    CallRecord r = run_script(engines->tables, *code, script);
    json all = json::array();
    for (const auto& s : r.steps)
      for (const auto& c : s["commands"]) all.push_back(c["type"]);
    EXPECT_EQ(all.dump(), R"(["play","enqueue"])") << code->engine_name();
    EXPECT_EQ(r.steps[4]["agent"]["reason"], "1084CC0B") << code->engine_name();
    EXPECT_TRUE(r.steps.back()["ended"].get<bool>()) << code->engine_name();
  }
}

}  // namespace
}  // namespace flowc::test
