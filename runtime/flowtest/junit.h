// JUnit XML for CI systems (`flowc test --junit FILE`): one testsuite per
// test file, one testcase per scenario, failures with the readable report.
#pragma once

#include <string>
#include <vector>

namespace flowc::flowtest {

struct JunitCase {
  std::string name;
  double seconds = 0;
  bool failed = false;
  bool error = false;   // the scenario could not run (the test file or flow is broken)
  std::string message;  // one line
  std::string detail;   // the report
};

struct JunitSuite {
  std::string name;  // the test file
  std::vector<JunitCase> cases;
};

std::string render_junit(const std::vector<JunitSuite>& suites);

}  // namespace flowc::flowtest
