// Internal to compiler/parse: one ANTLR run over a span of code points, and
// the typed functions that turn its parse tree into the AST.
#pragma once

#include <memory>
#include <string_view>

#include <antlr4-runtime.h>

#include "FlowLexer.h"
#include "FlowParser.h"
#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/parse/parser.h"
#include "compiler/parse/span.h"

namespace flowc {

class SyntaxErrorListener;

class ParseRun {
 public:
  ParseRun(std::u32string_view text, DiagnosticEngine& diags, uint32_t file_id, SpanMap span);
  ~ParseRun();

  // Reports stray characters and checks nesting; false = do not parse.
  bool prepare(const std::vector<uint32_t>& invalid_utf8, const ParseLimits& limits);
  flowgen::FlowParser::ProgramContext* program();
  flowgen::FlowParser::TemplateExprContext* template_expr();

 private:
  template <typename Rule>
  auto* run(Rule rule);

  std::unique_ptr<antlr4::ANTLRInputStream> input_;
  std::unique_ptr<flowgen::FlowLexer> lexer_;
  std::unique_ptr<antlr4::CommonTokenStream> tokens_;
  std::unique_ptr<flowgen::FlowParser> parser_;
  std::unique_ptr<SyntaxErrorListener> listener_;
  std::u32string_view text_;  // the span parsed (owned by the caller)
  DiagnosticEngine& diags_;
  uint32_t file_id_;
  SpanMap span_;
};

// Builds AST nodes from parse-tree contexts. Every accessor may return null
// after error recovery, so every function accepts null and builds nothing.
class AstBuilder {
 public:
  // text: the code points the parse ran over; span: where they are in the file.
  AstBuilder(DiagnosticEngine& diags, uint32_t file_id, SpanMap span, const std::u32string& text,
             const ParseLimits& limits, uint32_t template_depth = 0)
      : diags_(diags), file_id_(file_id), span_(span), text_(text), limits_(limits),
        template_depth_(template_depth) {}

  void build_program(flowgen::FlowParser::ProgramContext* ctx, ast::File& file);
  ast::ExprPtr build_expr(flowgen::FlowParser::ExprContext* ctx);

 private:
  using P = flowgen::FlowParser;

  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(antlr4::tree::TerminalNode* node) const;
  SourceRange range(antlr4::Token* token) const;
  // The offset in text_ of a 1-based line and 0-based column.
  uint32_t offset_of(size_t line, size_t column) const;
  static std::string text(antlr4::tree::TerminalNode* node);
  // False for a token that error recovery made up (it was not in the file).
  static bool present(antlr4::tree::TerminalNode* node);

  void build_item(P::ItemContext* ctx, ast::File& file);
  void build_module(P::ModuleItemContext* ctx, ast::Module& m);
  bool build_clause(P::ClauseContext* ctx, ast::Clause& c);
  void build_action(P::ActionContext* ctx, ast::Action& a);
  void build_http(P::HttpSpecContext* ctx, ast::Action& a);
  void build_email(P::EmailSpecContext* ctx, ast::Action& a);
  void build_assignments(const std::vector<P::AssignmentContext*>& ctxs, ast::Action& a);
  void build_options(const std::vector<P::OptionContext*>& ctxs, std::vector<ast::Option>& out);
  ast::PathRef build_path(P::PathContext* ctx);
  ast::JsonPtr build_json_value(P::JsonValueContext* ctx);
  ast::JsonPtr build_json_object(P::JsonObjectContext* ctx);
  ast::JsonPtr build_json_array(P::JsonArrayContext* ctx);

  ast::ExprPtr build_and(P::AndExprContext* ctx);
  ast::ExprPtr build_not(P::NotExprContext* ctx);
  ast::ExprPtr build_predicate(P::PredicateContext* ctx);
  ast::ExprPtr build_additive(P::AdditiveContext* ctx);
  ast::ExprPtr build_multiplicative(P::MultiplicativeContext* ctx);
  ast::ExprPtr build_unary(P::UnaryContext* ctx);
  ast::ExprPtr build_primary(P::PrimaryContext* ctx);
  ast::ExprPtr make(ast::ExprKind kind, SourceRange r);
  ast::ExprPtr binary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b);

  // A string token's value with escapes decoded (no holes).
  std::string decode_string(antlr4::tree::TerminalNode* node);
  // Decodes the escape sequence at text_[i] into out; returns its length.
  size_t decode_escape(size_t i, size_t end, std::string& out);
  // A string token in expression position: String, or Template with holes.
  ast::ExprPtr build_string_expr(antlr4::tree::TerminalNode* node);
  ast::ExprPtr parse_hole(uint32_t begin, uint32_t end);

  DiagnosticEngine& diags_;
  uint32_t file_id_;
  SpanMap span_;
  const std::u32string& text_;
  const ParseLimits& limits_;
  uint32_t template_depth_;
  bool quiet_ = false;  // decode without reporting (a second pass over a string)
};

}  // namespace flowc
