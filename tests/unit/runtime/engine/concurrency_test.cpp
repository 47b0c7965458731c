// Calls are serialised per call and parallel across calls: many threads
// drive many calls while the CRM writes into the same calls and automation
// results arrive from other threads, and new versions are installed with
// migration on, and (JitTiered) while the versions' O2 code replaces their
// tier-0 code. Run on the interpreter, the JIT and the tiered JIT; built
// and run under ThreadSanitizer by scripts/tsan.sh.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "runtime/engine/engine.h"
#include "tests/support/backends.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {
namespace {

using nlohmann::json;

// Answers every request on its own thread, after the engine call that made
// it has returned.
class ThreadedExecutor : public engine::ActionExecutor {
 public:
  ~ThreadedExecutor() override { drain(); }
  // Joins every answer thread, including those started by answers.
  void drain() {
    for (;;) {
      std::vector<std::thread> batch;
      {
        std::lock_guard lock(mu_);
        batch.swap(threads_);
      }
      if (batch.empty()) return;
      for (auto& t : batch) t.join();
    }
  }
  void execute(const std::string&, stdlib::Request request,
               std::function<void(engine::ActionResult)> done) override {
    std::lock_guard lock(mu_);
    threads_.emplace_back([done = std::move(done)] {
      engine::ActionResult r;
      r.ok = true;
      r.status = 200;
      r.json = json{{"found", false}};
      done(std::move(r));
    });
  }

 private:
  std::mutex mu_;
  std::vector<std::thread> threads_;
};

class EngineConcurrency : public ::testing::TestWithParam<Backend> {};

TEST_P(EngineConcurrency, ManyCallsManyThreadsWithConcurrentSessionWrites) {
  auto version = load_flow_file("examples/order_status/order_status.flow", GetParam());
  ASSERT_TRUE(version);
  std::atomic<int64_t> now{1'795'000'000'000};
  ThreadedExecutor crm;
  engine::EngineOptions o;
  o.now_ms = [&now] { return now.load(); };
  o.executor = &crm;
  std::atomic<int> replies{0};
  o.on_reply = [&](const std::string&, const engine::Outcome&) { ++replies; };
  auto eng = std::make_unique<engine::Engine>(std::move(o));
  eng->install(version);

  constexpr int kThreads = 4, kCallsPerThread = 50;
  std::vector<std::string> ids(kThreads * kCallsPerThread);
  std::mutex ids_mu;  // the writer reads ids while the callers fill them in
  std::atomic<int> failures{0};
  // Backend::JitTiered: every version starts on tier 0; once a quarter of
  // the calls have started, their O2 code is compiled and goes live under
  // the calls. Callers wait for it halfway, so calls that began on tier 0
  // go on on O2 (every call stays up until the end).
  const bool tiered = GetParam() == Backend::JitTiered;
  std::atomic<int> started{0};
  std::atomic<bool> switched{!tiered};
  std::thread tierer([&] {
    if (!tiered) return;
    while (started.load() < kThreads * kCallsPerThread / 4)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    run_tier_ups(GetParam());
    switched = true;
  });
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      for (int i = 0; i < kCallsPerThread; ++i) {
        if (i == kCallsPerThread / 2)
          while (!switched.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++started;
        auto out = eng->start_call({{"from", "+49301234" + std::to_string(t * 100 + i)}, {"to", "+4940999"}});
        if (out.status != 201) {
          ++failures;
          continue;
        }
        {
          std::lock_guard lock(ids_mu);
          ids[static_cast<size_t>(t * kCallsPerThread + i)] = out.call_id;
        }
        eng->deliver(out.call_id, {{"type", "prompt_done"}});
        eng->deliver(out.call_id, {{"type", "dtmf"}, {"digits", "1234567"}});
      }
    });
  }
  // The CRM writes into every call while the callers drive them.
  std::thread writer([&] {
    for (int round = 0; round < 3; ++round)
      for (size_t i = 0; i < ids.size(); ++i) {
        std::string id;
        {
          std::lock_guard lock(ids_mu);
          id = ids[i];
        }
        if (!id.empty()) eng->write_session(id, {{"ivr.premium", round % 2 == 0}});
      }
  });
  std::thread ticker([&] {
    for (int i = 0; i < 200; ++i) {
      now += 50;
      eng->run_timers();
      (void)eng->list_calls();
    }
  });
  // Reloads with --reload=migrate while all of that goes on: calls move to
  // the new versions at their module boundaries.
  std::vector<std::shared_ptr<engine::FlowVersion>> reloads;
  for (uint32_t n = 2; n <= 4; ++n) {
    reloads.push_back(load_flow_file("examples/order_status/order_status.flow", GetParam()));
    ASSERT_TRUE(reloads.back());
    reloads.back()->number = n;
  }
  std::thread reloader([&] {
    for (auto& v : reloads) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      eng->install(std::move(v), /*migrate=*/true);
    }
  });
  for (auto& c : callers) c.join();
  writer.join();
  ticker.join();
  reloader.join();
  tierer.join();
  EXPECT_EQ(failures.load(), 0);
  if (tiered) {
    EXPECT_TRUE(runs_optimised(*version->code));
    run_tier_ups(GetParam());  // the reloads' versions, if any was compiled after the switch
  }
  for (const auto& id : ids) {
    ASSERT_FALSE(id.empty());
    auto out = eng->deliver(id, {{"type", "hangup"}});
    EXPECT_TRUE(out.ended) << id;
  }
  crm.drain();
  EXPECT_EQ(eng->active_calls(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, EngineConcurrency,
                         ::testing::Values(Backend::Interp, Backend::Jit, Backend::JitTiered),
                         [](const auto& info) { return std::string(backend_name(info.param)); });

}  // namespace
}  // namespace flowc::testing
