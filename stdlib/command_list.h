// Commands for the telephony side as they go on the wire: JSON objects as
// text, in order. The engine passes them on and the HTTP layer writes them
// into its answer without building JSON values; tools and tests that look
// inside call to_json().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace flowc::stdlib {

class CommandList {
 public:
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }

  // Appends one command (a JSON object's text).
  void add(std::string_view object_json) {
    if (count_++) items_ += ',';
    items_ += object_json;
  }
  // Appends other's commands after these.
  void append(const CommandList& other) {
    if (other.empty()) return;
    if (count_) items_ += ',';
    items_ += other.items_;
    count_ += other.count_;
  }
  void clear() {
    items_.clear();
    count_ = 0;
  }

  // The commands as a JSON array's text: "[{…},{…}]".
  std::string text() const { return "[" + items_ + "]"; }
  void write(std::string& out) const {
    out += '[';
    out += items_;
    out += ']';
  }
  nlohmann::json to_json() const { return nlohmann::json::parse(text()); }

 private:
  std::string items_;  // the objects, comma-separated
  size_t count_ = 0;
};

}  // namespace flowc::stdlib
