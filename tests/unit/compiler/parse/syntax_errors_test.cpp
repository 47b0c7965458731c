// Syntax errors: our wording (never ANTLR's own messages), the location of
// each error, and recovery that gives one error per broken definition.
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::parse_source;

// Phrases of ANTLR's default error messages; none may ever reach a user.
constexpr const char* kAntlrPhrases[] = {"mismatched input",  "extraneous",    "no viable alternative",
                                         "token recognition", "missing IDENT", "<EOF>",
                                         "expecting {"};

void expect_our_wording(const std::vector<std::string>& messages, const std::string& context) {
  for (const auto& m : messages)
    for (const char* phrase : kAntlrPhrases)
      EXPECT_EQ(m.find(phrase), std::string::npos) << "ANTLR wording '" << phrase << "' in: " << m << "\n"
                                                   << context;
}

size_t error_count(const test::Parsed& p) {
  size_t n = 0;
  for (const auto& d : p.diags.all()) n += d.severity == Severity::Error;
  return n;
}

struct Broken {
  const char* name;
  const char* source;
  const char* message;  // the first (and only) error
  const char* where;    // "line:col" of it
};

void PrintTo(const Broken& b, std::ostream* os) {
  *os << b.name;
}

class BrokenDefinition : public ::testing::TestWithParam<Broken> {};

// Each source has exactly one broken definition among good ones: exactly one
// error, worded our way, at the right place.
TEST_P(BrokenDefinition, GivesOneErrorInOurWords) {
  const Broken& b = GetParam();
  auto p = parse_source(b.source);
  ASSERT_EQ(error_count(*p), 1u) << p->text();
  const Diagnostic d = p->diags.sorted()[0];
  EXPECT_EQ(d.message, b.message) << p->text();
  LineCol lc = p->sources.file(1).line_col(d.range.begin);
  EXPECT_EQ(std::to_string(lc.line) + ":" + std::to_string(lc.col), b.where) << p->text();
  expect_our_wording(p->messages(), p->text());
}

const Broken kBroken[] = {
    {"misspelt_module_kind", "flow x\nmodule a = hangpu\nmodule b = hangup\n",
     "unexpected 'hangpu'; expected a module kind (play, say, input, menu, switch, queue, transfer, hangup, "
     "pause, set, email, http)",
     "2:12"},
    {"missing_module_kind", "flow x\nmodule b = \nmodule c = hangup\n",
     "expected a module kind (play, say, input, menu, switch, queue, transfer, hangup, pause, set, email, "
     "http) "
     "after '='",
     "2:11"},
    {"next_without_target", "flow x\nmodule a = play \"x\" next\nmodule c = hangup\n",
     "expected a name after 'next'", "2:25"},
    {"play_without_argument", "flow x\nmodule a = play\n  next c\nmodule c = hangup\n",
     "unexpected 'next'; expected an expression", "3:3"},
    {"comparison_without_right_side", "flow x\ntrigger t = ivr.a ==\nmodule a = hangup\n",
     "expected an expression after '=='", "2:21"},
    {"unclosed_parenthesis", "flow x\ntrigger t = (ivr.a == 1\nmodule a = hangup\n", "expected ')' after '1'",
     "2:24"},
    {"stray_closing_parenthesis", "flow x\ntrigger t = ivr.a == 1)\nmodule a = hangup\n",
     "unexpected ')'; expected a definition (flow, start, module, trigger, automation, let, expect, import, "
     "numbers, timezone, cti)",
     "2:23"},
    {"branch_without_target",
     "flow x\nmodule a = switch {\n  when ivr.a -> \n  after -> b\n}\nmodule b = hangup\n",
     "missing a name before 'after'", "4:3"},
    {"branch_without_when", "flow x\nmodule a = switch {\n  ivr.a -> b\n  after -> b\n}\nmodule b = hangup\n",
     "unexpected 'ivr'; expected 'when', '}' or 'after'", "3:3"},
    {"menu_choice_without_arrow", "flow x\nmodule a = menu \"p\" {\n  1 b\n}\nmodule b = hangup\n",
     "missing '->' before 'b'", "3:5"},
    {"json_field_without_value", "flow x\nautomation z = post \"http://x\" json { a: }\nmodule a = hangup\n",
     "unexpected '}'; expected a JSON value", "2:42"},
    {"json_object_not_closed", "flow x\nautomation z = post \"http://x\" json { a: 1 \nmodule a = hangup\n",
     "expected ',' or '}' after '1'", "2:43"},
    {"expect_without_colon", "flow x\nexpect ivr.a string\nmodule a = hangup\n",
     "missing ':' before 'string'", "2:14"},
    {"expect_without_type", "flow x\nexpect ivr.a:\nmodule a = hangup\n",
     "expected a name or a string after ':'", "2:14"},
    {"start_without_name", "flow x\nstart\nmodule a = hangup\n", "expected a name after 'start'", "2:6"},
    {"flow_without_name", "flow\nstart a\nmodule a = hangup\n", "expected a name after 'flow'", "1:5"},
    {"let_without_name", "flow x\nlet = 3\nmodule a = hangup\n", "missing a name before '='", "2:5"},
    {"stray_braces", "flow x\n}}}}\nmodule a = hangup\n",
     "unexpected '}'; expected a definition (flow, start, module, trigger, automation, let, expect, import, "
     "numbers, timezone, cti)",
     "2:1"},
    {"pause_without_duration", "flow x\nmodule a = pause\n  next b\nmodule b = hangup\n",
     "missing a duration before 'next'", "3:3"},
    {"broken_template_hole", "flow x\nmodule a = say \"{ivr.a ==}\"\n  next b\nmodule b = hangup\n",
     "expected an expression after '=='", "2:26"},
    {"import_without_path", "flow x\nimport\nmodule a = hangup\n", "expected a string after 'import'", "2:7"},
    {"numbers_without_number", "flow x\nnumbers\nmodule a = hangup\n", "expected a string after 'numbers'",
     "2:8"},
    {"cti_without_endpoint", "flow x\ncti nexj\nmodule a = hangup\n", "expected an expression after 'nexj'",
     "2:9"},
    {"automation_without_action", "flow x\nautomation z = \nmodule a = hangup\n",
     "expected 'set', 'email' or a name after '='", "2:15"},
    {"on_call_without_event", "flow x\nautomation z = post \"http://x\" on call\nmodule a = hangup\n",
     "expected 'start' or 'end' after 'call'", "2:39"},
    {"hours_without_end", "flow x\ntrigger t = now in 09:00\nmodule a = hangup\n",
     "expected '-' after '09:00'", "2:25"},
    {"list_not_closed", "flow x\ntrigger t = ivr.a in [1, \nmodule a = hangup\n",
     "expected an expression after ','", "2:25"},
    {"broken_hole_parenthesis", "flow x\nmodule a = say \"{(}\"\n", "expected an expression after '('",
     "2:19"},
    {"truncated_after_equals", "flow x\nmodule a =",
     "expected a module kind (play, say, input, menu, switch, queue, "
     "transfer, hangup, pause, set, email, http) after '='",
     "2:11"},
};

INSTANTIATE_TEST_SUITE_P(Recovery, BrokenDefinition, ::testing::ValuesIn(kBroken),
                         [](const ::testing::TestParamInfo<Broken>& info) {
                           return std::string(info.param.name);
                         });

TEST(SyntaxErrors, OneErrorPerBrokenDefinitionInOneFile) {
  auto p = parse_source(R"(flow x
start a
module a = play "a.wav"
  next b
module b = hangpu
module c = say "ok"
  next a
trigger t = ivr.x ==
trigger u = ivr.y is set
automation z = post "https://x" json { a: }
module d = switch {
  when u -> a
  after -> a
}
)");
  EXPECT_EQ(error_count(*p), 3u) << p->text();
  // The good definitions around the broken ones are all there.
  std::vector<std::string> modules;
  for (const auto& m : p->file->modules) modules.push_back(m.name);
  EXPECT_EQ(modules, (std::vector<std::string>{"a", "b", "c", "d"}));
  // The broken trigger keeps what could be parsed of it.
  ASSERT_EQ(p->file->triggers.size(), 2u);
  EXPECT_EQ(p->file->triggers[1].name, "u");
  expect_our_wording(p->messages(), p->text());
}

TEST(SyntaxErrors, StrayCharactersAreReportedOnceEach) {
  auto p = parse_source("flow x @ $\nstart a\n");
  ASSERT_EQ(p->diags.all().size(), 2u) << p->text();
  EXPECT_EQ(p->messages()[0], "unexpected character '@'");
  EXPECT_EQ(p->messages()[1], "unexpected character '$'");
}

TEST(SyntaxErrors, InvisibleCharactersAreNamedByCodePoint) {
  auto p = parse_source("flow x\x1b\nstart a\xE2\x80\x8B\n");
  ASSERT_EQ(p->diags.all().size(), 2u) << p->text();
  EXPECT_EQ(p->messages()[0], "unexpected character 'U+001B'");
  EXPECT_EQ(p->messages()[1], "unexpected character 'U+200B'");
}

TEST(SyntaxErrors, UnterminatedStringThenTheRestParses) {
  auto p = parse_source("flow x\nmodule a = say \"hello\n  next b\nmodule b = hangup\n");
  ASSERT_EQ(p->diags.all().size(), 1u) << p->text();
  EXPECT_EQ(std::string(p->diags.all()[0].code()), "FL005");
  EXPECT_EQ(p->file->modules.size(), 2u);
}

TEST(SyntaxErrors, InvalidUtf8IsOneErrorPerRun) {
  auto p = parse_source(
      "flow x\nmodule a = say \"Gr\xfc\xdf"
      "e\" next b\nmodule b = say \"\xff\" next a\n");
  ASSERT_EQ(p->diags.all().size(), 2u) << p->text();
  for (const auto& d : p->diags.all()) EXPECT_EQ(std::string(d.code()), "FL003");
  EXPECT_EQ(p->file->modules.size(), 2u);
}

TEST(SyntaxErrors, BinaryGarbageIsOneError) {
  std::mt19937 rng(42);
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>(rng() & 0xFF));
  auto p = parse_source(garbage);
  ASSERT_EQ(p->diags.all().size(), 1u) << p->text();
  EXPECT_EQ(std::string(p->diags.all()[0].code()), "FL003");
  ASSERT_EQ(p->diags.all()[0].notes.size(), 1u);
  EXPECT_NE(p->diags.all()[0].notes[0].message.find("does not look like a UTF-8 text file"),
            std::string::npos);
}

TEST(SyntaxErrors, Utf16IsNotText) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("flow x\nstart a\nmodule a = hangup\n")) utf16 += std::string{c, '\0'};
  auto p = parse_source(utf16);
  ASSERT_EQ(p->diags.all().size(), 1u) << p->text();
  EXPECT_EQ(std::string(p->diags.all()[0].code()), "FL003");
}

TEST(SyntaxErrors, ErrorLimitStopsTheParser) {
  std::string many = "flow x\n";
  for (int i = 0; i < 300; ++i) many += "module m" + std::to_string(i) + " = hangpu\n";
  auto p = parse_source(many);
  auto sorted = p->diags.sorted();
  ASSERT_EQ(sorted.size(), DiagnosticEngine::kDefaultErrorLimit + 1) << p->text();
  EXPECT_EQ(std::string(sorted.back().code()), "FL009");
}

// Mutations of a real flow (a token deleted, duplicated or swapped with the
// next one, a random character inserted): whatever the parser makes of it,
// every message is ours.
TEST(SyntaxErrors, MutatedFlowsNeverShowAntlrWording) {
  std::ifstream in(FLOWC_SOURCE_DIR "/examples/order_status/order_status.flow");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string original = ss.str();
  ASSERT_FALSE(original.empty());
  std::vector<std::pair<size_t, size_t>> words;  // [begin, end) of whitespace-separated words
  for (size_t i = 0; i < original.size();) {
    while (i < original.size() && std::isspace(static_cast<unsigned char>(original[i]))) ++i;
    size_t b = i;
    while (i < original.size() && !std::isspace(static_cast<unsigned char>(original[i]))) ++i;
    if (i > b) words.emplace_back(b, i);
  }
  std::mt19937 rng(7);
  const std::string junk = "{}()[],:=->\"'@#*.|!<>+-/%";
  for (int round = 0; round < 400; ++round) {
    std::string s = original;
    auto [b, e] = words[rng() % words.size()];
    switch (round % 4) {
      case 0: s.erase(b, e - b); break;
      case 1: s.insert(b, original.substr(b, e - b) + " "); break;
      case 2: s.insert(b, 1, junk[rng() % junk.size()]); break;
      case 3: s.erase(e, std::min<size_t>(rng() % 40, s.size() - e)); break;
    }
    auto p = parse_source(s);
    expect_our_wording(p->messages(), p->text());
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace flowc
