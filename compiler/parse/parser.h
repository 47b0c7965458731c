// Parses one .flow file with the ANTLR-generated parser into an AST. Syntax
// errors become our diagnostics; the tree is returned even when there are
// errors (with the broken parts left out) so the checker can go on.
#pragma once

#include <cstdint>
#include <memory>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"

namespace flowc {

struct ParseLimits {
  size_t max_file_bytes = 16u << 20;  // 16 MiB
  uint32_t max_nesting = 64;          // brackets, `not` and unary minus
  uint32_t max_definitions = 50'000;  // top-level definitions in one file
  uint32_t max_tokens = 1'000'000;    // what ANTLR holds in memory (tokens, then the tree)
};

std::unique_ptr<ast::File> parse_file(const SourceManager& sm, uint32_t file_id,
                                      DiagnosticEngine& diags, const ParseLimits& limits = {});

}  // namespace flowc
