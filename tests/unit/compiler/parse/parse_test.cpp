// The parser on valid input: every grammar construct of grammar/Flow.g4
// becomes the expected AST, checked through the stable `ast::dump`.
#include <gtest/gtest.h>

#include "compiler/ast/ast.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::parse_source;

// Parses `source`, expects no diagnostics, returns the dump.
std::string dump_of(const std::string& source) {
  auto p = parse_source(source);
  EXPECT_EQ(p->diags.all().size(), 0u) << p->text();
  return ast::dump(*p->file);
}

struct Case {
  const char* name;
  const char* source;
  const char* dump;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class Construct : public ::testing::TestWithParam<Case> {};

TEST_P(Construct, ParsesToItsDump) {
  EXPECT_EQ(dump_of(GetParam().source), GetParam().dump);
}

// One case per construct; each source is a fragment of a file (the parser
// does not need a complete flow).
const Case kCases[] = {
    // ---- items
    {"flow_and_start", "flow order_status\nstart welcome\n", "flow order_status\nstart welcome\n"},
    {"numbers", "numbers \"+4940999\", \"+4930123\"", "number \"+4940999\"\nnumber \"+4930123\"\n"},
    {"import", "import \"shared/triggers.flow\"", "import \"shared/triggers.flow\"\n"},
    {"timezone", "timezone \"Europe/Berlin\"", "timezone \"Europe/Berlin\"\n"},
    {"cti_with_options", "cti nexj \"https://crm.example/rpc\" timeout 2s retries 1",
     "cti nexj \"https://crm.example/rpc\"\n  option timeout (duration 2s)\n  option retries 1\n"},
    {"let_env", "let crm = env(\"CRM_URL\", \"http://x\")",
     "let crm = (call env \"CRM_URL\" \"http://x\")\n"},
    {"expect_named_secret", "expect ivr.email: string secret", "expect ivr.email: string secret\n"},
    {"expect_enum", "expect ivr.tier: \"gold\" | \"silver\"", "expect ivr.tier: \"gold\" | \"silver\"\n"},
    {"trigger", "trigger found = ivr.email is set", "trigger found = (is-set ivr.email)\n"},
    {"comments", "// line\n/* block\n comment */ flow x // after\n", "flow x\n"},

    // ---- automations and their attachments
    {"automation_http",
     "automation a = post \"https://x.example/{call.id}\" header \"X-Key\": \"k\" json { a: 1 } "
     "timeout 2s retries 1 map ivr.name = response.customer.name",
     "automation a = http post (template \"https://x.example/\" {call.id})\n"
     "  option header \"X-Key\": \"k\"\n  option json {a: 1}\n  option timeout (duration 2s)\n"
     "  option retries 1\n  option map ivr.name = response.customer.name\n"},
    {"automation_email", "automation a = email to ivr.email subject \"S\" body \"B\"",
     "automation a = email to ivr.email\n  option subject \"S\"\n  option body \"B\"\n"},
    {"automation_set", "automation a = set ivr.x = 1, app.y = \"z\"",
     "automation a = set\n  ivr.x = 1\n  app.y = \"z\"\n"},
    {"automation_ref", "automation a = other", "automation a = ref other\n"},
    {"attachments", "automation a = get \"https://x.example\"\n  on call start\n  on call end\n  when t",
     "automation a = http get \"https://x.example\"\n  attach call start\n  attach call end\n  attach when "
     "t\n"},

    // ---- module kinds
    {"play", "module m = play \"a.wav\"", "module m = play \"a.wav\"\n"},
    {"say_options", "module m = say \"Hi\" voice \"anna\" language \"en\"",
     "module m = say \"Hi\"\n  option voice \"anna\"\n  option language \"en\"\n"},
    {"input", "module m = input digits 4 into pin prompt \"PIN\" timeout 5s",
     "module m = input\n  option digits 4\n  option into pin\n  option prompt \"PIN\"\n  option timeout "
     "(duration 5s)\n"},
    {"menu", "module m = menu \"Press\" {\n  1 -> a,\n  \"*\" -> b\n  \"#\" -> c\n} timeout 5s retries 2",
     "module m = menu \"Press\"\n  option timeout (duration 5s)\n  option retries 2\n"
     "  choice \"1\" -> a\n  choice \"*\" -> b\n  choice \"#\" -> c\n"},
    {"switch", "module m = switch {\n  when t -> a\n  when call.from == \"x\" -> b\n  after -> c\n}",
     "module m = switch\n  when t -> a\n  when (== call.from \"x\") -> b\n  after -> c\n"},
    {"queue", "module m = queue \"support\" reason \"1084CC0B\" priority 1",
     "module m = queue \"support\"\n  option reason \"1084CC0B\"\n  option priority 1\n"},
    {"transfer", "module m = transfer \"+4940111\" timeout 20s",
     "module m = transfer \"+4940111\"\n  option timeout (duration 20s)\n"},
    {"hangup", "module m = hangup", "module m = hangup\n"},
    {"pause", "module m = pause 2s", "module m = pause (duration 2s)\n"},
    {"set", "module m = set ivr.x = 2, app.y = true",
     "module m = set\n  action set\n    ivr.x = 2\n    app.y = true\n"},
    {"email", "module m = email to \"a@b.example\" subject \"S\" body \"B\"",
     "module m = email\n  action email to \"a@b.example\"\n    option subject \"S\"\n    option body "
     "\"B\"\n"},
    {"http", "module m = http get \"https://x.example\" timeout 1s",
     "module m = http\n  action http get \"https://x.example\"\n    option timeout (duration 1s)\n"},

    // ---- clauses
    {"clauses",
     "module m = play \"a.wav\"\n  on enter lookup\n  on exit set app.left = true\n  wait lookup up to 2s\n"
     "  on timeout -> b\n  next c",
     "module m = play \"a.wav\"\n  on enter ref lookup\n  on exit set\n    app.left = true\n"
     "  wait lookup up to 2s\n  on timeout -> b\n  next c\n"},
    {"inline_hook_http",
     "module m = play \"a.wav\"\n  on enter post \"https://x.example\" json { id: call.id }",
     "module m = play \"a.wav\"\n  on enter http post \"https://x.example\"\n    option json {id: "
     "call.id}\n"},

    // ---- JSON bodies
    {"json_nested",
     "automation a = post \"https://x\" json { a: 1, \"b c\": [1, \"two\", { d: null }], end: call.id, }",
     "automation a = http post \"https://x\"\n  option json {a: 1, b c: [1, \"two\", {d: null}], end: "
     "call.id}\n"},
    {"json_empty", "automation a = post \"https://x\" json {}",
     "automation a = http post \"https://x\"\n  option json {}\n"},

    // ---- expressions
    {"precedence_arithmetic", "let n = -(1 + 2) * 3 / 4 % 5 - 6",
     "let n = (- (% (/ (* (- (+ 1 2)) 3) 4) 5) 6)\n"},
    {"precedence_logic", "trigger t = a or b and not c", "trigger t = (or a (and b (not c)))\n"},
    {"comparisons", "trigger t = a == 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6.5",
     "trigger t = (and (and (and (and (and (== a 1) (!= b 2)) (< c 3)) (<= d 4)) (> e 5)) (>= f 6.5))\n"},
    {"is_set_and_not_set", "trigger t = ivr.a is set and ivr.b is not set",
     "trigger t = (and (is-set ivr.a) (is-not-set ivr.b))\n"},
    {"in_and_not_in", "trigger t = ivr.n in [1, \"x\"] or ivr.n not in []",
     "trigger t = (or (in ivr.n 1 \"x\") (not-in ivr.n))\n"},
    {"matches", "trigger t = call.from matches \"^\\\\+49\"",
     "trigger t = (matches call.from \"^\\\\+49\")\n"},
    {"hours", "trigger t = now in mon-fri 09:00-17:00, sat 10:00-12:00, 00:00-01:00 \"UTC\"",
     "trigger t = (hours mon-fri 09:00-17:00 sat 10:00-12:00 00:00-01:00 \"UTC\")\n"},
    {"literals", "trigger t = true or false or null == 1.5",
     "trigger t = (or (or true false) (== null 1.5))\n"},
    {"keyword_path_segments", "trigger t = ivr.x.module.end is set",
     "trigger t = (is-set ivr.x.module.end)\n"},
    {"call_path", "trigger t = call.from == \"x\"", "trigger t = (== call.from \"x\")\n"},
    {"function_call", "trigger t = starts_with(digits(call.from), \"49\")",
     "trigger t = (call starts_with (call digits call.from) \"49\")\n"},
    {"parentheses", "trigger t = (a or b) and c", "trigger t = (and (or a b) c)\n"},
    {"duration_in_expression", "let d = 2s", "let d = (duration 2s)\n"},
    {"template_holes", "let u = \"{crm}/x?id={call.id}\"", "let u = (template {crm} \"/x?id=\" {call.id})\n"},
    {"template_literal_braces", "let u = \"{{not a hole}}\"", "let u = \"{not a hole}\"\n"},
    {"template_nested_string", "let u = \"{lower(\\\"ABC\\\")}\"",
     "let u = (template {(call lower \"ABC\")})\n"},
    {"escapes", "let s = \"a\\\"b\\\\c\\n\\t\\u00e9\"", "let s = \"a\\\"b\\\\c\\n\\té\"\n"},
    {"unicode_text", "module m = say \"Grüße, 日本\"", "module m = say \"Grüße, 日本\"\n"},
};

INSTANTIATE_TEST_SUITE_P(Grammar, Construct, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

TEST(Parse, TheOrderStatusExampleParsesClean) {
  auto p = parse_source(R"(flow order_status
start welcome
let crm = env("CRM_URL", "http://127.0.0.1:8081")
trigger customer_found = ivr.email is set
automation lookup_by_phone =
  post "{crm}/lookup" json { phone: call.from, call_id: call.id } timeout 2s
module welcome = play "audio/welcome.wav"
  on enter lookup_by_phone
  wait lookup_by_phone up to 2s
  next route_known
module route_known = switch {
  when customer_found -> agents
  after               -> agents
}
module agents = queue "premium_support" reason "1084CC0B"
)");
  EXPECT_TRUE(p->diags.all().empty()) << p->text();
  ASSERT_EQ(p->file->modules.size(), 3u);
  EXPECT_EQ(p->file->modules[0].name, "welcome");
  EXPECT_EQ(p->file->modules[1].kind, ast::ModuleKind::Switch);
  EXPECT_EQ(p->file->modules[2].kind, ast::ModuleKind::Queue);
}

TEST(Parse, EmptyFileIsAnEmptyLibrary) {
  auto p = parse_source("");
  EXPECT_TRUE(p->diags.all().empty());
  EXPECT_FALSE(p->file->is_flow());
  EXPECT_EQ(ast::dump(*p->file), "");
}

TEST(Parse, ByteOrderMarkIsIgnored) {
  auto p = parse_source(
      "\xEF\xBB\xBF"
      "flow x\n");
  EXPECT_TRUE(p->diags.all().empty()) << p->text();
  EXPECT_EQ(ast::dump(*p->file), "flow x\n");
}

TEST(Parse, RangesPointAtTheSource) {
  auto p = parse_source("flow x\nstart a\nmodule a = play \"x.wav\"\n  next b\n");
  ASSERT_EQ(p->file->modules.size(), 1u);
  const ast::Module& m = p->file->modules[0];
  const SourceFile& f = p->sources.file(1);
  EXPECT_EQ(f.slice(m.name_range.begin, m.name_range.end), "a");
  EXPECT_EQ(f.slice(m.kind_range.begin, m.kind_range.end), "play");
  ASSERT_EQ(m.clauses.size(), 1u);
  EXPECT_EQ(f.slice(m.clauses[0].target_range.begin, m.clauses[0].target_range.end), "b");
  EXPECT_EQ(f.line_col(m.clauses[0].target_range.begin).line, 4u);
  EXPECT_EQ(f.line_col(m.clauses[0].target_range.begin).col, 8u);
}

TEST(Parse, TemplateHoleRangesAreFileOffsets) {
  auto p = parse_source("let u = \"ab{call.id}\"\n");
  ASSERT_EQ(p->file->lets.size(), 1u);
  const ast::Expr& e = *p->file->lets[0].value;
  ASSERT_EQ(e.kind, ast::ExprKind::Template);
  ASSERT_EQ(e.parts.size(), 2u);
  ASSERT_TRUE(e.parts[1].expr);
  const SourceFile& f = p->sources.file(1);
  EXPECT_EQ(f.slice(e.parts[1].expr->range.begin, e.parts[1].expr->range.end), "call.id");
}

TEST(Parse, NestingUpToTheLimitParses) {
  std::string deep = "trigger t = " + std::string(60, '(') + "a" + std::string(60, ')') + "\n";
  auto p = parse_source(deep);
  EXPECT_TRUE(p->diags.all().empty()) << p->text();
  EXPECT_EQ(ast::dump(*p->file), "trigger t = a\n");
}

TEST(Parse, NestingOverTheLimitIsDiagnosedNotCrashed) {
  for (const char* open : {"(", "not ", "-", "["}) {
    std::string deep = "trigger t = ";
    for (int i = 0; i < 5000; ++i) deep += open;
    deep += "a\n";
    auto p = parse_source(deep);
    ASSERT_FALSE(p->diags.all().empty()) << open;
    EXPECT_EQ(std::string(p->diags.sorted()[0].code()), "FL008") << open << "\n" << p->text();
  }
}

TEST(Parse, NestingLimitIsConfigurable) {
  ParseLimits limits;
  limits.max_nesting = 3;
  auto p = parse_source("trigger t = ((((a))))\n", limits);
  ASSERT_EQ(p->diags.all().size(), 1u) << p->text();
  EXPECT_EQ(p->messages()[0], "expression is nested too deeply (the limit is 3)");
}

TEST(Parse, TokenLimit) {
  ParseLimits limits;
  limits.max_tokens = 10;
  auto p = parse_source("flow x\nstart a\nmodule a = hangup\n", limits);
  ASSERT_EQ(p->diags.all().size(), 1u) << p->text();
  EXPECT_EQ(std::string(p->diags.all()[0].code()), "FL011");
  EXPECT_EQ(p->messages()[0], "too many tokens in one file (the limit is 10)");
  EXPECT_TRUE(p->file->modules.empty());
  // 16 tokens (whitespace counts too) and the end of the file.
  limits.max_tokens = 17;
  EXPECT_TRUE(parse_source("flow x\nstart a\nmodule a = hangup\n", limits)->diags.all().empty());
}

TEST(Parse, FileSizeLimit) {
  ParseLimits limits;
  limits.max_file_bytes = 10;
  auto p = parse_source("flow a_rather_long_name\n", limits);
  ASSERT_EQ(p->diags.all().size(), 1u);
  EXPECT_EQ(std::string(p->diags.all()[0].code()), "FL002");
  EXPECT_EQ(p->messages()[0], "file is too large (24 bytes; the limit is 10)");
}

}  // namespace
}  // namespace flowc
