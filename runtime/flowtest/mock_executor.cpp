// Mocked automations on the virtual clock (see mock_executor.h).
#include "runtime/flowtest/mock_executor.h"

#include <algorithm>

#include "compiler/sema/durations.h"

namespace flowc::flowtest {

using nlohmann::json;

bool MockExecutor::answers(const std::string& mock_name, const std::string& automation) {
  return automation == mock_name || automation.rfind(mock_name + ".", 0) == 0;
}

void MockExecutor::execute(const std::string& call_id, stdlib::Request request,
                           std::function<void(engine::ActionResult)> done) {
  std::string name =
      request.automation < tables_.automations.size() ? tables_.automations[request.automation].name : "?";
  json rec = {{"automation", name}};
  if (request.kind == stdlib::Request::Kind::Email) {
    rec["kind"] = "email";
    rec["to"] = request.to;
    rec["subject"] = request.subject;
    rec["text"] = request.text;
  } else {
    rec["kind"] = "http";
    rec["method"] = request.method;
    rec["url"] = request.url;
    json h = json::object();
    for (const auto& [k, v] : request.headers) h[k] = v;
    rec["headers"] = std::move(h);
    rec["body"] = request.body;
    json parsed = json::parse(request.body, nullptr, false);
    rec["json"] = parsed.is_discarded() ? json(nullptr) : parsed;
  }

  // The mock for this automation: the exact name first, then the module's.
  std::vector<const Mock*> lines;
  std::string key;
  for (const auto& m : mocks_)
    if (m.name == name) key = m.name;
  if (key.empty())
    for (const auto& m : mocks_)
      if (answers(m.name, name)) key = m.name;
  for (const auto& m : mocks_)
    if (m.name == key) lines.push_back(&m);

  Pending p;
  p.call_id = call_id;
  p.seq = seq_++;
  p.done = std::move(done);
  engine::ActionResult& r = p.result;
  int64_t now = now_ms_;
  uint32_t attempts = request.retries + 1;
  int64_t timeout_total = static_cast<int64_t>(request.timeout_ms) * attempts;
  if (lines.empty()) {
    r.detail = "no mock for automation '" + name + "' in the scenario";
    problems_.push_back("request to automation '" + name + "' has no mock (add: mock " + name +
                        " status 200 json {})");
    p.due = now;
  } else {
    size_t& used = used_[key];
    const MockResponse& m = lines[std::min(used, lines.size() - 1)]->response;
    ++used;
    p.write = m.write;
    if (m.timeout || m.delay_ms >= timeout_total) {
      r.detail = "timeout after " + sema::format_duration(request.timeout_ms) +
                 (attempts > 1 ? " (" + std::to_string(attempts) + " attempts)" : "");
      r.attempts = attempts;
      p.due = now + timeout_total;
      p.write.reset();  // the system never got to answer
    } else if (m.fail) {
      r.detail = m.fail_detail;
      p.due = now + m.delay_ms;
    } else {
      r.status = m.status;
      r.ok = m.status >= 200 && m.status < 300;
      if (m.json) {
        r.json = *m.json;
        r.body = m.json->dump();
      } else {
        r.body = m.body;
        json parsed = json::parse(m.body, nullptr, false);
        if (!parsed.is_discarded() && !m.body.empty()) r.json = parsed;
      }
      if (!r.ok) r.detail = "HTTP " + std::to_string(m.status);
      p.due = now + m.delay_ms;
    }
    r.latency_ms = p.due - now;
  }
  json res = {{"ok", r.ok}, {"at_ms", p.due}, {"latency_ms", r.latency_ms}};
  if (r.status) res["status"] = r.status;
  if (!r.detail.empty()) res["detail"] = r.detail;
  if (r.json) res["json"] = *r.json;
  if (p.write) res["write"] = *p.write;
  rec["result"] = std::move(res);
  p.record = requests_.size();
  requests_.push_back(std::move(rec));
  pending_.push_back(std::move(p));
}

std::optional<int64_t> MockExecutor::next_due() const {
  std::optional<int64_t> best;
  for (const auto& p : pending_)
    if (!best || p.due < *best) best = p.due;
  return best;
}

bool MockExecutor::complete_due(
    const std::function<std::string(const std::string& call_id, const json& values)>& write) {
  auto it = pending_.end();
  for (auto p = pending_.begin(); p != pending_.end(); ++p)
    if (p->due <= now_ms_ &&
        (it == pending_.end() || p->due < it->due || (p->due == it->due && p->seq < it->seq)))
      it = p;
  if (it == pending_.end()) return false;
  Pending p = std::move(*it);
  pending_.erase(it);
  if (p.write) {
    std::string err = write(p.call_id, *p.write);
    if (!err.empty())
      problems_.push_back("the session write of the mock for '" +
                          requests_[p.record]["automation"].get<std::string>() + "' was refused: " + err);
  }
  p.done(std::move(p.result));
  return true;
}

}  // namespace flowc::flowtest
