// Tests of stdlib/timezone.h: TZif files (the system's, slim ones from testdata/,
// synthetic and corrupted ones), name checks and the cache.
#include "stdlib/timezone.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "tests/unit/stdlib/test_time.h"

namespace flowc::stdlib {
namespace {

namespace fs = std::filesystem;
using testing::utc;

const std::string kSystemDir(kDefaultZoneinfoDir);
// Slim files made by `zic -b slim` from tzdata 2026f.
const std::string kSlimDir = FLOWC_STDLIB_TESTDATA "/zoneinfo";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::shared_ptr<const TimeZone> load_or_skip(const std::string& dir, std::string_view name) {
  std::string error;
  std::shared_ptr<const TimeZone> tz = TimeZone::load(dir, name, &error);
  EXPECT_TRUE(tz) << name << ": " << error;
  return tz;
}

#define REQUIRE_SYSTEM_ZONEINFO()                                                        \
  do {                                                                                   \
    if (!fs::exists(kSystemDir + "/Europe/Berlin")) GTEST_SKIP() << "no " << kSystemDir; \
  } while (0)

// A directory of its own for a test's files, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string name = std::string("flowc_tz_") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                       std::to_string(std::random_device{}());
    path_ = fs::temp_directory_path() / name;
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }
  void write(const std::string& name, std::string_view bytes) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream out(path_ / name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

 private:
  fs::path path_;
};

// Europe/Berlin, America/New_York, Asia/Kolkata, Australia/Lord_Howe and UTC
// behave the same from the system's (fat or slim) files and from slim ones.
void expect_berlin(const TimeZone& tz) {
  EXPECT_EQ(tz.utc_offset(utc(2026, 1, 15)), 3600);
  EXPECT_EQ(tz.utc_offset(utc(2026, 3, 29, 0, 59, 59)), 3600);
  EXPECT_EQ(tz.utc_offset(utc(2026, 3, 29, 1)), 7200);
  EXPECT_EQ(tz.utc_offset(utc(2026, 10, 25, 0, 59, 59)), 7200);
  EXPECT_EQ(tz.utc_offset(utc(2026, 10, 25, 1)), 3600);
  // Beyond any table: the footer's rule.
  EXPECT_EQ(tz.utc_offset(utc(2100, 3, 28, 0, 59, 59)), 3600);
  EXPECT_EQ(tz.utc_offset(utc(2100, 3, 28, 1)), 7200);
  EXPECT_EQ(tz.utc_offset(utc(2100, 10, 31, 0, 59, 59)), 7200);
  EXPECT_EQ(tz.utc_offset(utc(2100, 10, 31, 1)), 3600);
  EXPECT_EQ(tz.utc_offset(utc(9999, 7, 1)), 7200);
  // History: double summer time in 1945, local mean time before 1893.
  EXPECT_EQ(tz.utc_offset(utc(1945, 6, 1)), 3 * 3600);
  EXPECT_EQ(tz.utc_offset(utc(1800, 1, 1)), 3208);
  EXPECT_EQ(tz.utc_offset(std::numeric_limits<int64_t>::min()), 3208);
  int32_t far = tz.utc_offset(std::numeric_limits<int64_t>::max());
  EXPECT_TRUE(far == 3600 || far == 7200);
}

void expect_lord_howe(const TimeZone& tz) {
  EXPECT_EQ(tz.utc_offset(utc(2026, 4, 4, 14, 59, 59)), 11 * 3600);
  EXPECT_EQ(tz.utc_offset(utc(2026, 4, 4, 15)), 10 * 3600 + 1800);
  EXPECT_EQ(tz.utc_offset(utc(2026, 10, 3, 15, 29, 59)), 10 * 3600 + 1800);
  EXPECT_EQ(tz.utc_offset(utc(2026, 10, 3, 15, 30)), 11 * 3600);
  EXPECT_EQ(tz.utc_offset(utc(2100, 1, 1)), 11 * 3600);
  EXPECT_EQ(tz.utc_offset(utc(2100, 7, 1)), 10 * 3600 + 1800);
}

TEST(TimeZone, EuropeBerlin) {
  REQUIRE_SYSTEM_ZONEINFO();
  auto tz = load_or_skip(kSystemDir, "Europe/Berlin");
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->name(), "Europe/Berlin");
  expect_berlin(*tz);
}

TEST(TimeZone, SlimEuropeBerlin) {
  auto tz = load_or_skip(kSlimDir, "Europe/Berlin");
  ASSERT_TRUE(tz);
  expect_berlin(*tz);
}

TEST(TimeZone, AmericaNewYork) {
  REQUIRE_SYSTEM_ZONEINFO();
  auto tz = load_or_skip(kSystemDir, "America/New_York");
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(2026, 3, 8, 6, 59, 59)), -5 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(2026, 3, 8, 7)), -4 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(2026, 11, 1, 5, 59, 59)), -4 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(2026, 11, 1, 6)), -5 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(2100, 1, 1)), -5 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(2100, 7, 1)), -4 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(1800, 1, 1)), -17762);  // local mean time
}

TEST(TimeZone, AsiaKolkata) {
  REQUIRE_SYSTEM_ZONEINFO();
  auto tz = load_or_skip(kSystemDir, "Asia/Kolkata");
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(2026, 1, 1)), 5 * 3600 + 1800);
  EXPECT_EQ(tz->utc_offset(utc(2026, 7, 1)), 5 * 3600 + 1800);
  EXPECT_EQ(tz->utc_offset(utc(2100, 7, 1)), 5 * 3600 + 1800);
  EXPECT_EQ(tz->utc_offset(utc(1900, 1, 1)), 19270);  // Madras time
}

TEST(TimeZone, AustraliaLordHoweHasHalfHourDst) {
  REQUIRE_SYSTEM_ZONEINFO();
  auto tz = load_or_skip(kSystemDir, "Australia/Lord_Howe");
  ASSERT_TRUE(tz);
  expect_lord_howe(*tz);
  auto slim = load_or_skip(kSlimDir, "Australia/Lord_Howe");
  ASSERT_TRUE(slim);
  expect_lord_howe(*slim);
}

TEST(TimeZone, Utc) {
  REQUIRE_SYSTEM_ZONEINFO();
  for (std::string_view name : {"UTC", "Etc/UTC"}) {
    auto tz = load_or_skip(kSystemDir, name);
    ASSERT_TRUE(tz);
    EXPECT_EQ(tz->name(), name);
    for (int64_t t : {utc(1800, 1, 1), utc(2026, 3, 29, 1), utc(2100, 7, 1), int64_t{0}}) {
      EXPECT_EQ(tz->utc_offset(t), 0);
    }
  }
}

TEST(TimeZone, Fixed) {
  auto tz = TimeZone::fixed("X", -5 * 3600);
  EXPECT_EQ(tz->name(), "X");
  EXPECT_EQ(tz->utc_offset(utc(2026, 7, 1)), -5 * 3600);
  EXPECT_EQ(tz->utc_offset(std::numeric_limits<int64_t>::min()), -5 * 3600);
}

TEST(TimeZoneName, AcceptsZoneNames) {
  for (std::string_view name : {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5",
                                "Etc/GMT-14", "America/Port-au-Prince", "EST5EDT"}) {
    EXPECT_TRUE(is_valid_time_zone_name(name)) << name;
  }
  EXPECT_TRUE(is_valid_time_zone_name(std::string(255, 'a')));
}

TEST(TimeZoneName, RejectsEverythingElse) {
  using std::string_literals::operator""s;
  for (std::string name : {""s, "/etc/localtime"s, "../etc/passwd"s, "Europe/../../etc/passwd"s, "Europe/.."s,
                           "Europe/Berlin "s, " UTC"s, "Europe\\Berlin"s, "Europe/Ber.lin"s, "a\0b"s,
                           "Europe/Berlin\n"s, "Europe/Z\xc3\xbcrich"s, "~root"s, std::string(256, 'a')}) {
    EXPECT_FALSE(is_valid_time_zone_name(name)) << name;
    std::string error;
    EXPECT_EQ(TimeZone::load(kSystemDir, name, &error), nullptr) << name;
    EXPECT_EQ(error, "invalid time zone name") << name;
  }
}

TEST(TimeZone, ReportsUnknownZones) {
  std::string error;
  EXPECT_EQ(TimeZone::load(kSystemDir, "Mars/Olympus_Mons", &error), nullptr);
  EXPECT_EQ(error, "unknown time zone 'Mars/Olympus_Mons'");
  EXPECT_EQ(TimeZone::load("/nonexistent/dir", "UTC", &error), nullptr);
  EXPECT_EQ(error, "unknown time zone 'UTC'");
  if (fs::is_directory(kSystemDir + "/Europe")) {
    EXPECT_EQ(TimeZone::load(kSystemDir, "Europe", &error), nullptr);  // a directory
    EXPECT_EQ(error, "unknown time zone 'Europe'");
  }
  EXPECT_EQ(TimeZone::load(kSystemDir, "Mars/Olympus_Mons", nullptr), nullptr);  // no error wanted
}

TEST(TimeZone, RejectsFilesThatAreNotTzif) {
  TempDir dir;
  dir.write("Text", "# not a TZif file\n");
  dir.write("Empty", "");
  dir.write("Huge", std::string("TZif2") + std::string(300 * 1024, '\0'));
  std::string error;
  EXPECT_EQ(TimeZone::load(dir.path(), "Text", &error), nullptr);
  EXPECT_EQ(error, "time zone file 'Text' is malformed: truncated header");
  dir.write("Text", std::string(100, 'x'));
  EXPECT_EQ(TimeZone::load(dir.path(), "Text", &error), nullptr);
  EXPECT_EQ(error, "time zone file 'Text' is malformed: no TZif magic");
  EXPECT_EQ(TimeZone::load(dir.path(), "Empty", &error), nullptr);
  EXPECT_EQ(error, "time zone file 'Empty' is malformed: truncated header");
  EXPECT_EQ(TimeZone::load(dir.path(), "Huge", &error), nullptr);
  EXPECT_EQ(error, "time zone file 'Huge' is too large");
  EXPECT_FALSE(time_zone_exists(dir.path(), "Text"));
}

TEST(TimeZone, Exists) {
  EXPECT_TRUE(time_zone_exists(kSlimDir, "Europe/Berlin"));
  EXPECT_FALSE(time_zone_exists(kSlimDir, "Europe/Paris"));
  EXPECT_FALSE(time_zone_exists(kSlimDir, "../zoneinfo/Europe/Berlin"));
  EXPECT_FALSE(time_zone_exists(kSlimDir, ""));
  if (fs::exists(kSystemDir + "/UTC")) {
    EXPECT_TRUE(time_zone_exists(kSystemDir, "UTC"));
    EXPECT_TRUE(time_zone_exists(kSystemDir, "America/New_York"));
  }
}

// Builds TZif bytes, for the cases real files do not show.
struct TzifSpec {
  struct Type {
    int32_t offset;
    bool dst;
    uint8_t designation = 0;
  };
  char version = '2';
  std::vector<int64_t> times;
  std::vector<uint8_t> indexes;
  std::vector<Type> types = {{0, false}};
  std::string chars = std::string("UTC\0", 4);
  std::string footer = "UTC0";
  bool indicators = false;  // write isstd and isut arrays
};

void put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(v >> shift & 0xFF);
}

void put64(std::string& out, int64_t v) {
  put32(out, static_cast<uint32_t>(static_cast<uint64_t>(v) >> 32));
  put32(out, static_cast<uint32_t>(v));
}

void put_header(std::string& out, char version, const TzifSpec& s, uint32_t timecnt) {
  out += "TZif";
  out += version;
  out.append(15, '\0');
  uint32_t indicator_count = s.indicators ? static_cast<uint32_t>(s.types.size()) : 0;
  put32(out, indicator_count);
  put32(out, indicator_count);
  put32(out, 0);
  put32(out, timecnt);
  put32(out, static_cast<uint32_t>(s.types.size()));
  put32(out, static_cast<uint32_t>(s.chars.size()));
}

void put_block(std::string& out, const TzifSpec& s, bool wide) {
  for (int64_t t : s.times) {
    if (wide) {
      put64(out, t);
    } else {
      put32(out, static_cast<uint32_t>(static_cast<int32_t>(t)));
    }
  }
  for (uint8_t i : s.indexes) out += static_cast<char>(i);
  for (const TzifSpec::Type& t : s.types) {
    put32(out, static_cast<uint32_t>(t.offset));
    out += static_cast<char>(t.dst);
    out += static_cast<char>(t.designation);
  }
  out += s.chars;
  if (s.indicators) out.append(2 * s.types.size(), '\0');
}

std::string build_tzif(const TzifSpec& s) {
  std::string out;
  put_header(out, s.version, s, static_cast<uint32_t>(s.times.size()));
  put_block(out, s, false);
  if (s.version == '\0') return out;
  put_header(out, s.version, s, static_cast<uint32_t>(s.times.size()));
  put_block(out, s, true);
  out += '\n' + s.footer + '\n';
  return out;
}

std::shared_ptr<const TimeZone> parse(const std::string& bytes) {
  std::string error;
  auto tz = TimeZone::from_tzif("Test/Zone", bytes, &error);
  EXPECT_TRUE(tz) << error;
  return tz;
}

std::string parse_error(const std::string& bytes) {
  std::string error;
  EXPECT_EQ(TimeZone::from_tzif("Test/Zone", bytes, &error), nullptr);
  return error;
}

TEST(Tzif, ReadsVersion1Files) {
  TzifSpec s;
  s.version = '\0';
  s.times = {utc(2000, 1, 1), utc(2001, 1, 1)};
  s.indexes = {1, 0};
  s.types = {{3600, false}, {7200, true}};
  s.indicators = true;
  auto tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(1999, 1, 1)), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2000, 1, 1) - 1), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2000, 1, 1)), 7200);
  EXPECT_EQ(tz->utc_offset(utc(2000, 12, 31)), 7200);
  EXPECT_EQ(tz->utc_offset(utc(2001, 1, 1)), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2100, 1, 1)), 3600);  // no footer: the last type stays
}

TEST(Tzif, ReadsVersions2To4) {
  for (char version : {'2', '3', '4'}) {
    TzifSpec s;
    s.version = version;
    s.times = {utc(1990, 1, 1)};
    s.indexes = {0};
    s.types = {{-3 * 3600, false}};
    s.footer = "<-03>3";
    auto tz = parse(build_tzif(s));
    ASSERT_TRUE(tz);
    EXPECT_EQ(tz->utc_offset(utc(2026, 1, 1)), -3 * 3600);
  }
  TzifSpec s;
  s.version = '5';
  EXPECT_EQ(parse_error(build_tzif(s)), "time zone file 'Test/Zone' is malformed: unknown version");
}

TEST(Tzif, UsesTheFirstStandardTypeBeforeTheFirstTransition) {
  TzifSpec s;
  s.times = {utc(2000, 1, 1)};
  s.indexes = {0};
  s.types = {{7200, true}, {3600, false}};
  s.footer = "";
  auto tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(1999, 1, 1)), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2000, 1, 1)), 7200);
  EXPECT_EQ(tz->utc_offset(utc(2100, 1, 1)), 7200);  // empty footer: the last type stays
  s.types = {{7200, true}, {10800, true}};           // all DST: type 0
  tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(1999, 1, 1)), 7200);
}

TEST(Tzif, AcceptsADstFooterWithoutRule) {
  TzifSpec s;
  s.types = {{3600, false}};
  s.footer = "CET-1CEST";  // the US rule by default
  auto tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(2026, 3, 8, 0, 59, 59)), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2026, 3, 8, 1)), 7200);
}

TEST(Tzif, UsesTheFooterForAllTimesWithoutTransitions) {
  TzifSpec s;
  s.types = {{3600, false}};
  s.footer = "CET-1CEST,M3.5.0,M10.5.0/3";
  auto tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(2026, 1, 1)), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2026, 7, 1)), 7200);
  EXPECT_EQ(tz->utc_offset(utc(1900, 7, 1)), 7200);
  s.footer = "";
  tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(2026, 7, 1)), 3600);
}

TEST(Tzif, UsesTheFooterOnlyAfterTheLastTransition) {
  TzifSpec s;
  s.times = {utc(2020, 1, 1), utc(2030, 1, 1)};
  s.indexes = {1, 2};
  s.types = {{0, false}, {5 * 3600, false}, {3600, false}};
  s.footer = "<+06>-6";  // inconsistent on purpose, to see which applies
  auto tz = parse(build_tzif(s));
  ASSERT_TRUE(tz);
  EXPECT_EQ(tz->utc_offset(utc(2019, 1, 1)), 0);
  EXPECT_EQ(tz->utc_offset(utc(2025, 7, 1)), 5 * 3600);
  EXPECT_EQ(tz->utc_offset(utc(2030, 1, 1)), 3600);
  EXPECT_EQ(tz->utc_offset(utc(2030, 1, 1) + 1), 6 * 3600);
}

TEST(Tzif, ReportsMalformedStructures) {
  auto error_of = [](auto change) {
    TzifSpec s;
    s.times = {utc(2000, 1, 1)};
    s.indexes = {0};
    change(s);
    return parse_error(build_tzif(s));
  };
  const std::string prefix = "time zone file 'Test/Zone' is malformed: ";
  EXPECT_EQ(error_of([](TzifSpec& s) { s.indexes = {1}; }), prefix + "local time type index out of range");
  EXPECT_EQ(error_of([](TzifSpec& s) { s.types.clear(); }), prefix + "no local time types");
  EXPECT_EQ(error_of([](TzifSpec& s) { s.chars.clear(); }), prefix + "no time zone designations");
  EXPECT_EQ(error_of([](TzifSpec& s) { s.types[0].designation = 4; }),
            prefix + "designation index out of range");
  EXPECT_EQ(error_of([](TzifSpec& s) { s.types[0].offset = INT32_MIN; }), prefix + "UTC offset out of range");
  EXPECT_EQ(error_of([](TzifSpec& s) { s.types[0].offset = 26 * 3600; }), prefix + "UTC offset out of range");
  EXPECT_EQ(error_of([](TzifSpec& s) {
              s.times = {utc(2001, 1, 1), utc(2000, 1, 1)};
              s.indexes = {0, 0};
            }),
            prefix + "transition times not ascending");
  EXPECT_EQ(error_of([](TzifSpec& s) {
              s.times = {utc(2001, 1, 1), utc(2001, 1, 1)};
              s.indexes = {0, 0};
            }),
            prefix + "transition times not ascending");
  EXPECT_EQ(error_of([](TzifSpec& s) { s.footer = "CET-1CEST,M3.5.0"; }), prefix + "bad TZ string in footer");
}

TEST(Tzif, ReportsBadCountsAndFooters) {
  TzifSpec s;
  s.times = {utc(2000, 1, 1)};
  s.indexes = {0};
  std::string good = build_tzif(s);
  ASSERT_TRUE(parse(good));
  const std::string prefix = "time zone file 'Test/Zone' is malformed: ";
  auto with_count = [&](size_t header_offset, size_t field, uint32_t value) {
    std::string bytes = good;
    std::string v;
    put32(v, value);
    bytes.replace(header_offset + 20 + field * 4, 4, v);
    return bytes;
  };
  size_t second_header = good.find("TZif", 4);
  ASSERT_NE(second_header, std::string::npos);
  for (size_t header : {size_t{0}, second_header}) {
    EXPECT_EQ(parse_error(with_count(header, 0, 7)), prefix + "bad UT/local indicator count");
    EXPECT_EQ(parse_error(with_count(header, 1, 7)), prefix + "bad standard/wall indicator count");
    EXPECT_EQ(parse_error(with_count(header, 3, 0xFFFFFFFF)), prefix + "truncated data block");
    EXPECT_EQ(parse_error(with_count(header, 4, 0xFFFFFFFF)), prefix + "truncated data block");
    EXPECT_EQ(parse_error(with_count(header, 2, 0x40000000)), prefix + "truncated data block");
  }
  EXPECT_EQ(parse_error(good.substr(0, good.size() - 1)), prefix + "unterminated footer");
  size_t footer = good.size() - std::string("\nUTC0\n").size();
  EXPECT_EQ(parse_error(good.substr(0, footer)), prefix + "missing footer");
  std::string no_newline = good;
  no_newline[footer] = 'x';
  EXPECT_EQ(parse_error(no_newline), prefix + "missing footer");
  std::string second_magic = good;
  second_magic[second_header] = 'X';
  EXPECT_EQ(parse_error(second_magic), prefix + "no TZif magic");
}

// Every prefix of a real file, and copies with random bytes changed, give an
// error or a zone, never a crash or a read out of bounds (see the sanitizer build).
TEST(Tzif, SurvivesTruncatedAndCorruptedFiles) {
  std::string fat = fs::exists(kSystemDir + "/Europe/Berlin") ? read_file(kSystemDir + "/Europe/Berlin") : "";
  std::string slim = read_file(kSlimDir + "/Europe/Berlin");
  ASSERT_GT(slim.size(), 500u);
  for (const std::string& original : {fat, slim}) {
    if (original.empty()) continue;
    ASSERT_TRUE(parse(original));
    for (size_t n = 0; n < original.size(); ++n) {
      std::string error;
      EXPECT_EQ(TimeZone::from_tzif("Europe/Berlin", original.substr(0, n), &error), nullptr) << n;
      EXPECT_FALSE(error.empty()) << n;
    }
    size_t second_header = original.find("TZif", 4);
    ASSERT_NE(second_header, std::string::npos);
    std::mt19937 random(8536);
    int parsed = 0, rejected = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string bytes = original;
      int flips = 1 + static_cast<int>(random() % 4);
      for (int k = 0; k < flips; ++k) {
        size_t at = random() % bytes.size();
        // Half the time a counts field of either header, where damage is most dangerous.
        if (random() % 2 == 0) at = (random() % 2 ? 20 : second_header + 20) + random() % 24;
        bytes[at] = static_cast<char>(random());
      }
      std::string error;
      auto tz = TimeZone::from_tzif("Europe/Berlin", bytes, &error);
      if (tz) {
        ++parsed;
        for (int64_t t : {std::numeric_limits<int64_t>::min(), utc(1900, 1, 1), utc(2026, 7, 1),
                          utc(2100, 1, 1), std::numeric_limits<int64_t>::max()}) {
          int32_t offset = tz->utc_offset(t);
          EXPECT_TRUE(offset >= -25 * 3600 && offset <= 26 * 3600) << offset;
        }
      } else {
        ++rejected;
        EXPECT_FALSE(error.empty());
      }
    }
    EXPECT_GT(parsed, 0);
    EXPECT_GT(rejected, 0);
  }
}

TEST(Tzif, LoadsTruncatedFilesFromDiskWithAnError) {
  std::string slim = read_file(kSlimDir + "/Europe/Berlin");
  TempDir dir;
  for (size_t n :
       {size_t{0}, size_t{4}, size_t{43}, size_t{44}, size_t{100}, slim.size() / 2, slim.size() - 1}) {
    dir.write("Europe/Berlin", slim.substr(0, n));
    std::string error;
    EXPECT_EQ(TimeZone::load(dir.path(), "Europe/Berlin", &error), nullptr) << n;
    EXPECT_TRUE(error.starts_with("time zone file 'Europe/Berlin' is malformed: ")) << error;
  }
  dir.write("Europe/Berlin", slim);
  EXPECT_TRUE(TimeZone::load(dir.path(), "Europe/Berlin", nullptr));
}

TEST(TimeZoneCache, ReturnsTheSameZone) {
  TimeZoneCache cache(kSlimDir);
  std::string error;
  auto a = cache.get("Europe/Berlin", &error);
  ASSERT_TRUE(a) << error;
  EXPECT_EQ(cache.get("Europe/Berlin", nullptr), a);
  EXPECT_EQ(a->utc_offset(utc(2026, 7, 1)), 7200);
}

TEST(TimeZoneCache, RemembersMisses) {
  TempDir dir;
  TimeZoneCache cache(dir.path());
  std::string error;
  EXPECT_EQ(cache.get("Europe/Berlin", &error), nullptr);
  EXPECT_EQ(error, "unknown time zone 'Europe/Berlin'");
  dir.write("Europe/Berlin", read_file(kSlimDir + "/Europe/Berlin"));
  error.clear();
  EXPECT_EQ(cache.get("Europe/Berlin", &error), nullptr);  // still the cached miss
  EXPECT_EQ(error, "unknown time zone 'Europe/Berlin'");
  EXPECT_TRUE(TimeZoneCache(dir.path()).get("Europe/Berlin", nullptr));  // a new cache reads it
  EXPECT_EQ(cache.get("../x", &error), nullptr);
  EXPECT_EQ(error, "invalid time zone name");
}

TEST(TimeZoneCache, BoundsTheMissesItRemembers) {
  TempDir dir;
  TimeZoneCache cache(dir.path());
  for (size_t i = 0; i < TimeZoneCache::kMaxMisses + 10; ++i) {
    EXPECT_EQ(cache.get("Nowhere/Zone" + std::to_string(i), nullptr), nullptr);
  }
  // Beyond the bound a miss is looked up again each time.
  std::string late = "Nowhere/Zone" + std::to_string(TimeZoneCache::kMaxMisses + 5);
  dir.write(late, read_file(kSlimDir + "/Europe/Berlin"));
  EXPECT_TRUE(cache.get(late, nullptr));
  EXPECT_EQ(cache.get("Nowhere/Zone0", nullptr), nullptr);
}

TEST(TimeZoneCache, IsSafeAcrossThreads) {
  TimeZoneCache cache(kSlimDir);
  std::vector<std::shared_ptr<const TimeZone>> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&cache, &seen, i] {
      for (int k = 0; k < 200; ++k) {
        seen[i] = cache.get(k % 2 ? "Europe/Berlin" : "Australia/Lord_Howe", nullptr);
        cache.get("No/Such_Zone" + std::to_string(k % 7), nullptr);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& tz : seen) {
    ASSERT_TRUE(tz);
    EXPECT_EQ(tz, seen[0]);
    EXPECT_EQ(tz->name(), "Europe/Berlin");
  }
}

}  // namespace
}  // namespace flowc::stdlib
