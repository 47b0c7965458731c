// Prometheus metrics of the runtime, fed by the engine's observer calls:
// calls active/started/ended, events, automation latency and failures per
// flow. Rendered in the Prometheus text format for GET /metrics.
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/engine/engine.h"

namespace flowc::server {

class Metrics : public engine::EngineObserver {
 public:
  static constexpr std::array<double, 11> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1.0,  2.5,   5.0,  10.0};

  void call_started(const std::string& call_id, const engine::FlowVersion& flow) override;
  void call_ended(const std::string& call_id, const engine::FlowVersion& flow, const std::string& reason) override;
  void event_handled(const std::string& call_id, const engine::FlowVersion& flow) override;
  void automation_finished(const std::string& call_id, const engine::FlowVersion& flow, const std::string& name,
                           const engine::ActionResult& result) override;

  // Counters kept by others (CTI deliveries, reloads) share the output.
  void count(const std::string& name, const std::string& flow, int64_t delta = 1);

  std::string render(size_t active_calls) const;

 private:
  struct PerFlow {
    std::atomic<int64_t> started{0}, ended{0}, events{0}, failures{0}, automations{0};
    std::array<std::atomic<int64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<int64_t> latency_us_sum{0};
  };
  PerFlow& flow(const std::string& name);

  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<PerFlow>> flows_;
  std::map<std::pair<std::string, std::string>, int64_t> extra_;
};

}  // namespace flowc::server
