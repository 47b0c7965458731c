// Fingerprints of modules and the difference between two versions of a flow.
#include "compiler/driver/module_diff.h"

#include <cctype>

namespace flowc {

namespace {

// The module's text with runs of white space folded into one space, so that
// re-indenting a module does not count as a change.
std::string normalized(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

ModuleFingerprints module_fingerprints(const Compilation& c) {
  ModuleFingerprints out;
  for (const auto& file : c.files) {
    if (!file) continue;
    for (const auto& m : file->modules) {
      if (!m.range.valid() || m.range.file > c.sources.size()) continue;
      out[m.name] = normalized(c.sources.file(m.range.file).slice(m.range.begin, m.range.end));
    }
  }
  return out;
}

ModuleChanges diff_modules(const ModuleFingerprints& before, const ModuleFingerprints& after) {
  ModuleChanges d;
  for (const auto& [name, text] : after) {
    auto it = before.find(name);
    if (it == before.end())
      d.added.push_back(name);
    else if (it->second != text)
      d.changed.push_back(name);
    else
      ++d.unchanged;
  }
  for (const auto& [name, text] : before)
    if (!after.count(name)) d.removed.push_back(name);
  return d;
}

std::string ModuleChanges::summary() const {
  auto part = [](size_t n, const char* what, const std::vector<std::string>& names) {
    std::string s = std::to_string(n) + " " + what;
    if (!names.empty()) s += " (" + list(names) + ")";
    return s;
  };
  return "modules: " + part(added.size(), "added", added) + ", " + part(removed.size(), "removed", removed) +
         ", " + part(changed.size(), "changed", changed) + ", " + std::to_string(unchanged) + " unchanged";
}

}  // namespace flowc
