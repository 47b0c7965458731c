// A call's trace, bounded (the oldest entries are dropped first) and compact:
// every entry is its time, its kind and its data as JSON text, all in one
// buffer. JSON values are only made when somebody reads the trace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "stdlib/json_text.h"

namespace flowc::stdlib {

class TraceLog {
 public:
  explicit TraceLog(size_t limit) : limit_(limit) {}

  // Adds an entry whose data the caller writes as one JSON object into the
  // writer given to `write`.
  template <typename Write>
  void add(int64_t at_ms, std::string_view kind, Write&& write) {
    size_t start = open(at_ms, kind);
    JsonText j(buf_);
    write(j);
    close(start);
  }
  // Adds an entry whose data is already JSON text (an object).
  void add_text(int64_t at_ms, std::string_view kind, std::string_view data_json);

  size_t size() const { return count_; }
  size_t dropped() const { return dropped_; }
  size_t bytes() const { return buf_.capacity(); }

  // Calls f(at_ms, kind, data_json) for every entry, oldest first.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t pos = head_; pos < buf_.size();) {
      Header h = header(pos);
      f(h.at_ms, std::string_view(buf_).substr(h.kind_at, h.kind_len),
        std::string_view(buf_).substr(h.data_at, h.data_len));
      pos = h.data_at + h.data_len;
    }
  }
  // Every entry as {"at_ms","kind","data"}; `fix` may change an entry's
  // data (redaction) before it is added.
  template <typename Fix>
  nlohmann::json to_json(Fix&& fix) const {
    nlohmann::json out = nlohmann::json::array();
    for_each([&](int64_t at, std::string_view kind, std::string_view data) {
      nlohmann::json d = nlohmann::json::parse(data);
      fix(kind, d);
      out.push_back({{"at_ms", at}, {"kind", kind}, {"data", std::move(d)}});
    });
    return out;
  }

 private:
  // Each entry: at_ms (8 bytes), kind length (1), kind, data length (4), data.
  struct Header {
    int64_t at_ms;
    size_t kind_at, kind_len, data_at, data_len;
  };
  Header header(size_t pos) const;
  size_t open(int64_t at_ms, std::string_view kind);  // returns where the data length goes
  void close(size_t start);
  void drop_oldest();

  static constexpr size_t kFirstCapacity = 480;  // about what an idle call's trace holds

  size_t limit_;
  std::string buf_;
  size_t head_ = 0;  // where the oldest entry starts
  size_t count_ = 0;
  size_t dropped_ = 0;
};

}  // namespace flowc::stdlib
