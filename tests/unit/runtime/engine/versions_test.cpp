// Flow versions under reload: a call stays on the version it started on, new
// calls take the newest, and an old version (its JIT code included) is
// freed when its last call has ended and its last automation has finished,
// while the ended call's trace and session stay readable.
#include <gtest/gtest.h>

#include "runtime/engine/engine.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {
namespace {

using nlohmann::json;

std::string greeting(const std::string& text) {
  return "flow greet\nstart welcome\n"
         "automation log_end = post \"http://127.0.0.1:9/ended\" on call end\n"
         "module welcome = say \"" +
         text + "\"\n  next bye\nmodule bye = hangup\n";
}

struct Fixture {
  ManualClock clock;
  ScriptedExecutor crm;
  std::unique_ptr<engine::Engine> eng;
  Fixture() {
    engine::EngineOptions o;
    o.now_ms = clock.fn();
    o.executor = &crm;
    eng = std::make_unique<engine::Engine>(std::move(o));
  }
  std::string said(const engine::Outcome& out) { return out.commands.to_json().at(0).value("text", ""); }
};

TEST(EngineVersions, PinnedCallFinishesOnItsVersionWhichIsThenFreed) {
  for (Backend b : {Backend::Jit, Backend::Interp}) {
    SCOPED_TRACE(backend_name(b));
    Fixture f;
    auto v1 = load_flow_source(greeting("one"), b);
    auto v2 = load_flow_source(greeting("two"), b);
    ASSERT_TRUE(v1 && v2);
    v1->number = 1;
    v2->number = 2;
    std::weak_ptr<engine::FlowVersion> old = v1;
    f.eng->install(std::move(v1));
    auto a = f.eng->start_call({{"flow", "greet"}, {"from", "+491"}, {"to", "+492"}});
    ASSERT_EQ(a.status, 201);
    EXPECT_EQ(f.said(a), "one");
    f.eng->install(v2);  // the reload
    auto b2 = f.eng->start_call({{"flow", "greet"}, {"from", "+491"}, {"to", "+492"}});
    EXPECT_EQ(f.said(b2), "two");
    ASSERT_FALSE(old.expired());
    EXPECT_EQ(old.lock()->active_calls.load(), 1);

    auto end = f.eng->deliver(a.call_id, {{"type", "prompt_done"}});
    EXPECT_TRUE(end.ended);
    EXPECT_EQ(f.eng->call_info(a.call_id, false)->at("version"), 1);
    // The call-end automation is still out: its result belongs to the trace,
    // so the version stays until it is back.
    ASSERT_EQ(f.crm.pending(), 1u);
    EXPECT_FALSE(old.expired());
    f.crm.succeed();
    EXPECT_TRUE(old.expired()) << "the old version must be freed with its last call";

    // What stays readable of the ended call.
    auto info = f.eng->call_info(a.call_id, true);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->at("flow"), "greet");
    EXPECT_EQ(info->at("version"), 1);
    EXPECT_EQ(info->at("module"), "bye");
    EXPECT_EQ(info->at("state"), "ended");
    EXPECT_TRUE(info->at("session").is_object());
    auto trace = f.eng->trace(a.call_id);
    ASSERT_TRUE(trace);
    bool saw_result = false;
    for (const auto& e : trace->at("entries"))
      if (e.value("kind", "") == "result") saw_result = true;
    EXPECT_TRUE(saw_result) << trace->dump();
    EXPECT_TRUE(f.eng->session(a.call_id)->is_object());
    // Events to the ended call are refused, without touching the freed version.
    EXPECT_EQ(f.eng->deliver(a.call_id, {{"type", "dtmf"}, {"digits", "1"}}).status, 409);
    EXPECT_TRUE(f.eng->deliver(a.call_id, {{"type", "hangup"}}).ended);
    EXPECT_EQ(f.eng->write_session(a.call_id, {{"ivr.x", 1}}).status, 409);

    // The new version stays: it is installed, and a call runs on it.
    EXPECT_EQ(f.eng->current("greet"), v2);
    f.eng->deliver(b2.call_id, {{"type", "hangup"}});
    f.crm.succeed();
    EXPECT_EQ(f.eng->current("greet"), v2);
  }
}

TEST(EngineVersions, UninstalledVersionIsFreedWhenItsCallsEnd) {
  Fixture f;
  auto v1 = load_flow_source(greeting("one"), Backend::Jit);
  ASSERT_TRUE(v1);
  std::weak_ptr<engine::FlowVersion> weak = v1;
  f.eng->install(std::move(v1));
  auto a = f.eng->start_call({{"flow", "greet"}, {"from", "+491"}, {"to", "+492"}});
  f.eng->uninstall("greet");  // the file was deleted
  EXPECT_EQ(f.eng->start_call({{"flow", "greet"}, {"from", "+491"}, {"to", "+492"}}).status, 404);
  EXPECT_FALSE(weak.expired());
  f.eng->deliver(a.call_id, {{"type", "hangup"}});
  f.crm.succeed();
  EXPECT_TRUE(weak.expired());
}

}  // namespace
}  // namespace flowc::testing
