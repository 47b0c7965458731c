// Running scenarios: the shipped order_status scenarios pass on both back
// ends with full coverage, a deliberately broken copy of the flow fails the
// right scenarios with a readable report, and the virtual clock, mocks and
// caller script behave as docs/testing.md says.
#include "runtime/flowtest/scenario_runner.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "runtime/flowtest/coverage.h"
#include "runtime/flowtest/junit.h"
#include "runtime/flowtest/recorder.h"
#include "runtime/flowtest/test_suite.h"
#include "tests/support/backends.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc::flowtest {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Suite {
  SourceManager sources;
  DiagnosticEngine diags;
  LoadedTest test;
  std::vector<ScenarioResult> results;

  const ScenarioResult* result(const std::string& name) const {
    for (const auto& r : results)
      if (r.name == name) return &r;
    return nullptr;
  }
  std::string report() const {
    std::string out = render_text(sources, diags.sorted());
    for (const auto& r : results)
      if (!r.passed) out += "FAIL " + r.name + "\n" + render_failure(r, sources);
    return out;
  }
};

std::unique_ptr<Suite> run(const std::string& path, const FileSystem& fs,
                           const engine::CodeFactory& factory) {
  auto s = std::make_unique<Suite>();
  stdlib::TimeZoneCache zones;
  std::string error;
  s->test = load_test(path, fs, s->sources, s->diags, factory, zones, &error);
  EXPECT_TRUE(s->test.ok()) << error << render_text(s->sources, s->diags.sorted());
  if (!s->test.ok()) return s;
  for (size_t i = 0; i < s->test.file.scenarios.size(); ++i)
    s->results.push_back(run_scenario(s->test.file.scenarios[i], s->test.version, i + 1));
  return s;
}

// The order_status example and its scenarios, in memory, with an optional
// edit of the flow.
test::MemoryFileSystem order_status(const std::string& from = "", const std::string& to = "") {
  std::string dir = FLOWC_SOURCE_DIR "/examples/order_status/";
  std::string flow = slurp(dir + "order_status.flow");
  if (!from.empty()) {
    auto at = flow.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) flow.replace(at, from.size(), to);
  }
  test::MemoryFileSystem fs;
  fs.add("os/order_status.flow", flow);
  fs.add("os/order_status.flowtest", slurp(dir + "order_status.flowtest"));
  return fs;
}

void expect_all_pass_with_full_coverage(const Suite& s) {
  ASSERT_GE(s.results.size(), 7u);
  for (const auto& r : s.results) EXPECT_TRUE(r.passed) << s.report();
  Coverage cov;
  cov.add_flow("order_status", *s.test.version->flow);
  for (const auto& r : s.results) cov.add_result("order_status", r);
  const FlowCoverage& c = cov.flows().at("order_status");
  EXPECT_EQ(c.modules_reached(), c.modules.size()) << cov.render();
  EXPECT_EQ(c.routes_reached(), c.routes.size()) << cov.render();
}

TEST(ScenarioRunner, OrderStatusScenariosPassOnTheInterpreter) {
  auto fs = order_status();
  auto s = run("os/order_status.flowtest", fs, testing::interp_code_factory());
  expect_all_pass_with_full_coverage(*s);
}

TEST(ScenarioRunner, OrderStatusScenariosPassOnTheJit) {
  auto fs = order_status();
  auto s = run("os/order_status.flowtest", fs, testing::jit_code_factory());
  expect_all_pass_with_full_coverage(*s);
}

TEST(ScenarioRunner, ABrokenFlowFailsTheRightScenarioWithAReport) {
  // The bug: premium customers get the email instead of an agent.
  auto fs = order_status("when premium -> agents", "when premium -> send_email");
  auto s = run("os/order_status.flowtest", fs, testing::interp_code_factory());
  std::vector<std::string> failed;
  for (const auto& r : s->results)
    if (!r.passed) failed.push_back(r.name);
  EXPECT_EQ(failed, (std::vector<std::string>{"known premium caller is queued to the premium agents",
                                              "unknown caller types a reference and is found as premium"}));
  const ScenarioResult* r = s->result("known premium caller is queued to the premium agents");
  ASSERT_TRUE(r);
  std::string report = render_failure(*r, s->sources);
  EXPECT_NE(report.find("order_status.flowtest:"), std::string::npos) << report;
  EXPECT_NE(report.find("command 2 differs"), std::string::npos) << report;
  EXPECT_NE(report.find("expected: enqueue \"premium_support\" reason \"1084CC0B\""), std::string::npos)
      << report;
  EXPECT_NE(report.find("actual:   {\"text\":\"We have emailed you"), std::string::npos) << report;
  EXPECT_NE(report.find("module premium_check"), std::string::npos) << report;  // the trace up to there
}

const char* kQueueFlow = R"(flow q
start ask
numbers "+4940111"
timezone "Europe/Berlin"
trigger open = now in mon-fri 09:00-17:00 "Europe/Berlin"
module ask = switch {
  when open -> line
  after -> closed
}
module line = queue "sales" timeout 1m
  on enter post "https://crm.example/note" json { id: call.id } timeout 2s
  on timeout -> busy
module busy = say "busy" next bye
module closed = say "closed" next bye
module bye = hangup
)";

std::unique_ptr<Suite> run_inline(const std::string& scenarios) {
  test::MemoryFileSystem fs{{"q.flow", kQueueFlow}, {"q.flowtest", "flow \"q.flow\"\n" + scenarios}};
  return run("q.flowtest", fs, testing::interp_code_factory());
}

TEST(ScenarioRunner, TimeOfDayAndQueueTimeoutsRunOnTheVirtualClock) {
  auto s = run_inline(R"(
scenario "open: nobody answers within the minute"
  call from "+491" at "2026-11-24T10:00:00+01:00"
  mock line status 200
  wait 5m
  expect enqueue "sales"
  expect say "busy"
  expect hangup
scenario "closed at night"
  call from "+491" at "2026-11-24T23:00:00+01:00"
  expect say "closed"
  expect hangup
  expect no request line
)");
  for (const auto& r : s->results) EXPECT_TRUE(r.passed) << s->report();
  const ScenarioResult* r = s->result("open: nobody answers within the minute");
  ASSERT_TRUE(r);
  // The queue timed out one virtual minute after the start (trace times are
  // relative to it).
  bool saw_busy = false;
  for (const auto& e : r->trace)
    if (e["kind"] == "enter" && e["data"]["module"] == "busy") {
      EXPECT_EQ(e["at_ms"].get<int64_t>(), 60000);
      saw_busy = true;
    }
  EXPECT_TRUE(saw_busy);
}

TEST(ScenarioRunner, AnUnmockedRequestAndALeftoverStepFailClearly) {
  auto s = run_inline(R"(
scenario "no mock"
  call from "+491" at "2026-11-24T10:00:00+01:00"
  agent "a1"
  press "1"
  expect enqueue "sales"
)");
  ASSERT_EQ(s->results.size(), 1u);
  const auto& r = s->results[0];
  EXPECT_FALSE(r.passed);
  std::string report = render_failure(r, s->sources);
  EXPECT_NE(report.find("request to automation 'line.enter#1' has no mock"), std::string::npos) << report;
  EXPECT_NE(report.find("q.flowtest:6:3: at module 'line' the call waits for nothing more"),
            std::string::npos)
      << report;
}

// kQueueFlow with a `cti nexj` declaration: an answered call sends CONNECTED
// and, at its end, DISCONNECTED (docs/cti.md).
std::unique_ptr<Suite> run_cti(const std::string& scenarios) {
  std::string flow = kQueueFlow;
  flow.replace(flow.find("trigger"), 0, "cti nexj \"http://nexj.test/rpc\" timeout 2s retries 1\n");
  test::MemoryFileSystem fs{{"q.flow", flow}, {"q.flowtest", "flow \"q.flow\"\n" + scenarios}};
  return run("q.flowtest", fs, testing::interp_code_factory());
}

TEST(ScenarioRunner, CtiMessagesAreCapturedAndExpectedInOrder) {
  auto s = run_cti(R"(
scenario "an agent answers"
  call from "+4930123456" at "2026-11-24T10:00:00+01:00"
  mock line status 200
  agent "user101"
  expect enqueue "sales"
  expect cti CONNECTED agent "user101" number "4930123456" reason null endpoint "http://nexj.test/rpc"
  expect cti DISCONNECTED agent "user101" params ["user101", "DISCONNECTED", null, null]
scenario "closed at night: no agent, no CTI"
  call from "+491" at "2026-11-24T23:00:00+01:00"
  expect say "closed"
  expect hangup
  expect no cti
)");
  for (const auto& r : s->results) EXPECT_TRUE(r.passed) << s->report();
  const ScenarioResult* r = s->result("an agent answers");
  ASSERT_TRUE(r);
  // The exact bytes NexJ receives, with ids from 1 in every scenario.
  ASSERT_EQ(r->cti.size(), 2u);
  EXPECT_EQ(r->cti[0]["endpoint"], "http://nexj.test/rpc");
  EXPECT_EQ(
      r->cti[0]["body"],
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","4930123456",null],"id":1})");
  EXPECT_EQ(
      r->cti[1]["body"],
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","DISCONNECTED",null,null],"id":2})");
  // Each delivery is in the call's trace, as with `flowc serve`.
  size_t delivered = 0;
  for (const auto& e : r->trace)
    if (e["kind"] == "cti" && e["data"]["ok"] == true) ++delivered;
  EXPECT_EQ(delivered, 2u);
}

TEST(ScenarioRunner, AWrongCtiExpectationFailsWithTheMessage) {
  auto s = run_cti(R"(
scenario "wrong agent"
  call from "+4930123456" at "2026-11-24T10:00:00+01:00"
  mock line status 200
  agent "user101"
  expect cti CONNECTED agent "user9"
  expect cti DISCONNECTED
scenario "DISCONNECTED not expected"
  call from "+4930123456" at "2026-11-24T10:00:00+01:00"
  mock line status 200
  agent "user101"
  expect cti CONNECTED
scenario "no CTI expected"
  call from "+4930123456" at "2026-11-24T10:00:00+01:00"
  mock line status 200
  agent "user101"
  expect no cti
)");
  ASSERT_EQ(s->results.size(), 3u);
  for (const auto& r : s->results) EXPECT_FALSE(r.passed) << r.name;
  std::string report = render_failure(s->results[0], s->sources);
  EXPECT_NE(report.find("q.flowtest:7:3: CTI message 1 differs"), std::string::npos) << report;
  EXPECT_NE(report.find("expected: cti CONNECTED agent \"user9\""), std::string::npos) << report;
  EXPECT_NE(
      report.find(R"(actual:   {"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED")"),
      std::string::npos)
      << report;
  EXPECT_NE(report.find("cti {"), std::string::npos) << report;  // the trace up to the message
  report = render_failure(s->results[1], s->sources);
  EXPECT_NE(report.find("q.flowtest:13:3: CTI message 2 was not expected"), std::string::npos) << report;
  EXPECT_NE(report.find(R"("DISCONNECTED",null,null],"id":2})"), std::string::npos) << report;
  report = render_failure(s->results[2], s->sources);
  EXPECT_NE(report.find("q.flowtest:18:3: the call sent 2 CTI message(s)"), std::string::npos) << report;
}

TEST(ScenarioRunner, AScriptThatRunsOutAtAnInputIsReported) {
  auto fs = order_status();
  fs.add("os/short.flowtest", R"(flow "order_status.flow"
scenario "forgot the keys"
  call from "+4915199999999"
  mock lookup_by_phone json {}
  expect hangup
)");
  auto s = run("os/short.flowtest", fs, testing::interp_code_factory());
  ASSERT_EQ(s->results.size(), 1u);
  std::string report = render_failure(s->results[0], s->sources);
  EXPECT_NE(report.find(
                "at module 'ask_reference' the call waits for keys (press or silence), but the scenario has "
                "no more caller steps"),
            std::string::npos)
      << report;
}

TEST(ScenarioRunner, JunitNamesFailures) {
  JunitSuite suite{
      "a.flowtest",
      {{"ok", 0.001, false, false, "", ""}, {"bad <one>", 0.002, true, false, "differs", "x & y"}}};
  std::string xml = render_junit({suite});
  EXPECT_NE(xml.find("<testsuites name=\"flowc test\" tests=\"2\" failures=\"1\" errors=\"0\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("name=\"bad &lt;one&gt;\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure message=\"differs\">x &amp; y</failure>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace flowc::flowtest

namespace flowc::flowtest {
namespace {

// A call as `flowc serve --record` sees it, taken from a scenario's run.
RecordedCall recorded(const ScenarioResult& r, const std::string& call_id, const std::string& from,
                      const std::string& to) {
  RecordedCall c;
  c.flow_path = "order_status.flow";
  c.flow_name = "order_status";
  c.call_id = call_id;
  c.from = from;
  c.to = to;
  c.trace = r.trace;
  c.started_at_ms = kDefaultStartMs + 250;  // the recording keeps the sub-second part in its waits
  for (const auto& q : r.requests) {
    engine::ActionResult a;
    const auto& res = q["result"];
    a.ok = res["ok"];
    a.status = res.value("status", 0);
    a.detail = res.value("detail", "");
    if (res.contains("json")) a.json = res["json"];
    a.latency_ms = res.value("latency_ms", int64_t{0});
    c.results.push_back({q["automation"], a});
  }
  return c;
}

TEST(Recorder, ARecordedCallReplaysAndAChangedFlowFailsWithTheFirstDifference) {
  auto fs = order_status();
  auto original = run("os/order_status.flowtest", fs, testing::interp_code_factory());
  const ScenarioResult* r = original->result("unknown caller types a reference and gets an email");
  ASSERT_TRUE(r && r->passed) << original->report();
  std::string text = scenario_text(recorded(*r, "c-test-4", "+4915199999999", "+4940999"));
  EXPECT_NE(text.find("  press \"7654321\""), std::string::npos) << text;
  EXPECT_NE(text.find("  mock lookup_by_phone fail \"connection refused\""), std::string::npos) << text;

  fs.add("os/recorded.flowtest", text);
  auto replay = run("os/recorded.flowtest", fs, testing::interp_code_factory());
  ASSERT_EQ(replay->results.size(), 1u);
  EXPECT_TRUE(replay->results[0].passed) << text << replay->report();

  auto changed = order_status("subject \"Your order\"", "subject \"Your parcel\"");
  changed.add("os/recorded.flowtest", text);
  auto after = run("os/recorded.flowtest", changed, testing::interp_code_factory());
  ASSERT_EQ(after->results.size(), 1u);
  EXPECT_FALSE(after->results[0].passed);
  std::string report = after->report();
  EXPECT_NE(report.find("subject differs"), std::string::npos) << report;
  EXPECT_NE(report.find("actual:   \"Your parcel\""), std::string::npos) << report;
}

// The server stopped before an automation answered (its result never
// reached the recorder): the recording still replays, the request answered
// only after the call is over, as it was.
TEST(Recorder, ARequestWithNoRecordedAnswerIsAnsweredAfterTheCallInTheReplay) {
  auto fs = order_status();
  auto original = run("os/order_status.flowtest", fs, testing::interp_code_factory());
  const ScenarioResult* r = original->result("unknown caller types a reference and gets an email");
  ASSERT_TRUE(r && r->passed) << original->report();
  RecordedCall c = recorded(*r, "c-test-4", "+4915199999999", "+4940999");
  ASSERT_FALSE(c.results.empty());
  std::string lost = c.results.back().automation;
  c.results.pop_back();
  std::string text = scenario_text(c);
  EXPECT_NE(text.find("  mock " + lost + " delay "), std::string::npos) << text;
  EXPECT_NE(text.find("fail \"no answer before the recording was written\""), std::string::npos) << text;
  fs.add("os/recorded.flowtest", text);
  auto replay = run("os/recorded.flowtest", fs, testing::interp_code_factory());
  ASSERT_EQ(replay->results.size(), 1u);
  EXPECT_TRUE(replay->results[0].passed) << text << replay->report();
}

}  // namespace
}  // namespace flowc::flowtest
