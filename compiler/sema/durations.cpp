// Parsing and printing of durations.
#include "compiler/sema/durations.h"

#include <cmath>
#include <cstdlib>

namespace flowc::sema {

std::optional<uint64_t> parse_duration(std::string_view text, std::string* why) {
  size_t i = 0;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
  std::string number(text.substr(0, i));
  std::string_view unit = text.substr(i);
  double scale = 0;
  if (unit == "ms") scale = 1;
  else if (unit == "s") scale = 1000;
  else if (unit == "m" || unit == "min") scale = 60'000;
  else if (unit == "h") scale = 3'600'000;
  if (scale == 0) {
    if (why) *why = "unknown unit '" + std::string(unit) + "'; use ms, s, m or h";
    return std::nullopt;
  }
  double v = std::strtod(number.c_str(), nullptr);
  double ms = v * scale;
  if (!std::isfinite(ms) || ms > 24.0 * 3'600'000) {
    if (why) *why = "longer than a day";
    return std::nullopt;
  }
  if (ms != std::floor(ms)) {
    if (why) *why = "not a whole number of milliseconds";
    return std::nullopt;
  }
  if (ms == 0) {
    if (why) *why = "must be longer than zero";
    return std::nullopt;
  }
  return static_cast<uint64_t>(ms);
}

std::string format_duration(uint64_t ms) {
  auto fmt = [](double v, const char* unit) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g%s", v, unit);
    return std::string(buf);
  };
  if (ms % 3'600'000 == 0) return fmt(static_cast<double>(ms) / 3'600'000, "h");
  if (ms % 60'000 == 0) return fmt(static_cast<double>(ms) / 60'000, "m");
  if (ms >= 1000 && ms % 100 == 0) return fmt(static_cast<double>(ms) / 1000, "s");
  return fmt(static_cast<double>(ms), "ms");
}

}  // namespace flowc::sema
