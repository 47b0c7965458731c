// Lowering: each module kind becomes a state whose IR verifies, with the
// right edges and the right command; the dump is stable.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::compile_source;
using test::rendered;

// Compiles a clean flow and returns its IR (failing the test if it does not
// check or does not verify).
std::unique_ptr<ir::Flow> lower_clean(const std::string& source) {
  Compilation c = compile_source(source);
  EXPECT_TRUE(c.ok()) << rendered(c);
  if (!c.flow) return nullptr;
  auto problems = ir::verify(*c.flow);
  EXPECT_TRUE(problems.empty()) << problems[0] << "\n" << ir::dump(*c.flow);
  return std::move(c.flow);
}

std::vector<std::string> state_names(const ir::Flow& f) {
  std::vector<std::string> out;
  for (const auto& s : f.states) out.push_back(s.name);
  return out;
}

// "label -> target" for each edge of a state.
std::vector<std::string> edges_of(const ir::Flow& f, const std::string& state) {
  std::vector<std::string> out;
  for (const auto& s : f.states)
    if (s.name == state)
      for (const auto& e : s.edges) out.push_back(e.label + " -> " + f.states[e.target].name);
  return out;
}

size_t count_emits(const ir::Flow& f, ir::CommandKind kind) {
  size_t n = 0;
  for (const auto& b : f.blocks)
    for (const auto& i : b.instrs) n += i.op == ir::InstrOp::Emit && i.command == kind;
  return n;
}

using Edges = std::vector<std::string>;

struct KindCase {
  const char* name;
  const char* main;  // the module `main` (and what it needs), then `other` and `done` exist
  const char* kind;
  Edges edges;
  std::optional<ir::CommandKind> command;
};

const KindCase kKinds[] = {
    {"play",
     "module main = play \"a.wav\" on error -> other next done",
     "play",
     {"on error -> other", "next -> done"},
     ir::CommandKind::Play},
    {"say",
     "module main = say \"Hi {call.from}\" voice \"anna\" next done",
     "say",
     {"next -> done"},
     ir::CommandKind::Say},
    {"input",
     "module main = input digits 4 into pin prompt \"PIN\" on timeout -> other on invalid -> other next done",
     "input",
     {"on timeout -> other", "on invalid -> other", "next -> done"},
     ir::CommandKind::Collect},
    {"menu",
     "module main = menu \"Press\" { 1 -> done \"#\" -> other } on invalid -> other",
     "menu",
     {"1 -> done", "# -> other", "on invalid -> other"},
     ir::CommandKind::Collect},
    {"switch",
     "expect ivr.vip: bool\ntrigger vip = ivr.vip == true\n"
     "module main = switch { when vip -> other when call.from == \"x\" -> done after -> done }",
     "switch",
     {"when vip -> other", "when (== call.from \"x\") -> done", "after -> done"},
     std::nullopt},
    {"queue",
     "module main = queue \"support\" reason \"1084CC0B\" timeout 1m on timeout -> other",
     "queue",
     {"on timeout -> other"},
     ir::CommandKind::Enqueue},
    {"transfer",
     "module main = transfer \"+4940111\" on error -> other",
     "transfer",
     {"on error -> other"},
     ir::CommandKind::Transfer},
    {"hangup", "module main = hangup", "hangup", {}, ir::CommandKind::Hangup},
    {"pause", "module main = pause 2s next done", "pause", {"next -> done"}, ir::CommandKind::Pause},
    {"set", "module main = set app.x = 1, app.y = \"z\" next done", "set", {"next -> done"}, std::nullopt},
    {"email",
     "module main = email to \"a@b.example\" subject \"S\" body \"B\" on error -> other next done",
     "email",
     {"on error -> other", "next -> done"},
     std::nullopt},
    {"http",
     "module main = http post \"https://x.example/{call.id}\" json { id: call.id } timeout 2s "
     "map ivr.name = response.name\n  on error -> other next done",
     "http",
     {"on error -> other", "next -> done"},
     std::nullopt},
};

void PrintTo(const KindCase& k, std::ostream* os) {
  *os << k.name;
}

class LowerKind : public ::testing::TestWithParam<KindCase> {};

std::string flow_for(const KindCase& k) {
  return std::string("flow t\nstart main\n") + k.main + "\nmodule other = hangup\nmodule done = hangup\n";
}

TEST_P(LowerKind, VerifiesWithTheRightStatesAndEdges) {
  const KindCase& k = GetParam();
  auto f = lower_clean(flow_for(k));
  ASSERT_TRUE(f);
  EXPECT_EQ(state_names(*f), (std::vector<std::string>{"main", "other", "done"}));
  EXPECT_EQ(f->states[f->start_state].name, "main");
  EXPECT_EQ(f->states[0].kind, k.kind);
  EXPECT_EQ(edges_of(*f, "main"), k.edges);
  EXPECT_TRUE(edges_of(*f, "other").empty());
  if (k.command) {
    size_t expected = *k.command == ir::CommandKind::Hangup ? 3 : 1;  // other and done hang up too
    EXPECT_EQ(count_emits(*f, *k.command), expected) << ir::dump(*f);
  }
}

TEST_P(LowerKind, DumpIsStable) {
  const KindCase& k = GetParam();
  auto a = lower_clean(flow_for(k));
  auto b = lower_clean(flow_for(k));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(ir::dump(*a), ir::dump(*b));
  EXPECT_FALSE(ir::dump(*a).empty());
}

INSTANTIATE_TEST_SUITE_P(Ir, LowerKind, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<KindCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(Lower, HttpAndEmailBecomeAutomations) {
  auto f = lower_clean(
      "flow t\nstart main\nexpect ivr.email: string\n"
      "module main = http post \"https://x.example\" json { a: 1 } timeout 2s retries 2 map ivr.name = "
      "response.n "
      "next mail\n"
      "module mail = email to ivr.email subject \"S\" body \"B\" next bye\nmodule bye = hangup\n");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->automations.size(), 2u);
  const ir::Automation& http = f->automations[0];
  EXPECT_EQ(http.kind, ir::ActionKind::Http);
  EXPECT_EQ(http.method, "POST");
  EXPECT_EQ(http.timeout_ms, 2000u);
  EXPECT_EQ(http.retries, 2u);
  EXPECT_TRUE(http.has_json);
  ASSERT_EQ(http.maps.size(), 1u);
  EXPECT_EQ(f->slots[http.maps[0].slot].name, "ivr.name");
  EXPECT_EQ(http.maps[0].path, (std::vector<std::string>{"n"}));
  EXPECT_EQ(f->automations[1].kind, ir::ActionKind::Email);
}

TEST(Lower, NamedAutomationsAndTheirAttachments) {
  auto f = lower_clean(
      "flow t\nstart main\ntrigger ready = call.id is set\n"
      "automation a = get \"https://x.example\" on call start\n"
      "automation b = get \"https://x.example\" on call end\n"
      "automation c = get \"https://x.example\" when ready\n"
      "module main = hangup\n");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->automations.size(), 3u);
  EXPECT_TRUE(f->automations[0].on_call_start);
  EXPECT_TRUE(f->automations[1].on_call_end);
  EXPECT_EQ(f->automations[2].when_trigger, 0);
  // The call starts by starting the call-start automation.
  bool starts = false;
  for (const auto& i : f->blocks[f->start_block].instrs)
    starts |= i.op == ir::InstrOp::StartAutomation && i.index == 0;
  EXPECT_TRUE(starts) << ir::dump(*f);
}

TEST(Lower, FixedCallSlotsComeFirst) {
  auto f = lower_clean(
      "flow t\nstart main\nexpect ivr.tier: \"gold\" | \"silver\" secret\n"
      "module main = switch { when ivr.tier == \"gold\" -> bye after -> bye }\nmodule bye = hangup\n");
  ASSERT_TRUE(f);
  ASSERT_GE(f->slots.size(), ir::kFixedSlots + 1);
  EXPECT_EQ(f->slots[ir::kSlotCallId].name, "call.id");
  EXPECT_EQ(f->slots[ir::kSlotCallFrom].name, "call.from");
  EXPECT_EQ(f->slots[ir::kSlotCallTo].name, "call.to");
  EXPECT_EQ(f->slots[ir::kSlotCallStartedAt].name, "call.started_at");
  int32_t tier = f->slot_of("ivr.tier");
  ASSERT_GE(tier, 0);
  EXPECT_TRUE(f->slots[tier].declared);
  EXPECT_TRUE(f->slots[tier].secret);
  EXPECT_EQ(f->slots[tier].enum_values, (std::vector<std::string>{"gold", "silver"}));
}

TEST(Lower, HeaderFields) {
  auto f = lower_clean(
      "flow t\nstart main\nnumbers \"+4940999\"\ntimezone \"Europe/Berlin\"\n"
      "cti nexj \"https://crm.example.com/rpc\"\nmodule main = hangup\n");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->name, "t");
  EXPECT_EQ(f->numbers, (std::vector<std::string>{"+4940999"}));
  EXPECT_EQ(f->time_zone, "Europe/Berlin");
  EXPECT_EQ(f->cti_protocol, "nexj");
  EXPECT_EQ(f->cti_endpoint, "https://crm.example.com/rpc");
}

TEST(Lower, TheExamplesLowerAndVerify) {
  for (const char* path : {"/examples/order_status/order_status.flow"}) {
    test::MemoryFileSystem fs;
    std::ifstream in(std::string(FLOWC_SOURCE_DIR) + path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto f = lower_clean(ss.str());
    ASSERT_TRUE(f) << path;
    EXPECT_EQ(f->name, "order_status");
    EXPECT_EQ(f->states[f->start_state].name, "welcome");
  }
}

TEST(Verify, FindsBrokenIr) {
  auto f = lower_clean("flow t\nstart main\nmodule main = say \"x\" next bye\nmodule bye = hangup\n");
  ASSERT_TRUE(f);
  ir::Flow& g = *f;
  g.blocks[g.start_block].term.op = ir::TermOp::Jump;
  g.blocks[g.start_block].term.target = static_cast<uint32_t>(g.blocks.size() + 5);
  EXPECT_FALSE(ir::verify(g).empty());
}

TEST(Verify, FindsAWriteToACallSlot) {
  auto f = lower_clean("flow t\nstart main\nmodule main = set app.x = 1 next bye\nmodule bye = hangup\n");
  ASSERT_TRUE(f);
  for (auto& b : f->blocks)
    for (auto& i : b.instrs)
      if (i.op == ir::InstrOp::SetSlot) i.slot = ir::kSlotCallFrom;
  EXPECT_FALSE(ir::verify(*f).empty());
}

}  // namespace
}  // namespace flowc
