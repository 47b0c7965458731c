// Paths named on the command line, with directories expanded to the files
// of one extension below them (sorted, so the output is stable).
#pragma once

#include <string>
#include <vector>

namespace flowc::cli {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const std::string& extension);

}  // namespace flowc::cli
