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
  // Where a writer stands between values: kept by a caller that writes one
  // document over several calls (an automation's JSON body, rt_json_*).
  struct State {
    bool first = true;
    bool after_key = false;
    uint32_t depth = 0;   // open arrays and objects
    uint64_t arrays = 0;  // bit i: level i is an array (levels past 64 close as objects)
  };

  explicit JsonText(std::string& out) : out_(out) {}
  JsonText(std::string& out, State state) : out_(out), s_(state) {}
  State state() const { return s_; }

  JsonText& begin_object() { return open('{'); }
  JsonText& begin_array() { return open('['); }
  JsonText& end_object() { return close(); }
  JsonText& end_array() { return close(); }
  // Closes whichever of an array or an object is open.
  JsonText& end() { return close(); }
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
    if (!s_.first && !s_.after_key) out_ += ',';
    s_.first = false;
    s_.after_key = false;
  }
  JsonText& open(char c) {
    separate();
    out_ += c;
    if (s_.depth < 64) {
      uint64_t bit = uint64_t{1} << s_.depth;
      s_.arrays = c == '[' ? s_.arrays | bit : s_.arrays & ~bit;
    }
    ++s_.depth;
    s_.first = true;
    return *this;
  }
  JsonText& close() {
    if (s_.depth == 0) return *this;  // nothing open
    --s_.depth;
    bool array = s_.depth < 64 && (s_.arrays >> s_.depth & 1);
    out_ += array ? ']' : '}';
    s_.first = false;
    return *this;
  }

  std::string& out_;
  State s_;
};

// The length of j.dump() (compact) without writing it; counting stops once
// it is past `limit` (the result is then some number above the limit).
size_t dumped_size(const nlohmann::json& j, size_t limit = SIZE_MAX);

}  // namespace flowc::stdlib
