// Pure text functions behind the flow language's string built-ins (digits, e164,
// substr, ...) and the escaping of values spliced into URL and JSON templates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowc::stdlib {

// Only the ASCII digits of s: "+49 (30) 123-456" -> "4930123456".
std::string digits(std::string_view s);

// E.164 normalisation: "+" followed by 3 to 15 digits, or nullopt.
// "+49 30 1234" -> "+49301234"; "0049 30 1234" -> "+49301234" (00 = international
// prefix); "+49 (0)30 1234" -> "+49301234"; "030 1234" with default_country "49"
// -> "+49301234" (one trunk 0 dropped); with no default country, no '+' and no
// "00", the digits are taken as they are ("4930 1234" -> "+49301234").
// A default_country that is not 1 to 3 digits (an optional '+' allowed, first
// digit not 0) gives nullopt when it is needed.
std::optional<std::string> e164(std::string_view number, std::string_view default_country = "");

bool starts_with(std::string_view s, std::string_view part);
bool ends_with(std::string_view s, std::string_view part);
bool contains(std::string_view s, std::string_view part);

// The number of code points; every byte that is not part of a valid UTF-8
// sequence counts as one.
size_t length(std::string_view utf8);

// ASCII letters only; every other byte is kept as it is.
std::string lower(std::string_view s);
std::string upper(std::string_view s);
// Without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string trim(std::string_view s);

// The code points [start, start + len) of s (to the end when len is nullopt).
// A negative start counts from the end; both are truncated towards zero and
// clamped to the string; a NaN start or len or a negative len gives "".
std::string substr(std::string_view s, double start, std::optional<double> len);
// The last n code points (all of s when n >= length(s), "" when n <= 0 or NaN).
std::string last(std::string_view s, double n);

// A JSON number ("12", "-1.5", "1e3"; leading zeros such as "007" allowed),
// optionally surrounded by ASCII whitespace; nullopt for anything else,
// including "inf", "nan", hex and numbers too large for a double. Numbers too
// small for a double become zero.
std::optional<double> parse_number(std::string_view s);

// The shortest text that reads back as d, formatted like JavaScript's
// Number#toString: 3 -> "3", 2.5 -> "2.5", -0 -> "0", 1e21 -> "1e+21",
// 1e-7 -> "1e-7"; NaN and the infinities -> "null".
std::string format_number(double d);

// Unix milliseconds as ISO 8601 UTC: "2026-12-05T07:04:05.123Z", or without
// the milliseconds ("2026-12-05T07:04:05Z"). Negative times count back from
// 1970 (floored to the second before).
std::string iso_time_utc(int64_t ms, bool with_ms = true);

// Appends s percent-encoded: everything except A-Z a-z 0-9 - . _ ~ becomes %XX
// (uppercase hex).
void append_url_escaped(std::string& out, std::string_view s);

// Appends s escaped for the inside of a JSON string: " and \ escaped, control
// characters as \n \r \t \b \f or \u00XX, each byte of invalid UTF-8 as \ufffd;
// valid UTF-8 is copied unchanged.
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace flowc::stdlib
