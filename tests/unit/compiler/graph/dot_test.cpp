// The DOT output: a node for every state, an edge for every transition (with
// its label), failure routes dashed, names escaped.
#include "compiler/graph/dot.h"

#include <sstream>

#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

std::unique_ptr<ir::Flow> lower_clean(const std::string& source) {
  Compilation c = test::compile_source(source);
  EXPECT_TRUE(c.ok()) << test::rendered(c);
  return std::move(c.flow);
}

const char* kFlow = R"(flow order_status
start welcome
expect ivr.vip: bool
trigger vip = ivr.vip == true
module welcome = play "audio/welcome.wav"
  on error -> bye
  next route
module route = switch {
  when vip -> agents
  after -> menu1
}
module menu1 = menu "Press 1" {
  1 -> agents
  "#" -> bye
} on invalid -> bye
module agents = queue "premium"
module bye = hangup
)";

TEST(Dot, HasEveryStateAndEveryEdge) {
  auto f = lower_clean(kFlow);
  ASSERT_TRUE(f);
  std::string dot = to_dot(*f);
  EXPECT_EQ(dot.rfind("digraph \"order_status\" {\n", 0), 0u) << dot;
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  for (const auto& s : f->states) {
    EXPECT_NE(dot.find("  \"" + s.name + "\" [shape="), std::string::npos) << s.name << "\n" << dot;
    for (const auto& e : s.edges) {
      std::string edge =
          "  \"" + s.name + "\" -> \"" + f->states[e.target].name + "\" [label=\"" + e.label + "\"";
      EXPECT_NE(dot.find(edge), std::string::npos) << edge << "\n" << dot;
    }
  }
  EXPECT_NE(dot.find("__start -> \"welcome\";"), std::string::npos) << dot;
}

TEST(Dot, CountsMatchTheIr) {
  auto f = lower_clean(kFlow);
  ASSERT_TRUE(f);
  std::string dot = to_dot(*f);
  size_t edges = 0, arrows = 0;
  for (const auto& s : f->states) edges += s.edges.size();
  for (size_t p = dot.find(" -> "); p != std::string::npos; p = dot.find(" -> ", p + 1)) ++arrows;
  // Every IR edge, plus the arrow from the start point; menu keys and
  // `when` labels hold no " -> ".
  EXPECT_EQ(arrows, edges + 1) << dot;
  EXPECT_EQ(edges, 7u);
}

TEST(Dot, FailureRoutesAreDashed) {
  auto f = lower_clean(kFlow);
  ASSERT_TRUE(f);
  std::string dot = to_dot(*f);
  EXPECT_NE(dot.find("\"welcome\" -> \"bye\" [label=\"on error\", style=dashed"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"menu1\" -> \"bye\" [label=\"on invalid\", style=dashed"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("\"welcome\" -> \"route\" [label=\"next\", style=dashed"), std::string::npos) << dot;
}

TEST(Dot, QuotesAndBackslashesAreEscaped) {
  auto f = lower_clean(
      "flow t\nstart main\nmodule main = say \"He said \\\"hi\\\" \\\\ bye\" next bye\n"
      "module bye = hangup\n");
  ASSERT_TRUE(f);
  std::string dot = to_dot(*f);
  EXPECT_NE(dot.find("He said"), std::string::npos) << dot;
  // On every line the quotes that are not escaped pair up.
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    size_t quotes = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
        continue;
      }
      quotes += line[i] == '"';
    }
    EXPECT_EQ(quotes % 2, 0u) << line;
  }
}

}  // namespace
}  // namespace flowc
