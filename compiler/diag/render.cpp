// Text rendering with source line and caret (like clang), and JSON rendering.
#include "compiler/diag/render.h"

#include <nlohmann/json.hpp>

namespace flowc {

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;35m";
    case Severity::Note: return "\033[1;36m";
  }
  return "";
}

// The source line as shown under a diagnostic: one column per code point, so
// the caret lines up. A tab is shown as one space; other control characters
// (which would move the cursor or colour the terminal) as U+FFFD.
std::string printable_line(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c == '\t') {
      out.push_back(' ');
    } else if (c < 0x20 || c == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) < 0xA0) {
      out += "\xEF\xBF\xBD";  // a C1 control character (U+0080..U+009F)
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

size_t count_code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void render_one(std::string& out, const SourceManager& sm, Severity sev, const SourceRange& range,
                const std::string& message, const char* code, const RenderOptions& opts) {
  const char* bold = opts.color ? "\033[1m" : "";
  const char* reset = opts.color ? "\033[0m" : "";
  if (range.valid()) {  // a file that cannot be read has no location
    out += bold;
    out += location_string(sm, range);
    out += ": ";
    out += reset;
  }
  if (opts.color) out += severity_color(sev);
  out += severity_name(sev);
  out += ": ";
  out += reset;
  out += bold;
  out += message;
  out += reset;
  if (code && sev != Severity::Note) {
    out += " [";
    out += code;
    out += "]";
  }
  out += "\n";
  if (!range.valid()) return;
  const SourceFile& f = sm.file(range.file);
  if (f.text().empty() && range.begin == 0) return;
  LineCol lc = f.line_col(range.begin);
  std::string line = printable_line(f.line_text(lc.line));
  // Long lines (minified garbage) are cut so the output stays readable.
  constexpr size_t kMaxShown = 200;
  if (lc.col > kMaxShown) return;
  if (count_code_points(line) > kMaxShown) {
    std::string cut;
    size_t n = 0;
    for (size_t i = 0; i < line.size() && n < kMaxShown; ++i) {
      cut.push_back(line[i]);
      if (i + 1 < line.size() && (static_cast<unsigned char>(line[i + 1]) & 0xC0) == 0x80) continue;
      ++n;
    }
    line = cut + "…";
  }
  std::string num = std::to_string(lc.line);
  out += " " + num + " | " + line + "\n";
  out += " " + std::string(num.size(), ' ') + " | ";
  out += std::string(lc.col - 1, ' ');
  // The caret covers the range up to the end of its first line.
  uint32_t line_len = static_cast<uint32_t>(count_code_points(line));
  uint32_t span = range.end > range.begin ? range.end - range.begin : 1;
  if (lc.col - 1 + span > line_len) span = line_len >= lc.col ? line_len - lc.col + 1 : 1;
  if (opts.color) out += "\033[1;32m";
  out += "^";
  if (span > 1) {
    for (uint32_t i = 1; i < span; ++i) out += "~";
  }
  out += reset;
  out += "\n";
}

}  // namespace

std::string location_string(const SourceManager& sm, const SourceRange& range) {
  if (!range.valid()) return "<unknown>";
  const SourceFile& f = sm.file(range.file);
  LineCol lc = f.line_col(range.begin);
  return f.path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

std::string render_text(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                        const RenderOptions& opts) {
  std::string out;
  for (const auto& d : diags) {
    render_one(out, sm, d.severity, d.range, d.message, d.code(), opts);
    for (const auto& n : d.notes) render_one(out, sm, Severity::Note, n.range, n.message, nullptr, opts);
  }
  return out;
}

namespace {

nlohmann::json range_json(const SourceManager& sm, const SourceRange& r) {
  nlohmann::json j = nlohmann::json::object();
  if (!r.valid()) return j;
  const SourceFile& f = sm.file(r.file);
  LineCol b = f.line_col(r.begin);
  LineCol e = f.line_col(r.end > r.begin ? r.end : r.begin);
  j["file"] = f.path();
  j["line"] = b.line;
  j["column"] = b.col;
  j["end_line"] = e.line;
  j["end_column"] = e.col;
  return j;
}

}  // namespace

std::string render_json(const SourceManager& sm, const std::vector<Diagnostic>& diags) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& d : diags) {
    nlohmann::json j = range_json(sm, d.range);
    j["severity"] = severity_name(d.severity);
    j["code"] = d.code();
    j["message"] = d.message;
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : d.notes) {
      nlohmann::json nj = range_json(sm, n.range);
      nj["message"] = n.message;
      notes.push_back(std::move(nj));
    }
    j["notes"] = std::move(notes);
    if (d.fix) {
      nlohmann::json fj = range_json(sm, d.fix->range);
      fj["replacement"] = d.fix->replacement;
      j["fix"] = std::move(fj);
    }
    arr.push_back(std::move(j));
  }
  return arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace flowc
