// Loading a flow with its imports (relative to the importing file, each file
// once, cycles reported), then checking and lowering it.
#include "compiler/driver/compile.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/ir/ir.h"
#include "compiler/ir/lower.h"

namespace flowc {

namespace fs = std::filesystem;

Compilation::Compilation() = default;
Compilation::~Compilation() = default;
Compilation::Compilation(Compilation&&) noexcept = default;
Compilation& Compilation::operator=(Compilation&&) noexcept = default;

ReadResult DiskFileSystem::read(const std::string& path, uint64_t max_bytes) const {
  ReadResult r;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    r.error = "it is a directory";
    return r;
  }
  r.size = fs::file_size(path, ec);
  if (ec) {
    r.error = ec.message();
    if (!r.error.empty()) r.error[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(r.error[0])));
    return r;
  }
  if (r.size > max_bytes) return r;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = "cannot open the file";
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  r.data = ss.str();
  r.size = r.data->size();
  return r;
}

namespace {

struct Loader {
  Compilation& c;
  const FileSystem& fs;
  const CompileOptions& options;
  std::vector<std::string> stack;  // import chain, canonical paths
  std::set<std::string> loaded;

  static std::string canonical(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::path(path), ec);
    return ec ? fs::path(path).lexically_normal().string() : p.string();
  }

  // Reads a file; reports why not (at `at`, the import, if any) and returns nullopt.
  std::optional<std::string> read(const std::string& path, SourceRange at, const std::string& shown) {
    ReadResult r = fs.read(path, options.limits.max_file_bytes);
    if (r.data) return r.data;
    if (r.error.empty()) {
      uint32_t id = c.sources.add(path, "");
      c.diags.report(DiagId::FileTooLarge, at.valid() ? at : SourceRange{id, 0, 0},
                     {std::to_string(r.size), std::to_string(options.limits.max_file_bytes)});
    } else if (at.valid()) {
      c.diags.report(DiagId::ImportNotFound, at, {shown, r.error});
    } else {
      c.diags.report(DiagId::CannotRead, at, {shown, r.error});
    }
    return std::nullopt;
  }

  // Parses `path` (already read into bytes) and then its imports.
  void parse_and_follow(const std::string& path, const std::string& bytes) {
    uint32_t id = c.sources.add(path, bytes);
    auto file = parse_file(c.sources, id, c.diags, options.limits);
    ast::File* raw = file.get();
    c.files.push_back(std::move(file));
    stack.push_back(canonical(path));
    loaded.insert(canonical(path));
    for (const auto& imp : raw->imports) {
      fs::path target = fs::path(path).parent_path() / imp.path;
      std::string key = canonical(target.string());
      if (std::find(stack.begin(), stack.end(), key) != stack.end()) {
        c.diags.report(DiagId::CircularImport, imp.range, {imp.path});
        continue;
      }
      if (loaded.count(key)) continue;
      auto data = read(target.string(), imp.range, imp.path);
      if (data) parse_and_follow(target.lexically_normal().string(), *data);
    }
    stack.pop_back();
  }
};

}  // namespace

Compilation compile_file(const std::string& path, const FileSystem& fs, const CompileOptions& options) {
  Compilation c;
  for (const auto& code : options.disabled_warnings)
    if (auto id = diag_by_code(code)) c.diags.disable(*id);
  c.diags.set_warnings_as_errors(options.warnings_as_errors);
  Loader loader{c, fs, options, {}, {}};
  auto data = loader.read(path, {}, path);
  if (!data) return c;
  loader.parse_and_follow(path, *data);
  if (c.diags.error_limit_reached()) return c;
  std::vector<const ast::File*> imports;
  for (size_t i = 1; i < c.files.size(); ++i) imports.push_back(c.files[i].get());
  c.checked = sema::check(*c.files[0], imports, c.diags, options.check);
  if (options.lower && c.ok() && c.checked->is_flow) {
    c.flow = ir::lower(*c.checked, options.check);
    // A clean flow must lower to well-formed IR; if not, that is our bug.
    for (const auto& problem : ir::verify(*c.flow))
      c.diags.report(DiagId::InternalError, {c.files[0]->file_id, 0, 0}, {problem});
    if (!c.ok()) c.flow.reset();
  }
  return c;
}

std::function<std::optional<std::string>(const std::string&)> process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

}  // namespace flowc
