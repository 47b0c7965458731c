// Recording finished calls as scenarios (see call_recorder.h).
#include "runtime/server/call_recorder.h"

#include <filesystem>
#include <fstream>

#include "runtime/flowtest/scenario_parser.h"

namespace flowc::server {

namespace fs = std::filesystem;

CallRecorder::CallRecorder(std::string dir, std::function<void(const std::string&)> log)
    : dir_(std::move(dir)), log_(std::move(log)) {}

CallRecorder::~CallRecorder() {
  std::lock_guard lock(mu_);
  for (auto& [id, p] : calls_)
    if (p.ended) write(p);
}

size_t CallRecorder::written() const {
  std::lock_guard lock(mu_);
  return written_;
}

void CallRecorder::automation_finished(const std::string& call_id, const engine::FlowVersion& flow,
                                       const std::string& name, const engine::ActionResult& result) {
  std::lock_guard lock(mu_);
  Pending& p = calls_[call_id];
  p.call.results.push_back({name, result});
  if (p.ended && p.call.results.size() >= p.requests) {
    write(p);
    calls_.erase(call_id);
  }
}

void CallRecorder::call_ended(const std::string& call_id, const engine::FlowVersion& flow,
                              const std::string&) {
  if (!engine_) return;
  auto trace = engine_->trace(call_id);
  auto info = engine_->call_info(call_id, false);
  if (!trace || !info) return;
  std::lock_guard lock(mu_);
  Pending& p = calls_[call_id];
  p.ended = true;
  flowtest::RecordedCall& c = p.call;
  std::error_code ec;
  fs::path source = fs::absolute(flow.source_path, ec);
  c.flow_path = ec ? flow.source_path : source.lexically_normal().string();
  c.flow_name = flow.name;
  c.call_id = call_id;
  c.from = (*info)["from"].get<std::string>();
  c.to = (*info)["to"].get<std::string>();
  c.trace = (*trace)["entries"];
  c.trace_dropped = trace->value("dropped", size_t{0});
  c.started_at_ms = flowtest::parse_iso_time((*info)["started_at"].get<std::string>()).value_or(0);
  p.requests = 0;
  for (const auto& e : c.trace)
    if (e.value("kind", "") == "automation" && e.contains("data") && e["data"].contains("request"))
      ++p.requests;
  if (c.results.size() >= p.requests) {
    write(p);
    calls_.erase(call_id);
  }
}

void CallRecorder::write(Pending& p) {
  std::string name = p.call.flow_name + "-" + p.call.call_id + ".flowtest";
  fs::path path = fs::path(dir_) / name;
  std::string tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << flowtest::scenario_text(p.call);
    if (!out) {
      if (log_) log_("--record: cannot write " + tmp);
      return;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    if (log_) log_("--record: cannot write " + path.string() + ": " + ec.message());
    return;
  }
  ++written_;
}

}  // namespace flowc::server
