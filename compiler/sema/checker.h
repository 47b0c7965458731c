// The checker: resolves names across a flow and its imports, types
// expressions, validates modules and actions, and analyses the module graph.
// Every problem becomes a diagnostic; nothing is printed.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/checked_flow.h"

namespace flowc::sema {

struct CheckOptions {
  // Longest silence a caller may face on a path (HTTP timeouts × retries and
  // waits with no audio) before FL406 warns.
  uint64_t silence_budget_ms = 10'000;
  std::string zoneinfo_dir = "/usr/share/zoneinfo";
  // Reads a deployment setting for env(); null = nothing is set.
  std::function<std::optional<std::string>(const std::string&)> env;
};

// Checks `main` together with the files it imports (already parsed). Returns
// the checked flow even when there were errors (as far as it got).
std::unique_ptr<CheckedFlow> check(const ast::File& main, const std::vector<const ast::File*>& imports,
                                   DiagnosticEngine& diags, const CheckOptions& options);

}  // namespace flowc::sema
