// The two sides of a differential case and their comparison.
#include "tests/diff/diff_runner.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>

#include "runtime/engine/engine.h"
#include "tests/support/backends.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing::diff {

using nlohmann::json;

namespace {

constexpr const char* kCallId = "c-diff-0001";

json request_json(const stdlib::Request& r) {
  json headers = json::array();
  for (const auto& [k, v] : r.headers) headers.push_back({k, v});
  return {{"kind", r.kind == stdlib::Request::Kind::Email ? "email" : "http"},
          {"automation", r.automation},
          {"method", r.method},
          {"url", r.url},
          {"headers", headers},
          {"body", r.body},
          {"content_type", r.content_type},
          {"to", r.to},
          {"subject", r.subject},
          {"text", r.text},
          {"timeout_ms", r.timeout_ms},
          {"retries", r.retries}};
}

json outcome_json(const engine::Outcome& o) {
  return {{"status", o.status},
          {"error_code", o.error_code},
          {"error_message", o.error_message},
          {"call_id", o.call_id},
          {"commands", o.commands.to_json()},
          {"held", o.held},
          {"ended", o.ended},
          {"push", o.push},
          {"body", o.body},
          {"answer", o.to_json()}};
}

json result_json(const engine::ActionResult& r) {
  json j = {{"ok", r.ok}, {"status", r.status}, {"body", r.body}, {"detail", r.detail}};
  if (r.json) j["json"] = *r.json;
  return j;
}

// Hands requests to the test: the case's steps finish them.
class RecordingExecutor : public engine::ActionExecutor {
 public:
  void execute(const std::string& call_id, stdlib::Request request,
               std::function<void(engine::ActionResult)> done) override {
    log.push_back(request_json(request));
    pending_.push_back(std::move(done));
  }
  size_t pending() const { return pending_.size(); }
  // Finishes pending request `i` (mod the count); false when none is pending.
  bool finish(size_t i, engine::ActionResult r) {
    if (pending_.empty()) return false;
    i %= pending_.size();
    auto done = std::move(pending_[i]);
    pending_.erase(pending_.begin() + static_cast<long>(i));
    done(std::move(r));
    return true;
  }
  json log = json::array();

 private:
  std::deque<std::function<void(engine::ActionResult)>> pending_;
};

class RecordingObserver : public engine::EngineObserver {
 public:
  void call_started(const std::string& id, const engine::FlowVersion& f) override {
    log.push_back({{"call_started", id}});
  }
  void call_ended(const std::string& id, const engine::FlowVersion&, const std::string& reason) override {
    log.push_back({{"call_ended", id}, {"reason", reason}});
  }
  void event_handled(const std::string& id, const engine::FlowVersion&) override {
    log.push_back({{"event_handled", id}});
  }
  void automation_finished(const std::string& id, const engine::FlowVersion&, const std::string& name,
                           const engine::ActionResult& r) override {
    log.push_back({{"automation_finished", name}, {"result", result_json(r)}});
  }
  void agent_connected(const std::string& id, const engine::FlowVersion&, const std::string& agent,
                       const std::string& caller, const json& reason) override {
    log.push_back({{"agent_connected", agent}, {"caller", caller}, {"reason", reason}});
  }
  void agent_disconnected(const std::string& id, const engine::FlowVersion&,
                          const std::string& agent) override {
    log.push_back({{"agent_disconnected", agent}});
  }
  json log = json::array();
};

engine::ActionResult action_result(const json& f) {
  engine::ActionResult r;
  r.ok = f.value("ok", false);
  r.status = f.value("status", 0);
  if (f.contains("json")) r.json = f["json"];
  r.body = f.value("body", std::string());
  if (r.body.empty() && r.json) r.body = r.json->dump();
  r.detail = f.value("detail", std::string());
  return r;
}

// One engine with one call.
class Side {
 public:
  Side(const std::shared_ptr<engine::FlowVersion>& version, ManualClock& clock) {
    engine::EngineOptions o;
    o.now_ms = clock.fn();
    o.executor = &executor_;
    o.observer = &observer_;
    o.on_reply = [this](const std::string&, const engine::Outcome& out) {
      replies_.push_back(outcome_json(out));
    };
    o.new_call_id = [] { return std::string(kCallId); };
    engine_ = std::make_unique<engine::Engine>(std::move(o));
    engine_->install(version);
  }

  // The reload of --reload=migrate, to an identical version; from then on the
  // snapshots leave out what a migration may change (the version number and
  // `migrate` trace entries). Both sides hide them, so the reference agrees.
  void reload(const std::shared_ptr<engine::FlowVersion>& version) { engine_->install(version, true); }
  bool hide_versions = false;
  // How often the call moved to another version (the trace's own count).
  int migrations() const {
    auto trace = engine_->trace(kCallId);
    int n = 0;
    if (trace)
      for (const auto& e : (*trace)["entries"])
        if (e.value("kind", "") == "migrate" && !e["data"].contains("pinned")) ++n;
    return n;
  }

  json start(const json& request) {
    return guarded([&] { return outcome_json(engine_->start_call(request)); });
  }

  json apply(const json& step) {
    return guarded([&]() -> json {
      if (step.contains("event")) return outcome_json(engine_->deliver(kCallId, step["event"]));
      if (step.contains("write")) return outcome_json(engine_->write_session(kCallId, step["write"]));
      if (step.contains("finish")) {
        const json& f = step["finish"];
        bool done = executor_.finish(f.value("pending", size_t{0}), action_result(f));
        return {{"finished", done}};
      }
      return nullptr;
    });
  }

  void run_timers() {
    guarded([&] {
      engine_->run_timers();
      return json();
    });
  }

  // Everything observable, with the logs since the previous snapshot; the
  // trace (the costly part) only when asked.
  json snapshot(json outcome, bool with_trace) {
    json s = {{"outcome", std::move(outcome)},
              {"replies", std::exchange(replies_, json::array())},
              {"requests", std::exchange(executor_.log, json::array())},
              {"observer", std::exchange(observer_.log, json::array())},
              {"errors", std::exchange(errors_, json::array())}};
    s["pending"] = executor_.pending();
    s["active_calls"] = engine_->active_calls();
    auto deadline = engine_->next_deadline();
    s["deadline"] = deadline ? json(*deadline) : json(nullptr);
    auto session = engine_->session(kCallId);
    s["session"] = session ? *session : json(nullptr);
    auto info = engine_->call_info(kCallId, false);
    s["call"] = info ? *info : json(nullptr);
    if (hide_versions && info) {
      s["call"].erase("version");
      s["call"].erase("migrating_to");
    }
    if (with_trace) {
      auto trace = engine_->trace(kCallId);
      s["trace"] = trace ? *trace : json(nullptr);
      if (hide_versions && trace) {
        // Without the `migrate` entries; and as the trace is bounded, the
        // migrated side's extra entries push one more old entry out: only
        // the newest entries both sides surely still have are compared.
        s["trace"].erase("version");
        s["trace"].erase("dropped");
        json& entries = s["trace"]["entries"];
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [](const json& e) { return e.value("kind", "") == "migrate"; }),
                      entries.end());
        constexpr size_t kKept = stdlib::CallState::kTraceLimit - 8;
        if (entries.size() > kKept) entries.erase(entries.begin(), entries.end() - kKept);
      }
    }
    return s;
  }

  Observation observe(int64_t now) const {
    Observation o;
    auto info = engine_->call_info(kCallId, false);
    o.ended = !info || (*info)["state"] == "ended";
    o.held = info && (*info)["state"] == "waiting";
    if (info && (*info)["module"].is_string()) o.module = (*info)["module"];
    o.pending = executor_.pending();
    o.deadline = engine_->next_deadline();
    o.now = now;
    return o;
  }

 private:
  template <class F>
  json guarded(F fn) {
    try {
      return fn();
    } catch (const std::exception& e) {
      errors_.push_back(std::string("exception: ") + e.what());
      return {{"exception", e.what()}};
    }
  }

  RecordingExecutor executor_;  // outlives the engine (its callbacks point into it)
  RecordingObserver observer_;
  json replies_ = json::array();
  json errors_ = json::array();
  std::unique_ptr<engine::Engine> engine_;
};

std::string shorten(const std::string& s, size_t max = 1500) {
  return s.size() <= max ? s : s.substr(0, max) + "… (" + std::to_string(s.size()) + " bytes)";
}

// A readable account of how two snapshots differ.
std::string describe(const json& a, const json& b, const char* ref_name, const char* cand_name) {
  std::string out;
  for (const auto& [key, va] : a.items()) {
    const json& vb = b.contains(key) ? b[key] : json();
    if (va == vb) continue;
    if (key == "trace" && va.is_object() && vb.is_object() && va.contains("entries") &&
        vb.contains("entries")) {
      const json& ea = va["entries"];
      const json& eb = vb["entries"];
      size_t i = 0;
      while (i < ea.size() && i < eb.size() && ea[i] == eb[i]) ++i;
      out += "  trace differs at entry " + std::to_string(i) + ":\n    " + ref_name + ": " +
             (i < ea.size() ? shorten(ea[i].dump()) : "(none)") + "\n    " + cand_name + ": " +
             (i < eb.size() ? shorten(eb[i].dump()) : "(none)") + "\n";
      continue;
    }
    out += "  " + key + ":\n    " + ref_name + ": " + shorten(va.dump()) + "\n    " + cand_name + ": " +
           shorten(vb.dump()) + "\n";
  }
  return out;
}

void count(json& j, const std::string& key) {
  if (!j.is_object()) j = json::object();
  j[key] = j.value(key, 0) + 1;
}

// Adds what a reference snapshot shows to the case's coverage.
void cover(json& c, const json& s) {
  const json& o = s["outcome"];
  if (o.is_object() && o.contains("status"))
    count(c["status"], std::to_string(o["status"].get<int>()) +
                           (o["error_code"] == "" ? "" : " " + o["error_code"].get<std::string>()));
  for (const auto& r : s["replies"]) count(c["replies"], r["push"] == true ? "push" : "held reply");
  for (const auto& r : s["requests"]) count(c["requests"], r["kind"].get<std::string>());
  if (s.contains("trace") && s["trace"].is_object()) {
    json kinds = json::object();
    for (const auto& e : s["trace"]["entries"]) {
      count(kinds, e["kind"].get<std::string>());
      if (e["kind"] == "end") c["end"] = e["data"]["reason"];
      if (e["kind"] == "enter") {
        if (!c["modules"].is_object()) c["modules"] = json::object();
        c["modules"][e["data"]["module"].get<std::string>()] = true;
      }
      if (e["kind"] == "command") count(kinds, "command " + e["data"]["type"].get<std::string>());
    }
    c["trace"] = kinds;  // the latest trace holds them all (up to its bound)
  }
}

}  // namespace

json CaseSpec::to_json() const {
  json j = {{"name", name},          {"flow_name", flow_name}, {"source", source},
            {"path", path},          {"flow_seed", flow_seed}, {"event_seed", event_seed},
            {"start_ms", start_ms},  {"from", from},           {"to", to},
            {"max_steps", max_steps}};
  if (migrate_at >= 0) j["migrate_at"] = migrate_at;
  if (!candidate.empty()) j["candidate"] = candidate;
  if (tier_up_at >= 0) j["tier_up_at"] = tier_up_at;
  if (steps) j["steps"] = *steps;
  return j;
}

CaseSpec CaseSpec::from_json(const json& j) {
  CaseSpec s;
  s.name = j.value("name", std::string());
  s.flow_name = j.value("flow_name", std::string());
  s.source = j.value("source", std::string());
  s.path = j.value("path", std::string());
  s.flow_seed = j.value("flow_seed", uint64_t{0});
  s.event_seed = j.value("event_seed", uint64_t{0});
  s.start_ms = j.value("start_ms", int64_t{0});
  s.from = j.value("from", std::string());
  s.to = j.value("to", std::string());
  s.max_steps = j.value("max_steps", 60);
  s.migrate_at = j.value("migrate_at", -1);
  s.candidate = j.value("candidate", std::string());
  s.tier_up_at = j.value("tier_up_at", -1);
  if (j.contains("steps")) s.steps = j["steps"];
  return s;
}

CaseSpec make_case(std::string name, const std::string& flow_name, const FlowFacts& facts,
                   uint64_t event_seed) {
  Rng r(event_seed ^ 0x5DEECE66Dull);
  CaseSpec spec;
  spec.name = std::move(name);
  spec.flow_name = flow_name;
  spec.event_seed = event_seed;
  // Any minute of a year from 2026-11-18, so business hours and DST vary.
  spec.start_ms = 1'795'000'000'000 + static_cast<int64_t>(r.below(365 * 24 * 60)) * 60'000 + r.below(60'000);
  static const std::vector<std::string> kFrom = {"+4930123456", "0049 30 1234", "anonymous",
                                                 "+1 (212) 555-0100", "030 1234"};
  spec.from = r.pick(kFrom);
  spec.to = facts.numbers.empty() ? "+4940999" : facts.numbers.front();
  return spec;
}

namespace {

// Traces are compared every kTraceEvery steps, at the end, and whenever
// anything else differs; a difference found that way is located by running
// the case again comparing the trace after every step.
constexpr size_t kTraceEvery = 8;

CaseResult run_once(const CaseSpec& spec, const std::shared_ptr<engine::FlowVersion>& reference,
                    std::shared_ptr<engine::FlowVersion> candidate, const FlowFacts& facts,
                    size_t trace_every, const std::shared_ptr<engine::FlowVersion>& candidate_next,
                    const VersionFactory& fresh) {
  CaseResult result;
  const bool tiers_up = spec.tier_up_at >= 0 && fresh;
  if (tiers_up) {
    candidate = fresh();
    if (!candidate) {
      result.ok = false;
      result.failing_step = -1;
      result.difference = "  the candidate does not compile again\n";
      return result;
    }
  }
  const char* ref_name = reference->code->engine_name();
  const char* cand_name = candidate->code->engine_name();
  ManualClock clock;
  clock.now = spec.start_ms;
  Side a(reference, clock), b(candidate, clock);
  const bool migrates = spec.migrate_at >= 0 && candidate_next;
  a.hide_versions = b.hide_versions = migrates;
  auto compare = [&](const json& sa, const json& sb, long step) {
    if (sa == sb) return true;
    result.ok = false;
    result.failing_step = step;
    result.difference = describe(sa, sb, ref_name, cand_name);
    return false;
  };

  json request = {{"flow", spec.flow_name}, {"from", spec.from}, {"to", spec.to}};
  json sa = a.snapshot(a.start(request), true), sb = b.snapshot(b.start(request), true);
  if (!compare(sa, sb, -1)) return result;
  cover(result.coverage, sa);

  EventGenerator gen(spec.event_seed, facts, spec.max_steps);
  for (size_t i = 0;; ++i) {
    json step;
    if (spec.steps) {
      if (i >= spec.steps->size()) break;
      step = (*spec.steps)[i];
    } else {
      auto next = gen.next(a.observe(clock.now));
      if (!next || i > static_cast<size_t>(spec.max_steps) + 200) break;  // the tail is bounded too
      step = std::move(*next);
    }
    result.steps.push_back(step);
    if (migrates && i == static_cast<size_t>(spec.migrate_at)) b.reload(candidate_next);
    if (tiers_up && i == static_cast<size_t>(spec.tier_up_at)) {
      // The O2 code goes live between two events of the call.
      const bool switches = !runs_optimised(*candidate->code) && !b.observe(clock.now).ended;
      run_tier_ups(Backend::JitTiered);
      if (switches && runs_optimised(*candidate->code)) result.coverage["tiered_up"] = 1;
    }
    json oa, ob;
    if (step.contains("advance")) {
      clock.now += step["advance"].get<int64_t>();
      a.run_timers();
      b.run_timers();
    } else {
      oa = a.apply(step);
      ob = b.apply(step);
    }
    const bool traced = (i + 1) % trace_every == 0;
    sa = a.snapshot(std::move(oa), traced);
    sb = b.snapshot(std::move(ob), traced);
    if (sa != sb && !traced) {  // the traces too, to show everything that differs
      sa["trace"] = a.snapshot(nullptr, true)["trace"];
      sb["trace"] = b.snapshot(nullptr, true)["trace"];
    }
    if (!compare(sa, sb, static_cast<long>(i))) return result;
    cover(result.coverage, sa);
  }
  // The traces at the end.
  json ta = a.snapshot(nullptr, true), tb = b.snapshot(nullptr, true);
  cover(result.coverage, ta);
  if (migrates) result.coverage["migrated"] = b.migrations();
  if (tiers_up && !result.coverage.contains("tiered_up")) result.coverage["tiered_up"] = 0;
  compare(ta, tb, static_cast<long>(result.steps.size()) - 1);
  return result;
}

}  // namespace

CaseResult run_case(const CaseSpec& spec, const std::shared_ptr<engine::FlowVersion>& reference,
                    const std::shared_ptr<engine::FlowVersion>& candidate, const FlowFacts& facts,
                    const std::shared_ptr<engine::FlowVersion>& candidate_next, const VersionFactory& fresh) {
  CaseResult r = run_once(spec, reference, candidate, facts, kTraceEvery, candidate_next, fresh);
  if (r.ok || r.failing_step < 0) return r;
  // Find the step where the traces began to differ.
  CaseSpec again = spec;
  again.steps = r.steps;
  CaseResult precise = run_once(again, reference, candidate, facts, 1, candidate_next, fresh);
  if (precise.ok) return r;  // cannot happen with deterministic engines
  precise.coverage = r.coverage;
  return precise;
}

std::pair<CaseSpec, CaseResult> minimize(const CaseSpec& spec, const CaseResult& failure,
                                         const std::shared_ptr<engine::FlowVersion>& reference,
                                         const std::shared_ptr<engine::FlowVersion>& candidate,
                                         const FlowFacts& facts, int max_runs,
                                         const std::shared_ptr<engine::FlowVersion>& candidate_next,
                                         const VersionFactory& fresh) {
  CaseSpec best = spec;
  json steps = failure.steps;
  best.steps = steps;
  CaseResult best_result = failure;
  int runs = 0;
  bool progress = true;
  while (progress && runs < max_runs) {
    progress = false;
    for (size_t i = steps.size(); i-- > 0 && runs < max_runs;) {
      json fewer = steps;
      fewer.erase(fewer.begin() + static_cast<long>(i));
      CaseSpec trial = spec;
      trial.steps = fewer;
      ++runs;
      if (trial.migrate_at >= static_cast<int>(fewer.size())) trial.migrate_at = -1;
      if (trial.tier_up_at >= static_cast<int>(fewer.size())) trial.tier_up_at = -1;
      CaseResult r = run_case(trial, reference, candidate, facts, candidate_next, fresh);
      if (r.ok) continue;
      // Keep only the steps up to the one that shows the difference.
      if (r.failing_step >= 0 && static_cast<size_t>(r.failing_step) + 1 < fewer.size())
        fewer.erase(fewer.begin() + r.failing_step + 1, fewer.end());
      steps = fewer;
      best.steps = steps;
      best_result = r;
      best_result.steps = steps;
      progress = true;
    }
  }
  return {best, best_result};
}

std::string write_replay(const std::string& dir, const CaseSpec& spec, const CaseResult& result) {
  std::filesystem::create_directories(dir);
  std::string stem = spec.name;
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  std::string base = dir + "/" + stem;
  CaseSpec s = spec;
  s.steps = result.steps;
  json j = s.to_json();
  j["failing_step"] = result.failing_step;
  j["difference"] = result.difference;
  std::ofstream(base + ".json") << j.dump(2) << "\n";
  std::ofstream(base + ".flow") << spec.source;
  return base + ".json";
}

}  // namespace flowc::testing::diff
