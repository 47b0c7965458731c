// End to end over real HTTP: `flowc serve examples/` with the CRM stub and
// the SMTP sink, driving the babelforce scenarios and the faults of
// DESIGN.md §5 as a telephony platform and a CRM would.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "tests/e2e/harness.h"
#include "tests/e2e/stack.h"

namespace flowc::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

TEST(OrderStatusE2E, FoundByNumberPremiumGoesToAnAgent) {
  Stack s;
  s.start("found_premium");
  auto r = s.start_call("+4930123456");
  ASSERT_EQ(r.status, 201) << r.body << s.logs();
  std::string id = r.json["call_id"];
  EXPECT_EQ(types(r.json), Types{"play"});
  // The CRM looks the number up and writes the profile back over HTTP while
  // the welcome prompt plays.
  r = s.event(id, {{"type", "prompt_done"}});
  ASSERT_EQ(r.status, 200) << r.body << s.logs();
  ASSERT_EQ(types(r.json), Types{"enqueue"}) << r.body << s.logs();
  EXPECT_EQ(r.json["commands"][0]["reason"], "1084CC0B");
  r = s.event(id, {{"type", "agent_answered"}, {"agent", "user101"}});
  EXPECT_EQ(r.status, 200);
  r = s.event(id, {{"type", "hangup"}});
  EXPECT_TRUE(r.json.value("ended", false)) << r.body;
  json session = get(s.port, "/v1/calls/" + id, kToken).json["session"];
  EXPECT_EQ(session["ivr.premium"], true);
  EXPECT_EQ(session["ivr.email"], "<redacted>");
}

TEST(OrderStatusE2E, FoundByReferenceNotPremiumGetsTheEmail) {
  Stack s;
  s.start("found_reference");
  auto r = s.start_call("+4930111111");  // not in the CRM
  std::string id = r.json["call_id"];
  r = s.event(id, {{"type", "prompt_done"}});
  ASSERT_EQ(types(r.json), Types{"collect"}) << r.body << s.logs();
  r = s.event(id, {{"type", "dtmf"}, {"digits", "1234567"}});
  ASSERT_EQ(types(r.json), Types{"say"});
  r = s.event(id, {{"type", "prompt_done"}});  // held until the CRM wrote the profile
  ASSERT_EQ(types(r.json), Types{"say"}) << r.body << s.logs();
  EXPECT_NE(r.json["commands"][0]["text"].get<std::string>().find("emailed"), std::string::npos);
  r = s.event(id, {{"type", "prompt_done"}});
  EXPECT_EQ(types(r.json), Types{"hangup"});
  // The email with the tracking link reached the SMTP server.
  std::string mail;
  for (int i = 0; i < 500 && mail.empty(); ++i) {
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(s.dir + "/mail", ec))
      if (f.path().extension() == ".eml") {
        std::ifstream in(f.path());
        mail.assign(std::istreambuf_iterator<char>(in), {});
      }
    if (mail.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(mail.find("https://track.example.com/"), std::string::npos) << mail << s.logs();
}

TEST(OrderStatusE2E, NotFoundAnywhereTimesOutToTheApology) {
  Stack s;
  s.start("not_found");
  auto r = s.start_call("+4930111111");
  std::string id = r.json["call_id"];
  s.event(id, {{"type", "prompt_done"}});
  s.event(id, {{"type", "dtmf"}, {"digits", "7777777"}});  // no such reference
  r = s.event(id, {{"type", "prompt_done"}});  // the wait for the profile runs out after 3s
  ASSERT_EQ(types(r.json), Types{"say"}) << r.body << s.logs();
  EXPECT_NE(r.json["commands"][0]["text"].get<std::string>().find("could not find"), std::string::npos);
}

TEST(OrderStatusE2E, CrmDownFallsThroughAndTheTraceSaysWhy) {
  Stack s;
  s.start("crm_down", "down");
  auto r = s.start_call("+4930123456");
  std::string id = r.json["call_id"];
  r = s.event(id, {{"type", "prompt_done"}});
  EXPECT_EQ(types(r.json), Types{"collect"}) << r.body << s.logs();
  std::string trace = s.trace(id).dump();
  EXPECT_TRUE(trace.find("\"ok\":false") != std::string::npos) << trace;
}

TEST(OrderStatusE2E, CrmAnswering500OrGarbageFallsThrough) {
  for (const char* mode : {"500", "garbage"}) {
    Stack s;
    s.start(std::string("crm_") + mode, mode);
    auto r = s.start_call("+4930123456");
    std::string id = r.json["call_id"];
    r = s.event(id, {{"type", "prompt_done"}});
    EXPECT_EQ(types(r.json), Types{"collect"}) << mode << ": " << r.body << s.logs();
  }
}

TEST(OrderStatusE2E, ASlowCrmDelaysOnlyTheCallThatWaitsForIt) {
  Stack s;
  s.start("crm_slow", "slow");  // the CRM answers after 3s; the flow waits up to 2s
  auto slow = s.start_call("+4930123456");
  std::string slow_id = slow.json["call_id"];
  std::atomic<bool> slow_done{false};
  std::thread waiter([&] {
    auto r = s.event(slow_id, {{"type", "prompt_done"}});  // held ~2s, then the reference input
    EXPECT_EQ(types(r.json), Types{"collect"}) << r.body;
    slow_done = true;
  });
  // Meanwhile other calls are served at once.
  for (int i = 0; i < 5; ++i) {
    auto r = s.start_call("+4930222222");
    EXPECT_EQ(r.status, 201);
    EXPECT_FALSE(slow_done.load()) << "another call waited for the slow CRM";
  }
  waiter.join();
  EXPECT_TRUE(slow_done.load());
}

TEST(OrderStatusE2E, BadRequestsGetJsonErrorsAndChangeNothing) {
  Stack s;
  s.start("bad_requests");
  auto r = s.start_call("+4930123456");
  std::string id = r.json["call_id"];
  auto expect_error = [&](const HttpResult& res, int status, const std::string& code) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.json["error"]["code"], code) << res.body;
  };
  expect_error(http(s.port, "POST", "/v1/calls", "{not json"), 400, "invalid_json");
  expect_error(post_json(s.port, "/v1/calls", {{"from", 42}, {"to", "+4940999"}}), 422, "invalid_from");
  expect_error(post_json(s.port, "/v1/calls", {{"flow", "nope"}, {"from", "+49"}, {"to", "+49"}}), 404,
               "unknown_flow");
  expect_error(s.event("c-nope", {{"type", "hangup"}}), 404, "unknown_call");
  expect_error(s.event(id, {{"type", "dtmf"}, {"digits", "12x"}}), 422, "invalid_digits");
  expect_error(post_json(s.port, "/v1/sessions/" + id, {{"call.from", "+1"}}, kToken), 422, "read_only");
  expect_error(post_json(s.port, "/v1/sessions/" + id, {{"ivr.bad name", 1}}, kToken), 422, "invalid_name");
  expect_error(post_json(s.port, "/v1/sessions/" + id, {{"ivr.premium", "yes"}}, kToken), 422, "type_mismatch");
  expect_error(post_json(s.port, "/v1/sessions/" + id, {{"ivr.premium", true}}), 401, "unauthorized");
  // A body over the limit is refused as soon as its length is known.
  std::string answer = raw_exchange(
      s.port, "POST /v1/calls HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n{\"from\":", std::chrono::milliseconds(5000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("body_too_large"), std::string::npos) << answer;
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 400; ++i) many += "X-Header-" + std::to_string(i) + ": " + std::string(60, 'x') + "\r\n";
  answer = raw_exchange(s.port, many + "\r\n", std::chrono::milliseconds(5000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 431", 0), 0u) << answer;
  // Nothing above changed the call or its session.
  json session = get(s.port, "/v1/sessions/" + id, kToken).json["session"];
  EXPECT_FALSE(session.contains("ivr.premium") && session["ivr.premium"] == "yes");
  EXPECT_EQ(session["call.from"], "+4930123456");
  s.event(id, {{"type", "hangup"}});
  expect_error(s.event(id, {{"type", "prompt_done"}}), 409, "call_ended");
}

TEST(OrderStatusE2E, ASlowClientIsDroppedAfterTheReadTimeout) {
  Stack s;
  s.start("slow_client", "ok", {"--read-timeout", "300ms"});
  // Half a request, then silence: the server closes the connection (we give
  // it ten times its timeout before calling that a failure).
  EXPECT_TRUE(closed_by_server(s.port, "POST /v1/calls HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{",
                               std::chrono::milliseconds(3000)));
  EXPECT_EQ(get(s.port, "/healthz").status, 200);
}

}  // namespace
}  // namespace flowc::e2e

namespace flowc::e2e {
namespace {

// `flowc serve --record DIR` writes a finished call as a scenario, and
// `flowc test` replays it (offline) against the flow: it passes.
TEST(OrderStatusE2E, ARecordedCallReplaysWithFlowcTest) {
  std::string rec = scratch_dir("record_replay_calls");
  Stack s;
  s.start("record_replay", "ok", {"--record", rec});
  auto r = s.start_call("+4930111111");  // not in the CRM: asks for the reference
  ASSERT_EQ(r.status, 201) << r.body << s.logs();
  std::string id = r.json["call_id"];
  s.event(id, {{"type", "prompt_done"}});
  r = s.event(id, {{"type", "dtmf"}, {"digits", "1234567"}});
  ASSERT_EQ(types(r.json), Types{"say"}) << r.body << s.logs();
  s.event(id, {{"type", "prompt_done"}});
  r = s.event(id, {{"type", "prompt_done"}});
  ASSERT_EQ(types(r.json), Types{"hangup"}) << r.body << s.logs();
  // Stopping the server writes any call still waiting for an answer.
  s.flowc->stop();
  std::string file = rec + "/order_status-" + id + ".flowtest";
  ASSERT_TRUE(fs::exists(file)) << s.logs();
  Process replay("flowc-test", {bin("tools/flowc/flowc"), "test", file, "--no-color"}, {},
                 s.dir + "/replay.log");
  // Waits for it to finish (it takes milliseconds; the bound is generous for sanitizer builds).
  for (int i = 0; i < 6000 && replay.running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(replay.stop(), 0) << replay.log();
  std::string out = replay.log();
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out << "\n--- recorded\n"
                                                               << std::ifstream(file).rdbuf();
}

}  // namespace
}  // namespace flowc::e2e
