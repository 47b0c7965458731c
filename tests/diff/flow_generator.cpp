// Random valid flows. The generator decides the module graph first (kinds,
// then targets), so that every module needing `next` has one, loops always
// pass a module that waits for the caller (modules that move on by
// themselves — switch, set, email, http — only lead forward to each other),
// and every module is reachable; then it writes each piece of text with a
// typed expression generator that only combines what the checker accepts.
#include "tests/diff/flow_generator.h"

#include <algorithm>
#include <map>
#include <optional>

namespace flowc::testing::diff {

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint32_t Rng::below(uint32_t n) { return n ? static_cast<uint32_t>(next() % n) : 0; }

int Rng::range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint32_t>(hi - lo + 1))); }

bool Rng::chance(double p) { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0) < p; }

const std::vector<std::string>& all_features() {
  static const std::vector<std::string> kAll = {
      "module:play", "module:say", "module:pause", "module:input", "module:menu", "module:switch",
      "module:queue", "module:transfer", "module:hangup", "module:set", "module:email", "module:http",
      "input:digits", "input:min_max", "input:terminator", "input:pattern", "input:retries", "input:timeout",
      "input:prompt", "input:audio", "input:voice", "menu:star_hash", "menu:string_key", "menu:next",
      "menu:options", "switch:after", "switch:no_after", "switch:when_true", "queue:reason", "queue:priority",
      "queue:timeout", "queue:no_timeout", "transfer:timeout", "transfer:on_error", "say:voice",
      "say:language", "http:json", "http:nested_json", "http:body", "http:header", "http:map",
      "http:retries", "http:timeout", "http:methods", "email:timeout", "set:several", "hook:enter_ref",
      "hook:exit_ref", "hook:inline_http", "hook:inline_email", "hook:inline_set", "wait:trigger",
      "wait:automation", "route:error", "route:timeout", "route:invalid", "next:ignored", "automation:http",
      "automation:email", "automation:set", "attach:call_start", "attach:call_end", "attach:when",
      "attach:several", "expr:and", "expr:or", "expr:not", "expr:eq", "expr:ne", "expr:lt", "expr:le",
      "expr:gt", "expr:ge", "expr:is_set", "expr:is_not_set", "expr:in", "expr:not_in", "expr:matches",
      "expr:now_in", "expr:now_in_zone", "expr:now_in_overnight", "expr:add", "expr:concat", "expr:sub", "expr:mul", "expr:div",
      "expr:mod", "expr:neg", "expr:template", "expr:escapes", "expr:nested_string", "expr:trigger_ref",
      "expr:call_field", "builtin:digits", "builtin:e164", "builtin:starts_with", "builtin:ends_with",
      "builtin:contains", "builtin:len", "builtin:lower", "builtin:upper", "builtin:trim", "builtin:substr",
      "builtin:last", "builtin:str", "builtin:number", "builtin:default", "builtin:env", "expect:string",
      "expect:number", "expect:bool", "expect:object", "expect:array", "expect:any", "expect:enum",
      "expect:secret", "let:string", "let:number", "let:bool", "let:template", "header:numbers",
      "header:timezone", "header:cti", "comment"};
  return kAll;
}

namespace {

enum class VT { Bool, Num, Str, Obj, Arr, Any };

enum class Kind { Play, Say, Pause, Input, Menu, Switch, Queue, Transfer, Hangup, Set, Email, Http };

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Play: return "play";
    case Kind::Say: return "say";
    case Kind::Pause: return "pause";
    case Kind::Input: return "input";
    case Kind::Menu: return "menu";
    case Kind::Switch: return "switch";
    case Kind::Queue: return "queue";
    case Kind::Transfer: return "transfer";
    case Kind::Hangup: return "hangup";
    case Kind::Set: return "set";
    case Kind::Email: return "email";
    case Kind::Http: return "http";
  }
  return "?";
}

// Modules that move on without the caller: the checker rejects loops of them.
bool silent(Kind k) { return k == Kind::Switch || k == Kind::Set || k == Kind::Email || k == Kind::Http; }

bool can_wait(Kind k) {
  switch (k) {
    case Kind::Play:
    case Kind::Say:
    case Kind::Pause:
    case Kind::Set:
    case Kind::Email:
    case Kind::Http:
    case Kind::Input: return true;
    default: return false;
  }
}

bool has_error_route(Kind k) {
  return k != Kind::Switch && k != Kind::Hangup && k != Kind::Queue;
}

struct Var {
  std::string name;
  VT type = VT::Any;
  std::vector<std::string> enums;
  bool declared = false;  // an `expect`
  bool input = false;     // app.inputReader.*: written by its input module
  bool secret = false;
};

struct Let {
  std::string name;
  VT type;
};

struct Automation {
  std::string name;
};

// A response field the flow maps, with the type the flow gives it.
struct ResponseField {
  const char* path;
  VT type;
};

const std::vector<ResponseField>& response_fields() {
  static const std::vector<ResponseField> kFields = {
      {"response.id", VT::Str},          {"response.customer.name", VT::Str}, {"response.customer.tier", VT::Str},
      {"response.balance.amount", VT::Num}, {"response.ok", VT::Bool},      {"response.tags", VT::Arr},
      {"response.profile", VT::Obj},     {"response.end", VT::Str},           {"response.count", VT::Num},
      {"response.customer.vip", VT::Bool}, {"response.data", VT::Any}};
  return kFields;
}

struct Module {
  std::string name;
  Kind kind = Kind::Play;
  std::string head;                    // kind, argument and options
  std::vector<std::string> hooks;      // "on enter …"
  std::string wait;                    // "wait x up to 2s" or ""
  std::optional<int> next;
  std::vector<std::pair<std::string, int>> routes;    // error/timeout/invalid
  std::vector<std::pair<std::string, int>> branches;  // switch: condition text, target
  std::optional<int> after;
  std::vector<std::pair<std::string, int>> keys;      // menu: key text, target
  std::string menu_options;
  bool queue_timeout = false;

  bool has_route(const std::string& r) const {
    for (const auto& [name, t] : routes)
      if (name == r) return true;
    return false;
  }
  // The routes this module may still take.
  std::vector<std::string> free_routes() const {
    std::vector<std::string> out;
    auto offer = [&](const char* r) {
      if (!has_route(r)) out.push_back(r);
    };
    if (has_error_route(kind)) offer("error");
    if (kind == Kind::Input || kind == Kind::Menu) {
      offer("invalid");
      offer("timeout");
    } else if (kind == Kind::Queue ? queue_timeout : !wait.empty()) {
      offer("timeout");
    }
    return out;
  }
  std::vector<int> targets() const {
    std::vector<int> out;
    if (next) out.push_back(*next);
    if (after) out.push_back(*after);
    for (const auto& [r, t] : routes) out.push_back(t);
    for (const auto& [b, t] : branches) out.push_back(t);
    for (const auto& [k, t] : keys) out.push_back(t);
    return out;
  }
};

class Generator {
 public:
  Generator(uint64_t seed, const FlowGenOptions& options) : r_(seed), seed_(seed), options_(options) {}

  GeneratedFlow run();

 private:
  void f(const std::string& feature) { features_.insert(feature); }
  std::string paren(const std::string& s) { return "(" + s + ")"; }

  // ---- definitions
  void plan_variables();
  void gen_lets();
  void gen_triggers();
  void gen_automations();
  void plan_modules();
  void gen_module(int i);
  void connect_unreached();
  void ensure_writes();
  std::string render();

  // ---- graph
  int target(int from, bool prefer_next);
  bool edge_ok(int from, int to) const {
    return !(silent(modules_[from].kind) && silent(modules_[to].kind) && to <= from);
  }

  // ---- actions
  std::string http_action(bool hook);
  std::string email_action();
  std::string set_action(int max_assignments);
  std::string action_for_hook();
  std::string url();
  std::string json_object(int depth);
  std::string json_value(int depth);
  std::string map_option();
  void write(const std::string& name) { written_.insert(name); }

  // ---- expressions
  std::string expr(VT t, int d);
  std::string bool_expr(int d);
  std::string num_expr(int d);
  std::string str_expr(int d);
  std::string any_expr(int d);
  std::string value_of_type(VT t, int d);  // for writes of declared variables
  std::string bool_atom();
  std::string num_atom();
  std::string str_atom();
  std::string var_of(VT t);  // a readable variable of type t (or any), "" if none
  std::string str_literal(bool holes, int d);
  std::string text_piece();
  std::string number_literal();
  std::string literal_any();
  std::string regex_literal();
  std::string hours();
  std::string duration(int max_ms);
  std::string let_of(VT t);
  std::string const_expr(VT t, int d);  // for lets

  Rng r_;
  uint64_t seed_;
  FlowGenOptions options_;
  std::set<std::string> features_;

  std::vector<Var> vars_;                // readable session variables (not call.*)
  std::vector<std::string> writable_;    // ivr.* and app.* the flow may write
  std::set<std::string> need_write_;     // variables that must be written somewhere
  std::set<std::string> written_;
  std::vector<std::string> expects_text_;
  std::vector<Let> lets_;
  std::vector<std::string> lets_text_;
  std::vector<std::string> triggers_;
  std::vector<std::string> triggers_text_;
  int trigger_limit_ = -1;  // -1: any trigger may be used; else only those below
  std::vector<std::string> autos_;
  std::vector<std::string> autos_text_;
  std::vector<Module> modules_;
  std::string time_zone_header_;
  bool constant_ = false;  // generating a let: constants only
  int nest_ = 0;           // inside a template hole: strings are written \"…\"
  int input_count_ = 0;
};

// ---------------------------------------------------------------- literals

std::string Generator::text_piece() {
  static const std::vector<std::string> kPieces = {
      "Hello", " ", "Order ", "caller", "a/b c", "x&y=z", "100%", "+49 (30) 123-456", "0049 30 1234",
      "030 1234", "MiXeD", "a@b.example", "12345", "ünïcødé €", "  padded  ", "?q=1#frag", "ok",
      "\xF0\x9F\x98\x80", "<b>&amp;</b>"};
  static const std::vector<std::string> kEscapes = {"\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9",
                                                    "{{",  "}}",  "\\{",  "\\}",  "\\r"};
  if (r_.chance(0.15)) {
    f("expr:escapes");
    return r_.pick(kEscapes);
  }
  return r_.pick(kPieces);
}

// A string literal, a template when `holes` (a few `{expr}` parts). Inside
// a hole a string is written \"…\" and kept simple.
std::string Generator::str_literal(bool holes, int d) {
  if (nest_ > 0) {
    static const std::vector<std::string> kInner = {"caller", "x", "49", "de", "gold", "a b", "123", ""};
    f("expr:nested_string");
    return "\\\"" + r_.pick(kInner) + "\\\"";
  }
  std::string out = "\"";
  int parts = r_.range(1, 4);
  bool any_hole = false;
  for (int i = 0; i < parts; ++i) {
    if (holes && !constant_ && d > 0 && r_.chance(0.4)) {
      ++nest_;
      out += "{" + (r_.chance(0.3) ? expr(VT::Any, d - 1) : str_expr(d - 1)) + "}";
      --nest_;
      any_hole = true;
    } else {
      out += text_piece();
    }
  }
  if (any_hole) f("expr:template");
  return out + "\"";
}

std::string Generator::number_literal() {
  static const std::vector<std::string> kNumbers = {"0", "1", "2", "3", "7", "10", "42", "100", "2.5", "0.5",
                                                    "1000000", "3.14159", "9", "12", "0.1",
                                                    "123456789012345678", "4294967296"};
  return r_.pick(kNumbers);
}

std::string Generator::literal_any() {
  switch (r_.below(6)) {
    case 0: return number_literal();
    case 1: return r_.chance(0.5) ? "true" : "false";
    case 2: return "null";
    default: return str_literal(false, 0);
  }
}

std::string Generator::regex_literal() {
  // Inside a hole a backslash cannot be written (the hole's \\ becomes " \").
  static const std::vector<std::string> kPlain = {"^[0-9]+$", "^(gold|silver)$", "[a-z]+", "^$", "^[+]49",
                                                  "example[.]com$", "^.{3}", "ü", "^[A-Z]"};
  static const std::vector<std::string> kEscaped = {"^\\\\d+$", "^\\\\+49", "@example\\\\.com$", "\\\\s"};
  std::string re = nest_ == 0 && r_.chance(0.3) ? r_.pick(kEscaped) : r_.pick(kPlain);
  return nest_ > 0 ? "\\\"" + re + "\\\"" : "\"" + re + "\"";
}

std::string Generator::duration(int max_ms) {
  static const std::vector<std::pair<std::string, int>> kDurations = {
      {"300ms", 300}, {"500ms", 500},  {"1s", 1000},    {"1.5s", 1500},     {"2s", 2000},  {"3s", 3000},
      {"5s", 5000},   {"8s", 8000},    {"30s", 30000},  {"1m", 60000},      {"2min", 120000},
      {"5m", 300000}, {"1h", 3600000}};
  for (int tries = 0; tries < 20; ++tries) {
    const auto& [text, ms] = r_.pick(kDurations);
    if (ms <= max_ms) return text;
  }
  return "1s";
}

std::string Generator::hours() {
  static const std::vector<std::string> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun",
                                                 "monday", "friday", "saturday", "sunday"};
  static const std::vector<std::string> kZones = {"Europe/Berlin", "America/New_York", "Asia/Kolkata",
                                                  "Australia/Lord_Howe", "Pacific/Chatham", "UTC",
                                                  "America/St_Johns"};
  f("expr:now_in");
  std::string out = "now in ";
  int n = r_.range(1, 3);
  for (int i = 0; i < n; ++i) {
    if (i) out += ", ";
    switch (r_.below(3)) {
      case 0: break;  // every day
      case 1: out += r_.pick(kDays) + " "; break;
      default: out += r_.pick(kDays) + "-" + r_.pick(kDays) + " "; break;
    }
    int from = r_.range(0, 23 * 4) * 15;
    int to = std::min(24 * 60, from + r_.range(1, 12 * 4) * 15);
    if (from > 0 && r_.chance(0.15)) {
      f("expr:now_in_overnight");  // TO before FROM: past midnight into the next day
      to = r_.range(0, from / 15 - 1) * 15;
    }
    auto time = [&](int m) {
      char buf[8];
      if (m < 600 && r_.chance(0.3))
        std::snprintf(buf, sizeof buf, "%d:%02d", m / 60, m % 60);
      else
        std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
      return std::string(buf);
    };
    out += time(from) + "-" + time(to);
  }
  if (r_.chance(0.6)) {
    f("expr:now_in_zone");
    std::string zone = r_.pick(kZones);
    out += nest_ > 0 ? " \\\"" + zone + "\\\"" : " \"" + zone + "\"";
  }
  return out;
}

// ---------------------------------------------------------------- expressions

std::string Generator::var_of(VT t) {
  std::vector<const Var*> fit;
  for (const auto& v : vars_)
    if (v.type == t || v.type == VT::Any || (t == VT::Any)) fit.push_back(&v);
  if (fit.empty()) return "";
  return r_.pick(fit)->name;
}

std::string Generator::let_of(VT t) {
  std::vector<const Let*> fit;
  for (const auto& l : lets_)
    if (l.type == t) fit.push_back(&l);
  if (fit.empty()) return "";
  return r_.pick(fit)->name;
}

std::string Generator::expr(VT t, int d) {
  switch (t) {
    case VT::Bool: return bool_expr(d);
    case VT::Num: return num_expr(d);
    case VT::Str: return str_expr(d);
    default: return any_expr(d);
  }
}

std::string Generator::bool_atom() {
  if (!constant_) {
    int limit = trigger_limit_ < 0 ? static_cast<int>(triggers_.size()) : trigger_limit_;
    if (limit > 0 && r_.chance(0.3)) {
      f("expr:trigger_ref");
      return triggers_[r_.below(static_cast<uint32_t>(limit))];
    }
    if (r_.chance(0.4)) {
      std::string v = var_of(VT::Bool);
      if (!v.empty()) return v;
    }
  }
  if (std::string l = let_of(VT::Bool); !l.empty() && r_.chance(0.3)) return l;
  return r_.chance(0.5) ? "true" : "false";
}

std::string Generator::num_atom() {
  if (!constant_ && r_.chance(0.45)) {
    std::string v = var_of(VT::Num);
    if (!v.empty()) return v;
  }
  if (std::string l = let_of(VT::Num); !l.empty() && r_.chance(0.25)) return l;
  return number_literal();
}

std::string Generator::str_atom() {
  if (!constant_) {
    if (r_.chance(0.2)) {
      static const std::vector<std::string> kCall = {"call.id", "call.from", "call.to", "call.started_at"};
      f("expr:call_field");
      return r_.pick(kCall);
    }
    if (r_.chance(0.4)) {
      std::string v = var_of(VT::Str);
      if (!v.empty()) return v;
    }
  }
  if (std::string l = let_of(VT::Str); !l.empty() && r_.chance(0.25)) return l;
  return str_literal(false, 0);
}

std::string Generator::bool_expr(int d) {
  if (constant_) {
    if (d > 0 && r_.chance(0.4)) return paren("not " + bool_expr(d - 1));
    return bool_atom();
  }
  if (d <= 0) return bool_atom();
  static const char* kOrder[] = {"<", "<=", ">", ">="};
  static const char* kOrderFeature[] = {"expr:lt", "expr:le", "expr:gt", "expr:ge"};
  switch (r_.below(15)) {
    case 0: f("expr:and"); return paren(bool_expr(d - 1) + " and " + bool_expr(d - 1));
    case 1: f("expr:or"); return paren(bool_expr(d - 1) + " or " + bool_expr(d - 1));
    case 2: f("expr:not"); return paren("not " + bool_expr(d - 1));
    case 3: {
      int op = static_cast<int>(r_.below(4));
      f(kOrderFeature[op]);
      return paren(num_expr(d - 1) + " " + kOrder[op] + " " + num_expr(d - 1));
    }
    case 4: {
      int op = static_cast<int>(r_.below(4));
      f(kOrderFeature[op]);
      return paren(str_expr(d - 1) + " " + kOrder[op] + " " + str_expr(d - 1));
    }
    case 5:
    case 6: {
      bool eq = r_.chance(0.6);
      f(eq ? "expr:eq" : "expr:ne");
      const char* op = eq ? " == " : " != ";
      switch (r_.below(4)) {
        case 0: return paren(num_expr(d - 1) + op + num_expr(d - 1));
        case 1: return paren(str_expr(d - 1) + op + str_expr(d - 1));
        case 2: return paren(bool_atom() + op + (r_.chance(0.5) ? "true" : "false"));
        default: {
          // An enum against one of its values, or anything against a literal.
          std::vector<const Var*> enums;
          for (const auto& v : vars_)
            if (!v.enums.empty()) enums.push_back(&v);
          if (!enums.empty() && r_.chance(0.5)) {
            const Var* v = r_.pick(enums);
            std::string value = r_.pick(v->enums);
            return paren(v->name + op + (nest_ > 0 ? "\\\"" + value + "\\\"" : "\"" + value + "\""));
          }
          return paren(any_expr(d - 1) + op + literal_any());
        }
      }
    }
    case 7: {
      bool neg = r_.chance(0.35);
      f(neg ? "expr:is_not_set" : "expr:is_set");
      std::string subject = r_.chance(0.7) ? var_of(VT::Any) : "";
      if (subject.empty()) subject = any_expr(d - 1);
      return paren(subject + (neg ? " is not set" : " is set"));
    }
    case 8: {
      bool neg = r_.chance(0.3);
      f(neg ? "expr:not_in" : "expr:in");
      std::string list;
      int n = r_.range(0, 4);
      for (int i = 0; i < n; ++i) list += (i ? ", " : "") + (r_.chance(0.5) ? literal_any() : any_expr(0));
      return paren(any_expr(d - 1) + (neg ? " not in [" : " in [") + list + "]");
    }
    case 9: f("expr:matches"); return paren(str_expr(d - 1) + " matches " + regex_literal());
    case 10: return paren(hours());
    case 11: {
      static const std::vector<std::string> kFns = {"starts_with", "ends_with", "contains"};
      std::string fn = r_.pick(kFns);
      f("builtin:" + fn);
      return fn + "(" + str_expr(d - 1) + ", " + str_expr(d - 1) + ")";
    }
    case 12: f("builtin:default"); return "default(" + bool_expr(d - 1) + ", " + bool_expr(d - 1) + ")";
    default: return bool_atom();
  }
}

std::string Generator::num_expr(int d) {
  if (d <= 0) return num_atom();
  if (constant_) {
    switch (r_.below(5)) {
      case 0: return paren(num_expr(d - 1) + " + " + num_expr(d - 1));
      case 1: return paren(num_expr(d - 1) + " - " + num_expr(d - 1));
      case 2: return paren(num_expr(d - 1) + " * " + num_expr(d - 1));
      case 3: return paren("-" + num_expr(d - 1));
      default: return num_atom();
    }
  }
  switch (r_.below(12)) {
    case 0: f("expr:add"); return paren(num_expr(d - 1) + " + " + num_expr(d - 1));
    case 1: f("expr:sub"); return paren(num_expr(d - 1) + " - " + num_expr(d - 1));
    case 2: f("expr:mul"); return paren(num_expr(d - 1) + " * " + num_expr(d - 1));
    case 3: f("expr:div"); return paren(num_expr(d - 1) + " / " + num_expr(d - 1));
    case 4: f("expr:mod"); return paren(num_expr(d - 1) + " % " + num_expr(d - 1));
    case 5: f("expr:neg"); return paren("-" + num_expr(d - 1));
    case 6: f("builtin:len"); return "len(" + (r_.chance(0.7) ? str_expr(d - 1) : any_expr(d - 1)) + ")";
    case 7: f("builtin:number"); return "number(" + any_expr(d - 1) + ")";
    case 8: f("builtin:default"); return "default(" + num_expr(d - 1) + ", " + num_expr(d - 1) + ")";
    default: return num_atom();
  }
}

std::string Generator::str_expr(int d) {
  if (d <= 0) return str_atom();
  if (constant_) {
    switch (r_.below(5)) {
      case 0: return paren(str_expr(d - 1) + " + " + str_expr(d - 1));
      case 1: return paren(str_expr(d - 1) + " + " + num_expr(d - 1));
      case 2: {
        // A template of constants.
        std::string l = let_of(VT::Str);
        if (l.empty()) return str_atom();
        f("let:template");
        return "\"{" + l + "}/" + text_piece() + "\"";
      }
      case 3: return "env(\"FLOWC_DIFF_UNSET_" + std::to_string(r_.below(3)) + "\", \"dflt\")";
      default: return str_atom();
    }
  }
  switch (r_.below(18)) {
    case 0: f("builtin:digits"); return "digits(" + str_expr(d - 1) + ")";
    case 1:
      f("builtin:e164");
      if (r_.chance(0.5)) return "e164(" + str_expr(d - 1) + ")";
      return "e164(" + str_expr(d - 1) + ", " + (nest_ > 0 ? "\\\"49\\\"" : "\"49\"") + ")";
    case 2: f("builtin:lower"); return "lower(" + str_expr(d - 1) + ")";
    case 3: f("builtin:upper"); return "upper(" + str_expr(d - 1) + ")";
    case 4: f("builtin:trim"); return "trim(" + str_expr(d - 1) + ")";
    case 5:
      f("builtin:substr");
      if (r_.chance(0.5)) return "substr(" + str_expr(d - 1) + ", " + num_expr(d - 1) + ")";
      return "substr(" + str_expr(d - 1) + ", " + num_expr(d - 1) + ", " + num_expr(d - 1) + ")";
    case 6: f("builtin:last"); return "last(" + str_expr(d - 1) + ", " + num_expr(d - 1) + ")";
    case 7: f("builtin:str"); return "str(" + any_expr(d - 1) + ")";
    case 8: f("builtin:default"); return "default(" + str_expr(d - 1) + ", " + str_expr(d - 1) + ")";
    case 9: f("expr:concat"); return paren(str_expr(d - 1) + " + " + str_expr(d - 1));
    case 10: f("expr:concat"); return paren(str_expr(d - 1) + " + " + num_expr(d - 1));
    case 11:
    case 12: return str_literal(nest_ < 2, d);
    case 13: {
      f("builtin:env");
      std::string q = nest_ > 0 ? "\\\"" : "\"";
      if (r_.chance(0.5)) return "env(" + q + "FLOWC_DIFF_UNSET" + q + ")";
      return "env(" + q + "FLOWC_DIFF_UNSET" + q + ", " + q + "fallback" + q + ")";
    }
    default: return str_atom();
  }
}

std::string Generator::any_expr(int d) {
  if (r_.chance(0.5)) {
    std::string v = var_of(VT::Any);
    if (!v.empty()) return v;
  }
  switch (r_.below(4)) {
    case 0: return bool_expr(d);
    case 1: return num_expr(d);
    case 2: return str_expr(d);
    default: {
      std::string v = var_of(VT::Any);
      return v.empty() ? literal_any() : v;
    }
  }
}

// A value the checker lets the flow write into a variable of type t.
std::string Generator::value_of_type(VT t, int d) {
  if (r_.chance(0.08)) return "null";
  switch (t) {
    case VT::Bool:
    case VT::Num:
    case VT::Str: return expr(t, d);
    case VT::Obj:
    case VT::Arr: {
      std::string v = var_of(t);
      return v.empty() ? "null" : v;
    }
    default: return any_expr(d);
  }
}

std::string Generator::const_expr(VT t, int d) {
  constant_ = true;
  std::string out = expr(t, d);
  constant_ = false;
  return out;
}

// ---------------------------------------------------------------- actions

std::string Generator::url() {
  std::string out = "\"";
  switch (r_.below(4)) {
    case 0: out += "http://crm.example/api"; break;
    case 1: out += "https://crm.example:8443"; break;
    default: out += "{crm}"; break;
  }
  static const std::vector<std::string> kSegments = {"/lookup", "/calls", "/customers", "/v1/notes", "/x"};
  int n = r_.range(1, 3);
  for (int i = 0; i < n; ++i) {
    if (r_.chance(0.45)) {
      ++nest_;
      out += "/{" + (r_.chance(0.8) ? str_expr(1) : any_expr(1)) + "}";
      --nest_;
      f("expr:template");
    } else {
      out += r_.pick(kSegments);
    }
  }
  if (r_.chance(0.3)) {
    ++nest_;
    out += "?q={" + str_expr(1) + "}&n=1";
    --nest_;
  }
  return out + "\"";
}

std::string Generator::json_value(int depth) {
  if (depth > 0 && r_.chance(0.2)) {
    f("http:nested_json");
    return json_object(depth - 1);
  }
  if (depth > 0 && r_.chance(0.15)) {
    f("http:nested_json");
    std::string out = "[";
    int n = r_.range(0, 3);
    for (int i = 0; i < n; ++i) out += (i ? ", " : "") + json_value(depth - 1);
    if (n && r_.chance(0.3)) out += ",";
    return out + "]";
  }
  return r_.chance(0.25) ? literal_any() : any_expr(2);
}

std::string Generator::json_object(int depth) {
  static const std::vector<std::string> kKeys = {"call_id", "phone", "reference", "next", "on", "end",
                                                 "\"x-y\"", "\"with space\"", "value", "n", "tier", "flag"};
  std::vector<std::string> keys = kKeys;
  std::string out = "{ ";
  int n = r_.range(0, 4);
  std::set<std::string> used;
  for (int i = 0; i < n; ++i) {
    std::string k = r_.pick(keys);
    std::string plain = k[0] == '"' ? k.substr(1, k.size() - 2) : k;
    if (!used.insert(plain).second) continue;
    out += (used.size() > 1 ? ", " : "") + k + ": " + json_value(depth);
  }
  if (!used.empty() && r_.chance(0.2)) out += ",";
  return out + " }";
}

std::string Generator::map_option() {
  const ResponseField& field = r_.pick(response_fields());
  // A target the field's type can be written to (declared with that type,
  // or untyped); once in a while a declared one of another type, which
  // makes the request fail when the response arrives.
  std::vector<std::string> fit;
  for (const auto& name : writable_) {
    const Var* v = nullptr;
    for (const auto& x : vars_)
      if (x.name == name) v = &x;
    bool typed = v && v->declared && v->type != VT::Any;
    if (!typed || v->type == field.type || field.type == VT::Any || r_.chance(0.1)) fit.push_back(name);
  }
  if (fit.empty()) fit = writable_;
  std::string target = r_.pick(fit);
  write(target);
  f("http:map");
  return "map " + target + " = " + field.path;
}

std::string Generator::http_action(bool hook) {
  static const std::vector<std::string> kMethods = {"get", "post", "put", "patch", "delete", "POST", "Get"};
  std::string method = r_.pick(kMethods);
  if (method != "post" && method != "get") f("http:methods");
  std::string out = method + " " + url();
  std::vector<std::string> options;
  int headers = r_.chance(0.4) ? r_.range(1, 2) : 0;
  for (int i = 0; i < headers; ++i) {
    static const std::vector<std::string> kNames = {"X-Api-Key", "X-Caller", "Accept", "X-Trace-Id"};
    f("http:header");
    std::string value = r_.chance(0.3) ? num_expr(1) : str_expr(2);
    options.push_back("header \"" + kNames[static_cast<size_t>(i) % kNames.size()] + "\": " + value);
  }
  switch (r_.below(4)) {
    case 0:
    case 1: f("http:json"); options.push_back("json " + json_object(2)); break;
    case 2: f("http:body"); options.push_back("body " + str_literal(true, 2)); break;
    default: break;
  }
  if (r_.chance(0.5)) {
    f("http:timeout");
    options.push_back("timeout " + duration(60'000));
  }
  if (r_.chance(0.3)) {
    f("http:retries");
    options.push_back("retries " + std::to_string(r_.range(0, 3)));
  }
  int maps = r_.chance(hook ? 0.4 : 0.6) ? r_.range(1, 3) : 0;
  for (int i = 0; i < maps; ++i) options.push_back(map_option());
  r_.shuffle(options);
  for (const auto& o : options) out += "\n    " + o;
  return out;
}

std::string Generator::email_action() {
  std::string to;
  switch (r_.below(3)) {
    case 0: to = "\"desk@example.com\""; break;
    case 1: to = str_expr(1); break;
    default: {
      std::string v = var_of(VT::Str);
      to = v.empty() ? "\"desk@example.com\"" : v;
    }
  }
  std::string out = "email to " + to + " subject " + str_literal(true, 2) + " body " + str_literal(true, 2);
  if (r_.chance(0.4)) {
    f("email:timeout");
    out += " timeout " + duration(60'000);
  }
  return out;
}

std::string Generator::set_action(int max_assignments) {
  int n = r_.range(1, max_assignments);
  if (n > 1) f("set:several");
  std::string out = "set ";
  std::set<std::string> seen;
  for (int i = 0; i < n; ++i) {
    std::string target = r_.pick(writable_);
    if (!seen.insert(target).second) continue;
    const Var* v = nullptr;
    for (const auto& x : vars_)
      if (x.name == target) v = &x;
    std::string value;
    if (v && !v->enums.empty() && r_.chance(0.8))
      value = "\"" + r_.pick(v->enums) + "\"";
    else
      value = value_of_type(v && v->declared ? v->type : VT::Any, 2);
    write(target);
    out += (seen.size() > 1 ? ", " : "") + target + " = " + value;
  }
  return out;
}

std::string Generator::action_for_hook() {
  switch (r_.below(autos_.empty() ? 3 : 5)) {
    case 0: f("hook:inline_http"); return http_action(true);
    case 1: f("hook:inline_email"); return email_action();
    case 2: f("hook:inline_set"); return set_action(2);
    default: return r_.pick(autos_);  // a named automation
  }
}

// ---------------------------------------------------------------- definitions

void Generator::plan_variables() {
  struct Expect {
    const char* name;
    VT type;
    const char* type_text;
    std::vector<std::string> enums;
  };
  static const std::vector<Expect> kExpects = {
      {"ivr.email", VT::Str, "string", {}},       {"ivr.name", VT::Str, "string", {}},
      {"ivr.phone", VT::Str, "string", {}},       {"ivr.customer.id", VT::Str, "string", {}},
      {"ivr.end", VT::Str, "string", {}},         {"ivr.balance", VT::Num, "number", {}},
      {"ivr.score", VT::Num, "number", {}},       {"ivr.premium", VT::Bool, "bool", {}},
      {"ivr.blocked", VT::Bool, "bool", {}},      {"ivr.profile", VT::Obj, "object", {}},
      {"ivr.tags", VT::Arr, "array", {}},         {"ivr.extra", VT::Any, "any", {}},
      {"ivr.tier", VT::Str, "", {"gold", "silver", "bronze"}},
      {"ivr.lang", VT::Str, "", {"de", "en"}}};
  std::vector<size_t> order(kExpects.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  r_.shuffle(order);
  int n = r_.range(2, 8);
  for (int i = 0; i < n; ++i) {
    const Expect& e = kExpects[order[static_cast<size_t>(i)]];
    Var v;
    v.name = e.name;
    v.type = e.type;
    v.enums = e.enums;
    v.declared = true;
    v.secret = r_.chance(0.15);
    std::string type;
    if (!e.enums.empty()) {
      f("expect:enum");
      for (size_t k = 0; k < e.enums.size(); ++k) type += (k ? " | \"" : "\"") + e.enums[k] + "\"";
    } else {
      type = e.type_text;
      f(std::string("expect:") + e.type_text);
    }
    if (v.secret) f("expect:secret");
    expects_text_.push_back("expect " + v.name + ": " + type + (v.secret ? " secret" : ""));
    writable_.push_back(v.name);
    vars_.push_back(std::move(v));
  }
  // Variables the flow writes itself (untyped): some ivr.*, some app.*.
  static const std::vector<std::string> kIvr = {"ivr.note", "ivr.crm.status", "ivr.w1"};
  static const std::vector<std::string> kApp = {"app.reason", "app.queue", "app.n", "app.flag", "app.step.last"};
  for (const auto& name : kIvr)
    if (r_.chance(0.35)) {
      vars_.push_back(Var{name});
      writable_.push_back(name);
      need_write_.insert(name);
    }
  for (const auto& name : kApp)
    if (r_.chance(0.5)) {
      vars_.push_back(Var{name});
      writable_.push_back(name);
      need_write_.insert(name);
    }
  if (writable_.empty()) {
    vars_.push_back(Var{"app.reason"});
    writable_.push_back("app.reason");
    need_write_.insert("app.reason");
  }
}

void Generator::gen_lets() {
  // The CRM's base URL: a constant first hole keeps URLs checkable.
  lets_text_.push_back("let crm = env(\"FLOWC_DIFF_CRM_URL\", \"http://crm.example\")");
  f("builtin:env");
  lets_.push_back({"crm", VT::Str});
  int n = r_.range(0, 4);
  static const std::vector<std::string> kNames = {"greeting", "max_wait", "queue_name", "flag_on", "suffix"};
  for (int i = 0; i < n; ++i) {
    VT t = r_.pick(std::vector<VT>{VT::Str, VT::Num, VT::Bool, VT::Str});
    std::string value = const_expr(t, r_.range(0, 2));
    std::string name = kNames[static_cast<size_t>(i)];
    f(t == VT::Str ? "let:string" : t == VT::Num ? "let:number" : "let:bool");
    lets_text_.push_back("let " + name + " = " + value);
    lets_.push_back({name, t});
  }
}

void Generator::gen_triggers() {
  int n = r_.range(0, 5);
  for (int i = 0; i < n; ++i) triggers_.push_back("t" + std::to_string(i));
  for (int i = 0; i < n; ++i) {
    trigger_limit_ = i;  // only earlier triggers: no cycles
    std::string cond = r_.chance(0.3) ? "(" + var_of(VT::Any) + " is set)" : bool_expr(r_.range(1, 3));
    if (cond == "( is set)") cond = bool_expr(2);
    triggers_text_.push_back("trigger " + triggers_[static_cast<size_t>(i)] + " = " + cond);
  }
  trigger_limit_ = -1;
}

void Generator::gen_automations() {
  int n = r_.range(0, 4);
  for (int i = 0; i < n; ++i) autos_.push_back("a" + std::to_string(i));
  for (int i = 0; i < n; ++i) {
    std::string action;
    switch (r_.below(10)) {
      case 0:
      case 1: f("automation:email"); action = email_action(); break;
      case 2: f("automation:set"); action = set_action(2); break;
      default: f("automation:http"); action = http_action(false); break;
    }
    std::vector<std::string> attachments;
    if (r_.chance(0.25)) {
      f("attach:call_start");
      attachments.push_back("on call start");
    }
    if (r_.chance(0.25)) {
      f("attach:call_end");
      attachments.push_back("on call end");
    }
    if (!triggers_.empty() && r_.chance(0.3)) {
      f("attach:when");
      attachments.push_back("when " + r_.pick(triggers_));
    }
    if (attachments.size() > 1) f("attach:several");
    std::string text = "automation " + autos_[static_cast<size_t>(i)] + " =\n  " + action;
    for (const auto& a : attachments) text += "\n  " + a;
    autos_text_.push_back(text);
  }
}

void Generator::plan_modules() {
  int n = r_.range(options_.min_modules, options_.max_modules);
  static const std::vector<Kind> kKinds = {Kind::Play,  Kind::Say,    Kind::Say,      Kind::Pause,  Kind::Input,
                                           Kind::Input, Kind::Menu,   Kind::Menu,     Kind::Switch, Kind::Switch,
                                           Kind::Queue, Kind::Transfer, Kind::Hangup, Kind::Set,    Kind::Email,
                                           Kind::Http,  Kind::Http};
  for (int i = 0; i < n; ++i) {
    Module m;
    m.name = "m" + std::to_string(i);
    m.kind = r_.pick(kKinds);
    // The start leads somewhere; the last module does not move on silently
    // (a silent module may only go forward to another silent one).
    // Mostly a module that waits for the caller, so that events and session
    // writes can shape the session before the first switch.
    if (i == 0 && r_.chance(0.8)) m.kind = r_.pick(std::vector<Kind>{Kind::Play, Kind::Say, Kind::Menu, Kind::Input, Kind::Pause});
    if (i == 0)
      while (m.kind == Kind::Hangup || m.kind == Kind::Transfer || m.kind == Kind::Queue) m.kind = r_.pick(kKinds);
    if (i == n - 1 && r_.chance(0.6)) m.kind = Kind::Hangup;
    if (i == n - 1)
      while (silent(m.kind)) m.kind = r_.pick(kKinds);
    if (m.kind == Kind::Input) {
      std::string into = "in" + std::to_string(input_count_++);
      Var v;
      v.name = "app.inputReader." + into;
      v.type = VT::Str;
      v.input = true;
      vars_.push_back(std::move(v));
    }
    modules_.push_back(std::move(m));
  }
}

int Generator::target(int from, bool prefer_next) {
  int n = static_cast<int>(modules_.size());
  if (prefer_next && from + 1 < n && r_.chance(0.85)) return from + 1;
  for (int tries = 0; tries < 30; ++tries) {
    int t = static_cast<int>(r_.below(static_cast<uint32_t>(n)));
    if (edge_ok(from, t)) return t;
  }
  if (from + 1 < n) return from + 1;
  for (int t = 0; t < n; ++t)
    if (edge_ok(from, t)) return t;
  return from;  // not reached: the last module is never silent
}

void Generator::gen_module(int i) {
  Module& m = modules_[static_cast<size_t>(i)];
  f(std::string("module:") + kind_name(m.kind));
  std::vector<std::string> opts;
  bool wants_next = can_wait(m.kind);
  switch (m.kind) {
    case Kind::Play: m.head = "play " + str_literal(true, 2); break;
    case Kind::Say: {
      m.head = "say " + str_literal(true, 3);
      if (r_.chance(0.3)) {
        f("say:voice");
        m.head += " voice \"" + r_.pick(std::vector<std::string>{"alice", "bob"}) + "\"";
      }
      if (r_.chance(0.3)) {
        f("say:language");
        m.head += " language \"" + r_.pick(std::vector<std::string>{"en-GB", "de-DE"}) + "\"";
      }
      break;
    }
    case Kind::Pause: m.head = "pause " + duration(5000); break;
    case Kind::Input: {
      // Each input module has its own name, planned in order (plan_modules).
      int index = 0;
      for (int k = 0; k < i; ++k) index += modules_[static_cast<size_t>(k)].kind == Kind::Input;
      std::string into = "in" + std::to_string(index);
      opts.push_back("into " + into);
      if (r_.chance(0.5)) {
        f("input:digits");
        opts.push_back("digits " + std::to_string(r_.range(1, 8)));
      } else {
        f("input:min_max");
        int max = r_.range(1, 10);
        opts.push_back("max_digits " + std::to_string(max));
        if (r_.chance(0.6)) opts.push_back("min_digits " + std::to_string(r_.range(1, max)));
      }
      if (r_.chance(0.35)) {
        f("input:terminator");
        opts.push_back(std::string("terminator \"") + (r_.chance(0.5) ? "#" : "*") + "\"");
      }
      if (r_.chance(0.5)) {
        f("input:timeout");
        opts.push_back("timeout " + duration(300'000));
      }
      if (r_.chance(0.5)) {
        f("input:retries");
        opts.push_back("retries " + std::to_string(r_.range(0, 3)));
      }
      switch (r_.below(3)) {
        case 0: f("input:prompt"); opts.push_back("prompt " + str_literal(true, 2)); break;
        case 1: f("input:audio"); opts.push_back("audio " + str_literal(true, 1)); break;
        default: break;
      }
      if (r_.chance(0.25)) {
        f("input:voice");
        opts.push_back("voice \"alice\"");
        opts.push_back("language \"en-US\"");
      }
      if (r_.chance(0.35)) {
        static const std::vector<std::string> kPatterns = {"^[1-9]", "^[0-9]*5$", "^\\\\d+$", "^(12|34)",
                                                           "[02468]$", "^[0-9]{2}", "^1{2}"};
        f("input:pattern");
        opts.push_back("pattern \"" + r_.pick(kPatterns) + "\"");
      }
      r_.shuffle(opts);
      m.head = "input";
      for (const auto& o : opts) m.head += " " + o;
      break;
    }
    case Kind::Menu: {
      m.head = "menu " + str_literal(true, 2);
      static const std::vector<std::string> kKeys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "\"*\"",
                                                     "\"#\"", "\"5\""};
      int n = r_.range(1, 5);
      std::set<std::string> used;
      for (int k = 0; k < n; ++k) {
        std::string key = r_.pick(kKeys);
        std::string plain = key[0] == '"' ? key.substr(1, key.size() - 2) : key;
        if (!used.insert(plain).second) continue;
        if (plain == "*" || plain == "#") f("menu:star_hash");
        if (key == "\"5\"") f("menu:string_key");
        m.keys.push_back({key, target(i, k == 0)});
      }
      if (r_.chance(0.4)) {
        f("menu:options");
        m.menu_options += " timeout " + duration(300'000);
      }
      if (r_.chance(0.4)) m.menu_options += " retries " + std::to_string(r_.range(0, 3));
      if (r_.chance(0.2)) m.menu_options += " voice \"alice\" language \"en-GB\"";
      if (r_.chance(0.4)) {
        f("menu:next");
        m.next = target(i, true);
      }
      break;
    }
    case Kind::Switch: {
      int n = r_.range(1, 4);
      for (int k = 0; k < n; ++k) {
        std::string cond;
        if (!triggers_.empty() && r_.chance(0.4)) {
          cond = r_.pick(triggers_);
          f("expr:trigger_ref");
        } else if (r_.chance(0.05)) {
          cond = "true";
          f("switch:when_true");
        } else {
          cond = bool_expr(r_.chance(0.05) ? 6 : r_.range(1, 3));  // now and then a deep one
        }
        m.branches.push_back({cond, target(i, k == 0)});
      }
      if (r_.chance(0.92)) {
        f("switch:after");
        m.after = target(i, false);
      } else {
        f("switch:no_after");
      }
      break;
    }
    case Kind::Queue: {
      m.head = "queue " + (r_.chance(0.5) ? "\"support\"" : str_literal(true, 1));
      if (r_.chance(0.6)) {
        f("queue:reason");
        m.head += " reason " + (r_.chance(0.5) ? std::string("\"1084CC0B\"") : any_expr(1));
      }
      if (r_.chance(0.4)) {
        f("queue:priority");
        m.head += " priority " + std::to_string(r_.range(0, 100));
      }
      if (r_.chance(0.6)) {
        f("queue:timeout");
        m.queue_timeout = true;
        m.head += " timeout " + duration(3'600'000);
        if (r_.chance(0.6)) m.routes.push_back({"timeout", target(i, true)});
        if (r_.chance(0.5)) m.next = target(i, true);
      } else {
        f("queue:no_timeout");
        if (r_.chance(0.1)) {
          f("next:ignored");
          m.next = target(i, true);
        }
      }
      break;
    }
    case Kind::Transfer: {
      m.head = "transfer " + (r_.chance(0.6) ? std::string("\"+4989123499\"") : str_expr(1));
      if (r_.chance(0.5)) {
        f("transfer:timeout");
        m.head += " timeout " + duration(600'000);
      }
      if (r_.chance(0.6)) {
        f("transfer:on_error");
        m.routes.push_back({"error", target(i, true)});
      }
      if (r_.chance(0.05)) {
        f("next:ignored");
        m.next = target(i, true);
      }
      break;
    }
    case Kind::Hangup:
      m.head = "hangup";
      if (r_.chance(0.05) && i + 1 < static_cast<int>(modules_.size())) {
        f("next:ignored");
        m.next = target(i, true);
      }
      break;
    case Kind::Set: m.head = set_action(3); break;
    case Kind::Email: m.head = email_action(); break;
    case Kind::Http: m.head = "http " + http_action(false); break;
  }
  if (wants_next) m.next = target(i, true);
  // Hooks.
  int hooks = r_.chance(0.45) ? r_.range(1, 3) : 0;
  for (int k = 0; k < hooks; ++k) {
    bool exit = r_.chance(0.35);
    std::string action = action_for_hook();
    bool ref = std::find(autos_.begin(), autos_.end(), action) != autos_.end();
    if (ref) f(exit ? "hook:exit_ref" : "hook:enter_ref");
    m.hooks.push_back(std::string(exit ? "on exit " : "on enter ") + action);
  }
  // Wait.
  if (can_wait(m.kind) && r_.chance(0.3) && (!triggers_.empty() || !autos_.empty())) {
    bool trig = !triggers_.empty() && (autos_.empty() || r_.chance(0.5));
    std::string name = trig ? r_.pick(triggers_) : r_.pick(autos_);
    f(trig ? "wait:trigger" : "wait:automation");
    m.wait = "wait " + name + " up to " + duration(30'000);
  }
  // Routes.
  for (const auto& route : m.free_routes()) {
    double p = route == "error" ? 0.3 : 0.45;
    if (r_.chance(p)) m.routes.push_back({route, target(i, false)});
  }
  for (const auto& [route, t] : m.routes) f("route:" + route);
}

// Modules nothing leads to get an edge from a reachable module that can take
// one more (a switch branch, a menu key, a free route).
void Generator::connect_unreached() {
  int n = static_cast<int>(modules_.size());
  for (int round = 0; round < n; ++round) {
    std::vector<bool> seen(static_cast<size_t>(n), false);
    std::vector<int> work{0};
    seen[0] = true;
    while (!work.empty()) {
      int v = work.back();
      work.pop_back();
      for (int t : modules_[static_cast<size_t>(v)].targets())
        if (!seen[static_cast<size_t>(t)]) {
          seen[static_cast<size_t>(t)] = true;
          work.push_back(t);
        }
    }
    int u = -1;
    for (int k = 0; k < n && u < 0; ++k)
      if (!seen[static_cast<size_t>(k)]) u = k;
    if (u < 0) return;
    std::vector<int> from;
    for (int k = 0; k < n; ++k) {
      const Module& m = modules_[static_cast<size_t>(k)];
      if (!seen[static_cast<size_t>(k)] || !edge_ok(k, u)) continue;
      if (m.kind == Kind::Switch || (m.kind == Kind::Menu && m.keys.size() < 10) || !m.free_routes().empty())
        from.push_back(k);
    }
    if (from.empty() && (!triggers_.empty() || !autos_.empty())) {
      // A module that can wait gets a wait, and with it a timeout route.
      for (int k = 0; k < n; ++k) {
        Module& m = modules_[static_cast<size_t>(k)];
        if (seen[static_cast<size_t>(k)] && edge_ok(k, u) && can_wait(m.kind) && m.wait.empty()) {
          bool trig = !triggers_.empty() && (autos_.empty() || r_.chance(0.5));
          m.wait = "wait " + (trig ? r_.pick(triggers_) : r_.pick(autos_)) + " up to " + duration(30'000);
          f(trig ? "wait:trigger" : "wait:automation");
          from.push_back(k);
          break;
        }
      }
    }
    if (from.empty()) return;  // left unreachable: a warning, not an error
    Module& m = modules_[static_cast<size_t>(r_.pick(from))];
    if (m.kind == Kind::Switch) {
      m.branches.push_back({bool_expr(2), u});
    } else if (m.kind == Kind::Menu && m.keys.size() < 10 && r_.chance(0.7)) {
      for (const char* key : {"9", "8", "7", "0", "\"#\"", "\"*\"", "6", "4", "3", "2", "1", "5"}) {
        std::string plain = key[0] == '"' ? std::string(key).substr(1, 1) : key;
        bool used = false;
        for (const auto& [k, t] : m.keys) used |= (k[0] == '"' ? k.substr(1, k.size() - 2) : k) == plain;
        if (!used) {
          m.keys.push_back({key, u});
          break;
        }
      }
    } else if (!m.free_routes().empty()) {
      std::string route = r_.pick(m.free_routes());
      m.routes.push_back({route, u});
      f("route:" + route);
    }
  }
}

// Every variable the flow reads must be written somewhere (FL203 for app.*,
// FL204 for ivr.*): missing writes become `on enter set` hooks.
void Generator::ensure_writes() {
  for (const auto& name : need_write_) {
    if (written_.count(name)) continue;
    Module& m = modules_[r_.below(static_cast<uint32_t>(modules_.size()))];
    m.hooks.push_back("on enter set " + name + " = " + value_of_type(VT::Any, 1));
    f("hook:inline_set");
    written_.insert(name);
  }
}

std::string Generator::render() {
  std::string out;
  out += "// generated by tests/diff/flow_generator.cpp, seed " + std::to_string(seed_) + "\n";
  f("comment");
  out += "flow gen_" + std::to_string(seed_) + "\nstart m0\n";
  if (r_.chance(0.3)) {
    f("header:numbers");
    out += "numbers \"+4930" + std::to_string(100000 + r_.below(900000)) + "\"\n";
  }
  if (!time_zone_header_.empty()) out += time_zone_header_;
  if (r_.chance(0.2)) {
    f("header:cti");
    out += "cti nexj \"http://cti.example/soa/json-rpc\" timeout 2s retries 1\n";
  }
  out += "\n";
  for (const auto& e : expects_text_) out += e + "\n";
  out += "\n";
  for (const auto& l : lets_text_) out += l + "\n";
  if (!triggers_text_.empty()) out += "\n";
  for (const auto& t : triggers_text_) out += t + "\n";
  for (const auto& a : autos_text_) out += "\n" + a + "\n";
  for (const auto& m : modules_) {
    out += "\nmodule " + m.name + " = ";
    if (m.kind == Kind::Switch) {
      out += "switch {\n";
      for (const auto& [cond, t] : m.branches) out += "  when " + cond + " -> " + modules_[static_cast<size_t>(t)].name + "\n";
      if (m.after) out += "  after -> " + modules_[static_cast<size_t>(*m.after)].name + "\n";
      out += "}";
    } else if (m.kind == Kind::Menu) {
      out += m.head + " {\n";
      for (const auto& [key, t] : m.keys) out += "  " + key + " -> " + modules_[static_cast<size_t>(t)].name + "\n";
      out += "}" + m.menu_options;
    } else {
      out += m.head;
    }
    std::vector<std::string> clauses = m.hooks;
    if (!m.wait.empty()) clauses.push_back(m.wait);
    for (const auto& [route, t] : m.routes) clauses.push_back("on " + route + " -> " + modules_[static_cast<size_t>(t)].name);
    if (m.next) clauses.push_back("next " + modules_[static_cast<size_t>(*m.next)].name);
    r_.shuffle(clauses);
    for (const auto& c : clauses) out += "\n  " + c;
    out += "\n";
  }
  return out;
}

GeneratedFlow Generator::run() {
  if (r_.chance(0.5)) {
    static const std::vector<std::string> kZones = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC",
                                                    "Australia/Lord_Howe"};
    f("header:timezone");
    time_zone_header_ = "timezone \"" + r_.pick(kZones) + "\"\n";
  }
  plan_variables();
  gen_lets();
  plan_modules();
  gen_triggers();
  gen_automations();
  for (int i = 0; i < static_cast<int>(modules_.size()); ++i) gen_module(i);
  connect_unreached();
  ensure_writes();
  GeneratedFlow g;
  g.seed = seed_;
  g.name = "gen_" + std::to_string(seed_);
  g.source = render();
  g.features = std::move(features_);
  return g;
}

}  // namespace

GeneratedFlow generate_flow(uint64_t seed, const FlowGenOptions& options) {
  Generator g(seed, options);
  return g.run();
}

}  // namespace flowc::testing::diff
