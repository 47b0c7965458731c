// Module and route coverage of the scenarios (see coverage.h). A route is
// reached when a call moved from its module to its target; two routes of a
// module to the same target (on invalid and on timeout, say) are reached
// together.
#include "runtime/flowtest/coverage.h"

#include <sstream>

#include "compiler/ir/ir.h"

namespace flowc::flowtest {

size_t FlowCoverage::modules_reached() const {
  size_t n = 0;
  for (const auto& m : modules) n += reached_modules.count(m);
  return n;
}

size_t FlowCoverage::routes_reached() const {
  size_t n = 0;
  for (const auto& r : routes) n += reached(r) ? 1 : 0;
  return n;
}

void Coverage::add_flow(const std::string& key, const ir::Flow& flow) {
  if (flows_.count(key)) return;
  FlowCoverage& c = flows_[key];
  c.flow = flow.name;
  for (const auto& s : flow.states) {
    c.modules.push_back(s.name);
    for (const auto& e : s.edges)
      if (e.target < flow.states.size()) c.routes.push_back({s.name, e.label, flow.states[e.target].name});
  }
}

void Coverage::add_result(const std::string& key, const ScenarioResult& result) {
  auto it = flows_.find(key);
  if (it == flows_.end()) return;
  for (const auto& m : result.modules) it->second.reached_modules.insert(m);
  for (const auto& mv : result.moves) it->second.reached_moves.insert(mv);
}

std::string Coverage::render() const {
  std::ostringstream o;
  for (const auto& [key, c] : flows_) {
    size_t mr = c.modules_reached(), rr = c.routes_reached();
    o << "coverage of " << c.flow << " (" << key << "): modules " << mr << "/" << c.modules.size()
      << ", routes " << rr << "/" << c.routes.size() << "\n";
    for (const auto& m : c.modules)
      if (!c.reached_modules.count(m)) o << "  module not reached: " << m << "\n";
    for (const auto& r : c.routes)
      if (!c.reached(r)) o << "  route not taken: " << r.from << " --" << r.label << "--> " << r.to << "\n";
  }
  return o.str();
}

}  // namespace flowc::flowtest
