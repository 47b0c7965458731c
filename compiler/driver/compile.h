// One compilation: read a .flow file and the files it imports, parse, check
// and lower it to IR. The result keeps the sources, the diagnostics, the AST
// and (when there were no errors) the IR. Reading goes through a FileSystem so
// tests can compile from memory.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/parse/parser.h"
#include "compiler/sema/checker.h"

namespace flowc {

namespace ir {
struct Flow;
}

struct ReadResult {
  std::optional<std::string> data;  // nullopt: not read (see error, or size over the limit)
  std::string error;
  uint64_t size = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads a file unless it is larger than max_bytes (then only size is set).
  virtual ReadResult read(const std::string& path, uint64_t max_bytes) const = 0;
};

class DiskFileSystem : public FileSystem {
 public:
  ReadResult read(const std::string& path, uint64_t max_bytes) const override;
};

struct CompileOptions {
  ParseLimits limits;
  sema::CheckOptions check;
  bool lower = true;  // produce IR when the flow checks clean
  std::vector<std::string> disabled_warnings;  // codes, e.g. "FL401"
  bool warnings_as_errors = false;
};

struct Compilation {
  Compilation();
  ~Compilation();
  Compilation(Compilation&&) noexcept;
  Compilation& operator=(Compilation&&) noexcept;

  SourceManager sources;
  DiagnosticEngine diags;
  std::vector<std::unique_ptr<ast::File>> files;  // [0] is the main file
  std::unique_ptr<sema::CheckedFlow> checked;
  std::unique_ptr<ir::Flow> flow;  // null when there were errors or lowering was off

  bool ok() const { return !diags.has_errors(); }
  const ast::File* main() const { return files.empty() ? nullptr : files[0].get(); }
};

Compilation compile_file(const std::string& path, const FileSystem& fs, const CompileOptions& options);

// The environment of this process, for env() (the CLI passes it; the library
// never reads the environment on its own).
std::function<std::optional<std::string>(const std::string&)> process_env();

}  // namespace flowc
