// A finished call as a .flowtest scenario (see recorder.h).
#include "runtime/flowtest/recorder.h"

#include <map>
#include <sstream>

#include "stdlib/text.h"

namespace flowc::flowtest {

using nlohmann::json;

namespace {

std::string json_string(const std::string& s) {
  return json(s).dump();
}

std::string mock_line(const RecordedResult& r) {
  const engine::ActionResult& a = r.result;
  std::string line = "  mock " + r.automation;
  if (a.latency_ms > 0) line += " delay " + std::to_string(a.latency_ms) + "ms";
  if (!a.ok && a.status == 0) {
    if (a.detail.rfind("timeout", 0) == 0) return "  mock " + r.automation + " timeout";
    return line + " fail " + json_string(a.detail.empty() ? "no response" : a.detail);
  }
  line += " status " + std::to_string(a.status ? a.status : 200);
  if (a.json)
    line += " json " + a.json->dump();
  else if (!a.body.empty())
    line += " body " + json_string(a.body);
  return line;
}

// The request an automation entry of the trace carries, as expectation parts.
std::string request_parts(const json& req) {
  std::string out;
  if (req.contains("email")) {
    const json& e = req["email"];
    out += " to " + e.value("to", json("")).dump() + " subject " + e.value("subject", json("")).dump() +
           " text " + e.value("body", json("")).dump();
    return out;
  }
  out += " method " + json_string(req.value("method", ""));
  if (req.contains("body")) {
    std::string body = req["body"].get<std::string>();
    json parsed = json::parse(body, nullptr, false);
    out += parsed.is_discarded() ? " body " + json_string(body) : " json " + parsed.dump();
  }
  return out;
}

}  // namespace

std::string scenario_text(const RecordedCall& c) {
  std::ostringstream o;
  o << "// Recorded by flowc serve --record: call " << c.call_id << " from " << c.from << " to " << c.to
    << " on flow " << c.flow_name << ", " << stdlib::iso_time_utc(c.started_at_ms, false) << ".\n";
  o << "// `flowc test` replays it against the current flow. Request URLs are not compared\n"
    << "// (they depend on the deployment's env settings); add env lines to compare them.\n";
  if (c.trace_dropped)
    o << "// The call's trace lost its first " << c.trace_dropped << " entries: the replay may not match.\n";
  o << "flow " << json_string(c.flow_path) << "\n\n";
  o << "scenario " << json_string("recorded call " + c.call_id) << "\n";
  o << "  call from " << json_string(c.from) << " to " << json_string(c.to) << " at "
    << json_string(stdlib::iso_time_utc(c.started_at_ms, false)) << " id " << json_string(c.call_id) << "\n";
  // Trace times are relative to the start of the call; the replay starts at
  // the whole second of `at`, so the sub-second part is added to every time.
  int64_t frac = ((c.started_at_ms % 1000) + 1000) % 1000;
  for (const auto& r : c.results) o << mock_line(r) << "\n";
  // Requests whose answer never came (the server stopped first): answered
  // in the replay only after the call is over, as in the recorded call.
  {
    std::map<std::string, size_t> answered;
    for (const auto& r : c.results) ++answered[r.automation];
    int64_t last = c.trace.empty() ? 0 : c.trace.back().value("at_ms", int64_t{0});
    for (const auto& e : c.trace) {
      if (e.value("kind", "") != "automation" || !e.contains("data") || !e["data"].contains("request"))
        continue;
      std::string name = e["data"].value("name", "");
      if (answered[name] > 0) {
        --answered[name];
        continue;
      }
      int64_t delay = last - e.value("at_ms", int64_t{0}) + 60'000;
      o << "  mock " << name << " delay " << delay << "ms fail "
        << json_string("no answer before the recording was written") << "\n";
    }
  }

  std::vector<std::string> steps, commands, requests, modules;
  std::string end_reason;
  bool ended = false;
  json pending_write = json::object();
  int64_t write_at = 0;
  auto flush_write = [&] {
    if (pending_write.empty()) return;
    steps.push_back("  wait until " + std::to_string(write_at + frac) + "ms");
    steps.push_back("  write " + pending_write.dump());
    pending_write = json::object();
  };
  for (const auto& e : c.trace) {
    const std::string kind = e.value("kind", "");
    const json& d = e.contains("data") ? e["data"] : json::object();
    int64_t at = e.value("at_ms", int64_t{0});
    if (kind == "write" && d.value("by", "") == "sessions API") {
      if (!pending_write.empty() && at != write_at) flush_write();
      write_at = at;
      pending_write[d.value("name", "")] = d.contains("value") ? d["value"] : json(nullptr);
      continue;
    }
    flush_write();
    if (kind == "event") {
      std::string type = d.value("type", "");
      std::string step;
      if (type == "prompt_done")
        step = "  prompt_done";
      else if (type == "dtmf")
        step = "  press " + d.value("digits", json("")).dump();
      else if (type == "input_timeout")
        step = "  silence";
      else if (type == "agent_answered")
        step = "  agent " + d.value("agent", json("")).dump();
      else if (type == "hangup")
        step = "  hangup";
      else if (type == "transfer_failed")
        step = "  transfer_failed";
      if (step.empty()) continue;  // start, timers and results are the flow's own
      steps.push_back("  wait until " + std::to_string(std::max<int64_t>(0, at) + frac) + "ms");
      steps.push_back(step);
    } else if (kind == "command") {
      json cmd = d;
      std::string type = cmd.value("type", "");
      cmd.erase("type");
      std::string line = "  expect " + type;
      for (const auto& [k, v] : cmd.items()) line += " " + k + " " + v.dump();
      commands.push_back(line);
    } else if (kind == "automation" && d.contains("request")) {
      requests.push_back("  expect request " + d.value("name", "") + request_parts(d["request"]));
    } else if (kind == "enter") {
      modules.push_back(d.value("module", ""));
    } else if (kind == "end") {
      ended = true;
      end_reason = d.value("reason", "");
    }
  }
  flush_write();
  // The caller's hangup that ends a call talking to an agent is implied by the
  // end of the script; a recorded one is kept (it may come at another time).
  for (const auto& s : steps) o << s << "\n";
  for (const auto& s : commands) o << s << "\n";
  for (const auto& s : requests) o << s << "\n";
  if (ended) o << "  expect end " << json_string(end_reason) << "\n";
  if (!modules.empty()) {
    o << "  expect modules";
    for (const auto& m : modules) o << " " << m;
    o << "\n";
  }
  if (commands.empty() && requests.empty() && !ended && modules.empty()) o << "  expect end \"\"\n";
  return o.str();
}

}  // namespace flowc::flowtest
