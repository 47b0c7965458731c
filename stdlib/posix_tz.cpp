// Parsing and evaluation of POSIX TZ strings (RFC 8536 section 3.3); see posix_tz.h.
#include "stdlib/posix_tz.h"

#include <array>
#include <utility>

namespace flowc::stdlib {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
// The Gregorian calendar repeats, weekdays included, every 400 years.
constexpr int64_t kSecondsPer400Years = 146097 * kSecondsPerDay;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
int64_t floor_mod(int64_t a, int64_t b) {
  int64_t r = a % b;  // never overflows, unlike a - floor_div(a, b) * b
  return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}

bool is_leap(int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  int64_t era = floor_div(y, 400);
  auto yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// The year of a day counted from 1970-01-01.
int64_t year_from_days(int64_t z) {
  z += 719468;
  int64_t era = floor_div(z, 146097);
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  return static_cast<int64_t>(yoe) + era * 400 + (mp >= 10);
}

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The day (counted from 1970-01-01) on which a rule date falls in year y.
int64_t rule_day(const PosixTzDate& date, int64_t y) {
  int64_t jan1 = days_from_civil(y, 1, 1);
  switch (date.kind) {
    case PosixTzDate::Kind::kJulian1: return jan1 + date.day - 1 + (is_leap(y) && date.day >= 60);
    case PosixTzDate::Kind::kJulian0: return jan1 + date.day;
    case PosixTzDate::Kind::kMonthWeekDay: break;
  }
  int64_t first = days_from_civil(y, date.month, 1);
  int64_t first_weekday = floor_mod(first + 4, 7);  // 1970-01-01 was a Thursday; Sunday = 0
  int64_t day = first + floor_mod(date.weekday - first_weekday, 7) + (date.week - 1) * 7;
  int64_t month_end = first + days_in_month(y, date.month);
  while (day >= month_end) day -= 7;
  return day;
}

// A small cursor over the TZ string.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool done() const { return pos_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // A name: three or more letters, or <...> holding three or more of [A-Za-z0-9+-].
  std::optional<std::string> name() {
    std::string out;
    if (eat('<')) {
      while (!done() && peek() != '>') {
        char c = s_[pos_++];
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-') return std::nullopt;
        out += c;
      }
      if (!eat('>')) return std::nullopt;
    } else {
      while (is_alpha(peek())) out += s_[pos_++];
    }
    if (out.size() < 3) return std::nullopt;
    return out;
  }

  // An unsigned decimal number of at most max_digits digits, no larger than max.
  std::optional<int32_t> number(int max_digits, int32_t max) {
    int32_t value = 0;
    int count = 0;
    while (is_digit(peek())) {
      if (++count > max_digits) return std::nullopt;
      value = value * 10 + (s_[pos_++] - '0');
    }
    if (count == 0 || value > max) return std::nullopt;
    return value;
  }

  // [+-]hh[:mm[:ss]] in seconds, hours no larger than max_hours.
  std::optional<int32_t> duration(int32_t max_hours) {
    int32_t sign = 1;
    if (eat('-')) {
      sign = -1;
    } else {
      eat('+');
    }
    std::optional<int32_t> h = number(3, max_hours);
    if (!h) return std::nullopt;
    int32_t seconds = *h * 3600;
    if (eat(':')) {
      std::optional<int32_t> m = number(2, 59);
      if (!m) return std::nullopt;
      seconds += *m * 60;
      if (eat(':')) {
        std::optional<int32_t> sec = number(2, 59);
        if (!sec) return std::nullopt;
        seconds += *sec;
      }
    }
    return sign * seconds;
  }

  // Jn, n or Mm.w.d, then an optional /time.
  std::optional<PosixTzDate> date() {
    PosixTzDate d;
    if (eat('J')) {
      std::optional<int32_t> n = number(3, 365);
      if (!n || *n < 1) return std::nullopt;
      d.kind = PosixTzDate::Kind::kJulian1;
      d.day = static_cast<uint16_t>(*n);
    } else if (eat('M')) {
      std::optional<int32_t> m = number(2, 12);
      if (!m || *m < 1 || !eat('.')) return std::nullopt;
      std::optional<int32_t> w = number(1, 5);
      if (!w || *w < 1 || !eat('.')) return std::nullopt;
      std::optional<int32_t> wd = number(1, 6);
      if (!wd) return std::nullopt;
      d.kind = PosixTzDate::Kind::kMonthWeekDay;
      d.month = static_cast<uint8_t>(*m);
      d.week = static_cast<uint8_t>(*w);
      d.weekday = static_cast<uint8_t>(*wd);
    } else {
      std::optional<int32_t> n = number(3, 365);
      if (!n) return std::nullopt;
      d.kind = PosixTzDate::Kind::kJulian0;
      d.day = static_cast<uint16_t>(*n);
    }
    if (eat('/')) {
      std::optional<int32_t> t = duration(167);
      if (!t) return std::nullopt;
      d.time = *t;
    }
    return d;
  }

 private:
  static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  std::string_view s_;
  size_t pos_ = 0;
};

PosixTzDate month_week_day(uint8_t month, uint8_t week, uint8_t weekday) {
  PosixTzDate d;
  d.month = month;
  d.week = week;
  d.weekday = weekday;
  return d;
}

}  // namespace

std::optional<PosixTz> parse_posix_tz(std::string_view s) {
  Scanner in(s);
  PosixTz tz;
  std::optional<std::string> std_name = in.name();
  if (!std_name) return std::nullopt;
  tz.std_name = std::move(*std_name);
  std::optional<int32_t> std_offset = in.duration(24);
  if (!std_offset) return std::nullopt;
  tz.std_offset = -*std_offset;
  if (in.done()) return tz;

  std::optional<std::string> dst_name = in.name();
  if (!dst_name) return std::nullopt;
  tz.has_dst = true;
  tz.dst_name = std::move(*dst_name);
  tz.dst_offset = tz.std_offset + 3600;
  if (!in.done() && in.peek() != ',') {
    std::optional<int32_t> dst_offset = in.duration(24);
    if (!dst_offset) return std::nullopt;
    tz.dst_offset = -*dst_offset;
  }
  if (in.done()) {
    tz.start = month_week_day(3, 2, 0);
    tz.end = month_week_day(11, 1, 0);
    return tz;
  }
  if (!in.eat(',')) return std::nullopt;
  std::optional<PosixTzDate> start = in.date();
  if (!start || !in.eat(',')) return std::nullopt;
  std::optional<PosixTzDate> end = in.date();
  if (!end || !in.done()) return std::nullopt;
  tz.start = *start;
  tz.end = *end;
  return tz;
}

int32_t utc_offset(const PosixTz& tz, int64_t unix_seconds) {
  if (!tz.has_dst) return tz.std_offset;
  // Every 400 years repeat the same changes at the same instants, so reduce the
  // instant to 1970..2369: no overflow for any int64_t.
  int64_t t = floor_mod(unix_seconds, kSecondsPer400Years);
  int64_t year = year_from_days(floor_div(t, kSecondsPerDay));
  // The changes of the neighbouring years, in order (a change may lie up to 167
  // hours outside its year). As in the reference implementation, a year whose
  // DST would last a whole year or more, or not at all, has no changes; with no
  // changes at all DST lasts all year (RFC 8536: "0/0,J365/25").
  struct Change {
    int64_t at;
    bool to_dst;
  };
  std::array<Change, 8> changes{};
  size_t n = 0;
  for (int64_t y = year - 2; y <= year + 1; ++y) {
    int64_t start = rule_day(tz.start, y) * kSecondsPerDay + tz.start.time - tz.std_offset;
    int64_t end = rule_day(tz.end, y) * kSecondsPerDay + tz.end.time - tz.dst_offset;
    int64_t year_length = (is_leap(y) ? 366 : 365) * kSecondsPerDay;
    if (end < start || (start < end && end - start < year_length)) {
      changes[n++] = {start, true};
      changes[n++] = {end, false};
    }
  }
  if (n == 0) return tz.dst_offset;
  for (size_t i = 1; i < n; ++i) {  // a stable insertion sort of at most 8 changes
    for (size_t k = i; k > 0 && changes[k].at < changes[k - 1].at; --k) std::swap(changes[k], changes[k - 1]);
  }
  bool dst = !changes[0].to_dst;
  for (size_t i = 0; i < n && changes[i].at <= t; ++i) dst = changes[i].to_dst;
  return dst ? tz.dst_offset : tz.std_offset;
}

}  // namespace flowc::stdlib
