// JUnit XML rendering (see junit.h).
#include "runtime/flowtest/junit.h"

#include <cstdio>
#include <sstream>

namespace flowc::flowtest {

namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r')
          out += "?";  // not allowed in XML 1.0
        else
          out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", s);
  return buf;
}

}  // namespace

std::string render_junit(const std::vector<JunitSuite>& suites) {
  size_t tests = 0, failures = 0, errors = 0;
  double total = 0;
  for (const auto& s : suites)
    for (const auto& c : s.cases) {
      ++tests;
      failures += c.failed ? 1 : 0;
      errors += c.error ? 1 : 0;
      total += c.seconds;
    }
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o << "<testsuites name=\"flowc test\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\""
    << errors << "\" time=\"" << seconds(total) << "\">\n";
  for (const auto& s : suites) {
    size_t f = 0, e = 0;
    double t = 0;
    for (const auto& c : s.cases) {
      f += c.failed ? 1 : 0;
      e += c.error ? 1 : 0;
      t += c.seconds;
    }
    o << "  <testsuite name=\"" << xml_escape(s.name) << "\" tests=\"" << s.cases.size() << "\" failures=\""
      << f << "\" errors=\"" << e << "\" time=\"" << seconds(t) << "\">\n";
    for (const auto& c : s.cases) {
      o << "    <testcase classname=\"" << xml_escape(s.name) << "\" name=\"" << xml_escape(c.name)
        << "\" time=\"" << seconds(c.seconds) << "\"";
      if (!c.failed && !c.error) {
        o << "/>\n";
        continue;
      }
      o << ">\n      <" << (c.error ? "error" : "failure") << " message=\"" << xml_escape(c.message) << "\">"
        << xml_escape(c.detail) << "</" << (c.error ? "error" : "failure") << ">\n    </testcase>\n";
    }
    o << "  </testsuite>\n";
  }
  o << "</testsuites>\n";
  return o.str();
}

}  // namespace flowc::flowtest
