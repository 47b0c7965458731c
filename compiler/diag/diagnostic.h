// Diagnostics: a stable code, a severity, a primary range, a message, notes and
// an optional fix. The library collects them; only the CLI prints them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/source/source.h"

namespace flowc {

enum class Severity { Note, Warning, Error };

enum class DiagId {
#define DIAG(Id, Code, Sev, Format) Id,
#include "compiler/diag/diag_codes.def"
#undef DIAG
  Count
};

struct DiagInfo {
  const char* code;
  Severity severity;
  const char* format;
};
const DiagInfo& diag_info(DiagId id);
// Looks a code ("FL401") up; nullopt when there is no such code.
std::optional<DiagId> diag_by_code(std::string_view code);

struct Fix {
  SourceRange range;
  std::string replacement;
};

struct Note {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  DiagId id{};
  Severity severity = Severity::Error;
  SourceRange range;
  std::string message;
  std::vector<Note> notes;
  std::optional<Fix> fix;

  const char* code() const { return diag_info(id).code; }
};

// Replaces {0}, {1}, … in format by args.
std::string format_message(const char* format, const std::vector<std::string>& args);

// Collects the diagnostics of one compilation. Errors beyond the limit are
// dropped and reported once; warnings can be switched off or made errors.
class DiagnosticEngine {
 public:
  static constexpr size_t kDefaultErrorLimit = 100;

  explicit DiagnosticEngine(size_t error_limit = kDefaultErrorLimit) : error_limit_(error_limit) {}

  Diagnostic& report(DiagId id, SourceRange range, std::vector<std::string> args = {});
  // Adds a note to the diagnostic last reported (no-op if it was suppressed).
  void note(DiagId id, SourceRange range, std::vector<std::string> args = {});
  void did_you_mean(SourceRange range, const std::string& suggestion);

  void disable(DiagId id);
  void set_warnings_as_errors(bool on) { werror_ = on; }

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return warnings_; }
  bool error_limit_reached() const { return errors_ >= error_limit_; }
  // True when the diagnostic last reported was dropped (switched off, or
  // beyond the error limit), so notes to it need not be worked out.
  bool last_dropped() const { return last_dropped_; }

  // Sorted by file, then position, then code; stable for equal keys.
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& all() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
  std::vector<DiagId> disabled_;
  Diagnostic scratch_;  // target of reports that are dropped
  bool last_dropped_ = false;
  bool werror_ = false;
  bool limit_reported_ = false;
  size_t errors_ = 0;
  size_t warnings_ = 0;
  size_t error_limit_;
};

// Edit distance based suggestion: the closest candidate within a third of the
// name's length, or "" when none is close enough.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace flowc
