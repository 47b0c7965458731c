// Implementation of the code generator's test helpers.
#include "tests/unit/compiler/codegen/codegen_test_support.h"

#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unistd.h>

#include "compiler/diag/render.h"
#include "compiler/driver/compile.h"
#include "compiler/interp/interpreter.h"
#include "compiler/ir/tables.h"
#include "stdlib/call_state.h"
#include "stdlib/scratch.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc::test {

using nlohmann::json;

codegen::JitContext& shared_jit() {
  static std::once_flag once;
  static codegen::JitContext* jit = nullptr;  // lives until the process ends
  std::call_once(once, [] {
    std::string error;
    jit = codegen::JitContext::create(&error).release();
    if (!jit) {
      std::fprintf(stderr, "cannot create the JIT: %s\n", error.c_str());
      std::abort();
    }
  });
  return *jit;
}

namespace {

std::unique_ptr<ir::Flow> take_flow(Compilation c, std::string* error) {
  if (!c.ok() || !c.flow) {
    *error = c.ok() ? "not a flow" : render_text(c.sources, c.diags.sorted());
    return nullptr;
  }
  return std::move(c.flow);
}

stdlib::TimeZoneCache& zones() {
  static stdlib::TimeZoneCache* cache = new stdlib::TimeZoneCache();
  return *cache;
}

std::mutex& zones_mutex() {
  static std::mutex* mu = new std::mutex();
  return *mu;
}

}  // namespace

std::unique_ptr<ir::Flow> compile_flow_file(const std::string& path, std::string* error) {
  DiskFileSystem disk;
  return take_flow(compile_file(path, disk, test_options()), error);
}

std::unique_ptr<ir::Flow> compile_flow_source(const std::string& source, std::string* error) {
  return take_flow(compile_source(source), error);
}

std::unique_ptr<Engines> make_engines(std::unique_ptr<ir::Flow> flow, std::string* error) {
  if (!flow) return nullptr;  // *error says why
  auto e = std::make_unique<Engines>();
  e->flow = std::move(flow);
  {
    std::lock_guard lock(zones_mutex());
    e->tables = ir::make_tables(*e->flow, zones());
  }
  e->interp = interp::make_interpreter(*e->flow);
  e->jit = codegen::compile(shared_jit(), *e->flow, error);
  if (!e->jit) return nullptr;
  return e;
}

// ---------------------------------------------------------------- running calls

namespace {

rt_value str_value(const std::string& s) {
  rt_value v{};
  v.tag = RT_STR;
  v.len = static_cast<uint32_t>(s.size());
  v.u.str = s.data();
  return v;
}

}  // namespace

CallRecord run_script(const stdlib::FlowTables& tables, stdlib::FlowCode& code, const Script& script,
                      int64_t start_ms, const json& initial) {
  stdlib::CallState cs(tables, code, "c-1", "+49 (30) 123-456", "+4940999", start_ms);
  stdlib::Scratch scratch;
  CallRecord r;
  if (!initial.is_null())
    if (auto err = cs.write(initial, start_ms)) r.steps.push_back({{"initial_write_error", err->code}});
  std::deque<uint32_t> pending;
  int64_t now = start_ms;
  for (const Step& s : script) {
    now += s.advance_ms;
    json rec = json::object();
    rt_event ev{};
    switch (s.kind) {
      case Step::Start: rec["status"] = cs.start(scratch, now); break;
      case Step::Event:
        ev.kind = s.event;
        if (s.event == RT_EV_DTMF) ev.digits = str_value(s.digits);
        if (s.event == RT_EV_AGENT_ANSWERED) ev.agent = str_value(s.agent);
        rec["status"] = cs.handle(ev, scratch, now);
        break;
      case Step::Write:
        if (auto err = cs.write(s.values, now)) {
          rec["write_error"] = err->code;
        } else {
          ev.kind = RT_EV_SESSION_WRITE;
          rec["status"] = cs.handle(ev, scratch, now);
        }
        break;
      case Step::Finish: {
        if (pending.empty()) {
          rec["finish"] = "nothing pending";
          break;
        }
        uint32_t index = pending.front();
        pending.pop_front();
        cs.automation_finished(index, s.ok, s.ok ? &s.response : nullptr, s.ok ? "" : "HTTP 500", now);
        ev.kind = RT_EV_AUTOMATION_DONE;
        rec["status"] = cs.handle(ev, scratch, now);
        break;
      }
    }
    rec["commands"] = cs.take_commands().to_json();
    json requests = json::array();
    for (const auto& req : cs.take_requests()) {
      json j = req.to_json();
      j["automation"] = req.automation;
      j["content_type"] = req.content_type;
      j["timeout_ms"] = req.timeout_ms;
      j["retries"] = req.retries;
      requests.push_back(std::move(j));
      pending.push_back(req.automation);
    }
    rec["requests"] = std::move(requests);
    if (auto t = cs.take_timer()) rec["timer"] = {{"set", t->set}, {"ms", t->ms}};
    if (auto a = cs.take_agent()) rec["agent"] = {{"agent", a->agent}, {"reason", a->reason}};
    rec["ended"] = cs.ended();
    rec["module"] = cs.module();
    r.steps.push_back(std::move(rec));
  }
  r.trace = cs.trace_json(false);
  r.session = cs.session(false);
  return r;
}

// ---------------------------------------------------------------- random scripts

namespace {

// splitmix64: the same sequence on every platform and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(static_cast<uint32_t>(v.size()))];
  }

 private:
  uint64_t s_;
};

json sample(Rng& rng, const ir::Slot& slot) {
  static const std::vector<std::string> strings = {"a@b.example", "T-1",        "premium",   "",
                                                   "x",           "no-at-sign", "4930123456"};
  static const std::vector<double> numbers = {0, 42, -1.5, 1e6, 3};
  uint32_t r = rng.below(10);
  if (r == 0) return nullptr;
  ValueType t = slot.type;
  if (r == 1 || t == ValueType::Any || t == ValueType::Null) {  // sometimes any type
    static const std::vector<ValueType> all = {ValueType::String, ValueType::Number, ValueType::Bool,
                                               ValueType::Object, ValueType::Array};
    t = rng.pick(all);
  }
  switch (t) {
    case ValueType::Bool: return rng.below(2) == 0;
    case ValueType::Number: return rng.pick(numbers);
    case ValueType::Object: return json{{"k", "v"}, {"n", 1}};
    case ValueType::Array: return json::array({1, "two", true});
    default:
      if (!slot.enum_values.empty() && rng.below(4) != 0) return rng.pick(slot.enum_values);
      return rng.pick(strings);
  }
}

json random_response(Rng& rng, const ir::Flow& flow) {
  json out = json::object();
  for (const auto& a : flow.automations)
    for (const auto& m : a.maps) {
      if (m.path.empty() || rng.below(5) == 0) continue;  // absent fields leave the variable unset
      json* cur = &out;
      for (size_t i = 0; i + 1 < m.path.size(); ++i) {
        if (!cur->is_object()) break;
        cur = &(*cur)[m.path[i]];
        if (cur->is_null()) *cur = json::object();
      }
      if (cur->is_object()) (*cur)[m.path.back()] = sample(rng, flow.slots[m.slot]);
    }
  return out;
}

}  // namespace

Script random_script(const ir::Flow& flow, uint32_t seed, size_t steps) {
  static const std::vector<std::string> digits = {"1234567",    "7654321",    "1",  "2",      "3",
                                                  "0",          "9",          "12", "123456", "12345678",
                                                  "1234567890", "0123456789", "*",  "#",      ""};
  static const std::vector<int64_t> gaps = {0, 200, 500, 1500, 4000, 60000};
  std::vector<const ir::Slot*> ivr;
  for (const auto& s : flow.slots)
    if (s.ns == ir::Namespace::Ivr) ivr.push_back(&s);
  Rng rng(seed);
  Script script{Step::start()};
  for (size_t i = 0; i < steps; ++i) {
    uint32_t r = rng.below(100);
    Step s;
    if (r < 22) {
      s = Step::ev(RT_EV_PROMPT_DONE);
    } else if (r < 34) {
      s = Step::dtmf(rng.pick(digits));
    } else if (r < 40) {
      s = Step::ev(RT_EV_INPUT_TIMEOUT);
    } else if (r < 47) {
      s = Step::ev(RT_EV_TIMER);
    } else if (r < 52) {
      s = Step::agent_answered(rng.below(2) ? "user101" : "agent7");
    } else if (r < 55) {
      s = Step::ev(RT_EV_TRANSFER_FAILED);
    } else if (r < 68) {
      json values = json::object();
      uint32_t n = 1 + rng.below(3);
      for (uint32_t k = 0; k < n; ++k) {
        if (ivr.empty() || rng.below(8) == 0) {
          values["ivr.extra"] = "unknown to the flow";
          continue;
        }
        const ir::Slot& slot = *rng.pick(ivr);
        values[slot.name] = sample(rng, slot);
      }
      s = Step::write(std::move(values));
    } else if (r < 90) {
      s = Step::finish(rng.below(4) != 0, random_response(rng, flow));
    } else if (r < 92) {
      s = Step::ev(RT_EV_HANGUP);
    } else {
      s = Step::ev(RT_EV_PROMPT_DONE);
    }
    s.advance_ms = rng.pick(gaps);
    script.push_back(std::move(s));
  }
  return script;
}

std::string describe(const Script& script) {
  static const char* kEvents[] = {
      "start",           "prompt_done", "dtmf",          "input_timeout",   "agent_answered",
      "transfer_failed", "hangup",      "session_write", "automation_done", "timer"};
  std::ostringstream out;
  for (const Step& s : script) {
    out << "  +" << s.advance_ms << "ms ";
    switch (s.kind) {
      case Step::Start: out << "start"; break;
      case Step::Event:
        out << (s.event < 10 ? kEvents[s.event] : "?");
        if (s.event == RT_EV_DTMF) out << " \"" << s.digits << "\"";
        if (s.event == RT_EV_AGENT_ANSWERED) out << " " << s.agent;
        break;
      case Step::Write: out << "write " << s.values.dump(); break;
      case Step::Finish:
        out << (s.ok ? "finish ok " + s.response.dump() : std::string("finish failed"));
        break;
    }
    out << "\n";
  }
  return out.str();
}

size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace flowc::test
