// Port files: a server started on port 0 writes the port it got, atomically,
// so a script or a test can wait for it instead of guessing a free port.
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

namespace flowc::tools {

inline bool write_port_file(const std::string& path, uint16_t port) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << port << "\n";
    if (!out) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

inline std::optional<uint16_t> read_port_file(const std::string& path) {
  std::ifstream in(path);
  int port = 0;
  if (!(in >> port) || port <= 0 || port > 65535) return std::nullopt;
  return static_cast<uint16_t>(port);
}

}  // namespace flowc::tools
