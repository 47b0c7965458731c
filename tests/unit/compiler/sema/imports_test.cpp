// Imports through the driver's FileSystem (in memory here): relative paths,
// each file loaded once, cycles, missing files, what a library may hold, and
// names shared across files.
#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::compile_source;
using test::has_code;
using test::MemoryFileSystem;
using test::rendered;

const char* kFlowUsingVip =
    "flow t\nstart main\nimport \"lib/vip.flow\"\n"
    "module main = play \"a.wav\" on enter notify wait vip up to 2s next bye\nmodule bye = hangup\n";

TEST(Imports, DefinitionsOfALibraryAreVisible) {
  MemoryFileSystem fs{{"lib/vip.flow",
                       "expect ivr.vip: bool\ntrigger vip = ivr.vip == true\n"
                       "automation notify = post \"https://crm.example.com/vip\" json { id: call.id }\n"}};
  Compilation c = compile_source(kFlowUsingVip, fs);
  EXPECT_TRUE(c.ok()) << rendered(c);
  ASSERT_EQ(c.files.size(), 2u);
  ASSERT_TRUE(c.flow);
  EXPECT_EQ(c.flow->triggers.size(), 1u);
}

TEST(Imports, PathsAreRelativeToTheImportingFile) {
  MemoryFileSystem fs{{"lib/vip.flow",
                       "import \"common/base.flow\"\ntrigger vip = ivr.vip == true\n"
                       "automation notify = get \"https://x.example\"\n"},
                      {"lib/common/base.flow", "expect ivr.vip: bool\n"}};
  Compilation c = compile_source(kFlowUsingVip, fs);
  EXPECT_TRUE(c.ok()) << rendered(c);
  EXPECT_EQ(c.files.size(), 3u);
}

TEST(Imports, ParentDirectories) {
  MemoryFileSystem fs{{"flows/main.flow",
                       "flow t\nstart main\nimport \"../shared/x.flow\"\n"
                       "module main = play \"a.wav\" wait ready up to 1s next bye\nmodule bye = hangup\n"},
                      {"shared/x.flow", "trigger ready = call.id is set\n"}};
  Compilation c = compile_file("flows/main.flow", fs, test::test_options());
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST(Imports, ADiamondLoadsTheSharedFileOnce) {
  MemoryFileSystem fs{{"a.flow", "import \"common.flow\"\ntrigger ta = shared\n"},
                      {"b.flow", "import \"common.flow\"\ntrigger tb = shared\n"},
                      {"common.flow", "trigger shared = call.id is set\n"}};
  Compilation c = compile_source(
      "flow t\nstart main\nimport \"a.flow\"\nimport \"b.flow\"\n"
      "module main = switch { when ta -> bye when tb -> bye after -> bye }\nmodule bye = hangup\n",
      fs);
  EXPECT_TRUE(c.ok()) << rendered(c);
  EXPECT_EQ(c.files.size(), 4u);  // main, a, common, b: common once
}

TEST(Imports, MissingFileIsReportedAtTheImport) {
  Compilation c = compile_source(test::flow_with("import \"nowhere.flow\""));
  ASSERT_TRUE(has_code(c, "FL110")) << rendered(c);
  auto d = c.diags.sorted()[0];
  EXPECT_EQ(d.message, "cannot import 'nowhere.flow': no such file or directory");
  EXPECT_EQ(c.sources.file(d.range.file).path(), "main.flow");
  EXPECT_EQ(c.sources.file(d.range.file).slice(d.range.begin, d.range.end), "\"nowhere.flow\"");
}

TEST(Imports, CycleIsReportedOnceWhereItCloses) {
  MemoryFileSystem fs{{"a.flow", "import \"b.flow\"\ntrigger ta = call.id is set\n"},
                      {"b.flow", "import \"a.flow\"\ntrigger tb = call.id is set\n"}};
  Compilation c = compile_source(test::flow_with("import \"a.flow\""), fs);
  auto all = test::codes(c);
  EXPECT_EQ(std::count(all.begin(), all.end(), "FL111"), 1) << rendered(c);
  auto d = c.diags.sorted()[0];
  EXPECT_EQ(c.sources.file(d.range.file).path(), "b.flow");
}

TEST(Imports, SelfImportIsACycle) {
  Compilation c = compile_source(test::flow_with("import \"main.flow\""));
  EXPECT_TRUE(has_code(c, "FL111")) << rendered(c);
}

TEST(Imports, LibraryMayNotHoldFlowItems) {
  MemoryFileSystem fs{{"lib.flow",
                       "flow other\nstart x\nnumbers \"+4940999\"\ntimezone \"UTC\"\n"
                       "cti nexj \"https://x.example\"\nmodule x = hangup\n"}};
  Compilation c = compile_source(test::flow_with("import \"lib.flow\""), fs);
  auto all = test::codes(c);
  EXPECT_EQ(std::count(all.begin(), all.end(), "FL112"), 6) << rendered(c);
}

TEST(Imports, RedefinitionAcrossFilesPointsAtBoth) {
  MemoryFileSystem fs{{"lib.flow", "trigger vip = call.id is set\n"}};
  Compilation c = compile_source(test::flow_with("import \"lib.flow\"\ntrigger vip = call.from is set"), fs);
  ASSERT_TRUE(has_code(c, "FL105")) << rendered(c);
  for (const auto& d : c.diags.sorted()) {
    if (std::string(d.code()) != "FL105") continue;
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_NE(d.range.file, d.notes[0].range.file) << "the note must point into the other file";
  }
}

TEST(Imports, UnusedDefinitionsOfALibraryAreNotReported) {
  MemoryFileSystem fs{
      {"lib.flow", "let a = 1\ntrigger t = call.id is set\nautomation x = get \"https://x.example\"\n"}};
  Compilation c = compile_source(test::flow_with("import \"lib.flow\""), fs);
  EXPECT_FALSE(has_code(c, "FL409")) << rendered(c);
}

TEST(Imports, ALibraryOnItsOwnChecksButIsNotLowered) {
  MemoryFileSystem fs{{"lib.flow", "expect ivr.vip: bool\ntrigger vip = ivr.vip == true\n"}};
  Compilation c = compile_file("lib.flow", fs, test::test_options());
  EXPECT_TRUE(c.ok()) << rendered(c);
  ASSERT_TRUE(c.checked);
  EXPECT_FALSE(c.checked->is_flow);
  EXPECT_FALSE(c.flow);
}

TEST(Imports, TooLargeImport) {
  MemoryFileSystem fs{{"lib.flow", std::string(2000, ' ')}};
  CompileOptions o = test::test_options();
  o.limits.max_file_bytes = 1000;
  Compilation c = compile_source(test::flow_with("import \"lib.flow\""), fs, o);
  EXPECT_TRUE(has_code(c, "FL002")) << rendered(c);
}

TEST(Imports, UnreadableMainFileHasNoLocation) {
  MemoryFileSystem fs;
  Compilation c = compile_file("missing.flow", fs, test::test_options());
  ASSERT_EQ(c.diags.all().size(), 1u);
  EXPECT_EQ(std::string(c.diags.all()[0].code()), "FL001");
  EXPECT_EQ(rendered(c), "error: cannot read 'missing.flow': no such file or directory [FL001]\n");
}

}  // namespace
}  // namespace flowc
