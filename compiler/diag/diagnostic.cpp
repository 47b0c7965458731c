// The diagnostics table, message formatting, the engine and name suggestions.
#include "compiler/diag/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace flowc {

namespace {

constexpr DiagInfo kInfos[] = {
#define DIAG(Id, Code, Sev, Format) {Code, Severity::Sev, Format},
#include "compiler/diag/diag_codes.def"
#undef DIAG
};

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

const DiagInfo& diag_info(DiagId id) { return kInfos[static_cast<size_t>(id)]; }

std::optional<DiagId> diag_by_code(std::string_view code) {
  for (size_t i = 0; i < static_cast<size_t>(DiagId::Count); ++i)
    if (code == kInfos[i].code) return static_cast<DiagId>(i);
  return std::nullopt;
}

std::string format_message(const char* format, const std::vector<std::string>& args) {
  std::string out;
  for (const char* p = format; *p; ++p) {
    if (*p == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      size_t k = static_cast<size_t>(p[1] - '0');
      if (k < args.size()) out += args[k];
      p += 2;
    } else {
      out.push_back(*p);
    }
  }
  return out;
}

Diagnostic& DiagnosticEngine::report(DiagId id, SourceRange range, std::vector<std::string> args) {
  const DiagInfo& info = diag_info(id);
  Severity sev = info.severity;
  if (sev == Severity::Warning && werror_) sev = Severity::Error;
  bool disabled = info.severity == Severity::Warning &&
                  std::find(disabled_.begin(), disabled_.end(), id) != disabled_.end();
  if (disabled || (sev == Severity::Error && errors_ >= error_limit_)) {
    if (!disabled && !limit_reported_) {
      limit_reported_ = true;
      Diagnostic d;
      d.id = DiagId::TooManyErrors;
      d.severity = Severity::Error;
      d.range = range;
      d.message = format_message(diag_info(DiagId::TooManyErrors).format, {std::to_string(error_limit_)});
      diags_.push_back(std::move(d));
    }
    last_dropped_ = true;
    scratch_ = Diagnostic{};
    return scratch_;
  }
  last_dropped_ = false;
  if (sev == Severity::Error) ++errors_;
  if (sev == Severity::Warning) ++warnings_;
  Diagnostic d;
  d.id = id;
  d.severity = sev;
  d.range = range;
  d.message = format_message(info.format, args);
  diags_.push_back(std::move(d));
  return diags_.back();
}

void DiagnosticEngine::note(DiagId id, SourceRange range, std::vector<std::string> args) {
  if (last_dropped_ || diags_.empty()) return;
  diags_.back().notes.push_back({range, format_message(diag_info(id).format, args)});
}

void DiagnosticEngine::did_you_mean(SourceRange range, const std::string& suggestion) {
  if (suggestion.empty()) return;
  note(DiagId::NoteDidYouMean, range, {suggestion});
  if (!last_dropped_ && !diags_.empty() && diags_.back().range.valid())
    diags_.back().fix = Fix{diags_.back().range, suggestion};
}

void DiagnosticEngine::disable(DiagId id) { disabled_.push_back(id); }

std::vector<Diagnostic> DiagnosticEngine::sorted() const {
  std::vector<Diagnostic> out = diags_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    // The "too many errors" marker stays last.
    bool la = a.id == DiagId::TooManyErrors, lb = b.id == DiagId::TooManyErrors;
    if (la != lb) return lb;
    return std::make_tuple(a.range.file, a.range.begin, std::string_view(a.code())) <
           std::make_tuple(b.range.file, b.range.begin, std::string_view(b.code()));
  });
  return out;
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(1, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    if (c == name) continue;
    size_t d = edit_distance(name, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace flowc
