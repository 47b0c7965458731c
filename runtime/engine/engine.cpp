// The call engine: starting calls, delivering events, session writes,
// automation results and timers to the calls' handlers, and turning what the
// handlers did into answers, held answers, requests and notifications.
#include "runtime/engine/engine.h"

#include <algorithm>
#include <random>

#include "stdlib/json_text.h"
#include "stdlib/text.h"

namespace flowc::engine {

using nlohmann::json;

struct Engine::Call {
  std::mutex mu;
  std::string id;
  std::shared_ptr<FlowVersion> version;
  std::unique_ptr<stdlib::CallState> state;
  std::string from, to;
  int64_t started_at_ms = 0;
  std::optional<int64_t> deadline;
  bool held = false;            // a telephony request waits for its answer
  int held_status = 200;        // the status that answer gets (201 for the start)
  stdlib::CommandList pending;  // commands produced with no request to answer
  bool ended = false;
  int64_t ended_at_ms = 0;
  std::string agent;                        // who took the call, for DISCONNECTED
  std::shared_ptr<FlowVersion> migrate_to;  // offered at the last install (--reload=migrate)
  size_t outstanding = 0;                   // automations sent and not finished yet
  bool end_reported = false;                // the observer heard of the end
  // Once the call has ended and its last automation has finished, the
  // version is let go (so an old version's code is freed when its last call
  // ends) and what stays readable until the TTL is kept here.
  std::string flow_name;
  uint32_t version_number = 0;
  std::optional<json> final_info;  // {"module","end_reason","session","trace","dropped"}
};

namespace {

constexpr size_t kMaxTextField = 128;

bool valid_party(const json& j) {
  if (!j.is_string()) return false;
  const auto& s = j.get_ref<const std::string&>();
  if (s.empty() || s.size() > kMaxTextField) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

bool valid_digits(const std::string& s) {
  if (s.size() > 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '*' || c == '#')) return false;
  return true;
}

rt_value str_value(const std::string& s) {
  rt_value v{};
  v.tag = RT_STR;
  v.len = static_cast<uint32_t>(s.size());
  v.u.str = s.data();
  return v;
}

}  // namespace

std::string Outcome::text() const {
  if (!ok())
    return json{{"error", {{"code", error_code}, {"message", error_message}}}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
  if (!body.is_null()) return body.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  stdlib::JsonText j(out);
  j.begin_object();
  if (!call_id.empty()) j.field("call_id", call_id);
  j.key("commands").raw(commands.text());
  if (ended) j.field("ended", true);
  j.end_object();
  return out;
}

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  std::random_device rd;
  id_state_ = (static_cast<uint64_t>(rd()) << 32) ^ rd();
}

Engine::~Engine() = default;

Outcome Engine::error(int status, std::string code, std::string message) const {
  Outcome o;
  o.status = status;
  o.error_code = std::move(code);
  o.error_message = std::move(message);
  return o;
}

// ---------------------------------------------------------------- flows

Engine::InstallReport Engine::install(std::shared_ptr<FlowVersion> version, bool migrate) {
  {
    std::unique_lock lock(flows_mu_);
    for (auto it = numbers_.begin(); it != numbers_.end();)
      it = it->second == version->name ? numbers_.erase(it) : std::next(it);
    for (const auto& n : version->flow->numbers) numbers_[n] = version->name;
    flows_[version->name] = version;
  }
  InstallReport report;
  if (!migrate) return report;
  std::vector<std::shared_ptr<Call>> all;
  {
    std::shared_lock lock(calls_mu_);
    all.reserve(calls_.size());
    for (const auto& [id, c] : calls_) all.push_back(c);
  }
  for (const auto& call : all) {
    std::lock_guard lock(call->mu);
    if (call->ended || !call->state || !call->version || call->version == version ||
        call->version->name != version->name || call->version->number > version->number)
      continue;
    const auto& from = call->version->tables.states;
    uint32_t m = call->state->module();
    std::string module = m < from.size() ? from[m] : std::string();
    if (version->tables.state_of(module) >= 0) {
      call->migrate_to = version;
      call->state->offer_migration(&version->tables, version->code.get(), call->version->number,
                                   version->number);
      ++report.offered;
    } else {
      call->migrate_to.reset();
      call->state->stay_pinned(call->version->number, version->number, module);
      ++report.pinned;
    }
  }
  return report;
}

void Engine::uninstall(const std::string& name) {
  std::unique_lock lock(flows_mu_);
  flows_.erase(name);
  for (auto it = numbers_.begin(); it != numbers_.end();)
    it = it->second == name ? numbers_.erase(it) : std::next(it);
}

std::shared_ptr<FlowVersion> Engine::current(const std::string& name) const {
  std::shared_lock lock(flows_mu_);
  auto it = flows_.find(name);
  return it == flows_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<FlowVersion>> Engine::flows() const {
  std::shared_lock lock(flows_mu_);
  std::vector<std::shared_ptr<FlowVersion>> out;
  for (const auto& [n, v] : flows_) out.push_back(v);
  return out;
}

std::string Engine::flow_for_number(const std::string& number) const {
  std::shared_lock lock(flows_mu_);
  auto it = numbers_.find(number);
  if (it != numbers_.end()) return it->second;
  if (auto e = stdlib::e164(number)) {
    it = numbers_.find(*e);
    if (it != numbers_.end()) return it->second;
  }
  return {};
}

// ---------------------------------------------------------------- calls

std::shared_ptr<Engine::Call> Engine::find(const std::string& id) const {
  std::shared_lock lock(calls_mu_);
  auto it = calls_.find(id);
  return it == calls_.end() ? nullptr : it->second;
}

stdlib::Scratch* Engine::acquire_scratch() {
  std::lock_guard lock(scratch_mu_);
  if (scratch_pool_.empty()) return new stdlib::Scratch();
  stdlib::Scratch* s = scratch_pool_.back().release();
  scratch_pool_.pop_back();
  return s;
}

void Engine::release_scratch(stdlib::Scratch* s) {
  std::lock_guard lock(scratch_mu_);
  scratch_pool_.emplace_back(s);
}

Outcome Engine::start_call(const json& request) {
  if (!request.is_object()) return error(400, "invalid_body", "the body must be a JSON object");
  if (!request.contains("from") || !valid_party(request["from"]))
    return error(422, "invalid_from", "'from' must be the caller's number as a string (1 to 128 characters)");
  if (!request.contains("to") || !valid_party(request["to"]))
    return error(422, "invalid_to", "'to' must be the dialled number as a string (1 to 128 characters)");
  std::string from = request["from"], to = request["to"];
  std::string flow_name;
  if (request.contains("flow")) {
    if (!request["flow"].is_string()) return error(422, "invalid_flow", "'flow' must be a string");
    flow_name = request["flow"];
  } else {
    flow_name = flow_for_number(to);
    if (flow_name.empty()) return error(404, "no_flow_for_number", "no flow answers the number '" + to + "'");
  }
  std::shared_ptr<FlowVersion> version = current(flow_name);
  if (!version) return error(404, "unknown_flow", "there is no flow named '" + flow_name + "'");
  if (active_calls() >= options_.max_active_calls)
    return error(503, "too_many_calls", "the runtime is at its limit of active calls");

  auto call = std::make_shared<Call>();
  {
    std::lock_guard lock(id_mu_);
    call->id = options_.new_call_id ? options_.new_call_id() : std::string();
    if (call->id.empty()) {
      // splitmix64: unique per engine, not guessable from outside
      uint64_t z = (id_state_ += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      z ^= z >> 31;
      char buf[24];
      std::snprintf(buf, sizeof buf, "c-%016llx", static_cast<unsigned long long>(z));
      call->id = buf;
    }
  }
  int64_t now = options_.now_ms();
  call->version = version;
  call->flow_name = version->name;
  call->version_number = version->number;
  call->from = from;
  call->to = to;
  call->started_at_ms = now;
  call->state = std::make_unique<stdlib::CallState>(version->tables, *version->code, call->id, from, to, now);
  call->held_status = 201;
  ++version->active_calls;
  {
    std::unique_lock lock(calls_mu_);
    // The key views the call's own id; a repeated id (a test's id maker)
    // replaces the old entry, key included.
    calls_.erase(call->id);
    calls_.emplace(call->id, call);
    ++active_;
  }
  if (options_.observer) options_.observer->call_started(call->id, *version);

  Outcome answer;
  answer.status = 201;
  answer.call_id = call->id;
  Effects fx;
  {
    std::lock_guard lock(call->mu);
    stdlib::Scratch* scratch = acquire_scratch();
    uint32_t status = call->state->start(*scratch, now);
    release_scratch(scratch);
    after_run(call, status, &answer, fx);
  }
  dispatch(call, fx);
  return answer;
}

Outcome Engine::deliver(const std::string& call_id, const json& event) {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return error(404, "unknown_call", "there is no call '" + call_id + "'");
  if (!event.is_object() || !event.contains("type") || !event["type"].is_string())
    return error(400, "invalid_event", "the event must be a JSON object with a string 'type'");
  static const std::map<std::string, uint32_t> kTypes = {{"prompt_done", RT_EV_PROMPT_DONE},
                                                         {"dtmf", RT_EV_DTMF},
                                                         {"input_timeout", RT_EV_INPUT_TIMEOUT},
                                                         {"agent_answered", RT_EV_AGENT_ANSWERED},
                                                         {"hangup", RT_EV_HANGUP},
                                                         {"transfer_failed", RT_EV_TRANSFER_FAILED}};
  const std::string& type = event["type"].get_ref<const std::string&>();
  auto it = kTypes.find(type);
  if (it == kTypes.end())
    return error(422, "unknown_event",
                 "unknown event type '" + type +
                     "' (prompt_done, dtmf, input_timeout, agent_answered, transfer_failed, hangup)");
  rt_event ev{};
  ev.kind = it->second;
  std::string digits, agent;
  if (ev.kind == RT_EV_DTMF) {
    if (!event.contains("digits") || !event["digits"].is_string() ||
        !valid_digits(event["digits"].get_ref<const std::string&>()))
      return error(422, "invalid_digits",
                   "a dtmf event needs 'digits': a string of 0-9, * and # (at most 64)");
    digits = event["digits"];
    ev.digits = str_value(digits);
  }
  if (ev.kind == RT_EV_AGENT_ANSWERED) {
    if (!event.contains("agent") || !valid_party(event["agent"]))
      return error(422, "invalid_agent", "an agent_answered event needs 'agent': the agent's login name");
    agent = event["agent"];
    ev.agent = str_value(agent);
  }

  Outcome answer;
  answer.call_id = call_id;
  Effects fx;
  std::shared_ptr<FlowVersion> version;
  {
    std::lock_guard lock(call->mu);
    if (call->ended) {
      if (ev.kind == RT_EV_HANGUP) {
        answer.ended = true;
        return answer;
      }
      return error(409, "call_ended", "the call '" + call_id + "' has ended");
    }
    if (call->held && ev.kind != RT_EV_HANGUP)
      return error(
          409, "call_busy",
          "the call is waiting for an external result; its answer to the previous event is still coming");
    stdlib::Scratch* scratch = acquire_scratch();
    uint32_t status = call->state->handle(ev, *scratch, options_.now_ms());
    release_scratch(scratch);
    after_run(call, status, &answer, fx);
    version = call->version;
  }
  dispatch(call, fx);
  if (options_.observer) options_.observer->event_handled(call_id, *version);
  return answer;
}

void Engine::after_run(const std::shared_ptr<Call>& ptr, uint32_t status, Outcome* answer, Effects& fx) {
  Call& call = *ptr;
  stdlib::CallState& st = *call.state;
  if (st.take_migrated() && call.migrate_to) {
    // The run moved to the offered version; the old one's code has returned
    // and nothing refers to it any more, so it may be freed now.
    --call.version->active_calls;
    ++call.migrate_to->active_calls;
    call.version = std::move(call.migrate_to);
    call.version_number = call.version->number;
  } else if (!st.migration_offered()) {
    call.migrate_to.reset();  // withdrawn: the module was not in the new version
  }
  stdlib::CommandList commands = st.take_commands();
  fx.requests = st.take_requests();
  call.outstanding += fx.requests.size();
  fx.agent = st.take_agent();
  if (fx.agent) call.agent = fx.agent->agent;
  int64_t now = options_.now_ms();
  if (auto t = st.take_timer()) {
    if (t->set) {
      call.deadline = now + t->ms;
      std::lock_guard lock(timers_mu_);
      timers_.push({*call.deadline, ptr});
    } else {
      call.deadline.reset();
    }
  }
  if (status == RT_ENDED && !call.ended) {
    call.ended = true;
    call.ended_at_ms = now;
    call.deadline.reset();
    fx.ended_now = true;
    std::lock_guard lock(timers_mu_);
    expiries_.push({now + options_.ended_call_ttl_ms, ptr});
  }
  bool waiting_external = status == RT_SUSPEND_EXTERNAL;
  if (call.held) {
    call.pending.append(commands);
    if (!waiting_external) {
      Outcome reply;
      reply.status = call.held_status;
      reply.call_id = call.id;
      reply.commands = std::exchange(call.pending, {});
      reply.ended = call.ended;
      fx.reply = std::move(reply);
      call.held = false;
    }
    if (answer) answer->ended = call.ended;  // e.g. a hangup while held
    return;
  }
  if (answer) {
    stdlib::CommandList all = std::exchange(call.pending, {});
    all.append(commands);
    answer->commands = std::move(all);
    answer->ended = call.ended;
    if (waiting_external) {
      // The telephony side gets its answer when the wait is over.
      call.held = true;
      call.held_status = answer->status == 201 ? 201 : 200;
      call.pending = std::exchange(answer->commands, {});
      answer->held = true;
    }
    return;
  }
  // Produced with no request to answer (a queue timeout, say): kept for the
  // next answer and offered to the server.
  if (!commands.empty()) {
    call.pending.append(commands);
    Outcome push;
    push.push = true;
    push.call_id = call.id;
    push.commands = call.pending;
    push.ended = call.ended;
    fx.reply = std::move(push);
  }
}

void Engine::dispatch(const std::shared_ptr<Call>& call, Effects& fx) {
  std::weak_ptr<Call> weak = call;
  std::shared_ptr<FlowVersion> version;
  {
    std::lock_guard lock(call->mu);
    version = call->version;
  }
  for (auto& req : fx.requests) {
    uint32_t index = req.automation;
    if (!options_.executor) {
      ActionResult r;
      r.detail = "no action executor configured";
      automation_done(weak, index, std::move(r));
      continue;
    }
    options_.executor->execute(call->id, std::move(req), [this, weak, index](ActionResult r) {
      automation_done(weak, index, std::move(r));
    });
  }
  if (options_.observer && fx.agent && version)
    options_.observer->agent_connected(call->id, *version, fx.agent->agent, call->from, fx.agent->reason);
  if (fx.ended_now && version) {
    {
      std::unique_lock lock(calls_mu_);
      --active_;
    }
    --version->active_calls;
    if (options_.observer) {
      std::string agent, reason;
      {
        std::lock_guard lock(call->mu);
        agent = call->agent;
        reason = call->state->end_reason();
      }
      if (!agent.empty()) options_.observer->agent_disconnected(call->id, *version, agent);
      options_.observer->call_ended(call->id, *version, reason);
    }
    std::lock_guard lock(call->mu);
    call->end_reported = true;
    release_version(*call);
  }
  if (fx.reply && options_.on_reply) options_.on_reply(call->id, *fx.reply);
}

void Engine::release_version(Call& call) {
  if (!call.ended || !call.end_reported || call.outstanding > 0 || !call.version) return;
  const auto& states = call.version->tables.states;
  uint32_t m = call.state->module();
  json info = {{"module", m < states.size() ? json(states[m]) : json(nullptr)},
               {"end_reason", call.state->end_reason()},
               {"session", call.state->session(true)},
               {"trace", call.state->trace_json(true)},
               {"dropped", call.state->trace_dropped()}};
  call.final_info = std::move(info);
  call.state.reset();  // refers to the version's tables and code
  call.version.reset();
  call.migrate_to.reset();
}

void Engine::automation_done(const std::weak_ptr<Call>& weak, uint32_t index, ActionResult result) {
  std::shared_ptr<Call> call = weak.lock();
  if (!call) return;
  Effects fx;
  std::string name;
  std::shared_ptr<FlowVersion> version;
  {
    std::lock_guard lock(call->mu);
    if (call->outstanding > 0) --call->outstanding;
    version = call->version;
    if (!version) return;  // cannot happen: the version stays while automations are out
    int64_t now = options_.now_ms();
    const json* body = result.json ? &*result.json : nullptr;
    call->state->automation_finished(index, result.ok, body, result.detail, now);
    if (index < version->tables.automations.size()) name = version->tables.automations[index].name;
    if (!call->ended) {
      rt_event ev{};
      ev.kind = RT_EV_AUTOMATION_DONE;
      stdlib::Scratch* scratch = acquire_scratch();
      uint32_t status = call->state->handle(ev, *scratch, now);
      release_scratch(scratch);
      after_run(call, status, nullptr, fx);
    }
  }
  if (options_.observer) options_.observer->automation_finished(call->id, *version, name, result);
  dispatch(call, fx);
  std::lock_guard lock(call->mu);
  release_version(*call);
}

// ---------------------------------------------------------------- sessions

Outcome Engine::write_session(const std::string& call_id, const json& values) {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return error(404, "unknown_call", "there is no call '" + call_id + "'");
  Outcome answer;
  answer.call_id = call_id;
  Effects fx;
  {
    std::lock_guard lock(call->mu);
    if (call->ended) return error(409, "call_ended", "the call '" + call_id + "' has ended");
    int64_t now = options_.now_ms();
    if (auto err = call->state->write(values, now)) return error(err->status, err->code, err->message);
    rt_event ev{};
    ev.kind = RT_EV_SESSION_WRITE;
    stdlib::Scratch* scratch = acquire_scratch();
    uint32_t status = call->state->handle(ev, *scratch, now);
    release_scratch(scratch);
    after_run(call, status, nullptr, fx);
    answer.body = {{"call_id", call_id}, {"session", call->state->session(true)}};
  }
  dispatch(call, fx);
  return answer;
}

std::optional<json> Engine::session(const std::string& call_id, bool redact) const {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return std::nullopt;
  std::lock_guard lock(call->mu);
  if (!call->state) return (*call->final_info)["session"];  // ended and released: kept redacted
  return call->state->session(redact);
}

std::optional<json> Engine::call_info(const std::string& call_id, bool with_session) const {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return std::nullopt;
  std::lock_guard lock(call->mu);
  const json* fin = call->final_info ? &*call->final_info : nullptr;
  json module = nullptr;
  if (fin) {
    module = (*fin)["module"];
  } else {
    const auto& states = call->version->tables.states;
    uint32_t m = call->state->module();
    if (m < states.size()) module = states[m];
  }
  json j = {{"id", call->id},
            {"flow", call->flow_name},
            {"version", call->version_number},
            {"from", call->from},
            {"to", call->to},
            {"module", module},
            {"started_at", stdlib::iso_time_utc(call->started_at_ms)},
            {"state", call->ended  ? "ended"
                      : call->held ? "waiting"
                                   : "active"}};
  if (call->ended) {
    j["ended_at"] = stdlib::iso_time_utc(call->ended_at_ms);
    j["end_reason"] = fin ? (*fin)["end_reason"] : json(call->state->end_reason());
  }
  if (!call->pending.empty()) j["pending_commands"] = call->pending.to_json();
  if (call->migrate_to) j["migrating_to"] = call->migrate_to->number;
  if (with_session) j["session"] = fin ? (*fin)["session"] : call->state->session(true);
  return j;
}

std::optional<json> Engine::session_for_agent(const std::string& call_id) const {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return std::nullopt;
  std::lock_guard lock(call->mu);
  if (!call->state) return (*call->final_info)["session"];  // ended and released: kept redacted
  return call->state->session(false);
}

bool Engine::add_trace(const std::string& call_id, const std::string& kind, json data) {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return false;
  std::lock_guard lock(call->mu);
  if (!call->state) {
    // Ended and its version released (a CTI delivery answering late, say):
    // the entry joins the trace kept for reading, within the same bound.
    json& trace = (*call->final_info)["trace"];
    if (trace.size() >= stdlib::CallState::kTraceLimit) {
      trace.erase(trace.begin());
      (*call->final_info)["dropped"] = (*call->final_info)["dropped"].get<size_t>() + 1;
    }
    trace.push_back(
        {{"at_ms", options_.now_ms() - call->started_at_ms}, {"kind", kind}, {"data", std::move(data)}});
    return true;
  }
  call->state->add_trace(kind, std::move(data));
  return true;
}

std::optional<json> Engine::trace(const std::string& call_id) const {
  std::shared_ptr<Call> call = find(call_id);
  if (!call) return std::nullopt;
  std::lock_guard lock(call->mu);
  json j = {{"call_id", call->id}, {"flow", call->flow_name}, {"version", call->version_number}};
  if (call->final_info) {
    j["entries"] = (*call->final_info)["trace"];
    if (auto d = (*call->final_info)["dropped"].get<size_t>()) j["dropped"] = d;
    return j;
  }
  j["entries"] = call->state->trace_json(true);
  if (call->state->trace_dropped()) j["dropped"] = call->state->trace_dropped();
  return j;
}

json Engine::list_calls() const {
  std::vector<std::shared_ptr<Call>> all;
  {
    std::shared_lock lock(calls_mu_);
    for (const auto& [id, c] : calls_) all.push_back(c);
  }
  json out = json::array();
  for (const auto& c : all) {
    {
      std::lock_guard lock(c->mu);
      if (c->ended) continue;
    }
    if (auto info = call_info(c->id, false)) out.push_back(std::move(*info));
  }
  std::sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return a["started_at"] < b["started_at"] || (a["started_at"] == b["started_at"] && a["id"] < b["id"]);
  });
  return out;
}

size_t Engine::active_calls() const {
  std::shared_lock lock(calls_mu_);
  return active_;
}

// ---------------------------------------------------------------- time

void Engine::run_timers() {
  int64_t now = options_.now_ms();
  std::vector<TimerEntry> due, expired;
  {
    std::lock_guard lock(timers_mu_);
    while (!timers_.empty() && timers_.top().at <= now) {
      due.push_back(timers_.top());
      timers_.pop();
    }
    while (!expiries_.empty() && expiries_.top().at <= now) {
      expired.push_back(expiries_.top());
      expiries_.pop();
    }
  }
  for (const auto& [deadline, weak] : due) {
    std::shared_ptr<Call> call = weak.lock();
    if (!call) continue;  // forgotten already
    Effects fx;
    {
      std::lock_guard lock(call->mu);
      if (call->ended || call->deadline != deadline) continue;  // cancelled or moved
      call->deadline.reset();
      rt_event ev{};
      ev.kind = RT_EV_TIMER;
      stdlib::Scratch* scratch = acquire_scratch();
      uint32_t status = call->state->handle(ev, *scratch, now);
      release_scratch(scratch);
      after_run(call, status, nullptr, fx);
    }
    dispatch(call, fx);
  }
  if (!expired.empty()) {
    std::unique_lock lock(calls_mu_);
    for (const auto& [at, weak] : expired) {
      auto call = weak.lock();
      if (!call) continue;
      auto it = calls_.find(call->id);
      if (it != calls_.end() && it->second == call) calls_.erase(it);
    }
  }
}

std::optional<int64_t> Engine::next_deadline() const {
  std::lock_guard lock(timers_mu_);
  std::optional<int64_t> next;
  if (!timers_.empty()) next = timers_.top().at;
  if (!expiries_.empty() && (!next || expiries_.top().at < *next)) next = expiries_.top().at;
  return next;
}

}  // namespace flowc::engine
