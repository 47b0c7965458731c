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
  after_key_ = true;
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

}  // namespace flowc::stdlib
