// Parse tree → AST: one typed function per rule (ANTLR 4.9 visitors return
// antlrcpp::Any, so we walk the contexts ourselves). Strings are decoded here
// and `{expr}` template holes parsed with a nested run of the same parser.
#include "compiler/parse/ast_builder.h"

#include <cstdlib>

namespace flowc {

using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;

namespace {

constexpr uint32_t kMaxTemplateDepth = 4;

int hex_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
  if (c >= U'A' && c <= U'F') return static_cast<int>(c - U'A' + 10);
  return -1;
}

bool is_blank(std::u32string_view s) {
  for (char32_t c : s)
    if (c != U' ' && c != U'\t') return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------- ranges

SourceRange AstBuilder::range(antlr4::Token* t) const {
  if (!t) return {file_id_, span_.at(0), span_.at(0) + 1};
  size_t start = t->getStartIndex(), stop = t->getStopIndex();
  if (start == INVALID_INDEX) {
    // A token conjured by error recovery has no offsets, only the line and
    // column of the token it was conjured before: place it there.
    uint32_t at = offset_of(t->getLine(), t->getCharPositionInLine());
    return {file_id_, span_.at(at), span_.at(at)};
  }
  if (t->getType() == antlr4::Token::EOF || stop < start) stop = start;
  return {file_id_, span_.at(start), span_.at(stop) + 1};
}

uint32_t AstBuilder::offset_of(size_t line, size_t column) const {
  size_t i = 0;
  for (size_t l = 1; l < line && i < text_.size(); ++i)
    if (text_[i] == U'\n') ++l;
  return static_cast<uint32_t>(std::min(i + column, text_.size()));
}

SourceRange AstBuilder::range(antlr4::tree::TerminalNode* node) const {
  return range(node ? node->getSymbol() : nullptr);
}

SourceRange AstBuilder::range(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {file_id_, span_.at(0), span_.at(0) + 1};
  SourceRange r = range(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (stop && stop->getType() != antlr4::Token::EOF && stop->getStopIndex() >= ctx->getStart()->getStartIndex())
    r.end = span_.at(stop->getStopIndex()) + 1;
  return r;
}

bool AstBuilder::present(antlr4::tree::TerminalNode* node) {
  return node && node->getSymbol() && node->getSymbol()->getType() != antlr4::Token::EOF &&
         node->getSymbol()->getTokenIndex() != static_cast<size_t>(-1);
}

std::string AstBuilder::text(antlr4::tree::TerminalNode* node) {
  // Tokens conjured by error recovery ("<missing IDENT>") have no text of ours.
  if (!present(node)) return {};
  return node->getText();
}

// ---------------------------------------------------------------- strings

size_t AstBuilder::decode_escape(size_t i, size_t end, std::string& out) {
  char32_t n = i + 1 < end ? text_[i + 1] : U'\0';
  auto bad = [&](size_t len) {
    if (quiet_) return;
    len = std::min(len, end - i);
    diags_.report(DiagId::InvalidEscape,
                  {file_id_, span_.at(i), span_.at(i + len)},
                  {to_utf8(std::u32string_view(text_).substr(i, len))});
    diags_.note(DiagId::NoteText, {file_id_, span_.at(i), span_.at(i + 1)},
                {"a backslash is written \\\\ (so a regular expression's \\d is written \\\\d)"});
  };
  switch (n) {
    case U'"': out += '"'; return 2;
    case U'\\': out += '\\'; return 2;
    case U'/': out += '/'; return 2;
    case U'n': out += '\n'; return 2;
    case U't': out += '\t'; return 2;
    case U'r': out += '\r'; return 2;
    case U'b': out += '\b'; return 2;
    case U'f': out += '\f'; return 2;
    case U'{': out += '{'; return 2;
    case U'}': out += '}'; return 2;
    case U'u': {
      char32_t cp = 0;
      bool ok = i + 6 <= end;
      for (size_t k = 2; ok && k < 6; ++k) {
        int h = hex_value(text_[i + k]);
        ok = h >= 0;
        cp = cp * 16 + static_cast<char32_t>(h < 0 ? 0 : h);
      }
      if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        bad(6);
        return 2;
      }
      append_utf8(out, cp);
      return 6;
    }
    default:
      bad(2);
      if (n != U'\0') append_utf8(out, n);
      return n == U'\0' ? 1 : 2;
  }
}

std::string AstBuilder::decode_string(antlr4::tree::TerminalNode* node) {
  std::string out;
  if (!node || !node->getSymbol()) return out;
  antlr4::Token* t = node->getSymbol();
  if (t->getTokenIndex() == static_cast<size_t>(-1)) return out;
  size_t begin = t->getStartIndex() + 1, end = t->getStopIndex() + 1;
  end = std::min(end, text_.size());
  for (size_t i = begin; i < end; ++i) {
    char32_t c = text_[i];
    if (c == U'"') break;  // the closing quote
    if (c != U'\\') {
      append_utf8(out, c);
      continue;
    }
    i += decode_escape(i, end, out) - 1;
  }
  return out;
}

ExprPtr AstBuilder::build_string_expr(antlr4::tree::TerminalNode* node) {
  SourceRange whole = range(node);
  if (!node || !node->getSymbol() || node->getSymbol()->getTokenIndex() == static_cast<size_t>(-1)) {
    auto e = make(ExprKind::String, whole);
    return e;
  }
  antlr4::Token* t = node->getSymbol();
  size_t begin = t->getStartIndex() + 1, end = std::min<size_t>(t->getStopIndex() + 1, text_.size());
  if (end > begin && text_[end - 1] == U'"') {
    // drop the closing quote unless it is escaped
    size_t bs = 0;
    for (size_t k = end - 1; k > begin && text_[k - 1] == U'\\'; --k) ++bs;
    if (bs % 2 == 0) --end;
  }
  // Find the holes; the literal text between them is decoded as a string.
  std::vector<ast::TemplatePart> parts;
  std::string lit;
  uint32_t lit_begin = static_cast<uint32_t>(begin);
  auto flush = [&](size_t at) {
    if (!lit.empty()) {
      ast::TemplatePart p;
      p.text = std::move(lit);
      p.range = {file_id_, span_.at(lit_begin), span_.at(at)};
      parts.push_back(std::move(p));
      lit.clear();
    }
  };
  bool has_hole = false;
  for (size_t i = begin; i < end; ++i) {
    char32_t c = text_[i];
    SourceRange at{file_id_, span_.at(i), span_.at(i) + 1};
    if (c == U'\\') {
      i += decode_escape(i, end, lit) - 1;
      continue;
    }
    if (c == U'}') {
      if (i + 1 < end && text_[i + 1] == U'}') {
        lit += '}';
        ++i;
      } else {
        diags_.report(DiagId::BadTemplate, at, {"unmatched '}' in template (write '}}' for a literal '}')"});
      }
      continue;
    }
    if (c != U'{') {
      append_utf8(lit, c);
      continue;
    }
    if (i + 1 < end && text_[i + 1] == U'{') {
      lit += '{';
      ++i;
      continue;
    }
    // A hole: up to the matching '}', skipping \"quoted\" strings inside.
    size_t j = i + 1;
    bool in_str = false;
    while (j < end) {
      if (text_[j] == U'\\' && j + 1 < end) {
        if (text_[j + 1] == U'"') in_str = !in_str;
        j += 2;
        continue;
      }
      if (!in_str && text_[j] == U'}') break;
      ++j;
    }
    if (j >= end) {
      diags_.report(DiagId::BadTemplate, at, {"unterminated '{' in template (write '{{' for a literal '{')"});
      break;
    }
    flush(i);
    has_hole = true;
    ast::TemplatePart part;
    part.range = {file_id_, span_.at(i), span_.at(j) + 1};
    if (is_blank(std::u32string_view(text_).substr(i + 1, j - i - 1))) {
      diags_.report(DiagId::BadTemplate, part.range, {"empty '{}' in template"});
    } else {
      part.expr = parse_hole(static_cast<uint32_t>(i + 1), static_cast<uint32_t>(j));
    }
    if (part.expr) parts.push_back(std::move(part));
    i = j;
    lit_begin = static_cast<uint32_t>(j + 1);
  }
  flush(end);
  // The same text with only escapes decoded, for options that take a regular
  // expression rather than a template.
  quiet_ = true;
  std::string raw;
  for (size_t i = begin; i < end; ++i) {
    if (text_[i] == U'\\') {
      i += decode_escape(i, end, raw) - 1;
    } else {
      append_utf8(raw, text_[i]);
    }
  }
  quiet_ = false;
  auto e = make(has_hole ? ExprKind::Template : ExprKind::String, whole);
  if (has_hole) {
    e->parts = std::move(parts);
  } else {
    for (auto& p : parts) e->text += p.text;
  }
  e->raw = std::move(raw);
  return e;
}

ExprPtr AstBuilder::parse_hole(uint32_t begin, uint32_t end) {
  SourceRange r{file_id_, span_.at(begin), span_.at(end)};
  if (template_depth_ + 1 > kMaxTemplateDepth) {
    diags_.report(DiagId::BadTemplate, r, {"templates are nested too deeply"});
    return nullptr;
  }
  // Inside the string, a nested string is written \"…\" and a backslash
  // \\: undo that escaping, remembering where each code point came from.
  std::u32string hole;
  std::vector<uint32_t> offsets;
  for (size_t k = begin; k < end; ++k) {
    if (text_[k] == U'\\' && k + 1 < end && (text_[k + 1] == U'"' || text_[k + 1] == U'\\')) {
      hole.push_back(text_[k + 1]);
      offsets.push_back(span_.at(k));
      ++k;
      continue;
    }
    hole.push_back(text_[k]);
    offsets.push_back(span_.at(k));
  }
  SpanMap span{span_.at(begin), &offsets};
  ParseRun run(hole, diags_, file_id_, span);
  if (!run.prepare({}, limits_)) return nullptr;
  auto* tree = run.template_expr();
  if (!tree) return nullptr;
  AstBuilder nested(diags_, file_id_, span, hole, limits_, template_depth_ + 1);
  return nested.build_expr(tree->expr());
}

// ---------------------------------------------------------------- expressions

ExprPtr AstBuilder::make(ExprKind kind, SourceRange r) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->range = r;
  return e;
}

ExprPtr AstBuilder::binary(Op op, ExprPtr a, ExprPtr b) {
  if (!a) return b;
  if (!b) return a;
  auto e = make(ExprKind::Binary, SourceRange::join(a->range, b->range));
  e->op = op;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

ExprPtr AstBuilder::build_expr(P::ExprContext* ctx) {
  if (!ctx) return nullptr;
  ExprPtr acc;
  for (auto* a : ctx->andExpr()) acc = binary(Op::Or, std::move(acc), build_and(a));
  return acc;
}

ExprPtr AstBuilder::build_and(P::AndExprContext* ctx) {
  if (!ctx) return nullptr;
  ExprPtr acc;
  for (auto* n : ctx->notExpr()) acc = binary(Op::And, std::move(acc), build_not(n));
  return acc;
}

ExprPtr AstBuilder::build_not(P::NotExprContext* ctx) {
  if (!ctx) return nullptr;
  if (ctx->notExpr()) {
    auto inner = build_not(ctx->notExpr());
    if (!inner) return nullptr;
    auto e = make(ExprKind::Unary, range(ctx));
    e->op = Op::Not;
    e->args.push_back(std::move(inner));
    return e;
  }
  return build_predicate(ctx->predicate());
}

ExprPtr AstBuilder::build_predicate(P::PredicateContext* ctx) {
  if (!ctx) return nullptr;
  if (auto* h = dynamic_cast<P::HoursPredicateContext*>(ctx)) {
    auto e = make(ExprKind::Hours, range(ctx));
    for (auto* hr : h->hoursRange()) {
      ast::HoursRange r;
      auto days = hr->IDENT();
      if (!days.empty()) {
        r.first_day = text(days[0]);
        r.last_day = days.size() > 1 ? text(days[1]) : r.first_day;
        r.days_range = SourceRange::join(range(days[0]), range(days.back()));
      }
      auto times = hr->TIME();
      if (times.size() < 2 || !present(times[0]) || !present(times[1])) continue;  // a syntax error
      r.from_text = text(times[0]), r.from_range = range(times[0]);
      r.to_text = text(times[1]), r.to_range = range(times[1]);
      e->hours.push_back(std::move(r));
    }
    if (h->STRING()) {
      e->time_zone = decode_string(h->STRING());
      e->time_zone_range = range(h->STRING());
    }
    return e;
  }
  auto* v = dynamic_cast<P::ValuePredicateContext*>(ctx);
  if (!v) return nullptr;
  ExprPtr lhs = build_additive(v->additive());
  P::PredicateTailContext* tail = v->predicateTail();
  if (!tail || !lhs) return lhs;
  SourceRange r = range(ctx);
  if (auto* c = dynamic_cast<P::CompareTailContext*>(tail)) {
    ExprPtr rhs = build_additive(c->additive());
    if (!rhs || !c->compOp()) return lhs;
    std::string op = c->compOp()->getText();
    Op o = op == "==" ? Op::Eq : op == "!=" ? Op::Ne : op == "<" ? Op::Lt : op == "<=" ? Op::Le
         : op == ">" ? Op::Gt : Op::Ge;
    auto e = binary(o, std::move(lhs), std::move(rhs));
    e->text_range = range(c->compOp());
    return e;
  }
  if (auto* s = dynamic_cast<P::IsSetTailContext*>(tail)) {
    auto e = make(ExprKind::IsSet, r);
    e->negated = s->negate != nullptr;
    e->args.push_back(std::move(lhs));
    return e;
  }
  if (auto* in = dynamic_cast<P::InTailContext*>(tail)) {
    auto e = make(ExprKind::In, r);
    e->negated = in->negate != nullptr;
    e->args.push_back(std::move(lhs));
    for (auto* x : in->expr())
      if (auto item = build_expr(x)) e->args.push_back(std::move(item));
    return e;
  }
  if (auto* m = dynamic_cast<P::MatchesTailContext*>(tail)) {
    auto e = make(ExprKind::Matches, r);
    e->args.push_back(std::move(lhs));
    e->text = decode_string(m->STRING());
    e->text_range = range(m->STRING());
    return e;
  }
  return lhs;
}

ExprPtr AstBuilder::build_additive(P::AdditiveContext* ctx) {
  if (!ctx) return nullptr;
  auto terms = ctx->multiplicative();
  auto ops = ctx->addOp();
  ExprPtr acc;
  for (size_t i = 0; i < terms.size(); ++i) {
    Op op = (i > 0 && i - 1 < ops.size() && ops[i - 1]->getText() == "-") ? Op::Sub : Op::Add;
    acc = binary(op, std::move(acc), build_multiplicative(terms[i]));
  }
  return acc;
}

ExprPtr AstBuilder::build_multiplicative(P::MultiplicativeContext* ctx) {
  if (!ctx) return nullptr;
  auto terms = ctx->unary();
  auto ops = ctx->mulOp();
  ExprPtr acc;
  for (size_t i = 0; i < terms.size(); ++i) {
    Op op = Op::Mul;
    if (i > 0 && i - 1 < ops.size()) {
      std::string o = ops[i - 1]->getText();
      op = o == "/" ? Op::Div : o == "%" ? Op::Mod : Op::Mul;
    }
    acc = binary(op, std::move(acc), build_unary(terms[i]));
  }
  return acc;
}

ExprPtr AstBuilder::build_unary(P::UnaryContext* ctx) {
  if (!ctx) return nullptr;
  if (ctx->unary()) {
    auto inner = build_unary(ctx->unary());
    if (!inner) return nullptr;
    auto e = make(ExprKind::Unary, range(ctx));
    e->op = Op::Neg;
    e->args.push_back(std::move(inner));
    return e;
  }
  return build_primary(ctx->primary());
}

ExprPtr AstBuilder::build_primary(P::PrimaryContext* ctx) {
  if (!ctx) return nullptr;
  SourceRange r = range(ctx);
  if (auto* s = dynamic_cast<P::StringPrimaryContext*>(ctx)) return build_string_expr(s->STRING());
  if (auto* n = dynamic_cast<P::NumberPrimaryContext*>(ctx)) {
    auto e = make(ExprKind::Number, r);
    e->number = std::strtod(text(n->NUMBER()).c_str(), nullptr);
    e->text = text(n->NUMBER());
    return e;
  }
  if (auto* d = dynamic_cast<P::DurationPrimaryContext*>(ctx)) {
    auto e = make(ExprKind::Duration, r);
    e->text = text(d->DURATION());
    return e;
  }
  if (dynamic_cast<P::BoolPrimaryContext*>(ctx)) {
    auto e = make(ExprKind::Bool, r);
    e->boolean = ctx->getText() == "true";
    return e;
  }
  if (dynamic_cast<P::NullPrimaryContext*>(ctx)) return make(ExprKind::Null, r);
  if (auto* p = dynamic_cast<P::PathPrimaryContext*>(ctx)) {
    auto e = make(ExprKind::Path, r);
    e->segments = build_path(p->path()).segments;
    if (e->segments.size() < 2) return nullptr;
    return e;
  }
  if (auto* c = dynamic_cast<P::CallPrimaryContext*>(ctx)) {
    auto e = make(ExprKind::Call, r);
    e->text = text(c->IDENT());
    e->text_range = range(c->IDENT());
    if (e->text.empty()) return nullptr;
    for (auto* a : c->expr())
      if (auto arg = build_expr(a)) e->args.push_back(std::move(arg));
    return e;
  }
  if (auto* n = dynamic_cast<P::NamePrimaryContext*>(ctx)) {
    auto e = make(ExprKind::Name, r);
    e->text = text(n->IDENT());
    if (e->text.empty()) return nullptr;
    return e;
  }
  if (auto* p = dynamic_cast<P::ParenPrimaryContext*>(ctx)) return build_expr(p->expr());
  return nullptr;
}

// ---------------------------------------------------------------- paths, JSON, options

ast::PathRef AstBuilder::build_path(P::PathContext* ctx) {
  ast::PathRef p;
  if (!ctx) return p;
  p.range = range(ctx);
  if (ctx->IDENT()) p.segments.push_back(text(ctx->IDENT()));
  else if (ctx->getStart() && ctx->getStart()->getText() == "call") p.segments.push_back("call");
  for (auto* n : ctx->anyName()) {
    std::string s = n ? n->getText() : std::string();
    if (s.empty() || s.find('<') != std::string::npos) continue;  // recovery placeholder
    p.segments.push_back(std::move(s));
  }
  return p;
}

ast::JsonPtr AstBuilder::build_json_value(P::JsonValueContext* ctx) {
  if (!ctx) return nullptr;
  if (ctx->jsonObject()) return build_json_object(ctx->jsonObject());
  if (ctx->jsonArray()) return build_json_array(ctx->jsonArray());
  auto e = build_expr(ctx->expr());
  if (!e) return nullptr;
  auto j = std::make_unique<ast::JsonValue>();
  j->kind = ast::JsonValue::Scalar;
  j->range = e->range;
  j->expr = std::move(e);
  return j;
}

ast::JsonPtr AstBuilder::build_json_object(P::JsonObjectContext* ctx) {
  if (!ctx) return nullptr;
  auto j = std::make_unique<ast::JsonValue>();
  j->kind = ast::JsonValue::Object;
  j->range = range(ctx);
  for (auto* f : ctx->jsonField()) {
    if (!f) continue;
    ast::JsonField field;
    if (f->anyName()) {
      field.key = f->anyName()->getText();
      field.key_range = range(f->anyName());
    } else if (f->STRING()) {
      field.key = decode_string(f->STRING());
      field.key_range = range(f->STRING());
    }
    field.value = build_json_value(f->jsonValue());
    if (field.value) j->fields.push_back(std::move(field));
  }
  return j;
}

ast::JsonPtr AstBuilder::build_json_array(P::JsonArrayContext* ctx) {
  if (!ctx) return nullptr;
  auto j = std::make_unique<ast::JsonValue>();
  j->kind = ast::JsonValue::Array;
  j->range = range(ctx);
  for (auto* v : ctx->jsonValue())
    if (auto item = build_json_value(v)) j->items.push_back(std::move(item));
  return j;
}

void AstBuilder::build_options(const std::vector<P::OptionContext*>& ctxs, std::vector<ast::Option>& out) {
  for (auto* ctx : ctxs) {
    if (!ctx) continue;
    ast::Option o;
    o.range = range(ctx);
    if (auto* h = dynamic_cast<P::HeaderOptionContext*>(ctx)) {
      o.kind = ast::Option::Header;
      o.name = text(h->IDENT());
      o.name_range = range(h->IDENT());
      o.header_name = decode_string(h->STRING());
      o.value_range = range(h->STRING());
      o.value = build_expr(h->expr());
      if (!o.value) continue;
    } else if (auto* m = dynamic_cast<P::MapOptionContext*>(ctx)) {
      o.kind = ast::Option::Map;
      o.name = text(m->IDENT());
      o.name_range = range(m->IDENT());
      auto paths = m->path();
      if (paths.size() < 2) continue;
      o.map_target = build_path(paths[0]);
      o.map_source = build_path(paths[1]);
      o.value_range = o.map_target.range;
    } else if (auto* j = dynamic_cast<P::JsonOptionContext*>(ctx)) {
      o.kind = ast::Option::Json;
      o.name = text(j->IDENT());
      o.name_range = range(j->IDENT());
      o.json = build_json_object(j->jsonObject());
      o.value_range = range(j->jsonObject());
      if (!o.json) continue;
    } else if (auto* d = dynamic_cast<P::DurationOptionContext*>(ctx)) {
      o.kind = ast::Option::Duration;
      o.name = text(d->IDENT());
      o.name_range = range(d->IDENT());
      o.duration = text(d->DURATION());
      o.value_range = range(d->DURATION());
    } else if (auto* e = dynamic_cast<P::ExprOptionContext*>(ctx)) {
      o.kind = ast::Option::Expr;
      o.name = text(e->IDENT());
      o.name_range = range(e->IDENT());
      o.value = build_expr(e->expr());
      if (!o.value) continue;
      o.value_range = o.value->range;
    } else {
      continue;
    }
    if (o.name.empty()) continue;
    out.push_back(std::move(o));
  }
}

// ---------------------------------------------------------------- actions

void AstBuilder::build_assignments(const std::vector<P::AssignmentContext*>& ctxs, ast::Action& a) {
  for (auto* ctx : ctxs) {
    if (!ctx) continue;
    ast::Assignment as;
    as.range = range(ctx);
    as.target = build_path(ctx->path());
    as.value = build_expr(ctx->expr());
    if (as.target.segments.size() < 2 || !as.value) continue;
    a.assignments.push_back(std::move(as));
  }
}

void AstBuilder::build_http(P::HttpSpecContext* ctx, ast::Action& a) {
  a.kind = ast::Action::Http;
  if (!ctx) return;
  a.range = range(ctx);
  a.method = text(ctx->IDENT());
  a.method_range = range(ctx->IDENT());
  a.target = build_expr(ctx->expr());
  build_options(ctx->option(), a.options);
}

void AstBuilder::build_email(P::EmailSpecContext* ctx, ast::Action& a) {
  a.kind = ast::Action::Email;
  if (!ctx) return;
  a.target = build_expr(ctx->expr());
  build_options(ctx->option(), a.options);
}

void AstBuilder::build_action(P::ActionContext* ctx, ast::Action& a) {
  if (!ctx) return;
  a.range = range(ctx);
  if (auto* r = dynamic_cast<P::RefActionContext*>(ctx)) {
    a.kind = ast::Action::Ref;
    a.ref = text(r->IDENT());
  } else if (auto* s = dynamic_cast<P::SetActionContext*>(ctx)) {
    a.kind = ast::Action::Set;
    build_assignments(s->assignment(), a);
  } else if (auto* e = dynamic_cast<P::EmailActionContext*>(ctx)) {
    build_email(e->emailSpec(), a);
  } else if (auto* h = dynamic_cast<P::HttpActionContext*>(ctx)) {
    build_http(h->httpSpec(), a);
    a.range = range(ctx);
  }
}

// ---------------------------------------------------------------- modules

// False for a clause that error recovery left without any of its forms.
bool AstBuilder::build_clause(P::ClauseContext* ctx, ast::Clause& c) {
  c.range = range(ctx);
  if (auto* n = dynamic_cast<P::NextClauseContext*>(ctx)) {
    c.kind = ast::Clause::Next;
    c.target = text(n->IDENT());
    c.target_range = range(n->IDENT());
  } else if (auto* h = dynamic_cast<P::HookClauseContext*>(ctx)) {
    c.kind = ast::Clause::Hook;
    c.on_exit = h->hook && h->hook->getText() == "exit";
    build_action(h->action(), c.action);
  } else if (auto* r = dynamic_cast<P::RouteClauseContext*>(ctx)) {
    c.kind = ast::Clause::Route;
    auto ids = r->IDENT();
    if (ids.size() > 0) c.event = text(ids[0]), c.event_range = range(ids[0]);
    if (ids.size() > 1) c.target = text(ids[1]), c.target_range = range(ids[1]);
  } else if (auto* w = dynamic_cast<P::WaitClauseContext*>(ctx)) {
    c.kind = ast::Clause::Wait;
    c.target = text(w->IDENT());
    c.target_range = range(w->IDENT());
    c.duration = text(w->DURATION());
    c.duration_range = range(w->DURATION());
  } else {
    return false;
  }
  return true;
}

void AstBuilder::build_module(P::ModuleItemContext* ctx, ast::Module& m) {
  m.name = text(ctx->IDENT());
  m.name_range = range(ctx->IDENT());
  m.range = range(ctx);
  P::ModuleKindContext* k = ctx->moduleKind();
  if (!k) return;
  m.kind_range = range(k->getStart());
  using K = ast::ModuleKind;
  if (auto* x = dynamic_cast<P::PlayModuleContext*>(k)) {
    m.kind = K::Play;
    m.argument = build_expr(x->expr());
    build_options(x->option(), m.options);
  } else if (auto* x = dynamic_cast<P::SayModuleContext*>(k)) {
    m.kind = K::Say;
    m.argument = build_expr(x->expr());
    build_options(x->option(), m.options);
  } else if (auto* x = dynamic_cast<P::InputModuleContext*>(k)) {
    m.kind = K::Input;
    build_options(x->option(), m.options);
  } else if (auto* x = dynamic_cast<P::MenuModuleContext*>(k)) {
    m.kind = K::Menu;
    m.argument = build_expr(x->expr());
    for (auto* c : x->menuChoice()) {
      if (!c || !c->key) continue;
      ast::MenuChoice mc;
      mc.key_range = range(c->key);
      mc.key = c->key->getType() == P::STRING ? decode_string(c->STRING()) : c->key->getText();
      mc.target = text(c->IDENT());
      mc.target_range = range(c->IDENT());
      if (!mc.target.empty()) m.choices.push_back(std::move(mc));
    }
    build_options(x->option(), m.options);
  } else if (auto* x = dynamic_cast<P::SwitchModuleContext*>(k)) {
    m.kind = K::Switch;
    for (auto* b : x->switchBranch()) {
      ast::Branch br;
      br.range = range(b);
      if (auto* w = dynamic_cast<P::WhenBranchContext*>(b)) {
        br.condition = build_expr(w->expr());
        if (!br.condition) continue;
        br.target = text(w->IDENT());
        br.target_range = range(w->IDENT());
      } else if (auto* a = dynamic_cast<P::AfterBranchContext*>(b)) {
        br.target = text(a->IDENT());
        br.target_range = range(a->IDENT());
      } else {
        continue;
      }
      if (!br.target.empty()) m.branches.push_back(std::move(br));
    }
  } else if (auto* x = dynamic_cast<P::QueueModuleContext*>(k)) {
    m.kind = K::Queue;
    m.argument = build_expr(x->expr());
    build_options(x->option(), m.options);
  } else if (auto* x = dynamic_cast<P::TransferModuleContext*>(k)) {
    m.kind = K::Transfer;
    m.argument = build_expr(x->expr());
    build_options(x->option(), m.options);
  } else if (dynamic_cast<P::HangupModuleContext*>(k)) {
    m.kind = K::Hangup;
  } else if (auto* x = dynamic_cast<P::PauseModuleContext*>(k)) {
    m.kind = K::Pause;
    m.pause = text(x->DURATION());
    m.pause_range = range(x->DURATION());
  } else if (auto* x = dynamic_cast<P::SetModuleContext*>(k)) {
    m.kind = K::Set;
    m.action.kind = ast::Action::Set;
    m.action.range = range(k);
    build_assignments(x->assignment(), m.action);
  } else if (auto* x = dynamic_cast<P::EmailModuleContext*>(k)) {
    m.kind = K::Email;
    m.action.range = range(k);
    build_email(x->emailSpec(), m.action);
  } else if (auto* x = dynamic_cast<P::HttpModuleContext*>(k)) {
    m.kind = K::Http;
    build_http(x->httpSpec(), m.action);
  }
  for (auto* c : ctx->clause()) {
    if (!c) continue;
    ast::Clause clause;
    if (build_clause(c, clause)) m.clauses.push_back(std::move(clause));
  }
}

// ---------------------------------------------------------------- items

void AstBuilder::build_item(P::ItemContext* ctx, ast::File& file) {
  SourceRange r = range(ctx);
  // A `flow` or `start` whose name is missing is kept with an empty name, so
  // that the checker does not also report the header as missing.
  if (auto* x = dynamic_cast<P::FlowItemContext*>(ctx)) {
    file.flow_names.push_back({text(x->IDENT()), range(x->IDENT())});
  } else if (auto* x = dynamic_cast<P::StartItemContext*>(ctx)) {
    file.starts.push_back({text(x->IDENT()), range(x->IDENT())});
  } else if (auto* x = dynamic_cast<P::NumbersItemContext*>(ctx)) {
    for (auto* s : x->STRING())
      if (present(s)) file.numbers.push_back({decode_string(s), range(s)});
  } else if (auto* x = dynamic_cast<P::TimezoneItemContext*>(ctx)) {
    if (present(x->STRING())) file.time_zones.push_back({decode_string(x->STRING()), range(x->STRING())});
  } else if (auto* x = dynamic_cast<P::ImportItemContext*>(ctx)) {
    if (present(x->STRING())) file.imports.push_back({decode_string(x->STRING()), range(x->STRING())});
  } else if (auto* x = dynamic_cast<P::CtiItemContext*>(ctx)) {
    ast::Cti c;
    c.protocol = text(x->IDENT());
    c.protocol_range = range(x->IDENT());
    c.range = r;
    c.endpoint = build_expr(x->expr());
    build_options(x->option(), c.options);
    if (!c.protocol.empty() && c.endpoint) file.ctis.push_back(std::move(c));
  } else if (auto* x = dynamic_cast<P::LetItemContext*>(ctx)) {
    ast::Let l;
    l.name = text(x->IDENT());
    l.name_range = range(x->IDENT());
    l.range = r;
    l.value = build_expr(x->expr());
    if (!l.name.empty() && l.value) file.lets.push_back(std::move(l));
  } else if (auto* x = dynamic_cast<P::ExpectItemContext*>(ctx)) {
    ast::Expect e;
    e.var = build_path(x->path());
    e.range = r;
    e.secret = x->getStop() && x->getStop()->getText() == "secret";
    if (auto* n = dynamic_cast<P::NamedTypeContext*>(x->typeSpec())) {
      e.type_name = text(n->IDENT());
      e.type_range = range(n);
    } else if (auto* en = dynamic_cast<P::EnumTypeContext*>(x->typeSpec())) {
      e.type_range = range(en);
      for (auto* s : en->STRING()) e.enum_values.push_back(decode_string(s));
    }
    if (e.var.segments.size() >= 2 && (!e.type_name.empty() || !e.enum_values.empty()))
      file.expects.push_back(std::move(e));
  } else if (auto* x = dynamic_cast<P::TriggerItemContext*>(ctx)) {
    ast::Trigger t;
    t.name = text(x->IDENT());
    t.name_range = range(x->IDENT());
    t.range = r;
    t.condition = build_expr(x->expr());
    if (!t.name.empty() && t.condition) file.triggers.push_back(std::move(t));
  } else if (auto* x = dynamic_cast<P::AutomationItemContext*>(ctx)) {
    ast::Automation a;
    a.name = text(x->IDENT());
    a.name_range = range(x->IDENT());
    a.range = r;
    build_action(x->action(), a.action);
    for (auto* at : x->attachment()) {
      ast::Attachment att;
      att.range = range(at);
      if (auto* c = dynamic_cast<P::CallAttachmentContext*>(at)) {
        att.kind = c->getStop() && c->getStop()->getText() == "end" ? ast::Attachment::CallEnd
                                                                      : ast::Attachment::CallStart;
      } else if (auto* w = dynamic_cast<P::WhenAttachmentContext*>(at)) {
        att.kind = ast::Attachment::When;
        att.trigger = text(w->IDENT());
        if (att.trigger.empty()) continue;
      } else {
        continue;
      }
      a.attachments.push_back(std::move(att));
    }
    if (!a.name.empty() && x->action()) file.automations.push_back(std::move(a));
  } else if (auto* x = dynamic_cast<P::ModuleItemContext*>(ctx)) {
    ast::Module m;
    build_module(x, m);
    if (!m.name.empty() && x->moduleKind()) file.modules.push_back(std::move(m));
  }
}

void AstBuilder::build_program(P::ProgramContext* ctx, ast::File& file) {
  if (!ctx) return;
  auto items = ctx->item();
  size_t limit = limits_.max_definitions;
  if (items.size() > limit) {
    diags_.report(DiagId::TooManyDefinitions, range(items[limit]->getStart()),
                  {"definitions", std::to_string(limit)});
    items.resize(limit);
  }
  for (auto* item : items)
    if (item) build_item(item, file);
}

}  // namespace flowc
