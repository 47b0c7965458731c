// `--reload=migrate`: a call on an old version moves to the new one at its
// next module boundary when its module exists there, keeping its session;
// calls whose module is gone stay pinned; a move waits while an automation
// is out; the trace records every decision. On both back ends.
#include <gtest/gtest.h>

#include "runtime/engine/engine.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {
namespace {

using nlohmann::json;

// v1 and v2 of one flow: the same modules (v2 says "v2 …"), or v2 without
// the module named in `drop`.
std::string line(const std::string& v, const std::string& drop = "") {
  std::string s = "flow line\nstart welcome\nexpect ivr.name: string\nexpect ivr.count: " +
                  std::string(v == "v1" ? "string" : "number") + "\n";
  s += "module welcome = say \"" + v + " welcome\"\n  next " + (drop == "ask" ? "thanks" : "ask") + "\n";
  if (drop != "ask")
    s += "module ask = input digits 4 into pin timeout 5s retries 1\n  prompt \"" + v +
         " pin please\"\n  on timeout -> thanks\n  next thanks\n";
  s += "module thanks = say \"" + v + " thanks {ivr.name}\"\n  next bye\nmodule bye = hangup\n";
  return s;
}

class Migration : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    engine::EngineOptions o;
    o.now_ms = clock_.fn();
    o.executor = &crm_;
    eng_ = std::make_unique<engine::Engine>(std::move(o));
  }
  std::shared_ptr<engine::FlowVersion> version(const std::string& source, uint32_t number) {
    auto v = load_flow_source(source, GetParam());
    if (v) v->number = number;
    return v;
  }
  std::string start() {
    auto out = eng_->start_call({{"flow", "line"}, {"from", "+491"}, {"to", "+492"}});
    EXPECT_EQ(out.status, 201);
    return out.call_id;
  }
  static std::string text(const engine::Outcome& out) {
    return out.commands.empty()
               ? ""
               : out.commands.to_json().at(0).value("text", out.commands.to_json().at(0).value("say", ""));
  }
  std::vector<json> migrations(const std::string& id) {
    std::vector<json> out;
    json trace = *eng_->trace(id);  // (a range-for over ->at() of the temporary would dangle)
    for (const auto& e : trace.at("entries"))
      if (e.value("kind", "") == "migrate") out.push_back(e.at("data"));
    return out;
  }

  ManualClock clock_;
  ScriptedExecutor crm_;
  std::unique_ptr<engine::Engine> eng_;
};

TEST_P(Migration, MovesAtTheNextModuleKeepingTheSessionAndFreesTheOldVersion) {
  auto v1 = version(line("v1"), 1);
  ASSERT_TRUE(v1);
  std::weak_ptr<engine::FlowVersion> old = v1;
  eng_->install(std::move(v1));
  std::string id = start();
  ASSERT_TRUE(eng_->write_session(id, {{"ivr.name", "Ann"}, {"ivr.extra", 7}}).ok());

  auto v2 = version(line("v2"), 2);
  ASSERT_TRUE(v2);
  auto report = eng_->install(v2, /*migrate=*/true);
  EXPECT_EQ(report.offered, 1u);
  EXPECT_EQ(report.pinned, 0u);
  EXPECT_EQ(eng_->call_info(id, false)->at("migrating_to"), 2);
  EXPECT_EQ(eng_->call_info(id, false)->at("version"), 1) << "nothing moves before the boundary";

  // welcome (v1) ends; `ask` is entered on v2's code.
  auto out = eng_->deliver(id, {{"type", "prompt_done"}});
  ASSERT_TRUE(out.ok()) << out.to_json();
  EXPECT_EQ(text(out), "v2 pin please") << out.to_json();
  auto info = eng_->call_info(id, true);
  EXPECT_EQ(info->at("version"), 2);
  EXPECT_EQ(info->at("module"), "ask");
  EXPECT_FALSE(info->contains("migrating_to"));
  EXPECT_EQ(info->at("session").at("ivr.name"), "Ann");
  EXPECT_EQ(info->at("session").at("ivr.extra"), 7);
  EXPECT_TRUE(old.expired()) << "the old version is freed once its last call moved";
  EXPECT_EQ(v2->active_calls.load(), 1);

  auto m = migrations(id);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], json({{"from", 1}, {"to", 2}, {"module", "ask"}}));

  out = eng_->deliver(id, {{"type", "dtmf"}, {"digits", "1234"}});
  EXPECT_EQ(text(out), "v2 thanks Ann");
  EXPECT_TRUE(eng_->deliver(id, {{"type", "prompt_done"}}).ended);
  EXPECT_EQ(v2->active_calls.load(), 0);
}

TEST_P(Migration, ACallWhoseModuleIsGoneStaysPinned) {
  auto v1 = version(line("v1"), 1);
  ASSERT_TRUE(v1);
  eng_->install(v1);
  std::string id = start();
  eng_->deliver(id, {{"type", "prompt_done"}});  // now in `ask`
  ASSERT_EQ(eng_->call_info(id, false)->at("module"), "ask");

  auto report = eng_->install(version(line("v2", "ask"), 2), true);
  EXPECT_EQ(report.offered, 0u);
  EXPECT_EQ(report.pinned, 1u);
  auto m = migrations(id);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].at("pinned"), true);
  EXPECT_EQ(m[0].at("reason"), "module 'ask' is not in version 2");

  auto out = eng_->deliver(id, {{"type", "dtmf"}, {"digits", "1234"}});
  EXPECT_EQ(text(out), "v1 thanks ") << "the pinned call keeps the old behaviour";
  EXPECT_EQ(eng_->call_info(id, false)->at("version"), 1);
  EXPECT_EQ(v1->active_calls.load(), 1);
}

TEST_P(Migration, TheModuleEnteredNextMustExistInTheNewVersionToo) {
  auto v1 = version(line("v1"), 1);
  ASSERT_TRUE(v1);
  eng_->install(v1);
  std::string id = start();  // in `welcome`, which v2 keeps; v1's welcome goes on to `ask`, which v2 lacks
  auto report = eng_->install(version(line("v2", "ask"), 2), true);
  EXPECT_EQ(report.offered, 1u);
  auto out = eng_->deliver(id, {{"type", "prompt_done"}});
  EXPECT_EQ(text(out), "v1 pin please");
  EXPECT_EQ(eng_->call_info(id, false)->at("version"), 1);
  EXPECT_FALSE(eng_->call_info(id, false)->contains("migrating_to"));
  auto m = migrations(id);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].at("module"), "ask");
  EXPECT_EQ(m[0].at("pinned"), true);
}

TEST_P(Migration, AVariableWhoseTypeChangedIsDroppedAndSaidSo) {
  eng_->install(version(line("v1"), 1));
  std::string id = start();
  ASSERT_TRUE(eng_->write_session(id, {{"ivr.count", "three"}, {"ivr.name", "Bo"}}).ok());
  eng_->install(version(line("v2"), 2), true);  // ivr.count: number now
  eng_->deliver(id, {{"type", "prompt_done"}});
  auto session = *eng_->session(id);
  EXPECT_FALSE(session.contains("ivr.count")) << session;
  EXPECT_EQ(session.at("ivr.name"), "Bo");
  auto m = migrations(id);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].at("dropped"), json::array({"ivr.count"}));
}

TEST_P(Migration, WaitsForABoundaryWithNoAutomationOut) {
  const char* v1_src =
      "flow line\nstart welcome\n"
      "module welcome = say \"v1 welcome\"\n  on exit post \"http://127.0.0.1:9/log\"\n  next ask\n"
      "module ask = say \"v1 ask\"\n  next thanks\n"
      "module thanks = say \"v1 thanks\"\n  next bye\nmodule bye = hangup\n";
  auto v2_src = std::string(v1_src);
  for (size_t at; (at = v2_src.find("\"v1 ")) != std::string::npos;) v2_src.replace(at, 4, "\"v2 ");
  auto v1 = version(v1_src, 1);
  ASSERT_TRUE(v1);
  eng_->install(v1);
  std::string id = start();
  eng_->install(version(v2_src, 2), true);
  // welcome's exit action is out when `ask` is entered: no move there.
  auto out = eng_->deliver(id, {{"type", "prompt_done"}});
  EXPECT_EQ(text(out), "v1 ask");
  EXPECT_EQ(eng_->call_info(id, false)->at("migrating_to"), 2);
  ASSERT_EQ(crm_.pending(), 1u);
  crm_.succeed();
  out = eng_->deliver(id, {{"type", "prompt_done"}});
  EXPECT_EQ(text(out), "v2 thanks");
  EXPECT_EQ(eng_->call_info(id, false)->at("version"), 2);
  auto m = migrations(id);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].at("module"), "thanks");
}

TEST_P(Migration, WithoutMigrateCallsStayPinnedAndNothingIsTraced) {
  eng_->install(version(line("v1"), 1));
  std::string id = start();
  auto report = eng_->install(version(line("v2"), 2));
  EXPECT_EQ(report.offered + report.pinned, 0u);
  EXPECT_EQ(text(eng_->deliver(id, {{"type", "prompt_done"}})), "v1 pin please");
  EXPECT_TRUE(migrations(id).empty());
}

TEST_P(Migration, ALaterReloadRetargetsAPendingMove) {
  eng_->install(version(line("v1"), 1));
  std::string id = start();
  std::weak_ptr<engine::FlowVersion> v2 = [&] {
    auto v = version(line("v2"), 2);
    eng_->install(v, true);
    return v;
  }();
  auto v3 = version(line("v3"), 3);
  eng_->install(v3, true);
  EXPECT_TRUE(v2.expired()) << "nothing holds v2 once the move goes to v3";
  EXPECT_EQ(text(eng_->deliver(id, {{"type", "prompt_done"}})), "v3 pin please");
  auto m = migrations(id);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].at("to"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, Migration, ::testing::Values(Backend::Interp, Backend::Jit),
                         [](const auto& info) { return std::string(backend_name(info.param)); });

}  // namespace
}  // namespace flowc::testing
