// Runs the ANTLR lexer and parser over a decoded file (SLL first, full LL
// with our error strategy when SLL fails) after checking the limits that
// protect the parser: file size, nesting depth, stray characters.
#include "compiler/parse/parser.h"

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

// Reports stray characters and unterminated strings (and makes the token
// stream parseable without them), then checks the nesting depth. Returns
// false when the input is too deeply nested to hand to the parser.
bool prescan(antlr4::CommonTokenStream& tokens, DiagnosticEngine& diags, uint32_t file_id, uint32_t base,
             const std::vector<uint32_t>& invalid_utf8, uint32_t max_nesting) {
  tokens.fill();
  uint32_t depth = 0;
  uint32_t prefix_run = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    auto* wt = dynamic_cast<antlr4::WritableToken*>(t);
    uint32_t begin = base + static_cast<uint32_t>(t->getStartIndex());
    uint32_t end = base + static_cast<uint32_t>(t->getStopIndex()) + 1;
    switch (t->getType()) {
      case FlowLexer::UNKNOWN_CHAR: {
        bool bad_byte = std::binary_search(invalid_utf8.begin(), invalid_utf8.end(), begin - base);
        if (!bad_byte) diags.report(DiagId::UnexpectedChar, {file_id, begin, end}, {t->getText()});
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

}  // namespace

// One lexer+parser run over a span of code points; `base` is the span's
// offset in the file (non-zero for template holes).
ParseRun::ParseRun(std::u32string_view text, DiagnosticEngine& diags, uint32_t file_id, uint32_t base)
    : input_(std::make_unique<CodePointInput>(text)),
      lexer_(std::make_unique<FlowLexer>(input_.get())),
      tokens_(std::make_unique<antlr4::CommonTokenStream>(lexer_.get())),
      parser_(std::make_unique<FlowParser>(tokens_.get())),
      listener_(std::make_unique<SyntaxErrorListener>(diags, file_id, base, text)),
      diags_(diags),
      file_id_(file_id),
      base_(base) {
  lexer_->removeErrorListeners();  // UNKNOWN_CHAR catches every character
  parser_->removeErrorListeners();
}

ParseRun::~ParseRun() = default;

bool ParseRun::prepare(const std::vector<uint32_t>& invalid_utf8, uint32_t max_nesting) {
  return prescan(*tokens_, diags_, file_id_, base_, invalid_utf8, max_nesting);
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
  // One diagnostic per run of bad bytes.
  const auto& bad = src.invalid_utf8();
  for (size_t i = 0; i < bad.size();) {
    size_t j = i + 1;
    while (j < bad.size() && bad[j] == bad[j - 1] + 1) ++j;
    diags.report(DiagId::InvalidUtf8, {file_id, bad[i], bad[j - 1] + 1});
    i = j;
  }
  if (diags.error_limit_reached()) return file;

  ParseRun run(src.text(), diags, file_id, 0);
  if (!run.prepare(src.invalid_utf8(), limits.max_nesting)) return file;
  FlowParser::ProgramContext* tree = run.program();
  if (!tree) return file;
  AstBuilder builder(diags, file_id, 0, src.text(), limits);
  builder.build_program(tree, *file);
  return file;
}

}  // namespace flowc
