// Metric updates (lock-free after the first call of a flow) and rendering.
#include "runtime/server/metrics.h"

#include <sstream>

namespace flowc::server {

Metrics::PerFlow& Metrics::flow(const std::string& name) {
  std::lock_guard lock(mu_);
  auto& slot = flows_[name];
  if (!slot) slot = std::make_unique<PerFlow>();
  return *slot;
}

void Metrics::call_started(const std::string&, const engine::FlowVersion& f) { ++flow(f.name).started; }
void Metrics::call_ended(const std::string&, const engine::FlowVersion& f, const std::string&) { ++flow(f.name).ended; }
void Metrics::event_handled(const std::string&, const engine::FlowVersion& f) { ++flow(f.name).events; }

void Metrics::automation_finished(const std::string&, const engine::FlowVersion& f, const std::string&,
                                  const engine::ActionResult& result) {
  PerFlow& p = flow(f.name);
  ++p.automations;
  if (!result.ok) ++p.failures;
  double seconds = static_cast<double>(result.latency_ms) / 1000.0;
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++p.buckets[b];
  p.latency_us_sum += result.latency_ms * 1000;
}

void Metrics::count(const std::string& name, const std::string& flow_name, int64_t delta) {
  std::lock_guard lock(mu_);
  extra_[{name, flow_name}] += delta;
}

namespace {

std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string Metrics::render(size_t active_calls) const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  out << "# HELP flowc_calls_active Calls in progress.\n# TYPE flowc_calls_active gauge\n";
  out << "flowc_calls_active " << active_calls << "\n";
  auto counter = [&](const char* name, const char* help, auto field) {
    out << "# HELP " << name << " " << help << "\n# TYPE " << name << " counter\n";
    for (const auto& [f, p] : flows_) out << name << "{flow=\"" << label(f) << "\"} " << field(*p) << "\n";
  };
  counter("flowc_calls_started_total", "Calls started.", [](const PerFlow& p) { return p.started.load(); });
  counter("flowc_calls_ended_total", "Calls ended.", [](const PerFlow& p) { return p.ended.load(); });
  counter("flowc_events_total", "Telephony events handled.", [](const PerFlow& p) { return p.events.load(); });
  counter("flowc_automation_failures_total", "Automations that failed (after retries).",
          [](const PerFlow& p) { return p.failures.load(); });
  out << "# HELP flowc_automation_duration_seconds Time from start to result of automations.\n"
      << "# TYPE flowc_automation_duration_seconds histogram\n";
  for (const auto& [f, p] : flows_) {
    int64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += p->buckets[b].load();
      out << "flowc_automation_duration_seconds_bucket{flow=\"" << label(f) << "\",le=\"";
      if (b < kBuckets.size()) {
        out << kBuckets[b];
      } else {
        out << "+Inf";
      }
      out << "\"} " << cumulative << "\n";
    }
    out << "flowc_automation_duration_seconds_sum{flow=\"" << label(f) << "\"} "
        << static_cast<double>(p->latency_us_sum.load()) / 1e6 << "\n";
    out << "flowc_automation_duration_seconds_count{flow=\"" << label(f) << "\"} " << p->automations.load() << "\n";
  }
  std::string last;
  for (const auto& [key, v] : extra_) {
    if (key.first != last) {
      out << "# TYPE " << key.first << " counter\n";
      last = key.first;
    }
    out << key.first << "{flow=\"" << label(key.second) << "\"} " << v << "\n";
  }
  return out.str();
}

}  // namespace flowc::server
