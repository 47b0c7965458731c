// Reading TZif files (RFC 8536) into time zones, and the cache of loaded zones;
// see timezone.h.
#include "stdlib/timezone.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace flowc::stdlib {
namespace {

constexpr size_t kMaxFileSize = 256 * 1024;  // real files are a few KiB
constexpr size_t kHeaderSize = 44;
// The UTC offsets RFC 8536 allows: -25 hours < offset < 26 hours.
constexpr int32_t kMinUtcOffset = -89999;
constexpr int32_t kMaxUtcOffset = 93599;

void set_error(std::string* error, std::string message) {
  if (error) *error = std::move(message);
}

uint32_t read_be32(const char* p) {
  auto b = [&](int i) { return static_cast<uint32_t>(static_cast<unsigned char>(p[i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

int64_t read_be64(const char* p) {
  uint64_t high = read_be32(p), low = read_be32(p + 4);
  return static_cast<int64_t>(high << 32 | low);
}

// A bounds-checked cursor over the file's bytes.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  size_t remaining() const { return bytes_.size() - pos_; }
  // The next n bytes, or nullopt (and nothing consumed) when fewer are left.
  std::optional<std::string_view> take(uint64_t n) {
    if (n > remaining()) return std::nullopt;
    std::string_view out = bytes_.substr(pos_, static_cast<size_t>(n));
    pos_ += static_cast<size_t>(n);
    return out;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

struct Header {
  char version = 0;
  uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

// What a TZif file says, before it becomes a TimeZone.
struct TzifData {
  std::vector<int64_t> transitions;
  std::vector<int32_t> offsets;
  int32_t initial_offset = 0;
  std::optional<PosixTz> footer;
};

// Each reader below returns null on success, otherwise what is wrong.
const char* read_header(Reader& in, Header* h) {
  std::optional<std::string_view> bytes = in.take(kHeaderSize);
  if (!bytes) return "truncated header";
  if (bytes->substr(0, 4) != "TZif") return "no TZif magic";
  h->version = (*bytes)[4];
  if (h->version != '\0' && (h->version < '2' || h->version > '4')) return "unknown version";
  const char* p = bytes->data() + 20;
  h->isutcnt = read_be32(p);
  h->isstdcnt = read_be32(p + 4);
  h->leapcnt = read_be32(p + 8);
  h->timecnt = read_be32(p + 12);
  h->typecnt = read_be32(p + 16);
  h->charcnt = read_be32(p + 20);
  if (h->typecnt == 0) return "no local time types";
  if (h->charcnt == 0) return "no time zone designations";
  if (h->isutcnt != 0 && h->isutcnt != h->typecnt) return "bad UT/local indicator count";
  if (h->isstdcnt != 0 && h->isstdcnt != h->typecnt) return "bad standard/wall indicator count";
  return nullptr;
}

uint64_t block_size(const Header& h, uint64_t time_size) {
  return h.timecnt * time_size + h.timecnt + h.typecnt * uint64_t{6} + h.charcnt +
         h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt;
}

// Reads the data block whose times are time_size (4 or 8) bytes wide.
const char* read_block(Reader& in, const Header& h, size_t time_size, TzifData* out) {
  if (block_size(h, time_size) > in.remaining()) return "truncated data block";
  std::string_view times = *in.take(uint64_t{h.timecnt} * time_size);
  std::string_view indexes = *in.take(h.timecnt);
  std::string_view types = *in.take(uint64_t{h.typecnt} * 6);
  in.take(h.charcnt);
  in.take(uint64_t{h.leapcnt} * (time_size + 4));
  std::string_view isstd = *in.take(h.isstdcnt);
  std::string_view isut = *in.take(h.isutcnt);

  std::vector<int32_t> type_offsets(h.typecnt);
  std::optional<int32_t> first_standard;
  for (uint32_t i = 0; i < h.typecnt; ++i) {
    const char* p = types.data() + i * 6;
    auto offset = static_cast<int32_t>(read_be32(p));
    auto is_dst = static_cast<unsigned char>(p[4]);
    auto designation = static_cast<unsigned char>(p[5]);
    if (offset < kMinUtcOffset || offset > kMaxUtcOffset) return "UTC offset out of range";
    if (is_dst > 1) return "bad DST flag";
    if (designation >= h.charcnt) return "designation index out of range";
    type_offsets[i] = offset;
    if (!is_dst && !first_standard) first_standard = offset;
  }
  for (char c : isstd) {
    if (c != 0 && c != 1) return "bad standard/wall indicator";
  }
  for (char c : isut) {
    if (c != 0 && c != 1) return "bad UT/local indicator";
  }
  out->initial_offset = first_standard.value_or(type_offsets[0]);
  out->transitions.resize(h.timecnt);
  out->offsets.resize(h.timecnt);
  for (uint32_t i = 0; i < h.timecnt; ++i) {
    const char* p = times.data() + size_t{i} * time_size;
    int64_t at = time_size == 8 ? read_be64(p) : static_cast<int32_t>(read_be32(p));
    if (i > 0 && at <= out->transitions[i - 1]) return "transition times not ascending";
    auto index = static_cast<unsigned char>(indexes[i]);
    if (index >= h.typecnt) return "local time type index out of range";
    out->transitions[i] = at;
    out->offsets[i] = type_offsets[index];
  }
  return nullptr;
}

// The footer of a version 2+ file: a TZ string between two newlines.
const char* read_footer(Reader& in, TzifData* out) {
  std::optional<std::string_view> newline = in.take(1);
  if (!newline || (*newline)[0] != '\n') return "missing footer";
  std::string_view rest = *in.take(in.remaining());
  size_t end = rest.find('\n');
  if (end == std::string_view::npos) return "unterminated footer";
  std::string_view tz = rest.substr(0, end);
  if (tz.empty()) return nullptr;
  out->footer = parse_posix_tz(tz);
  if (!out->footer) return "bad TZ string in footer";
  return nullptr;
}

const char* read_tzif(std::string_view bytes, TzifData* out) {
  Reader in(bytes);
  Header h;
  if (const char* e = read_header(in, &h)) return e;
  if (h.version == '\0') return read_block(in, h, 4, out);
  // Version 2+: skip the 32-bit block, then a second header, the 64-bit block
  // and the footer.
  if (!in.take(block_size(h, 4))) return "truncated data block";
  if (const char* e = read_header(in, &h)) return e;
  if (const char* e = read_block(in, h, 8, out)) return e;
  return read_footer(in, out);
}

}  // namespace

std::shared_ptr<const TimeZone> TimeZone::load(const std::string& zoneinfo_dir, std::string_view name,
                                               std::string* error) {
  if (!is_valid_time_zone_name(name)) {
    set_error(error, "invalid time zone name");
    return nullptr;
  }
  std::string quoted = "'" + std::string(name) + "'";
  std::filesystem::path path = std::filesystem::path(zoneinfo_dir) / std::string(name);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    set_error(error, "unknown time zone " + quoted);
    return nullptr;
  }
  std::ifstream file(path, std::ios::binary);
  std::string bytes;
  char buffer[4096];
  while (file && bytes.size() <= kMaxFileSize) {
    file.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<size_t>(file.gcount()));
  }
  if (!file.eof()) {
    set_error(error, bytes.size() > kMaxFileSize ? "time zone file " + quoted + " is too large"
                                                 : "cannot read time zone file " + quoted);
    return nullptr;
  }
  return from_tzif(std::string(name), bytes, error);
}

std::shared_ptr<const TimeZone> TimeZone::from_tzif(std::string name, std::string_view bytes,
                                                    std::string* error) {
  TzifData data;
  if (const char* e = read_tzif(bytes, &data)) {
    set_error(error, "time zone file '" + name + "' is malformed: " + e);
    return nullptr;
  }
  std::shared_ptr<TimeZone> zone(new TimeZone());
  zone->name_ = std::move(name);
  zone->transitions_ = std::move(data.transitions);
  zone->transition_offsets_ = std::move(data.offsets);
  zone->initial_offset_ = data.initial_offset;
  zone->footer_ = std::move(data.footer);
  return zone;
}

std::shared_ptr<const TimeZone> TimeZone::fixed(std::string name, int32_t utc_offset) {
  std::shared_ptr<TimeZone> zone(new TimeZone());
  zone->name_ = std::move(name);
  zone->initial_offset_ = utc_offset;
  return zone;
}

int32_t TimeZone::utc_offset(int64_t unix_seconds) const {
  if (transitions_.empty()) return footer_ ? stdlib::utc_offset(*footer_, unix_seconds) : initial_offset_;
  if (unix_seconds < transitions_.front()) return initial_offset_;
  if (unix_seconds > transitions_.back() && footer_) return stdlib::utc_offset(*footer_, unix_seconds);
  auto after = std::upper_bound(transitions_.begin(), transitions_.end(), unix_seconds);
  return transition_offsets_[static_cast<size_t>(after - transitions_.begin()) - 1];
}

bool is_valid_time_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 255 || name.front() == '/') return false;
  if (name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '+' || c == '-' || c == '/';
  });
}

bool time_zone_exists(const std::string& zoneinfo_dir, std::string_view name) {
  return TimeZone::load(zoneinfo_dir, name, nullptr) != nullptr;
}

TimeZoneCache::TimeZoneCache(std::string zoneinfo_dir) : zoneinfo_dir_(std::move(zoneinfo_dir)) {}

std::shared_ptr<const TimeZone> TimeZoneCache::get(std::string_view name, std::string* error) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(name);
    if (it != entries_.end()) {
      if (!it->second.zone) set_error(error, it->second.error);
      return it->second.zone;
    }
  }
  // Read the file without holding the lock; if another thread loaded the same
  // zone meanwhile, both get the first one stored.
  std::string why;
  std::shared_ptr<const TimeZone> zone = TimeZone::load(zoneinfo_dir_, name, &why);
  if (!is_valid_time_zone_name(name)) {  // cheap to reject again: not cached
    set_error(error, why);
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (zone) return entries_.try_emplace(std::string(name), Entry{zone, {}}).first->second.zone;
  set_error(error, why);
  if (misses_ < kMaxMisses && !entries_.contains(name)) {
    entries_.emplace(std::string(name), Entry{nullptr, std::move(why)});
    ++misses_;
  }
  return nullptr;
}

}  // namespace flowc::stdlib
