// The .flowtest parser and the name checks against the flow: a clean file
// gives its model, and every FL5xx code has an input that produces it (the
// list diag_coverage_test.cpp points to).
#include "runtime/flowtest/scenario_parser.h"

#include <gtest/gtest.h>

#include "runtime/flowtest/scenario_runner.h"
#include "runtime/flowtest/test_suite.h"
#include "tests/support/backends.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc::flowtest {
namespace {

const char* kFlow = R"(flow t
start main
expect ivr.email: string
automation look = post "https://crm.example/look" json { id: call.id } timeout 2s
module main = say "hello" on enter look wait look up to 2s next bye
module bye = hangup
)";

struct Parsed {
  SourceManager sources;
  DiagnosticEngine diags;
  TestFile file;
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : diags.sorted()) out.push_back(d.code());
    return out;
  }
  std::string text() const { return render_text(sources, diags.sorted()); }
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->file = parse_test_file("t.flowtest", text, p->sources, p->diags);
  return p;
}

// Parses and loads against kFlow (in memory), for the name checks.
std::unique_ptr<Parsed> load(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  test::MemoryFileSystem fs{{"t.flow", kFlow}, {"t.flowtest", text}, {"lib.flow", "let x = 1\n"}};
  stdlib::TimeZoneCache zones;
  auto t = load_test("t.flowtest", fs, p->sources, p->diags, testing::interp_code_factory(), zones, nullptr);
  p->file = std::move(t.file);
  return p;
}

bool has(const Parsed& p, const std::string& code) {
  auto c = p.codes();
  return std::find(c.begin(), c.end(), code) != c.end();
}

TEST(ScenarioParser, CleanFileGivesTheModel) {
  auto p = parse(R"(// a comment
flow "t.flow"
env CRM_URL "http://crm.test"
scenario "one"
  call from "+4930123456" to "+4940999" at "2026-11-24T10:00:00+01:00" id "c-1"
  mock look write {"ivr.email": "a@b.example"} status 201 json {"x": [1,
     2]} delay 250ms
  mock look fail "connection reset"
  mock look timeout
  press "12#"
  silence
  wait 2m
  write {"ivr.email": "c@d.example"}
  agent "user1"
  transfer_failed
  hangup
  expect play "a.wav"
  expect ...
  expect enqueue "q" reason "R1" priority 80
  expect request look method "POST" url contains "/look" json contains {"id": "c-1"} header "X-Key" "k"
  expect no request other
  expect session ivr.email = "a@b.example"
  expect session app.x unset
  expect session ivr.n matches "^[0-9]+$"
  expect end contains "hung up"
  expect modules main ... bye
)");
  EXPECT_FALSE(p->diags.has_errors()) << p->text();
  ASSERT_EQ(p->file.scenarios.size(), 1u);
  const Scenario& s = p->file.scenarios[0];
  EXPECT_EQ(p->file.flow_path, "t.flow");
  ASSERT_EQ(p->file.env.size(), 1u);
  EXPECT_EQ(s.from, "+4930123456");
  EXPECT_EQ(s.to, "+4940999");
  EXPECT_EQ(s.call_id, "c-1");
  EXPECT_EQ(*s.at_ms, 1795510800000);  // 09:00 UTC
  ASSERT_EQ(s.mocks.size(), 3u);
  EXPECT_EQ(s.mocks[0].response.status, 201);
  EXPECT_EQ(s.mocks[0].response.delay_ms, 250);
  EXPECT_EQ((*s.mocks[0].response.json)["x"].size(), 2u);
  EXPECT_TRUE(s.mocks[1].response.fail);
  EXPECT_TRUE(s.mocks[2].response.timeout);
  ASSERT_EQ(s.steps.size(), 7u);
  EXPECT_EQ(s.steps[2].ms, 120000);
  ASSERT_EQ(s.commands.size(), 3u);
  EXPECT_TRUE(s.commands[1].gap);
  EXPECT_EQ(s.commands[2].fields.size(), 2u);
  ASSERT_EQ(s.requests.size(), 2u);
  EXPECT_EQ(s.requests[0].fields.size(), 4u);
  EXPECT_TRUE(s.requests[1].none);
  ASSERT_EQ(s.session.size(), 3u);
  EXPECT_EQ(s.session[1].match.kind, Match::Kind::Unset);
  EXPECT_TRUE(s.end_reason);
  EXPECT_EQ(s.modules.size(), 3u);
}

TEST(ScenarioParser, IsoTimes) {
  EXPECT_EQ(parse_iso_time("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_iso_time("1970-01-01T01:00+01:00"), 0);
  EXPECT_EQ(parse_iso_time("2030-01-07T10:00:00Z"), kDefaultStartMs);
  EXPECT_EQ(parse_iso_time("1970-01-01T00:00:01.25Z"), 1250);
  EXPECT_FALSE(parse_iso_time("2030-13-07T10:00:00Z"));
  EXPECT_FALSE(parse_iso_time("tomorrow"));
}

TEST(ScenarioParser, MatchKinds) {
  Match eq{Match::Kind::Equals, 3, {}};
  EXPECT_TRUE(eq.matches(3.0));
  EXPECT_FALSE(eq.matches("3"));
  Match sub{Match::Kind::JsonContains, {{"a", {{"b", 1}}}, {"l", {2}}}, {}};
  EXPECT_TRUE(sub.matches({{"a", {{"b", 1}, {"c", 2}}}, {"l", {1, 2, 3}}, {"z", 0}}));
  EXPECT_FALSE(sub.matches({{"a", {{"b", 2}}}, {"l", {2}}}));
  Match re{Match::Kind::Regex, "^T-[0-9]+$", {}};
  EXPECT_TRUE(re.matches("T-42"));
  EXPECT_FALSE(re.matches("T-x"));
  EXPECT_FALSE(re.matches(nullptr));
  Match has{Match::Kind::Contains, "lo", {}};
  EXPECT_TRUE(has.matches("hello"));
  Match unset{Match::Kind::Unset, nullptr, {}};
  EXPECT_TRUE(unset.matches(nullptr));
  EXPECT_FALSE(unset.matches(""));
}

// Every FL5xx code, each from a small bad file.
TEST(ScenarioParser, EveryTestCodeHasAnInput) {
  const std::string head = "flow \"t.flow\"\nscenario \"s\"\n  call from \"+491\"\n";
  EXPECT_TRUE(has(*parse(head + "  expect play @\n"), "FL501"));
  EXPECT_TRUE(has(*parse(head + "  expect say\n  shout \"x\"\n"), "FL502"));
  EXPECT_TRUE(has(*parse("scenario \"s\"\n  call from \"+491\"\n  expect hangup\n"), "FL503"));
  EXPECT_TRUE(has(*load("flow \"lib.flow\"\n" + head.substr(14) + "  expect hangup\n"), "FL504"));
  EXPECT_TRUE(has(*load(head + "  expect modules main nowhere\n"), "FL505"));
  EXPECT_TRUE(has(*load(head + "  mock lookup status 200\n  expect hangup\n"), "FL506"));
  EXPECT_TRUE(has(*load(head + "  expect session ivr.emial unset\n"), "FL507"));
  EXPECT_TRUE(has(*parse(head + "  press \"1\"\n"), "FL508"));
  EXPECT_TRUE(has(*parse("flow \"t.flow\"\nscenario \"s\"\n  expect hangup\n"), "FL509"));
  EXPECT_TRUE(has(*parse(head + "  wait 3 parsecs\n  expect hangup\n"), "FL510"));
  EXPECT_TRUE(has(*parse(head + "  mock look status 99\n  expect hangup\n"), "FL510"));
  EXPECT_TRUE(has(*parse(head + "  expect hangup\n" + head.substr(14) + "  expect hangup\n"), "FL511"));
  EXPECT_TRUE(has(*parse("flow \"t.flow\"\n"), "FL512"));
  EXPECT_TRUE(has(*load(head + "  expect cti CONNECTED agent \"user101\"\n"), "FL513"));
}

TEST(ScenarioParser, CtiExpectations) {
  const std::string head = "flow \"t.flow\"\nscenario \"s\"\n  call from \"+491\"\n";
  auto p = parse(head + "  expect cti CONNECTED agent \"user101\" number \"491\" reason matches \"^10\"\n" +
                 "  expect cti DISCONNECTED\n  expect no cti\n");
  EXPECT_TRUE(p->codes().empty()) << p->text();
  ASSERT_EQ(p->file.scenarios.size(), 1u);
  const auto& cti = p->file.scenarios[0].cti;
  ASSERT_EQ(cti.size(), 3u);
  EXPECT_EQ(cti[0].status, "CONNECTED");
  ASSERT_EQ(cti[0].fields.size(), 3u);
  EXPECT_EQ(cti[0].fields[2].first, "reason");
  EXPECT_EQ(cti[0].fields[2].second.kind, Match::Kind::Regex);
  EXPECT_EQ(cti[1].status, "DISCONNECTED");
  EXPECT_TRUE(cti[2].none);

  auto bad =
      parse(head + "  expect cti ANSWERED\n  expect cti CONNECTED queue \"x\"\n  expect no cti CONNECTED\n");
  std::string text = bad->text();
  EXPECT_NE(text.find("t.flowtest:4:14: error: unknown CTI status 'ANSWERED' (CONNECTED or DISCONNECTED)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("t.flowtest:5:24: error: unknown part of a CTI message: 'queue'"), std::string::npos)
      << text;
  EXPECT_NE(text.find("t.flowtest:6:17: error: 'expect no cti' takes nothing more"), std::string::npos)
      << text;

  // kFlow has no `cti` declaration: a CTI expectation could never pass.
  auto none = load(head + "  expect cti CONNECTED\n");
  EXPECT_NE(none->text().find("t.flowtest:4:3: error: flow 't' has no 'cti' declaration"), std::string::npos)
      << none->text();
  EXPECT_TRUE(load(head + "  expect no cti\n")->codes().empty()) << load(head + "  expect no cti\n")->text();
}

TEST(ScenarioParser, EveryBadLineIsReportedWithItsPosition) {
  auto p = parse(
      "flow \"t.flow\"\nscenario \"s\"\n  call from \"+491\"\n  press \"12a\"\n  expect say matches \"(\"\n"
      "  mock x\n  expect hangup\n");
  auto codes = p->codes();
  EXPECT_EQ(codes.size(), 3u) << p->text();
  std::string text = p->text();
  EXPECT_NE(text.find("t.flowtest:4:9: error: '12a' is not a key sequence"), std::string::npos) << text;
  EXPECT_NE(text.find("t.flowtest:5:22: error: invalid regular expression"), std::string::npos) << text;
  EXPECT_NE(text.find("t.flowtest:6:9: error: a mock needs a response"), std::string::npos) << text;
}

TEST(ScenarioParser, GarbageNeverCrashes) {
  for (std::string s :
       {std::string("\xff\xfe"), std::string("{{{{"), std::string("\"abc"), std::string("expect"),
        std::string("flow"), std::string("scenario \"a\"\nexpect modules\n")}) {
    auto p = parse(s);
    EXPECT_TRUE(p->diags.has_errors()) << s;
  }
}

}  // namespace
}  // namespace flowc::flowtest
