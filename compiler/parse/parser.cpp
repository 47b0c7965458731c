// Runs the ANTLR lexer and parser over a decoded file (SLL first, full LL
// with our error strategy when SLL fails) after checking the limits that
// protect the parser: file size, nesting depth, stray characters.
#include "compiler/parse/parser.h"

#include <cstdio>

#include "FlowLexer.h"
#include "FlowParser.h"
#include "compiler/parse/ast_builder.h"
#include "compiler/parse/syntax_errors.h"

namespace flowc {

namespace {

using flowgen::FlowLexer;
using flowgen::FlowParser;

// Feeds already decoded code points to ANTLR (its own UTF-8 decoder throws on
// invalid input; ours replaces and reports).
class CodePointInput : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointInput(std::u32string_view text) { _data.assign(text.begin(), text.end()); }
};

// How a stray character is named in a message: itself when it is visible,
// else its code point ("U+001B"), so that no control character is printed.
std::string describe_char(const std::string& text, char32_t c) {
  bool invisible = c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
                   (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF;
  if (!invisible) return text;
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// Reports stray characters and unterminated strings (and makes the token
// stream parseable without them), then checks the nesting depth. Returns
// false when the input is too deeply nested, or has too many tokens, to hand
// to the parser.
bool prescan(antlr4::CommonTokenStream& tokens, DiagnosticEngine& diags, uint32_t file_id, SpanMap span,
             std::u32string_view text, const std::vector<uint32_t>& invalid_utf8, const ParseLimits& limits) {
  const uint32_t max_nesting = limits.max_nesting;
  // Token by token, so that a file with too many is refused before they are
  // all in memory (ANTLR's tokens and tree take ~1 KB per token).
  while (tokens.LA(1) != antlr4::Token::EOF) {
    if (tokens.size() > limits.max_tokens) {
      antlr4::Token* t = tokens.get(limits.max_tokens);
      uint32_t begin = span.at(t->getStartIndex());
      diags.report(DiagId::TooManyDefinitions, {file_id, begin, begin + 1},
                   {"tokens in one file", std::to_string(limits.max_tokens)});
      return false;
    }
    tokens.consume();
  }
  tokens.seek(0);
  uint32_t depth = 0;
  uint32_t prefix_run = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    auto* wt = dynamic_cast<antlr4::WritableToken*>(t);
    size_t index = t->getStartIndex();
    uint32_t begin = span.at(index);
    uint32_t end = span.at(t->getStopIndex()) + 1;
    switch (t->getType()) {
      case FlowLexer::UNKNOWN_CHAR: {
        bool bad_byte = std::binary_search(invalid_utf8.begin(), invalid_utf8.end(), static_cast<uint32_t>(index));
        char32_t c = index < text.size() ? text[index] : U'?';
        bool bom = c == 0xFEFF && begin == 0;  // a byte order mark some editors write
        if (!bad_byte && !bom) {
          diags.report(DiagId::UnexpectedChar, {file_id, begin, end}, {describe_char(t->getText(), c)});
        }
        if (wt) wt->setChannel(antlr4::Token::HIDDEN_CHANNEL);
        continue;
      }
      case FlowLexer::BAD_STRING:
        diags.report(DiagId::UnterminatedString, {file_id, begin, end});
        if (wt) wt->setType(FlowLexer::STRING);
        break;
      default:
        break;
    }
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    const std::string text = t->getType() == antlr4::Token::EOF ? std::string() : t->getText();
    bool opens = text == "(" || text == "[" || text == "{";
    bool closes = text == ")" || text == "]" || text == "}";
    bool prefix = text == "not" || text == "-";
    prefix_run = prefix ? prefix_run + 1 : 0;
    if (opens) ++depth;
    if (closes && depth > 0) --depth;
    if (depth > max_nesting || prefix_run > max_nesting) {
      diags.report(DiagId::NestingTooDeep, {file_id, begin, end}, {std::to_string(max_nesting)});
      return false;
    }
  }
  return true;
}

// One diagnostic per run of bad bytes; a file with many runs (a binary file,
// UTF-16) gets one diagnostic saying so. Returns false when the file is not
// worth parsing.
bool report_invalid_utf8(const SourceFile& src, uint32_t file_id, DiagnosticEngine& diags) {
  constexpr size_t kMaxRuns = 8;
  const auto& bad = src.invalid_utf8();
  std::vector<SourceRange> runs;
  for (size_t i = 0; i < bad.size();) {
    size_t j = i + 1;
    while (j < bad.size() && bad[j] == bad[j - 1] + 1) ++j;
    runs.push_back({file_id, bad[i], bad[j - 1] + 1});
    i = j;
  }
  if (runs.size() > kMaxRuns) {
    diags.report(DiagId::InvalidUtf8, runs[0]);
    diags.note(DiagId::NoteText, runs[0],
               {"and " + std::to_string(runs.size() - 1) +
                " more invalid byte sequences; this does not look like a UTF-8 text file"});
    return false;
  }
  for (const SourceRange& r : runs) diags.report(DiagId::InvalidUtf8, r);
  return true;
}

}  // namespace

// One lexer+parser run over a span of code points; `base` is the span's
// offset in the file (non-zero for template holes).
ParseRun::ParseRun(std::u32string_view text, DiagnosticEngine& diags, uint32_t file_id, SpanMap span)
    : input_(std::make_unique<CodePointInput>(text)),
      lexer_(std::make_unique<FlowLexer>(input_.get())),
      tokens_(std::make_unique<antlr4::CommonTokenStream>(lexer_.get())),
      parser_(std::make_unique<FlowParser>(tokens_.get())),
      listener_(std::make_unique<SyntaxErrorListener>(diags, file_id, span, text)),
      text_(text),
      diags_(diags),
      file_id_(file_id),
      span_(span) {
  lexer_->removeErrorListeners();  // UNKNOWN_CHAR catches every character
  parser_->removeErrorListeners();
}

ParseRun::~ParseRun() = default;

bool ParseRun::prepare(const std::vector<uint32_t>& invalid_utf8, const ParseLimits& limits) {
  return prescan(*tokens_, diags_, file_id_, span_, text_, invalid_utf8, limits);
}

template <typename Rule>
auto* ParseRun::run(Rule rule) {
  // Stage 1: SLL, bail at the first error (fast, and exact for valid input).
  parser_->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser_->setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return (parser_.get()->*rule)();
  } catch (antlr4::ParseCancellationException&) {
  }
  // Stage 2: full LL with recovery and our messages.
  tokens_->seek(0);
  parser_->reset();
  parser_->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  parser_->setErrorHandler(std::make_shared<FlowErrorStrategy>());
  parser_->addErrorListener(listener_.get());
  try {
    return (parser_.get()->*rule)();
  } catch (antlr4::ParseCancellationException&) {
    return static_cast<decltype((parser_.get()->*rule)())>(nullptr);  // error limit reached
  }
}

FlowParser::ProgramContext* ParseRun::program() { return run(&FlowParser::program); }
FlowParser::TemplateExprContext* ParseRun::template_expr() { return run(&FlowParser::templateExpr); }

std::unique_ptr<ast::File> parse_file(const SourceManager& sm, uint32_t file_id, DiagnosticEngine& diags,
                                      const ParseLimits& limits) {
  auto file = std::make_unique<ast::File>();
  file->file_id = file_id;
  const SourceFile& src = sm.file(file_id);
  if (src.byte_size() > limits.max_file_bytes) {
    diags.report(DiagId::FileTooLarge, {file_id, 0, 1},
                 {std::to_string(src.byte_size()), std::to_string(limits.max_file_bytes)});
    return file;
  }
  if (!report_invalid_utf8(src, file_id, diags) || diags.error_limit_reached()) return file;

  ParseRun run(src.text(), diags, file_id, SpanMap{});
  if (!run.prepare(src.invalid_utf8(), limits)) return file;
  FlowParser::ProgramContext* tree = run.program();
  if (!tree) return file;
  AstBuilder builder(diags, file_id, SpanMap{}, src.text(), limits);
  builder.build_program(tree, *file);
  return file;
}

}  // namespace flowc
