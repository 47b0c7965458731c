// Pure text functions behind the flow language's string built-ins and the
// escaping of template values; see text.h.
#include "stdlib/text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>
#include <vector>

namespace flowc::stdlib {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// The length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates and values above
// U+10FFFF included).
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// The byte length of the code point at s[i]: an invalid byte is one code point.
size_t code_point_length(std::string_view s, size_t i) {
  size_t n = utf8_sequence_length(s, i);
  return n == 0 ? 1 : n;
}

// The byte offsets of every code point of s, followed by s.size().
std::vector<size_t> code_point_offsets(std::string_view s) {
  std::vector<size_t> offsets;
  offsets.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); i += code_point_length(s, i)) offsets.push_back(i);
  offsets.push_back(s.size());
  return offsets;
}

// A code point index from a double: NaN handled by the caller; truncated towards
// zero and clamped to [0, n] after negative values are counted from the end.
size_t clamp_index(double x, size_t n, bool from_end_if_negative) {
  double t = std::trunc(x);
  if (t < 0) {
    if (!from_end_if_negative) return 0;
    t += static_cast<double>(n);
    if (t < 0) return 0;
  }
  if (t >= static_cast<double>(n)) return n;
  return static_cast<size_t>(t);
}

// The digits of s, leaving out every "(0)" that follows a digit: the trunk
// prefix some write inside international numbers ("+49 (0)30 1234").
std::string digits_without_trunk_marker(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!out.empty() && s.substr(i, 3) == "(0)") {
      i += 2;
    } else if (is_digit(s[i])) {
      out += s[i];
    }
  }
  return out;
}

// A country calling code: an optional '+' and 1 to 3 digits, the first not 0.
std::optional<std::string> country_code(std::string_view s) {
  std::string_view t = s;
  while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  if (t.empty() || t.size() > 3 || t.front() == '0') return std::nullopt;
  for (char c : t) {
    if (!is_digit(c)) return std::nullopt;
  }
  return std::string(t);
}

// Whether a JSON number (leading zeros allowed) spans exactly s.
bool is_json_number(std::string_view s) {
  size_t i = 0;
  auto digit_run = [&] {
    size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digit_run()) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digit_run()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit_run()) return false;
  }
  return i == s.size();
}

// Whether the magnitude of a JSON number that std::from_chars found out of range
// is below 1 (an underflow) rather than above the largest double.
bool is_tiny(std::string_view s) {
  if (s.front() == '-') s.remove_prefix(1);
  size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  int64_t exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits_part = s.substr(e + 1);
    bool negative = digits_part.front() == '-';
    if (digits_part.front() == '+' || negative) digits_part.remove_prefix(1);
    for (char c : digits_part) {
      exponent = exponent * 10 + (c - '0');
      if (exponent > 1'000'000'000) break;  // far beyond any double either way
    }
    if (negative) exponent = -exponent;
  }
  // The position of the first non-zero digit relative to the decimal point.
  size_t point = mantissa.find('.');
  if (point == std::string_view::npos) point = mantissa.size();
  size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return true;  // zero
  // The value lies in [10^(magnitude - 1), 10^magnitude) times 10^exponent.
  int64_t magnitude =
      first < point ? static_cast<int64_t>(point - first) : 1 - static_cast<int64_t>(first - point);
  return exponent + magnitude <= 0;
}

const char kHex[] = "0123456789ABCDEF";

}  // namespace

std::string digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_digit(c)) out += c;
  }
  return out;
}

std::optional<std::string> e164(std::string_view number, std::string_view default_country) {
  size_t first_digit = number.find_first_of("0123456789");
  if (first_digit == std::string_view::npos) return std::nullopt;
  bool plus = number.substr(0, first_digit).find('+') != std::string_view::npos;
  std::string all = digits(number);
  std::string national;
  if (plus) {
    national = digits_without_trunk_marker(number);
  } else if (all.starts_with("00")) {
    national = digits_without_trunk_marker(number).substr(2);
  } else if (!default_country.empty()) {
    std::optional<std::string> country = country_code(default_country);
    if (!country) return std::nullopt;
    national = *country + (all.starts_with('0') ? all.substr(1) : all);
  } else {
    national = all;
  }
  if (national.size() < 3 || national.size() > 15) return std::nullopt;
  return "+" + national;
}

bool starts_with(std::string_view s, std::string_view part) {
  return s.starts_with(part);
}
bool ends_with(std::string_view s, std::string_view part) {
  return s.ends_with(part);
}
bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

size_t length(std::string_view utf8) {
  size_t n = 0;
  for (size_t i = 0; i < utf8.size(); i += code_point_length(utf8, i)) ++n;
  return n;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string substr(std::string_view s, double start, std::optional<double> len) {
  if (std::isnan(start) || (len && (std::isnan(*len) || *len < 0))) return "";
  std::vector<size_t> offsets = code_point_offsets(s);
  size_t n = offsets.size() - 1;
  size_t begin = clamp_index(start, n, true);
  size_t end = n;
  if (len) {
    size_t count = clamp_index(*len, n, false);
    end = count < n - begin ? begin + count : n;
  }
  return std::string(s.substr(offsets[begin], offsets[end] - offsets[begin]));
}

std::string last(std::string_view s, double n) {
  if (std::isnan(n) || n <= 0) return "";
  std::vector<size_t> offsets = code_point_offsets(s);
  size_t count = offsets.size() - 1;
  size_t keep = clamp_index(n, count, false);
  return std::string(s.substr(offsets[count - keep]));
}

std::optional<double> parse_number(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (!is_json_number(s)) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    if (!is_tiny(s)) return std::nullopt;
    return s.front() == '-' ? -0.0 : 0.0;
  }
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string format_number(double d) {
  if (!std::isfinite(d)) return "null";
  if (d == 0) return "0";
  // The shortest round-trip digits and their exponent, then JavaScript's layout.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(end - buf));
  std::string out;
  if (sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits_part;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits_part += c;
  }
  int exponent = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exponent);
  int k = static_cast<int>(digits_part.size());
  int n = exponent + 1;  // the position of the decimal point after the first digit
  if (k <= n && n <= 21) {
    out += digits_part;
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits_part.substr(0, static_cast<size_t>(n));
    out += '.';
    out += digits_part.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out += digits_part;
  } else {
    out += digits_part[0];
    if (k > 1) {
      out += '.';
      out += digits_part.substr(1);
    }
    out += 'e';
    out += n - 1 < 0 ? '-' : '+';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

void append_url_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' ||
                      c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
}

std::string iso_time_utc(int64_t ms, bool with_ms) {
  int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  int64_t milli = ms - secs * 1000;
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rest = secs - days * 86400;
  // Days since 1970-01-01 to a civil date (H. Hinnant, "chrono-compatible
  // low-level date algorithms").
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[32];
  char* p = buf + sizeof buf;
  auto put = [&](int64_t v, int width) {
    for (int i = 0; i < width; ++i) {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  };
  *--p = 'Z';
  if (with_ms) {
    put(milli, 3);
    *--p = '.';
  }
  put(rest % 60, 2);
  *--p = ':';
  put(rest / 60 % 60, 2);
  *--p = ':';
  put(rest / 3600, 2);
  *--p = 'T';
  put(d, 2);
  *--p = '-';
  put(m, 2);
  *--p = '-';
  if (y >= 0 && y <= 9999) {
    put(y, 4);
    return std::string(p, buf + sizeof buf - p);
  }
  return std::to_string(y) + std::string(p, buf + sizeof buf - p);
}

void append_json_escaped(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // A run of printable ASCII that needs no escaping is copied at once.
    size_t run = i;
    while (run < s.size()) {
      auto c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
      ++run;
    }
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (b < 0x20) {
          out += "\\u00";
          out += kHex[b >> 4];
          out += kHex[b & 0xF];
        } else {
          out += static_cast<char>(b);
        }
    }
    ++i;
  }
}

}  // namespace flowc::stdlib
