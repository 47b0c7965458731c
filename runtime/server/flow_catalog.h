// The flows a runtime serves: found under the paths it was given, compiled,
// checked and installed into the engine; every version with its number and
// content hash, the files each flow imports, the last load error of each
// file and what the last reload changed, for GET /v1/flows.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/compile.h"
#include "compiler/driver/module_diff.h"
#include "runtime/engine/engine.h"
#include "runtime/http/api.h"
#include "runtime/server/reload_policy.h"

namespace flowc::server {

struct CatalogOptions {
  std::vector<std::string> paths;  // files or directories of .flow files
  engine::CodeFactory factory;     // the JIT (or the interpreter)
  CompileOptions compile;
  std::function<int64_t()> now_ms;
  std::function<void(const std::string&)> log;  // one message per line
  DeletePolicy on_delete = DeletePolicy::Stop;
  ReloadPolicy reload = ReloadPolicy::Pin;
  // Runs a reload job off the HTTP threads (the runtime's reload thread);
  // unset: jobs run at once on the caller's thread.
  std::function<void(std::function<void()>)> background;
};

struct LoadOutcome {
  std::string path;
  std::string flow;  // "" when the file is not a flow (a library) or did not check
  bool installed = false;
  bool unchanged = false;
  bool deleted = false;     // the file is gone (see DeletePolicy)
  uint32_t version = 0;     // the installed version's number
  std::string error;        // short
  std::string diagnostics;  // as `flowc check` prints them
  ModuleChanges changes;    // against the version that was serving
  // With ReloadPolicy::Migrate: calls on older versions that move to the new
  // one at their next module, and those that stay pinned.
  size_t migrating = 0, pinned = 0;
};

class FlowCatalog : public http::FlowAdmin {
 public:
  FlowCatalog(engine::Engine& engine, stdlib::TimeZoneCache& zones, CatalogOptions options);

  // Every .flow under the paths, sorted; libraries (no `flow` header) skipped.
  std::vector<std::string> files() const;
  std::vector<LoadOutcome> load_all();
  // Compiles one file and installs it when it checks and compiles and has
  // changed; the running version stays otherwise. A file whose sources
  // (imports included) are byte for byte those of the running version is
  // not compiled again. With dry_run, reports what installing would change
  // and installs nothing.
  LoadOutcome load(const std::string& path, bool dry_run = false);
  // Reloads everything under the paths: new and changed files are loaded,
  // deleted ones handled by the delete policy. Unchanged files cost a read.
  std::vector<LoadOutcome> refresh();
  // The directories a watcher should watch: those of the served paths
  // (and their subdirectories) and of every file a flow imports.
  std::vector<std::string> watch_dirs() const;

  nlohmann::json list() const override;
  void reload(const std::string& name, bool dry_run, http::Respond done) override;
  http::Response modules(const std::string& name) const override;
  // The body of GET /v1/flows/{name}/modules when `name` has a running
  // version: {"flow", "version", "hash", "modules": {module: digest}}.
  std::optional<nlohmann::json> running_modules(const std::string& name) const;

 private:
  struct Entry {
    std::string name;
    std::string path;
    std::string hash;                  // of the running version's sources
    std::vector<std::string> sources;  // the file and what it imports, in load order
    ModuleFingerprints modules;        // of the running version
    uint32_t next_number = 1;
    std::vector<std::weak_ptr<engine::FlowVersion>> versions;
    std::string last_error;
    nlohmann::json last_diagnostics = nlohmann::json::array();
    nlohmann::json last_change;  // what the last installed version changed
    int64_t last_attempt_ms = 0;
    bool deleted = false;
    uint64_t installed = 0, unchanged = 0, failed = 0;
  };

  LoadOutcome load_locked(const std::string& path, bool dry_run);
  LoadOutcome deleted(Entry& e);
  void log(const std::string& message) const {
    if (options_.log) options_.log(message);
  }

  engine::Engine& engine_;
  stdlib::TimeZoneCache& zones_;
  CatalogOptions options_;
  std::mutex load_mu_;  // one load at a time: versions install in order
  mutable std::mutex mu_;
  std::map<std::string, Entry> by_path_;
};

// FNV-1a over the bytes, as 16 hex digits.
std::string content_hash(const std::string& bytes);

// Each module's fingerprint (its whitespace-folded text) as its content_hash:
// what GET /v1/flows/{name}/modules answers, short and without the flow's
// text; compare them with the digests of another version's modules.
ModuleFingerprints module_digests(const ModuleFingerprints& modules);

}  // namespace flowc::server
