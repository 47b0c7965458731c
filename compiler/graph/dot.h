// The flow as a picture: modules as nodes, next / switch branches / menu keys
// / error routes as labelled edges, in Graphviz DOT.
#pragma once

#include <string>

#include "compiler/ir/ir.h"

namespace flowc {

std::string to_dot(const ir::Flow& flow);

}  // namespace flowc
