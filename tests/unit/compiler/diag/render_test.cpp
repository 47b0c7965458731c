// Rendering of diagnostics: the text form (location, source line, caret under
// the range, with tabs and multibyte UTF-8) and the JSON form for editors.
#include "compiler/diag/render.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace flowc {
namespace {

// One file, one diagnostic over [begin, end) of it.
struct Fixture {
  SourceManager sm;
  DiagnosticEngine diags;
  uint32_t file;

  explicit Fixture(const std::string& text, const std::string& path = "f.flow") : file(sm.add(path, text)) {}

  std::string one(uint32_t begin, uint32_t end, DiagId id = DiagId::UnknownModule,
                  std::vector<std::string> args = {"x"}) {
    diags.report(id, {file, begin, end}, std::move(args));
    return render_text(sm, diags.sorted());
  }
};

TEST(RenderText, LocationLineAndCaret) {
  Fixture f("flow a\nstart b\nmodule b = play \"x\"\n  next godbye\n");
  // "godbye" starts at line 4, column 8.
  uint32_t begin =
      static_cast<uint32_t>(std::string("flow a\nstart b\nmodule b = play \"x\"\n  next ").size());
  EXPECT_EQ(f.one(begin, begin + 6, DiagId::UnknownModule, {"godbye"}),
            "f.flow:4:8: error: unknown module 'godbye' [FL106]\n"
            " 4 |   next godbye\n"
            "   |        ^~~~~~\n");
}

TEST(RenderText, OneCharacterRangeIsACaretAlone) {
  Fixture f("abc\n");
  EXPECT_EQ(f.one(1, 2), "f.flow:1:2: error: unknown module 'x' [FL106]\n 1 | abc\n   |  ^\n");
}

TEST(RenderText, EmptyRangeIsACaretAlone) {
  Fixture f("abc\n");
  EXPECT_EQ(f.one(3, 3), "f.flow:1:4: error: unknown module 'x' [FL106]\n 1 | abc\n   |    ^\n");
}

TEST(RenderText, RangeOverSeveralLinesStopsAtTheEndOfTheFirst) {
  Fixture f("abc def\nghi\n");
  EXPECT_EQ(f.one(4, 10), "f.flow:1:5: error: unknown module 'x' [FL106]\n 1 | abc def\n   |     ^~~\n");
}

TEST(RenderText, TabsAreShownAsOneSpaceSoTheCaretLinesUp) {
  Fixture f("\t\tnext x\n");
  EXPECT_EQ(f.one(7, 8), "f.flow:1:8: error: unknown module 'x' [FL106]\n 1 |   next x\n   |        ^\n");
}

TEST(RenderText, MultibyteCharactersCountAsOneColumn) {
  // "é" and "日本" are one column each per code point; "x" is code point 10.
  Fixture f("say \"é日本\" x\n");
  std::string out = f.one(10, 11);
  EXPECT_EQ(out, "f.flow:1:11: error: unknown module 'x' [FL106]\n 1 | say \"é日本\" x\n   |           ^\n");
}

TEST(RenderText, CaretUnderAMultibyteRange) {
  Fixture f("next größe\n");
  EXPECT_EQ(f.one(5, 10),
            "f.flow:1:6: error: unknown module 'x' [FL106]\n 1 | next größe\n   |      ^~~~~\n");
}

TEST(RenderText, ControlCharactersAreNotPrinted) {
  Fixture f("a\x1b[31mb\x07\n");
  std::string out = f.one(0, 1);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find('\x07'), std::string::npos) << out;
  EXPECT_NE(out.find(" 1 | a\xEF\xBF\xBD[31mb\xEF\xBF\xBD\n"), std::string::npos) << out;
}

TEST(RenderText, InvalidUtf8IsShownAsReplacementCharacters) {
  Fixture f(
      "ab\xff\xfe"
      "cd\n");
  std::string out = f.one(2, 4, DiagId::InvalidUtf8, {});
  EXPECT_EQ(out,
            "f.flow:1:3: error: invalid UTF-8 byte sequence [FL003]\n"
            " 1 | ab\xEF\xBF\xBD\xEF\xBF\xBD"
            "cd\n"
            "   |   ^~\n");
}

TEST(RenderText, CarriageReturnsAreNotPartOfTheLine) {
  Fixture f("abc\r\ndef\r\n");
  EXPECT_EQ(f.one(5, 8), "f.flow:2:1: error: unknown module 'x' [FL106]\n 2 | def\n   | ^~~\n");
}

TEST(RenderText, WideLineNumbersKeepTheGutterAligned) {
  std::string text;
  for (int i = 0; i < 120; ++i) text += "line\n";
  Fixture f(text);
  uint32_t begin = 119 * 5;
  EXPECT_EQ(f.one(begin, begin + 4),
            "f.flow:120:1: error: unknown module 'x' [FL106]\n 120 | line\n     | ^~~~\n");
}

TEST(RenderText, VeryLongLinesAreCut) {
  Fixture f(std::string(300, 'a') + "\n");
  std::string near_start = f.one(10, 11);
  EXPECT_NE(near_start.find(std::string(200, 'a') + "…\n"), std::string::npos);
  Fixture g(std::string(300, 'a') + "\n");
  std::string far = g.one(250, 251);  // beyond what is shown: no source line
  EXPECT_EQ(far, "f.flow:1:251: error: unknown module 'x' [FL106]\n");
}

TEST(RenderText, NotesAndWarnings) {
  Fixture f("module a = hangup\nmodule a = hangup\n");
  f.diags.report(DiagId::Redefinition, {f.file, 25, 26}, {"a"});
  f.diags.note(DiagId::NoteFirstDefined, {f.file, 7, 8});
  f.diags.report(DiagId::Unreachable, {f.file, 7, 8}, {"a", "s"});
  EXPECT_EQ(render_text(f.sm, f.diags.sorted()),
            "f.flow:1:8: warning: module 'a' is unreachable from start module 's' [FL401]\n"
            " 1 | module a = hangup\n"
            "   |        ^\n"
            "f.flow:2:8: error: redefinition of 'a' [FL105]\n"
            " 2 | module a = hangup\n"
            "   |        ^\n"
            "f.flow:1:8: note: first defined here\n"
            " 1 | module a = hangup\n"
            "   |        ^\n");
}

TEST(RenderText, NoLocationForAFileThatCannotBeRead) {
  SourceManager sm;
  DiagnosticEngine diags;
  diags.report(DiagId::CannotRead, {}, {"x.flow", "no such file or directory"});
  EXPECT_EQ(render_text(sm, diags.sorted()),
            "error: cannot read 'x.flow': no such file or directory [FL001]\n");
}

TEST(RenderText, EmptyFileHasNoSourceLine) {
  Fixture f("");
  EXPECT_EQ(f.one(0, 0), "f.flow:1:1: error: unknown module 'x' [FL106]\n");
}

TEST(RenderText, ColorWrapsThePartsAndResets) {
  Fixture f("abc\n");
  f.diags.report(DiagId::UnknownModule, {f.file, 0, 3}, {"abc"});
  RenderOptions o;
  o.color = true;
  std::string out = render_text(f.sm, f.diags.sorted(), o);
  EXPECT_NE(out.find("\033[1;31merror"), std::string::npos) << out;
  EXPECT_NE(out.find("\033[1;32m^~~\033[0m"), std::string::npos) << out;
  std::string plain = render_text(f.sm, f.diags.sorted());
  EXPECT_EQ(plain.find('\033'), std::string::npos);
}

// ---------------------------------------------------------------- JSON

TEST(RenderJson, Shape) {
  Fixture f("flow a\nstart b\n  next godbye\n");
  f.diags.report(DiagId::UnknownModule, {f.file, 22, 28}, {"godbye"});
  f.diags.did_you_mean({f.file, 22, 28}, "goodbye");
  auto j = nlohmann::json::parse(render_json(f.sm, f.diags.sorted()));
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 1u);
  const auto& d = j[0];
  EXPECT_EQ(d["file"], "f.flow");
  EXPECT_EQ(d["line"], 3);
  EXPECT_EQ(d["column"], 8);
  EXPECT_EQ(d["end_line"], 3);
  EXPECT_EQ(d["end_column"], 14);
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["code"], "FL106");
  EXPECT_EQ(d["message"], "unknown module 'godbye'");
  ASSERT_EQ(d["notes"].size(), 1u);
  EXPECT_EQ(d["notes"][0]["message"], "did you mean 'goodbye'?");
  EXPECT_EQ(d["notes"][0]["line"], 3);
  EXPECT_EQ(d["fix"]["replacement"], "goodbye");
  EXPECT_EQ(d["fix"]["line"], 3);
  EXPECT_EQ(d["fix"]["column"], 8);
  EXPECT_EQ(d["fix"]["end_column"], 14);
}

TEST(RenderJson, EmptyIsAnEmptyArray) {
  SourceManager sm;
  EXPECT_EQ(nlohmann::json::parse(render_json(sm, {})), nlohmann::json::array());
}

TEST(RenderJson, NoLocationHasNoFileFields) {
  SourceManager sm;
  DiagnosticEngine diags;
  diags.report(DiagId::CannotRead, {}, {"x.flow", "gone"});
  auto j = nlohmann::json::parse(render_json(sm, diags.sorted()));
  EXPECT_FALSE(j[0].contains("file"));
  EXPECT_EQ(j[0]["code"], "FL001");
  EXPECT_FALSE(j[0].contains("fix"));
}

TEST(RenderJson, InvalidUtf8InMessagesStaysValidJson) {
  Fixture f("abc\n");
  f.diags.report(DiagId::UnexpectedChar, {f.file, 0, 1}, {"\xff"});
  auto j = nlohmann::json::parse(render_json(f.sm, f.diags.sorted()));
  EXPECT_EQ(j.size(), 1u);
}

TEST(Location, String) {
  Fixture f("a\nbc\n");
  EXPECT_EQ(location_string(f.sm, {f.file, 3, 4}), "f.flow:2:2");
  EXPECT_EQ(location_string(f.sm, {}), "<unknown>");
}

}  // namespace
}  // namespace flowc
