// IANA time zones read from TZif files (RFC 8536, versions 1 to 4): the offset
// from UTC at any instant, for business hours. Also a thread-safe cache of them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/posix_tz.h"

namespace flowc::stdlib {

inline constexpr std::string_view kDefaultZoneinfoDir = "/usr/share/zoneinfo";

class TimeZone {
 public:
  // Reads zoneinfo_dir/name. On failure returns null and sets *error (when
  // error is not null): the name is invalid, there is no such zone, or the file
  // is not well-formed TZif. The name cannot climb out of zoneinfo_dir
  // (symbolic links inside it are followed).
  static std::shared_ptr<const TimeZone> load(const std::string& zoneinfo_dir, std::string_view name,
                                              std::string* error);
  // Parses the bytes of a TZif file; on failure returns null and sets *error.
  static std::shared_ptr<const TimeZone> from_tzif(std::string name, std::string_view bytes,
                                                   std::string* error);
  // A zone that is always utc_offset seconds east of UTC (for tests and "UTC").
  static std::shared_ptr<const TimeZone> fixed(std::string name, int32_t utc_offset);

  // Seconds east of UTC at the instant, daylight saving time included.
  int32_t utc_offset(int64_t unix_seconds) const;
  const std::string& name() const { return name_; }

 private:
  TimeZone() = default;

  std::string name_;
  std::vector<int64_t> transitions_;         // strictly ascending unix seconds
  std::vector<int32_t> transition_offsets_;  // the offset from each transition on
  int32_t initial_offset_ = 0;               // before the first transition
  std::optional<PosixTz> footer_;            // after the last transition
};

// Whether name can be a zone name: 1 to 255 characters of [A-Za-z0-9_+-/], no
// "..", not starting with '/'. Checked before any file is opened.
bool is_valid_time_zone_name(std::string_view name);

// Whether zoneinfo_dir holds a valid TZif file for the zone name.
bool time_zone_exists(const std::string& zoneinfo_dir, std::string_view name);

// Loaded zones by name, shared between threads. Remembers failures too (up to
// kMaxMisses of them, so that made-up names cannot grow it without bound).
class TimeZoneCache {
 public:
  static constexpr size_t kMaxMisses = 1024;

  explicit TimeZoneCache(std::string zoneinfo_dir = std::string(kDefaultZoneinfoDir));

  // The zone, or null with *error set (when error is not null).
  std::shared_ptr<const TimeZone> get(std::string_view name, std::string* error);

 private:
  struct Entry {
    std::shared_ptr<const TimeZone> zone;
    std::string error;
  };

  const std::string zoneinfo_dir_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;  // guarded by mutex_
  size_t misses_ = 0;                                  // guarded by mutex_
};

}  // namespace flowc::stdlib
