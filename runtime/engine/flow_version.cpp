// Building a runnable flow version.
#include "runtime/engine/flow_version.h"

#include "compiler/ir/tables.h"

namespace flowc::engine {

std::shared_ptr<FlowVersion> FlowVersion::make(std::unique_ptr<ir::Flow> flow, const CodeFactory& factory,
                                               stdlib::TimeZoneCache& zones, std::string* error) {
  auto v = std::make_shared<FlowVersion>();
  v->name = flow->name;
  v->tables = ir::make_tables(*flow, zones);
  v->code = factory(*flow, error);
  if (!v->code) return nullptr;
  v->flow = std::move(flow);
  return v;
}

}  // namespace flowc::engine
