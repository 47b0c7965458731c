// Comparing what a call did with a scenario's expectations (the command
// sequence with gaps, requests, the final session, the CTI messages, the end,
// the modules), and rendering a failed scenario for people.
#include "runtime/flowtest/expectations.h"

#include <map>
#include <sstream>

#include "compiler/diag/render.h"

namespace flowc::flowtest {

using nlohmann::json;

namespace {

// The field an unnamed value of `expect TYPE VALUE` is compared with.
std::vector<std::string> main_fields(const std::string& type) {
  if (type == "play") return {"url"};
  if (type == "say") return {"text"};
  if (type == "collect") return {"say", "play"};
  if (type == "enqueue") return {"queue"};
  if (type == "transfer") return {"to"};
  if (type == "hangup") return {"reason"};
  if (type == "pause") return {"ms"};
  return {};
}

json field_of(const json& obj, const std::string& name) {
  return obj.is_object() && obj.contains(name) ? obj[name] : json(nullptr);
}

bool command_matches(const CommandExpect& e, const json& actual) {
  if (actual.value("type", "") != e.type) return false;
  if (e.main) {
    bool any = false;
    for (const auto& f : main_fields(e.type)) any |= e.main->matches(field_of(actual, f));
    if (!any) return false;
  }
  for (const auto& [name, m] : e.fields)
    if (!m.matches(field_of(actual, name))) return false;
  return true;
}

std::string describe(const CommandExpect& e) {
  std::string s = e.type;
  if (e.main) s += " " + e.main->describe();
  for (const auto& [name, m] : e.fields) s += " " + name + " " + m.describe();
  return s;
}

// Index of the n-th trace entry of `kind` (0-based), or SIZE_MAX.
size_t trace_index(const json& trace, const std::string& kind, size_t n) {
  for (size_t i = 0; i < trace.size(); ++i)
    if (trace[i].value("kind", "") == kind && n-- == 0) return i;
  return SIZE_MAX;
}

void fail(ScenarioResult& r, std::string what, std::string expected, std::string actual, SourceRange range,
          size_t upto = SIZE_MAX) {
  r.failures.push_back({std::move(what), std::move(expected), std::move(actual), range, upto});
}

void compare_commands(const Scenario& s, ScenarioResult& r) {
  if (s.commands.empty()) return;
  const json& actual = r.commands;
  size_t j = 0;
  for (size_t i = 0; i < s.commands.size(); ++i) {
    const CommandExpect& e = s.commands[i];
    if (e.gap) {
      if (i + 1 == s.commands.size()) return;  // anything may follow
      const CommandExpect& want = s.commands[i + 1];
      size_t k = j;
      while (k < actual.size() && !command_matches(want, actual[k])) ++k;
      if (k == actual.size()) {
        fail(r, "no command after command " + std::to_string(j) + " matches", describe(want), "(none)",
             want.range, r.trace.empty() ? SIZE_MAX : r.trace.size() - 1);
        return;
      }
      j = k;
      continue;
    }
    if (j >= actual.size()) {
      fail(r, "the call sent only " + std::to_string(actual.size()) + " commands", describe(e),
           "(no more commands)", e.range, r.trace.empty() ? SIZE_MAX : r.trace.size() - 1);
      return;
    }
    if (!command_matches(e, actual[j])) {
      fail(r, "command " + std::to_string(j + 1) + " differs", describe(e), actual[j].dump(), e.range,
           trace_index(r.trace, "command", j));
      return;
    }
    ++j;
  }
  if (j < actual.size())
    fail(r,
         "command " + std::to_string(j + 1) +
             " was not expected (end the list with 'expect ...' to allow more)",
         "(no more commands)", actual[j].dump(), s.commands.back().range, trace_index(r.trace, "command", j));
}

void compare_requests(const Scenario& s, ScenarioResult& r) {
  std::map<std::string, size_t> cursor;
  for (const auto& e : s.requests) {
    std::vector<const json*> sent;
    for (const auto& q : r.requests)
      if (MockExecutor::answers(e.name, q.value("automation", ""))) sent.push_back(&q);
    if (e.none) {
      if (!sent.empty())
        fail(r, "automation '" + e.name + "' sent a request", "no request", (*sent.front()).dump(), e.range);
      continue;
    }
    size_t& n = cursor[e.name];
    if (n >= sent.size()) {
      fail(r,
           "automation '" + e.name + "' sent " + std::to_string(sent.size()) +
               " request(s), fewer than expected",
           "request " + std::to_string(n + 1), "(not sent)", e.range);
      continue;
    }
    const json& q = *sent[n++];
    for (const auto& [field, m] : e.fields) {
      json value = field.rfind("header:", 0) == 0
                       ? field_of(q.value("headers", json::object()), field.substr(7))
                       : field_of(q, field);
      if (!m.matches(value)) {
        fail(r,
             "request " + std::to_string(n) + " of '" + e.name +
                 "': " + (field.rfind("header:", 0) == 0 ? "header " + field.substr(7) : field) + " differs",
             m.describe(), value.dump(), m.range.valid() ? m.range : e.range);
      }
    }
  }
}

void compare_session(const Scenario& s, ScenarioResult& r) {
  for (const auto& e : s.session) {
    json v = field_of(r.session, e.name);
    if (!e.match.matches(v))
      fail(r, "session variable " + e.name + " differs", e.match.describe(), v.dump(), e.range);
  }
}

void compare_modules(const Scenario& s, ScenarioResult& r) {
  if (s.modules.empty()) return;
  const auto& want = s.modules;
  const auto& got = r.modules;
  std::string actual;
  for (const auto& m : got) actual += (actual.empty() ? "" : " ") + m;
  std::string expected;
  for (const auto& m : want) expected += (expected.empty() ? "" : " ") + m;
  size_t j = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "...") {
      if (i + 1 == want.size()) return;
      while (j < got.size() && got[j] != want[i + 1]) ++j;
      if (j == got.size()) break;
      continue;
    }
    if (j >= got.size() || got[j] != want[i]) {
      fail(r,
           "the call went through other modules (module " + std::to_string(j + 1) + ": expected '" + want[i] +
               "', got '" + (j < got.size() ? got[j] : "(none)") + "')",
           expected, actual, s.modules_range, trace_index(r.trace, "enter", j));
      return;
    }
    ++j;
  }
  if (j != got.size() || (!want.empty() && want.back() != "..." && j < got.size()))
    fail(r, "the call went through other modules", expected, actual, s.modules_range);
}

// A captured CTI message as the fields `expect cti` names.
json cti_fields(const json& sent) {
  json body = json::parse(sent.value("body", ""), nullptr, false);
  json params = body.is_object() && body.contains("params") ? body["params"] : json::array();
  auto at = [&](size_t i) { return params.is_array() && i < params.size() ? params[i] : json(nullptr); };
  return {{"status", at(1)},
          {"agent", at(0)},
          {"number", at(2)},
          {"reason", at(3)},
          {"params", params},
          {"endpoint", sent.value("endpoint", "")},
          {"body", sent.value("body", "")}};
}

std::string describe(const CtiExpect& e) {
  std::string s = "cti " + e.status;
  for (const auto& [name, m] : e.fields) s += " " + name + " " + m.describe();
  return s;
}

// The CTI messages in order, exactly (the first `expect cti` is the first message).
void compare_cti(const Scenario& s, ScenarioResult& r) {
  if (s.cti.empty()) return;
  const json& sent = r.cti;
  size_t n = 0;
  for (const auto& e : s.cti) {
    if (e.none) {
      if (!sent.empty())
        fail(r, "the call sent " + std::to_string(sent.size()) + " CTI message(s)", "no CTI message",
             sent[0].value("body", ""), e.range, trace_index(r.trace, "cti", 0));
      continue;
    }
    if (n >= sent.size()) {
      fail(r, "the call sent only " + std::to_string(sent.size()) + " CTI message(s)", describe(e),
           "(no more CTI messages)", e.range, r.trace.empty() ? SIZE_MAX : r.trace.size() - 1);
      return;
    }
    json got = cti_fields(sent[n]);
    bool ok = got["status"] == e.status;
    for (const auto& [name, m] : e.fields) ok = ok && m.matches(got[name]);
    if (!ok) {
      fail(r, "CTI message " + std::to_string(n + 1) + " differs", describe(e), sent[n].value("body", ""),
           e.range, trace_index(r.trace, "cti", n));
      return;
    }
    ++n;
  }
  if (n > 0 && n < sent.size())
    fail(r, "CTI message " + std::to_string(n + 1) + " was not expected", "(no more CTI messages)",
         sent[n].value("body", ""), s.cti.back().range, trace_index(r.trace, "cti", n));
}

}  // namespace

void compare_expectations(const Scenario& s, ScenarioResult& r) {
  compare_commands(s, r);
  compare_requests(s, r);
  compare_session(s, r);
  compare_cti(s, r);
  if (s.end_reason && !s.end_reason->matches(r.ended ? json(r.end_reason) : json(nullptr)))
    fail(r, "the call ended otherwise", s.end_reason->describe(),
         r.ended ? json(r.end_reason).dump() : "(not ended)", s.end_reason->range);
  compare_modules(s, r);
}

std::string trace_line(const json& e) {
  const std::string kind = e.value("kind", "");
  const json& d = e.contains("data") ? e["data"] : json::object();
  std::ostringstream o;
  o << "[" << e.value("at_ms", int64_t{0}) << " ms] ";
  if (kind == "enter") {
    o << "module " << d.value("module", "?");
  } else if (kind == "command") {
    o << "  command " << d.dump();
  } else if (kind == "automation") {
    o << "  -> " << d.value("name", "?") << (d.contains("request") ? " " + d["request"].dump() : "");
  } else if (kind == "result") {
    o << "  <- " << d.value("name", "?") << (d.value("ok", false) ? " ok" : " failed")
      << (d.contains("detail") ? ": " + d["detail"].get<std::string>() : "");
  } else if (kind == "write") {
    o << "  " << d.value("name", "?") << " = " << (d.contains("value") ? d["value"].dump() : "") << " (by "
      << d.value("by", "?") << ")";
  } else if (kind == "branch") {
    o << "  " << d.value("label", "?") << ": " << (d.value("result", false) ? "yes" : "no");
  } else if (kind == "end") {
    o << "call ended: " << d.value("reason", "?");
  } else {
    o << "  " << kind << " " << d.dump();
  }
  return o.str();
}

std::string render_failure(const ScenarioResult& result, const SourceManager& sources) {
  std::ostringstream o;
  for (const auto& d : result.failures) {
    o << "  " << location_string(sources, d.range) << ": " << d.what << "\n";
    if (!d.expected.empty() || !d.actual.empty()) {
      o << "    expected: " << d.expected << "\n";
      o << "    actual:   " << d.actual << "\n";
    }
  }
  // The trace up to the first divergence that points into it (the last 40 entries).
  size_t upto = result.trace.empty() ? 0 : result.trace.size() - 1;
  for (const auto& d : result.failures)
    if (d.trace_upto != SIZE_MAX) {
      upto = std::min(upto, d.trace_upto);
      break;
    }
  if (!result.trace.empty()) {
    size_t first = upto >= 40 ? upto - 39 : 0;
    o << "  trace of the call" << (upto + 1 < result.trace.size() ? " up to there" : "") << ":\n";
    if (first > 0) o << "    … " << first << " earlier entries\n";
    for (size_t i = first; i <= upto && i < result.trace.size(); ++i)
      o << "    " << trace_line(result.trace[i]) << "\n";
  }
  return o.str();
}

}  // namespace flowc::flowtest
