// Test support implementation.
#include "tests/support/flow_fixture.h"

#include <gtest/gtest.h>

#include <map>

#include "compiler/diag/render.h"
#include "compiler/driver/compile.h"
#include "compiler/interp/interpreter.h"

namespace flowc::testing {

namespace {

class MemoryFileSystem : public FileSystem {
 public:
  std::map<std::string, std::string> files;
  ReadResult read(const std::string& path, uint64_t max_bytes) const override {
    ReadResult r;
    auto it = files.find(path);
    if (it == files.end()) {
      r.error = "no such file";
      return r;
    }
    r.size = it->second.size();
    if (r.size <= max_bytes) r.data = it->second;
    return r;
  }
};

std::shared_ptr<engine::FlowVersion> build(Compilation c, Backend b) {
  if (!c.ok() || !c.flow) {
    ADD_FAILURE() << "flow does not compile:\n" << render_text(c.sources, c.diags.sorted());
    return nullptr;
  }
  static stdlib::TimeZoneCache zones;  // test-only, shared by the tests of one binary
  std::string error;
  auto v = engine::FlowVersion::make(std::move(c.flow), code_factory(b), zones, &error);
  if (!v) ADD_FAILURE() << "cannot build code: " << error;
  if (v) v->number = 1;
  return v;
}

}  // namespace

const char* backend_name(Backend b) {
  switch (b) {
    case Backend::Interp: return "interp";
    case Backend::Jit: return "jit";
    case Backend::JitTier0: return "jit_tier0";
    case Backend::JitTiered: return "jit_tiered";
  }
  return "?";
}

std::shared_ptr<engine::FlowVersion> load_flow_file(const std::string& path, Backend b) {
  DiskFileSystem disk;
  CompileOptions opts;
  return build(compile_file(path, disk, opts), b);
}

std::shared_ptr<engine::FlowVersion> load_flow_source(const std::string& source, Backend b) {
  MemoryFileSystem fs;
  fs.files["test.flow"] = source;
  CompileOptions opts;
  return build(compile_file("test.flow", fs, opts), b);
}

void ScriptedExecutor::execute(const std::string& call_id, stdlib::Request request,
                               std::function<void(engine::ActionResult)> done) {
  std::lock_guard lock(mu_);
  log.push_back(request);
  pending_.push_back({call_id, std::move(request), std::move(done)});
}

size_t ScriptedExecutor::pending() const {
  std::lock_guard lock(mu_);
  return pending_.size();
}

ScriptedExecutor::Pending ScriptedExecutor::take() {
  std::lock_guard lock(mu_);
  Pending p = std::move(pending_.front());
  pending_.pop_front();
  return p;
}

void ScriptedExecutor::succeed(nlohmann::json body, int status) {
  Pending p = take();
  engine::ActionResult r;
  r.ok = status >= 200 && status < 300;
  r.status = status;
  r.json = std::move(body);
  if (!r.ok) r.detail = "HTTP " + std::to_string(status);
  p.done(std::move(r));
}

void ScriptedExecutor::fail(const std::string& detail, int status) {
  Pending p = take();
  engine::ActionResult r;
  r.ok = false;
  r.status = status;
  r.detail = detail;
  p.done(std::move(r));
}

}  // namespace flowc::testing
