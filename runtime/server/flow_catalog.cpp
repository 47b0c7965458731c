// Loading flows into the engine, reloading them, and describing them.
#include "runtime/server/flow_catalog.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "compiler/diag/render.h"
#include "compiler/ir/ir.h"

namespace flowc::server {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr uint64_t kMaxSourceBytes = 16u << 20;  // a read for the unchanged check, not a parse limit

// The disk, remembering every file a compilation read and its bytes, so the
// version's hash is of exactly what was compiled.
class RecordingFileSystem : public FileSystem {
 public:
  ReadResult read(const std::string& path, uint64_t max_bytes) const override {
    ReadResult r = disk_.read(path, max_bytes);
    if (r.data) reads.emplace_back(path, *r.data);
    return r;
  }
  mutable std::vector<std::pair<std::string, std::string>> reads;

 private:
  DiskFileSystem disk_;
};

void add_to_hash(std::string& acc, const std::string& path, const std::string& bytes) {
  acc += path;
  acc.push_back('\0');
  acc += std::to_string(bytes.size());
  acc.push_back('\0');
  acc += bytes;
}

// The hash of the files as they are on disk now; "" when one cannot be read.
std::string hash_on_disk(const std::vector<std::string>& sources) {
  DiskFileSystem disk;
  std::string acc;
  for (const auto& p : sources) {
    ReadResult r = disk.read(p, kMaxSourceBytes);
    if (!r.data) return {};
    add_to_hash(acc, p, *r.data);
  }
  return content_hash(acc);
}

json changes_json(const ModuleChanges& c) {
  return {{"added", c.added}, {"removed", c.removed}, {"changed", c.changed}, {"unchanged", c.unchanged}};
}

int64_t ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

std::string content_hash(const std::string& bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

ModuleFingerprints module_digests(const ModuleFingerprints& modules) {
  ModuleFingerprints out;
  for (const auto& [name, fingerprint] : modules) out[name] = content_hash(fingerprint);
  return out;
}

FlowCatalog::FlowCatalog(engine::Engine& engine, stdlib::TimeZoneCache& zones, CatalogOptions options)
    : engine_(engine), zones_(zones), options_(std::move(options)) {}

std::vector<std::string> FlowCatalog::files() const {
  std::vector<std::string> out;
  for (const auto& p : options_.paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".flow") out.push_back(it->path().string());
    } else {
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<LoadOutcome> FlowCatalog::load_all() {
  std::vector<LoadOutcome> out;
  for (const auto& f : files()) out.push_back(load(f));
  return out;
}

std::vector<LoadOutcome> FlowCatalog::refresh() {
  std::vector<LoadOutcome> out;
  std::vector<std::string> present = files();
  std::set<std::string> seen;
  for (const auto& f : present) {
    std::error_code ec;
    if (!fs::exists(f, ec)) continue;  // a named file that is gone: handled below
    seen.insert(f);
    out.push_back(load(f));
  }
  std::lock_guard serial(load_mu_);
  std::lock_guard lock(mu_);
  for (auto& [path, e] : by_path_)
    if (!seen.count(path) && !e.name.empty() && !e.deleted) out.push_back(deleted(e));
  return out;
}

LoadOutcome FlowCatalog::deleted(Entry& e) {
  LoadOutcome r;
  r.path = e.path;
  r.flow = e.name;
  r.deleted = true;
  e.deleted = true;
  auto current = engine_.current(e.name);
  bool ours = current && current->source_path == e.path;
  if (options_.on_delete == DeletePolicy::Stop && ours) {
    engine_.uninstall(e.name);
    log("flow " + e.name + ": " + e.path + " was deleted; no new calls (" +
        std::to_string(current->active_calls.load()) + " active call(s) finish on v" +
        std::to_string(current->number) + ")");
  } else if (ours) {
    log("flow " + e.name + ": " + e.path + " was deleted; v" + std::to_string(current->number) +
        " keeps serving (--on-delete=keep)");
  }
  return r;
}

LoadOutcome FlowCatalog::load(const std::string& path, bool dry_run) {
  std::lock_guard serial(load_mu_);
  return load_locked(path, dry_run);
}

LoadOutcome FlowCatalog::load_locked(const std::string& path, bool dry_run) {
  LoadOutcome result;
  result.path = path;
  auto started = std::chrono::steady_clock::now();
  {
    // Byte for byte what is running: nothing to do, not even a parse.
    std::lock_guard lock(mu_);
    auto it = by_path_.find(path);
    if (it != by_path_.end() && !it->second.hash.empty()) {
      Entry& e = it->second;
      auto current = engine_.current(e.name);
      bool serving = current && current->hash == e.hash;
      if (serving && hash_on_disk(e.sources) == e.hash) {
        result.flow = e.name;
        result.unchanged = true;
        result.version = current->number;
        result.changes.unchanged = e.modules.size();
        if (!dry_run) {
          e.deleted = false;
          e.last_error.clear();
          ++e.unchanged;
        }
        return result;
      }
    }
  }
  RecordingFileSystem disk;
  Compilation c = compile_file(path, disk, options_.compile);
  if (c.checked && !c.checked->is_flow && c.ok()) return result;  // a library: nothing to serve
  std::string acc;
  std::vector<std::string> sources;
  for (const auto& [p, bytes] : disk.reads) {
    add_to_hash(acc, p, bytes);
    sources.push_back(p);
  }
  std::string hash = content_hash(acc);
  auto diags = c.diags.sorted();
  ModuleFingerprints modules = module_fingerprints(c);
  std::unique_lock lock(mu_);
  Entry& e = by_path_[path];
  e.path = path;
  result.changes = diff_modules(e.modules, modules);
  if (!c.ok() || !c.flow) {
    result.diagnostics = render_text(c.sources, diags);
    result.error = std::to_string(c.diags.error_count()) + " error(s)";
    if (dry_run) return result;
    e.last_attempt_ms = options_.now_ms();
    e.last_diagnostics = json::parse(render_json(c.sources, diags), nullptr, false);
    e.last_error = result.diagnostics;
    ++e.failed;
    if (!e.deleted && engine_.current(e.name))
      log("flow " + path + " does not check; the running version stays:\n" + result.diagnostics);
    else
      log("flow " + path + " does not check:\n" + result.diagnostics);
    return result;
  }
  result.flow = c.flow->name;
  if (!e.name.empty() && e.name != c.flow->name) {
    result.error = "the file now defines flow '" + c.flow->name + "' instead of '" + e.name + "'";
    if (dry_run) return result;
    e.last_error = result.error;
    ++e.failed;
    log("flow " + path + ": " + result.error + "; the running version stays");
    return result;
  }
  if (dry_run) {
    if (options_.reload == ReloadPolicy::Migrate) {
      // What installing would do to the active calls (their current module).
      std::set<std::string> modules;
      for (const auto& s : c.flow->states) modules.insert(s.name);
      for (const auto& call : engine_.list_calls())
        if (call.value("flow", "") == result.flow && call["module"].is_string())
          ++(modules.count(call["module"].get<std::string>()) ? result.migrating : result.pinned);
    }
    return result;
  }
  e.last_attempt_ms = options_.now_ms();
  std::string error;
  c.flow->source_hash = hash;
  std::string name = c.flow->name;
  // Compiling takes the time: the lock is not held meanwhile (the loads
  // themselves are serialised by load_mu_).
  lock.unlock();
  auto version = engine::FlowVersion::make(std::move(c.flow), options_.factory, zones_, &error);
  lock.lock();
  Entry& again = by_path_[path];
  if (!version) {
    result.error = "cannot compile: " + error;
    again.last_error = result.error;
    again.last_diagnostics = json::array();
    ++again.failed;
    log("flow " + path + ": " + result.error + "; the running version stays");
    return result;
  }
  version->source_path = path;
  version->hash = hash;
  version->number = again.next_number++;
  version->loaded_at_ms = options_.now_ms();
  version->compile_ms = ms_since(started);
  again.name = name;
  again.hash = hash;
  again.sources = std::move(sources);
  again.modules = std::move(modules);
  again.last_error.clear();
  again.last_diagnostics = json::array();
  again.deleted = false;
  again.last_change = changes_json(result.changes);
  again.last_change["version"] = version->number;
  ++again.installed;
  again.versions.erase(
      std::remove_if(again.versions.begin(), again.versions.end(),
                     [](const std::weak_ptr<engine::FlowVersion>& w) { return w.expired(); }),
      again.versions.end());
  again.versions.push_back(version);
  auto moved = engine_.install(version, options_.reload == ReloadPolicy::Migrate);
  result.installed = true;
  result.version = version->number;
  result.migrating = moved.offered;
  result.pinned = moved.pinned;
  std::string change = version->number > 1 ? "; " + result.changes.summary() : "";
  if (options_.reload == ReloadPolicy::Migrate && moved.offered + moved.pinned > 0) {
    change += "; " + std::to_string(moved.offered) + " active call(s) move to it at their next module, " +
              std::to_string(moved.pinned) + " stay pinned (their module is not in it)";
    again.last_change["migrating_calls"] = moved.offered;
    again.last_change["pinned_calls"] = moved.pinned;
  }
  log("loaded flow " + name + " v" + std::to_string(version->number) + " from " + path + " in " +
      std::to_string(version->compile_ms) + " ms" + change);
  return result;
}

std::vector<std::string> FlowCatalog::watch_dirs() const {
  std::set<std::string> dirs;
  for (const auto& p : options_.paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      dirs.insert(fs::path(p).lexically_normal().string());
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_directory(ec)) dirs.insert(it->path().lexically_normal().string());
    } else {
      auto parent = fs::path(p).parent_path();
      dirs.insert(parent.empty() ? "." : parent.lexically_normal().string());
    }
  }
  std::lock_guard lock(mu_);
  for (const auto& [path, e] : by_path_)
    for (const auto& s : e.sources) {
      auto parent = fs::path(s).parent_path();
      dirs.insert(parent.empty() ? "." : parent.lexically_normal().string());
    }
  return {dirs.begin(), dirs.end()};
}

json FlowCatalog::list() const {
  std::lock_guard lock(mu_);
  json out = json::array();
  for (const auto& [path, e] : by_path_) {
    if (e.name.empty() && e.last_error.empty()) continue;
    json f = {{"name", e.name.empty() ? json(nullptr) : json(e.name)}, {"path", path}};
    auto current = e.name.empty() ? nullptr : engine_.current(e.name);
    if (current && current->source_path != path) current = nullptr;
    json versions = json::array();
    for (const auto& w : e.versions) {
      auto v = w.lock();
      if (!v) continue;  // released: no call runs on it any more
      versions.push_back({{"version", v->number},
                          {"hash", v->hash},
                          {"active_calls", v->active_calls.load()},
                          {"loaded_at_ms", v->loaded_at_ms},
                          {"compile_ms", v->compile_ms},
                          {"current", current == v},
                          {"engine", v->code->engine_name()}});
    }
    f["versions"] = std::move(versions);
    f["current_version"] = current ? json(current->number) : json(nullptr);
    f["state"] = current     ? (e.deleted ? "deleted_serving" : "serving")
                 : e.deleted ? "deleted"
                             : "not_serving";
    if (current) f["numbers"] = current->flow->numbers;
    f["sources"] = e.sources;
    f["reloads"] = {{"installed", e.installed}, {"unchanged", e.unchanged}, {"failed", e.failed}};
    if (!e.last_change.is_null()) f["last_change"] = e.last_change;
    f["last_error"] = e.last_error.empty() ? json(nullptr) : json(e.last_error);
    if (!e.last_error.empty()) {
      f["diagnostics"] = e.last_diagnostics;
      f["last_error_at_ms"] = e.last_attempt_ms;
    }
    out.push_back(std::move(f));
  }
  return out;
}

void FlowCatalog::reload(const std::string& name, bool dry_run, http::Respond done) {
  std::string path;
  {
    std::lock_guard lock(mu_);
    for (const auto& [p, e] : by_path_)
      if (e.name == name) path = p;
  }
  if (path.empty())
    return done(http::Response::error(404, "unknown_flow", "there is no flow named '" + name + "'"));
  auto job = [this, name, path, dry_run, done = std::move(done)] {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      if (!dry_run) {
        std::lock_guard serial(load_mu_);
        std::lock_guard lock(mu_);
        auto it = by_path_.find(path);
        if (it != by_path_.end() && !it->second.deleted) deleted(it->second);
      }
      return done(http::Response::error(410, "flow_file_deleted",
                                        "the file of flow '" + name + "' (" + path + ") no longer exists"));
    }
    LoadOutcome r = load(path, dry_run);
    json body = {{"flow", name},
                 {"path", path},
                 {"installed", r.installed},
                 {"unchanged", r.unchanged},
                 {"changes", changes_json(r.changes)}};
    if (dry_run) body["dry_run"] = true;
    if (options_.reload == ReloadPolicy::Migrate && (r.installed || (dry_run && r.error.empty()))) {
      body["migrating_calls"] = r.migrating;
      body["pinned_calls"] = r.pinned;
    }
    if (!r.error.empty()) {
      body["error"] = {{"code", "reload_failed"}, {"message", r.error}, {"diagnostics", r.diagnostics}};
      return done(http::Response::json(422, body.dump()));
    }
    if (auto v = engine_.current(name)) body["version"] = v->number;
    done(http::Response::json(200, body.dump()));
  };
  if (options_.background)
    options_.background(std::move(job));
  else
    job();
}

std::optional<json> FlowCatalog::running_modules(const std::string& name) const {
  std::lock_guard lock(mu_);
  auto current = engine_.current(name);
  if (!current) return std::nullopt;
  // The entry of the file the running version came from, as it was installed.
  auto it = by_path_.find(current->source_path);
  if (it == by_path_.end() || it->second.name != name || it->second.hash != current->hash)
    return std::nullopt;
  return json{{"flow", name},
              {"version", current->number},
              {"hash", current->hash},
              {"modules", module_digests(it->second.modules)}};
}

http::Response FlowCatalog::modules(const std::string& name) const {
  if (auto body = running_modules(name))
    return http::Response::json(200, body->dump(-1, ' ', false, json::error_handler_t::replace));
  std::lock_guard lock(mu_);
  bool known = false;
  for (const auto& [path, e] : by_path_) {
    if (e.name != name) continue;
    if (e.deleted)
      return http::Response::error(410, "flow_file_deleted",
                                   "the file of flow '" + name + "' (" + path + ") no longer exists");
    known = true;
  }
  return http::Response::error(
      404, "unknown_flow",
      known ? "flow '" + name + "' has no running version" : "there is no flow named '" + name + "'");
}

}  // namespace flowc::server
