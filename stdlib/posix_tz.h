// POSIX TZ strings as found in the footer of TZif files ("CET-1CEST,M3.5.0,M10.5.0/3"),
// with the RFC 8536 extensions: the rule a time zone follows after its last transition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowc::stdlib {

// The day of a DST change: Jn (1..365, February 29 never counted), n (0..365,
// February 29 counted) or Mm.w.d (day d of week w of month m, Sunday = 0, w = 5
// the last), and the local time of the change.
struct PosixTzDate {
  enum class Kind : uint8_t { kJulian1, kJulian0, kMonthWeekDay };
  Kind kind = Kind::kMonthWeekDay;
  uint16_t day = 0;  // Jn and n
  uint8_t month = 1, week = 1, weekday = 0;
  int32_t time = 7200;  // seconds after local midnight, -167h..167h
};

struct PosixTz {
  std::string std_name;
  int32_t std_offset = 0;  // seconds east of UTC (POSIX writes the opposite sign)
  bool has_dst = false;
  std::string dst_name;
  int32_t dst_offset = 0;
  PosixTzDate start, end;  // DST starts at start in standard time, ends at end in DST
};

// Parses a whole TZ string; nullopt when it is malformed. Without a rule
// ("EST5EDT") DST follows the US rule, as in the reference implementation.
std::optional<PosixTz> parse_posix_tz(std::string_view s);

// The offset in seconds east of UTC that the rule gives at the instant.
int32_t utc_offset(const PosixTz& tz, int64_t unix_seconds);

}  // namespace flowc::stdlib
