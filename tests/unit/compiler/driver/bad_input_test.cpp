// Bad input through the library (compile_file from memory): empty, binary
// garbage, truncated, huge, deeply nested, thousands of modules. Each gives
// diagnostics (or none when clean), never a crash or a hang.
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::compile_source;
using test::has_code;
using test::rendered;

std::string example() {
  std::ifstream in(FLOWC_SOURCE_DIR "/examples/order_status/order_status.flow");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// 10,000 modules in one flow: a menu every tenth module, sayings and sets in
// between, all reachable; clean.
std::string many_modules(int n) {
  std::string s = "flow big\nstart m0\nexpect ivr.vip: bool\n";
  for (int i = 0; i < n; ++i) {
    std::string next = "m" + std::to_string(i + 1 < n ? i + 1 : 0);
    std::string name = "m" + std::to_string(i);
    if (i + 1 == n) {
      s += "module " + name + " = hangup\n";
    } else if (i % 10 == 0) {
      s += "module " + name + " = menu \"Step " + std::to_string(i) + "\" { 1 -> " + next + " 2 -> m" +
           std::to_string(n - 1) + " }\n";
    } else if (i % 10 == 5) {
      s += "module " + name + " = switch { when ivr.vip -> " + next + " after -> " + next + " }\n";
    } else if (i % 2 == 0) {
      s += "module " + name + " = set app.v" + std::to_string(i) + " = " + std::to_string(i) + " next " +
           next + "\n";
    } else {
      s += "module " + name + " = say \"Step " + std::to_string(i) + "\" next " + next + "\n";
    }
  }
  return s;
}

TEST(BadInput, EmptyFileIsAnEmptyLibrary) {
  Compilation c = compile_source("");
  EXPECT_TRUE(c.ok());
  EXPECT_TRUE(c.diags.all().empty());
  EXPECT_FALSE(c.flow);
}

TEST(BadInput, OnlyWhitespaceAndComments) {
  Compilation c = compile_source("\n\n  // nothing\n/* at all */\n\t\r\n");
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST(BadInput, BinaryGarbage) {
  for (uint32_t seed : {1u, 2u, 3u, 4u, 5u}) {
    std::mt19937 rng(seed);
    std::string garbage;
    for (int i = 0; i < 2048; ++i) garbage.push_back(static_cast<char>(rng() & 0xFF));
    Compilation c = compile_source(garbage);
    EXPECT_FALSE(c.ok()) << seed;
    EXPECT_TRUE(has_code(c, "FL003")) << seed << "\n" << rendered(c);
    EXPECT_LE(c.diags.error_count(), 1u) << rendered(c);
  }
}

TEST(BadInput, PrintableGarbage) {
  std::mt19937 rng(9);
  const std::string alphabet = "abcxyz019 _\n\t{}()[]<>=-+*/%\"\\:,.|#@$!?'`~^&;";
  std::string garbage;
  for (int i = 0; i < 20000; ++i) garbage.push_back(alphabet[rng() % alphabet.size()]);
  Compilation c = compile_source(garbage);
  EXPECT_FALSE(c.ok());
  EXPECT_LE(c.diags.all().size(), DiagnosticEngine::kDefaultErrorLimit + 1 + c.diags.warning_count());
}

TEST(BadInput, EveryTruncationOfTheExample) {
  const std::string full = example();
  ASSERT_FALSE(full.empty());
  for (size_t cut = 0; cut <= full.size(); cut += 7) {
    Compilation c = compile_source(full.substr(0, cut));
    if (!c.ok()) {
      EXPECT_GT(c.diags.error_count(), 0u);
    } else if (c.flow) {
      EXPECT_TRUE(ir::verify(*c.flow).empty()) << cut;
    }
  }
  EXPECT_TRUE(compile_source(full).ok());
}

TEST(BadInput, TruncatedInsideAStringOrComment) {
  EXPECT_TRUE(has_code(compile_source("flow t\nstart m\nmodule m = say \"unfinished"), "FL005"));
  Compilation c = compile_source("flow t\nstart m\nmodule m = hangup\n/* not closed");
  EXPECT_FALSE(c.ok()) << rendered(c);
}

TEST(BadInput, TooLargeFile) {
  CompileOptions o = test::test_options();
  o.limits.max_file_bytes = 1 << 20;
  Compilation c = compile_source(std::string((1 << 20) + 1, ' '), {}, o);
  ASSERT_TRUE(has_code(c, "FL002")) << rendered(c);
  EXPECT_EQ(c.diags.all().size(), 1u);
}

TEST(BadInput, TenMegabyteComment) {
  std::string big = "flow t\nstart m\nmodule m = hangup\n/*" + std::string(10 << 20, 'x') + "*/\n";
  Compilation c = compile_source(big);
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST(BadInput, TenMegabyteString) {
  std::string big =
      "flow t\nstart m\nmodule m = say \"" + std::string(10 << 20, 'x') + "\" next b\nmodule b = hangup\n";
  Compilation c = compile_source(big);
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST(BadInput, TenMegabyteLine) {
  std::string big = "flow t\nstart m\nmodule m = hangup " + std::string(10 << 20, 'x') + "\n";
  Compilation c = compile_source(big);
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(c.diags.error_count(), 1u) << rendered(c).substr(0, 2000);
  // The source line shown under the error is cut, not 10 MB long.
  EXPECT_LT(rendered(c).size(), 2000u);
}

// Ten megabytes of small tokens: refused once there are more tokens than
// the limit, before ANTLR holds them all (with their parse tree: gigabytes).
TEST(BadInput, TenMegabytesOfTokens) {
  std::string json = "flow t\nstart m\nautomation a = post \"https://x.example\" json {\n";
  for (int i = 0; json.size() < (10u << 20); ++i) json += "k" + std::to_string(i) + ": [1, 2, 3],\n";
  json += "} on call start\nmodule m = hangup\n";
  Compilation a = compile_source(json);
  EXPECT_TRUE(has_code(a, "FL011")) << rendered(a).substr(0, 2000);
  EXPECT_EQ(a.diags.all().size(), 1u);

  std::string branches = "flow t\nstart m\nexpect ivr.x: number\nmodule m = switch {\n";
  for (int i = 0; branches.size() < (10u << 20); ++i)
    branches += "when ivr.x == " + std::to_string(i) + " -> e\n";
  branches += "after -> e\n}\nmodule e = hangup\n";
  Compilation b = compile_source(branches);
  EXPECT_TRUE(has_code(b, "FL011")) << rendered(b).substr(0, 2000);
}

TEST(BadInput, DeeplyNestedExpressions) {
  for (const std::string open : {"(", "not ", "- ", "[", "{"}) {
    std::string src = "flow t\nstart m\ntrigger t = ";
    for (int i = 0; i < 100000; ++i) src += open;
    src += "true\nmodule m = hangup\n";
    Compilation c = compile_source(src);
    EXPECT_TRUE(has_code(c, "FL008")) << open << "\n" << rendered(c).substr(0, 2000);
  }
}

TEST(BadInput, DeeplyNestedTemplates) {
  std::string s = "x";
  for (int i = 0; i < 10; ++i) {
    std::string escaped;
    for (char ch : s) {
      if (ch == '"' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    s = "\"{" + escaped + "}\"";
  }
  Compilation c = compile_source("flow t\nstart m\nlet x = \"a\"\nlet y = " + s + "\nmodule m = hangup\n");
  EXPECT_FALSE(c.ok());
}

TEST(BadInput, TenThousandModules) {
  std::string src = many_modules(10000);
  auto start = std::chrono::steady_clock::now();
  Compilation c = compile_source(src);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(c.ok()) << rendered(c).substr(0, 4000);
  ASSERT_TRUE(c.flow);
  EXPECT_EQ(c.flow->states.size(), 10000u);
  EXPECT_TRUE(ir::verify(*c.flow).empty());
  // Reported, never asserted: timings belong to bench/.
  RecordProperty("check_10000_modules_ms", std::to_string(static_cast<long>(ms)));
  std::printf("checked and lowered 10,000 modules in %.0f ms (this build)\n", ms);
}

TEST(BadInput, LongChainsOfSilentModules) {
  // 10,000 modules that never wait for the caller, in a chain and in a ring:
  // the graph checks must neither recurse that deep nor copy paths around.
  std::string chain = "flow t\nstart m0\n", ring = "flow t\nstart m0\n";
  for (int i = 0; i < 10000; ++i) {
    std::string name = "m" + std::to_string(i);
    chain +=
        "module " + name + " = set app.v = " + std::to_string(i) + " next m" + std::to_string(i + 1) + "\n";
    ring += "module " + name + " = set app.v = 1 next m" + std::to_string((i + 1) % 10000) + "\n";
  }
  chain += "module m10000 = hangup\n";
  Compilation a = compile_source(chain);
  EXPECT_TRUE(a.ok()) << rendered(a).substr(0, 2000);
  Compilation b = compile_source(ring);
  EXPECT_TRUE(has_code(b, "FL404")) << rendered(b).substr(0, 2000);
  EXPECT_EQ(b.diags.error_count(), 1u);
}

TEST(BadInput, TooManyDefinitions) {
  CompileOptions o = test::test_options();
  o.limits.max_definitions = 100;
  Compilation c = compile_source(many_modules(200), {}, o);
  EXPECT_TRUE(has_code(c, "FL011")) << rendered(c).substr(0, 2000);
}

TEST(BadInput, ManyErrorsStopAtTheLimit) {
  std::string src = "flow t\nstart m0\n";
  for (int i = 0; i < 5000; ++i)
    src += "module m" + std::to_string(i) + " = say \"x\" next nowhere" + std::to_string(i) + "\n";
  Compilation c = compile_source(src);
  EXPECT_EQ(c.diags.error_count(), DiagnosticEngine::kDefaultErrorLimit);
  EXPECT_TRUE(has_code(c, "FL009"));
}

TEST(BadInput, NulBytesAndControlCharacters) {
  const char bytes[] = "flow t\0\x01\x02\nstart m\nmodule m = hangup\n";
  Compilation c = compile_source(std::string(bytes, sizeof bytes - 1));
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(rendered(c).find('\x01'), std::string::npos);
}

TEST(BadInput, ByteOrderMarkAndCrLf) {
  Compilation c = compile_source(
      "\xEF\xBB\xBF"
      "flow t\r\nstart m\r\nmodule m = hangup\r\n");
  EXPECT_TRUE(c.ok()) << rendered(c);
}

}  // namespace
}  // namespace flowc
