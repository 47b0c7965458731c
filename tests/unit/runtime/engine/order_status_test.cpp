// The engine drives examples/order_status through every path of the
// babelforce article — found by number, found by reference, not found,
// premium and not, CRM failing — on each back end.
#include <gtest/gtest.h>

#include "runtime/engine/engine.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {
namespace {

using nlohmann::json;

class OrderStatus : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    version_ = load_flow_file("examples/order_status/order_status.flow", GetParam());
    ASSERT_TRUE(version_);
    engine::EngineOptions o;
    o.now_ms = clock_.fn();
    o.executor = &crm_;
    o.on_reply = [this](const std::string&, const engine::Outcome& out) { replies_.push_back(out); };
    int n = 0;
    o.new_call_id = [n]() mutable { return "c-test-" + std::to_string(++n); };
    engine_ = std::make_unique<engine::Engine>(std::move(o));
    engine_->install(version_);
  }

  engine::Outcome event(const json& e) { return engine_->deliver(id_, e); }
  static std::vector<std::string> types(const json& commands) {
    std::vector<std::string> out;
    for (const auto& c : commands) out.push_back(c["type"]);
    return out;
  }
  void advance(int64_t ms) {
    clock_.now += ms;
    engine_->run_timers();
  }

  // Starts a call from the given number; the welcome prompt plays and the
  // lookup by number goes out.
  void start(const std::string& from = "+4930123456") {
    auto out = engine_->start_call({{"from", from}, {"to", "+4940999"}});
    ASSERT_EQ(out.status, 201) << out.error_message;
    id_ = out.call_id;
    ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"play"});
    EXPECT_EQ(out.commands.to_json()[0]["url"], "audio/welcome.wav");
    ASSERT_EQ(crm_.pending(), 1u);
    const auto& req = crm_.at(0).request;
    EXPECT_EQ(req.method, "POST");
    EXPECT_EQ(req.url, "http://127.0.0.1:8081/lookup");
    EXPECT_EQ(json::parse(req.body), json({{"phone", from}, {"call_id", id_}}));
  }

  // The CRM found the caller: it writes the profile into the session, then
  // answers the lookup.
  void crm_finds(bool premium) {
    auto w = engine_->write_session(
        id_, {{"ivr.email", "ann@example.com"}, {"ivr.premium", premium}, {"ivr.track_id", "T-42"}});
    ASSERT_TRUE(w.ok()) << w.error_message;
    crm_.succeed({{"found", true}});
  }

  ManualClock clock_;
  ScriptedExecutor crm_;
  std::shared_ptr<engine::FlowVersion> version_;
  std::unique_ptr<engine::Engine> engine_;
  std::vector<engine::Outcome> replies_;
  std::string id_;
};

TEST_P(OrderStatus, FoundByNumberPremiumGoesToAgents) {
  start();
  crm_finds(true);
  auto out = event({{"type", "prompt_done"}});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"enqueue"});
  EXPECT_EQ(out.commands.to_json()[0]["queue"], "premium_support");
  EXPECT_EQ(out.commands.to_json()[0]["reason"], "1084CC0B");
  out = event({{"type", "agent_answered"}, {"agent", "user101"}});
  EXPECT_TRUE(out.commands.empty());
  out = event({{"type", "hangup"}});
  EXPECT_TRUE(out.ended);
  EXPECT_EQ(engine_->active_calls(), 0u);
  auto trace = engine_->trace(id_);
  ASSERT_TRUE(trace);
  EXPECT_NE(trace->dump().find("\"agent\":\"user101\""), std::string::npos);
}

TEST_P(OrderStatus, FoundByNumberNotPremiumGetsTheTrackingEmail) {
  start();
  crm_finds(false);
  auto out = event({{"type", "prompt_done"}});
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"say"});
  EXPECT_EQ(out.commands.to_json()[0]["text"], "We have emailed you a link to track your order.");
  ASSERT_EQ(crm_.pending(), 1u);
  const auto& mail = crm_.at(0).request;
  EXPECT_EQ(mail.kind, stdlib::Request::Kind::Email);
  EXPECT_EQ(mail.to, "ann@example.com");
  EXPECT_EQ(mail.text, "Track it here: https://track.example.com/T-42");
  crm_.succeed();
  out = event({{"type", "prompt_done"}});
  EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"hangup"});
  EXPECT_TRUE(out.ended);
}

TEST_P(OrderStatus, NotFoundByNumberThenFoundByReference) {
  start();
  crm_.succeed({{"found", false}});
  auto out = event({{"type", "prompt_done"}});
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"collect"});
  EXPECT_EQ(out.commands.to_json()[0]["max_digits"], 7);
  out = event({{"type", "dtmf"}, {"digits", "1234567"}});
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"say"});
  ASSERT_EQ(crm_.pending(), 1u);
  EXPECT_EQ(json::parse(crm_.at(0).request.body), json({{"reference", "1234567"}, {"call_id", id_}}));
  // The prompt ends before the CRM has answered: the answer is held …
  out = event({{"type", "prompt_done"}});
  EXPECT_TRUE(out.held);
  EXPECT_TRUE(replies_.empty());
  // … until the CRM writes the profile into the call.
  ASSERT_TRUE(engine_->write_session(id_, {{"ivr.email", "bo@example.com"}, {"ivr.premium", true}}).ok());
  ASSERT_EQ(replies_.size(), 1u);
  EXPECT_EQ(types(replies_[0].commands.to_json()), std::vector<std::string>{"enqueue"});
  crm_.succeed();
}

TEST_P(OrderStatus, NotFoundAtAllTimesOutToTheApology) {
  start();
  crm_.succeed({{"found", false}});
  event({{"type", "prompt_done"}});
  event({{"type", "dtmf"}, {"digits", "7654321"}});
  crm_.succeed({{"found", false}});
  auto out = event({{"type", "prompt_done"}});
  EXPECT_TRUE(out.held);
  advance(2999);
  EXPECT_TRUE(replies_.empty());
  advance(1);
  ASSERT_EQ(replies_.size(), 1u);
  ASSERT_EQ(types(replies_[0].commands.to_json()), std::vector<std::string>{"say"});
  EXPECT_NE(replies_[0].commands.to_json()[0]["text"].get<std::string>().find("could not find"),
            std::string::npos);
  out = event({{"type", "prompt_done"}});
  EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"hangup"});
}

TEST_P(OrderStatus, CrmDownFallsThroughToTheReferenceInput) {
  start();
  crm_.fail("connection refused");
  auto out = event({{"type", "prompt_done"}});
  EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"collect"});
  auto trace = engine_->trace(id_)->dump();
  EXPECT_NE(trace.find("connection refused"), std::string::npos);
}

TEST_P(OrderStatus, SlowCrmHoldsThePromptAnswerUntilTheLookupTimesOut) {
  start();
  auto out = event({{"type", "prompt_done"}});
  EXPECT_TRUE(out.held);
  advance(2000);  // the wait's `up to 2s`
  ASSERT_EQ(replies_.size(), 1u);
  EXPECT_EQ(types(replies_[0].commands.to_json()), std::vector<std::string>{"collect"});
}

TEST_P(OrderStatus, InvalidReferenceIsAskedAgain) {
  start();
  crm_.succeed({{"found", false}});
  event({{"type", "prompt_done"}});
  auto out = event({{"type", "dtmf"}, {"digits", "12"}});
  EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"collect"});
  out = event({{"type", "input_timeout"}});
  EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"collect"});
  out = event({{"type", "input_timeout"}});  // retries 2: the third miss ends it
  EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"hangup"});
  EXPECT_TRUE(out.ended);
}

TEST_P(OrderStatus, BadInputChangesNothing) {
  start();
  EXPECT_EQ(event({{"type", "dtmf"}, {"digits", "12a"}}).status, 422);
  EXPECT_EQ(event({{"type", "teleport"}}).status, 422);
  EXPECT_EQ(event(json::array()).status, 400);
  EXPECT_EQ(engine_->deliver("c-nope", {{"type", "hangup"}}).status, 404);
  EXPECT_EQ(engine_->write_session(id_, {{"call.from", "x"}}).status, 422);
  EXPECT_EQ(engine_->write_session(id_, {{"ivr.premium", "yes"}}).status, 422);
  // All or nothing: the valid part of a rejected write is not applied.
  EXPECT_EQ(engine_->write_session(id_, {{"ivr.email", "a@b.c"}, {"ivr.premium", 3}}).status, 422);
  EXPECT_FALSE(engine_->session(id_)->contains("ivr.email"));
  EXPECT_EQ(engine_->start_call({{"from", "+49"}, {"to", "+4911"}}).status, 404);
  EXPECT_EQ(engine_->start_call({{"from", 5}, {"to", "+4940999"}}).status, 422);
}

TEST_P(OrderStatus, AWriteOverTheSessionLimitIsRefusedAndChangesNothing) {
  start();
  // 64 KiB of JSON text at most: a note of 70,000 characters is over, its
  // companion is not applied; a smaller one goes through.
  auto out = engine_->write_session(id_, {{"ivr.email", "a@b.c"}, {"ivr.note", std::string(70'000, 'x')}});
  EXPECT_EQ(out.status, 413);
  EXPECT_EQ(out.error_code, "session_too_large");
  EXPECT_FALSE(engine_->session(id_)->contains("ivr.email"));
  EXPECT_FALSE(engine_->session(id_)->contains("ivr.note"));
  // Escaped characters count as written: 30,000 quotes are 60,000 bytes.
  EXPECT_EQ(engine_->write_session(id_, {{"ivr.note", std::string(33'000, '"')}}).status, 413);
  EXPECT_TRUE(engine_->write_session(id_, {{"ivr.note", std::string(30'000, '"')}}).ok());
  EXPECT_EQ((*engine_->session(id_))["ivr.note"].get<std::string>().size(), 30'000u);
}

TEST_P(OrderStatus, SecretsAreRedacted) {
  start();
  crm_finds(false);
  auto session = engine_->session(id_);
  EXPECT_EQ((*session)["ivr.email"], "<redacted>");
  auto trace = engine_->trace(id_)->dump();
  EXPECT_EQ(trace.find("ann@example.com"), std::string::npos) << trace;
}

INSTANTIATE_TEST_SUITE_P(Backends, OrderStatus, ::testing::Values(Backend::Interp, Backend::Jit),
                         [](const auto& info) { return std::string(backend_name(info.param)); });

}  // namespace
}  // namespace flowc::testing
