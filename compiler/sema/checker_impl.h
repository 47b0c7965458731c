// Internal to compiler/sema: the checker's state shared by its passes
// (definitions, expressions, modules, graph), each in its own file.
#pragma once

#include <set>

#include "compiler/sema/checker.h"
#include "compiler/sema/durations.h"

namespace flowc::sema {

// Where an expression is being checked, for the rules that depend on it.
struct ExprContext {
  const char* what = "expression";  // for messages: "condition of trigger 'x'"
  bool constant = false;            // a let: only constants
  const ast::Module* module = nullptr;
};

class Checker {
 public:
  Checker(const ast::File& main, const std::vector<const ast::File*>& imports, DiagnosticEngine& diags,
          const CheckOptions& options);
  std::unique_ptr<CheckedFlow> run();

  // ---- definitions (checker.cpp)
  void collect_definitions();
  void check_headers();
  void check_expects();
  void check_lets();
  void check_let(const std::string& name, const ast::Let& let);
  void note_first(SourceRange first);
  // "did you mean" for the diagnostic just reported: the candidates are only
  // gathered (and compared) when that diagnostic was kept, and for at most
  // kMaxSuggestions diagnostics, so thousands of misspelt names among
  // thousands of definitions stay fast.
  template <typename Candidates>
  void suggest(SourceRange range, const std::string& name, Candidates candidates) {
    constexpr size_t kMaxSuggestions = 200;
    if (diags_.last_dropped() || suggestions_ >= kMaxSuggestions) return;
    ++suggestions_;
    diags_.did_you_mean(range, closest_name(name, candidates()));
  }
  template <typename Map>
  std::vector<std::string> names_of(const Map& m) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m) out.push_back(k);
    return out;
  }

  // ---- expressions (check_expr.cpp)
  ValueType check_expr(ast::Expr& e, const ExprContext& ctx);
  void check_condition(ast::Expr& e, const ExprContext& ctx);
  ValueType check_path_read(ast::Expr& e, const ExprContext& ctx);
  ValueType check_name(ast::Expr& e, const ExprContext& ctx);
  ValueType check_call(ast::Expr& e, const ExprContext& ctx);
  ValueType check_binary(ast::Expr& e, const ExprContext& ctx);
  void check_equality(ast::Expr& e);
  void check_hours(ast::Expr& e);
  void check_regex(const std::string& pattern, SourceRange range);
  // The variable a write goes to, or null after reporting why it cannot be
  // written. `value_type` is what is written (for expect checks).
  Variable* check_write(const ast::PathRef& target, ValueType value_type, SourceRange value_range);
  Variable& variable(const std::string& name);
  std::optional<Constant> fold_constant(const ast::Expr& e);
  void check_trigger_recursion();

  // ---- modules and actions (check_modules.cpp)
  void collect_writes();
  void check_triggers();
  void check_automations();
  void check_modules();
  void check_module(const ast::Module& m);
  void check_action(const ast::Action& a, const ast::Module* m, const char* where);
  void check_options(const std::vector<ast::Option>& options, const char* owner, const ast::Module* m);
  void check_clauses(const ast::Module& m);
  void check_target(const std::string& name, SourceRange range);
  void check_cti();
  std::optional<std::string> literal_prefix(const ast::Expr& e, int depth = 0) const;

  // ---- the module graph (check_graph.cpp)
  void check_graph();
  void check_reachability();
  void check_silent_loops();
  void report_silent_loop(const std::set<const ast::Module*>& scc);
  void check_silence_budget();
  void check_unused();
  std::vector<std::pair<std::string, const ast::Module*>> successors(const ast::Module& m) const;
  bool waits_for_caller(const ast::Module& m) const;
  uint64_t silence_of(const ast::Module& m) const;  // ms of silence the module can add
  bool plays_audio(const ast::Module& m) const;

  const ast::File& main_;
  std::vector<const ast::File*> imports_;
  DiagnosticEngine& diags_;
  const CheckOptions& options_;
  std::unique_ptr<CheckedFlow> out_;

  std::map<std::string, SourceRange> defined_;  // every top-level name → where
  std::set<std::string> used_;                  // names referenced (for FL409)
  std::set<std::string> lets_in_progress_;
  std::set<std::string> checked_lets_;
  size_t suggestions_ = 0;
};

}  // namespace flowc::sema
