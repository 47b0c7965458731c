// Turns ANTLR's recognition errors into flowc diagnostics worded our way
// ("unexpected 'x'; expected a module kind"), never ANTLR's own messages.
#pragma once

#include <cstdint>

#include <antlr4-runtime.h>

#include "compiler/diag/diagnostic.h"
#include "compiler/parse/span.h"

namespace flowc {

// Reports to a DiagnosticEngine; code point offsets are shifted by `base`
// (for expressions parsed out of a template hole). Stops the parse (by
// throwing ParseCancellationException) once the error limit is reached.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(DiagnosticEngine& diags, uint32_t file_id, SpanMap span,
                      std::u32string_view text)
      : diags_(diags), file_id_(file_id), span_(span), text_(text) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t col, const std::string& msg, std::exception_ptr e) override;

  size_t count() const { return count_; }

 private:
  DiagnosticEngine& diags_;
  uint32_t file_id_;
  SpanMap span_;
  std::u32string_view text_;  // the span parsed, to place end-of-file errors
  size_t count_ = 0;
};

// DefaultErrorStrategy with our wording for each kind of error.
// Recovery never deletes the keyword that starts a definition (`module`,
// `trigger`, …) and resynchronises on those keywords, so one mistake gives one
// error instead of a cascade.
class FlowErrorStrategy : public antlr4::DefaultErrorStrategy {
 protected:
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;
  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser* parser) override;
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  void report(antlr4::Parser* parser, antlr4::Token* offending, const std::string& expected, bool missing,
              std::exception_ptr e);
  const antlr4::misc::IntervalSet& item_keywords(antlr4::Parser* parser);
  antlr4::misc::IntervalSet item_keywords_;
};

// How a token is shown in a message: 'next', end of file, "abc".
std::string describe_token(antlr4::Token* token);

}  // namespace flowc
