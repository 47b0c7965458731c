// The scratch arena: chunks are kept across resets so steady state allocates
// nothing.
#include "stdlib/scratch.h"

namespace flowc::stdlib {

char* Scratch::allocate(size_t n) {
  n = (n + 7) & ~size_t{7};
  if (n > kChunk / 4) {
    big_.push_back(std::make_unique_for_overwrite<char[]>(n));  // no zeroing: it is written before it is read
    return big_.back().get();
  }
  if (chunks_.empty() || used_ + n > kChunk) {
    if (chunks_.empty() || chunk_index_ + 1 >= chunks_.size()) {
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(kChunk));
      chunk_index_ = chunks_.size() - 1;
    } else {
      ++chunk_index_;
    }
    used_ = 0;
  }
  char* p = chunks_[chunk_index_].get() + used_;
  used_ += n;
  return p;
}

void Scratch::reset() {
  big_.clear();
  chunk_index_ = 0;
  used_ = 0;
  depth_ = 0;
  if (chunks_.size() > 4) chunks_.resize(4);  // give back what a spike took
}

std::string& Scratch::push_builder() {
  if (depth_ == builders_.size()) builders_.emplace_back();
  std::string& b = builders_[depth_++];
  b.clear();
  return b;
}

}  // namespace flowc::stdlib
