// `flowc check` as a user runs it, on bad input generated at test time
// (empty, binary garbage, truncated, 10 MB, deeply nested, 10,000 modules,
// too large, unreadable): exit 0 or 1 with our diagnostics, never a crash,
// a hang or an ANTLR message; and --format json, -W no-FLnnn, --werror.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit = -1;
  std::string out;  // stdout and stderr
  double ms = 0;
};

// Runs flowc with a time limit (coreutils `timeout`: exit 124 is a hang).
Outcome flowc(const std::string& args, bool merge_stderr = true) {
  std::string cmd =
      std::string("timeout 300 '") + FLOWC_BIN + "' " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  Outcome r;
  auto start = std::chrono::steady_clock::now();
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

class CliCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("flowc_cli_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  // Checks a file; the run must end normally with 0 or 1 and no foreign text.
  Outcome check(const std::string& path, const std::string& options = "--no-color") {
    Outcome r = flowc("check " + options + " '" + path + "'");
    EXPECT_TRUE(r.exit == 0 || r.exit == 1) << "exit " << r.exit << "\n" << r.out.substr(0, 3000);
    for (const char* foreign :
         {"mismatched input", "extraneous input", "no viable alternative", "token recognition",
          "Segmentation", "terminate called", "AddressSanitizer", "runtime error:", "Aborted"})
      EXPECT_EQ(r.out.find(foreign), std::string::npos) << foreign << "\n" << r.out.substr(0, 3000);
    return r;
  }

  fs::path dir_;
};

TEST_F(CliCheck, EmptyFile) {
  Outcome r = check(write("empty.flow", ""));
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.out, "checked 1 file (0 flows): no problems\n");
}

TEST_F(CliCheck, BinaryGarbage) {
  std::mt19937 rng(1);
  std::string garbage;
  for (int i = 0; i < 65536; ++i) garbage.push_back(static_cast<char>(rng() & 0xFF));
  Outcome r = check(write("garbage.flow", garbage));
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("[FL003]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 error and 0 warnings in 1 file"), std::string::npos) << r.out;
}

TEST_F(CliCheck, TruncatedFiles) {
  std::ifstream in(FLOWC_SOURCE_DIR "/examples/order_status/order_status.flow");
  std::string full((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(full.size(), 1000u);
  for (size_t cut : {size_t{1}, full.size() / 3, full.size() / 2, full.size() - 40})
    check(write("cut.flow", full.substr(0, cut)));
}

TEST_F(CliCheck, TenMegabyteFiles) {
  std::string modules = "flow big\nstart m0\n";
  for (int i = 0; modules.size() < (10u << 20); ++i)
    modules += "module m" + std::to_string(i) + " = say \"Step " + std::to_string(i) + "\" next m" +
               std::to_string(i + 1) + "\n";
  Outcome a = check(write("modules.flow", modules));
  EXPECT_EQ(a.exit, 1);  // far more definitions than allowed
  EXPECT_NE(a.out.find("[FL011]"), std::string::npos) << a.out.substr(0, 2000);
  std::printf("10 MB of modules: %.0f ms\n", a.ms);

  std::mt19937 rng(2);
  std::string garbage;
  for (int i = 0; i < (10 << 20); ++i) garbage.push_back(static_cast<char>(rng() & 0xFF));
  Outcome b = check(write("garbage.flow", garbage));
  EXPECT_EQ(b.exit, 1);
  std::printf("10 MB of random bytes: %.0f ms\n", b.ms);

  Outcome c = check(
      write("comment.flow", "flow t\nstart m\nmodule m = hangup\n//" + std::string(10 << 20, '-') + "\n"));
  EXPECT_EQ(c.exit, 0) << c.out.substr(0, 2000);
  std::printf("10 MB comment: %.0f ms\n", c.ms);
}

TEST_F(CliCheck, FileOverTheSizeLimit) {
  Outcome r = check(write("huge.flow", std::string(17 << 20, ' ')));
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("file is too large (17825792 bytes; the limit is 16777216) [FL002]"),
            std::string::npos)
      << r.out;
}

TEST_F(CliCheck, DeeplyNestedExpression) {
  Outcome r = check(write("deep.flow", "flow t\nstart m\ntrigger t = " + std::string(200000, '(') + "true" +
                                           std::string(200000, ')') + "\nmodule m = hangup\n"));
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("expression is nested too deeply (the limit is 64) [FL008]"), std::string::npos)
      << r.out.substr(0, 2000);
}

TEST_F(CliCheck, TenThousandModules) {
  std::string src = "flow big\nstart m0\n";
  for (int i = 0; i < 10000; ++i) {
    std::string next = i + 1 < 10000 ? "m" + std::to_string(i + 1) : "m0";
    if (i == 9999) {
      src += "module m9999 = hangup\n";
    } else if (i % 2) {
      src += "module m" + std::to_string(i) + " = set app.v" + std::to_string(i) + " = " + std::to_string(i) +
             " next " + next + "\n";
    } else {
      src += "module m" + std::to_string(i) + " = say \"Step " + std::to_string(i) + "\" next " + next + "\n";
    }
  }
  Outcome r = check(write("modules.flow", src));
  EXPECT_EQ(r.exit, 0) << r.out.substr(0, 2000);
  EXPECT_EQ(r.out, "checked 1 file (1 flow): no problems\n");
  // Reported, never asserted: timings belong to bench/.
  RecordProperty("flowc_check_10000_modules_ms", std::to_string(static_cast<long>(r.ms)));
  std::printf("flowc check, 10,000 modules: %.0f ms (this build)\n", r.ms);
}

TEST_F(CliCheck, UnreadableFile) {
  Outcome r = check((dir_ / "does_not_exist.flow").string());
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out.rfind("error: cannot read '", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("': no such file or directory [FL001]\n"), std::string::npos) << r.out;
}

TEST_F(CliCheck, JsonFormat) {
  std::string path =
      write("two.flow", "flow t\nstart main\nmodule main = say \"x\" next godbye\nmodule goodbye = hangup\n");
  Outcome r = flowc("check --format json '" + path + "'", /*merge_stderr=*/false);
  EXPECT_EQ(r.exit, 1);
  nlohmann::json j = nlohmann::json::parse(r.out);  // stdout is JSON alone
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u) << r.out;
  EXPECT_EQ(j[0]["code"], "FL106");
  EXPECT_EQ(j[0]["severity"], "error");
  EXPECT_EQ(j[0]["file"], path);
  EXPECT_EQ(j[0]["line"], 3);
  EXPECT_EQ(j[0]["column"], 28);
  EXPECT_EQ(j[0]["end_column"], 34);
  EXPECT_EQ(j[0]["message"], "unknown module 'godbye'");
  EXPECT_EQ(j[0]["notes"][0]["message"], "did you mean 'goodbye'?");
  EXPECT_EQ(j[0]["fix"]["replacement"], "goodbye");
  EXPECT_EQ(j[1]["code"], "FL401");
  EXPECT_EQ(j[1]["severity"], "warning");
}

TEST_F(CliCheck, JsonFormatMergesFilesAndIsEmptyWhenClean) {
  std::string clean = write("clean.flow", "flow t\nstart m\nmodule m = hangup\n");
  std::string bad = write("bad.flow", "flow t\nstart m\nmodule m = hangpu\n");
  Outcome a = flowc("check --format json '" + clean + "'", false);
  EXPECT_EQ(a.exit, 0);
  EXPECT_EQ(nlohmann::json::parse(a.out), nlohmann::json::array());
  Outcome b = flowc("check --format json '" + clean + "' '" + bad + "' '" + bad + "'", false);
  EXPECT_EQ(b.exit, 1);
  EXPECT_EQ(nlohmann::json::parse(b.out).size(), 2u) << b.out;
}

TEST_F(CliCheck, WarningsSwitches) {
  std::string path = write("warn.flow", "flow t\nstart m\nmodule m = hangup\nmodule lost = hangup\n");
  Outcome plain = check(path);
  EXPECT_EQ(plain.exit, 0);
  EXPECT_NE(plain.out.find("[FL401]"), std::string::npos);
  Outcome off = check(path, "--no-color -W no-FL401");
  EXPECT_EQ(off.exit, 0);
  EXPECT_EQ(off.out, "checked 1 file (1 flow): no problems\n");
  Outcome werror = check(path, "--no-color --werror");
  EXPECT_EQ(werror.exit, 1);
  EXPECT_NE(werror.out.find("error: module 'lost' is unreachable"), std::string::npos) << werror.out;
  Outcome bad_code = flowc("check -W no-FL106 '" + path + "'");
  EXPECT_EQ(bad_code.exit, 2);  // FL106 is an error, not a warning
}

TEST_F(CliCheck, DirectoryOfFlows) {
  write("a.flow", "flow a\nstart m\nmodule m = hangup\n");
  write("b.flow", "flow b\nstart m\nmodule m = hangup\n");
  Outcome r = check(dir_.string());
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.out, "checked 2 files (2 flows): no problems\n");
}

// What a reload would change: `check NEW --diff OLD`, and the reload options
// of `serve` (bad values are usage errors, exit 2, nothing served).
TEST_F(CliCheck, DiffReportsModulesAddedRemovedChanged) {
  std::string old_file = write("old.flow",
                               "flow f\nstart a\nmodule a = say \"hi\"\n  next b\nmodule b = hangup\n"
                               "module gone = hangup\n");
  std::string new_file = write("new.flow",
                               "flow f\nstart a\nmodule a = say \"hello\"\n  next b\nmodule b   =   hangup\n"
                               "module fresh = hangup\n");
  Outcome r = flowc("check --no-color '" + new_file + "' --diff '" + old_file + "'", false);
  EXPECT_EQ(r.exit, 0) << r.out;
  EXPECT_EQ(r.out,
            "+ module fresh\n- module gone\n~ module a\n"
            "a reload would change modules: 1 added (fresh), 1 removed (gone), 1 changed (a), 1 unchanged\n"
            "calls in a removed module stay on the running version until they end\n");
  r = flowc("check --no-color '" + old_file + "' --diff '" + old_file + "'", false);
  EXPECT_EQ(r.exit, 0);
  EXPECT_NE(r.out.find("a reload would change no module"), std::string::npos) << r.out;
  // A new file that does not check: diagnostics, exit 1, no report.
  std::string broken = write("broken.flow", "flow f\nstart a\nmodule a = say \"hi\"\n  next nowhere\n");
  r = flowc("check --no-color '" + broken + "' --diff '" + old_file + "'");
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("broken.flow:4:8: error:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("a reload would"), std::string::npos) << r.out;
  r = flowc("check --no-color '" + new_file + "' --diff '" + (dir_ / "missing.flow").string() + "'");
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("--diff: cannot read"), std::string::npos) << r.out;
  r = flowc("check '" + new_file + "' '" + old_file + "' --diff '" + old_file + "'");
  EXPECT_EQ(r.exit, 2);
}

TEST_F(CliCheck, ServeReloadOptionsRejectBadValues) {
  std::string f = write("ok.flow", "flow f\nstart a\nmodule a = hangup\n");
  for (const char* bad :
       {"--on-delete forget", "--watch-debounce 2h", "--watch-debounce soon", "--on-delete"}) {
    Outcome r = flowc(std::string("serve '") + f + "' --listen 127.0.0.1:0 " + bad);
    EXPECT_EQ(r.exit, 2) << bad << "\n" << r.out;
  }
}

TEST_F(CliCheck, ServeDryRunReportsWithoutServing) {
  std::string good = write("good.flow", "flow good\nstart a\nmodule a = hangup\n");
  Outcome r = flowc("serve --dry-run '" + good + "'", false);
  EXPECT_EQ(r.exit, 0) << r.out;
  EXPECT_NE(r.out.find("would serve flow good from"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 flow(s) would be served, 0 file(s) would fail"), std::string::npos) << r.out;
  std::string bad = write("bad.flow", "flow bad\nstart a\nmodule a = say \"x\"\n  next nowhere\n");
  r = flowc("serve --dry-run '" + good + "' '" + bad + "'");
  EXPECT_EQ(r.exit, 1) << r.out;
  EXPECT_NE(r.out.find("would not load"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad.flow:4:8: error:"), std::string::npos) << r.out;
  // --server compares with a running server (tests/e2e/reload_e2e_test.cpp):
  // only with --dry-run.
  r = flowc("serve '" + good + "' --server http://127.0.0.1:8080");
  EXPECT_EQ(r.exit, 2) << r.out;
  EXPECT_NE(r.out.find("flowc: --server goes with --dry-run"), std::string::npos) << r.out;
}

}  // namespace
