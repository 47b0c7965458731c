// Business hours over local time; see hours.h.
#include "stdlib/hours.h"

#include <array>

namespace flowc::stdlib {
namespace {

constexpr std::array<std::string_view, 7> kShortDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kLongDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool day_in(const HoursRange& r, int day) {
  return r.first_day <= r.last_day ? r.first_day <= day && day <= r.last_day
                                   : day >= r.first_day || day <= r.last_day;
}

bool in_range(const HoursRange& r, int day, int minute) {
  if (r.from_minute < r.to_minute) return day_in(r, day) && r.from_minute <= minute && minute < r.to_minute;
  if (r.from_minute == r.to_minute) return false;
  // Past midnight: the evening of a day in the range, or the morning after one.
  return (day_in(r, day) && minute >= r.from_minute) || (day_in(r, (day + 6) % 7) && minute < r.to_minute);
}

}  // namespace

bool in_hours(const std::vector<HoursRange>& ranges, const TimeZone& tz, int64_t unix_ms) {
  int64_t seconds = floor_div(unix_ms, 1000);  // |seconds| < 2^54: adding the offset cannot overflow
  int64_t local = seconds + tz.utc_offset(seconds);
  int64_t days = floor_div(local, 86400);
  auto minute = static_cast<int>((local - days * 86400) / 60);
  auto day = static_cast<int>((days % 7 + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
  for (const HoursRange& r : ranges) {
    if (in_range(r, day, minute)) return true;
  }
  return false;
}

std::optional<uint8_t> parse_day(std::string_view s) {
  for (size_t i = 0; i < kShortDays.size(); ++i) {
    if (s == kShortDays[i] || s == kLongDays[i]) return static_cast<uint8_t>(i);
  }
  return std::nullopt;
}

std::optional<uint16_t> parse_time_of_day(std::string_view s) {
  size_t colon = s.find(':');
  if (colon != 1 && colon != 2) return std::nullopt;
  if (s.size() != colon + 3) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != colon && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  }
  int hours = colon == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
  int minutes = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return static_cast<uint16_t>(hours * 60 + minutes);
}

std::string_view day_name(uint8_t day) {
  return day < kShortDays.size() ? kShortDays[day] : "";
}

std::string format_time_of_day(uint16_t minute) {
  std::string out(5, ':');
  out[0] = static_cast<char>('0' + minute / 600 % 10);
  out[1] = static_cast<char>('0' + minute / 60 % 10);
  out[3] = static_cast<char>('0' + minute % 60 / 10);
  out[4] = static_cast<char>('0' + minute % 10);
  return out;
}

}  // namespace flowc::stdlib
