// Compiling flows for the differential test.
#include "tests/diff/compile_source.h"

#include "compiler/diag/render.h"
#include "compiler/ir/ir.h"
#include "stdlib/timezone.h"

namespace flowc::testing::diff {

namespace {

class OneFile : public FileSystem {
 public:
  explicit OneFile(const std::string& text) : text_(text) {}
  ReadResult read(const std::string& path, uint64_t max_bytes) const override {
    ReadResult r;
    if (path != "gen.flow") {
      r.error = "no such file";
      return r;
    }
    r.size = text_.size();
    if (r.size <= max_bytes) r.data = text_;
    return r;
  }

 private:
  const std::string& text_;
};

}  // namespace

Compilation compile_source(const std::string& source) {
  OneFile fs(source);
  return compile_file("gen.flow", fs, CompileOptions{});
}

Compilation compile_path(const std::string& path) {
  DiskFileSystem disk;
  return compile_file(path, disk, CompileOptions{});
}

std::string diagnostics_text(const Compilation& c) { return render_text(c.sources, c.diags.sorted()); }

bool has_errors(const Compilation& c) { return !c.ok(); }

std::shared_ptr<engine::FlowVersion> make_version(Compilation c, Backend b, std::string* error) {
  if (!c.ok() || !c.flow) {
    *error = "the flow does not compile:\n" + diagnostics_text(c);
    return nullptr;
  }
  static stdlib::TimeZoneCache zones;  // one per test binary, like flow_fixture's
  auto v = engine::FlowVersion::make(std::move(c.flow), code_factory(b), zones, error);
  if (v) v->number = 1;
  return v;
}

}  // namespace flowc::testing::diff
