// Replays every input the fuzzer ever found a bug with
// (tests/fuzz/regressions/*.flow), and the seed corpus, through the fuzzer's
// own entry point; check_one aborts on the bugs it looks for.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/fuzz/check_one.h"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void replay(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  SCOPED_TRACE(p.string());
  flowc::fuzz::check_one(reinterpret_cast<const uint8_t*>(data.data()), data.size());
}

TEST(FuzzRegressions, EveryRegressionInputPasses) {
  auto files = files_in(FLOWC_SOURCE_DIR "/tests/fuzz/regressions");
  for (const auto& p : files) replay(p);
  RecordProperty("regressions", std::to_string(files.size()));
}

TEST(FuzzRegressions, TheSeedCorpusPasses) {
  auto files = files_in(FLOWC_SOURCE_DIR "/tests/fuzz/corpus");
  EXPECT_GE(files.size(), 10u) << "the seed corpus is missing";
  for (const auto& p : files) replay(p);
}

}  // namespace
