// Loading flows into the engine and describing them.
#include "runtime/server/flow_catalog.h"

#include <chrono>
#include <filesystem>

#include "compiler/diag/render.h"
#include "compiler/ir/ir.h"

namespace flowc::server {

namespace fs = std::filesystem;
using nlohmann::json;

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

FlowCatalog::FlowCatalog(engine::Engine& engine, stdlib::TimeZoneCache& zones, CatalogOptions options)
    : engine_(engine), zones_(zones), options_(std::move(options)) {}

std::vector<std::string> FlowCatalog::files() const {
  std::vector<std::string> out;
  for (const auto& p : options_.paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ".flow") out.push_back(it->path().string());
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

LoadOutcome FlowCatalog::load(const std::string& path) {
  LoadOutcome result;
  result.path = path;
  DiskFileSystem disk;
  auto started = std::chrono::steady_clock::now();
  Compilation c = compile_file(path, disk, options_.compile);
  if (c.checked && !c.checked->is_flow && c.ok()) return result;  // a library: nothing to serve
  std::string sources;
  for (size_t i = 1; i <= c.sources.size(); ++i) sources += c.sources.file(static_cast<uint32_t>(i)).path() + "\n";
  for (size_t i = 1; i <= c.sources.size(); ++i) {
    // Hash what was compiled: every file's text, in load order.
    const auto& text = c.sources.file(static_cast<uint32_t>(i)).text();
    sources.append(reinterpret_cast<const char*>(text.data()), text.size() * sizeof(char32_t));
  }
  std::string hash = content_hash(sources);
  auto diags = c.diags.sorted();
  std::lock_guard lock(mu_);
  Entry& e = by_path_[path];
  e.path = path;
  e.last_attempt_ms = options_.now_ms();
  e.last_diagnostics = json::parse(render_json(c.sources, diags), nullptr, false);
  if (!c.ok() || !c.flow) {
    result.diagnostics = render_text(c.sources, diags);
    result.error = std::to_string(c.diags.error_count()) + " error(s)";
    e.last_error = result.diagnostics;
    if (options_.log) options_.log("flow " + path + " does not check; the running version stays:\n" + result.diagnostics);
    return result;
  }
  result.flow = c.flow->name;
  if (!e.name.empty() && e.name != c.flow->name) {
    result.error = "the file now defines flow '" + c.flow->name + "' instead of '" + e.name + "'";
  }
  if (e.hash == hash && engine_.current(c.flow->name)) {
    result.unchanged = true;
    e.last_error.clear();
    return result;
  }
  std::string error;
  c.flow->source_hash = hash;
  std::string name = c.flow->name;
  auto version = engine::FlowVersion::make(std::move(c.flow), options_.factory, zones_, &error);
  if (!version) {
    result.error = "cannot compile: " + error;
    e.last_error = result.error;
    if (options_.log) options_.log("flow " + path + ": " + result.error + "; the running version stays");
    return result;
  }
  version->source_path = path;
  version->hash = hash;
  version->number = e.next_number++;
  version->loaded_at_ms = options_.now_ms();
  version->compile_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  e.name = name;
  e.hash = hash;
  e.last_error.clear();
  e.versions.push_back(version);
  engine_.install(version);
  result.installed = true;
  if (options_.log)
    options_.log("loaded flow " + name + " v" + std::to_string(version->number) + " from " + path + " in " +
                 std::to_string(version->compile_ms) + " ms");
  return result;
}

json FlowCatalog::list() const {
  std::lock_guard lock(mu_);
  json out = json::array();
  for (const auto& [path, e] : by_path_) {
    if (e.name.empty() && e.last_error.empty()) continue;
    json f = {{"name", e.name.empty() ? json(nullptr) : json(e.name)}, {"path", path}};
    auto current = e.name.empty() ? nullptr : engine_.current(e.name);
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
    if (current) f["numbers"] = current->flow->numbers;
    f["last_error"] = e.last_error.empty() ? json(nullptr) : json(e.last_error);
    if (!e.last_error.empty()) f["diagnostics"] = e.last_diagnostics;
    out.push_back(std::move(f));
  }
  return out;
}

http::Response FlowCatalog::reload(const std::string& name) {
  std::string path;
  {
    std::lock_guard lock(mu_);
    for (const auto& [p, e] : by_path_)
      if (e.name == name) path = p;
  }
  if (path.empty()) return http::Response::error(404, "unknown_flow", "there is no flow named '" + name + "'");
  LoadOutcome r = load(path);
  json body = {{"flow", name}, {"path", path}, {"installed", r.installed}, {"unchanged", r.unchanged}};
  if (!r.error.empty()) {
    body["error"] = {{"code", "reload_failed"}, {"message", r.error}, {"diagnostics", r.diagnostics}};
    return http::Response::json(422, body.dump());
  }
  if (auto v = engine_.current(name)) body["version"] = v->number;
  return http::Response::json(200, body.dump());
}

}  // namespace flowc::server
