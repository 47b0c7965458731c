// `flowc test --coverage`: which modules and which routes between modules
// (switch branches, menu keys, on error / on timeout / on invalid routes,
// next) no scenario reached, per flow.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "runtime/flowtest/scenario_runner.h"

namespace flowc::flowtest {

struct FlowCoverage {
  std::string flow;  // the flow's name
  struct Route {
    std::string from, label, to;
  };
  std::vector<std::string> modules;  // every module of the flow
  std::vector<Route> routes;         // every edge of the module graph
  std::set<std::string> reached_modules;
  std::set<std::pair<std::string, std::string>> reached_moves;

  bool reached(const Route& r) const { return reached_moves.count({r.from, r.to}) > 0; }
  size_t modules_reached() const;
  size_t routes_reached() const;
};

class Coverage {
 public:
  // Registers a flow (by its file) the first time it is seen.
  void add_flow(const std::string& key, const ir::Flow& flow);
  void add_result(const std::string& key, const ScenarioResult& result);
  // The report: per flow, the counts and what was not reached.
  std::string render() const;
  const std::map<std::string, FlowCoverage>& flows() const { return flows_; }

 private:
  std::map<std::string, FlowCoverage> flows_;
};

}  // namespace flowc::flowtest
