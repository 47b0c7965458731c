// The one percentile the benchmarks report: the nearest-rank value (rounded
// rank over the sorted samples), 0 for no samples.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace flowc::bench {

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  size_t k = std::min(static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5), v.size() - 1);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace flowc::bench
