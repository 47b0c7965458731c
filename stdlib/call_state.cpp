// The call state: running handlers, collecting their effects, automation
// results with response mapping, checked session writes, and the trace.
#include "stdlib/call_state.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "stdlib/commands.h"
#include "stdlib/json_text.h"
#include "stdlib/text.h"

namespace flowc::stdlib {

using nlohmann::json;

namespace {

constexpr const char* kRedacted = "<redacted>";

bool valid_ivr_name(std::string_view name) {
  if (name.size() < 5 || name.size() > 128 || name.substr(0, 4) != "ivr.") return false;
  bool segment_start = true;
  for (size_t i = 4; i < name.size(); ++i) {
    char c = name[i];
    if (c == '.') {
      if (segment_start) return false;
      segment_start = true;
      continue;
    }
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (!segment_start && c >= '0' && c <= '9');
    if (!ok) return false;
    segment_start = false;
  }
  return !segment_start;
}

ValueType type_of(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return ValueType::Null;
    case json::value_t::boolean: return ValueType::Bool;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return ValueType::Number;
    case json::value_t::string: return ValueType::String;
    case json::value_t::object: return ValueType::Object;
    case json::value_t::array: return ValueType::Array;
    default: return ValueType::Any;
  }
}

}  // namespace

// ---------------------------------------------------------------- values

json to_json(const rt_value& v) {
  switch (v.tag) {
    case RT_NULL: return nullptr;
    case RT_BOOL: return v.u.b != 0;
    case RT_NUM: {
      // Whole numbers are written as integers (7, not 7.0), as JSON users expect.
      double d = v.u.num;
      if (d >= -9.0e15 && d <= 9.0e15 && d == static_cast<double>(static_cast<int64_t>(d)) &&
          !(d == 0 && std::signbit(d)))
        return static_cast<int64_t>(d);
      return d;
    }
    case RT_STR: return std::string(v.u.str, v.len);
    case RT_OBJ:
    case RT_ARR: return *static_cast<const json*>(v.u.json);
    default: return nullptr;
  }
}

void append_text(std::string& out, const rt_value& v) {
  switch (v.tag) {
    case RT_BOOL: out += v.u.b ? "true" : "false"; break;
    case RT_NUM: out += format_number(v.u.num); break;
    case RT_STR: out.append(v.u.str, v.len); break;
    case RT_OBJ:
    case RT_ARR:
      out += static_cast<const json*>(v.u.json)->dump(-1, ' ', false, json::error_handler_t::replace);
      break;
    default: break;  // missing and null print as nothing
  }
}

rt_value view_of(const json& j) {
  rt_value v{};
  switch (j.type()) {
    case json::value_t::null: v.tag = RT_NULL; break;
    case json::value_t::boolean:
      v.tag = RT_BOOL;
      v.u.b = j.get<bool>() ? 1 : 0;
      break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      v.tag = RT_NUM;
      v.u.num = j.get<double>();
      break;
    case json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      v.tag = RT_STR;
      v.len = static_cast<uint32_t>(s.size());
      v.u.str = s.data();
      break;
    }
    case json::value_t::object:
    case json::value_t::array:
      v.tag = j.is_object() ? RT_OBJ : RT_ARR;
      v.u.json = &j;
      break;
    default: v.tag = RT_MISSING; break;
  }
  return v;
}

bool truthy(const rt_value& v) {
  return v.tag == RT_BOOL && v.u.b != 0;
}

// ---------------------------------------------------------------- life cycle

CallState::CallState(const FlowTables& tables, FlowCode& code, const std::string& id, const std::string& from,
                     const std::string& to, int64_t started_at_ms)
    : tables_(&tables),
      code_(&code),
      slots_(tables.slots.size()),
      automation_status_(tables.automations.size(), RT_AUTO_IDLE),
      automation_epoch_(tables.automations.size(), 0),
      when_fired_(tables.automations.size(), 0),
      started_at_ms_(started_at_ms) {
  raw_.slots = slots_.data();
  raw_.automations = automation_status_.data();
  raw_.host = this;
  raw_.resume = tables.start_block;
  auto put = [&](uint32_t slot, const std::string& s) {
    rt_value v{};
    v.tag = RT_STR;
    v.len = static_cast<uint32_t>(s.size());
    v.u.str = s.data();
    if (slot < slots_.size()) set_slot(slot, v, nullptr);
  };
  put(0, id);
  put(1, from);
  put(2, to);
  put(3, iso_time_utc(started_at_ms));  // ISO 8601 UTC, millisecond precision
}

CallState::~CallState() {
  for (auto& v : slots_) free_slot(v);
}

void CallState::free_slot(rt_value& v) {
  if (v.tag == RT_STR) delete[] v.u.str;
  if (v.tag == RT_OBJ || v.tag == RT_ARR) delete static_cast<const json*>(v.u.json);
  v = rt_value{};
}

uint32_t CallState::run(Scratch& scratch, int64_t now_ms) {
  scratch_ = &scratch;
  now_ms_ = now_ms;
  uint32_t status = code_->on_event(&raw_);
  while (status == RT_MIGRATE) {  // at a module boundary: go on in the new version
    migrate(raw_.state);
    status = code_->on_event(&raw_);
  }
  if (status == RT_ENDED) {
    for (size_t i = 0; i < tables_->automations.size(); ++i)
      if (tables_->automations[i].on_call_end) start_automation(static_cast<uint32_t>(i));
  } else {
    check_when();
  }
  scratch.reset();
  scratch_ = nullptr;
  return status;
}

uint32_t CallState::start(Scratch& scratch, int64_t now_ms) {
  rt_event ev{};
  ev.kind = RT_EV_START;
  raw_.event = &ev;
  raw_.resume = tables_->start_block;
  now_ms_ = now_ms;
  trace_.add(trace_at(), "event", [](JsonText& j) { j.begin_object().field("type", "start").end_object(); });
  uint32_t status = run(scratch, now_ms);
  raw_.event = nullptr;
  return status;
}

uint32_t CallState::handle(const rt_event& event, Scratch& scratch, int64_t now_ms) {
  if (ended_) return RT_ENDED;
  now_ms_ = now_ms;
  raw_.event = &event;
  static constexpr const char* kNames[] = {
      "start",           "prompt_done", "dtmf",          "input_timeout",   "agent_answered",
      "transfer_failed", "hangup",      "session_write", "automation_done", "timer"};
  if (event.kind != RT_EV_SESSION_WRITE && event.kind != RT_EV_AUTOMATION_DONE)
    trace_.add(trace_at(), "event", [&](JsonText& j) {
      j.begin_object().field("type", event.kind < 10 ? kNames[event.kind] : "unknown");
      if (event.kind == RT_EV_DTMF) j.key("digits").value(event.digits);
      if (event.kind == RT_EV_AGENT_ANSWERED) j.key("agent").value(event.agent);
      j.end_object();
    });
  uint32_t status = run(scratch, now_ms);
  raw_.event = nullptr;
  return status;
}

// `automation … when TRIGGER`: fires once, the first time the trigger holds
// after a handler run.
void CallState::check_when() {
  for (size_t i = 0; i < tables_->automations.size(); ++i) {
    const AutomationInfo& a = tables_->automations[i];
    if (a.when_trigger < 0 || when_fired_[i]) continue;
    if (!code_->trigger(&raw_, static_cast<uint32_t>(a.when_trigger))) continue;
    when_fired_[i] = 1;
    start_automation(static_cast<uint32_t>(i));
  }
}

// ---------------------------------------------------------------- effects

CommandList CallState::take_commands() {
  return std::exchange(commands_, {});
}

std::vector<Request> CallState::take_requests() {
  return std::exchange(requests_, {});
}
std::optional<TimerChange> CallState::take_timer() {
  return std::exchange(timer_, std::nullopt);
}
std::unique_ptr<AgentConnected> CallState::take_agent() {
  return std::move(agent_);
}

void CallState::set_slot(uint32_t slot, const rt_value& v, const char* source) {
  if (slot >= slots_.size()) return;
  rt_value copy{};
  copy.tag = v.tag;
  copy.len = v.len;
  switch (v.tag) {
    case RT_STR: {
      char* p = new char[v.len ? v.len : 1];
      if (v.len) std::memcpy(p, v.u.str, v.len);
      copy.u.str = p;
      break;
    }
    case RT_OBJ:
    case RT_ARR: copy.u.json = new json(*static_cast<const json*>(v.u.json)); break;
    default: copy.u = v.u; break;
  }
  free_slot(slots_[slot]);
  slots_[slot] = copy;
  if (source) {
    const SlotInfo& info = tables_->slots[slot];
    trace_.add(trace_at(), "write", [&](JsonText& j) {
      j.begin_object().field("name", info.name).key("value");
      if (info.secret)
        j.str(kRedacted);
      else
        j.value(copy);
      j.field("by", source).end_object();
    });
  }
}

void CallState::emit(uint32_t command, const rt_value* args, uint32_t nargs) {
  // Written in the run's scratch (no allocation per command once warm).
  std::string& text = scratch_->push_builder();
  JsonText j(text);
  j.begin_object().field("type", command_type(command));
  const auto& fields = command_fields(command);
  for (uint32_t i = 0; i < nargs && i < fields.size(); ++i)
    if (args[i].tag != RT_MISSING && args[i].tag != RT_NULL) j.key(fields[i]).value(args[i]);
  j.end_object();
  trace_.add_text(trace_at(), "command", text);
  commands_.add(text);
  scratch_->pop_builder();
}

void CallState::start_automation(uint32_t index) {
  if (index >= tables_->automations.size()) return;
  const AutomationInfo& info = tables_->automations[index];
  if (info.assigns) {
    trace_.add(trace_at(), "automation",
               [&](JsonText& j) { j.begin_object().field("name", info.name).end_object(); });
    code_->build(&raw_, index, nullptr);
    automation_status_[index] = RT_AUTO_OK;
    automation_epoch_[index] = epoch_;
    return;
  }
  Request req;
  req.automation = index;
  req.kind = info.email ? Request::Kind::Email : Request::Kind::Http;
  req.method = info.method;
  req.timeout_ms = info.timeout_ms;
  req.retries = info.retries;
  code_->build(&raw_, index, &req);
  if (req.has_json) req.content_type = "application/json";
  automation_status_[index] = RT_AUTO_PENDING;
  automation_epoch_[index] = epoch_;
  trace_.add(trace_at(), "automation", [&](JsonText& j) {
    j.begin_object().field("name", info.name).key("request");
    req.write_json(j);
    j.end_object();
  });
  requests_.push_back(std::move(req));
}

bool CallState::enter_module(uint32_t state) {
  if (offer_ && state < tables_->states.size()) {
    const std::string& name = tables_->states[state];
    bool busy = !requests_.empty();
    for (uint8_t s : automation_status_) busy = busy || s == RT_AUTO_PENDING;
    // An automation still out would answer with this version's numbering:
    // the move waits for a boundary where none is.
    if (!busy) {
      if (offer_->tables->state_of(name) >= 0) {
        raw_.state = state;
        return true;  // the code returns RT_MIGRATE; run() calls migrate()
      }
      stay_pinned(offer_->from, offer_->to, name);
    }
  }
  raw_.state = state;
  raw_.module_failed = 0;
  ++epoch_;
  trace_.add(trace_at(), "enter", [&](JsonText& j) {
    j.begin_object()
        .field("module", state < tables_->states.size() ? tables_->states[state] : "?")
        .end_object();
  });
  return false;
}

void CallState::stay_pinned(uint32_t from_version, uint32_t to_version, const std::string& module) {
  offer_.reset();
  add_trace("migrate",
            {{"from", from_version},
             {"to", to_version},
             {"module", module},
             {"pinned", true},
             {"reason", "module '" + module + "' is not in version " + std::to_string(to_version)}});
}

void CallState::offer_migration(const FlowTables* tables, FlowCode* code, uint32_t from_version,
                                uint32_t to_version) {
  offer_ = tables && code
               ? std::make_unique<MigrationOffer>(MigrationOffer{tables, code, from_version, to_version})
               : nullptr;
}

// Moves the call to the offered version at the entry of module `state`
// (which exists there): the session by variable name, automation statuses by
// automation name; the run goes on from the module's entry in the new code.
void CallState::migrate(uint32_t state) {
  const FlowTables& from = *tables_;
  const FlowTables& to = *offer_->tables;
  const std::string module = from.states[state];
  json dropped = json::array();

  std::vector<rt_value> slots(to.slots.size());
  for (size_t i = 0; i < from.slots.size(); ++i) {
    rt_value& v = slots_[i];
    if (v.tag == RT_MISSING) continue;
    const SlotInfo& old_info = from.slots[i];
    int32_t j = to.slot_of(old_info.name);
    bool fits = j >= 0;
    if (fits) {
      // A variable whose declared type or enumeration changed does not carry
      // a value over that the new `expect` refuses. (When the declaration is
      // the same, the value stays whatever it is: the old code could hold it,
      // so can the new.)
      const SlotInfo& info = to.slots[static_cast<size_t>(j)];
      bool retyped = info.declared != old_info.declared || info.type != old_info.type;
      ValueType t = type_of(to_json(v));
      if (retyped && info.declared && info.type != ValueType::Any && t != info.type && t != ValueType::Null)
        fits = false;
      if (fits && info.enum_values != old_info.enum_values && !info.enum_values.empty() && v.tag == RT_STR &&
          std::find(info.enum_values.begin(), info.enum_values.end(), std::string(v.u.str, v.len)) ==
              info.enum_values.end())
        fits = false;
    }
    if (fits) {
      slots[static_cast<size_t>(j)] = std::exchange(v, rt_value{});
    } else if (j < 0 && old_info.space == SlotSpace::Ivr) {
      // Not a variable of the new version: kept in the session as a dynamic name.
      if (!extra_) extra_ = std::make_unique<std::map<std::string, json>>();
      (*extra_)[old_info.name] = to_json(v);
    } else {
      dropped.push_back(old_info.name);
    }
  }
  for (auto& v : slots_) free_slot(v);
  slots_ = std::move(slots);
  // Dynamic names that the new version declares move into their slots.
  if (extra_) {
    for (auto it = extra_->begin(); it != extra_->end();) {
      int32_t j = to.slot_of(it->first);
      if (j < 0 || slots_[static_cast<size_t>(j)].tag != RT_MISSING) {
        ++it;
        continue;
      }
      set_slot(static_cast<uint32_t>(j), view_of(it->second), nullptr);  // copies
      it = extra_->erase(it);
    }
  }

  std::vector<uint8_t> status(to.automations.size(), RT_AUTO_IDLE);
  std::vector<uint32_t> epoch(to.automations.size(), 0);
  std::vector<uint8_t> fired(to.automations.size(), 0);
  for (size_t i = 0; i < from.automations.size(); ++i)
    for (size_t j = 0; j < to.automations.size(); ++j)
      if (to.automations[j].name == from.automations[i].name) {
        status[j] = automation_status_[i];
        epoch[j] = automation_epoch_[i];
        fired[j] = when_fired_[i];
        break;
      }
  automation_status_ = std::move(status);
  automation_epoch_ = std::move(epoch);
  when_fired_ = std::move(fired);

  uint32_t target = static_cast<uint32_t>(to.state_of(module));  // exists: checked in enter_module
  tables_ = offer_->tables;
  code_ = offer_->code;
  raw_.slots = slots_.data();
  raw_.automations = automation_status_.data();
  raw_.state = target;
  raw_.resume = to.state_entries[target];
  json data = {{"from", offer_->from}, {"to", offer_->to}, {"module", module}};
  if (!dropped.empty()) data["dropped"] = std::move(dropped);
  add_trace("migrate", std::move(data));
  offer_.reset();
  migrated_ = true;
}

void CallState::note(const char* text) {
  trace_.add(trace_at(), "note", [&](JsonText& j) { j.begin_object().field("text", text).end_object(); });
}

void CallState::branch(const char* label, bool result) {
  trace_.add(trace_at(), "branch", [&](JsonText& j) {
    j.begin_object().field("label", label).field("result", result).end_object();
  });
}

void CallState::agent_connected(const rt_value& agent, const rt_value& reason) {
  AgentConnected a;
  std::string name;
  append_text(name, agent);
  a.agent = name;
  a.reason = reason.tag == RT_STR ? json(std::string(reason.u.str, reason.len)) : json(nullptr);
  if (reason.tag == RT_NUM) a.reason = format_number(reason.u.num);
  add_trace("agent", {{"agent", a.agent}, {"reason", a.reason}});
  agent_ = std::make_unique<AgentConnected>(std::move(a));
}

void CallState::timer(uint32_t op, uint32_t ms) {
  timer_ = TimerChange{op == RT_TIMER_SET, ms};
}

void CallState::end(const char* reason) {
  ended_ = true;
  end_reason_ = reason;
  timer_ = TimerChange{false, 0};
  trace_.add(trace_at(), "end", [&](JsonText& j) { j.begin_object().field("reason", reason).end_object(); });
}

void CallState::add_trace(std::string_view kind, const json& data) {
  trace_.add_text(trace_at(), kind, data.dump(-1, ' ', false, json::error_handler_t::replace));
}

// ---------------------------------------------------------------- automations

void CallState::automation_finished(uint32_t index, bool ok, const json* response, const std::string& detail,
                                    int64_t now_ms) {
  if (index >= tables_->automations.size()) return;
  now_ms_ = now_ms;
  const AutomationInfo& info = tables_->automations[index];
  std::string why = detail;
  if (ok && !info.maps.empty()) {
    // Map the response fields; a response that is not what the flow expects
    // (not JSON, wrong type for an `expect`) makes the automation fail.
    std::vector<std::pair<uint32_t, rt_value>> writes;
    for (const auto& m : info.maps) {
      if (!response) {
        ok = false;
        why = "the response is not JSON";
        break;
      }
      const json* cur = response;
      for (const auto& key : m.path) {
        if (!cur->is_object() || !cur->contains(key)) {
          cur = nullptr;
          break;
        }
        cur = &(*cur)[key];
      }
      if (!cur) continue;  // absent fields leave the variable unset
      const SlotInfo& slot = tables_->slots[m.slot];
      ValueType t = type_of(*cur);
      if (slot.declared && slot.type != ValueType::Any && t != slot.type) {
        ok = false;
        why = "response field for " + slot.name + " is " + value_type_name(t) + ", expected " +
              value_type_keyword(slot.type);
        break;
      }
      writes.emplace_back(m.slot, view_of(*cur));  // *response outlives the writes
    }
    if (ok)
      for (auto& [slot, v] : writes) set_slot(slot, v, info.name.c_str());
  }
  automation_status_[index] = ok ? RT_AUTO_OK : RT_AUTO_FAILED;
  if (!ok && automation_epoch_[index] == epoch_) raw_.module_failed = 1;
  trace_.add(trace_at(), "result", [&](JsonText& j) {
    j.begin_object().field("name", info.name).field("ok", ok);
    if (!why.empty()) j.field("detail", why);
    j.end_object();
  });
}

// ---------------------------------------------------------------- session

std::optional<WriteError> CallState::write(const json& values, int64_t now_ms) {
  if (!values.is_object())
    return WriteError{400, "invalid_body",
                      "the body must be a JSON object of variables, e.g. {\"ivr.email\": \"a@b.example\"}"};
  if (dumped_size(values, kMaxSessionBytes) > kMaxSessionBytes)
    return WriteError{413, "session_too_large", "the write is larger than the session limit"};
  // Check everything first: a write is all or nothing.
  for (const auto& [name, value] : values.items()) {
    if (name.rfind("call.", 0) == 0 || name.rfind("app.", 0) == 0)
      return WriteError{422, "read_only",
                        "'" + name + "' cannot be written; the sessions API writes ivr.* variables"};
    if (!valid_ivr_name(name))
      return WriteError{422, "invalid_name",
                        "'" + name + "' is not a valid variable name (expected ivr.name)"};
    int32_t slot = tables_->slot_of(name);
    if (slot < 0) continue;
    const SlotInfo& info = tables_->slots[static_cast<size_t>(slot)];
    ValueType t = type_of(value);
    if (info.declared && info.type != ValueType::Any && t != info.type && t != ValueType::Null)
      return WriteError{422, "type_mismatch",
                        "'" + name + "' must be " + value_type_name(info.type) + ", but the value is " +
                            value_type_name(t)};
    if (!info.enum_values.empty() && t == ValueType::String) {
      const auto& s = value.get_ref<const std::string&>();
      bool found = false;
      for (const auto& e : info.enum_values) found |= e == s;
      if (!found) {
        std::string list;
        for (const auto& e : info.enum_values) list += (list.empty() ? "\"" : ", \"") + e + "\"";
        return WriteError{422, "not_allowed",
                          "'" + name + "' must be one of " + list + ", but the value is \"" + s + "\""};
      }
    }
  }
  now_ms_ = now_ms;
  for (const auto& [name, value] : values.items()) {
    int32_t slot = tables_->slot_of(name);
    if (slot >= 0) {
      set_slot(static_cast<uint32_t>(slot), view_of(value), "sessions API");
    } else {
      if (!extra_) extra_ = std::make_unique<std::map<std::string, json>>();
      (*extra_)[name] = value;
      add_trace("write", {{"name", name}, {"value", value}, {"by", "sessions API"}});
    }
  }
  return std::nullopt;
}

json CallState::session(bool redact_secrets) const {
  json out = json::object();
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].tag == RT_MISSING) continue;
    const SlotInfo& info = tables_->slots[i];
    out[info.name] = (redact_secrets && info.secret) ? json(kRedacted) : to_json(slots_[i]);
  }
  if (extra_)
    for (const auto& [k, v] : *extra_) out[k] = v;
  return out;
}

json CallState::value_of(std::string_view name) const {
  int32_t slot = tables_->slot_of(name);
  if (slot >= 0) return to_json(slots_[static_cast<size_t>(slot)]);
  if (extra_) {
    auto it = extra_->find(std::string(name));
    if (it != extra_->end()) return it->second;
  }
  return nullptr;
}

std::string CallState::redact(std::string s) const {
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (!tables_->slots[i].secret || slots_[i].tag == RT_MISSING || slots_[i].tag == RT_NULL) continue;
    std::string secret;
    append_text(secret, slots_[i]);
    if (secret.size() < 3) continue;
    for (size_t pos = s.find(secret); pos != std::string::npos;
         pos = s.find(secret, pos + std::strlen(kRedacted)))
      s.replace(pos, secret.size(), kRedacted);
  }
  return s;
}

void CallState::redact_strings(json& j) const {
  if (j.is_string()) {
    j = redact(j.get<std::string>());
  } else if (j.is_structured()) {
    for (auto& item : j) redact_strings(item);
  }
}

json CallState::trace_json(bool redact_secrets) const {
  return trace_.to_json([&](std::string_view kind, json& data) {
    if (redact_secrets && (kind == "command" || kind == "automation")) redact_strings(data);
  });
}

int32_t FlowTables::slot_of(std::string_view name) const {
  for (size_t i = 0; i < slots.size(); ++i)
    if (slots[i].name == name) return static_cast<int32_t>(i);
  return -1;
}

int32_t FlowTables::state_of(std::string_view module) const {
  for (size_t i = 0; i < states.size(); ++i)
    if (states[i] == module) return static_cast<int32_t>(i);
  return -1;
}

void Request::write_json(JsonText& j) const {
  j.begin_object();
  if (kind == Kind::Email) {
    j.key("email").begin_object().field("to", to).field("subject", subject).field("body", text).end_object();
  } else {
    j.field("method", method).field("url", url);
    if (!headers.empty()) {
      j.key("headers").begin_object();
      for (const auto& [k, v] : headers) j.field(k, v);
      j.end_object();
    }
    if (!body.empty()) j.field("body", body);
  }
  j.end_object();
}

json Request::to_json() const {
  std::string text;
  JsonText j(text);
  write_json(j);
  return json::parse(text);
}

}  // namespace flowc::stdlib
