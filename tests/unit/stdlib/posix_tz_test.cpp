// Tests of stdlib/posix_tz.h: TZ strings from TZif footers, parsed and evaluated.
#include "stdlib/posix_tz.h"

#include <limits>

#include <gtest/gtest.h>

#include "tests/unit/stdlib/test_time.h"

namespace flowc::stdlib {
namespace {

using testing::utc;

PosixTz parse(std::string_view s) {
  std::optional<PosixTz> tz = parse_posix_tz(s);
  EXPECT_TRUE(tz) << s;
  return tz.value_or(PosixTz{});
}

TEST(PosixTz, ParsesARuleWithDst) {
  PosixTz tz = parse("CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_EQ(tz.std_name, "CET");
  EXPECT_EQ(tz.std_offset, 3600);
  ASSERT_TRUE(tz.has_dst);
  EXPECT_EQ(tz.dst_name, "CEST");
  EXPECT_EQ(tz.dst_offset, 7200);  // one hour more by default
  EXPECT_EQ(tz.start.kind, PosixTzDate::Kind::kMonthWeekDay);
  EXPECT_EQ(tz.start.month, 3);
  EXPECT_EQ(tz.start.week, 5);
  EXPECT_EQ(tz.start.weekday, 0);
  EXPECT_EQ(tz.start.time, 7200);  // 02:00 by default
  EXPECT_EQ(tz.end.month, 10);
  EXPECT_EQ(tz.end.time, 3 * 3600);
}

TEST(PosixTz, ParsesFixedOffsets) {
  PosixTz india = parse("<+0330>-3:30");
  EXPECT_EQ(india.std_name, "+0330");
  EXPECT_EQ(india.std_offset, 3 * 3600 + 30 * 60);
  EXPECT_FALSE(india.has_dst);
  EXPECT_EQ(parse("UTC0").std_offset, 0);
  EXPECT_EQ(parse("<-03>3").std_offset, -3 * 3600);
  EXPECT_EQ(parse("EST+5").std_offset, -5 * 3600);
  EXPECT_EQ(parse("AAA-1:02:03").std_offset, 3723);
  EXPECT_EQ(parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").dst_offset, 11 * 3600);
}

TEST(PosixTz, ParsesJulianDaysAndExtendedTimes) {
  PosixTz j = parse("AAA3BBB,J60/2:30,J365/25");
  EXPECT_EQ(j.start.kind, PosixTzDate::Kind::kJulian1);
  EXPECT_EQ(j.start.day, 60);
  EXPECT_EQ(j.start.time, 2 * 3600 + 30 * 60);
  EXPECT_EQ(j.end.time, 25 * 3600);
  PosixTz n = parse("AAA3BBB,0/-167,365/+167");
  EXPECT_EQ(n.start.kind, PosixTzDate::Kind::kJulian0);
  EXPECT_EQ(n.start.day, 0);
  EXPECT_EQ(n.start.time, -167 * 3600);
  EXPECT_EQ(n.end.day, 365);
  EXPECT_EQ(n.end.time, 167 * 3600);
  PosixTz israel = parse("IST-2IDT,M3.4.4/26,M10.5.0");
  EXPECT_EQ(israel.start.time, 26 * 3600);
  PosixTz negative = parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  EXPECT_EQ(negative.start.time, -3600);
  EXPECT_EQ(negative.end.time, 0);
}

TEST(PosixTz, DefaultsToTheUsRuleWithoutOne) {
  PosixTz tz = parse("EST5EDT");
  EXPECT_EQ(tz.start.month, 3);
  EXPECT_EQ(tz.start.week, 2);
  EXPECT_EQ(tz.end.month, 11);
  EXPECT_EQ(tz.end.week, 1);
  EXPECT_EQ(utc_offset(tz, utc(2026, 7, 1)), -4 * 3600);
  EXPECT_EQ(utc_offset(tz, utc(2026, 1, 1)), -5 * 3600);
}

TEST(PosixTz, RejectsMalformedStrings) {
  for (const char* s : {"",
                        "UT0",
                        "CET",
                        "CET-",
                        "CET-1CEST,M3.5.0",
                        "CET-1CEST,M3.5.0,",
                        "CET-1CEST,M13.1.0,M10.5.0",
                        "CET-1CEST,M0.1.0,M10.5.0",
                        "CET-1CEST,M3.6.0,M10.5.0",
                        "CET-1CEST,M3.0.0,M10.5.0",
                        "CET-1CEST,M3.5.7,M10.5.0",
                        "CET-1CEST,M3.5,M10.5.0",
                        "AAA3BBB,J0,J365",
                        "AAA3BBB,J366,J1",
                        "AAA3BBB,366,1",
                        "AAA3BBB,1/168,2",
                        "AAA3BBB,1/-168,2",
                        "AAA3BBB,1/1:60,2",
                        "CET-25",
                        "CET-1:60",
                        "CET-1:00:60",
                        "CET-0001",
                        "UTC0 ",
                        " UTC0",
                        "<AB>0",
                        "<+03",
                        "<+0 3>-3",
                        "<>0",
                        "CET-1CEST,M3.5.0,M10.5.0/3x",
                        "CET-1CEST;M3.5.0,M10.5.0",
                        "CET-1CE",
                        "CET-1CEST-",
                        "CET-1CEST-2:",
                        "123-1",
                        "CET\n-1"}) {
    EXPECT_EQ(parse_posix_tz(s), std::nullopt) << s;
  }
}

TEST(PosixTz, EvaluatesEuropeanRules) {
  PosixTz berlin = parse("CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_EQ(utc_offset(berlin, utc(2026, 3, 29, 0, 59, 59)), 3600);
  EXPECT_EQ(utc_offset(berlin, utc(2026, 3, 29, 1)), 7200);
  EXPECT_EQ(utc_offset(berlin, utc(2026, 10, 25, 0, 59, 59)), 7200);
  EXPECT_EQ(utc_offset(berlin, utc(2026, 10, 25, 1)), 3600);
  EXPECT_EQ(utc_offset(berlin, utc(2100, 3, 28, 0, 59, 59)), 3600);
  EXPECT_EQ(utc_offset(berlin, utc(2100, 3, 28, 1)), 7200);
  EXPECT_EQ(utc_offset(berlin, utc(2100, 10, 31, 0, 59, 59)), 7200);
  EXPECT_EQ(utc_offset(berlin, utc(2100, 10, 31, 1)), 3600);
}

TEST(PosixTz, EvaluatesSouthernRules) {
  PosixTz lord_howe = parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  EXPECT_EQ(utc_offset(lord_howe, utc(2026, 4, 4, 14, 59, 59)), 39600);
  EXPECT_EQ(utc_offset(lord_howe, utc(2026, 4, 4, 15)), 37800);
  EXPECT_EQ(utc_offset(lord_howe, utc(2026, 10, 3, 15, 29, 59)), 37800);
  EXPECT_EQ(utc_offset(lord_howe, utc(2026, 10, 3, 15, 30)), 39600);
  EXPECT_EQ(utc_offset(lord_howe, utc(2026, 12, 31, 23, 59, 59)), 39600);
  EXPECT_EQ(utc_offset(lord_howe, utc(2027, 1, 1)), 39600);
}

TEST(PosixTz, EvaluatesJulianDays) {
  // J60 is 1 March in every year; 59 (counting from 0) is 29 February in leap years.
  PosixTz j = parse("AAA3BBB,J60/0,J300/0");
  EXPECT_EQ(utc_offset(j, utc(2028, 3, 1, 2, 59, 59)), -3 * 3600);
  EXPECT_EQ(utc_offset(j, utc(2028, 3, 1, 3)), -2 * 3600);
  EXPECT_EQ(utc_offset(j, utc(2027, 3, 1, 3)), -2 * 3600);
  PosixTz n = parse("AAA3BBB,59/0,299/0");
  EXPECT_EQ(utc_offset(n, utc(2028, 2, 29, 2, 59, 59)), -3 * 3600);
  EXPECT_EQ(utc_offset(n, utc(2028, 2, 29, 3)), -2 * 3600);
  EXPECT_EQ(utc_offset(n, utc(2027, 3, 1, 2, 59, 59)), -3 * 3600);
  EXPECT_EQ(utc_offset(n, utc(2027, 3, 1, 3)), -2 * 3600);
  // J300 = 27 October (non-leap counting); 299 = 27 October in 2027, 26 October in 2028.
  EXPECT_EQ(utc_offset(j, utc(2028, 10, 27, 1, 59, 59)), -2 * 3600);
  EXPECT_EQ(utc_offset(j, utc(2028, 10, 27, 2)), -3 * 3600);
  EXPECT_EQ(utc_offset(n, utc(2028, 10, 26, 2)), -3 * 3600);
  EXPECT_EQ(utc_offset(n, utc(2027, 10, 27, 1, 59, 59)), -2 * 3600);
}

TEST(PosixTz, EvaluatesTimesBeyondADay) {
  // Israel: the Friday before the last Sunday of March at 02:00 = Thursday + 26 hours.
  PosixTz israel = parse("IST-2IDT,M3.4.4/26,M10.5.0");
  EXPECT_EQ(utc_offset(israel, utc(2026, 3, 27, 0)), 3 * 3600);
  EXPECT_EQ(utc_offset(israel, utc(2026, 3, 26, 23, 59, 59)), 2 * 3600);
  // Greenland: changes at -01:00 (the day before, 23:00) and 00:00 local.
  PosixTz nuuk = parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  EXPECT_EQ(utc_offset(nuuk, utc(2026, 3, 29, 0, 59, 59)), -2 * 3600);
  EXPECT_EQ(utc_offset(nuuk, utc(2026, 3, 29, 1)), -3600);
  EXPECT_EQ(utc_offset(nuuk, utc(2026, 10, 25, 0, 59, 59)), -3600);
  EXPECT_EQ(utc_offset(nuuk, utc(2026, 10, 25, 1)), -2 * 3600);
}

TEST(PosixTz, DstAllYear) {
  // RFC 8536 3.3.1: from January 1 00:00 to December 31 24:00 + 1 hour is all year.
  PosixTz tz = parse("EST5EDT,0/0,J365/25");
  for (int64_t t : {utc(2026, 1, 1), utc(2026, 1, 1, 4, 59, 59), utc(2026, 1, 1, 5), utc(2026, 6, 1),
                    utc(2026, 12, 31, 23, 59, 59), utc(2028, 12, 31, 4, 30), utc(2100, 1, 1, 5)}) {
    EXPECT_EQ(utc_offset(tz, t), -4 * 3600) << t;
  }
  // Longer than a year, as in the reference implementation: DST all year as well.
  PosixTz longer = parse("AAA3BBB2,M1.1.0/-167,M12.5.6/167");
  EXPECT_EQ(utc_offset(longer, utc(2026, 6, 1)), -2 * 3600);
  EXPECT_EQ(utc_offset(longer, utc(2027, 1, 3)), -2 * 3600);
}

TEST(PosixTz, HandlesExtremeInstants) {
  PosixTz berlin = parse("CET-1CEST,M3.5.0,M10.5.0/3");
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  for (int64_t t : {kMax, kMin, kMax - 1, kMin + 1, int64_t{0}, int64_t{-1}}) {
    int32_t offset = utc_offset(berlin, t);
    EXPECT_TRUE(offset == 3600 || offset == 7200) << t;
  }
  // 400 Gregorian years later the same instant of the year has the same offset.
  constexpr int64_t k400Years = 146097 * int64_t{86400};
  EXPECT_EQ(utc_offset(berlin, utc(2026, 3, 29, 1) + 1000 * k400Years), 7200);
  EXPECT_EQ(utc_offset(berlin, utc(2026, 3, 29, 1) - 1 + 1000 * k400Years), 3600);
  EXPECT_EQ(utc_offset(berlin, utc(2026, 3, 29, 1) - 5000 * k400Years), 7200);
  EXPECT_EQ(utc_offset(berlin, utc(1600, 7, 1)), 7200);
}

}  // namespace
}  // namespace flowc::stdlib
