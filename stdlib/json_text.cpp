// JSON text writing: the same text nlohmann::json would dump for the values
// the runtime writes (numbers and escaping included).
#include "stdlib/json_text.h"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "stdlib/text.h"

namespace flowc::stdlib {

JsonText& JsonText::key(std::string_view k) {
  separate();
  out_ += '"';
  append_json_escaped(out_, k);
  out_ += "\":";
  s_.after_key = true;
  return *this;
}

JsonText& JsonText::str(std::string_view s) {
  separate();
  out_ += '"';
  append_json_escaped(out_, s);
  out_ += '"';
  return *this;
}

JsonText& JsonText::integer(int64_t i) {
  separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out_.append(buf, r.ptr);
  return *this;
}

JsonText& JsonText::number(double d) {
  // Whole numbers are written as integers (7, not 7.0), as to_json() does.
  if (d >= -9.0e15 && d <= 9.0e15 && d == static_cast<double>(static_cast<int64_t>(d)) &&
      !(d == 0 && std::signbit(d)))
    return integer(static_cast<int64_t>(d));
  separate();
  out_ += nlohmann::json(d).dump();  // NaN and the infinities print as null
  return *this;
}

JsonText& JsonText::boolean(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonText& JsonText::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonText& JsonText::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

JsonText& JsonText::value(const rt_value& v) {
  switch (v.tag) {
    case RT_BOOL: return boolean(v.u.b != 0);
    case RT_NUM: return number(v.u.num);
    case RT_STR: return str({v.u.str, v.len});
    case RT_OBJ:
    case RT_ARR:
      return raw(static_cast<const nlohmann::json*>(v.u.json)->dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace));
    default: return null();
  }
}

namespace {

size_t escaped_size(const std::string& s) {
  size_t n = s.size() + 2;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
      n += 1;
    else if (c < 0x20)
      n += 5;
  }
  return n;
}

size_t digits_of(uint64_t v) {
  size_t n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

}  // namespace

size_t dumped_size(const nlohmann::json& j, size_t limit) {
  using nlohmann::json;
  switch (j.type()) {
    case json::value_t::null: return 4;
    case json::value_t::boolean: return j.get<bool>() ? 4 : 5;
    case json::value_t::string: return escaped_size(j.get_ref<const std::string&>());
    case json::value_t::number_unsigned: return digits_of(j.get<uint64_t>());
    case json::value_t::number_integer: {
      int64_t i = j.get<int64_t>();
      return i < 0 ? 1 + digits_of(0 - static_cast<uint64_t>(i)) : digits_of(static_cast<uint64_t>(i));
    }
    case json::value_t::number_float: return j.dump().size();
    case json::value_t::object: {
      size_t n = 2 + (j.empty() ? 0 : j.size() - 1);
      for (const auto& [k, v] : j.items()) {
        n += escaped_size(k) + 1 + dumped_size(v, limit);
        if (n > limit) return n;
      }
      return n;
    }
    case json::value_t::array: {
      size_t n = 2 + (j.empty() ? 0 : j.size() - 1);
      for (const auto& v : j) {
        n += dumped_size(v, limit);
        if (n > limit) return n;
      }
      return n;
    }
    default: return j.dump().size();
  }
}

}  // namespace flowc::stdlib
