// The differential test: generated flows (tests/diff/flow_generator.cpp)
// and every example flow run through two engines, one on the reference
// interpreter and one on the JIT, with the same call id, the same manual
// clock and the same steps (tests/diff/event_generator.cpp); the engines
// must agree on everything observable after every step (diff_runner.h).
//
// Environment (all optional):
//   FLOWC_DIFF_SEED=N     first flow seed of the generated corpus (default 1)
//   FLOWC_DIFF_FLOWS=N    generated flows (default 100, split over 4 shards)
//   FLOWC_DIFF_SEQS=N     event sequences per generated flow (default 10)
//   FLOWC_DIFF_STEPS=N    steps per sequence before the caller hangs up (default 40)
//   FLOWC_DIFF_REPLAY=F   DiffReplay.FromFile replays the case file F (written
//                         under the build tree, tests/diff/failures/, when a
//                         case fails; its path is in the failure message)
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/ir/ir.h"
#include "tests/diff/compile_source.h"
#include "tests/diff/diff_runner.h"
#include "tests/diff/event_generator.h"
#include "tests/diff/flow_generator.h"

namespace flowc::testing::diff {
namespace {

using nlohmann::json;

// The two engines: the interpreter is the oracle.
constexpr Backend kReference = Backend::Interp;
#ifdef FLOWC_TEST_HAVE_JIT
constexpr Backend kCandidate = Backend::Jit;
#else
constexpr Backend kCandidate = Backend::Interp;  // no JIT in this build: the test checks itself
#endif

constexpr int kShards = 4;
constexpr int kMaxReported = 5;  // failures reported (and minimised) per test

#ifndef FLOWC_DIFF_OUT_DIR
#define FLOWC_DIFF_OUT_DIR "diff-failures"
#endif

uint64_t env_number(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

uint64_t mix(uint64_t a, uint64_t b) {
  Rng r(a * 0x9E3779B97F4A7C15ull + b);
  return r.next();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Both sides of one flow, compiled separately (each engine owns its version).
struct Pair {
  std::shared_ptr<engine::FlowVersion> reference, candidate;
  FlowFacts facts;
  std::string error;
};

template <class Compile>
Pair make_pair_of(Compile compile) {
  Pair p;
  p.reference = make_version(compile(), kReference, &p.error);
  if (!p.reference) return p;
  p.candidate = make_version(compile(), kCandidate, &p.error);
  if (!p.candidate) return p;
  p.facts = facts_of(*p.reference->flow);
  return p;
}

// Runs a case; on a difference, minimises it, writes the replay files and
// fails the test with both. Returns whether the engines agreed.
// Totals of what the cases exercised, printed with FLOWC_DIFF_STATS=1.
void add_coverage(json& total, const CaseResult& r) {
  for (const char* group : {"status", "replies", "requests", "trace"})
    if (r.coverage.contains(group))
      for (const auto& [k, v] : r.coverage[group].items()) total[group][k] = total[group].value(k, 0) + v.get<int>();
  std::string end = r.coverage.contains("end") ? r.coverage["end"].get<std::string>() : "(not ended)";
  total["end"][end] = total["end"].value(end, 0) + 1;
  total["steps"] = total.value("steps", 0) + static_cast<int>(r.steps.size());
}

bool check_case(const CaseSpec& spec, const Pair& p, int* reported, json* coverage = nullptr) {
  CaseResult r = run_case(spec, p.reference, p.candidate, p.facts);
  if (coverage) add_coverage(*coverage, r);
  if (r.ok) return true;
  if (++*reported > kMaxReported) return false;
  auto [small, small_result] = minimize(spec, r, p.reference, p.candidate, p.facts);
  std::string file = write_replay(FLOWC_DIFF_OUT_DIR, spec, r);
  std::string small_file = write_replay(FLOWC_DIFF_OUT_DIR, [&] {
    CaseSpec s = small;
    s.name += "-min";
    return s;
  }(), small_result);
  ADD_FAILURE() << "the engines differ on case " << spec.name << " (flow seed " << spec.flow_seed
                << ", event seed " << spec.event_seed << ") at step " << r.failing_step << " of "
                << r.steps.size() << ":\n"
                << r.difference << "step: " << (r.failing_step >= 0 ? r.steps[r.failing_step].dump() : "start")
                << "\nminimised to " << small_result.steps.size() << " steps, failing at step "
                << small_result.failing_step << ":\n"
                << small_result.difference << "replay: FLOWC_DIFF_REPLAY=" << small_file
                << " (the full case: " << file << ")";
  return false;
}

// ---------------------------------------------------------------- the generated corpus

class DiffCorpus : public ::testing::TestWithParam<int> {};

TEST_P(DiffCorpus, EnginesAgree) {
  const int shard = GetParam();
  const uint64_t first = env_number("FLOWC_DIFF_SEED", 1);
  const uint64_t flows = env_number("FLOWC_DIFF_FLOWS", 100);
  const uint64_t seqs = env_number("FLOWC_DIFF_SEQS", 10);
  const int steps = static_cast<int>(env_number("FLOWC_DIFF_STEPS", 40));
  const auto t0 = std::chrono::steady_clock::now();
  int cases = 0, agreed = 0, reported = 0;
  json coverage = json::object();
  for (uint64_t i = static_cast<uint64_t>(shard); i < flows; i += kShards) {
    const uint64_t seed = first + i;
    GeneratedFlow g = generate_flow(seed);
    Pair p = make_pair_of([&] { return compile_source(g.source); });
    if (!p.candidate) {
      ADD_FAILURE() << "flow seed " << seed << ": " << p.error << "\n--- source ---\n" << g.source;
      continue;
    }
    for (uint64_t s = 0; s < seqs; ++s) {
      CaseSpec spec = make_case(g.name + "/" + std::to_string(s), g.name, p.facts, mix(seed, s));
      spec.source = g.source;
      spec.flow_seed = seed;
      spec.max_steps = steps;
      ++cases;
      agreed += check_case(spec, p, &reported, &coverage);
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("[ diff     ] shard %d: %d cases (%s vs %s), %d agreed, %.2fs\n", shard, cases,
              backend_name(kReference), backend_name(kCandidate), agreed, secs);
  if (env_number("FLOWC_DIFF_STATS", 0)) std::printf("%s\n", coverage.dump(1).c_str());
  // A count guard: the corpus cannot quietly shrink.
  const uint64_t expected = (flows / kShards + (static_cast<uint64_t>(shard) < flows % kShards)) * seqs;
  EXPECT_EQ(static_cast<uint64_t>(cases), expected);
  EXPECT_EQ(agreed, cases) << (cases - agreed) << " of " << cases << " cases differ";
}

INSTANTIATE_TEST_SUITE_P(Shards, DiffCorpus, ::testing::Range(0, kShards));

// ---------------------------------------------------------------- the examples

TEST(DiffExamples, EnginesAgree) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(FLOWC_SOURCE_DIR "/examples"))
    if (e.is_regular_file() && e.path().extension() == ".flow") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  int flows = 0, cases = 0, reported = 0;
  for (const auto& file : files) {
    std::string rel = std::filesystem::relative(file, FLOWC_SOURCE_DIR).string();
    Compilation probe = compile_path(file);
    if (probe.ok() && (!probe.flow || probe.flow->states.empty())) continue;  // a library (no flow header)
    Pair p = make_pair_of([&] { return compile_path(file); });
    if (!p.candidate) {
      ADD_FAILURE() << rel << ": " << p.error;
      continue;
    }
    ++flows;
    for (uint64_t s = 0; s < 12; ++s) {
      CaseSpec spec = make_case(rel + "/" + std::to_string(s), p.reference->name, p.facts, mix(0xE7A3, s) + flows);
      spec.path = rel;
      spec.source = read_file(file);
      ++cases;
      check_case(spec, p, &reported);
    }
  }
  std::printf("[ diff     ] examples: %d flows, %d cases\n", flows, cases);
  EXPECT_GE(flows, 3) << "the examples were not found";
}

// ---------------------------------------------------------------- one case from a file

TEST(DiffReplay, FromFile) {
  const char* file = std::getenv("FLOWC_DIFF_REPLAY");
  if (!file || !*file) GTEST_SKIP() << "set FLOWC_DIFF_REPLAY to a case file to replay it";
  std::ifstream in(file);
  ASSERT_TRUE(in) << "cannot read " << file;
  CaseSpec spec = CaseSpec::from_json(json::parse(in));
  Pair p = make_pair_of([&] {
    return spec.path.empty() ? compile_source(spec.source) : compile_path(std::string(FLOWC_SOURCE_DIR) + "/" + spec.path);
  });
  ASSERT_TRUE(p.candidate) << p.error;
  CaseResult r = run_case(spec, p.reference, p.candidate, p.facts);
  EXPECT_TRUE(r.ok) << "step " << r.failing_step << ":\n" << r.difference;
  std::printf("[ diff     ] replayed %s: %zu steps, %s\n", spec.name.c_str(), r.steps.size(),
              r.ok ? "the engines agree" : "the engines differ");
}

// ---------------------------------------------------------------- the set-up itself

TEST(DiffSetup, CandidateIsTheJit) {
#ifndef FLOWC_TEST_HAVE_JIT
  GTEST_SKIP() << "built without the JIT: the corpus runs interpreter against interpreter";
#endif
  Pair p = make_pair_of([] { return compile_source(generate_flow(1).source); });
  ASSERT_TRUE(p.candidate) << p.error;
  EXPECT_STREQ(p.reference->code->engine_name(), "interp");
  EXPECT_STREQ(p.candidate->code->engine_name(), "jit");
}

// The comparison finds differences: a flow whose two versions really differ
// (another prompt) is reported at the start of the call.
TEST(DiffSetup, DifferencesAreFound) {
  std::string error;
  auto a = make_version(compile_source("flow f\nstart s\nmodule s = say \"a\"\n  next h\nmodule h = hangup\n"),
                        kReference, &error);
  auto b = make_version(compile_source("flow f\nstart s\nmodule s = say \"b\"\n  next h\nmodule h = hangup\n"),
                        kCandidate, &error);
  ASSERT_TRUE(a && b) << error;
  FlowFacts facts = facts_of(*a->flow);
  CaseSpec spec = make_case("self-check", "f", facts, 1);
  CaseResult r = run_case(spec, a, b, facts);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.failing_step, -1);
  EXPECT_NE(r.difference.find("commands"), std::string::npos) << r.difference;
}

}  // namespace
}  // namespace flowc::testing::diff
