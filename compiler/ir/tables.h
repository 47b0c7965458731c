// The runtime form of a flow's tables (stdlib::FlowTables) built from its IR:
// slot metadata, automation settings, compiled regexes, resolved time zones.
#pragma once

#include "compiler/ir/ir.h"
#include "stdlib/flow_code.h"
#include "stdlib/timezone.h"

namespace flowc::ir {

stdlib::FlowTables make_tables(const Flow& flow, stdlib::TimeZoneCache& zones);

}  // namespace flowc::ir
