// Driving one call through the engine on a virtual clock: caller events
// from the scenario's script, mocked automation answers when they are due,
// timers when the clock reaches them. Caller events take no time; only
// `wait`, mock delays and timeouts move the clock.
#include "runtime/flowtest/scenario_runner.h"

#include <chrono>

#include "compiler/ir/ir.h"
#include "runtime/cti/nexj_notifier.h"
#include "runtime/engine/engine.h"
#include "runtime/flowtest/expectations.h"
#include "runtime/flowtest/mock_executor.h"

namespace flowc::flowtest {

using nlohmann::json;

// ---------------------------------------------------------------- names

void check_against_flow(const TestFile& file, const ir::Flow& flow, DiagnosticEngine& diags) {
  auto has_module = [&](const std::string& n) {
    for (const auto& s : flow.states)
      if (s.name == n) return true;
    return false;
  };
  auto has_automation = [&](const std::string& n) {
    for (const auto& a : flow.automations)
      if (MockExecutor::answers(n, a.name)) return true;
    return false;
  };
  std::vector<std::string> modules, automations, variables;
  for (const auto& st : flow.states) modules.push_back(st.name);
  for (const auto& a : flow.automations) automations.push_back(a.name);
  for (const auto& sl : flow.slots) variables.push_back(sl.name);
  auto report = [&](DiagId id, const SourceRange& range, const std::string& name,
                    const std::vector<std::string>& known) {
    diags.report(id, range, {flow.name, name});
    std::string near = closest_name(name, known);
    if (!near.empty()) diags.note(DiagId::NoteDidYouMean, range, {near});
  };
  for (const auto& s : file.scenarios) {
    for (const auto& m : s.mocks)
      if (!has_automation(m.name)) report(DiagId::TestUnknownAutomation, m.range, m.name, automations);
    for (const auto& r : s.requests)
      if (!has_automation(r.name)) report(DiagId::TestUnknownAutomation, r.range, r.name, automations);
    for (const auto& e : s.session)
      if (flow.slot_of(e.name) < 0) report(DiagId::TestUnknownVariable, e.range, e.name, variables);
    for (const auto& m : s.modules)
      if (m != "..." && !has_module(m)) report(DiagId::TestUnknownModule, s.modules_range, m, modules);
    for (const auto& c : s.cti)
      if (!c.none && flow.cti_protocol.empty()) diags.report(DiagId::TestNoCti, c.range, {flow.name});
  }
}

// ---------------------------------------------------------------- the run

namespace {

constexpr int64_t kHorizonMs = 24LL * 3600 * 1000;  // no scenario waits longer than a day
constexpr int kMaxRounds = 10'000;                  // caller events and clock moves per scenario

class CallDriver {
 public:
  CallDriver(const Scenario& s, const std::shared_ptr<engine::FlowVersion>& version, size_t index)
      : s_(s),
        version_(version),
        now_(s.at_ms.value_or(kDefaultStartMs)),
        start_(now_),
        mocks_(s.mocks, version->tables, now_) {
    engine::EngineOptions o;
    o.now_ms = [this] { return now_; };
    o.executor = &mocks_;
    o.on_reply = [this](const std::string&, const engine::Outcome& out) { on_reply(out); };
    std::string id = s.call_id.empty() ? "c-test-" + std::to_string(index) : s.call_id;
    o.new_call_id = [id] { return id; };
    o.ended_call_ttl_ms = 1000LL * kHorizonMs;
    // CTI as the runtime sends it (docs/cti.md), with every message captured
    // and answered at once: no network, ids from 1 in every scenario.
    cti::NexjNotifierOptions no;
    no.send = [this](client::HttpRequest req, std::function<void(client::HttpResponse)> done) {
      cti_sent_.push_back({{"endpoint", req.url}, {"body", req.body}});
      json sent = json::parse(req.body, nullptr, false);
      client::HttpResponse ok;
      ok.status = 200;
      ok.content_type = "application/json";
      ok.json = json{{"jsonrpc", "2.0"}, {"result", nullptr}, {"id", sent.is_object() ? sent["id"] : json()}};
      ok.body = ok.json->dump();
      ok.attempts = 1;
      done(std::move(ok));
    };
    no.trace = [this](const std::string& call, const std::string& kind, json data) {
      if (engine_) engine_->add_trace(call, kind, std::move(data));
    };
    cti_ = std::make_unique<cti::NexjNotifier>(std::move(no));
    o.observer = cti_.get();
    engine_ = std::make_unique<engine::Engine>(std::move(o));
    engine_->install(version);
  }

  void run(ScenarioResult& r) {
    std::string to = s_.to;
    if (to.empty()) to = version_->flow->numbers.empty() ? "+10000000000" : version_->flow->numbers.front();
    engine::Outcome o = engine_->start_call({{"flow", version_->name}, {"from", s_.from}, {"to", to}});
    if (!o.ok()) {
      problem(r, "the engine refused the call: " + o.error_message, s_.range);
      return;
    }
    id_ = o.call_id;
    settle(r, std::move(o));
    size_t next = 0;
    for (int round = 0; !ended_ && !stopped_ && round < kMaxRounds; ++round) {
      drain();
      if (held_ && reply_) {
        engine::Outcome got = std::move(*reply_);
        reply_.reset();
        held_ = false;
        take_answer(got);
      }
      if (ended_) break;
      const CallerStep* step = next < s_.steps.size() ? &s_.steps[next] : nullptr;
      using K = CallerStep::Kind;
      // While the telephony side waits for a held answer, only the world acts:
      // timed session writes and the clock; otherwise the clock runs to the answer.
      if (held_ && step && step->kind == K::Wait) {
        advance(step->until ? std::max<int64_t>(0, start_ + step->ms - now_) : step->ms);
        ++next;
        continue;
      }
      if (held_ && !(step && step->kind == K::Write)) {
        wait_for_reply(r);
        continue;
      }
      if (step && step->kind == K::Write) {
        engine::Outcome w = engine_->write_session(id_, step->values);
        if (!w.ok()) problem(r, "the session write was refused: " + w.error_message, step->range);
        ++next;
        continue;
      }
      bool prompt = last_type_ == "play" || last_type_ == "say" || last_type_ == "pause";
      // `wait` lets the prompt that plays finish first (the caller waits on the
      // line); `wait until` (recordings) has its prompt_done steps written out.
      if (step && step->kind == K::Wait && (step->until || !prompt)) {
        advance(step->until ? std::max<int64_t>(0, start_ + step->ms - now_) : step->ms);
        ++next;
        continue;
      }
      if (step && step->kind == K::PromptDone && !prompt) {
        ++next;  // a recorded prompt_done where the flow now plays nothing: the commands tell the difference
        continue;
      }
      json event;
      if (step && step->kind == K::Hangup) {
        event = {{"type", "hangup"}};
        ++next;
      } else if (prompt) {
        event = {{"type", "prompt_done"}};
        if (step && step->kind == K::PromptDone) ++next;
      } else if (last_type_ == "collect") {
        if (step && step->kind == K::Press) {
          event = {{"type", "dtmf"}, {"digits", step->text}};
          ++next;
        } else if (step && step->kind == K::Silence) {
          event = {{"type", "input_timeout"}};
          ++next;
        } else {
          stuck(r, "keys (press or silence)", step);
          return;
        }
      } else if (last_type_ == "enqueue" && !connected_) {
        if (step && step->kind == K::Agent) {
          event = {{"type", "agent_answered"}, {"agent", step->text}};
          connected_ = true;
          ++next;
        } else if (!step) {
          event = {{"type", "hangup"}};  // the caller gives up waiting: the script is over
        } else {
          stuck(r, "an agent to answer (agent \"NAME\"), time to pass (wait) or a hangup", step);
          return;
        }
      } else if (last_type_ == "transfer") {
        if (step && step->kind == K::TransferFailed) {
          event = {{"type", "transfer_failed"}};
          ++next;
        } else if (!step) {
          event = {{"type", "hangup"}};  // transferred: the call leaves the flow
        } else {
          stuck(r, "the transfer to fail (transfer_failed) or nothing more", step);
          return;
        }
      } else if (!step) {
        event = {{"type", "hangup"}};  // talking to an agent, or waiting: the script is over
      } else {
        stuck(r,
              connected_
                  ? "nothing more (the caller talks to an agent; only hangup, wait or write can follow)"
                  : "nothing from the caller",
              step);
        return;
      }
      engine::Outcome answer = engine_->deliver(id_, event);
      if (!answer.ok()) {
        problem(r, "the engine refused the event " + event.dump() + ": " + answer.error_message,
                step ? step->range : s_.range);
        return;
      }
      settle(r, std::move(answer));
    }
    if (!ended_ && !stopped_)
      problem(r, "the call did not end within " + std::to_string(kMaxRounds) + " steps", s_.range);
    if (next < s_.steps.size() && !stopped_) {
      const CallerStep& left = s_.steps[next];
      problem(r,
              "the call ended before this caller step (and " + std::to_string(s_.steps.size() - next - 1) +
                  " after it) was used",
              left.range);
    }
  }

  void collect(ScenarioResult& r) {
    r.commands = commands_;
    r.requests = mocks_.requests();
    r.cti = cti_sent_;
    for (const auto& p : mocks_.problems()) problem(r, p, s_.range);
    if (id_.empty()) return;
    if (auto s = engine_->session(id_, false)) r.session = *s;
    if (auto t = engine_->trace(id_)) r.trace = (*t)["entries"];
    r.ended = ended_;
    std::string prev;
    for (const auto& e : r.trace) {
      const std::string kind = e.value("kind", "");
      if (kind == "enter") {
        std::string m = e["data"].value("module", "");
        if (!prev.empty()) r.moves.insert({prev, m});
        r.modules.push_back(m);
        prev = m;
      } else if (kind == "end") {
        r.end_reason = e["data"].value("reason", "");
      }
    }
  }

 private:
  void problem(ScenarioResult& r, const std::string& what, const SourceRange& range) {
    Divergence d;
    d.what = what;
    d.range = range;
    r.failures.push_back(std::move(d));
  }
  void stuck(ScenarioResult& r, const std::string& wanted, const CallerStep* step) {
    std::string module = current_module();
    problem(r,
            "at module '" + module + "' the call waits for " + wanted + ", but " +
                (step ? "the next caller step is '" + describe(*step) + "'"
                      : "the scenario has no more caller steps"),
            step ? step->range : s_.range);
    stopped_ = true;
  }
  std::string current_module() const {
    auto info = engine_->call_info(id_, false);
    return info && (*info)["module"].is_string() ? (*info)["module"].get<std::string>() : "?";
  }
  static std::string describe(const CallerStep& s) {
    using K = CallerStep::Kind;
    switch (s.kind) {
      case K::Press: return "press \"" + s.text + "\"";
      case K::Silence: return "silence";
      case K::Hangup: return "hangup";
      case K::Agent: return "agent \"" + s.text + "\"";
      case K::Wait: return "wait";
      case K::TransferFailed: return "transfer_failed";
      case K::Write: return "write";
      case K::PromptDone: return "prompt_done";
    }
    return "?";
  }

  void add_commands(const stdlib::CommandList& list, size_t skip) {
    json cmds = list.to_json();
    for (size_t i = skip; i < cmds.size(); ++i) {
      commands_.push_back(cmds[i]);
      last_type_ = cmds[i].value("type", "");
    }
  }
  void on_reply(const engine::Outcome& out) {
    if (out.push) {
      add_commands(out.commands, pending_seen_);
      pending_seen_ = out.commands.size();
      ended_ |= out.ended;
    } else {
      reply_ = out;
    }
  }
  void take_answer(const engine::Outcome& o) {
    add_commands(o.commands, pending_seen_);
    pending_seen_ = 0;
    ended_ |= o.ended;
  }
  // Answers, timers and session writes due now, until nothing more is due.
  void drain() {
    for (int i = 0; i < kMaxRounds; ++i) {
      bool progressed = mocks_.complete_due([this](const std::string& call, const json& values) {
        engine::Outcome w = engine_->write_session(call, values);
        return w.ok() ? std::string() : w.error_message;
      });
      auto d = engine_->next_deadline();
      if (d && *d <= now_) {
        engine_->run_timers();
        progressed = true;
      }
      if (!progressed) return;
    }
  }
  std::optional<int64_t> next_event() const {
    std::optional<int64_t> t = mocks_.next_due();
    auto d = engine_->next_deadline();
    if (d && (!t || *d < *t)) t = d;
    if (t && *t > now_ + kHorizonMs) return std::nullopt;
    return t;
  }
  void advance(int64_t ms) {
    int64_t target = now_ + ms;
    for (int i = 0; i < kMaxRounds; ++i) {
      drain();
      auto t = next_event();
      if (!t || *t > target) break;
      now_ = std::max(now_, *t);
    }
    now_ = target;
    drain();
  }
  // Takes an answer; a held one completes later, when the external result
  // arrives (the main loop moves the clock to it).
  void settle(ScenarioResult&, engine::Outcome o) {
    if (o.held)
      held_ = true;
    else
      take_answer(o);
  }
  void wait_for_reply(ScenarioResult& r) {
    for (int i = 0; i < kMaxRounds; ++i) {
      drain();
      if (reply_) return;
      auto t = next_event();
      if (!t) break;
      now_ = std::max(now_, *t);
    }
    problem(r,
            "at module '" + current_module() + "' the call waits for an external result that never arrives",
            s_.range);
    stopped_ = true;
  }

  const Scenario& s_;
  std::shared_ptr<engine::FlowVersion> version_;
  int64_t now_;
  int64_t start_;
  MockExecutor mocks_;
  json cti_sent_ = json::array();
  std::unique_ptr<cti::NexjNotifier> cti_;  // outlives the engine, which points at it
  std::unique_ptr<engine::Engine> engine_;
  std::string id_;
  json commands_ = json::array();
  size_t pending_seen_ = 0;
  std::string last_type_;
  bool connected_ = false;
  bool ended_ = false;
  bool stopped_ = false;
  bool held_ = false;  // the last event's answer is held until an external result
  std::optional<engine::Outcome> reply_;
};

}  // namespace

ScenarioResult run_scenario(const Scenario& scenario, const std::shared_ptr<engine::FlowVersion>& version,
                            size_t index) {
  auto t0 = std::chrono::steady_clock::now();
  ScenarioResult r;
  r.name = scenario.name;
  r.range = scenario.range;
  {
    CallDriver driver(scenario, version, index);
    driver.run(r);
    driver.collect(r);
  }
  // The expectations first: the first difference from the scenario is what a
  // reader wants; what the script could not do (a step left over) follows.
  std::vector<Divergence> script = std::move(r.failures);
  r.failures.clear();
  compare_expectations(scenario, r);
  for (auto& d : script) r.failures.push_back(std::move(d));
  r.passed = r.failures.empty();
  r.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace flowc::flowtest
