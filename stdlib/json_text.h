// Writes JSON text straight into a string, without building a JSON value
// first: the call's hot path (commands, trace entries) uses it instead of
// nlohmann::json, whose objects cost a map node and a few allocations each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "stdlib/abi.h"

namespace flowc::stdlib {

class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}

  JsonText& begin_object() { return open('{'); }
  JsonText& end_object() { return close('}'); }
  JsonText& begin_array() { return open('['); }
  JsonText& end_array() { return close(']'); }
  // The key of the next value in an object.
  JsonText& key(std::string_view k);

  JsonText& str(std::string_view s);
  JsonText& number(double d);  // as to_json() writes it: whole numbers without a fraction
  JsonText& integer(int64_t i);
  JsonText& boolean(bool b);
  JsonText& null();
  // A value already in JSON form.
  JsonText& raw(std::string_view json);
  // An ABI value as to_json() converts it (missing is null).
  JsonText& value(const rt_value& v);

  // key(k).str(s), and so on.
  JsonText& field(std::string_view k, std::string_view s) { return key(k).str(s); }
  JsonText& field(std::string_view k, const char* s) { return key(k).str(s); }
  JsonText& field(std::string_view k, bool b) { return key(k).boolean(b); }
  JsonText& field_int(std::string_view k, int64_t i) { return key(k).integer(i); }

 private:
  void separate() {
    if (!first_ && !after_key_) out_ += ',';
    first_ = false;
    after_key_ = false;
  }
  JsonText& open(char c) {
    separate();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonText& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

// The length of j.dump() (compact) without writing it; counting stops once
// it is past `limit` (the result is then some number above the limit).
size_t dumped_size(const nlohmann::json& j, size_t limit = SIZE_MAX);

}  // namespace flowc::stdlib
