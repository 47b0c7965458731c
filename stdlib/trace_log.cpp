// The trace buffer: entries appended at the end, dropped from the front,
// the dropped bytes given back once they are half of the buffer.
#include "stdlib/trace_log.h"

#include <cstring>

namespace flowc::stdlib {

TraceLog::Header TraceLog::header(size_t pos) const {
  Header h{};
  std::memcpy(&h.at_ms, buf_.data() + pos, sizeof h.at_ms);
  pos += sizeof h.at_ms;
  h.kind_len = static_cast<unsigned char>(buf_[pos]);
  h.kind_at = pos + 1;
  pos = h.kind_at + h.kind_len;
  uint32_t len = 0;
  std::memcpy(&len, buf_.data() + pos, sizeof len);
  h.data_at = pos + sizeof len;
  h.data_len = len;
  return h;
}

void TraceLog::drop_oldest() {
  Header h = header(head_);
  head_ = h.data_at + h.data_len;
  --count_;
  ++dropped_;
  if (head_ >= 4096 && head_ * 2 >= buf_.size()) {
    buf_.erase(0, head_);
    head_ = 0;
  }
}

size_t TraceLog::open(int64_t at_ms, std::string_view kind) {
  if (limit_ == 0) limit_ = 1;
  if (count_ >= limit_) drop_oldest();
  // A call's first entries fit in one allocation instead of five doublings.
  if (buf_.capacity() < kFirstCapacity) buf_.reserve(kFirstCapacity);
  if (kind.size() > 255) kind = kind.substr(0, 255);
  buf_.append(reinterpret_cast<const char*>(&at_ms), sizeof at_ms);
  buf_ += static_cast<char>(kind.size());
  buf_ += kind;
  size_t start = buf_.size();
  buf_.append(sizeof(uint32_t), '\0');
  return start;
}

void TraceLog::close(size_t start) {
  auto len = static_cast<uint32_t>(buf_.size() - start - sizeof(uint32_t));
  std::memcpy(buf_.data() + start, &len, sizeof len);
  ++count_;
}

void TraceLog::add_text(int64_t at_ms, std::string_view kind, std::string_view data_json) {
  size_t start = open(at_ms, kind);
  buf_ += data_json;
  close(start);
}

}  // namespace flowc::stdlib
