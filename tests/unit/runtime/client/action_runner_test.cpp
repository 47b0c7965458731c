// ActionRunner: requests as the engine builds them become ActionResults
// (ok, status, JSON, trace-sized body, details, latency). Then the engine
// with the real runner: a `map` of a non-JSON answer fails, and the whole
// babelforce loop of examples/order_status runs over real HTTP and SMTP
// (engine → crm_stub → sessions API → engine; email → smtp_sink).
#include "runtime/client/action_runner.h"

#include <condition_variable>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "examples/order_status/crm_stub/crm_stub.h"
#include "runtime/engine/engine.h"
#include "tests/support/flow_fixture.h"
#include "tests/unit/runtime/client/test_server.h"
#include "tools/smtp_sink/smtp_sink.h"

namespace flowc::testing {
namespace {

using client::ActionRunner;
using client::ActionRunnerOptions;
using engine::ActionResult;
using nlohmann::json;

constexpr auto kBound = std::chrono::seconds(30);

ActionResult run(ActionRunner& runner, stdlib::Request req) {
  auto p = std::make_shared<std::promise<ActionResult>>();
  auto f = p->get_future();
  auto calls = std::make_shared<std::atomic<int>>(0);
  runner.execute("c-1", std::move(req), [p, calls](ActionResult r) {
    if (++*calls == 1) p->set_value(std::move(r));
  });
  if (f.wait_for(kBound) != std::future_status::ready) {
    ADD_FAILURE() << "done was never called";
    return {};
  }
  return f.get();
}

stdlib::Request http(const std::string& method, const std::string& url, uint32_t timeout_ms = 5000) {
  stdlib::Request r;
  r.kind = stdlib::Request::Kind::Http;
  r.method = method;
  r.url = url;
  r.timeout_ms = timeout_ms;
  return r;
}

stdlib::Request email(const std::string& to) {
  stdlib::Request r;
  r.kind = stdlib::Request::Kind::Email;
  r.to = to;
  r.subject = "Your order";
  r.text = "Track it";
  r.timeout_ms = 10'000;
  return r;
}

TEST(ActionRunner, SuccessfulJsonRequest) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.body = R"({"found":true})";
    return a;
  });
  ActionRunner runner(ActionRunnerOptions{});
  auto req = http("POST", server.url("/lookup"));
  req.body = R"({"phone":"+4930123456","call_id":"c-1"})";
  req.content_type = "application/json";
  ActionResult r = run(runner, req);
  EXPECT_TRUE(r.ok) << r.detail;
  EXPECT_EQ(r.status, 200);
  ASSERT_TRUE(r.json);
  EXPECT_EQ(*r.json, json({{"found", true}}));
  EXPECT_EQ(r.body, R"({"found":true})");
  EXPECT_EQ(r.detail, "");
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_GE(r.latency_ms, 0);
  EXPECT_EQ(server.seen().at(0).headers["content-type"], "application/json");
}

TEST(ActionRunner, RawBodyWithoutTypeIsPlainText) {
  TestServer server([](const SeenRequest&) { return TestAnswer{}; });
  ActionRunner runner(ActionRunnerOptions{});
  auto req = http("post", server.url("/note"));
  req.body = "called";
  EXPECT_TRUE(run(runner, req).ok);
  EXPECT_EQ(server.seen().at(0).headers["content-type"], "text/plain; charset=utf-8");
}

TEST(ActionRunner, ServerErrorsAndTheirAttempts) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.status = 500;
    return a;
  });
  ActionRunnerOptions o;
  o.http.backoff_initial_ms = 5;
  ActionRunner runner(o);
  ActionResult r = run(runner, http("GET", server.url()));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.detail, "HTTP 500");
  auto req = http("GET", server.url());
  req.retries = 2;
  r = run(runner, req);
  EXPECT_EQ(r.detail, "HTTP 500 (3 attempts)");
  EXPECT_EQ(r.attempts, 3u);
}

TEST(ActionRunner, TimeoutAndRefusedDetails) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.delay_ms = 60'000;
    return a;
  });
  ActionRunner runner(ActionRunnerOptions{});
  ActionResult r = run(runner, http("GET", server.url(), 250));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.detail, "timeout after 250ms");
  EXPECT_GE(r.latency_ms, 250);

  r = run(runner, http("GET", "http://127.0.0.1:" + std::to_string(TestServer::closed_port()) + "/"));
  EXPECT_EQ(r.detail, "connection refused");

  auto bad = http("GET", server.url());
  bad.headers = {{"X-Name", "a\nb"}};
  EXPECT_EQ(run(runner, bad).detail, "header 'X-Name' contains CR or LF");
}

TEST(ActionRunner, NonJsonAnswerHasNoJson) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.content_type = "text/html";
    a.body = "<html>CRM</html>";
    return a;
  });
  ActionRunner runner(ActionRunnerOptions{});
  ActionResult r = run(runner, http("GET", server.url()));
  EXPECT_TRUE(r.ok);  // HTTP-wise fine; a `map` on it fails in the engine (below)
  EXPECT_FALSE(r.json);
  EXPECT_EQ(r.body, "<html>CRM</html>");
}

TEST(ActionRunner, TruncatesBodiesForTracesButParsesThemWhole) {
  json big = json::array();
  for (int i = 0; i < 2000; ++i) big.push_back("entry-" + std::to_string(i));
  TestServer server([&](const SeenRequest&) {
    TestAnswer a;
    a.body = big.dump();
    return a;
  });
  ActionRunner runner(ActionRunnerOptions{});
  ActionResult r = run(runner, http("GET", server.url()));
  ASSERT_TRUE(r.json);
  EXPECT_EQ(r.json->size(), 2000u);
  EXPECT_LT(r.body.size(), 4096u + 64);
  EXPECT_NE(r.body.find("… (" + std::to_string(big.dump().size()) + " bytes)"), std::string::npos);
}

TEST(ActionRunner, TraceBodyNeverCutsACharacter) {
  std::string s = "ab" + std::string("é") + "cd";  // é is 2 bytes at offsets 2, 3
  EXPECT_EQ(ActionRunner::trace_body(s, 3), "ab… (6 bytes)");
  EXPECT_EQ(ActionRunner::trace_body(s, 6), s);
}

TEST(ActionRunner, EmailWithoutSmtpServer) {
  ActionRunner runner(ActionRunnerOptions{});
  int calls = 0;
  ActionResult got;
  runner.execute("c-1", email("ann@example.com"), [&](ActionResult r) {
    got = std::move(r);
    ++calls;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(got.ok);
  EXPECT_EQ(got.detail, "no SMTP server configured (flowc serve --smtp smtp://host:port)");
}

TEST(ActionRunner, EmailThroughSmtpSink) {
  std::string dir = temp_dir("runner-smtp");
  boost::asio::io_context io;
  tools::SmtpSinkOptions so;
  so.port = 0;
  so.dir = dir;
  std::vector<tools::SinkMessage> got;
  tools::SmtpSink sink(io, so, [&](const tools::SinkMessage& m) { got.push_back(m); });
  std::thread t([&] { io.run(); });
  {
    ActionRunnerOptions o;
    o.smtp.server = "smtp://127.0.0.1:" + std::to_string(sink.port());
    o.smtp.from = "orders@shop.example";
    ActionRunner runner(o);
    EXPECT_TRUE(runner.has_smtp());
    ActionResult r = run(runner, email("ann@example.com"));
    EXPECT_TRUE(r.ok) << r.detail;
    EXPECT_EQ(r.body.rfind("message-id: <", 0), 0u);
    auto bad = email("ann@example.com");
    bad.subject = "x\r\nBcc: all@example.com";
    EXPECT_EQ(run(runner, bad).detail, "the subject contains CR or LF");
  }
  io.stop();
  t.join();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].to, std::vector<std::string>{"ann@example.com"});
}

// ---------------------------------------------------------------- with the engine

// Collects what the engine reports, and lets a test wait for it.
class Recorder : public engine::EngineObserver {
 public:
  void automation_finished(const std::string&, const engine::FlowVersion&, const std::string& name,
                           const ActionResult& result) override {
    std::lock_guard lock(mu_);
    results_.emplace_back(name, result);
    cv_.notify_all();
  }
  void reply(const engine::Outcome& out) {
    std::lock_guard lock(mu_);
    replies_.push_back(out);
    cv_.notify_all();
  }
  // Waits until n automations have finished; false after the safety bound.
  bool wait_results(size_t n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, kBound, [&] { return results_.size() >= n; });
  }
  bool wait_replies(size_t n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, kBound, [&] { return replies_.size() >= n; });
  }
  std::pair<std::string, ActionResult> result(size_t i) {
    std::lock_guard lock(mu_);
    return results_.at(i);
  }
  engine::Outcome reply_at(size_t i) {
    std::lock_guard lock(mu_);
    return replies_.at(i);
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::pair<std::string, ActionResult>> results_;
  std::vector<engine::Outcome> replies_;
};

std::vector<std::string> types(const json& commands) {
  std::vector<std::string> out;
  for (const auto& c : commands) out.push_back(c["type"]);
  return out;
}

std::unique_ptr<engine::Engine> make_engine(ManualClock& clock, engine::ActionExecutor& executor,
                                            Recorder& rec) {
  engine::EngineOptions o;
  o.now_ms = clock.fn();
  o.executor = &executor;
  o.observer = &rec;
  o.on_reply = [&rec](const std::string&, const engine::Outcome& out) { rec.reply(out); };
  return std::make_unique<engine::Engine>(std::move(o));
}

TEST(ActionRunnerWithEngine, MapOfANonJsonAnswerFailsTheRequest) {
  TestServer server([](const SeenRequest& r) {
    TestAnswer a;
    if (r.target == "/garbage") {
      a.content_type = "text/html";
      a.body = "<html>maintenance</html>";
    } else {
      a.body = R"({"customer":{"id":"C-7"}})";
    }
    return a;
  });
  for (std::string path : {"/garbage", "/json"}) {
    SCOPED_TRACE(path);
    auto version = load_flow_source(R"(flow maps
start find
expect ivr.customer_id: string

module find = http get ")" + server.url(path) +
                                        R"("
    timeout 2s
    map ivr.customer_id = response.customer.id
  on error -> failed
  next found

module found = say "found"
  next bye
module failed = say "the CRM is down"
  next bye
module bye = hangup
)",
                                    Backend::Interp);
    ASSERT_TRUE(version);
    ManualClock clock;
    Recorder rec;
    ActionRunner runner(ActionRunnerOptions{});
    auto eng = make_engine(clock, runner, rec);
    eng->install(version);
    auto out = eng->start_call({{"flow", "maps"}, {"from", "+4930123456"}, {"to", "+4940999"}});
    ASSERT_EQ(out.status, 201) << out.error_message;
    ASSERT_TRUE(rec.wait_results(1));
    ASSERT_TRUE(rec.wait_replies(1));
    json commands = rec.reply_at(0).commands.to_json();
    ASSERT_EQ(types(commands), std::vector<std::string>{"say"});
    std::string trace = eng->trace(out.call_id)->dump();
    if (path == "/garbage") {
      EXPECT_EQ(commands[0]["text"], "the CRM is down");
      EXPECT_NE(trace.find("the response is not JSON"), std::string::npos) << trace;
      EXPECT_FALSE(eng->session(out.call_id)->contains("ivr.customer_id"));
    } else {
      EXPECT_EQ(commands[0]["text"], "found");
      EXPECT_EQ((*eng->session(out.call_id))["ivr.customer_id"], "C-7");
    }
  }
}

// The babelforce article end to end: the engine runs examples/order_status
// with the real ActionRunner; crm_stub answers the lookups and writes the
// profile through the sessions API (a stand-in for flowc's server that calls
// Engine::write_session); the email goes to smtp_sink.
class TwoWayLoop : public ::testing::Test {
 protected:
  void SetUp() override {
    sessions_ = std::make_unique<TestServer>([this](const SeenRequest& r) {
      TestAnswer a;
      const std::string prefix = "/v1/sessions/";
      auto auth = r.headers.find("authorization");
      bool authorized = auth != r.headers.end() && auth->second == "Bearer s3cret";
      if (r.method != "POST" || r.target.rfind(prefix, 0) != 0 || !authorized) {
        a.status = authorized ? 404 : 401;
        return a;
      }
      engine::Engine* eng = engine_.load();
      auto out = eng->write_session(r.target.substr(prefix.size()), json::parse(r.body, nullptr, false));
      a.status = out.status;
      a.body = out.to_json().dump();
      return a;
    });

    examples::CrmStubOptions co;
    co.port = 0;
    co.flowc_url = sessions_->url("");
    co.token = "s3cret";
    co.customers = examples::CrmStub::load_customers(std::string(FLOWC_SOURCE_DIR) +
                                                     "/examples/order_status/crm_stub/customers.json");
    co.log = [this](const std::string& line) {
      std::lock_guard lock(log_mu_);
      crm_log_.push_back(line);
    };
    crm_ = std::make_unique<examples::CrmStub>(io_, co);

    mail_dir_ = temp_dir("loop-mail");
    tools::SmtpSinkOptions so;
    so.port = 0;
    so.dir = mail_dir_;
    sink_ = std::make_unique<tools::SmtpSink>(io_, so, [this](const tools::SinkMessage& m) {
      std::lock_guard lock(log_mu_);
      mail_.push_back(m);
    });
    io_thread_ = std::thread([this] { io_.run(); });

    std::ifstream in(std::string(FLOWC_SOURCE_DIR) + "/examples/order_status/order_status.flow");
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    const std::string default_crm = "http://127.0.0.1:8081";
    size_t at = source.find(default_crm);
    ASSERT_NE(at, std::string::npos);
    source.replace(at, default_crm.size(), "http://127.0.0.1:" + std::to_string(crm_->port()));
    version_ = load_flow_source(source, Backend::Interp);
    ASSERT_TRUE(version_);

    ActionRunnerOptions ro;
    ro.smtp.server = "smtp://127.0.0.1:" + std::to_string(sink_->port());
    ro.smtp.from = "Order Desk <orders@shop.example>";
    runner_ = std::make_unique<ActionRunner>(ro);
    owned_engine_ = make_engine(clock_, *runner_, rec_);
    owned_engine_->install(version_);
    engine_ = owned_engine_.get();
  }

  void TearDown() override {
    runner_.reset();  // finishes (or aborts) every action before the engine goes
    owned_engine_.reset();
    io_.stop();
    if (io_thread_.joinable()) io_thread_.join();
  }

  std::string start(const std::string& from) {
    auto out = engine_.load()->start_call({{"from", from}, {"to", "+4940999"}});
    EXPECT_EQ(out.status, 201) << out.error_message;
    EXPECT_EQ(types(out.commands.to_json()), std::vector<std::string>{"play"});
    return out.call_id;
  }
  engine::Outcome event(const std::string& id, const json& e) { return engine_.load()->deliver(id, e); }

  ManualClock clock_;
  Recorder rec_;
  boost::asio::io_context io_;
  std::thread io_thread_;
  std::unique_ptr<TestServer> sessions_;
  std::unique_ptr<examples::CrmStub> crm_;
  std::unique_ptr<tools::SmtpSink> sink_;
  std::string mail_dir_;
  std::shared_ptr<engine::FlowVersion> version_;
  std::unique_ptr<ActionRunner> runner_;
  std::unique_ptr<engine::Engine> owned_engine_;
  std::atomic<engine::Engine*> engine_{nullptr};
  std::mutex log_mu_;
  std::vector<std::string> crm_log_;
  std::vector<tools::SinkMessage> mail_;
};

TEST_F(TwoWayLoop, PremiumCallerFoundByNumberGoesToAnAgent) {
  std::string id = start("+4930123456");
  ASSERT_TRUE(rec_.wait_results(1));  // the lookup answered, after the session write
  auto [name, result] = rec_.result(0);
  EXPECT_EQ(name, "lookup_by_phone");
  EXPECT_TRUE(result.ok) << result.detail;
  EXPECT_EQ(*result.json, json({{"found", true}, {"premium", true}}));
  json session = *engine_.load()->session(id);
  EXPECT_EQ(session["ivr.email"], "<redacted>");  // `expect ivr.email: string secret`
  EXPECT_EQ(session["ivr.name"], "Anna Schmidt");
  EXPECT_EQ(session["ivr.premium"], true);
  EXPECT_EQ(session["ivr.track_id"], "T-1001");

  auto out = event(id, {{"type", "prompt_done"}});
  ASSERT_TRUE(out.ok()) << out.error_message;
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"enqueue"});
  EXPECT_EQ(out.commands.to_json()[0]["queue"], "premium_support");
  std::lock_guard lock(log_mu_);
  ASSERT_EQ(crm_log_.size(), 1u);
  EXPECT_NE(crm_log_[0].find("found Anna Schmidt (premium), session write HTTP 200"), std::string::npos)
      << crm_log_[0];
}

TEST_F(TwoWayLoop, UnknownNumberThenReferenceThenTrackingEmail) {
  std::string id = start("+4917600000000");
  ASSERT_TRUE(rec_.wait_results(1));
  EXPECT_EQ(*rec_.result(0).second.json, json({{"found", false}}));

  auto out = event(id, {{"type", "prompt_done"}});
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"collect"});
  out = event(id, {{"type", "dtmf"}, {"digits", "1234567"}});
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"say"});  // "we're finding your profile"
  ASSERT_TRUE(rec_.wait_results(2));  // the lookup by reference, after its session write
  EXPECT_TRUE(rec_.result(1).second.ok) << rec_.result(1).second.detail;
  EXPECT_EQ((*engine_.load()->session(id))["ivr.track_id"], "T-2002");  // ivr.email is secret: see the mail

  out = event(id, {{"type", "prompt_done"}});  // customer_found holds: not premium → email
  ASSERT_TRUE(out.ok()) << out.error_message;
  ASSERT_EQ(types(out.commands.to_json()), std::vector<std::string>{"say"});
  ASSERT_TRUE(rec_.wait_results(3));  // the email was accepted by smtp_sink
  EXPECT_TRUE(rec_.result(2).second.ok) << rec_.result(2).second.detail;

  std::lock_guard lock(log_mu_);
  ASSERT_EQ(mail_.size(), 1u);
  EXPECT_EQ(mail_[0].to, std::vector<std::string>{"ben.weber@example.com"});
  EXPECT_EQ(mail_[0].subject, "Your order");
  std::ifstream in(mail_[0].path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("Track it here: https://track.example.com/T-2002"), std::string::npos)
      << text.str();
}

TEST_F(TwoWayLoop, CrmReturning500FailsTheLookupAndTheCallGoesOn) {
  client::HttpClient admin;
  client::HttpRequest r;
  r.method = "POST";
  r.url = "http://127.0.0.1:" + std::to_string(crm_->port()) + "/admin/mode";
  r.body = R"({"mode":"500"})";
  auto p = std::make_shared<std::promise<client::HttpResponse>>();
  admin.send(r, [p](client::HttpResponse res) { p->set_value(std::move(res)); });
  ASSERT_TRUE(p->get_future().get().success());

  std::string id = start("+4930123456");
  ASSERT_TRUE(rec_.wait_results(1));
  EXPECT_FALSE(rec_.result(0).second.ok);
  EXPECT_EQ(rec_.result(0).second.detail, "HTTP 500");
  EXPECT_FALSE(engine_.load()->session(id)->contains("ivr.email"));
  auto out = event(id, {{"type", "prompt_done"}});
  ASSERT_EQ(types(out.commands.to_json()),
            std::vector<std::string>{"collect"});  // falls through to the reference
  std::string trace = engine_.load()->trace(id)->dump();
  EXPECT_NE(trace.find("HTTP 500"), std::string::npos);
}

}  // namespace
}  // namespace flowc::testing
