// `flowc test PATH...`: runs the scenarios of .flowtest files (directories
// are searched recursively) through the real engine on a virtual clock,
// prints a readable report, writes JUnit XML and coverage on request.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "compiler/diag/render.h"
#include "runtime/flowtest/coverage.h"
#include "runtime/flowtest/junit.h"
#include "runtime/flowtest/scenario_runner.h"
#include "runtime/flowtest/test_suite.h"
#include "tools/flowc/cli.h"
#include "tools/flowc/paths.h"

namespace flowc::cli {

namespace {

struct TestArgs {
  std::vector<std::string> paths;
  std::string engine = "jit";
  std::string junit;
  std::string filter;
  bool coverage = false;
  bool verbose = false;
  bool times = true;  // --no-times: no timings in the output (for golden tests)
  std::optional<bool> color;
};

TestArgs parse(int argc, char** argv) {
  TestArgs t;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error("missing value for " + a);
      return argv[++i];
    };
    if (a == "--engine") {
      t.engine = value();
    } else if (a.rfind("--engine=", 0) == 0) {
      t.engine = a.substr(9);
    } else if (a == "--junit") {
      t.junit = value();
    } else if (a == "--coverage") {
      t.coverage = true;
    } else if (a == "--filter") {
      t.filter = value();
    } else if (a == "--no-times") {
      t.times = false;
    } else if (a == "-v" || a == "--verbose") {
      t.verbose = true;
    } else if (a == "--color") {
      t.color = true;
    } else if (a == "--no-color") {
      t.color = false;
    } else if (!a.empty() && a[0] == '-') {
      usage_error("test: unknown option '" + a + "'");
    } else {
      t.paths.push_back(a);
    }
  }
  if (t.paths.empty()) usage_error("test needs at least one .flowtest file or directory");
  if (t.engine != "jit" && t.engine != "interp") usage_error("--engine must be jit or interp");
  return t;
}

std::string fixed(double v, int decimals) {
  if (v < 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

int cmd_test(int argc, char** argv) {
  TestArgs args = parse(argc, argv);
  std::vector<std::string> files = expand_paths(args.paths, ".flowtest");
  if (files.empty()) usage_error("no .flowtest files found in the paths given");
  RenderOptions ro;
  ro.color = args.color.value_or(isatty(STDOUT_FILENO) != 0);

  engine::CodeFactory factory = make_code_factory(args.engine);
  stdlib::TimeZoneCache zones;
  DiskFileSystem disk;
  flowtest::Coverage coverage;
  std::vector<flowtest::JunitSuite> suites;
  size_t passed = 0, failed = 0, broken_files = 0;
  double scenario_ms = 0;
  auto took = [&](double ms) { return args.times ? " (" + fixed(ms, 2) + " ms)" : std::string(); };
  auto t0 = std::chrono::steady_clock::now();

  for (const auto& path : files) {
    SourceManager sources;
    DiagnosticEngine diags;
    std::string code_error;
    flowtest::LoadedTest t = flowtest::load_test(path, disk, sources, diags, factory, zones, &code_error);
    flowtest::JunitSuite suite;
    suite.name = path;
    if (t.flow && !t.flow->diags.all().empty())
      std::cout << render_text(t.flow->sources, t.flow->diags.sorted(), ro);
    if (!diags.all().empty()) std::cout << render_text(sources, diags.sorted(), ro);
    if (!t.ok()) {
      ++broken_files;
      std::string why = diags.has_errors()
                            ? std::to_string(diags.error_count()) + " error(s) in the test file"
                            : "cannot build the flow's code: " + code_error;
      if (!diags.has_errors()) std::cout << "flowc: " << path << ": " << why << "\n";
      std::cout << "ERROR " << path << ": not run (" << why << ")\n";
      flowtest::JunitCase c;
      c.name = "(load)";
      c.error = true;
      c.message = why;
      suite.cases.push_back(std::move(c));
      suites.push_back(std::move(suite));
      continue;
    }
    coverage.add_flow(t.flow_file, *t.version->flow);
    for (size_t i = 0; i < t.file.scenarios.size(); ++i) {
      const auto& s = t.file.scenarios[i];
      if (!args.filter.empty() && s.name.find(args.filter) == std::string::npos) continue;
      flowtest::ScenarioResult r = flowtest::run_scenario(s, t.version, i + 1);
      coverage.add_result(t.flow_file, r);
      scenario_ms += r.wall_ms;
      flowtest::JunitCase c;
      c.name = s.name;
      c.seconds = r.wall_ms / 1000.0;
      if (r.passed) {
        ++passed;
        std::cout << "PASS " << path << ": " << s.name << took(r.wall_ms) << "\n";
        if (args.verbose) {
          flowtest::ScenarioResult shown = r;
          std::cout << flowtest::render_failure(shown, sources);
        }
      } else {
        ++failed;
        std::string report = flowtest::render_failure(r, sources);
        std::cout << "FAIL " << path << ": " << s.name << took(r.wall_ms) << "\n" << report;
        c.failed = true;
        c.message = r.failures.front().what;
        c.detail = report;
      }
      suite.cases.push_back(std::move(c));
    }
    suites.push_back(std::move(suite));
  }

  double total_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  size_t run = passed + failed;
  if (args.coverage) std::cout << coverage.render();
  std::cout << run << " scenario(s) in " << files.size() << " file(s): " << passed << " passed, " << failed
            << " failed";
  if (broken_files) std::cout << ", " << broken_files << " file(s) not run";
  std::cout << " (" << args.engine;
  if (args.times)
    std::cout << "; " << fixed(total_ms, 1) << " ms in all, "
              << fixed(run ? scenario_ms / static_cast<double>(run) : 0.0, 3) << " ms per scenario";
  std::cout << ")\n";
  if (!args.junit.empty()) {
    std::ofstream out(args.junit, std::ios::binary);
    out << flowtest::render_junit(suites);
    if (!out) {
      std::cerr << "flowc: cannot write '" << args.junit << "'\n";
      return 1;
    }
  }
  return failed || broken_files ? 1 : 0;
}

}  // namespace flowc::cli
