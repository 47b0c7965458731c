// Modules, actions and their options: which options each module kind and
// action accepts (with their value types and ranges), routes, waits, switch
// branches and menu choices, triggers and automations.
#include <algorithm>

#include "compiler/sema/checker_impl.h"

namespace flowc::sema {

using ast::ExprKind;
using ast::ModuleKind;

namespace {

enum class OptKind { Text, StrLit, Int, Duration, Name, Json, Header, Map, Regex, Expr };

struct OptSpec {
  const char* name;
  OptKind kind;
  bool repeat = false;
  double min = 0, max = 0;  // Int: inclusive; Duration: max in ms
};

struct Schema {
  const char* owner;  // "say module", "an HTTP request"
  std::vector<OptSpec> options;
};

const Schema& schema_for(const char* key) {
  static const std::map<std::string, Schema> kSchemas = {
      {"play", {"play modules", {}}},
      {"say", {"say modules", {{"voice", OptKind::StrLit}, {"language", OptKind::StrLit}}}},
      {"input",
       {"input modules",
        {{"digits", OptKind::Int, false, 1, 32},
         {"min_digits", OptKind::Int, false, 1, 32},
         {"max_digits", OptKind::Int, false, 1, 32},
         {"into", OptKind::Name},
         {"terminator", OptKind::StrLit},
         {"timeout", OptKind::Duration, false, 0, 300'000},
         {"retries", OptKind::Int, false, 0, 10},
         {"prompt", OptKind::Text},
         {"audio", OptKind::Text},
         {"voice", OptKind::StrLit},
         {"language", OptKind::StrLit},
         {"pattern", OptKind::Regex}}}},
      {"menu",
       {"menu modules",
        {{"timeout", OptKind::Duration, false, 0, 300'000},
         {"retries", OptKind::Int, false, 0, 10},
         {"voice", OptKind::StrLit},
         {"language", OptKind::StrLit}}}},
      {"queue",
       {"queue modules",
        {{"reason", OptKind::Expr}, {"priority", OptKind::Int, false, 0, 100},
         {"timeout", OptKind::Duration, false, 0, 24.0 * 3'600'000}}}},
      {"transfer", {"transfer modules", {{"timeout", OptKind::Duration, false, 0, 600'000}}}},
      {"http",
       {"HTTP requests",
        {{"header", OptKind::Header, true},
         {"json", OptKind::Json},
         {"body", OptKind::Text},
         {"timeout", OptKind::Duration, false, 0, 60'000},
         {"retries", OptKind::Int, false, 0, 5},
         {"map", OptKind::Map, true}}}},
      {"email",
       {"emails",
        {{"subject", OptKind::Text}, {"body", OptKind::Text}, {"timeout", OptKind::Duration, false, 0, 60'000}}}},
      {"cti",
       {"cti", {{"timeout", OptKind::Duration, false, 0, 60'000}, {"retries", OptKind::Int, false, 0, 5}}}},
  };
  return kSchemas.at(key);
}

const char* option_kind_phrase(OptKind k) {
  switch (k) {
    case OptKind::Text: return "needs a text (a string, possibly with {holes})";
    case OptKind::StrLit: return "needs a string literal";
    case OptKind::Int: return "needs a whole number";
    case OptKind::Duration: return "needs a duration like 2s or 500ms";
    case OptKind::Name: return "needs a name, e.g. 'into reference'";
    case OptKind::Json: return "needs a JSON object { key: value, … }";
    case OptKind::Header: return "needs a header name and value: header \"X-Key\": \"value\"";
    case OptKind::Map: return "needs a mapping: map ivr.name = response.customer.name";
    case OptKind::Regex: return "needs a regular expression as a string literal";
    case OptKind::Expr: return "needs a value";
  }
  return "";
}

bool option_matches(const ast::Option& o, OptKind k) {
  switch (k) {
    case OptKind::Text:
    case OptKind::Expr: return o.kind == ast::Option::Expr;
    case OptKind::StrLit: return o.kind == ast::Option::Expr && o.value->kind == ExprKind::String;
    case OptKind::Regex:
      return o.kind == ast::Option::Expr &&
             (o.value->kind == ExprKind::String || o.value->kind == ExprKind::Template);
    case OptKind::Int: return o.kind == ast::Option::Expr && o.value->kind == ExprKind::Number;
    case OptKind::Duration: return o.kind == ast::Option::Duration;
    case OptKind::Name: return o.kind == ast::Option::Expr && o.value->kind == ExprKind::Name;
    case OptKind::Json: return o.kind == ast::Option::Json;
    case OptKind::Header: return o.kind == ast::Option::Header;
    case OptKind::Map: return o.kind == ast::Option::Map;
  }
  return false;
}

const ast::Option* find_option(const std::vector<ast::Option>& opts, const char* name) {
  for (const auto& o : opts)
    if (o.name == name) return &o;
  return nullptr;
}

// The routes (`on X -> m`) each module kind can take.
std::vector<std::string> routes_of(ModuleKind k) {
  switch (k) {
    case ModuleKind::Play:
    case ModuleKind::Say:
    case ModuleKind::Pause:
    case ModuleKind::Set:
    case ModuleKind::Email:
    case ModuleKind::Http: return {"error", "timeout"};
    case ModuleKind::Input:
    case ModuleKind::Menu: return {"error", "timeout", "invalid"};
    case ModuleKind::Queue: return {"timeout"};
    case ModuleKind::Transfer: return {"error"};
    case ModuleKind::Switch:
    case ModuleKind::Hangup: return {};
  }
  return {};
}

bool can_wait(ModuleKind k) {
  switch (k) {
    case ModuleKind::Play:
    case ModuleKind::Say:
    case ModuleKind::Pause:
    case ModuleKind::Set:
    case ModuleKind::Email:
    case ModuleKind::Http:
    case ModuleKind::Input: return true;
    default: return false;
  }
}

bool needs_next(ModuleKind k) { return can_wait(k); }

// Whether `next` can never be taken: after a hangup or transfer, or a queue
// without a timeout (the call stays with the agent).
bool ends_flow(const ast::Module& m) {
  if (m.kind == ModuleKind::Queue) return !find_option(m.options, "timeout");
  return m.kind == ModuleKind::Hangup || m.kind == ModuleKind::Transfer;
}

bool is_phone_key(const std::string& k) {
  return k.size() == 1 && ((k[0] >= '0' && k[0] <= '9') || k[0] == '*' || k[0] == '#');
}

std::string module_phrase(const ast::Module& m) { return std::string(ast::module_kind_name(m.kind)) + " module"; }

}  // namespace

// The text a URL certainly starts with, when the flow itself says it.
std::optional<std::string> Checker::literal_prefix(const ast::Expr& e, int depth) const {
  if (depth > 16) return std::nullopt;  // lets defined in terms of each other
  if (e.kind == ExprKind::String) return e.text;
  if (e.kind == ExprKind::Template && !e.parts.empty()) {
    const auto& first = e.parts[0];
    return first.expr ? literal_prefix(*first.expr, depth + 1) : std::optional<std::string>(first.text);
  }
  if (e.kind == ExprKind::Name) {
    auto it = out_->let_by_name.find(e.text);
    if (it != out_->let_by_name.end() && it->second->value) return literal_prefix(*it->second->value, depth + 1);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- writes

void Checker::collect_writes() {
  auto mark_action = [&](const ast::Action& a) {
    for (const auto& as : a.assignments) {
      if (as.target.segments.size() >= 2 && (as.target.segments[0] == "ivr" || as.target.segments[0] == "app"))
        variable(as.target.path()).written = true;
    }
    for (const auto& o : a.options)
      if (o.kind == ast::Option::Map && o.map_target.segments.size() >= 2 &&
          (o.map_target.segments[0] == "ivr" || o.map_target.segments[0] == "app"))
        variable(o.map_target.path()).written = true;
  };
  for (const ast::Automation* a : out_->automations) mark_action(a->action);
  for (const ast::Module* m : out_->modules) {
    mark_action(m->action);
    for (const auto& c : m->clauses)
      if (c.kind == ast::Clause::Hook) mark_action(c.action);
    if (m->kind == ModuleKind::Input) {
      if (const ast::Option* into = find_option(m->options, "into");
          into && into->kind == ast::Option::Expr && into->value->kind == ExprKind::Name) {
        Variable& v = variable("app.inputReader." + into->value->text);
        v.written = true;
        v.type = ValueType::String;
      }
    }
  }
}

// ---------------------------------------------------------------- triggers, automations, cti

void Checker::check_triggers() {
  for (const ast::Trigger* t : out_->triggers) {
    std::string what = "trigger '" + t->name + "'";
    check_condition(*t->condition, ExprContext{what.c_str()});
  }
}

void Checker::check_automations() {
  for (const ast::Automation* a : out_->automations) {
    if (a->action.kind == ast::Action::Ref) {
      // An empty name is what error recovery leaves of a broken action.
      if (!a->action.ref.empty())
        diags_.report(DiagId::AutomationIsRef, a->action.range, {a->name, a->action.ref});
      continue;
    }
    check_action(a->action, nullptr, "automation");
    for (const auto& at : a->attachments) {
      if (at.kind != ast::Attachment::When) continue;
      used_.insert(at.trigger);
      if (!out_->trigger(at.trigger)) {
        // `when NAME`: the name ends the attachment (and is ASCII).
        SourceRange name = at.range;
        name.begin =
            name.end - std::min<uint32_t>(name.end - name.begin, static_cast<uint32_t>(at.trigger.size()));
        diags_.report(DiagId::UnknownTrigger, name, {at.trigger});
        suggest(name, at.trigger, [&] { return names_of(out_->trigger_by_name); });
      }
    }
  }
}

void Checker::check_cti() {
  if (main_.ctis.empty()) return;
  const ast::Cti& c = main_.ctis[0];
  out_->cti = &c;
  if (c.protocol != "nexj") diags_.report(DiagId::UnknownCti, c.protocol_range, {c.protocol});
  ValueType t = check_expr(*c.endpoint, ExprContext{"the CTI endpoint", true});
  if (t != ValueType::String && t != ValueType::Any)
    diags_.report(DiagId::TypeMismatch, c.endpoint->range, {"the CTI endpoint must be a URL string"});
  check_options(c.options, "cti", nullptr);
}

// ---------------------------------------------------------------- actions

void Checker::check_action(const ast::Action& a, const ast::Module* m, const char* where) {
  ExprContext ctx{"a value", false, m};
  switch (a.kind) {
    case ast::Action::Ref:
      used_.insert(a.ref);
      if (!a.ref.empty() && !out_->automation(a.ref)) {
        diags_.report(DiagId::UnknownAutomation, a.range, {a.ref});
        suggest(a.range, a.ref, [&] { return names_of(out_->automation_by_name); });
      }
      return;
    case ast::Action::Set:
      for (const auto& as : a.assignments) {
        ValueType t = check_expr(*as.value, ctx);
        check_write(as.target, t, as.value->range);
      }
      return;
    case ast::Action::Email: {
      if (a.target) {
        ValueType t = check_expr(*a.target, ctx);
        if (t != ValueType::String && t != ValueType::Any)
          diags_.report(DiagId::TypeMismatch, a.target->range,
                        {std::string("the recipient of an email must be a string, but this is ") +
                         value_type_name(t)});
      }
      check_options(a.options, "email", m);
      SourceRange at = a.range;
      for (const char* req : {"subject", "body"})
        if (!find_option(a.options, req)) diags_.report(DiagId::MissingOption, at, {"an email", req});
      return;
    }
    case ast::Action::Http: {
      std::string method = a.method;
      for (char& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      static const std::vector<std::string> kMethods = {"get", "post", "put", "patch", "delete"};
      if (!method.empty() && std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end()) {
        diags_.report(DiagId::UnknownMethod, a.method_range, {a.method});
        diags_.did_you_mean(a.method_range, closest_name(method, kMethods));
      }
      if (a.target) {
        ValueType t = check_expr(*a.target, ctx);
        if (t != ValueType::String && t != ValueType::Any)
          diags_.report(DiagId::TypeMismatch, a.target->range, {"a URL must be a string"});
        // A URL whose beginning is written in the flow (a literal, or a let
        // of a literal) must name its scheme; one from env() is the
        // deployment's business and not checked here.
        if (auto prefix = literal_prefix(*a.target);
            prefix && prefix->rfind("http://", 0) != 0 && prefix->rfind("https://", 0) != 0)
          diags_.report(DiagId::BadUrl, a.target->range, {prefix->substr(0, 12)});
      }
      check_options(a.options, "http", m);
      if (find_option(a.options, "json") && find_option(a.options, "body"))
        diags_.report(DiagId::WrongOptionValue, find_option(a.options, "body")->range,
                      {"body", "cannot be used together with 'json'"});
      return;
    }
  }
  (void)where;
}

// ---------------------------------------------------------------- options

void Checker::check_options(const std::vector<ast::Option>& options, const char* owner, const ast::Module* m) {
  const Schema& schema = schema_for(owner);
  ExprContext ctx{"a value", false, m};
  std::map<std::string, SourceRange> seen;
  for (const auto& o : options) {
    const OptSpec* spec = nullptr;
    for (const auto& s : schema.options)
      if (o.name == s.name) spec = &s;
    if (!spec) {
      diags_.report(DiagId::UnknownOption, o.name_range, {o.name, schema.owner});
      std::vector<std::string> names;
      for (const auto& s : schema.options) names.push_back(s.name);
      diags_.did_you_mean(o.name_range, closest_name(o.name, names));
      continue;
    }
    auto [it, fresh] = seen.emplace(o.name, o.name_range);
    if (!fresh && !spec->repeat) {
      diags_.report(DiagId::DuplicateOption, o.name_range, {o.name});
      note_first(it->second);
      continue;
    }
    if (!option_matches(o, spec->kind)) {
      diags_.report(DiagId::WrongOptionValue, o.value_range.valid() ? o.value_range : o.range,
                    {o.name, option_kind_phrase(spec->kind)});
      continue;
    }
    switch (spec->kind) {
      case OptKind::Text: {
        ValueType t = check_expr(*o.value, ctx);
        if (t != ValueType::String && t != ValueType::Any)
          diags_.report(DiagId::WrongOptionValue, o.value->range,
                        {o.name, std::string("needs a text, but this is ") + value_type_name(t)});
        break;
      }
      case OptKind::Expr: check_expr(*o.value, ctx); break;
      case OptKind::Regex: check_regex(o.value->raw, o.value->range); break;
      case OptKind::Int: {
        double v = o.value->number;
        if (v != static_cast<double>(static_cast<long long>(v)) || v < spec->min || v > spec->max)
          diags_.report(DiagId::ValueOutOfRange, o.value->range,
                        {"option '" + o.name + "' must be a whole number from " +
                         std::to_string(static_cast<long long>(spec->min)) + " to " +
                         std::to_string(static_cast<long long>(spec->max))});
        break;
      }
      case OptKind::Duration: {
        std::string why;
        auto ms = parse_duration(o.duration, &why);
        if (!ms) {
          diags_.report(DiagId::InvalidDuration, o.value_range, {o.duration, why});
        } else if (spec->max > 0 && static_cast<double>(*ms) > spec->max) {
          diags_.report(DiagId::ValueOutOfRange, o.value_range,
                        {"option '" + o.name + "' can be at most " +
                         format_duration(static_cast<uint64_t>(spec->max))});
        }
        break;
      }
      case OptKind::Header: {
        ValueType t = check_expr(*o.value, ctx);
        if (o.header_name.empty() || o.header_name.find_first_of(" :\r\n\t") != std::string::npos)
          diags_.report(DiagId::WrongOptionValue, o.value_range, {"header", "needs a valid header name"});
        if (t != ValueType::String && t != ValueType::Any && t != ValueType::Number)
          diags_.report(DiagId::WrongOptionValue, o.value->range, {"header", "needs a text value"});
        break;
      }
      case OptKind::Map: {
        if (o.map_source.segments.empty() || o.map_source.segments[0] != "response") {
          diags_.report(DiagId::WrongOptionValue, o.map_source.range,
                        {"map", "takes its value from the response: map ivr.name = response.name"});
        }
        check_write(o.map_target, ValueType::Any, o.map_target.range);
        break;
      }
      case OptKind::Json: {
        std::function<void(const ast::JsonValue&)> walk = [&](const ast::JsonValue& j) {
          if (j.kind == ast::JsonValue::Scalar) {
            check_expr(*j.expr, ctx);
            return;
          }
          std::map<std::string, SourceRange> keys;
          for (const auto& f : j.fields) {
            auto [k, fresh_key] = keys.emplace(f.key, f.key_range);
            if (!fresh_key) {
              diags_.report(DiagId::WrongOptionValue, f.key_range, {"json", "has the key '" + f.key + "' twice"});
              note_first(k->second);
            }
            walk(*f.value);
          }
          for (const auto& item : j.items) walk(*item);
        };
        walk(*o.json);
        break;
      }
      case OptKind::StrLit:
      case OptKind::Name: break;
    }
  }
}

// ---------------------------------------------------------------- modules

void Checker::check_modules() {
  for (const ast::Module* m : out_->modules) check_module(*m);
}

// Names left empty by the parser's error recovery were reported as syntax
// errors already; the checker does not report them again.
void Checker::check_target(const std::string& name, SourceRange range) {
  if (name.empty() || out_->module(name)) return;
  diags_.report(DiagId::UnknownModule, range, {name});
  suggest(range, name, [&] { return names_of(out_->module_by_name); });
}

void Checker::check_module(const ast::Module& m) {
  ExprContext ctx{"a value", false, &m};
  auto text_argument = [&](const char* what) {
    if (!m.argument) return;
    ValueType t = check_expr(*m.argument, ctx);
    if (t != ValueType::String && t != ValueType::Any)
      diags_.report(DiagId::TypeMismatch, m.argument->range,
                    {std::string(what) + " must be a string, but this is " + value_type_name(t)});
  };
  switch (m.kind) {
    case ModuleKind::Play:
      text_argument("the audio URL");
      check_options(m.options, "play", &m);
      break;
    case ModuleKind::Say:
      text_argument("the text to say");
      check_options(m.options, "say", &m);
      break;
    case ModuleKind::Input: {
      check_options(m.options, "input", &m);
      if (!find_option(m.options, "into")) diags_.report(DiagId::MissingOption, m.kind_range, {"an input module", "into"});
      const ast::Option* digits = find_option(m.options, "digits");
      const ast::Option* min = find_option(m.options, "min_digits");
      const ast::Option* max = find_option(m.options, "max_digits");
      if (!digits && !max)
        diags_.report(DiagId::MissingOption, m.kind_range, {"an input module", "digits' or 'max_digits"});
      if (digits && (min || max))
        diags_.report(DiagId::WrongOptionValue, (min ? min : max)->range,
                      {(min ? min : max)->name, "cannot be combined with 'digits'"});
      if (min && max && min->kind == ast::Option::Expr && max->kind == ast::Option::Expr &&
          min->value->number > max->value->number)
        diags_.report(DiagId::ValueOutOfRange, min->range, {"'min_digits' is larger than 'max_digits'"});
      if (const ast::Option* t = find_option(m.options, "terminator");
          t && t->kind == ast::Option::Expr && t->value->kind == ExprKind::String && t->value->text != "#" &&
          t->value->text != "*")
        diags_.report(DiagId::WrongOptionValue, t->value->range, {"terminator", "must be \"#\" or \"*\""});
      if (find_option(m.options, "prompt") && find_option(m.options, "audio"))
        diags_.report(DiagId::WrongOptionValue, find_option(m.options, "audio")->range,
                      {"audio", "cannot be used together with 'prompt'"});
      break;
    }
    case ModuleKind::Menu: {
      text_argument("the menu prompt");
      check_options(m.options, "menu", &m);
      std::map<std::string, SourceRange> keys;
      for (const auto& c : m.choices) {
        if (!is_phone_key(c.key)) diags_.report(DiagId::BadMenuKey, c.key_range, {c.key});
        auto [it, fresh] = keys.emplace(c.key, c.key_range);
        if (!fresh) {
          diags_.report(DiagId::DuplicateMenuKey, c.key_range, {c.key});
          note_first(it->second);
        }
        check_target(c.target, c.target_range);
      }
      if (m.choices.empty()) diags_.report(DiagId::MissingOption, m.kind_range, {"a menu", "1 -> module"});
      break;
    }
    case ModuleKind::Switch: {
      bool after_seen = false;
      const ast::Branch* always = nullptr;                  // an earlier `when true`
      std::map<std::string, const ast::Branch*> earlier;  // conditions seen, by their dump
      for (const auto& b : m.branches) {
        if (b.condition) check_condition(*b.condition, ExprContext{"a switch branch", false, &m});
        check_target(b.target, b.target_range);
        if (after_seen) {
          diags_.report(DiagId::ShadowedBranch, b.range);
          continue;
        }
        if (!b.condition) {
          after_seen = true;
          if (always) {
            diags_.report(DiagId::ShadowedBranch, b.range);
            diags_.note(DiagId::NoteEarlierBranch, always->range);
          }
          continue;
        }
        auto [same, fresh] = earlier.emplace(ast::dump(*b.condition), &b);
        if (const ast::Branch* e = always ? always : fresh ? nullptr : same->second) {
          diags_.report(DiagId::ShadowedBranch, b.range);
          diags_.note(DiagId::NoteEarlierBranch, e->range);
        }
        if (!always && b.condition->kind == ExprKind::Bool && b.condition->boolean) always = &b;
      }
      if (!after_seen) diags_.report(DiagId::SwitchWithoutAfter, m.kind_range);
      break;
    }
    case ModuleKind::Queue:
      text_argument("the queue name");
      check_options(m.options, "queue", &m);
      break;
    case ModuleKind::Transfer:
      text_argument("the transfer target");
      check_options(m.options, "transfer", &m);
      break;
    case ModuleKind::Pause: {
      std::string why;
      if (!m.pause.empty() && !parse_duration(m.pause, &why))
        diags_.report(DiagId::InvalidDuration, m.pause_range, {m.pause, why});
      break;
    }
    case ModuleKind::Set:
    case ModuleKind::Email:
    case ModuleKind::Http: check_action(m.action, &m, "module"); break;
    case ModuleKind::Hangup: break;
  }
  check_clauses(m);
}

void Checker::check_clauses(const ast::Module& m) {
  const ast::Clause* next = nullptr;
  const ast::Clause* wait = nullptr;
  std::map<std::string, SourceRange> routes;
  std::vector<std::string> allowed = routes_of(m.kind);
  for (const auto& c : m.clauses) {
    switch (c.kind) {
      case ast::Clause::Next:
        if (next) {
          diags_.report(DiagId::DuplicateHeader, c.range, {"next"});
          note_first(next->range);
          break;
        }
        next = &c;
        if (m.kind == ModuleKind::Switch) {
          diags_.report(DiagId::UnknownRoute, c.range, {module_phrase(m), "next"});
          diags_.note(DiagId::NoteText, m.kind_range, {"a switch goes on through its branches and 'after'"});
          break;
        }
        if (ends_flow(m)) diags_.report(DiagId::NextIgnored, c.range, {ast::module_kind_name(m.kind)});
        check_target(c.target, c.target_range);
        break;
      case ast::Clause::Hook:
        check_action(c.action, &m, c.on_exit ? "on exit" : "on enter");
        break;
      case ast::Clause::Route: {
        if (c.event.empty()) {
          // a syntax error
        } else if (std::find(allowed.begin(), allowed.end(), c.event) == allowed.end()) {
          diags_.report(DiagId::UnknownRoute, c.event_range, {module_phrase(m), c.event});
          diags_.did_you_mean(c.event_range, closest_name(c.event, allowed));
        } else {
          auto [it, fresh] = routes.emplace(c.event, c.range);
          if (!fresh) {
            diags_.report(DiagId::DuplicateHeader, c.range, {"on " + c.event});
            note_first(it->second);
          }
        }
        check_target(c.target, c.target_range);
        break;
      }
      case ast::Clause::Wait: {
        if (!can_wait(m.kind)) {
          diags_.report(DiagId::CannotWait, c.range, {"a " + module_phrase(m)});
          break;
        }
        if (wait) {
          diags_.report(DiagId::DuplicateHeader, c.range, {"wait"});
          note_first(wait->range);
          break;
        }
        wait = &c;
        used_.insert(c.target);
        if (!c.target.empty() && !out_->trigger(c.target) && !out_->automation(c.target)) {
          diags_.report(DiagId::UnknownName, c.target_range, {c.target});
          diags_.note(DiagId::NoteText, c.target_range, {"'wait' needs a trigger or an automation"});
          suggest(c.target_range, c.target, [&] {
            std::vector<std::string> names = names_of(out_->trigger_by_name);
            for (const auto& [n, a] : out_->automation_by_name) names.push_back(n);
            return names;
          });
        }
        std::string why;
        if (!c.duration.empty() && !parse_duration(c.duration, &why))
          diags_.report(DiagId::InvalidDuration, c.duration_range, {c.duration, why});
        break;
      }
    }
  }
  // A timeout route on a module that cannot time out by itself needs a wait.
  bool times_out = m.kind == ModuleKind::Input || m.kind == ModuleKind::Menu ||
                   (m.kind == ModuleKind::Queue && find_option(m.options, "timeout"));
  if (routes.count("timeout") && !times_out && !wait) {
    diags_.report(DiagId::UnknownRoute, routes["timeout"], {module_phrase(m), "timeout"});
    const char* why = m.kind == ModuleKind::Queue ? "give the queue a 'timeout'"
                      : (m.kind == ModuleKind::Http || m.kind == ModuleKind::Email)
                          ? "a request that times out fails into 'on error'; 'on timeout' needs 'wait … up to …'"
                          : "only a module with 'wait … up to …' can time out";
    diags_.note(DiagId::NoteText, m.kind_range, {why});
  }
  if (!next && needs_next(m.kind)) diags_.report(DiagId::NoNext, m.name_range, {m.name});
}

}  // namespace flowc::sema
