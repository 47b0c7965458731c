// What a new version of a flow changes, module by module: the modules added,
// removed and changed (by their source text, whitespace aside), for reload
// reports (`flowc check --diff`, `flowc serve --dry-run`, the reload log and
// /v1/flows).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/driver/compile.h"

namespace flowc {

// Module name → a fingerprint of its definition.
using ModuleFingerprints = std::map<std::string, std::string>;

ModuleFingerprints module_fingerprints(const Compilation& c);

struct ModuleChanges {
  std::vector<std::string> added, removed, changed;  // sorted by name
  size_t unchanged = 0;

  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
  // "modules: 1 added (x), 1 removed (y), 2 changed (a, b), 4 unchanged"
  std::string summary() const;
};

ModuleChanges diff_modules(const ModuleFingerprints& before, const ModuleFingerprints& after);

}  // namespace flowc
