// Runs one differential case: the same call, with the same call id, clock
// and steps, on two engines (a reference and a candidate back end), and
// compares after every step everything the engines let the outside see: the
// answer to the step, held replies and pushes, the requests handed to the
// executor, observer notifications, the session, the call's state, the
// trace, the pending timer.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/engine/flow_version.h"
#include "tests/diff/event_generator.h"

namespace flowc::testing::diff {

// One call of one flow. Steps are generated from event_seed, or replayed.
struct CaseSpec {
  std::string name;        // for reports: "gen_17/2", "examples/bank_line/bank_line.flow/1"
  std::string flow_name;   // the flow's name (start_call's "flow")
  std::string source;      // the flow's text (for the replay file)
  std::string path;        // the flow's file (examples), "" for generated flows
  uint64_t flow_seed = 0;  // generated flows: the generator's seed
  uint64_t event_seed = 0;
  int64_t start_ms = 1'795'000'000'000;
  std::string from = "+4930123456", to = "+4940999";
  int max_steps = 60;
  std::optional<nlohmann::json> steps;  // replay these instead of generating
  // Before this step the candidate engine reloads the flow as an identical
  // new version with migration on (`--reload=migrate`): the call moves at
  // its next module boundary, which must change nothing the reference does
  // not do too (versions and `migrate` trace entries aside). -1: never.
  int migrate_at = -1;
  // The candidate's back end (backend_name(): "jit", "jit_tier0",
  // "jit_tiered"); "" is the test's default candidate.
  std::string candidate;
  // jit_tiered: the case runs on fresh tier-0 code whose held tier-up runs
  // before this step, so the call goes on on O2 code. -1: never.
  int tier_up_at = -1;

  nlohmann::json to_json() const;
  static CaseSpec from_json(const nlohmann::json& j);
};

struct CaseResult {
  bool ok = true;
  std::string difference;                          // the first difference, readable
  long failing_step = -2;                          // index into steps; -1 is the call's start
  nlohmann::json steps = nlohmann::json::array();  // the steps run, in order
  // What the case exercised (reference side), for FLOWC_DIFF_STATS: answer
  // statuses and error codes, trace entry kinds, modules entered, how it ended.
  nlohmann::json coverage = nlohmann::json::object();
};

// Builds a fresh candidate version (the cases that switch tiers need code
// still on tier 0 for every run, reruns included).
using VersionFactory = std::function<std::shared_ptr<engine::FlowVersion>()>;

// A seeded case for a flow: the call's start time, caller and dialled number.
CaseSpec make_case(std::string name, const std::string& flow_name, const FlowFacts& facts,
                   uint64_t event_seed);

// `candidate_next` is the version spec.migrate_at reloads (null: no reload).
// With spec.tier_up_at set and `fresh`, every run uses a fresh candidate
// from it instead of `candidate`.
CaseResult run_case(const CaseSpec& spec, const std::shared_ptr<engine::FlowVersion>& reference,
                    const std::shared_ptr<engine::FlowVersion>& candidate, const FlowFacts& facts,
                    const std::shared_ptr<engine::FlowVersion>& candidate_next = nullptr,
                    const VersionFactory& fresh = nullptr);

// Shrinks the steps of a failing case (greedy removal) while the engines
// still differ; returns the smaller case (spec.steps set) and its result.
std::pair<CaseSpec, CaseResult> minimize(const CaseSpec& spec, const CaseResult& failure,
                                         const std::shared_ptr<engine::FlowVersion>& reference,
                                         const std::shared_ptr<engine::FlowVersion>& candidate,
                                         const FlowFacts& facts, int max_runs = 300,
                                         const std::shared_ptr<engine::FlowVersion>& candidate_next = nullptr,
                                         const VersionFactory& fresh = nullptr);

// Writes <dir>/<file stem>.json (the case with its steps, for
// FLOWC_DIFF_REPLAY) and <dir>/<file stem>.flow; returns the .json path.
std::string write_replay(const std::string& dir, const CaseSpec& spec, const CaseResult& result);

}  // namespace flowc::testing::diff
