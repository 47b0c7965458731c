// Event sequences: facts from the IR, then weighted choices per step.
#include "tests/diff/event_generator.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace flowc::testing::diff {

using nlohmann::json;

namespace {

bool prefixed(const std::string& label, const std::string& module) {
  return label.size() > module.size() && label.compare(0, module.size(), module) == 0 && label[module.size()] == '.';
}

void walk(const ir::Expr& e, const std::function<void(const ir::Expr&)>& fn) {
  fn(e);
  for (const auto& a : e.args)
    if (a) walk(*a, fn);
}

int const_int(const ir::ExprPtr& e, int fallback) {
  return e && e->op == ir::ExprOp::Const && e->value.type == ValueType::Number ? static_cast<int>(e->value.number)
                                                                               : fallback;
}

// A weighted choice among the options whose weight is positive.
class Choice {
 public:
  void add(int weight, std::function<json()> make) {
    if (weight > 0) options_.push_back({weight, std::move(make)});
  }
  json pick(Rng& r) {
    int total = 0;
    for (const auto& o : options_) total += o.first;
    int x = static_cast<int>(r.below(static_cast<uint32_t>(total)));
    for (auto& o : options_) {
      if (x < o.first) return o.second();
      x -= o.first;
    }
    return options_.back().second();
  }

 private:
  std::vector<std::pair<int, std::function<json()>>> options_;
};

}  // namespace

FlowFacts facts_of(const ir::Flow& flow) {
  FlowFacts f;
  for (const auto& s : flow.slots)
    if (s.ns == ir::Namespace::Ivr) f.ivr.push_back({s.name, s.type, s.enum_values, s.declared});
  for (const auto& a : flow.automations)
    for (const auto& m : a.maps) {
      const ir::Slot& slot = flow.slots[m.slot];
      ValueType t = slot.declared ? slot.type : ValueType::Any;
      auto [it, fresh] = f.response_paths.emplace(m.path, t);
      if (!fresh && it->second == ValueType::Any) it->second = t;
    }
  for (const auto& r : flow.regexes) {
    try {
      f.regexes.push_back(std::make_shared<std::regex>(r, std::regex::ECMAScript));
    } catch (const std::regex_error&) {
      f.regexes.push_back(nullptr);
    }
  }
  for (const auto& s : flow.states) {
    f.kinds[s.name] = s.kind;
    if (s.kind == "menu") {
      auto& keys = f.menu_keys[s.name];
      for (const auto& e : s.edges)
        if (e.label.size() == 1 && std::string("0123456789*#").find(e.label[0]) != std::string::npos)
          keys.push_back(e.label);
    }
    if (s.kind != "input") continue;
    FlowFacts::Input in;
    for (const auto& b : flow.blocks) {
      if (!prefixed(b.label, s.name)) continue;
      for (const auto& i : b.instrs) {
        if (i.op != ir::InstrOp::Emit || i.command != ir::CommandKind::Collect || i.args.size() < 3) continue;
        in.max_digits = const_int(i.args[0], 1);
        in.min_digits = const_int(i.args[1], 1);
        const auto& t = i.args[2];
        if (t && t->op == ir::ExprOp::Const && t->value.type == ValueType::String) in.terminator = t->value.string;
      }
      if (b.term.op == ir::TermOp::Branch && b.term.cond)
        walk(*b.term.cond, [&](const ir::Expr& e) {
          if (e.op == ir::ExprOp::Matches && !e.args.empty() && e.args[0]->op == ir::ExprOp::EventDigits &&
              std::find(in.regexes.begin(), in.regexes.end(), static_cast<int>(e.index)) == in.regexes.end())
            in.regexes.push_back(static_cast<int>(e.index));
        });
    }
    f.inputs[s.name] = in;
  }
  f.numbers = flow.numbers;
  return f;
}

EventGenerator::EventGenerator(uint64_t seed, const FlowFacts& facts, int max_steps)
    : r_(seed), facts_(facts), max_steps_(max_steps) {}

// ---------------------------------------------------------------- values

json EventGenerator::value_of(ValueType t, bool wrong) {
  static const std::vector<ValueType> kTypes = {ValueType::String, ValueType::Number, ValueType::Bool,
                                                ValueType::Object, ValueType::Array};
  if (wrong && t != ValueType::Any) {
    ValueType other = t;
    while (other == t) other = r_.pick(kTypes);
    t = other;
  }
  if (t == ValueType::Any || t == ValueType::Null) t = r_.chance(0.1) ? ValueType::Null : r_.pick(kTypes);
  static const std::vector<std::string> kStrings = {
      "a@b.example", "ann@example.com", "+49 (30) 123-456", "0049 30 1234", "030 1234", "gold", "silver", "de",
      "en", "T-42", "", "Zoë", "  padded  ", "MiXeD Case", "a/b c?d=e&f", "12345", "{not a hole}", "line\nbreak",
      "quote\"s", "back\\slash", "\xF0\x9F\x98\x80 emoji", "5", "1084CC0B", "+4930123456"};
  static const std::vector<double> kNumbers = {0, 1, 2, 3, 42, -3, 2.5, 1000000, 0.1, 1e21, 123456789012.0,
                                               0.30000000000000004, -0.5, 7};
  switch (t) {
    case ValueType::String: return r_.pick(kStrings);
    case ValueType::Number: {
      double d = r_.pick(kNumbers);
      if (d == static_cast<double>(static_cast<int64_t>(d)) && std::abs(d) < 1e15 && r_.chance(0.5))
        return static_cast<int64_t>(d);
      return d;
    }
    case ValueType::Bool: return r_.chance(0.5);
    case ValueType::Object:
      switch (r_.below(3)) {
        case 0: return json::object();
        case 1: return {{"a", 1}, {"name", "Zoë"}};
        default: return {{"nested", {{"x", {1, 2}}}}, {"ok", true}};
      }
    case ValueType::Array:
      switch (r_.below(3)) {
        case 0: return json::array();
        case 1: return {1, "two", nullptr};
        default: return {"gold"};
      }
    default: return nullptr;
  }
}

json EventGenerator::response_body(int mode) {
  json body = json::object();
  for (const auto& [path, type] : facts_.response_paths) {
    if (mode == 1 && r_.chance(0.5)) continue;
    json* cur = &body;
    bool ok = true;
    for (size_t i = 0; i + 1 < path.size() && ok; ++i) {
      if (!cur->contains(path[i])) (*cur)[path[i]] = json::object();
      cur = &(*cur)[path[i]];
      ok = cur->is_object();
    }
    if (!ok || cur->contains(path.back())) continue;
    (*cur)[path.back()] = value_of(type, mode == 2 && r_.chance(0.7));
  }
  if (r_.chance(0.2)) body["unrelated"] = value_of(ValueType::Any, false);
  return body;
}

json EventGenerator::session_write() {
  json values = json::object();
  int roll = static_cast<int>(r_.below(100));
  if (roll < 2) return json::array({"not", "an", "object"});
  if (roll < 4) return json::object();
  if (roll < 8) {
    static const std::vector<std::string> kBad = {"call.from", "app.reason", "ivr.", "ivr.9lives", "ivr.a..b",
                                                  "email"};
    values[r_.pick(kBad)] = "x";
    return values;
  }
  int n = r_.range(1, 3);
  for (int i = 0; i < n; ++i) {
    if (facts_.ivr.empty() || r_.chance(0.08)) {
      values["ivr.unknown_" + std::to_string(r_.below(3))] = value_of(ValueType::Any, false);
      continue;
    }
    const FlowFacts::Variable& v = r_.pick(facts_.ivr);
    if (roll < 20) {
      values[v.name] = v.declared ? value_of(v.type, true) : value_of(ValueType::Any, false);
    } else if (roll < 25) {
      values[v.name] = nullptr;
    } else if (!v.enum_values.empty() && r_.chance(0.85)) {
      values[v.name] = r_.pick(v.enum_values);
    } else {
      values[v.name] = value_of(v.declared ? v.type : ValueType::Any, false);
    }
  }
  return values;
}

std::string EventGenerator::digits_for(const std::string& module, bool valid) {
  auto random_digits = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + r_.below(10));
    return s;
  };
  if (auto m = facts_.menu_keys.find(module); m != facts_.menu_keys.end()) {
    if (valid && !m->second.empty()) return r_.pick(m->second);
    static const std::vector<std::string> kKeys = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "12", ""};
    return r_.pick(kKeys);
  }
  auto in = facts_.inputs.find(module);
  if (in == facts_.inputs.end()) return random_digits(r_.range(1, 6));
  const FlowFacts::Input& spec = in->second;
  auto matches = [&](const std::string& s) {
    for (int i : spec.regexes) {
      const auto& re = facts_.regexes[static_cast<size_t>(i)];
      if (!re || !std::regex_search(s, *re)) return false;
    }
    return true;
  };
  if (valid) {
    std::string s;
    for (int tries = 0; tries < 60; ++tries) {
      s = random_digits(r_.range(spec.min_digits, std::max(spec.min_digits, spec.max_digits)));
      if (matches(s)) break;
    }
    if (!spec.terminator.empty() && r_.chance(0.1)) s += spec.terminator;
    return s;
  }
  switch (r_.below(4)) {
    case 0: return "";
    case 1: return random_digits(spec.max_digits + r_.range(1, 3));
    case 2:
      if (spec.min_digits > 1) return random_digits(r_.range(1, spec.min_digits - 1));
      return random_digits(spec.max_digits + 1);
    default: {
      std::string s;
      for (int tries = 0; tries < 30; ++tries) {
        s = random_digits(r_.range(spec.min_digits, std::max(spec.min_digits, spec.max_digits)));
        if (!matches(s)) break;
      }
      return s + (r_.chance(0.3) ? "*" : "");
    }
  }
}

// ---------------------------------------------------------------- steps

json EventGenerator::finish_step(const Observation& o) {
  json f = {{"pending", r_.below(static_cast<uint32_t>(std::max<size_t>(o.pending, 1)))}};
  int roll = static_cast<int>(r_.below(100));
  if (roll < 40) {
    f["ok"] = true, f["status"] = 200, f["json"] = response_body(0);
  } else if (roll < 52) {
    f["ok"] = true, f["status"] = 200, f["json"] = response_body(1);
  } else if (roll < 60) {
    f["ok"] = true, f["status"] = 200, f["json"] = response_body(2);
  } else if (roll < 65) {
    f["ok"] = true, f["status"] = 200, f["body"] = "<html>not json</html>";
  } else if (roll < 70) {
    f["ok"] = true, f["status"] = 204, f["json"] = json::object();
  } else if (roll < 82) {
    f["ok"] = false, f["status"] = 0, f["detail"] = "timeout after 2s";
  } else if (roll < 88) {
    f["ok"] = false, f["status"] = 0, f["detail"] = "connection refused";
  } else {
    f["ok"] = false, f["status"] = 500, f["json"] = {{"error", "boom"}}, f["detail"] = "HTTP 500";
  }
  return {{"finish", f}};
}

json EventGenerator::advance_step(const Observation& o, bool to_deadline) {
  if (to_deadline && o.deadline) {
    int64_t ms = std::max<int64_t>(0, *o.deadline - o.now);
    if (ms > 0 && r_.chance(0.15)) --ms;  // just before it
    return {{"advance", ms}};
  }
  static const std::vector<int64_t> kSmall = {1, 250, 1000, 2000, 5000, 30000};
  if (r_.chance(0.05)) return {{"advance", 600000}};
  return {{"advance", r_.pick(kSmall)}};
}

json EventGenerator::noise_event() {
  switch (r_.below(5)) {
    case 0: return {{"event", {{"type", "prompt_done"}}}};
    case 1: return {{"event", {{"type", "dtmf"}, {"digits", digits_for("", false)}}}};
    case 2: return {{"event", {{"type", "input_timeout"}}}};
    case 3: return {{"event", {{"type", "agent_answered"}, {"agent", "user101"}}}};
    default: return {{"event", {{"type", "transfer_failed"}}}};
  }
}

std::optional<json> EventGenerator::next(const Observation& o) {
  if (o.ended) {
    if (o.pending > 0) return finish_step(o);
    if (poked_after_end_ || r_.chance(0.5)) return std::nullopt;
    poked_after_end_ = true;
    switch (r_.below(4)) {
      case 0: return json{{"event", {{"type", "hangup"}}}};
      case 1: return json{{"event", {{"type", "dtmf"}, {"digits", "1"}}}};
      case 2: return json{{"write", session_write()}};
      default: return json{{"advance", 1000}};
    }
  }
  if (steps_++ >= max_steps_) return json{{"event", {{"type", "hangup"}}}};

  Choice c;
  auto event = [](json e) { return [e] { return json{{"event", e}}; }; };
  const bool pending = o.pending > 0;
  const bool deadline = o.deadline.has_value();
  c.add(1, [&] {
    static const std::vector<json> kBad = {
        {{"type", "teleport"}}, {{"type", "dtmf"}, {"digits", "12a"}}, {{"type", "dtmf"}},
        {{"type", "agent_answered"}}, {{"type", 5}}, json::array()};
    return json{{"event", r_.pick(kBad)}};
  });
  c.add(1, event({{"type", "hangup"}}));
  if (o.held) {
    c.add(pending ? 40 : 0, [&] { return finish_step(o); });
    c.add(20, [&] { return json{{"write", session_write()}}; });
    c.add(deadline ? 20 : 0, [&] { return advance_step(o, true); });
    c.add(8, [&] { return advance_step(o, false); });
    c.add(5, [&] { return noise_event(); });
    return c.pick(r_);
  }
  c.add(8, [&] { return json{{"write", session_write()}}; });
  c.add(pending ? 12 : 0, [&] { return finish_step(o); });
  c.add(4, [&] { return advance_step(o, false); });
  c.add(deadline ? 4 : 0, [&] { return advance_step(o, true); });
  c.add(5, [&] { return noise_event(); });
  auto kind = facts_.kinds.find(o.module);
  const std::string k = kind == facts_.kinds.end() ? "" : kind->second;
  if (k == "play" || k == "say" || k == "pause") {
    c.add(60, event({{"type", "prompt_done"}}));
  } else if (k == "input" || k == "menu") {
    c.add(k == "menu" ? 40 : 35, [&] { return json{{"event", {{"type", "dtmf"}, {"digits", digits_for(o.module, true)}}}}; });
    c.add(12, [&] { return json{{"event", {{"type", "dtmf"}, {"digits", digits_for(o.module, false)}}}}; });
    c.add(15, event({{"type", "input_timeout"}}));
  } else if (k == "queue") {
    static const std::vector<std::string> kAgents = {"user101", "agent-7", "Zoë"};
    c.add(25, [&] { return json{{"event", {{"type", "agent_answered"}, {"agent", r_.pick(kAgents)}}}}; });
    c.add(deadline ? 20 : 0, [&] { return advance_step(o, true); });
  } else if (k == "transfer") {
    c.add(40, event({{"type", "transfer_failed"}}));
  }
  return c.pick(r_);
}

}  // namespace flowc::testing::diff
