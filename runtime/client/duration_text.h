// Durations as the details of failed actions show them: "250ms", "2s", "1.5s".
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace flowc::client {

inline std::string duration_text(uint32_t ms) {
  if (ms < 1000) return std::to_string(ms) + "ms";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fs", ms / 1000.0);
  return buf;
}

}  // namespace flowc::client
