// The module graph: reachability from start, loops that never wait for the
// caller, paths with too much silence, and definitions nobody uses.
#include <algorithm>
#include <functional>

#include "compiler/sema/checker_impl.h"

namespace flowc::sema {

using ast::ModuleKind;

namespace {

uint64_t duration_or(const std::string& text, uint64_t fallback) {
  auto ms = parse_duration(text, nullptr);
  return ms ? *ms : fallback;
}

uint64_t option_duration(const std::vector<ast::Option>& opts, const char* name, uint64_t fallback) {
  for (const auto& o : opts)
    if (o.name == name && o.kind == ast::Option::Duration) return duration_or(o.duration, fallback);
  return fallback;
}

uint64_t option_int(const std::vector<ast::Option>& opts, const char* name, uint64_t fallback) {
  for (const auto& o : opts)
    if (o.name == name && o.kind == ast::Option::Expr && o.value->kind == ast::ExprKind::Number &&
        o.value->number >= 0 && o.value->number <= 100)
      return static_cast<uint64_t>(o.value->number);
  return fallback;
}

std::string join_path(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? " → " : "") + names[i];
  return out;
}

}  // namespace

void Checker::check_graph() {
  check_reachability();
  check_silent_loops();
  check_silence_budget();
  check_unused();
}

std::vector<std::pair<std::string, const ast::Module*>> Checker::successors(const ast::Module& m) const {
  std::vector<std::pair<std::string, const ast::Module*>> out;
  auto add = [&](std::string label, const std::string& target) {
    if (const ast::Module* t = out_->module(target)) out.emplace_back(std::move(label), t);
  };
  for (const auto& b : m.branches) add(b.condition ? "when" : "after", b.target);
  for (const auto& c : m.choices) add(c.key, c.target);
  for (const auto& c : m.clauses) {
    if (c.kind == ast::Clause::Next && m.kind != ModuleKind::Switch) add("next", c.target);
    if (c.kind == ast::Clause::Route) add("on " + c.event, c.target);
  }
  return out;
}

void Checker::check_reachability() {
  if (!out_->start) return;
  std::set<const ast::Module*> seen{out_->start};
  std::vector<const ast::Module*> work{out_->start};
  while (!work.empty()) {
    const ast::Module* m = work.back();
    work.pop_back();
    for (const auto& [label, t] : successors(*m))
      if (seen.insert(t).second) work.push_back(t);
  }
  for (const ast::Module* m : out_->modules)
    if (!seen.count(m)) diags_.report(DiagId::Unreachable, m->name_range, {m->name, out_->start->name});
}

bool Checker::waits_for_caller(const ast::Module& m) const {
  switch (m.kind) {
    case ModuleKind::Switch:
    case ModuleKind::Set:
    case ModuleKind::Email:
    case ModuleKind::Http: return false;
    default: return true;
  }
}

// Strongly connected components (Tarjan, iterative: a flow may chain
// thousands of modules) of the modules that move on without the caller; any
// cycle among them would spin forever.
void Checker::check_silent_loops() {
  struct Frame {
    const ast::Module* v;
    std::vector<const ast::Module*> next;  // successors that do not wait either
    size_t i = 0;
    bool self_loop = false;
  };
  std::map<const ast::Module*, int> index, low;
  std::set<const ast::Module*> on_stack;
  std::vector<const ast::Module*> stack;
  std::vector<Frame> work;
  int counter = 0;
  auto open = [&](const ast::Module* v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack.insert(v);
    Frame f{v, {}};
    for (const auto& [label, w] : successors(*v))
      if (!waits_for_caller(*w)) f.next.push_back(w);
    work.push_back(std::move(f));
  };
  auto close = [&](const ast::Module* v, bool self_loop) {
    if (low[v] != index[v]) return;
    std::set<const ast::Module*> scc;
    const ast::Module* w = nullptr;
    do {
      w = stack.back();
      stack.pop_back();
      on_stack.erase(w);
      scc.insert(w);
    } while (w != v);
    if (scc.size() >= 2 || self_loop) report_silent_loop(scc);
  };
  for (const ast::Module* m : out_->modules) {
    if (waits_for_caller(*m) || index.count(m)) continue;
    open(m);
    while (!work.empty()) {
      Frame& f = work.back();
      if (f.i < f.next.size()) {
        const ast::Module* w = f.next[f.i++];
        if (w == f.v) f.self_loop = true;
        if (!index.count(w)) {
          open(w);  // invalidates f
        } else if (on_stack.count(w)) {
          low[f.v] = std::min(low[f.v], index[w]);
        }
        continue;
      }
      const ast::Module* v = f.v;
      bool self_loop = f.self_loop;
      work.pop_back();
      if (!work.empty()) low[work.back().v] = std::min(low[work.back().v], low[v]);
      close(v, self_loop);
    }
  }
}

// Reported at the first module of the loop in source order, naming a few.
void Checker::report_silent_loop(const std::set<const ast::Module*>& scc) {
  constexpr size_t kMaxNamed = 5;
  std::vector<const ast::Module*> members;
  for (const ast::Module* m : out_->modules)
    if (scc.count(m)) members.push_back(m);
  std::string list;
  for (size_t i = 0; i < members.size() && i < kMaxNamed; ++i)
    list += (i ? ", '" : "'") + members[i]->name + "'";
  if (members.size() > kMaxNamed) list += " and " + std::to_string(members.size() - kMaxNamed) + " more";
  diags_.report(DiagId::SilentLoop, members[0]->name_range, {list});
}

bool Checker::plays_audio(const ast::Module& m) const {
  switch (m.kind) {
    case ModuleKind::Play:
    case ModuleKind::Say:
    case ModuleKind::Menu:
    case ModuleKind::Queue:
    case ModuleKind::Transfer:
    case ModuleKind::Hangup: return true;
    case ModuleKind::Input:
      for (const auto& o : m.options)
        if (o.name == "prompt" || o.name == "audio") return true;
      return false;
    default: return false;
  }
}

// Silence a module adds for the caller: its own request (HTTP or email,
// timeouts × attempts), a pause, and a wait after its audio.
uint64_t Checker::silence_of(const ast::Module& m) const {
  uint64_t ms = 0;
  if (m.kind == ModuleKind::Http) {
    ms += option_duration(m.action.options, "timeout", 5000) * (option_int(m.action.options, "retries", 0) + 1);
  } else if (m.kind == ModuleKind::Email) {
    ms += option_duration(m.action.options, "timeout", 10'000);
  } else if (m.kind == ModuleKind::Pause) {
    ms += duration_or(m.pause, 0);
  } else if (m.kind == ModuleKind::Input && !plays_audio(m)) {
    ms += option_duration(m.options, "timeout", 5000) * (option_int(m.options, "retries", 2) + 1);
  }
  for (const auto& c : m.clauses)
    if (c.kind == ast::Clause::Wait) ms += duration_or(c.duration, 0);
  return ms;
}

// Depth first over the paths from start, carrying the silence since the last
// module that plays audio; the first path over the budget is reported.
// Iterative (a flow may chain thousands of modules) and bounded: a module is
// entered again only with more silence than before, and the walk gives up
// after kMaxSteps entries.
void Checker::check_silence_budget() {
  if (!out_->start) return;
  constexpr size_t kMaxSteps = 1'000'000;
  const uint64_t budget = options_.silence_budget_ms;
  struct Frame {
    const ast::Module* m;
    uint64_t out;  // silence when the call leaves m
    size_t since;  // where on the stack the silent stretch begins
    std::vector<const ast::Module*> next;
    size_t i = 0;
  };
  std::map<const ast::Module*, uint64_t> best;  // most silence seen on arrival
  std::set<const ast::Module*> on_path;
  std::vector<Frame> stack;
  size_t steps = 0;
  // Enters m with `in` silence; true when it went over the budget (reported).
  auto enter = [&](const ast::Module* m, uint64_t in, size_t since) {
    if (on_path.count(m)) return false;
    auto it = best.find(m);
    if (it != best.end() && it->second >= in) return false;
    best[m] = in;
    bool audio = plays_audio(*m);
    uint64_t out = audio ? silence_of(*m) : in + silence_of(*m);
    size_t begin = audio ? stack.size() : since;
    if (out > budget) {
      std::vector<std::string> path;
      for (size_t k = begin; k < stack.size(); ++k) path.push_back(stack[k].m->name);
      path.push_back(m->name);
      diags_.report(DiagId::SilenceBudget, m->name_range,
                    {format_duration(out), join_path(path), format_duration(budget)});
      return true;
    }
    Frame f{m, out, begin, {}};
    for (const auto& [label, t] : successors(*m)) f.next.push_back(t);
    on_path.insert(m);
    stack.push_back(std::move(f));
    return false;
  };
  if (enter(out_->start, 0, 0)) return;
  while (!stack.empty() && ++steps < kMaxSteps) {
    Frame& f = stack.back();
    if (f.i == f.next.size()) {
      on_path.erase(f.m);
      stack.pop_back();
      continue;
    }
    const ast::Module* t = f.next[f.i++];
    if (enter(t, f.out, f.since)) return;  // invalidates f
  }
}

void Checker::check_unused() {
  auto attached = [](const ast::Automation& a) { return !a.attachments.empty(); };
  for (const ast::Trigger* t : out_->triggers)
    if (t->name_range.file == main_.file_id && !used_.count(t->name))
      diags_.report(DiagId::Unused, t->name_range, {"trigger", t->name});
  for (const ast::Automation* a : out_->automations)
    if (a->name_range.file == main_.file_id && !used_.count(a->name) && !attached(*a))
      diags_.report(DiagId::Unused, a->name_range, {"automation", a->name});
  for (const auto& [name, l] : out_->let_by_name)
    if (l->name_range.file == main_.file_id && !used_.count(name))
      diags_.report(DiagId::Unused, l->name_range, {"let", name});
}

}  // namespace flowc::sema
