// crm_stub (examples/order_status/crm_stub) against a fake flowc sessions
// API: lookups by phone and reference write the profile with the token and
// then answer; every fault mode does what the fault tests expect of it.
#include "examples/order_status/crm_stub/crm_stub.h"

#include <future>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "runtime/client/http_client.h"
#include "tests/unit/runtime/client/test_server.h"

namespace flowc::testing {
namespace {

using client::HttpClient;
using client::HttpError;
using client::HttpRequest;
using client::HttpResponse;
using examples::CrmMode;
using examples::CrmStub;
using nlohmann::json;

class CrmStubTest : public ::testing::Test {
 protected:
  void start(CrmMode mode, uint32_t delay_ms = 0, int flowc_status = 200) {
    flowc_ = std::make_unique<TestServer>([flowc_status](const SeenRequest&) {
      TestAnswer a;
      a.status = flowc_status;
      a.body = flowc_status == 200 ? R"({"ok":true})" : R"({"error":{"code":"unknown_call"}})";
      return a;
    });
    examples::CrmStubOptions o;
    o.port = 0;
    o.flowc_url = flowc_->url("/");
    o.token = "t0k";
    o.mode = mode;
    o.delay_ms = delay_ms;
    o.customers = CrmStub::load_customers(std::string(FLOWC_SOURCE_DIR) +
                                          "/examples/order_status/crm_stub/customers.json");
    o.log = [this](const std::string& line) {
      std::lock_guard lock(mu_);
      log_.push_back(line);
    };
    stub_ = std::make_unique<CrmStub>(io_, o);
    thread_ = std::thread([this] { io_.run(); });
  }

  void TearDown() override {
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }

  HttpResponse post(const std::string& path, const json& body, uint32_t timeout_ms = 5000) {
    HttpRequest r;
    r.method = "POST";
    r.url = "http://127.0.0.1:" + std::to_string(stub_->port()) + path;
    r.body = body.dump();
    r.content_type = "application/json";
    r.timeout_ms = timeout_ms;
    auto p = std::make_shared<std::promise<HttpResponse>>();
    auto f = p->get_future();
    client_.send(r, [p](HttpResponse res) { p->set_value(std::move(res)); });
    EXPECT_EQ(f.wait_for(std::chrono::seconds(30)), std::future_status::ready);
    return f.get();
  }

  boost::asio::io_context io_;
  std::thread thread_;
  std::unique_ptr<TestServer> flowc_;
  std::unique_ptr<CrmStub> stub_;
  HttpClient client_;
  std::mutex mu_;
  std::vector<std::string> log_;
};

TEST_F(CrmStubTest, FindsByPhoneWritesTheSessionThenAnswers) {
  start(CrmMode::Ok);
  HttpResponse res = post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-42"}});
  ASSERT_TRUE(res.success()) << res.detail;
  EXPECT_EQ(*res.json, json({{"found", true}, {"premium", true}}));
  auto seen = flowc_->seen();
  ASSERT_EQ(seen.size(), 1u);  // written before the lookup was answered
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].target, "/v1/sessions/c-42");
  EXPECT_EQ(seen[0].headers["authorization"], "Bearer t0k");
  EXPECT_EQ(json::parse(seen[0].body), json({{"ivr.email", "anna.schmidt@example.com"},
                                             {"ivr.premium", true},
                                             {"ivr.track_id", "T-1001"},
                                             {"ivr.name", "Anna Schmidt"}}));
  std::lock_guard lock(mu_);
  ASSERT_EQ(log_.size(), 1u);
  EXPECT_EQ(
      log_[0].rfind("crm_stub: POST /lookup phone=+4930123456 call=c-42 -> found Anna Schmidt (premium)", 0),
      0u)
      << log_[0];
}

TEST_F(CrmStubTest, FindsByReferenceAndMatchesPhonesByDigits) {
  start(CrmMode::Ok);
  HttpResponse res = post("/lookup", {{"reference", "1234567"}, {"call_id", "c-1"}});
  EXPECT_EQ(*res.json, json({{"found", true}, {"premium", false}}));
  res = post("/lookup", {{"reference", 1234567}, {"call_id", "c-2"}});  // a number works too
  EXPECT_EQ((*res.json)["found"], true);
  res = post("/lookup", {{"phone", "0049 89 777000"}, {"call_id", "c-3"}});
  EXPECT_EQ((*res.json)["found"], false);  // digits differ (00 prefix): not a match
  res = post("/lookup", {{"phone", "+49 (89) 777-000"}, {"call_id", "c-4"}});
  EXPECT_EQ((*res.json)["found"], true);
  EXPECT_EQ(flowc_->requests(), 3u);
}

TEST_F(CrmStubTest, UnknownCallerIsNotFoundAndNothingIsWritten) {
  start(CrmMode::Ok);
  HttpResponse res = post("/lookup", {{"phone", "+4917600000000"}, {"call_id", "c-1"}});
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(*res.json, json({{"found", false}}));
  EXPECT_EQ(flowc_->requests(), 0u);
}

TEST_F(CrmStubTest, BadLookupsAre400) {
  start(CrmMode::Ok);
  EXPECT_EQ(post("/lookup", {{"phone", "+4930123456"}}).status, 400);  // no call_id
  EXPECT_EQ(post("/lookup", json::array()).status, 400);
  EXPECT_EQ(post("/nowhere", json::object()).status, 404);
}

TEST_F(CrmStubTest, FailedSessionWriteIs502) {
  start(CrmMode::Ok, 0, 404);
  HttpResponse res = post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-gone"}});
  EXPECT_EQ(res.status, 502);
  EXPECT_NE((*res.json)["error"]["message"].get<std::string>().find("session write failed: HTTP 404"),
            std::string::npos);
}

TEST_F(CrmStubTest, Mode500) {
  start(CrmMode::Error500);
  EXPECT_EQ(post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-1"}}).status, 500);
  EXPECT_EQ(flowc_->requests(), 0u);
}

TEST_F(CrmStubTest, ModeGarbage) {
  start(CrmMode::Garbage);
  HttpResponse res = post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-1"}});
  EXPECT_EQ(res.status, 200);
  EXPECT_FALSE(res.json);
}

TEST_F(CrmStubTest, ModeDown) {
  start(CrmMode::Down);
  HttpResponse res = post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-1"}});
  EXPECT_EQ(res.error, HttpError::Connection);
}

TEST_F(CrmStubTest, ModeSlowAnswersAfterTheDelay) {
  start(CrmMode::Slow, 60'000);
  HttpResponse res = post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-1"}}, 200);
  EXPECT_EQ(res.error, HttpError::Timeout);
  EXPECT_EQ(flowc_->requests(), 0u);  // the profile comes only after the delay
}

TEST_F(CrmStubTest, ModeChangesWhileRunning) {
  start(CrmMode::Ok);
  HttpResponse res = post("/admin/mode", {{"mode", "garbage"}});
  ASSERT_TRUE(res.success());
  EXPECT_FALSE(post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-1"}}).json);
  EXPECT_EQ(post("/admin/mode", {{"mode", "sideways"}}).status, 400);
  ASSERT_TRUE(post("/admin/mode", {{"mode", "ok"}}).success());
  EXPECT_EQ((*post("/lookup", {{"phone", "+4930123456"}, {"call_id", "c-1"}}).json)["found"], true);
}

TEST(CrmStubParts, ParsesModes) {
  for (const char* m : {"ok", "slow", "down", "500", "garbage"})
    EXPECT_EQ(examples::crm_mode_name(*examples::parse_crm_mode(m)), std::string(m));
  EXPECT_FALSE(examples::parse_crm_mode("fast"));
}

TEST(CrmStubParts, CustomersFileErrorsAreClear) {
  EXPECT_THROW(CrmStub::load_customers("/nonexistent/customers.json"), std::runtime_error);
}

}  // namespace
}  // namespace flowc::testing
