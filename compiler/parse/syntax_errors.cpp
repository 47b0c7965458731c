// Our wording for syntax errors: what was found, and what could come there,
// named as a user thinks of it ("a module kind") rather than as token names.
#include "compiler/parse/syntax_errors.h"

#include <algorithm>

#include "FlowParser.h"

namespace flowc {

namespace {

using flowgen::FlowParser;

std::string token_name(const antlr4::dfa::Vocabulary& vocab, size_t type) {
  if (type == antlr4::Token::EOF) return "end of file";
  switch (type) {
    case FlowParser::IDENT: return "a name";
    case FlowParser::STRING: return "a string";
    case FlowParser::NUMBER: return "a number";
    case FlowParser::DURATION: return "a duration";
    case FlowParser::TIME: return "a time like 09:00";
    default: break;
  }
  return vocab.getDisplayName(type);  // 'flow', '->', …
}

// A phrase for what the rule being parsed expects, used when the set of
// possible tokens is too long to list.
const char* rule_phrase(size_t rule) {
  switch (rule) {
    case FlowParser::RuleProgram:
    case FlowParser::RuleItem:
      return "a definition (flow, start, module, trigger, automation, let, expect, import, "
             "numbers, timezone, cti)";
    case FlowParser::RuleModuleKind:
      return "a module kind (play, say, input, menu, switch, queue, transfer, hangup, pause, "
             "set, email, http)";
    case FlowParser::RuleClause: return "a clause (next, on, wait)";
    case FlowParser::RuleAction:
      return "an action (an automation name, an HTTP method such as post, email or set)";
    case FlowParser::RuleOption: return "an option value";
    case FlowParser::RuleSwitchBranch: return "'when' or 'after'";
    case FlowParser::RuleJsonValue:
    case FlowParser::RuleJsonObject:
    case FlowParser::RuleJsonArray:
    case FlowParser::RuleJsonField: return "a JSON value";
    case FlowParser::RuleTypeSpec: return "a type (string, number, bool, object, array, any) or \"a\" | \"b\"";
    case FlowParser::RuleExpr:
    case FlowParser::RuleAndExpr:
    case FlowParser::RuleNotExpr:
    case FlowParser::RulePredicate:
    case FlowParser::RulePredicateTail:
    case FlowParser::RuleAdditive:
    case FlowParser::RuleMultiplicative:
    case FlowParser::RuleUnary:
    case FlowParser::RulePrimary:
    case FlowParser::RuleTemplateExpr: return "an expression";
    default: return nullptr;
  }
}

std::string describe_expected(antlr4::Parser* parser, const antlr4::misc::IntervalSet& set) {
  std::vector<size_t> types;
  for (const auto& iv : set.getIntervals())
    for (ssize_t t = iv.a; t <= iv.b && types.size() < 64; ++t) types.push_back(static_cast<size_t>(t));
  if (types.empty()) return {};
  constexpr size_t kMaxListed = 5;
  if (types.size() > kMaxListed) {
    if (const char* phrase = rule_phrase(parser->getContext()->getRuleIndex())) return phrase;
  }
  std::string out;
  for (size_t i = 0; i < types.size() && i < kMaxListed; ++i) {
    if (i > 0) out += (i + 1 == types.size() || i + 1 == kMaxListed) ? " or " : ", ";
    out += token_name(parser->getVocabulary(), types[i]);
  }
  if (types.size() > kMaxListed) out += " …";
  return out;
}

std::string unexpected(antlr4::Token* token, const std::string& expected) {
  std::string msg = "unexpected " + describe_token(token);
  if (!expected.empty()) msg += "; expected " + expected;
  return msg;
}

}  // namespace

std::string describe_token(antlr4::Token* token) {
  if (!token || token->getType() == antlr4::Token::EOF) return "end of file";
  std::string text = token->getText();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (token->getType() == FlowParser::STRING) return "string " + text;
  return "'" + text + "'";
}

const antlr4::misc::IntervalSet& FlowErrorStrategy::item_keywords(antlr4::Parser* parser) {
  if (item_keywords_.isEmpty()) {
    static constexpr const char* kKeywords[] = {"'flow'",    "'start'",   "'numbers'", "'import'",
                                                "'timezone'", "'cti'",     "'let'",     "'expect'",
                                                "'trigger'",  "'automation'", "'module'"};
    const auto& vocab = parser->getVocabulary();
    for (size_t t = 1; t <= vocab.getMaxTokenType(); ++t)
      for (const char* kw : kKeywords)
        if (vocab.getLiteralName(t) == kw) item_keywords_.add(static_cast<ssize_t>(t));
  }
  return item_keywords_;
}

// Nor the keywords that start a clause of a module (next, on, wait): deleting
// one would make the clause's name the module's argument.
antlr4::Token* FlowErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  size_t type = parser->getCurrentToken()->getType();
  if (item_keywords(parser).contains(type)) return nullptr;
  const std::string name = parser->getVocabulary().getLiteralName(type);
  if (name == "'next'" || name == "'on'" || name == "'wait'") return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

antlr4::misc::IntervalSet FlowErrorStrategy::getErrorRecoverySet(antlr4::Parser* parser) {
  antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(parser);
  set.addAll(item_keywords(parser));
  return set;
}

// When what is missing is at the end of a line (the next token starts a new
// definition or the file ends), the error is placed right after the last
// token, as "expected X after 'Y'", where the user has to type.
void FlowErrorStrategy::report(antlr4::Parser* parser, antlr4::Token* offending, const std::string& expected,
                               bool missing, std::exception_ptr e) {
  antlr4::Token* prev = parser->getTokenStream()->index() > 0 ? parser->getTokenStream()->LT(-1) : nullptr;
  bool at_boundary = offending && (offending->getType() == antlr4::Token::EOF ||
                                   item_keywords(parser).contains(offending->getType()));
  bool after_prev = offending && (offending->getType() == antlr4::Token::EOF ||
                                  (prev && prev->getLine() < offending->getLine()));
  if (prev && at_boundary && after_prev && !expected.empty()) {
    antlr4::CommonToken after(prev);
    after.setStartIndex(prev->getStopIndex() + 1);
    after.setStopIndex(prev->getStopIndex() + 1);
    after.setType(antlr4::Token::INVALID_TYPE);
    parser->notifyErrorListeners(&after, "expected " + expected + " after " + describe_token(prev), e);
    return;
  }
  if (missing) {
    parser->notifyErrorListeners(offending, "missing " + expected + " before " + describe_token(offending), e);
    return;
  }
  parser->notifyErrorListeners(offending, unexpected(offending, expected), e);
}

void FlowErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                  const antlr4::NoViableAltException& e) {
  report(parser, e.getOffendingToken(), describe_expected(parser, e.getExpectedTokens()), false,
         std::make_exception_ptr(e));
}

void FlowErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  report(parser, e.getOffendingToken(), describe_expected(parser, e.getExpectedTokens()), false,
         std::make_exception_ptr(e));
}

void FlowErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  report(parser, e.getOffendingToken(), "", false, std::make_exception_ptr(e));
}

void FlowErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* t = parser->getCurrentToken();
  report(parser, t, describe_expected(parser, getExpectedTokens(parser)), false, nullptr);
}

void FlowErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* t = parser->getCurrentToken();
  report(parser, t, describe_expected(parser, getExpectedTokens(parser)), true, nullptr);
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer*, antlr4::Token* offending, size_t, size_t,
                                      const std::string& msg, std::exception_ptr) {
  ++count_;
  SourceRange range{file_id_, span_.at(0), span_.at(0) + 1};
  if (offending) {
    size_t start = offending->getStartIndex();
    size_t stop = offending->getStopIndex();
    if (offending->getType() == antlr4::Token::EOF || stop < start) stop = start;
    if (offending->getType() == antlr4::Token::EOF) {
      // Point just after the last thing written, not at a blank last line.
      size_t p = std::min(start, text_.size());
      auto blank = [&](size_t at) {
        char32_t c = text_[at];
        return c == U' ' || c == U'\n' || c == U'\r' || c == U'\t';
      };
      while (p > 0 && blank(p - 1)) --p;
      start = stop = p;
    }
    range.begin = span_.at(start);
    range.end = span_.at(stop) + 1;
  }
  // The error after the last one allowed becomes "too many errors" and stops
  // the parse.
  bool one_too_many = diags_.error_limit_reached();
  diags_.report(DiagId::SyntaxError, range, {msg});
  if (one_too_many) throw antlr4::ParseCancellationException();
}

}  // namespace flowc
