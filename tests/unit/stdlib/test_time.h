// Instants for the stdlib tests, computed with <chrono> rather than the code under test.
#pragma once

#include <chrono>
#include <cstdint>

namespace flowc::stdlib::testing {

// Unix seconds of a UTC date and time.
inline int64_t utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  using namespace std::chrono;
  int64_t days = sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count();
  return days * 86400 + h * 3600 + min * 60 + s;
}

}  // namespace flowc::stdlib::testing
