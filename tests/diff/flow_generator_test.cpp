// The flow generator's own guarantees: every generated flow checks without
// errors (1,000 seeds), a seed always gives the same flow, and the corpus
// uses every construct the generator knows.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "compiler/ir/ir.h"
#include "tests/diff/compile_source.h"
#include "tests/diff/flow_generator.h"

namespace flowc::testing::diff {
namespace {

uint64_t env_number(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

TEST(FlowGenerator, ThousandSeedsCheckClean) {
  const uint64_t first = env_number("FLOWC_DIFF_SEED", 1);
  const uint64_t count = env_number("FLOWC_GEN_SEEDS", 1000);
  std::set<std::string> features;
  std::map<std::string, int> codes;  // diagnostics by code, printed with FLOWC_GEN_STATS=1
  int failures = 0;
  for (uint64_t seed = first; seed < first + count; ++seed) {
    GeneratedFlow g = generate_flow(seed);
    features.insert(g.features.begin(), g.features.end());
    Compilation c = compile_source(g.source);
    for (const auto& d : c.diags.sorted()) ++codes[d.code()];
    if (has_errors(c) || !c.flow) {
      if (++failures <= 5)
        ADD_FAILURE() << "seed " << seed << " does not check clean:\n"
                      << diagnostics_text(c) << "\n--- source ---\n" << g.source;
      continue;
    }
    auto problems = ir::verify(*c.flow);
    if (!problems.empty() && ++failures <= 5) ADD_FAILURE() << "seed " << seed << ": bad IR: " << problems[0];
  }
  if (env_number("FLOWC_GEN_STATS", 0))
    for (const auto& [code, n] : codes) std::printf("%s %d\n", code.c_str(), n);
  EXPECT_EQ(failures, 0) << failures << " of " << count << " generated flows have errors";
  if (count >= 500) {
    for (const auto& f : all_features()) EXPECT_TRUE(features.count(f)) << "no generated flow uses " << f;
  }
}

TEST(FlowGenerator, SameSeedSameFlow) {
  for (uint64_t seed : {1u, 77u, 4242u}) EXPECT_EQ(generate_flow(seed).source, generate_flow(seed).source);
  EXPECT_NE(generate_flow(1).source, generate_flow(2).source);
}

}  // namespace
}  // namespace flowc::testing::diff
