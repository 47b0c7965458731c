// Tests of stdlib/hours.h: business hours over local time.
#include "stdlib/hours.h"

#include <gtest/gtest.h>

#include "tests/unit/stdlib/test_time.h"

namespace flowc::stdlib {
namespace {

using testing::utc;

constexpr uint8_t kMon = 0, kFri = 4, kSat = 5, kSun = 6;

int64_t ms(int64_t seconds) {
  return seconds * 1000;
}

HoursRange range(uint8_t first, uint8_t last, std::string_view from, std::string_view to) {
  return HoursRange{first, last, parse_time_of_day(from).value(), parse_time_of_day(to).value()};
}

std::shared_ptr<const TimeZone> berlin() {
  std::string error;
  auto tz = TimeZone::load(FLOWC_STDLIB_TESTDATA "/zoneinfo", "Europe/Berlin", &error);
  EXPECT_TRUE(tz) << error;
  return tz;
}

TEST(ParseDay, AcceptsShortAndLongNames) {
  const char* names[][2] = {{"mon", "monday"}, {"tue", "tuesday"},  {"wed", "wednesday"}, {"thu", "thursday"},
                            {"fri", "friday"}, {"sat", "saturday"}, {"sun", "sunday"}};
  for (uint8_t day = 0; day < 7; ++day) {
    EXPECT_EQ(parse_day(names[day][0]), day);
    EXPECT_EQ(parse_day(names[day][1]), day);
    EXPECT_EQ(day_name(day), names[day][0]);
  }
  EXPECT_EQ(day_name(7), "");
}

TEST(ParseDay, RejectsOtherSpellings) {
  for (const char* s : {"", "Mon", "MON", "mo", "mond", "monday ", " mon", "tues", "thur", "sunday\n", "7"}) {
    EXPECT_EQ(parse_day(s), std::nullopt) << s;
  }
}

TEST(ParseTimeOfDay, AcceptsHoursAndMinutes) {
  EXPECT_EQ(parse_time_of_day("00:00"), 0);
  EXPECT_EQ(parse_time_of_day("0:00"), 0);
  EXPECT_EQ(parse_time_of_day("9:00"), 540);
  EXPECT_EQ(parse_time_of_day("09:00"), 540);
  EXPECT_EQ(parse_time_of_day("17:30"), 1050);
  EXPECT_EQ(parse_time_of_day("23:59"), 1439);
  EXPECT_EQ(parse_time_of_day("24:00"), 1440);
}

TEST(ParseTimeOfDay, RejectsEverythingElse) {
  for (const char* s : {"", ":", "24:01", "25:00", "99:00", "9:0", "9:000", "0900", "09:60", ":30", "9:5a",
                        "123:00", "-1:00", " 9:00", "9:00 ", "09.00", "9h00", "+9:00", "\xd9\xa9:00"}) {
    EXPECT_EQ(parse_time_of_day(s), std::nullopt) << s;
  }
}

TEST(FormatTimeOfDay, WritesHoursAndMinutes) {
  EXPECT_EQ(format_time_of_day(0), "00:00");
  EXPECT_EQ(format_time_of_day(540), "09:00");
  EXPECT_EQ(format_time_of_day(1439), "23:59");
  EXPECT_EQ(format_time_of_day(1440), "24:00");
}

TEST(InHours, OfficeHoursInBerlin) {
  auto tz = berlin();
  ASSERT_TRUE(tz);
  // mon-fri 09:00-17:00, sat 10:00-14:00
  std::vector<HoursRange> hours = {range(kMon, kFri, "09:00", "17:00"), range(kSat, kSat, "10:00", "14:00")};
  // Friday 27 March 2026, CET (UTC+1).
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 7, 59, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 8))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 15, 59, 59)) + 999));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 16))));
  // Saturday.
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 8, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 9))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 12, 59))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 13))));
  // Sunday 29 March, the day DST begins: closed all day.
  for (int h = 0; h < 24; ++h) EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 29, h)))) << h;
  // Monday 30 March, CEST (UTC+2): opens at 07:00 UTC now.
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 6, 59, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 7))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 14, 59))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 15))));
  // And back to CET on Monday 26 October.
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 10, 26, 7, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 10, 26, 8))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 10, 26, 15, 59))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 10, 26, 16))));
  // A fixed UTC+1 zone would get the summer Monday wrong.
  auto plus_one = TimeZone::fixed("+01", 3600);
  EXPECT_FALSE(in_hours(hours, *plus_one, ms(utc(2026, 3, 30, 7, 30))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 7, 30))));
}

TEST(InHours, DstChangeDuringTheNight) {
  auto tz = berlin();
  ASSERT_TRUE(tz);
  // sun 01:00-04:00 local: on 29 March 2026 02:00-03:00 does not exist.
  std::vector<HoursRange> hours = {range(kSun, kSun, "01:00", "04:00")};
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 23, 59))));  // 00:59 CET
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 0))));        // 01:00 CET
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 0, 59))));    // 01:59 CET
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 1))));        // 03:00 CEST
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 2))));       // 04:00 CEST
  // On 25 October 2026 02:00-03:00 happens twice: both count.
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 10, 24, 22, 59))));  // 00:59 CEST
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 10, 24, 23))));       // 01:00 CEST
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 10, 25, 0, 30))));    // 02:30 CEST
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 10, 25, 1, 30))));    // 02:30 CET
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 10, 25, 2, 59))));    // 03:59 CET
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 10, 25, 3))));       // 04:00 CET
}

TEST(InHours, RangesPastMidnight) {
  auto tz = TimeZone::fixed("UTC", 0);
  // fri-sat 22:00-02:00: Friday night and Saturday night.
  std::vector<HoursRange> hours = {range(kFri, kSat, "22:00", "02:00")};
  // 2026-03-27 is a Friday.
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 1))));  // Thursday night is not in
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 21, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 22))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 27, 23, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 0))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 1, 59))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 2))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 12))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 28, 23))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 1))));  // Sunday morning, from Saturday night
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 22))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 1))));
  // sun 22:00-06:00 runs into Monday: the week wraps.
  std::vector<HoursRange> sunday_night = {range(kSun, kSun, "22:00", "06:00")};
  EXPECT_TRUE(in_hours(sunday_night, *tz, ms(utc(2026, 3, 30, 5, 59))));
  EXPECT_FALSE(in_hours(sunday_night, *tz, ms(utc(2026, 3, 30, 22))));
}

TEST(InHours, MidnightInTheLocalZone) {
  // Mumbai, UTC+5:30: Monday 00:00-09:00 local is Sunday 18:30 to Monday 03:30 UTC.
  auto tz = TimeZone::fixed("Asia/Kolkata", 5 * 3600 + 1800);
  std::vector<HoursRange> hours = {range(kMon, kMon, "00:00", "09:00")};
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 18, 29, 59))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 29, 18, 30))));
  EXPECT_TRUE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 3, 29))));
  EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 30, 3, 30))));
}

TEST(InHours, WrappingDays) {
  auto tz = TimeZone::fixed("UTC", 0);
  std::vector<HoursRange> hours = {range(kSat, kMon, "10:00", "11:00")};  // sat, sun, mon
  // 2026-03-28 is a Saturday.
  for (int d = 0; d < 7; ++d) {
    bool expected = d <= 2;
    EXPECT_EQ(in_hours(hours, *tz, ms(utc(2026, 3, 28 + d, 10, 30))), expected) << d;
    EXPECT_FALSE(in_hours(hours, *tz, ms(utc(2026, 3, 28 + d, 11))));
  }
}

TEST(InHours, WholeAndEmptyDays) {
  auto tz = TimeZone::fixed("UTC", 0);
  std::vector<HoursRange> all_week = {range(kMon, kSun, "00:00", "24:00")};
  std::vector<HoursRange> empty = {range(kMon, kSun, "09:00", "09:00")};
  for (int64_t t = utc(2026, 3, 23); t < utc(2026, 3, 30); t += 1800) {
    EXPECT_TRUE(in_hours(all_week, *tz, ms(t)));
    EXPECT_FALSE(in_hours(empty, *tz, ms(t)));
    EXPECT_FALSE(in_hours({}, *tz, ms(t)));
  }
  EXPECT_TRUE(in_hours(all_week, *tz, ms(utc(2026, 3, 29, 23, 59, 59)) + 999));
}

TEST(InHours, InstantsBefore1970) {
  auto tz = TimeZone::fixed("UTC", 0);
  // 1969-12-31 was a Wednesday.
  std::vector<HoursRange> hours = {range(2, 2, "23:00", "24:00")};
  EXPECT_TRUE(in_hours(hours, *tz, -1));
  EXPECT_TRUE(in_hours(hours, *tz, -1800 * 1000));
  EXPECT_FALSE(in_hours(hours, *tz, 0));
  EXPECT_FALSE(in_hours(hours, *tz, -3600 * 1000 - 1));
  EXPECT_TRUE(in_hours({range(3, 3, "00:00", "00:01")}, *tz, 0));  // Thursday 1 January 1970
  auto minus_five = TimeZone::fixed("EST", -5 * 3600);
  EXPECT_TRUE(in_hours({range(2, 2, "19:00", "19:01")}, *minus_five, 0));
}

TEST(InHours, ExtremeInstantsDoNotOverflow) {
  auto tz = berlin();
  ASSERT_TRUE(tz);
  std::vector<HoursRange> all_week = {range(kMon, kSun, "00:00", "24:00")};
  EXPECT_TRUE(in_hours(all_week, *tz, std::numeric_limits<int64_t>::max()));
  EXPECT_TRUE(in_hours(all_week, *tz, std::numeric_limits<int64_t>::min()));
}

}  // namespace
}  // namespace flowc::stdlib
