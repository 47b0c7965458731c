// The diagnostic engine: sorting by location, the error limit, switching
// warnings off or making them errors, notes, fixes, and name suggestions.
#include <gtest/gtest.h>

#include "compiler/diag/diagnostic.h"

namespace flowc {
namespace {

SourceRange at(uint32_t file, uint32_t begin) {
  return {file, begin, begin + 1};
}

std::vector<std::string> codes_of(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.code());
  return out;
}

TEST(Engine, SortedByFileThenPositionThenCode) {
  DiagnosticEngine e;
  e.report(DiagId::UnknownModule, at(2, 5), {"a"});
  e.report(DiagId::Unreachable, at(1, 9), {"a", "b"});
  e.report(DiagId::UnknownName, at(1, 3), {"a"});
  e.report(DiagId::UnknownModule, at(1, 3), {"b"});
  EXPECT_EQ(codes_of(e.sorted()), (std::vector<std::string>{"FL106", "FL109", "FL401", "FL106"}));
  // all() keeps the order of reporting.
  EXPECT_EQ(codes_of(e.all()), (std::vector<std::string>{"FL106", "FL401", "FL109", "FL106"}));
}

TEST(Engine, SortIsStableForEqualKeys) {
  DiagnosticEngine e;
  e.report(DiagId::UnknownModule, at(1, 3), {"first"});
  e.report(DiagId::UnknownModule, at(1, 3), {"second"});
  auto s = e.sorted();
  EXPECT_EQ(s[0].message, "unknown module 'first'");
  EXPECT_EQ(s[1].message, "unknown module 'second'");
}

TEST(Engine, CountsErrorsAndWarnings) {
  DiagnosticEngine e;
  e.report(DiagId::UnknownModule, at(1, 1), {"a"});
  e.report(DiagId::Unreachable, at(1, 2), {"a", "b"});
  e.report(DiagId::Unused, at(1, 3), {"let", "x"});
  EXPECT_EQ(e.error_count(), 1u);
  EXPECT_EQ(e.warning_count(), 2u);
  EXPECT_TRUE(e.has_errors());
}

TEST(Engine, ErrorLimitAddsOneMarkerAndKeepsItLast) {
  DiagnosticEngine e(3);
  for (uint32_t i = 0; i < 10; ++i)
    e.report(DiagId::UnknownModule, at(1, 100 - i), {"m" + std::to_string(i)});
  e.report(DiagId::Unreachable, at(1, 0), {"a", "b"});  // warnings still count after the limit
  auto s = e.sorted();
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(e.error_count(), 3u);
  EXPECT_TRUE(e.error_limit_reached());
  EXPECT_EQ(std::string(s.back().code()), "FL009");
  EXPECT_EQ(s.back().message, "too many errors (the limit is 3); stopping here");
  EXPECT_EQ(std::string(s.front().code()), "FL401");
}

TEST(Engine, NotesOfADroppedDiagnosticAreDropped) {
  DiagnosticEngine e(1);
  e.report(DiagId::UnknownModule, at(1, 1), {"a"});
  e.report(DiagId::UnknownModule, at(1, 2), {"b"});  // dropped
  e.note(DiagId::NoteDidYouMean, at(1, 2), {"c"});
  e.did_you_mean(at(1, 2), "d");
  for (const auto& d : e.all()) {
    EXPECT_TRUE(d.notes.empty()) << d.message;
    EXPECT_FALSE(d.fix) << d.message;
  }
}

TEST(Engine, DisabledWarningIsNotReportedNorCounted) {
  DiagnosticEngine e;
  e.disable(DiagId::Unreachable);
  e.report(DiagId::Unreachable, at(1, 1), {"a", "b"});
  e.note(DiagId::NoteText, at(1, 1), {"dropped with it"});
  e.report(DiagId::Unused, at(1, 2), {"let", "x"});
  ASSERT_EQ(e.all().size(), 1u);
  EXPECT_EQ(std::string(e.all()[0].code()), "FL409");
  EXPECT_TRUE(e.all()[0].notes.empty());
  EXPECT_EQ(e.warning_count(), 1u);
}

TEST(Engine, ErrorsCannotBeDisabled) {
  DiagnosticEngine e;
  e.disable(DiagId::UnknownModule);
  e.report(DiagId::UnknownModule, at(1, 1), {"a"});
  EXPECT_EQ(e.error_count(), 1u);
}

TEST(Engine, WarningsAsErrors) {
  DiagnosticEngine e;
  e.set_warnings_as_errors(true);
  e.report(DiagId::Unreachable, at(1, 1), {"a", "b"});
  ASSERT_EQ(e.all().size(), 1u);
  EXPECT_EQ(e.all()[0].severity, Severity::Error);
  EXPECT_EQ(std::string(e.all()[0].code()), "FL401");  // keeps its own code
  EXPECT_EQ(e.error_count(), 1u);
  EXPECT_EQ(e.warning_count(), 0u);
}

TEST(Engine, DisabledWinsOverWarningsAsErrors) {
  DiagnosticEngine e;
  e.set_warnings_as_errors(true);
  e.disable(DiagId::Unreachable);
  e.report(DiagId::Unreachable, at(1, 1), {"a", "b"});
  EXPECT_TRUE(e.all().empty());
  EXPECT_FALSE(e.has_errors());
}

TEST(Engine, DidYouMeanAddsANoteAndAFix) {
  DiagnosticEngine e;
  e.report(DiagId::UnknownModule, {1, 10, 16}, {"godbye"});
  e.did_you_mean({1, 10, 16}, "goodbye");
  const Diagnostic& d = e.all()[0];
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "did you mean 'goodbye'?");
  ASSERT_TRUE(d.fix);
  EXPECT_EQ(d.fix->replacement, "goodbye");
  EXPECT_EQ(d.fix->range.begin, 10u);
  EXPECT_EQ(d.fix->range.end, 16u);
}

TEST(Engine, NoSuggestionNoNote) {
  DiagnosticEngine e;
  e.report(DiagId::UnknownModule, at(1, 1), {"x"});
  e.did_you_mean(at(1, 1), "");
  EXPECT_TRUE(e.all()[0].notes.empty());
  EXPECT_FALSE(e.all()[0].fix);
}

TEST(Format, Placeholders) {
  EXPECT_EQ(format_message("'{0}' takes {1}, but {2} given", {"len", "1 argument", "2"}),
            "'len' takes 1 argument, but 2 given");
  EXPECT_EQ(format_message("{0}{0}", {"ab"}), "abab");
  EXPECT_EQ(format_message("missing {1}", {"a"}), "missing ");
  EXPECT_EQ(format_message("braces {x} and {", {}), "braces {x} and {");
}

TEST(Codes, LookUp) {
  EXPECT_EQ(diag_by_code("FL106"), DiagId::UnknownModule);
  EXPECT_FALSE(diag_by_code("FL000"));
  EXPECT_FALSE(diag_by_code(""));
  EXPECT_EQ(diag_info(DiagId::Unreachable).severity, Severity::Warning);
}

TEST(ClosestName, WithinAThirdOfTheLength) {
  EXPECT_EQ(closest_name("godbye", {"goodbye", "welcome"}), "goodbye");
  EXPECT_EQ(closest_name("welcom", {"goodbye", "welcome"}), "welcome");
  EXPECT_EQ(closest_name("xyz", {"goodbye", "welcome"}), "");
  EXPECT_EQ(closest_name("same", {"same"}), "");  // never the name itself
  EXPECT_EQ(closest_name("a", {"b"}), "b");       // short names: one edit
  EXPECT_EQ(closest_name("ab", {"cd"}), "");
  EXPECT_EQ(closest_name("anything", {}), "");
}

}  // namespace
}  // namespace flowc
