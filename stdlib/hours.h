// Business hours: whether an instant falls into weekly opening hours in a time
// zone, as in `now in mon-fri 09:00-17:00, sat 10:00-14:00 "Europe/Berlin"`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/timezone.h"

namespace flowc::stdlib {

// Days first_day..last_day (0 = Monday .. 6 = Sunday, inclusive; first_day >
// last_day wraps: sat-mon is 5..0), local minutes [from_minute, to_minute)
// after midnight, to_minute up to 1440. When from_minute > to_minute the hours
// run past midnight: mon-fri 22:00-06:00 holds from Monday 22:00 to Saturday
// 06:00 except 06:00-22:00, but not on Monday before 06:00. When they are
// equal the range is empty.
struct HoursRange {
  uint8_t first_day = 0, last_day = 6;
  uint16_t from_minute = 0, to_minute = 0;
};

// Whether the local time in tz at unix_ms falls into any of the ranges.
bool in_hours(const std::vector<HoursRange>& ranges, const TimeZone& tz, int64_t unix_ms);

// "mon" .. "sun" or "monday" .. "sunday" (lowercase) as 0 .. 6.
std::optional<uint8_t> parse_day(std::string_view s);
// "H:MM" or "HH:MM" from 00:00 to 24:00 as minutes after midnight.
std::optional<uint16_t> parse_time_of_day(std::string_view s);

// The short name of a day 0 .. 6 ("mon"), "" for others.
std::string_view day_name(uint8_t day);
// Minutes after midnight as "HH:MM" (1440 -> "24:00").
std::string format_time_of_day(uint16_t minute);

}  // namespace flowc::stdlib
