// A bump allocator for the temporaries of one handler run (template results,
// function results); reset after the run. Also holds the template builders.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace flowc::stdlib {

class Scratch {
 public:
  // A copy of [data, data+len) that lives until reset().
  const char* copy(const char* data, size_t len) {
    char* p = allocate(len ? len : 1);
    if (len) std::memcpy(p, data, len);
    return p;
  }
  char* allocate(size_t n);
  void reset();

  // Template builders nest ({lower("{x}")}), so they are a stack.
  std::string& push_builder();
  std::string& top_builder() { return builders_[depth_ - 1]; }
  void pop_builder() { --depth_; }
  size_t builder_depth() const { return depth_; }

 private:
  static constexpr size_t kChunk = 16 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> big_;
  size_t used_ = kChunk;  // in the last chunk; forces a chunk on first use
  size_t chunk_index_ = 0;
  std::vector<std::string> builders_;
  size_t depth_ = 0;
};

}  // namespace flowc::stdlib
