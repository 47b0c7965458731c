// The `.flowtest` parser: a small hand-written lexer (words, strings, JSON
// values, line ends) and one function per statement. A bad line is reported
// and skipped, so every error of the file is shown at once.
#include "runtime/flowtest/scenario_parser.h"

#include <regex>
#include <set>

#include "compiler/sema/durations.h"

namespace flowc::flowtest {

using nlohmann::json;

namespace {

struct Token {
  enum Kind { Word, String, Json, Newline, End } kind = End;
  std::string text;  // Word: the word; String: the decoded string
  json value;        // String and Json: the value
  uint32_t begin = 0, end = 0;
};

constexpr size_t kMaxTokens = 200'000;

class Lexer {
 public:
  Lexer(const SourceFile& file, uint32_t file_id, DiagnosticEngine& diags)
      : text_(file.text()), file_id_(file_id), diags_(diags) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (pos_ < text_.size() && out.size() < kMaxTokens) {
      char32_t c = text_[pos_];
      if (c == '\n') {
        out.push_back({Token::Newline, "", nullptr, pos_, pos_ + 1});
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '/') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (c == '=') {
        out.push_back({Token::Word, "=", nullptr, pos_, pos_ + 1});
        ++pos_;
      } else if (c == '"') {
        lex_string(out);
      } else if (c == '{' || c == '[') {
        lex_json(out);
      } else if (word_char(c)) {
        uint32_t b = pos_;
        while (pos_ < text_.size() && word_char(text_[pos_])) ++pos_;
        out.push_back({Token::Word, to_utf8(text_.substr(b, pos_ - b)), nullptr, b, pos_});
      } else {
        std::string ch;
        append_utf8(ch, c);
        diags_.report(DiagId::TestSyntax, {file_id_, pos_, pos_ + 1}, {"unexpected character '" + ch + "'"});
        ++pos_;
      }
    }
    out.push_back({Token::Newline, "", nullptr, pos_, pos_});
    out.push_back({Token::End, "", nullptr, pos_, pos_});
    return out;
  }

 private:
  static bool word_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-' || c == '+' || c == '#' || c == '*' || c == ':';
  }

  // A JSON string: the text up to the closing quote, decoded by the JSON parser.
  void lex_string(std::vector<Token>& out) {
    uint32_t b = pos_++;
    while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      ++pos_;
    }
    if (pos_ >= text_.size() || text_[pos_] != '"') {
      diags_.report(DiagId::TestSyntax, {file_id_, b, pos_}, {"unterminated string"});
      return;
    }
    ++pos_;
    std::string raw = to_utf8(text_.substr(b, pos_ - b));
    json v = json::parse(raw, nullptr, false);
    if (v.is_discarded() || !v.is_string()) {
      diags_.report(DiagId::TestSyntax, {file_id_, b, pos_}, {"invalid string (strings use JSON escapes)"});
      return;
    }
    out.push_back({Token::String, v.get<std::string>(), v, b, pos_});
  }

  // A JSON object or array, which may span lines: scanned to its balanced end.
  void lex_json(std::vector<Token>& out) {
    uint32_t b = pos_;
    int depth = 0;
    bool in_string = false;
    for (; pos_ < text_.size(); ++pos_) {
      char32_t c = text_[pos_];
      if (in_string) {
        if (c == '\\')
          ++pos_;
        else if (c == '"')
          in_string = false;
        continue;
      }
      if (c == '"')
        in_string = true;
      else if (c == '{' || c == '[')
        ++depth;
      else if (c == '}' || c == ']') {
        if (--depth == 0) {
          ++pos_;
          break;
        }
      }
    }
    std::string raw = to_utf8(text_.substr(b, pos_ - b));
    json v = depth == 0 ? json::parse(raw, nullptr, false) : json(json::value_t::discarded);
    if (v.is_discarded()) {
      diags_.report(DiagId::TestInvalidValue, {file_id_, b, b + 1}, {"invalid JSON value"});
      return;
    }
    out.push_back({Token::Json, "", v, b, pos_});
  }

  const std::u32string& text_;
  uint32_t pos_ = 0;
  uint32_t file_id_;
  DiagnosticEngine& diags_;
};

bool is_command_type(const std::string& w) {
  static const std::set<std::string> kTypes{"play",     "say",    "collect", "enqueue",
                                            "transfer", "hangup", "pause"};
  return kTypes.count(w) > 0;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, uint32_t file_id, DiagnosticEngine& diags, TestFile& out)
      : toks_(std::move(tokens)), file_id_(file_id), diags_(diags), out_(out) {}

  void run() {
    while (peek().kind != Token::End) {
      if (peek().kind == Token::Newline) {
        ++pos_;
        continue;
      }
      line_start_ = pos_;
      if (!statement())
        skip_line();
      else if (peek().kind != Token::Newline && peek().kind != Token::End) {
        error(peek(), "unexpected '" + show(peek()) + "' at the end of the statement");
        skip_line();
      }
    }
    if (out_.flow_path.empty())
      diags_.report(DiagId::TestNoFlow, {file_id_, 0, 0});
    else if (out_.scenarios.empty())
      diags_.report(DiagId::TestNoScenarios, out_.flow_range);
    std::set<std::string> names;
    for (const auto& s : out_.scenarios) {
      if (!names.insert(s.name).second) diags_.report(DiagId::TestDuplicateScenario, s.range, {s.name});
      if (!s.has_call) diags_.report(DiagId::TestNoCall, s.range, {s.name});
      if (s.expectation_count() == 0) diags_.report(DiagId::TestNoExpectations, s.range, {s.name});
    }
  }

 private:
  const Token& peek(size_t ahead = 0) const { return toks_[std::min(pos_ + ahead, toks_.size() - 1)]; }
  const Token& take() {
    const Token& t = toks_[pos_];
    if (pos_ + 1 < toks_.size()) ++pos_;
    return t;
  }
  SourceRange range(const Token& t) const { return {file_id_, t.begin, std::max(t.end, t.begin + 1)}; }
  SourceRange line_range() const {
    const Token& a = toks_[line_start_];
    const Token& b = toks_[pos_ > line_start_ ? pos_ - 1 : line_start_];
    return {file_id_, a.begin, std::max(b.end, a.begin + 1)};
  }
  static std::string show(const Token& t) {
    switch (t.kind) {
      case Token::Word: return t.text;
      case Token::String: return t.value.dump();
      case Token::Json: return t.value.dump().substr(0, 40);
      case Token::Newline: return "end of line";
      case Token::End: return "end of file";
    }
    return "?";
  }
  void error(const Token& t, const std::string& message) {
    diags_.report(DiagId::TestSyntax, range(t), {message});
  }
  void skip_line() {
    while (peek().kind != Token::Newline && peek().kind != Token::End) take();
  }
  bool at_line_end() const { return peek().kind == Token::Newline || peek().kind == Token::End; }

  bool expect_string(const std::string& what, std::string* out) {
    if (peek().kind != Token::String) {
      error(peek(), "expected " + what + " (a quoted string), found '" + show(peek()) + "'");
      return false;
    }
    *out = take().text;
    return true;
  }
  bool expect_word(const std::string& what, std::string* out) {
    if (peek().kind != Token::Word) {
      error(peek(), "expected " + what + ", found '" + show(peek()) + "'");
      return false;
    }
    *out = take().text;
    return true;
  }
  bool expect_duration(int64_t* ms) {
    const Token& t = peek();
    if (t.kind != Token::Word) {
      error(t, "expected a duration (e.g. 2s, 500ms, 5m), found '" + show(t) + "'");
      return false;
    }
    take();
    std::string why;
    auto v = sema::parse_duration(t.text, &why);
    if (!v) {
      diags_.report(DiagId::TestInvalidValue, range(t), {"invalid duration '" + t.text + "' (" + why + ")"});
      return false;
    }
    *ms = static_cast<int64_t>(*v);
    return true;
  }
  bool expect_json(const std::string& what, json* out) {
    if (peek().kind != Token::Json) {
      error(peek(), "expected " + what + " (a JSON object or array), found '" + show(peek()) + "'");
      return false;
    }
    *out = take().value;
    return true;
  }
  Scenario* scenario(const Token& t) {
    if (out_.scenarios.empty()) {
      error(t, "'" + t.text + "' must be inside a scenario (start one with scenario \"NAME\")");
      return nullptr;
    }
    return &out_.scenarios.back();
  }

  // A value to compare with: "text", 3, true, null, {…}, contains X, matches "re".
  bool match(Match* m) {
    const Token& t = peek();
    m->range = range(t);
    if (t.kind == Token::Word && t.text == "contains") {
      take();
      const Token& v = peek();
      if (v.kind == Token::String) {
        m->kind = Match::Kind::Contains;
        m->value = take().text;
      } else if (v.kind == Token::Json) {
        m->kind = Match::Kind::JsonContains;
        m->value = take().value;
      } else {
        error(v, "expected a string or a JSON value after 'contains', found '" + show(v) + "'");
        return false;
      }
      m->range = SourceRange::join(m->range, range(v));
      return true;
    }
    if (t.kind == Token::Word && t.text == "matches") {
      take();
      const Token& v = peek();
      std::string re;
      if (!expect_string("a regular expression", &re)) return false;
      try {
        std::regex check(re, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        diags_.report(DiagId::TestInvalidValue, range(v),
                      {std::string("invalid regular expression: ") + e.what()});
        return false;
      }
      m->kind = Match::Kind::Regex;
      m->value = re;
      m->range = SourceRange::join(m->range, range(v));
      return true;
    }
    if (t.kind == Token::String || t.kind == Token::Json) {
      m->kind = Match::Kind::Equals;
      m->value = take().value;
      return true;
    }
    if (t.kind == Token::Word) {
      json v = json::parse(t.text, nullptr, false);
      if (!v.is_discarded() && (v.is_number() || v.is_boolean() || v.is_null())) {
        take();
        m->kind = Match::Kind::Equals;
        m->value = v;
        return true;
      }
    }
    error(t,
          "expected a value to compare with (\"text\", a number, true, false, null, {…}, contains …, matches "
          "\"…\"), found '" +
              show(t) + "'");
    return false;
  }

  bool statement() {
    const Token& t = take();
    if (t.kind != Token::Word) {
      error(t, "expected a statement, found '" + show(t) + "'");
      return false;
    }
    const std::string& w = t.text;
    if (w == "flow") return flow_line(t);
    if (w == "env") return env_line();
    if (w == "scenario") return scenario_line(t);
    Scenario* s = nullptr;
    static const std::set<std::string> kInScenario{"call",  "mock", "press", "silence",         "hangup",
                                                   "agent", "wait", "write", "transfer_failed", "prompt_done",
                                                   "expect"};
    if (!kInScenario.count(w)) {
      diags_.report(DiagId::TestUnknownStatement, range(t),
                    {w, out_.scenarios.empty() ? "a test file" : "a scenario"});
      return false;
    }
    if (!(s = scenario(t))) return false;
    if (w == "call") return call_line(*s);
    if (w == "mock") return mock_line(*s, t);
    if (w == "expect") return expect_line(*s, t);
    CallerStep step;
    step.range = range(t);
    if (w == "press") {
      step.kind = CallerStep::Kind::Press;
      const Token& d = peek();
      if (d.kind == Token::String || d.kind == Token::Word)
        step.text = take().text;
      else {
        error(d, "expected the digits the caller presses, e.g. press \"1234567\"");
        return false;
      }
      bool ok = !step.text.empty() && step.text.size() <= 64;
      for (char c : step.text) ok &= (c >= '0' && c <= '9') || c == '*' || c == '#';
      if (!ok) {
        diags_.report(DiagId::TestInvalidValue, range(d),
                      {"'" + step.text + "' is not a key sequence (0-9, * and #, at most 64)"});
        return false;
      }
    } else if (w == "silence") {
      step.kind = CallerStep::Kind::Silence;
    } else if (w == "hangup") {
      step.kind = CallerStep::Kind::Hangup;
    } else if (w == "transfer_failed") {
      step.kind = CallerStep::Kind::TransferFailed;
    } else if (w == "agent") {
      step.kind = CallerStep::Kind::Agent;
      if (!expect_string("the agent's name", &step.text)) return false;
    } else if (w == "prompt_done") {
      step.kind = CallerStep::Kind::PromptDone;
    } else if (w == "wait") {
      step.kind = CallerStep::Kind::Wait;
      if (peek().kind == Token::Word && peek().text == "until") {
        take();
        step.until = true;
      }
      if (!expect_duration(&step.ms)) return false;
    } else if (w == "write") {
      step.kind = CallerStep::Kind::Write;
      if (!expect_json("the session values", &step.values)) return false;
      if (!step.values.is_object()) {
        diags_.report(DiagId::TestInvalidValue, step.range, {"a session write is a JSON object"});
        return false;
      }
    }
    s->steps.push_back(std::move(step));
    return true;
  }

  bool flow_line(const Token& t) {
    if (!out_.scenarios.empty()) {
      error(t, "'flow' must come before the first scenario");
      return false;
    }
    if (!out_.flow_path.empty()) {
      error(t, "'flow' is given more than once");
      return false;
    }
    if (!expect_string("the path of the flow", &out_.flow_path)) return false;
    out_.flow_range = line_range();
    return true;
  }

  bool env_line() {
    std::string name, value;
    if (!expect_word("the name of the setting", &name) || !expect_string("its value", &value)) return false;
    out_.env.emplace_back(name, value);
    return true;
  }

  bool scenario_line(const Token& t) {
    Scenario s;
    if (!expect_string("the scenario's name", &s.name)) return false;
    s.range = line_range();
    out_.scenarios.push_back(std::move(s));
    return true;
  }

  bool call_line(Scenario& s) {
    if (s.has_call) {
      error(toks_[line_start_], "the scenario already has a 'call' line");
      return false;
    }
    s.has_call = true;  // even when the rest of the line is wrong: one error is enough
    while (!at_line_end()) {
      std::string key;
      const Token& k = peek();
      if (!expect_word("from, to, at or id", &key)) return false;
      if (key == "from") {
        if (!expect_string("the caller's number", &s.from)) return false;
      } else if (key == "to") {
        if (!expect_string("the dialled number", &s.to)) return false;
      } else if (key == "id") {
        if (!expect_string("the call id", &s.call_id)) return false;
      } else if (key == "at") {
        std::string when;
        const Token& v = peek();
        if (!expect_string("the time of the call", &when)) return false;
        s.at_ms = parse_iso_time(when);
        if (!s.at_ms) {
          diags_.report(
              DiagId::TestInvalidValue, range(v),
              {"invalid time '" + when + "' (expected e.g. \"2026-11-24T10:00:00+01:00\" or \"…Z\")"});
          return false;
        }
      } else {
        error(k, "unknown part of 'call': '" + key + "' (from, to, at, id)");
        return false;
      }
    }
    if (s.from.empty()) {
      error(toks_[line_start_], "'call' needs the caller: call from \"+4930123456\"");
      return false;
    }
    return true;
  }

  bool mock_line(Scenario& s, const Token& t) {
    Mock m;
    if (!expect_word("the automation's name", &m.name)) return false;
    MockResponse& r = m.response;
    if (at_line_end()) {
      error(peek(), "a mock needs a response: status, json, body, delay, fail, timeout or write");
      return false;
    }
    while (!at_line_end()) {
      const Token& k = peek();
      std::string key;
      if (!expect_word("a part of the response", &key)) return false;
      if (key == "status") {
        std::string n;
        const Token& v = peek();
        if (!expect_word("an HTTP status", &n)) return false;
        char* end = nullptr;
        long code = std::strtol(n.c_str(), &end, 10);
        if (*end || code < 100 || code > 599) {
          diags_.report(DiagId::TestInvalidValue, range(v), {"invalid HTTP status '" + n + "' (100 to 599)"});
          return false;
        }
        r.status = static_cast<int>(code);
      } else if (key == "json") {
        const Token& v = peek();
        if (v.kind == Token::Json || v.kind == Token::String)
          r.json = take().value;
        else if (!expect_json("the response body", &r.json.emplace()))
          return false;
      } else if (key == "body") {
        if (!expect_string("the response body", &r.body)) return false;
      } else if (key == "delay") {
        if (!expect_duration(&r.delay_ms)) return false;
      } else if (key == "fail") {
        r.fail = true;
        if (peek().kind == Token::String) r.fail_detail = take().text;
      } else if (key == "timeout") {
        r.timeout = true;
      } else if (key == "write") {
        json w;
        if (!expect_json("the session values the system writes", &w)) return false;
        if (!w.is_object()) {
          diags_.report(DiagId::TestInvalidValue, range(k), {"a session write is a JSON object"});
          return false;
        }
        r.write = std::move(w);
      } else {
        error(k, "unknown part of a mock response: '" + key +
                     "' (status, json, body, delay, fail, timeout, write)");
        return false;
      }
    }
    m.range = line_range();
    r.range = m.range;
    s.mocks.push_back(std::move(m));
    return true;
  }

  bool expect_line(Scenario& s, const Token& t) {
    const Token& k = peek();
    std::string what;
    if (!expect_word("what to expect", &what)) return false;
    if (what == "...") {
      CommandExpect c;
      c.gap = true;
      c.range = line_range();
      s.commands.push_back(std::move(c));
      return true;
    }
    if (is_command_type(what)) {
      CommandExpect c;
      c.type = what;
      if (!at_line_end() &&
          !(peek().kind == Token::Word && peek().text != "contains" && peek().text != "matches" &&
            json::parse(peek().text, nullptr, false).is_discarded())) {
        if (!match(&c.main.emplace())) return false;
      }
      while (!at_line_end()) {
        std::string field;
        if (!expect_word("a field of the command", &field)) return false;
        Match m;
        if (!match(&m)) return false;
        c.fields.emplace_back(field, std::move(m));
      }
      c.range = line_range();
      s.commands.push_back(std::move(c));
      return true;
    }
    if (what == "cti") return cti_line(s, false);
    if (what == "no" && peek().kind == Token::Word && peek().text == "cti") {
      take();
      return cti_line(s, true);
    }
    if (what == "request" || what == "no") {
      RequestExpect r;
      if (what == "no") {
        std::string req;
        const Token& q = peek();
        if (!expect_word("'request'", &req)) return false;
        if (req != "request") {
          error(q, "expected 'request' or 'cti' after 'expect no'");
          return false;
        }
        r.none = true;
      }
      if (!expect_word("the automation's name", &r.name)) return false;
      static const std::set<std::string> kFields{"method", "url", "body", "json", "to", "subject", "text"};
      while (!at_line_end()) {
        if (r.none) {
          error(peek(), "'expect no request NAME' takes nothing more");
          return false;
        }
        const Token& f = peek();
        std::string field;
        if (!expect_word("a part of the request", &field)) return false;
        if (field == "header") {
          std::string h;
          if (!expect_string("the header's name", &h)) return false;
          field = "header:" + h;
        } else if (!kFields.count(field)) {
          error(f, "unknown part of a request: '" + field +
                       "' (method, url, header \"X\", body, json, to, subject, text)");
          return false;
        }
        Match m;
        if (!match(&m)) return false;
        r.fields.emplace_back(field, std::move(m));
      }
      r.range = line_range();
      s.requests.push_back(std::move(r));
      return true;
    }
    if (what == "session") {
      SessionExpect e;
      if (!expect_word("a session variable (ivr.x, app.y, call.z)", &e.name)) return false;
      if (peek().kind == Token::Word && peek().text == "unset") {
        e.match.kind = Match::Kind::Unset;
        e.match.range = range(take());
      } else {
        if (peek().kind == Token::Word && peek().text == "=") take();
        if (!match(&e.match)) return false;
      }
      e.range = line_range();
      s.session.push_back(std::move(e));
      return true;
    }
    if (what == "end") {
      Match m;
      if (!match(&m)) return false;
      s.end_reason = std::move(m);
      return true;
    }
    if (what == "modules") {
      if (!s.modules.empty()) {
        error(k, "the scenario already has an 'expect modules' line");
        return false;
      }
      while (!at_line_end()) {
        std::string m;
        if (!expect_word("a module name", &m)) return false;
        s.modules.push_back(m);
      }
      if (s.modules.empty()) {
        error(peek(), "'expect modules' needs the names of the modules the call goes through");
        return false;
      }
      s.modules_range = line_range();
      return true;
    }
    error(k, "unknown expectation '" + what +
                 "' (a command such as say, '...', request, no request, cti, no cti, session, end, modules)");
    return false;
  }

  // expect cti CONNECTED|DISCONNECTED [agent M] [number M] [reason M] [endpoint M] [params M] [body M],
  // or expect no cti.
  bool cti_line(Scenario& s, bool none) {
    CtiExpect c;
    c.none = none;
    if (none) {
      if (!at_line_end()) {
        error(peek(), "'expect no cti' takes nothing more");
        return false;
      }
    } else {
      const Token& st = peek();
      if (!expect_word("the CTI status (CONNECTED or DISCONNECTED)", &c.status)) return false;
      if (c.status != "CONNECTED" && c.status != "DISCONNECTED") {
        error(st, "unknown CTI status '" + c.status + "' (CONNECTED or DISCONNECTED)");
        return false;
      }
      static const std::set<std::string> kFields{"agent", "number", "reason", "endpoint", "params", "body"};
      while (!at_line_end()) {
        const Token& f = peek();
        std::string field;
        if (!expect_word("a part of the CTI message", &field)) return false;
        if (!kFields.count(field)) {
          error(f, "unknown part of a CTI message: '" + field +
                       "' (agent, number, reason, endpoint, params, body)");
          return false;
        }
        Match m;
        if (!match(&m)) return false;
        c.fields.emplace_back(field, std::move(m));
      }
    }
    c.range = line_range();
    s.cti.push_back(std::move(c));
    return true;
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint32_t file_id_;
  DiagnosticEngine& diags_;
  TestFile& out_;
};

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

std::optional<int64_t> parse_iso_time(std::string_view text) {
  static const std::regex kIso(
      R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, kIso)) return std::nullopt;
  auto num = [&](int i) { return std::stoi(m[i].str()); };
  int y = num(1), mo = num(2), d = num(3), h = num(4), mi = num(5), s = m[6].matched ? num(6) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return std::nullopt;
  int64_t secs = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
                 mi * 60 + s;
  int64_t millis = 0;
  if (m[7].matched) {
    std::string f = m[7].str();
    while (f.size() < 3) f += '0';
    millis = std::stoi(f);
  }
  if (m[8].matched && m[8].str() != "Z") {
    std::string off = m[8].str();
    int oh = std::stoi(off.substr(1, 2)), om = std::stoi(off.substr(4, 2));
    if (oh > 23 || om > 59) return std::nullopt;
    int64_t delta = oh * 3600 + om * 60;
    secs -= off[0] == '+' ? delta : -delta;
  }
  return secs * 1000 + millis;
}

TestFile parse_test_file(const std::string& path, std::string_view bytes, SourceManager& sources,
                         DiagnosticEngine& diags) {
  TestFile out;
  out.path = path;
  out.file_id = sources.add(path, bytes);
  const SourceFile& file = sources.file(out.file_id);
  if (!file.invalid_utf8().empty()) {
    uint32_t at = file.invalid_utf8().front();
    diags.report(DiagId::InvalidUtf8, {out.file_id, at, at + 1});
    return out;
  }
  Lexer lexer(file, out.file_id, diags);
  Parser parser(lexer.run(), out.file_id, diags, out);
  parser.run();
  return out;
}

}  // namespace flowc::flowtest
