// The checker's driver and its first passes: collecting definitions across
// the flow and its imports, the flow header (name, start, numbers, time zone),
// `expect` declarations and `let` constants.
#include "compiler/sema/checker_impl.h"

#include "stdlib/timezone.h"

namespace flowc::sema {

const ast::Module* CheckedFlow::module(const std::string& n) const {
  auto it = module_by_name.find(n);
  return it == module_by_name.end() ? nullptr : it->second;
}
const ast::Trigger* CheckedFlow::trigger(const std::string& n) const {
  auto it = trigger_by_name.find(n);
  return it == trigger_by_name.end() ? nullptr : it->second;
}
const ast::Automation* CheckedFlow::automation(const std::string& n) const {
  auto it = automation_by_name.find(n);
  return it == automation_by_name.end() ? nullptr : it->second;
}

Checker::Checker(const ast::File& main, const std::vector<const ast::File*>& imports, DiagnosticEngine& diags,
                 const CheckOptions& options)
    : main_(main), imports_(imports), diags_(diags), options_(options), out_(std::make_unique<CheckedFlow>()) {
  out_->main = &main;
  out_->imports = imports;
  out_->is_flow = main.is_flow();
}

std::unique_ptr<CheckedFlow> Checker::run() {
  collect_definitions();
  check_headers();
  check_expects();
  collect_writes();
  check_lets();
  check_triggers();
  check_trigger_recursion();
  check_automations();
  check_cti();
  check_modules();
  if (out_->is_flow) check_graph();
  return std::move(out_);
}

void Checker::note_first(SourceRange first) { diags_.note(DiagId::NoteFirstDefined, first); }

// ---------------------------------------------------------------- definitions

constexpr size_t kMaxModules = 100'000;

void Checker::collect_definitions() {
  std::vector<const ast::File*> files;
  files.push_back(&main_);
  for (const auto* f : imports_) files.push_back(f);
  auto define = [&](const std::string& name, SourceRange range) {
    auto [it, fresh] = defined_.emplace(name, range);
    if (!fresh) {
      diags_.report(DiagId::Redefinition, range, {name});
      note_first(it->second);
    }
    return fresh;
  };
  for (const ast::File* f : files) {
    for (const auto& l : f->lets)
      if (define(l.name, l.name_range)) out_->let_by_name[l.name] = &l;
    for (const auto& t : f->triggers)
      if (define(t.name, t.name_range)) {
        out_->trigger_by_name[t.name] = &t;
        out_->triggers.push_back(&t);
      }
    for (const auto& a : f->automations)
      if (define(a.name, a.name_range)) {
        out_->automation_by_name[a.name] = &a;
        out_->automations.push_back(&a);
      }
    if (f != &main_) continue;  // modules in an import are refused (FL112)
    if (f->modules.size() > kMaxModules) {
      diags_.report(DiagId::TooManyDefinitions, f->modules[kMaxModules].name_range,
                    {"modules", std::to_string(kMaxModules)});
      continue;
    }
    for (const auto& m : f->modules)
      if (define(m.name, m.name_range)) {
        out_->module_by_name[m.name] = &m;
        out_->modules.push_back(&m);
      }
  }
}

// ---------------------------------------------------------------- header

void Checker::check_headers() {
  auto once = [&](const std::vector<ast::Header>& hs, const char* what) {
    for (size_t i = 1; i < hs.size(); ++i) {
      diags_.report(DiagId::DuplicateHeader, hs[i].range, {what});
      note_first(hs[0].range);
    }
  };
  once(main_.flow_names, "flow");
  once(main_.starts, "start");
  once(main_.time_zones, "timezone");
  for (size_t i = 1; i < main_.ctis.size(); ++i) {
    diags_.report(DiagId::DuplicateHeader, main_.ctis[i].range, {"cti"});
    note_first(main_.ctis[0].range);
  }

  if (!main_.is_flow()) {
    // A library (no header) holds definitions only; one with modules or a
    // start is a flow that lacks its header.
    if (!main_.modules.empty() || !main_.starts.empty()) {
      SourceRange r = !main_.starts.empty() ? main_.starts[0].range : main_.modules[0].name_range;
      diags_.report(DiagId::MissingFlowHeader, {r.file, 0, 1});
    }
  } else {
    out_->name = main_.flow_names[0].value;
    if (main_.starts.empty()) {
      diags_.report(DiagId::MissingStart, main_.flow_names[0].range, {out_->name});
    } else {
      const auto& s = main_.starts[0];
      out_->start = out_->module(s.value);
      if (!out_->start && !s.value.empty()) {  // empty: a syntax error
        diags_.report(DiagId::UnknownStart, s.range, {s.value});
        suggest(s.range, s.value, [&] { return names_of(out_->module_by_name); });
      }
    }
  }

  // Imported files hold definitions only.
  for (const ast::File* f : imports_) {
    auto refuse = [&](const std::vector<ast::Header>& hs, const char* what) {
      for (const auto& h : hs) diags_.report(DiagId::ImportHasFlowItems, h.range, {what});
    };
    refuse(f->flow_names, "flow");
    refuse(f->starts, "start");
    refuse(f->numbers, "numbers");
    refuse(f->time_zones, "timezone");
    for (const auto& c : f->ctis) diags_.report(DiagId::ImportHasFlowItems, c.range, {"cti"});
    for (const auto& m : f->modules) diags_.report(DiagId::ImportHasFlowItems, m.name_range, {"module"});
  }

  std::set<std::string> seen;
  for (const auto& n : main_.numbers) {
    const std::string& v = n.value;
    bool ok = v.size() >= 4 && v.size() <= 16 && v[0] == '+' && v[1] != '0';
    for (size_t i = 1; ok && i < v.size(); ++i) ok = v[i] >= '0' && v[i] <= '9';
    if (!ok) {
      diags_.report(DiagId::InvalidNumber, n.range, {v});
      continue;
    }
    if (!seen.insert(v).second) {
      diags_.report(DiagId::DuplicateNumber, n.range, {v});
      continue;
    }
    out_->numbers.push_back(v);
  }

  if (!main_.time_zones.empty()) {
    const auto& tz = main_.time_zones[0];
    if (!stdlib::time_zone_exists(options_.zoneinfo_dir, tz.value)) {
      diags_.report(DiagId::UnknownTimeZone, tz.range, {tz.value});
    } else {
      out_->time_zone = tz.value;
    }
  }
}

// ---------------------------------------------------------------- expects

void Checker::check_expects() {
  std::vector<const ast::File*> files{&main_};
  for (const auto* f : imports_) files.push_back(f);
  std::map<std::string, SourceRange> declared;
  for (const ast::File* f : files) {
    for (const auto& e : f->expects) {
      std::string name = e.var.path();
      if (e.var.segments[0] != "ivr") {
        diags_.report(DiagId::ExpectNotIvr, e.var.range);
        continue;
      }
      auto [it, fresh] = declared.emplace(name, e.var.range);
      if (!fresh) {
        diags_.report(DiagId::DuplicateExpect, e.var.range, {name});
        note_first(it->second);
        continue;
      }
      ValueType type = ValueType::Any;
      if (!e.enum_values.empty()) {
        type = ValueType::String;
      } else {
        static constexpr std::pair<const char*, ValueType> kTypes[] = {
            {"string", ValueType::String}, {"number", ValueType::Number}, {"bool", ValueType::Bool},
            {"object", ValueType::Object}, {"array", ValueType::Array},   {"any", ValueType::Any}};
        bool found = false;
        for (const auto& [n, t] : kTypes)
          if (e.type_name == n) type = t, found = true;
        if (!found) {
          diags_.report(DiagId::UnknownType, e.type_range, {e.type_name});
          diags_.did_you_mean(e.type_range,
                              closest_name(e.type_name, {"string", "number", "bool", "object", "array", "any"}));
          continue;
        }
      }
      Variable& v = variable(name);
      v.type = type;
      v.enum_values = e.enum_values;
      v.secret = e.secret;
      v.expect = &e;
    }
  }
}

Variable& Checker::variable(const std::string& name) {
  auto it = out_->variables.find(name);
  if (it != out_->variables.end()) return it->second;
  Variable v;
  v.name = name;
  std::string ns = name.substr(0, name.find('.'));
  v.space = ns == "call" ? VarSpace::Call : ns == "app" ? VarSpace::App : VarSpace::Ivr;
  if (v.space == VarSpace::Call) v.type = ValueType::String;
  return out_->variables.emplace(name, std::move(v)).first->second;
}

// ---------------------------------------------------------------- lets

void Checker::check_lets() {
  for (const auto& [name, let] : out_->let_by_name) {
    if (out_->constants.count(name) || checked_lets_.count(name)) continue;
    check_let(name, *let);
  }
}

void Checker::check_let(const std::string& name, const ast::Let& let) {
  checked_lets_.insert(name);
  ExprContext ctx;
  ctx.what = "the value of a let";
  ctx.constant = true;
  size_t errors = diags_.error_count();
  lets_in_progress_.insert(name);
  check_expr(*let.value, ctx);
  lets_in_progress_.erase(name);
  if (auto c = fold_constant(*let.value)) {
    out_->constants[name] = *c;
  } else if (diags_.error_count() == errors) {
    diags_.report(DiagId::NotConstant, let.value->range, {"the value of a let"});
  }
}

std::unique_ptr<CheckedFlow> check(const ast::File& main, const std::vector<const ast::File*>& imports,
                                   DiagnosticEngine& diags, const CheckOptions& options) {
  Checker checker(main, imports, diags, options);
  return checker.run();
}

}  // namespace flowc::sema
