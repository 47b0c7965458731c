// Expanding directories on the command line (see paths.h).
#include "tools/flowc/paths.h"

#include <algorithm>
#include <filesystem>

namespace flowc::cli {

namespace fs = std::filesystem;

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == extension)
          found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace flowc::cli
