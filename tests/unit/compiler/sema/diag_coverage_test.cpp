// Every diagnostic code of compiler/diag/diag_codes.def (notes aside) is
// produced by some input of the table below. A new code without an input
// here fails DiagCoverage.EveryCodeHasAnInput.
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::flow_with;

struct CodeCase {
  const char* code;
  std::string source;  // main.flow
  std::vector<std::pair<std::string, std::string>> files = {};
  std::function<void(CompileOptions&)> options = nullptr;
  bool no_main = false;  // main.flow does not exist
};

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Codes that no input can produce, and why.
const std::map<std::string, std::string> kNotProducible = {
    {"FL999", "internal compiler error: reported only when a clean flow lowers to IR that does not verify"},
    // Test files are not flows: runtime/flowtest reports these, and
    // tests/unit/runtime/flowtest/scenario_parser_test.cpp has an input for each.
    {"FL501", "test files"},
    {"FL502", "test files"},
    {"FL503", "test files"},
    {"FL504", "test files"},
    {"FL505", "test files"},
    {"FL506", "test files"},
    {"FL507", "test files"},
    {"FL508", "test files"},
    {"FL509", "test files"},
    {"FL510", "test files"},
    {"FL511", "test files"},
    {"FL512", "test files"},
    {"FL513", "test files"},
};

std::vector<CodeCase> cases() {
  return {
      // ---- input and syntax
      {"FL001", "", {}, nullptr, /*no_main=*/true},
      {"FL002", flow_with(""), {}, [](CompileOptions& o) { o.limits.max_file_bytes = 10; }},
      {"FL003", flow_with("let s = \"\xff\"")},
      {"FL004", flow_with("let s = 1 @")},
      {"FL005", flow_with("let s = \"abc\n")},
      {"FL006", flow_with("let s = \"\\q\"")},
      {"FL007", flow_with("module b = hangpu")},
      {"FL008", flow_with("let n = (((1)))"), {}, [](CompileOptions& o) { o.limits.max_nesting = 2; }},
      {"FL009", flow_with("let n = 1 " + repeat("@ ", 101))},
      {"FL010", flow_with("let s = \"{\"")},
      {"FL011",
       flow_with("let a = 1\nlet b = 2"),
       {},
       [](CompileOptions& o) { o.limits.max_definitions = 3; }},
      // ---- structure and names
      {"FL101", "start main\nmodule main = hangup\n"},
      {"FL102", "flow t\nflow u\nstart main\nmodule main = hangup\n"},
      {"FL103", "flow t\nmodule main = hangup\n"},
      {"FL104", "flow t\nstart mian\nmodule main = hangup\n"},
      {"FL105", flow_with("module main = hangup")},
      {"FL106", flow_with("module a = say \"x\" next nowhere")},
      {"FL107", flow_with("automation a = get \"https://x.example\" when nothing")},
      {"FL108",
       "flow t\nstart main\nmodule main = play \"a.wav\" on enter nothing next bye\nmodule bye = hangup\n"},
      {"FL109", flow_with("trigger t = nothing")},
      {"FL110", flow_with("import \"missing.flow\"")},
      {"FL111", flow_with("import \"lib.flow\""), {{"lib.flow", "import \"main.flow\"\n"}}},
      {"FL112", flow_with("import \"lib.flow\""), {{"lib.flow", "module extra = hangup\n"}}},
      {"FL113", flow_with("trigger t = nothing(1) == 1")},
      {"FL114", flow_with("trigger t = lower(\"a\", \"b\") == \"a\"")},
      {"FL115", flow_with("module a = say \"x\" volume 3 next main")},
      {"FL116", flow_with("module a = say \"x\" voice \"a\" voice \"b\" next main")},
      {"FL117", flow_with("module a = input digits 4 prompt \"PIN\" next main")},
      {"FL118", flow_with("module a = say \"x\" on invalid -> main next main")},
      {"FL119", flow_with("module a = http fetch \"https://x.example\" next main")},
      {"FL120", "flow t\nstart main\nnumbers \"0401234\"\nmodule main = hangup\n"},
      {"FL121", "flow t\nstart main\nnumbers \"+4940999\", \"+4940999\"\nmodule main = hangup\n"},
      {"FL122", flow_with("expect ivr.x: text")},
      {"FL123", flow_with("expect ivr.x: string\nexpect ivr.x: number")},
      {"FL124", "flow t\nstart main\ntimezone \"Mars/Olympus_Mons\"\nmodule main = hangup\n"},
      {"FL125", flow_with("trigger t = now in mon-fry 09:00-17:00")},
      {"FL126", flow_with("module a = input digits 4 into \"pin\" prompt \"PIN\" next main")},
      {"FL127", "flow t\nstart main\ncti genesys \"https://x.example\"\nmodule main = hangup\n"},
      {"FL128", flow_with("automation a = get \"https://x.example\"\nautomation b = a")},
      {"FL129", flow_with("module a = http get \"x.example\" next main")},
      {"FL130", flow_with("trigger t = call.id is set\nmodule a = switch { after -> main } wait t up to 1s")},
      // ---- session variables
      {"FL201", flow_with("module a = set call.from = \"x\" next main")},
      {"FL202", flow_with("trigger t = call.form == \"x\"")},
      {"FL203", flow_with("trigger t = app.nothing == \"x\"")},
      {"FL204", flow_with("trigger t = ivr.undeclared == \"x\"")},
      {"FL205", flow_with("trigger t = session.x == \"x\"")},
      {"FL206", flow_with("module a = set ivr.x = response.x next main")},
      {"FL207", flow_with("expect app.x: string")},
      {"FL208", flow_with("expect ivr.n: number\nmodule a = set ivr.n = \"x\" next main")},
      // ---- expressions and types
      {"FL301", flow_with("module a = set app.n = 1 + true next main")},
      {"FL302", flow_with("expect ivr.b: bool\ntrigger t = ivr.b == \"yes\"")},
      {"FL303", flow_with("module a = pause 3d next main")},
      {"FL304", flow_with("trigger t = call.from matches \"(\"")},
      {"FL305", flow_with("trigger t = call.from")},
      {"FL306", flow_with("let a = call.from")},
      {"FL307", flow_with("module a = input digits 99 into pin prompt \"PIN\" next main")},
      // ---- the flow graph
      {"FL401", flow_with("module lost = hangup")},
      {"FL402",
       "flow t\nstart main\nexpect ivr.b: bool\nmodule main = switch { when ivr.b -> bye }\nmodule bye = "
       "hangup\n"},
      {"FL403", "flow t\nstart main\nmodule main = say \"x\"\n"},
      {"FL404", "flow t\nstart main\nmodule main = set app.n = 1 next main\n"},
      {"FL405",
       "flow t\nstart main\nmodule main = switch { when true -> bye when true -> bye after -> bye }\n"
       "module bye = hangup\n"},
      {"FL406",
       "flow t\nstart main\nmodule main = http get \"https://x.example\" timeout 11s next bye\n"
       "module bye = hangup\n"},
      {"FL407", "flow t\nstart main\nmodule main = menu \"m\" { 1 -> bye 1 -> bye }\nmodule bye = hangup\n"},
      {"FL408", "flow t\nstart main\nmodule main = queue \"q\" next bye\nmodule bye = hangup\n"},
      {"FL409", flow_with("let unused = 1")},
      {"FL410", flow_with("trigger a = b\ntrigger b = a\nautomation x = get \"https://x.example\" when a")},
      {"FL411", "flow t\nstart main\nmodule main = menu \"m\" { \"A\" -> bye }\nmodule bye = hangup\n"},
  };
}

Compilation compile_case(const CodeCase& c) {
  test::MemoryFileSystem fs;
  for (const auto& [path, data] : c.files) fs.add(path, data);
  CompileOptions options = test::test_options();
  if (c.options) c.options(options);
  if (c.no_main) return compile_file("main.flow", fs, options);
  return test::compile_source(c.source, fs, options);
}

TEST(DiagCoverage, EveryCodeHasAnInput) {
  std::set<std::string> covered;
  for (const auto& c : cases()) covered.insert(c.code);
  for (size_t i = 0; i < static_cast<size_t>(DiagId::Count); ++i) {
    const DiagInfo& info = diag_info(static_cast<DiagId>(i));
    if (info.severity == Severity::Note || kNotProducible.count(info.code)) continue;
    EXPECT_TRUE(covered.count(info.code))
        << info.code << " (\"" << info.format << "\") has no input in diag_coverage_test.cpp";
  }
}

TEST(DiagCoverage, EveryInputProducesItsCode) {
  for (const auto& c : cases()) {
    Compilation comp = compile_case(c);
    EXPECT_TRUE(test::has_code(comp, c.code)) << c.code << " not produced by:\n"
                                              << c.source << "\n--- got:\n"
                                              << test::rendered(comp);
  }
}

TEST(DiagCoverage, CodesAreUniqueAndWellFormed) {
  std::set<std::string> seen;
  for (size_t i = 0; i < static_cast<size_t>(DiagId::Count); ++i) {
    const DiagInfo& info = diag_info(static_cast<DiagId>(i));
    std::string code = info.code;
    EXPECT_TRUE(seen.insert(code).second) << code << " is declared twice";
    EXPECT_EQ(code.size(), 5u) << code;
    EXPECT_EQ(code.substr(0, 2), "FL") << code;
    EXPECT_EQ(diag_by_code(code), static_cast<DiagId>(i)) << code;
    // Wording: lowercase first letter (an acronym such as URL aside), no
    // final period.
    std::string format = info.format;
    ASSERT_GE(format.size(), 2u) << code;
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    EXPECT_FALSE(upper(format[0]) && !upper(format[1])) << code << ": " << format;
    EXPECT_NE(format.back(), '.') << code << ": " << format;
  }
}

// Warnings only: a flow with nothing but warnings checks (exit 0) and can be
// lowered; --werror turns them into errors; -W no-FLnnn turns them off.
TEST(DiagCoverage, WarningsAreSwitchable) {
  for (const auto& c : cases()) {
    auto id = diag_by_code(c.code);
    ASSERT_TRUE(id);
    if (diag_info(*id).severity != Severity::Warning) continue;
    CodeCase off = c;
    off.options = [&](CompileOptions& o) { o.disabled_warnings.push_back(c.code); };
    EXPECT_FALSE(test::has_code(compile_case(off), c.code)) << c.code << " still reported when disabled";
    CodeCase werror = c;
    werror.options = [](CompileOptions& o) { o.warnings_as_errors = true; };
    Compilation w = compile_case(werror);
    EXPECT_FALSE(w.ok()) << c.code << " is not an error with --werror";
  }
}

}  // namespace
}  // namespace flowc
