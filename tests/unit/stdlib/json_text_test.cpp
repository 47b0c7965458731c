// JsonText, TraceLog and CommandList: the JSON text the call state writes
// reads back as the values nlohmann::json would have written (and its size
// is counted without writing it), the trace keeps its bound, command lists
// join as JSON arrays; ISO times without the C library.
#include "stdlib/json_text.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stdlib/call_state.h"
#include "stdlib/command_list.h"
#include "stdlib/text.h"
#include "stdlib/trace_log.h"

namespace flowc::stdlib {
namespace {

using nlohmann::json;

rt_value num(double d) {
  rt_value v{};
  v.tag = RT_NUM;
  v.u.num = d;
  return v;
}

rt_value str(const std::string& s) {
  rt_value v{};
  v.tag = RT_STR;
  v.len = static_cast<uint32_t>(s.size());
  v.u.str = s.data();
  return v;
}

// The text JsonText writes for one value, and what to_json() makes of it.
std::string written(const rt_value& v) {
  std::string out;
  JsonText(out).value(v);
  return out;
}
std::string dumped(const rt_value& v) {
  return to_json(v).dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST(JsonText, NumbersAreWrittenAsToJsonDumpsThem) {
  for (double d :
       {0.0, -0.0, 7.0, -7.0, 0.1, 2.5, 1e21, 1e-7, 9.0e15, 9.0e15 + 2, -9.0e15, 1.0 / 3, 123456789.125,
        std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min()})
    EXPECT_EQ(written(num(d)), dumped(num(d))) << d;
  EXPECT_EQ(written(num(std::nan(""))), "null");
  EXPECT_EQ(written(num(HUGE_VAL)), "null");
}

TEST(JsonText, StringsAreEscapedAndReadBackUnchanged) {
  for (std::string s : {std::string("plain"), std::string("quote \" and \\ backslash"),
                        std::string("tab\tnew\nline\rret\bback\fform"), std::string("\x01\x1f control"),
                        std::string("ünïcödé €, 日本, 🎉"), std::string("a/b?c=d&e"), std::string()}) {
    std::string text = written(str(s));
    EXPECT_EQ(json::parse(text), json(s)) << text;
  }
  // Invalid UTF-8 becomes U+FFFD, byte by byte, and the text stays valid JSON.
  std::string bad =
      "a\xff\xfe"
      "b";
  EXPECT_EQ(json::parse(written(str(bad))), json("a\xEF\xBF\xBD\xEF\xBF\xBD"
                                                 "b"));
}

TEST(JsonText, OtherValues) {
  rt_value missing{}, null{}, t{}, f{};
  null.tag = RT_NULL;
  t.tag = f.tag = RT_BOOL;
  t.u.b = 1;
  EXPECT_EQ(written(missing), "null");
  EXPECT_EQ(written(null), "null");
  EXPECT_EQ(written(t), "true");
  EXPECT_EQ(written(f), "false");
  json obj = {{"b", {1, 2, "x"}}, {"a", nullptr}};
  rt_value o{};
  o.tag = RT_OBJ;
  o.u.json = &obj;
  EXPECT_EQ(json::parse(written(o)), obj);
}

TEST(JsonText, NestedObjectsAndArraysGetTheirCommas) {
  std::string out;
  JsonText j(out);
  j.begin_object()
      .field("a", "x")
      .key("list")
      .begin_array()
      .integer(1)
      .begin_object()
      .end_object()
      .begin_array();
  j.end_array().null().end_array().field("b", true).key("o").begin_object().field_int("n", -3).end_object();
  j.end_object();
  EXPECT_EQ(out, R"({"a":"x","list":[1,{},[],null],"b":true,"o":{"n":-3}})");
  EXPECT_TRUE(json::accept(out));
}

TEST(JsonText, AWriterResumesFromItsStateAndClosesWhatIsOpen) {
  // rt_json_* write one body over several calls, each with a new writer.
  std::string out;
  JsonText::State st;
  auto step = [&](auto f) {
    JsonText j(out, st);
    f(j);
    st = j.state();
  };
  step([](JsonText& j) { j.begin_object(); });
  step([](JsonText& j) { j.key("a"); });
  step([](JsonText& j) { j.begin_array(); });
  step([](JsonText& j) { j.integer(1); });
  step([](JsonText& j) { j.begin_object(); });
  step([](JsonText& j) { j.end(); });
  step([](JsonText& j) { j.end(); });
  step([](JsonText& j) { j.key("b"); });
  step([](JsonText& j) { j.null(); });
  step([](JsonText& j) { j.end(); });
  step([](JsonText& j) { j.end(); });  // nothing open: nothing written
  EXPECT_EQ(out, R"({"a":[1,{}],"b":null})");
  EXPECT_EQ(st.depth, 0u);
}

TEST(JsonText, DumpedSizeIsTheLengthOfTheDump) {
  const json cases[] = {
      nullptr,
      true,
      false,
      0,
      -1,
      1234567890123,
      -9223372036854775807LL - 1,
      18446744073709551615ULL,
      0.5,
      -1e300,
      "",
      "plain",
      "esc \" \\ \n \t \x01 \x1f ü €",
      json::array(),
      json::object(),
      {1, "two", nullptr, {{"k", {3.25, false}}}},
      {{"ivr.email", "a@b.example"}, {"ivr.premium", true}, {"k\"ey", {{"x", json::array()}}}}};
  for (const auto& j : cases) EXPECT_EQ(dumped_size(j), j.dump().size()) << j.dump();
  // Past the limit, counting stops early with some number above it.
  json big = json::array();
  for (int i = 0; i < 1000; ++i) big.push_back(std::string(100, 'x'));
  EXPECT_GT(dumped_size(big, 500), 500u);
  EXPECT_LT(dumped_size(big, 500), 2000u);  // not the 102,001 of the whole dump
}

TEST(IsoTime, FormatsUnixMillisecondsInUtc) {
  EXPECT_EQ(iso_time_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso_time_utc(1'795'000'000'123), "2026-11-18T11:06:40.123Z");
  EXPECT_EQ(iso_time_utc(1'795'000'000'123, false), "2026-11-18T11:06:40Z");
  EXPECT_EQ(iso_time_utc(951'782'400'000), "2000-02-29T00:00:00.000Z");  // a leap day
  EXPECT_EQ(iso_time_utc(4'107'542'399'999), "2100-02-28T23:59:59.999Z");
  EXPECT_EQ(iso_time_utc(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(iso_time_utc(253'402'300'800'000), "10000-01-01T00:00:00.000Z");
  // Every day for 1,200 years agrees with the C library.
  for (int64_t day = -200 * 366; day < 1000 * 366; day += 1) {
    int64_t ms = day * 86'400'000 + 45'296'789;  // 12:34:56.789
    time_t secs = static_cast<time_t>(day * 86'400 + 45'296);
    struct tm tm {};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT12:34:56.789Z", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday);
    ASSERT_EQ(iso_time_utc(ms), buf) << day;
  }
}

TEST(TraceLog, KeepsTheNewestEntriesUpToItsLimit) {
  TraceLog log(3);
  for (int i = 0; i < 5; ++i)
    log.add(i * 10, i % 2 ? "odd" : "even",
            [&](JsonText& j) { j.begin_object().field_int("i", i).end_object(); });
  EXPECT_EQ(log.size(), 3u);
  EXPECT_EQ(log.dropped(), 2u);
  json all = log.to_json([](std::string_view, json&) {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], json({{"at_ms", 20}, {"kind", "even"}, {"data", {{"i", 2}}}}));
  EXPECT_EQ(all[2], json({{"at_ms", 40}, {"kind", "even"}, {"data", {{"i", 4}}}}));
}

TEST(TraceLog, StaysBoundedAndInOrderOverALongCall) {
  // Many more bytes than the compaction threshold go through a small bound.
  TraceLog log(256);
  const std::string filler(100, 'x');
  for (int i = 0; i < 20'000; ++i)
    log.add_text(i, "note", R"({"text":")" + filler + std::to_string(i) + "\"}");
  EXPECT_EQ(log.size(), 256u);
  EXPECT_EQ(log.dropped(), 20'000u - 256u);
  int64_t expect = 20'000 - 256;
  log.for_each([&](int64_t at, std::string_view kind, std::string_view data) {
    EXPECT_EQ(at, expect);
    EXPECT_EQ(kind, "note");
    EXPECT_EQ(json::parse(data)["text"], filler + std::to_string(expect));
    ++expect;
  });
  EXPECT_EQ(expect, 20'000);
  EXPECT_LT(log.bytes(), 256u * 130u * 4u);  // what was dropped was given back
}

TEST(TraceLog, FixChangesTheDataItIsGiven) {
  TraceLog log(8);
  log.add_text(1, "command", R"({"text":"secret 1234"})");
  log.add_text(2, "note", R"({"text":"secret 1234"})");
  json all = log.to_json([](std::string_view kind, json& d) {
    if (kind == "command") d["text"] = "<redacted>";
  });
  EXPECT_EQ(all[0]["data"]["text"], "<redacted>");
  EXPECT_EQ(all[1]["data"]["text"], "secret 1234");
}

TEST(TraceLog, LongKindsAreCut) {
  TraceLog log(2);
  log.add_text(0, std::string(300, 'k'), "{}");
  json all = log.to_json([](std::string_view, json&) {});
  EXPECT_EQ(all[0]["kind"].get<std::string>().size(), 255u);
}

TEST(CommandList, JoinsCommandsAsAJsonArray) {
  CommandList a, b, empty;
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(a.text(), "[]");
  a.add(R"({"type":"play","url":"x.wav"})");
  b.add(R"({"type":"say","text":"hi"})");
  b.add(R"({"type":"hangup"})");
  a.append(empty);
  a.append(b);
  EXPECT_EQ(a.size(), 3u);
  EXPECT_EQ(a.to_json(),
            json::parse(R"([{"type":"play","url":"x.wav"},{"type":"say","text":"hi"},{"type":"hangup"}])"));
  empty.append(a);
  EXPECT_EQ(empty.text(), a.text());
  a.clear();
  EXPECT_EQ(a.text(), "[]");
}

}  // namespace
}  // namespace flowc::stdlib
