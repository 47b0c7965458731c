// Tests of stdlib/text.h: the string built-ins and template escaping.
#include "stdlib/text.h"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace flowc::stdlib {
namespace {

using std::string_literals::operator""s;

TEST(Digits, KeepsOnlyAsciiDigits) {
  EXPECT_EQ(digits("+49 (30) 123-456"), "4930123456");
  EXPECT_EQ(digits(""), "");
  EXPECT_EQ(digits("abc"), "");
  EXPECT_EQ(digits("\xd9\xa1\xd9\xa2 7"), "7");  // Arabic-Indic digits are not ASCII digits
  EXPECT_EQ(digits("1\xff"
                   "2\x80"
                   "3"),
            "123");
  EXPECT_EQ(digits("0\0"
                   "9"s),
            "09");
}

TEST(E164, KeepsAnInternationalNumber) {
  EXPECT_EQ(e164("+49 30 1234"), "+49301234");
  EXPECT_EQ(e164("  +1 (212) 555-0100"), "+12125550100");
  EXPECT_EQ(e164("+49 (0)30 1234"), "+49301234");
  EXPECT_EQ(e164("+49(0)301234"), "+49301234");
  EXPECT_EQ(e164("+1 212 555 0100", "49"), "+12125550100");  // the default country is not used
}

TEST(E164, TreatsDoubleZeroAsTheInternationalPrefix) {
  EXPECT_EQ(e164("0049301234"), "+49301234");
  EXPECT_EQ(e164("00 49 30 1234", "1"), "+49301234");
  EXPECT_EQ(e164("0049 (0)30 1234"), "+49301234");
}

TEST(E164, AddsTheDefaultCountryAndDropsOneTrunkZero) {
  EXPECT_EQ(e164("030 1234", "49"), "+49301234");
  EXPECT_EQ(e164("030 1234", "+49"), "+49301234");
  EXPECT_EQ(e164("030 1234", " 49 "), "+49301234");
  EXPECT_EQ(e164("30 1234", "49"), "+49301234");
  EXPECT_EQ(e164("(0)30 1234", "49"), "+49301234");
  EXPECT_EQ(e164("212 555 0100", "1"), "+12125550100");
  EXPECT_EQ(e164("01", "49"), "+491");
  EXPECT_EQ(e164("0", "49"), std::nullopt);  // "+49": too short
}

TEST(E164, WithoutCountryTakesTheDigitsAsTheyAre) {
  EXPECT_EQ(e164("49 30 1234"), "+49301234");
  EXPECT_EQ(e164("030 1234"), "+0301234");
  EXPECT_EQ(e164("49+30"), "+4930");  // a '+' after the first digit is no prefix
}

TEST(E164, RejectsWhatCannotBeANumber) {
  EXPECT_EQ(e164(""), std::nullopt);
  EXPECT_EQ(e164("+"), std::nullopt);
  EXPECT_EQ(e164("anonymous"), std::nullopt);
  EXPECT_EQ(e164("+12"), std::nullopt);  // fewer than 3 digits
  EXPECT_EQ(e164("+123"), "+123");
  EXPECT_EQ(e164("+123456789012345"), "+123456789012345");  // 15 digits
  EXPECT_EQ(e164("+1234567890123456"), std::nullopt);       // 16 digits
  EXPECT_EQ(e164("00"), std::nullopt);
  EXPECT_EQ(e164("0012"), std::nullopt);
  EXPECT_EQ(e164("12"), std::nullopt);
  EXPECT_EQ(e164("01", "4"), std::nullopt);
}

TEST(E164, RejectsABadDefaultCountryWhenItIsNeeded) {
  EXPECT_EQ(e164("030 1234", "0"), std::nullopt);
  EXPECT_EQ(e164("030 1234", "049"), std::nullopt);
  EXPECT_EQ(e164("030 1234", "1234"), std::nullopt);
  EXPECT_EQ(e164("030 1234", "de"), std::nullopt);
  EXPECT_EQ(e164("030 1234", "+"), std::nullopt);
  EXPECT_EQ(e164("+49 30 1234", "de"), "+49301234");  // not needed
}

TEST(StartsEndsContains, HandleEmptyAndLongerParts) {
  EXPECT_TRUE(starts_with("hello", "he"));
  EXPECT_TRUE(starts_with("hello", ""));
  EXPECT_TRUE(starts_with("", ""));
  EXPECT_FALSE(starts_with("he", "hello"));
  EXPECT_FALSE(starts_with("hello", "He"));
  EXPECT_TRUE(ends_with("hello", "llo"));
  EXPECT_TRUE(ends_with("hello", ""));
  EXPECT_FALSE(ends_with("lo", "hello"));
  EXPECT_TRUE(contains("hello", "ell"));
  EXPECT_TRUE(contains("hello", ""));
  EXPECT_TRUE(contains("", ""));
  EXPECT_FALSE(contains("", "a"));
  EXPECT_FALSE(contains("hello", "elo"));
  EXPECT_TRUE(contains("a\0b"s, "\0"s));
}

TEST(Length, CountsCodePoints) {
  EXPECT_EQ(length(""), 0u);
  EXPECT_EQ(length("abc"), 3u);
  EXPECT_EQ(length("\xc3\xa4\xc3\xb6\xc3\xbc"), 3u);  // äöü
  EXPECT_EQ(length("\xe2\x82\xac"), 1u);              // €
  EXPECT_EQ(length("\xf0\x9f\x98\x80"), 1u);          // 😀
  EXPECT_EQ(length("a\0b"s), 3u);
}

TEST(Length, CountsEveryInvalidByteAsOne) {
  EXPECT_EQ(length("\xff"), 1u);
  EXPECT_EQ(length("a\xff"
                   "b"),
            3u);
  EXPECT_EQ(length("\x80"), 1u);      // a lone continuation byte
  EXPECT_EQ(length("\xe2\x82"), 2u);  // a truncated sequence
  EXPECT_EQ(length("\xe2\x82"
                   "a"),
            3u);
  EXPECT_EQ(length("\xc0\xaf"), 2u);              // overlong '/'
  EXPECT_EQ(length("\xe0\x80\xaf"), 3u);          // overlong
  EXPECT_EQ(length("\xed\xa0\x80"), 3u);          // a surrogate
  EXPECT_EQ(length("\xf4\x90\x80\x80"), 4u);      // above U+10FFFF
  EXPECT_EQ(length("\xf4\x8f\xbf\xbf"), 1u);      // U+10FFFF
  EXPECT_EQ(length("\xf8\x88\x80\x80\x80"), 5u);  // 5-byte forms are not UTF-8
}

TEST(LowerUpper, ChangeAsciiLettersOnly) {
  EXPECT_EQ(lower("HeLLo, World 42"), "hello, world 42");
  EXPECT_EQ(upper("HeLLo, World 42"), "HELLO, WORLD 42");
  EXPECT_EQ(lower("\xc3\x84"
                  "BC"),
            "\xc3\x84"
            "bc");  // Ä stays
  EXPECT_EQ(upper("stra\xc3\x9f"
                  "e"),
            "STRA\xc3\x9f"
            "E");
  EXPECT_EQ(upper("a\xff"
                  "b"),
            "A\xff"
            "B");
  EXPECT_EQ(lower(""), "");
  EXPECT_EQ(upper("@[`{"), "@[`{");
}

TEST(Trim, RemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(trim(" \t\n a b \r\v\f"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim("\xc2\xa0x\xc2\xa0"), "\xc2\xa0x\xc2\xa0");  // no-break space is not ASCII
  EXPECT_EQ(trim("\0x\0"s), "\0x\0"s);
}

TEST(Substr, CountsCodePoints) {
  EXPECT_EQ(substr("hello", 1, 3), "ell");
  EXPECT_EQ(substr("hello", 0, std::nullopt), "hello");
  EXPECT_EQ(substr("hello", 2, std::nullopt), "llo");
  EXPECT_EQ(substr("\xc3\xa4\xc3\xb6\xc3\xbc\xe2\x82\xac"
                   "x",
                   1, 2),
            "\xc3\xb6\xc3\xbc");
  EXPECT_EQ(substr("\xf0\x9f\x98\x80"
                   "ab",
                   0, 1),
            "\xf0\x9f\x98\x80");
  EXPECT_EQ(substr("a\xff"
                   "b",
                   1, 1),
            "\xff");
  EXPECT_EQ(substr("\xe2\x82"
                   "a",
                   1, 2),
            "\x82"
            "a");
}

TEST(Substr, CountsNegativeStartsFromTheEnd) {
  EXPECT_EQ(substr("hello", -3, std::nullopt), "llo");
  EXPECT_EQ(substr("hello", -3, 2), "ll");
  EXPECT_EQ(substr("hello", -10, 2), "he");
  EXPECT_EQ(substr("h\xc3\xa9llo", -4, 1), "\xc3\xa9");
}

TEST(Substr, ClampsAndTruncates) {
  EXPECT_EQ(substr("hello", 5, 1), "");
  EXPECT_EQ(substr("hello", 10, 1), "");
  EXPECT_EQ(substr("hello", 1, 100), "ello");
  EXPECT_EQ(substr("hello", 1, 0), "");
  EXPECT_EQ(substr("hello", 1, -1), "");
  EXPECT_EQ(substr("hello", 1.9, 2.9), "el");
  EXPECT_EQ(substr("hello", -1.5, std::nullopt), "o");  // truncated to -1
  EXPECT_EQ(substr("hello", -0.5, 2), "he");            // truncated to 0
  EXPECT_EQ(substr("", 0, 1), "");
  EXPECT_EQ(substr("", -1, std::nullopt), "");
  double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(substr("hello", -inf, 2), "he");
  EXPECT_EQ(substr("hello", inf, 2), "");
  EXPECT_EQ(substr("hello", 1, inf), "ello");
  EXPECT_EQ(substr("hello", 1e300, 1e300), "");
  EXPECT_EQ(substr("hello", -1e300, 1e300), "hello");
}

TEST(Substr, NanGivesEmpty) {
  double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(substr("hello", nan, std::nullopt), "");
  EXPECT_EQ(substr("hello", nan, 2), "");
  EXPECT_EQ(substr("hello", 0, nan), "");
}

TEST(Last, KeepsTheLastCodePoints) {
  EXPECT_EQ(last("hello", 2), "lo");
  EXPECT_EQ(last("hello", 5), "hello");
  EXPECT_EQ(last("hello", 10), "hello");
  EXPECT_EQ(last("hello", 2.7), "lo");
  EXPECT_EQ(last("hello", 0), "");
  EXPECT_EQ(last("hello", 0.5), "");
  EXPECT_EQ(last("hello", -1), "");
  EXPECT_EQ(last("hello", std::numeric_limits<double>::quiet_NaN()), "");
  EXPECT_EQ(last("hello", std::numeric_limits<double>::infinity()), "hello");
  EXPECT_EQ(last("", 3), "");
  EXPECT_EQ(last("x\xf0\x9f\x98\x80", 1), "\xf0\x9f\x98\x80");
  EXPECT_EQ(last("4930123456", 4), "3456");
  EXPECT_EQ(last("ab\xe2\x82", 1), "\x82");
}

TEST(ParseNumber, AcceptsJsonNumbers) {
  EXPECT_EQ(parse_number("12"), 12.0);
  EXPECT_EQ(parse_number("-1.5"), -1.5);
  EXPECT_EQ(parse_number("1e3"), 1000.0);
  EXPECT_EQ(parse_number("1E+2"), 100.0);
  EXPECT_EQ(parse_number("25e-1"), 2.5);
  EXPECT_EQ(parse_number("0"), 0.0);
  EXPECT_EQ(parse_number("0.1"), 0.1);
  EXPECT_EQ(parse_number("007"), 7.0);  // typed digits may start with zeros
  EXPECT_EQ(parse_number(" \t42\r\n"), 42.0);
  EXPECT_EQ(parse_number("123456789012345678901234567890"), 123456789012345678901234567890.0);
  EXPECT_EQ(parse_number("1.7976931348623157e308"), DBL_MAX);
  EXPECT_EQ(parse_number("5e-324"), 5e-324);
  std::optional<double> minus_zero = parse_number("-0");
  ASSERT_TRUE(minus_zero);
  EXPECT_EQ(*minus_zero, 0.0);
  EXPECT_TRUE(std::signbit(*minus_zero));
}

TEST(ParseNumber, RejectsEverythingElse) {
  for (const char* s : {"",
                        " ",
                        "+1",
                        "1.",
                        ".5",
                        "-",
                        "-.5",
                        "1e",
                        "1e+",
                        "e3",
                        "1.e3",
                        "inf",
                        "-inf",
                        "Infinity",
                        "nan",
                        "NaN",
                        "0x10",
                        "0X1F",
                        "1,5",
                        "1 2",
                        "12abc",
                        "--1",
                        "1_000",
                        "\xc2\xa0"
                        "1",
                        "one"}) {
    EXPECT_EQ(parse_number(s), std::nullopt) << s;
  }
  EXPECT_EQ(parse_number("1\0"s), std::nullopt);
}

TEST(ParseNumber, RejectsOverflowAndFlushesUnderflowToZero) {
  EXPECT_EQ(parse_number("1e400"), std::nullopt);
  EXPECT_EQ(parse_number("-1e400"), std::nullopt);
  EXPECT_EQ(parse_number("1000e306"), std::nullopt);
  EXPECT_EQ(parse_number("1e-400"), 0.0);
  EXPECT_EQ(parse_number("0.0001e-320"), 0.0);
  EXPECT_EQ(parse_number("1e99999999999999999999"), std::nullopt);
  EXPECT_EQ(parse_number("1e-99999999999999999999"), 0.0);
  std::optional<double> tiny = parse_number("-1e-400");
  ASSERT_TRUE(tiny);
  EXPECT_EQ(*tiny, 0.0);
  EXPECT_TRUE(std::signbit(*tiny));
}

TEST(FormatNumber, WritesIntegersWithoutFraction) {
  EXPECT_EQ(format_number(3), "3");
  EXPECT_EQ(format_number(-42), "-42");
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(1e6), "1000000");
  EXPECT_EQ(format_number(4930123456), "4930123456");
  EXPECT_EQ(format_number(1e20), "100000000000000000000");
  EXPECT_EQ(format_number(1e21), "1e+21");
  EXPECT_EQ(format_number(-1.5e300), "-1.5e+300");
  EXPECT_EQ(format_number(DBL_MAX), "1.7976931348623157e+308");
}

TEST(FormatNumber, WritesTheShortestFraction) {
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(-123.456), "-123.456");
  EXPECT_EQ(format_number(0.000001), "0.000001");
  EXPECT_EQ(format_number(1e-7), "1e-7");
  EXPECT_EQ(format_number(1.5e-7), "1.5e-7");
  EXPECT_EQ(format_number(5e-324), "5e-324");
  EXPECT_EQ(format_number(123456.789), "123456.789");
}

TEST(FormatNumber, WritesNullForNanAndInfinity) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "null");
}

TEST(FormatNumber, RoundTripsThroughParseNumber) {
  std::mt19937_64 random(20260329);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = random();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    std::string text = format_number(d);
    std::optional<double> back = parse_number(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(*back, d) << text;
  }
  for (double d : {1.0, 0.5, 1e21, 1e-7, 123e-20, 9007199254740993.0, 0.1 + 0.7}) {
    EXPECT_EQ(parse_number(format_number(d)), d) << format_number(d);
  }
}

TEST(UrlEscape, KeepsOnlyUnreservedCharacters) {
  std::string out = "q=";
  append_url_escaped(out, "a b&c=d/\xc3\xa9~._-");
  EXPECT_EQ(out, "q=a%20b%26c%3Dd%2F%C3%A9~._-");
  out.clear();
  append_url_escaped(out, "AZaz09+?#%\n\xff");
  EXPECT_EQ(out, "AZaz09%2B%3F%23%25%0A%FF");
  out.clear();
  append_url_escaped(out, "\0"s);
  EXPECT_EQ(out, "%00");
  out = "x";
  append_url_escaped(out, "");
  EXPECT_EQ(out, "x");
}

std::string json(std::string_view s) {
  std::string out;
  append_json_escaped(out, s);
  return out;
}

TEST(JsonEscape, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(json("say \"hi\" \\ bye"), "say \\\"hi\\\" \\\\ bye");
  EXPECT_EQ(json("\b\f\n\r\t"), "\\b\\f\\n\\r\\t");
  EXPECT_EQ(json("\x01\x1f"), "\\u0001\\u001F");
  EXPECT_EQ(json("\0"s), "\\u0000");
  EXPECT_EQ(json("/ \x7f"), "/ \x7f");
  EXPECT_EQ(json(""), "");
  std::string out = "{\"a\":\"";
  append_json_escaped(out, "x");
  EXPECT_EQ(out, "{\"a\":\"x");
}

TEST(JsonEscape, PassesValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(json("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
  EXPECT_EQ(json("a\xff"
                 "b"),
            "a\\ufffdb");
  EXPECT_EQ(json("\xe2\x82"), "\\ufffd\\ufffd");
  EXPECT_EQ(json("\xe2\x82"
                 "a"),
            "\\ufffd\\ufffda");
  EXPECT_EQ(json("\xc0\xaf"), "\\ufffd\\ufffd");
  EXPECT_EQ(json("\xed\xa0\x80"), "\\ufffd\\ufffd\\ufffd");
  EXPECT_EQ(json("\x80\""), "\\ufffd\\\"");
}

}  // namespace
}  // namespace flowc::stdlib
