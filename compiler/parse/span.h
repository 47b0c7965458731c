// Where the code points a parse runs over sit in the file: a contiguous span
// (base + index), or for a template hole, whose text was unescaped and so
// is shorter than its source, an explicit map from index to file offset.
#pragma once

#include <cstdint>
#include <vector>

namespace flowc {

struct SpanMap {
  uint32_t base = 0;
  const std::vector<uint32_t>* map = nullptr;  // index → file offset

  uint32_t at(size_t i) const {
    if (!map) return base + static_cast<uint32_t>(i);
    if (i < map->size()) return (*map)[i];
    return map->empty() ? base : map->back() + 1;
  }
};

}  // namespace flowc
