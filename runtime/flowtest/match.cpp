// Comparing an expected value (Match) with what the call actually did:
// equality, text containment, JSON subsets and regular expressions.
#include <regex>

#include "runtime/flowtest/scenario.h"

namespace flowc::flowtest {

using nlohmann::json;

namespace {

std::string text_of(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// Every key of an expected object (recursively) and every element of an
// expected array (in order, as a subsequence) is in the actual value.
bool subset(const json& expected, const json& actual) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [k, v] : expected.items())
      if (!actual.contains(k) || !subset(v, actual[k])) return false;
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return false;
    size_t j = 0;
    for (const auto& e : expected) {
      while (j < actual.size() && !subset(e, actual[j])) ++j;
      if (j == actual.size()) return false;
      ++j;
    }
    return true;
  }
  if (expected.is_number() && actual.is_number()) return expected.get<double>() == actual.get<double>();
  return expected == actual;
}

}  // namespace

bool Match::matches(const json& actual) const {
  switch (kind) {
    case Kind::Equals:
      if (value.is_number() && actual.is_number()) return value.get<double>() == actual.get<double>();
      return value == actual;
    case Kind::Contains:
      return !actual.is_null() && text_of(actual).find(value.get<std::string>()) != std::string::npos;
    case Kind::JsonContains: return subset(value, actual);
    case Kind::Regex:
      if (actual.is_null()) return false;
      try {
        return std::regex_search(text_of(actual),
                                 std::regex(value.get<std::string>(), std::regex::ECMAScript));
      } catch (const std::regex_error&) {
        return false;
      }
    case Kind::Unset: return actual.is_null();
  }
  return false;
}

std::string Match::describe() const {
  switch (kind) {
    case Kind::Equals: return value.dump();
    case Kind::Contains: return "contains " + value.dump();
    case Kind::JsonContains: return "contains " + value.dump();
    case Kind::Regex: return "matches " + value.dump();
    case Kind::Unset: return "unset";
  }
  return "?";
}

}  // namespace flowc::flowtest
