// The differential test: generated flows (tests/diff/flow_generator.cpp)
// and every example flow run through two engines, one on the reference
// interpreter and one on the JIT, with the same call id, the same manual
// clock and the same steps (tests/diff/event_generator.cpp); the engines
// must agree on everything observable after every step (diff_runner.h).
// The generated flows' JIT side is, a third each, as in production, tier-0
// code only, and tier-0 code switching to O2 in the middle of calls.
//
// Environment (all optional):
//   FLOWC_DIFF_SEED=N     first flow seed of the generated corpus (default 1)
//   FLOWC_DIFF_FLOWS=N    generated flows (default 100, split over 4 shards)
//   FLOWC_DIFF_SEQS=N     event sequences per generated flow (default 10)
//   FLOWC_DIFF_STEPS=N    steps per sequence before the caller hangs up (default 60)
//   FLOWC_DIFF_MAX_MODULES=N  largest generated flow (default 14 modules)
//   FLOWC_DIFF_MUTATE=1   the candidate runs a mutant of each flow (ir_mutator.h),
//                         to see what a difference report looks like
//   FLOWC_DIFF_STATS=1    print what the cases exercised
//   FLOWC_DIFF_REPLAY=F   DiffReplay.FromFile replays the case file F (written
//                         under the build tree, tests/diff/failures/, when a
//                         case fails; its path is in the failure message)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "tests/diff/compile_source.h"
#include "tests/diff/diff_runner.h"
#include "tests/diff/event_generator.h"
#include "tests/diff/flow_generator.h"
#include "tests/diff/ir_mutator.h"

namespace flowc::testing::diff {
namespace {

using nlohmann::json;

// The two engines: the interpreter is the oracle.
constexpr Backend kReference = Backend::Interp;
#ifdef FLOWC_TEST_HAVE_JIT
constexpr Backend kCandidate = Backend::Jit;
// The JIT's tiers (tests/support/backends.h): a third of the generated
// flows run on tier-0 code only; another third too, except their first
// kSwitching cases, which each run on fresh tier-0 code that switches to
// O2 between two events of the call (CaseSpec::tier_up_at). (O2 compiles
// are what the corpus spends most of its time on; tier 0 is several times
// cheaper, which pays for the switching cases.)
constexpr Backend kCandidates[] = {Backend::Jit, Backend::JitTier0, Backend::JitTiered};
#else
constexpr Backend kCandidate = Backend::Interp;  // no JIT in this build: the test checks itself
constexpr Backend kCandidates[] = {Backend::Interp};
#endif
constexpr uint64_t kSwitching = 3;

Backend candidate_of(uint64_t flow_index) {
  return kCandidates[flow_index % std::size(kCandidates)];
}

Backend backend_named(const std::string& name) {
  for (Backend b : {Backend::Interp, Backend::Jit, Backend::JitTier0, Backend::JitTiered})
    if (name == backend_name(b)) return b;
  return kCandidate;
}

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

// Both sides of one flow, compiled separately (each engine owns its version),
// and a second candidate version of the same flow: the reload of the cases
// that migrate (CaseSpec::migrate_at).
struct Pair {
  std::shared_ptr<engine::FlowVersion> reference, candidate, candidate_next;
  FlowFacts facts;
  std::string error;
  Backend backend = kCandidate;  // the candidate's
  bool switching = false;        // its first kSwitching cases switch tiers
};

// `backend` JitTiered: the pair's versions run on tier 0 (JitTier0); the
// cases that switch tiers bring their own (maybe_switch_tiers).
template <class Compile>
Pair make_pair_of(Compile compile, Backend backend = kCandidate) {
  Pair p;
  p.switching = backend == Backend::JitTiered;
  p.backend = p.switching ? Backend::JitTier0 : backend;
  backend = p.backend;
  p.reference = make_version(compile(), kReference, &p.error);
  if (!p.reference) return p;
  p.candidate = make_version(compile(), backend, &p.error);
  if (!p.candidate) return p;
  p.candidate_next = make_version(compile(), backend, &p.error);
  if (!p.candidate_next) {
    p.candidate = nullptr;
    return p;
  }
  p.candidate_next->number = 2;
  p.facts = facts_of(*p.reference->flow);
  return p;
}

// Every other case reloads the candidate with migration somewhere in its
// first steps (where the calls still move between modules).
void maybe_migrate(CaseSpec& spec, uint64_t s) {
  if (s % 2 == 1) spec.migrate_at = static_cast<int>(mix(spec.event_seed, 7) % 8);
}

// Fresh versions on Backend::JitTiered: tier-0 code whose tier-up is held
// until the case runs it.
template <class Compile>
VersionFactory switching_versions(Compile compile) {
  return [compile] {
    std::string error;
    return make_version(compile(), Backend::JitTiered, &error);
  };
}

// The first kSwitching cases of a switching flow switch tiers somewhere in
// their first steps, each on fresh code compiled by `compile`.
template <class Compile>
VersionFactory maybe_switch_tiers(CaseSpec& spec, uint64_t s, const Pair& p, Compile compile) {
  spec.candidate = backend_name(p.backend);
  if (!p.switching || s >= kSwitching) return nullptr;
  spec.candidate = backend_name(Backend::JitTiered);
  spec.tier_up_at = static_cast<int>(mix(spec.event_seed, 11) % 8);
  return switching_versions(compile);
}

// Totals of what the cases exercised, printed with FLOWC_DIFF_STATS=1.
void add_coverage(json& total, const CaseResult& r) {
  for (const char* group : {"status", "replies", "requests", "trace"})
    if (r.coverage.contains(group))
      for (const auto& [k, v] : r.coverage[group].items()) {
        if (!total[group].is_object()) total[group] = json::object();
        total[group][k] = total[group].value(k, 0) + v.get<int>();
      }
  std::string end = r.coverage.contains("end") ? r.coverage["end"].get<std::string>() : "(not ended)";
  if (!total["end"].is_object()) total["end"] = json::object();
  total["end"][end] = total["end"].value(end, 0) + 1;
  total["steps"] = total.value("steps", 0) + static_cast<int>(r.steps.size());
  if (r.coverage.contains("migrated")) {
    total["migrating cases"] = total.value("migrating cases", 0) + 1;
    if (r.coverage["migrated"].get<int>() > 0) total["migrated"] = total.value("migrated", 0) + 1;
  }
  if (r.coverage.contains("tiered_up")) {
    total["tier switching cases"] = total.value("tier switching cases", 0) + 1;
    if (r.coverage["tiered_up"].get<int>() > 0) total["tiered up"] = total.value("tiered up", 0) + 1;
  }
}

// Runs a case; on a difference, minimises it, writes the replay files and
// fails the test with both. Returns whether the engines agreed. The case is
// written to `running` first: when an engine crashes, FLOWC_DIFF_REPLAY=<that
// file> runs it again (its steps come from its seed).
bool check_case(const CaseSpec& spec, const Pair& p, int* reported, json* coverage = nullptr,
                const std::string& running = "", const VersionFactory& fresh = nullptr) {
  if (!running.empty()) std::ofstream(running) << spec.to_json().dump() << "\n";
  CaseResult r = run_case(spec, p.reference, p.candidate, p.facts, p.candidate_next, fresh);
  if (coverage) add_coverage(*coverage, r);
  if (r.ok) return true;
  if (++*reported > kMaxReported) return false;
  auto [small, small_result] =
      minimize(spec, r, p.reference, p.candidate, p.facts, 300, p.candidate_next, fresh);
  std::string file = write_replay(FLOWC_DIFF_OUT_DIR, spec, r);
  std::string small_file = write_replay(
      FLOWC_DIFF_OUT_DIR,
      [&] {
        CaseSpec s = small;
        s.name += "-min";
        return s;
      }(),
      small_result);
  ADD_FAILURE() << "the engines differ on case " << spec.name << " (flow seed " << spec.flow_seed
                << ", event seed " << spec.event_seed
                << (spec.migrate_at >= 0 ? ", migrating before step " + std::to_string(spec.migrate_at) : "")
                << (spec.candidate.empty() ? "" : ", candidate " + spec.candidate)
                << (spec.tier_up_at >= 0 ? ", switching to O2 before step " + std::to_string(spec.tier_up_at)
                                         : "")
                << ") at step " << r.failing_step << " of " << r.steps.size() << ":\n"
                << r.difference
                << "step: " << (r.failing_step >= 0 ? r.steps[r.failing_step].dump() : "start")
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
  const int steps = static_cast<int>(env_number("FLOWC_DIFF_STEPS", 60));
  FlowGenOptions gen_options;
  gen_options.max_modules = static_cast<int>(env_number("FLOWC_DIFF_MAX_MODULES", gen_options.max_modules));
  const auto t0 = std::chrono::steady_clock::now();
  std::filesystem::create_directories(FLOWC_DIFF_OUT_DIR);
  const std::string running = FLOWC_DIFF_OUT_DIR "/running-shard" + std::to_string(shard) + ".json";
  int cases = 0, agreed = 0, reported = 0;
  json coverage = json::object();
  for (uint64_t i = static_cast<uint64_t>(shard); i < flows; i += kShards) {
    const uint64_t seed = first + i;
    GeneratedFlow g = generate_flow(seed, gen_options);
    auto compile = [source = g.source] { return compile_source(source); };
    Pair p = make_pair_of(compile, env_number("FLOWC_DIFF_MUTATE", 0) ? kCandidate : candidate_of(i));
    if (p.candidate && env_number("FLOWC_DIFF_MUTATE", 0)) {
      // A demonstration of the failure report: the candidate runs a mutant.
      Compilation c = compile_source(g.source);
      Rng r(seed);
      std::printf("[ diff     ] %s: candidate mutated: %s\n", g.name.c_str(), mutate(*c.flow, r).c_str());
      p.candidate = make_version(std::move(c), kCandidate, &p.error);
    }
    if (!p.candidate) {
      ADD_FAILURE() << "flow seed " << seed << ": " << p.error << "\n--- source ---\n" << g.source;
      continue;
    }
    for (uint64_t s = 0; s < seqs; ++s) {
      CaseSpec spec = make_case(g.name + "/" + std::to_string(s), g.name, p.facts, mix(seed, s));
      spec.source = g.source;
      spec.flow_seed = seed;
      spec.max_steps = steps;
      maybe_migrate(spec, s);
      VersionFactory fresh = maybe_switch_tiers(spec, s, p, compile);
      ++cases;
      agreed += check_case(spec, p, &reported, &coverage, running, fresh);
    }
  }
  std::filesystem::remove(running);  // no crash
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("[ diff     ] shard %d: %d cases (%s vs %s), %d agreed, %.2fs\n", shard, cases,
              backend_name(kReference), backend_name(kCandidate), agreed, secs);
  if (env_number("FLOWC_DIFF_STATS", 0)) std::printf("%s\n", coverage.dump(1).c_str());
  // A count guard: the corpus cannot quietly shrink.
  const uint64_t expected = (flows / kShards + (static_cast<uint64_t>(shard) < flows % kShards)) * seqs;
  EXPECT_EQ(static_cast<uint64_t>(cases), expected);
  EXPECT_EQ(agreed, cases) << (cases - agreed) << " of " << cases << " cases differ";
  // Half the cases reload with migration; enough of those must really move
  // (the others end, or stay in one module, before the reload).
  std::printf("[ diff     ] shard %d: %d of %d migrating cases moved to the new version\n", shard,
              coverage.value("migrated", 0), coverage.value("migrating cases", 0));
  EXPECT_GT(coverage.value("migrated", 0) * 6, coverage.value("migrating cases", 0));
  // The tiered flows' first cases switch from tier 0 to O2 while their
  // call is up (the others end before the switch).
  std::printf("[ diff     ] shard %d: %d of %d tier switching cases switched in the middle of their call\n",
              shard, coverage.value("tiered up", 0), coverage.value("tier switching cases", 0));
#ifdef FLOWC_TEST_HAVE_JIT
  if (!env_number("FLOWC_DIFF_MUTATE", 0) && flows >= 3 * kShards) {
    EXPECT_GT(coverage.value("tiered up", 0) * 3, coverage.value("tier switching cases", 0));
  }
#endif
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
      CaseSpec spec =
          make_case(rel + "/" + std::to_string(s), p.reference->name, p.facts, mix(0xE7A3, s) + flows);
      spec.path = rel;
      spec.source = read_file(file);
      maybe_migrate(spec, s);
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
  auto compile = [spec] {
    return spec.path.empty() ? compile_source(spec.source)
                             : compile_path(std::string(FLOWC_SOURCE_DIR) + "/" + spec.path);
  };
  const Backend backend = spec.candidate.empty() ? kCandidate : backend_named(spec.candidate);
  Pair p = make_pair_of(compile, backend);
  ASSERT_TRUE(p.candidate) << p.error;
  VersionFactory fresh;
  if (spec.tier_up_at >= 0) fresh = switching_versions(compile);
  CaseResult r = run_case(spec, p.reference, p.candidate, p.facts, p.candidate_next, fresh);
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
  auto a =
      make_version(compile_source("flow f\nstart s\nmodule s = say \"a\"\n  next h\nmodule h = hangup\n"),
                   kReference, &error);
  auto b =
      make_version(compile_source("flow f\nstart s\nmodule s = say \"b\"\n  next h\nmodule h = hangup\n"),
                   kCandidate, &error);
  ASSERT_TRUE(a && b) << error;
  FlowFacts facts = facts_of(*a->flow);
  CaseSpec spec = make_case("self-check", "f", facts, 1);
  CaseResult r = run_case(spec, a, b, facts);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.failing_step, -1);
  EXPECT_NE(r.difference.find("commands"), std::string::npos) << r.difference;
}

// A failing case is shrunk, written to a file and replayed from it: the
// path a real difference takes, on a mutant of a generated flow.
TEST(DiffSetup, FailuresAreMinimisedAndReplayable) {
  for (uint64_t seed = 900'000; seed < 900'050; ++seed) {
    GeneratedFlow g = generate_flow(seed);
    std::string error;
    auto reference = make_version(compile_source(g.source), Backend::Interp, &error);
    Compilation c = compile_source(g.source);
    ASSERT_TRUE(reference && c.flow) << error;
    Rng r(seed);
    if (mutate(*c.flow, r).empty()) continue;
    auto mutant = make_version(std::move(c), Backend::Interp, &error);
    ASSERT_TRUE(mutant) << error;
    FlowFacts facts = facts_of(*reference->flow);
    CaseSpec spec = make_case(g.name + "-selftest", g.name, facts, mix(seed, 0));
    spec.source = g.source;
    CaseResult failure = run_case(spec, reference, mutant, facts);
    if (failure.ok || failure.steps.size() < 3) continue;
    auto [small, small_result] = minimize(spec, failure, reference, mutant, facts);
    EXPECT_FALSE(small_result.ok);
    EXPECT_LE(small_result.steps.size(), failure.steps.size());
    std::string file = write_replay(FLOWC_DIFF_OUT_DIR "/selftest", small, small_result);
    std::ifstream in(file);
    ASSERT_TRUE(in) << file;
    CaseSpec back = CaseSpec::from_json(json::parse(in));
    ASSERT_TRUE(back.steps);
    EXPECT_EQ(back.source, g.source);
    EXPECT_EQ(*back.steps, small_result.steps);
    CaseResult replayed = run_case(back, reference, mutant, facts);
    EXPECT_FALSE(replayed.ok);
    EXPECT_EQ(replayed.failing_step, small_result.failing_step);
    EXPECT_EQ(replayed.difference, small_result.difference);
    std::filesystem::remove_all(FLOWC_DIFF_OUT_DIR "/selftest");
    return;
  }
  FAIL() << "no mutant of seeds 900000-900049 was caught";
}

// Mutation testing of this test: one change to the IR of one side (the
// interpreter on both, so only the change differs) must be caught by the
// event sequences of its flow, unless the change cannot be observed. The
// share caught measures how deep the sequences reach.
// Opt-in (it takes a while): FLOWC_DIFF_MUTANTS=200 FLOWC_DIFF_STATS=1 lists
// the mutants that survive and how much of their flow the cases entered.
TEST(DiffSetup, MutantsAreCaught) {
  const uint64_t mutants = env_number("FLOWC_DIFF_MUTANTS", 0);
  if (mutants == 0) GTEST_SKIP() << "set FLOWC_DIFF_MUTANTS=N to run N mutants";
  const uint64_t seqs = env_number("FLOWC_DIFF_SEQS", 10);
  int killed = 0, total = 0;
  std::vector<std::string> survivors;
  for (uint64_t k = 0; k < mutants; ++k) {
    const uint64_t seed = 900'000 + k;
    GeneratedFlow g = generate_flow(seed);
    std::string error;
    auto reference = make_version(compile_source(g.source), Backend::Interp, &error);
    Compilation c = compile_source(g.source);
    ASSERT_TRUE(reference && c.flow) << error;
    Rng r(seed);
    std::string what = mutate(*c.flow, r);
    if (what.empty()) continue;
    auto mutant = make_version(std::move(c), Backend::Interp, &error);
    ASSERT_TRUE(mutant) << error;
    FlowFacts facts = facts_of(*reference->flow);
    ++total;
    bool caught = false;
    std::set<std::string> entered;
    for (uint64_t s = 0; s < seqs && !caught; ++s) {
      CaseResult res = run_case(make_case(g.name, g.name, facts, mix(seed, s)), reference, mutant, facts);
      caught = !res.ok;
      if (res.coverage.contains("modules"))
        for (const auto& [m, v] : res.coverage["modules"].items()) entered.insert(m);
    }
    killed += caught;
    if (!caught)
      survivors.push_back(g.name + ": " + what + " (modules entered: " + std::to_string(entered.size()) +
                          " of " + std::to_string(reference->flow->states.size()) + ")");
  }
  std::printf("[ diff     ] mutants caught: %d of %d\n", killed, total);
  if (env_number("FLOWC_DIFF_STATS", 0))
    for (const auto& s : survivors) std::printf("  survived: %s\n", s.c_str());
  // Many mutants cannot be observed: a change in a module no sequence enters
  // (behind a hangup, a switch on values never written), in an automation
  // nothing starts, or one that changes nothing (x < 1 vs x <= 1 when x is
  // never 1). About half are caught; much less means the sequences got shallow.
  EXPECT_GE(killed * 100, total * 40) << "the event sequences reach too little of the flows";
}

}  // namespace
}  // namespace flowc::testing::diff
