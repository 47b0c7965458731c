// Tiered compilation: a flow forced onto tier 0 runs exactly as the
// interpreter does, on tier 0, across a tier switch in the middle of a call
// and on O2; code destroyed while its tier-up is queued or running leaves
// no JITDylib behind; contexts destroyed with tier-ups pending leave code
// that still runs; the threshold decides which flows are tiered.
#include <chrono>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>

#include "compiler/codegen/jit.h"
#include "tests/unit/compiler/codegen/codegen_test_support.h"

namespace flowc::test {
namespace {

const char* const kExamples[] = {"/examples/order_status/order_status.flow",
                                 "/examples/bank_line/bank_line.flow",
                                 "/examples/appointments/appointments.flow"};

std::unique_ptr<ir::Flow> example(const char* rel) {
  std::string error;
  auto flow = compile_flow_file(std::string(FLOWC_SOURCE_DIR) + rel, &error);
  EXPECT_TRUE(flow) << error;
  return flow;
}

// A context that tiers every flow; its tier-ups held until resumed when
// `paused`.
std::unique_ptr<codegen::JitContext> tiering_jit(bool paused) {
  codegen::JitOptions options;
  options.tier_threshold = 0;
  options.tier_ups_paused = paused;
  std::string error;
  auto jit = codegen::JitContext::create(&error, options);
  EXPECT_TRUE(jit) << error;
  return jit;
}

void run_tier_ups(codegen::JitContext& jit) {
  jit.resume_tier_ups();
  jit.wait_idle();
  jit.pause_tier_ups();
}

// JIT code that runs its context's held tier-ups before its `at`-th handler
// run: the call goes on on O2 code from there.
class SwitchingCode final : public stdlib::FlowCode {
 public:
  SwitchingCode(stdlib::FlowCode& inner, codegen::JitContext& jit, int at)
      : inner_(inner), jit_(jit), at_(at) {}
  uint32_t on_event(rt_call* call) override {
    if (runs_++ == at_) {
      EXPECT_FALSE(codegen::tier_status(inner_).optimised);
      run_tier_ups(jit_);
      EXPECT_TRUE(codegen::tier_status(inner_).optimised);
    }
    return inner_.on_event(call);
  }
  bool trigger(rt_call* call, uint32_t index) override { return inner_.trigger(call, index); }
  void build(rt_call* call, uint32_t index, void* request) override { inner_.build(call, index, request); }
  const char* engine_name() const override { return inner_.engine_name(); }
  int runs() const { return runs_; }

 private:
  stdlib::FlowCode& inner_;
  codegen::JitContext& jit_;
  const int at_;
  int runs_ = 0;
};

std::string record(const CallRecord& r) {
  std::string out;
  for (const auto& s : r.steps) out += s.dump() + "\n";
  return out + r.trace.dump() + "\n" + r.session.dump();
}

// ---------------------------------------------------------------- the tiers agree

TEST(Tiers, ATieredFlowRunsTheSameOnTier0AcrossTheSwitchAndOnO2) {
  for (const char* rel : kExamples) {
    SCOPED_TRACE(rel);
    std::string error;
    auto engines = make_engines(example(rel), &error);
    ASSERT_TRUE(engines) << error;
    auto jit = tiering_jit(/*paused=*/true);
    ASSERT_TRUE(jit);
    auto code = codegen::compile(*jit, *engines->flow, &error);
    ASSERT_TRUE(code) << error;
    codegen::TierStatus s = codegen::tier_status(*code);
    EXPECT_TRUE(s.jit);
    EXPECT_FALSE(s.optimised);
    EXPECT_EQ(s.tier_up, codegen::TierUp::Queued);
    EXPECT_EQ(jit->loaded(), 1u);
    EXPECT_EQ(jit->dylibs(), 1u);

    std::vector<Script> scripts;
    std::vector<std::string> expected;
    for (uint32_t seed = 1; seed <= 8; ++seed) {
      scripts.push_back(random_script(*engines->flow, seed, 30));
      expected.push_back(record(run_script(engines->tables, *engines->interp, scripts.back())));
    }
    // Tier 0.
    for (size_t i = 0; i < scripts.size(); ++i)
      EXPECT_EQ(record(run_script(engines->tables, *code, scripts[i])), expected[i])
          << "on tier 0: " << describe(scripts[i]);
    EXPECT_FALSE(codegen::tier_status(*code).optimised);

    // A second version whose calls switch tiers at their third handler run
    // (which tiers up the first version too).
    auto second = codegen::compile(*jit, *engines->flow, &error);
    ASSERT_TRUE(second) << error;
    SwitchingCode switching(*second, *jit, 2);
    EXPECT_EQ(record(run_script(engines->tables, switching, scripts[0])), expected[0])
        << "switching tiers: " << describe(scripts[0]);
    ASSERT_GT(switching.runs(), 2) << "the call ended before it could switch tiers";
    EXPECT_EQ(jit->dylibs(), 4u);  // two versions, two tiers each

    // O2.
    s = codegen::tier_status(*code);
    EXPECT_TRUE(s.optimised);
    EXPECT_EQ(s.tier_up, codegen::TierUp::Done);
    EXPECT_EQ(s.tier_up_error, "");
    for (size_t i = 0; i < scripts.size(); ++i)
      EXPECT_EQ(record(run_script(engines->tables, *code, scripts[i])), expected[i])
          << "on O2: " << describe(scripts[i]);

    code.reset();
    second.reset();
    EXPECT_EQ(jit->loaded(), 0u);
    EXPECT_EQ(jit->dylibs(), 0u);
  }
}

// ---------------------------------------------------------------- the threshold

TEST(Tiers, TheThresholdDecidesWhichFlowsAreTiered) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  const auto blocks = static_cast<uint32_t>(flow->blocks.size());
  for (uint32_t threshold : {blocks, blocks + 1}) {
    codegen::JitOptions options;
    options.tier_threshold = threshold;
    std::string error;
    auto jit = codegen::JitContext::create(&error, options);
    ASSERT_TRUE(jit) << error;
    auto code = codegen::compile(*jit, *flow, &error);
    ASSERT_TRUE(code) << error;
    codegen::TierStatus s = codegen::tier_status(*code);
    if (threshold == blocks) {
      EXPECT_NE(s.tier_up, codegen::TierUp::None);
      jit->wait_idle();
      EXPECT_TRUE(codegen::tier_status(*code).optimised);
      EXPECT_EQ(jit->dylibs(), 2u);
    } else {
      EXPECT_EQ(s.tier_up, codegen::TierUp::None);
      EXPECT_TRUE(s.optimised);
      EXPECT_EQ(jit->dylibs(), 1u);
    }
  }
  // The examples (and so `flowc emit-llvm` and the golden IR of what they
  // run) stay below the production threshold: compiled straight to O2.
  for (const char* rel : kExamples) {
    auto f = example(rel);
    ASSERT_TRUE(f);
    EXPECT_LT(f->blocks.size(), codegen::kDefaultTierThreshold) << rel;
  }
  std::string error;
  auto code = codegen::compile(shared_jit(), *flow, &error);
  ASSERT_TRUE(code) << error;
  EXPECT_EQ(codegen::tier_status(*code).tier_up, codegen::TierUp::None);
  EXPECT_TRUE(codegen::tier_status(*code).optimised);
}

// ---------------------------------------------------------------- destroying

TEST(Tiers, DestroyingCodeWithAQueuedTierUpCancelsIt) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  auto jit = tiering_jit(/*paused=*/true);
  ASSERT_TRUE(jit);
  std::string error;
  for (int i = 0; i < 40; ++i) {
    std::vector<std::unique_ptr<stdlib::FlowCode>> codes;
    for (int k = 0; k < 1 + i % 4; ++k) {
      codes.push_back(codegen::compile(*jit, *flow, &error));
      ASSERT_TRUE(codes.back()) << error;
      EXPECT_EQ(codegen::tier_status(*codes.back()).tier_up, codegen::TierUp::Queued);
    }
    // Out of order: the queue loses jobs from its middle too.
    for (size_t k = 0; k < codes.size(); k += 2) codes[k].reset();
    codes.clear();
    EXPECT_EQ(jit->loaded(), 0u);
    EXPECT_EQ(jit->dylibs(), 0u);
  }
  // Nothing is left for the worker.
  jit->resume_tier_ups();
  jit->wait_idle();
  EXPECT_EQ(jit->dylibs(), 0u);
}

TEST(Tiers, DestroyingCodeWhileItsTierUpRunsLeavesNothingBehind) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  auto jit = tiering_jit(/*paused=*/false);
  ASSERT_TRUE(jit);
  std::string error;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr int kRounds = 12;
#else
  constexpr int kRounds = 40;
#endif
  int while_running = 0;
  for (int i = 0; i < kRounds; ++i) {
    auto code = codegen::compile(*jit, *flow, &error);
    ASSERT_TRUE(code) << error;
    // Until the worker has it, then a little longer, so that the code goes
    // while the tier-up parses, optimises or links (O2 of this flow takes
    // tens of milliseconds).
    const auto t0 = std::chrono::steady_clock::now();
    while (codegen::tier_status(*code).tier_up == codegen::TierUp::Queued &&
           std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30))
      std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(i % 5 * 3));
    while_running += codegen::tier_status(*code).tier_up == codegen::TierUp::Running;
    code.reset();
  }
  jit->wait_idle();
  EXPECT_EQ(jit->loaded(), 0u);
  EXPECT_EQ(jit->dylibs(), 0u);
  std::printf("[ tiers    ] %d of %d versions destroyed while their tier-up ran\n", while_running, kRounds);
  EXPECT_GT(while_running, 0);
}

TEST(Tiers, TieredVersionsLoadedAndUnloadedDoNotGrowMemory) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  std::string error;
  auto engines = make_engines(example(kExamples[0]), &error);
  ASSERT_TRUE(engines) << error;
  auto jit = tiering_jit(/*paused=*/false);
  ASSERT_TRUE(jit);
  Script script = random_script(*flow, 7, 20);
#if defined(__SANITIZE_ADDRESS__)
  constexpr int kWarm = 3, kCycles = 10, kKept = 4;
#else
  constexpr int kWarm = 10, kCycles = 40, kKept = 12;
#endif
  size_t warm = 0;
  for (int i = 0; i < kWarm + kCycles; ++i) {
    auto code = codegen::compile(*jit, *flow, &error);
    ASSERT_TRUE(code) << error;
    run_script(engines->tables, *code, script);
    jit->wait_idle();
    run_script(engines->tables, *code, script);
    if (i == kWarm - 1) warm = resident_bytes();
  }
  const size_t after = resident_bytes();
  EXPECT_EQ(jit->dylibs(), 0u);

  std::vector<std::unique_ptr<stdlib::FlowCode>> kept;
  const size_t before_kept = resident_bytes();
  for (int i = 0; i < kKept; ++i) {
    kept.push_back(codegen::compile(*jit, *flow, &error));
    jit->wait_idle();
  }
  const size_t with_kept = resident_bytes();
  EXPECT_EQ(jit->dylibs(), 2u * kKept);
  kept.clear();
  EXPECT_EQ(jit->dylibs(), 0u);

  const double growth_kib = (static_cast<double>(after) - static_cast<double>(warm)) / 1024.0;
  const double per_kept_kib =
      (static_cast<double>(with_kept) - static_cast<double>(before_kept)) / 1024.0 / kKept;
  std::printf(
      "[ rss      ] tiered compile+tier-up+destroy x%d: %+.0f KiB; a tiered version kept costs %.0f KiB\n",
      kCycles, growth_kib, per_kept_kib);
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(growth_kib, kCycles * per_kept_kib / 4.0 + 1024.0);
#endif
}

// ---------------------------------------------------------------- the context goes first

TEST(Tiers, CodeOutlivesAContextWithTierUpsPending) {
  std::string error;
  auto engines = make_engines(example(kExamples[0]), &error);
  ASSERT_TRUE(engines) << error;
  Script script = random_script(*engines->flow, 3, 25);
  const std::string expected = record(run_script(engines->tables, *engines->interp, script));

  // Queued: cancelled, the code stays on tier 0.
  auto jit = tiering_jit(/*paused=*/true);
  ASSERT_TRUE(jit);
  auto queued = codegen::compile(*jit, *engines->flow, &error);
  ASSERT_TRUE(queued) << error;
  jit.reset();
  codegen::TierStatus s = codegen::tier_status(*queued);
  EXPECT_EQ(s.tier_up, codegen::TierUp::Cancelled);
  EXPECT_FALSE(s.optimised);
  EXPECT_NE(s.tier_up_error.find("cancelled"), std::string::npos) << s.tier_up_error;
  EXPECT_EQ(record(run_script(engines->tables, *queued, script)), expected);

  // Running: the context waits for it; it is cut short or it completes.
  jit = tiering_jit(/*paused=*/false);
  ASSERT_TRUE(jit);
  auto running = codegen::compile(*jit, *engines->flow, &error);
  ASSERT_TRUE(running) << error;
  while (codegen::tier_status(*running).tier_up == codegen::TierUp::Queued) std::this_thread::yield();
  jit.reset();
  s = codegen::tier_status(*running);
  EXPECT_TRUE(s.tier_up == codegen::TierUp::Cancelled || s.tier_up == codegen::TierUp::Done)
      << static_cast<int>(s.tier_up);
  EXPECT_EQ(s.optimised, s.tier_up == codegen::TierUp::Done);
  EXPECT_EQ(record(run_script(engines->tables, *running, script)), expected);
}

// ---------------------------------------------------------------- errors

TEST(Tiers, CompileErrorsAreStillReported) {
  auto jit = tiering_jit(/*paused=*/false);
  ASSERT_TRUE(jit);
  std::string error;
  auto flow = example(kExamples[1]);
  ASSERT_TRUE(flow);
  flow->blocks[0].term.op = ir::TermOp::Jump;
  flow->blocks[0].term.target = 9999;
  EXPECT_EQ(codegen::compile(*jit, *flow, &error), nullptr);
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;

  flow = example(kExamples[1]);
  ASSERT_TRUE(flow);
  ASSERT_FALSE(flow->triggers.empty());
  flow->triggers[0].condition->op = static_cast<ir::ExprOp>(200);
  error.clear();
  EXPECT_EQ(codegen::compile(*jit, *flow, &error), nullptr);
  EXPECT_NE(error.find("unknown expression operator"), std::string::npos) << error;

  jit->wait_idle();
  EXPECT_EQ(jit->loaded(), 0u);
  EXPECT_EQ(jit->dylibs(), 0u);
  // Still fine afterwards, on both tiers.
  flow = example(kExamples[1]);
  ASSERT_TRUE(flow);
  auto code = codegen::compile(*jit, *flow, &error);
  ASSERT_TRUE(code) << error;
  jit->wait_idle();
  EXPECT_TRUE(codegen::tier_status(*code).optimised) << codegen::tier_status(*code).tier_up_error;
}

TEST(Tiers, OtherCodeIsNotTheJits) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  std::string error;
  auto engines = make_engines(std::move(flow), &error);
  ASSERT_TRUE(engines) << error;
  codegen::TierStatus s = codegen::tier_status(*engines->interp);
  EXPECT_FALSE(s.jit);
  EXPECT_FALSE(s.optimised);
  EXPECT_EQ(s.tier_up, codegen::TierUp::None);
}

}  // namespace
}  // namespace flowc::test
