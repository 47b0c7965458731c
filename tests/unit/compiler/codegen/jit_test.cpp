// The JIT as a component: compiling on several threads at once, unloading
// (each FlowCode's JITDylib is removed when it is destroyed, so memory does
// not grow with reloads), errors reported as strings, and emit_llvm.
#include "compiler/codegen/jit.h"

#include <atomic>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>

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

const char* const kSmallFlow = R"(flow small
start ask
expect ivr.vip: bool
trigger vip = ivr.vip == true
module ask = menu "Press 1 or 2." {
  1 -> one
  2 -> two
} timeout 3s retries 1
  on invalid -> bye
  on timeout -> bye
module one = switch {
  when vip -> two
  after    -> bye
}
module two = say "two"
  next bye
module bye = hangup
)";

// ---------------------------------------------------------------- threads

TEST(Jit, CompilesAndRunsFlowsOnFourThreadsAtOnce) {
  std::vector<std::unique_ptr<Engines>> engines;
  for (const char* rel : kExamples) {
    std::string error;
    engines.push_back(make_engines(example(rel), &error));
    ASSERT_TRUE(engines.back()) << error;
  }
  {
    std::string error;
    engines.push_back(make_engines(compile_flow_source(kSmallFlow, &error), &error));
    ASSERT_TRUE(engines.back()) << error;
  }
  // What the interpreter does, computed up front on this thread.
  std::vector<std::vector<Script>> scripts(engines.size());
  std::vector<std::vector<std::string>> expected(engines.size());
  for (size_t f = 0; f < engines.size(); ++f)
    for (uint32_t seed = 1; seed <= 8; ++seed) {
      scripts[f].push_back(random_script(*engines[f]->flow, seed, 25));
      CallRecord r = run_script(engines[f]->tables, *engines[f]->interp, scripts[f].back());
      expected[f].push_back(r.trace.dump() + r.session.dump());
    }

  std::atomic<int> compiled{0}, mismatches{0};
  std::vector<std::string> errors(engines.size());
  std::vector<std::thread> threads;
  for (size_t t = 0; t < engines.size(); ++t)
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 5; ++rep) {
        std::string error;
        auto code = codegen::compile(shared_jit(), *engines[t]->flow, &error);
        if (!code) {
          errors[t] = error;
          return;
        }
        ++compiled;
        for (size_t s = 0; s < scripts[t].size(); ++s) {
          CallRecord r = run_script(engines[t]->tables, *code, scripts[t][s]);
          if (r.trace.dump() + r.session.dump() != expected[t][s]) ++mismatches;
        }
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(compiled.load(), static_cast<int>(5 * engines.size()));
  EXPECT_EQ(mismatches.load(), 0);
}

// ---------------------------------------------------------------- unloading

TEST(Jit, DestroyingCodeReleasesItsDylib) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  std::string error;
  auto engines = make_engines(example(kExamples[0]), &error);
  ASSERT_TRUE(engines) << error;
  codegen::JitContext& jit = shared_jit();
  const size_t loaded = jit.loaded();
  Script script = random_script(*flow, 7, 20);

  // Compile, run and destroy kCycles times after kWarm cycles that warm up
  // the allocators. (Fewer under AddressSanitizer, which only checks leaks.)
#if defined(__SANITIZE_ADDRESS__)
  constexpr int kWarm = 5, kCycles = 20, kKept = 5;
#else
  constexpr int kWarm = 30, kCycles = 100, kKept = 25;
#endif
  size_t warm = 0;
  for (int i = 0; i < kWarm + kCycles; ++i) {
    auto code = codegen::compile(jit, *flow, &error);
    ASSERT_TRUE(code) << error;
    EXPECT_EQ(jit.loaded(), loaded + 1);
    run_script(engines->tables, *code, script);
    if (i == kWarm - 1) warm = resident_bytes();
  }
  const size_t after = resident_bytes();
  EXPECT_EQ(jit.loaded(), loaded);

  // For comparison: kKept versions kept loaded.
  std::vector<std::unique_ptr<stdlib::FlowCode>> kept;
  const size_t before_kept = resident_bytes();
  for (int i = 0; i < kKept; ++i) kept.push_back(codegen::compile(jit, *flow, &error));
  const size_t with_kept = resident_bytes();
  EXPECT_EQ(jit.loaded(), loaded + kKept);
  kept.clear();
  EXPECT_EQ(jit.loaded(), loaded);

  const double growth_kib = (static_cast<double>(after) - static_cast<double>(warm)) / 1024.0;
  const double per_kept_kib =
      (static_cast<double>(with_kept) - static_cast<double>(before_kept)) / 1024.0 / kKept;
  std::printf(
      "[ rss      ] compile+destroy x%d after warm-up: %+.0f KiB (%.2f KiB per cycle); "
      "RSS %.1f MiB; a version kept loaded costs %.0f KiB\n",
      kCycles, growth_kib, growth_kib / kCycles, static_cast<double>(after) / 1048576.0, per_kept_kib);
  RecordProperty("rss_growth_kib", static_cast<int>(growth_kib));
  RecordProperty("rss_kib_per_loaded_version", static_cast<int>(per_kept_kib));
  // Unloading works: the cycles cost far less than keeping as many versions.
  // (Not under AddressSanitizer, whose allocator quarantines freed memory;
  // LeakSanitizer checks that build instead.)
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(growth_kib, kCycles * per_kept_kib / 4.0 + 1024.0);
#endif
}

TEST(Jit, CodeOutlivesItsContext) {
  std::string error;
  auto context = codegen::JitContext::create(&error);
  ASSERT_TRUE(context) << error;
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  auto code = codegen::compile(*context, *flow, &error);
  ASSERT_TRUE(code) << error;
  EXPECT_EQ(context->loaded(), 1u);
  context.reset();
  std::string error2;
  auto engines = make_engines(example(kExamples[0]), &error2);
  ASSERT_TRUE(engines) << error2;
  CallRecord r = run_script(engines->tables, *code, {Step::start(), Step::ev(RT_EV_HANGUP)});
  EXPECT_TRUE(r.steps.back()["ended"].get<bool>());
  EXPECT_STREQ(code->engine_name(), "jit");
}

// ---------------------------------------------------------------- errors

TEST(Jit, MalformedIrIsAnErrorNotACrash) {
  std::string error;
  auto base = [] {
    std::string e;
    auto f = compile_flow_source(kSmallFlow, &e);
    EXPECT_TRUE(f) << e;
    return f;
  };

  auto flow = base();
  ASSERT_TRUE(flow);
  flow->blocks[0].term.target = 9999;
  flow->blocks[0].term.op = ir::TermOp::Jump;
  EXPECT_EQ(codegen::compile(shared_jit(), *flow, &error), nullptr);
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;

  flow = base();
  ir::Instr set;
  set.op = ir::InstrOp::SetSlot;
  set.slot = 12345;
  set.expr = std::make_unique<ir::Expr>();
  flow->blocks[0].instrs.push_back(std::move(set));
  error.clear();
  EXPECT_EQ(codegen::compile(shared_jit(), *flow, &error), nullptr);
  EXPECT_NE(error.find("invalid flow IR"), std::string::npos) << error;

  flow = base();
  flow->blocks.clear();
  error.clear();
  EXPECT_EQ(codegen::compile(shared_jit(), *flow, &error), nullptr);
  EXPECT_FALSE(error.empty());

  // An operator the code generator does not know (the verifier lets it through).
  flow = base();
  flow->triggers[0].condition->op = static_cast<ir::ExprOp>(200);
  error.clear();
  EXPECT_EQ(codegen::compile(shared_jit(), *flow, &error), nullptr);
  EXPECT_NE(error.find("unknown expression operator"), std::string::npos) << error;
  EXPECT_EQ(codegen::emit_llvm(*flow).rfind("; error: ", 0), 0u);

  // An automation index the verifier does not check.
  flow = base();
  flow->triggers[0].condition = std::make_unique<ir::Expr>();
  flow->triggers[0].condition->op = ir::ExprOp::Trigger;
  flow->triggers[0].condition->index = 77;
  error.clear();
  EXPECT_EQ(codegen::compile(shared_jit(), *flow, &error), nullptr);
  EXPECT_FALSE(error.empty());

  // The JIT is still fine afterwards.
  flow = base();
  error.clear();
  EXPECT_NE(codegen::compile(shared_jit(), *flow, &error), nullptr) << error;
}

// ---------------------------------------------------------------- emit_llvm

TEST(EmitLlvm, IsDeterministicAndShowsTheLayout) {
  auto flow = example(kExamples[0]);
  ASSERT_TRUE(flow);
  std::string a = codegen::emit_llvm(*flow), b = codegen::emit_llvm(*flow);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("define i32 @on_event(%rt_call*"), std::string::npos);
  EXPECT_NE(a.find("switch i32 %resume"), std::string::npos);
  EXPECT_NE(a.find("@triggers = local_unnamed_addr constant [2 x i32 (%rt_call*)*]"), std::string::npos);
  EXPECT_NE(a.find("@builds = local_unnamed_addr constant [3 x void (%rt_call*, i8*)*]"), std::string::npos);
  EXPECT_NE(a.find("declare void @rt_emit(%rt_call*, i32, %rt_value*, i32)"), std::string::npos);
  EXPECT_EQ(a.find("; error"), std::string::npos);
}

}  // namespace
}  // namespace flowc::test
