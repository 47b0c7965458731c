// See check_one.h. Everything runs in memory: the only file system is the
// input itself, and no environment variable is read.
#include "tests/fuzz/check_one.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/diag/render.h"
#include "compiler/driver/compile.h"
#include "compiler/graph/dot.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/lower.h"

namespace flowc::fuzz {

namespace {

// Every file name (a path without a directory, and without "missing" in it)
// reads the same bytes, so imports of itself and of other names work.
class SelfFileSystem : public FileSystem {
 public:
  explicit SelfFileSystem(std::string data) : data_(std::move(data)) {}
  ReadResult read(const std::string& path, uint64_t max_bytes) const override {
    ReadResult r;
    r.size = data_.size();
    if (path.find("missing") != std::string::npos || path.find('/') != std::string::npos) {
      r.error = "no such file or directory";
      return r;
    }
    if (r.size <= max_bytes) r.data = data_;
    return r;
  }

 private:
  std::string data_;
};

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "check_one: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

void check_one(const uint8_t* data, size_t size) {
  SelfFileSystem fs(std::string(reinterpret_cast<const char*>(data), size));
  CompileOptions options;
  options.lower = false;  // lowered below, only when clean
  options.check.env = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  Compilation c = compile_file("fuzz.flow", fs, options);

  std::vector<Diagnostic> diags = c.diags.sorted();
  std::string text = render_text(c.sources, diags);
  render_json(c.sources, diags);
  if (c.main()) ast::dump(*c.main());
  if (!c.ok() && c.diags.error_count() == 0) fail("a failed compilation reported no error", text);
  if (!c.ok() || !c.checked || !c.checked->is_flow) return;

  std::unique_ptr<ir::Flow> flow = ir::lower(*c.checked, options.check);
  if (!flow) fail("a clean flow did not lower", text);
  std::vector<std::string> problems = ir::verify(*flow);
  if (!problems.empty()) fail("the IR of a clean flow does not verify", problems[0] + "\n" + ir::dump(*flow));
  ir::dump(*flow);
  to_dot(*flow);
}

}  // namespace flowc::fuzz
