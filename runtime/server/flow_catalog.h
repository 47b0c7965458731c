// The flows a runtime serves: found under the paths it was given, compiled,
// checked and installed into the engine; every version with its number and
// content hash, and the last load error of each file, for GET /v1/flows.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/compile.h"
#include "runtime/engine/engine.h"
#include "runtime/http/api.h"

namespace flowc::server {

struct CatalogOptions {
  std::vector<std::string> paths;  // files or directories of .flow files
  engine::CodeFactory factory;     // the JIT (or the interpreter)
  CompileOptions compile;
  std::function<int64_t()> now_ms;
  std::function<void(const std::string&)> log;  // one message per line
};

struct LoadOutcome {
  std::string path;
  std::string flow;  // "" when the file is not a flow (a library) or did not check
  bool installed = false;
  bool unchanged = false;
  std::string error;        // short
  std::string diagnostics;  // as `flowc check` prints them
};

class FlowCatalog : public http::FlowAdmin {
 public:
  FlowCatalog(engine::Engine& engine, stdlib::TimeZoneCache& zones, CatalogOptions options);

  // Every .flow under the paths, sorted; libraries (no `flow` header) skipped.
  std::vector<std::string> files() const;
  std::vector<LoadOutcome> load_all();
  // Compiles one file and installs it when it checks and compiles and has
  // changed; the running version stays otherwise.
  LoadOutcome load(const std::string& path);

  nlohmann::json list() const override;
  http::Response reload(const std::string& name) override;

 private:
  struct Entry {
    std::string name;
    std::string path;
    std::string hash;
    uint32_t next_number = 1;
    std::vector<std::weak_ptr<engine::FlowVersion>> versions;
    std::string last_error;
    nlohmann::json last_diagnostics = nlohmann::json::array();
    int64_t last_attempt_ms = 0;
  };

  engine::Engine& engine_;
  stdlib::TimeZoneCache& zones_;
  CatalogOptions options_;
  mutable std::mutex mu_;
  std::map<std::string, Entry> by_path_;
};

// FNV-1a over the bytes, as 16 hex digits.
std::string content_hash(const std::string& bytes);

}  // namespace flowc::server
