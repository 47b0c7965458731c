// Renders diagnostics for people (file:line:col, source line, caret) and for
// editors (JSON).
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace flowc {

struct RenderOptions {
  bool color = false;
};

std::string render_text(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                        const RenderOptions& opts = {});
// A JSON array of {file,line,column,end_line,end_column,severity,code,message,notes,fix}.
std::string render_json(const SourceManager& sm, const std::vector<Diagnostic>& diags);
// "file:line:col" of a range's start, or "<unknown>".
std::string location_string(const SourceManager& sm, const SourceRange& range);

}  // namespace flowc
