// Shared helpers of the compiler's unit tests: an in-memory FileSystem,
// compiling a flow held in a string, and looking at the diagnostics.
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/render.h"
#include "compiler/driver/compile.h"
#include "compiler/parse/parser.h"

namespace flowc::test {

// Files held in memory, by normalised path; a path that is not there cannot
// be read ("no such file or directory").
class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem() = default;
  MemoryFileSystem(std::initializer_list<std::pair<const std::string, std::string>> files) {
    for (const auto& [path, data] : files) add(path, data);
  }

  void add(const std::string& path, std::string data) { files_[normal(path)] = std::move(data); }

  ReadResult read(const std::string& path, uint64_t max_bytes) const override {
    ReadResult r;
    auto it = files_.find(normal(path));
    if (it == files_.end()) {
      r.error = "no such file or directory";
      return r;
    }
    r.size = it->second.size();
    if (r.size <= max_bytes) r.data = it->second;
    return r;
  }

 private:
  static std::string normal(const std::string& p) {
    return std::filesystem::path(p).lexically_normal().string();
  }
  std::map<std::string, std::string> files_;
};

// Options for tests: no environment, the zone database of the system.
inline CompileOptions test_options() {
  CompileOptions o;
  o.check.env = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  return o;
}

// Compiles `source` as "main.flow" (plus any other files given).
inline Compilation compile_source(const std::string& source, MemoryFileSystem fs = {},
                                  CompileOptions options = test_options()) {
  fs.add("main.flow", source);
  return compile_file("main.flow", fs, options);
}

// The codes of the diagnostics, sorted by location ("FL106", …).
inline std::vector<std::string> codes(const Compilation& c) {
  std::vector<std::string> out;
  for (const auto& d : c.diags.sorted()) out.push_back(d.code());
  return out;
}

inline bool has_code(const Compilation& c, const std::string& code) {
  auto all = codes(c);
  return std::find(all.begin(), all.end(), code) != all.end();
}

// The diagnostics rendered as text without colour, for failure messages.
inline std::string rendered(const Compilation& c) {
  return render_text(c.sources, c.diags.sorted());
}

// Parsing alone: the file, and its diagnostics.
struct Parsed {
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<ast::File> file;

  std::string text() const { return render_text(sources, diags.sorted()); }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& d : diags.sorted()) out.push_back(d.message);
    return out;
  }
};

inline std::unique_ptr<Parsed> parse_source(const std::string& source, const ParseLimits& limits = {}) {
  auto p = std::make_unique<Parsed>();
  uint32_t id = p->sources.add("test.flow", source);
  p->file = parse_file(p->sources, id, p->diags, limits);
  return p;
}

// A minimal valid flow around some definitions: `flow t`, `start main`, the
// definitions, and (unless `with_main` is false) `module main = hangup`.
inline std::string flow_with(const std::string& definitions, bool with_main = true) {
  return "flow t\nstart main\n" + definitions + "\n" + (with_main ? "module main = hangup\n" : "");
}

}  // namespace flowc::test
