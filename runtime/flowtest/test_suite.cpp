// Loading a test file and its flow (see test_suite.h).
#include "runtime/flowtest/test_suite.h"

#include <filesystem>

#include "compiler/ir/ir.h"
#include "runtime/flowtest/scenario_parser.h"
#include "runtime/flowtest/scenario_runner.h"

namespace flowc::flowtest {

namespace {
constexpr uint64_t kMaxTestFileBytes = 4 * 1024 * 1024;
}

LoadedTest load_test(const std::string& path, const FileSystem& fs, SourceManager& sources,
                     DiagnosticEngine& diags, const engine::CodeFactory& factory,
                     stdlib::TimeZoneCache& zones, std::string* code_error) {
  LoadedTest t;
  ReadResult read = fs.read(path, kMaxTestFileBytes);
  if (!read.data) {
    uint32_t id = sources.add(path, "");
    t.file.path = path;
    t.file.file_id = id;
    if (read.error.empty())
      diags.report(DiagId::FileTooLarge, {id, 0, 0},
                   {std::to_string(read.size), std::to_string(kMaxTestFileBytes)});
    else
      diags.report(DiagId::CannotRead, {id, 0, 0}, {path, read.error});
    return t;
  }
  t.file = parse_test_file(path, *read.data, sources, diags);
  if (t.file.flow_path.empty()) return t;

  std::filesystem::path flow_path(t.file.flow_path);
  if (flow_path.is_relative()) flow_path = std::filesystem::path(path).parent_path() / flow_path;
  t.flow_file = flow_path.lexically_normal().string();
  CompileOptions opts;
  auto env = t.file.env;
  opts.check.env = [env](const std::string& name) -> std::optional<std::string> {
    for (const auto& [k, v] : env)
      if (k == name) return v;
    return std::nullopt;
  };
  t.flow = std::make_unique<Compilation>(compile_file(t.flow_file, fs, opts));
  if (!t.flow->ok() || !t.flow->flow) {
    diags.report(DiagId::TestFlowBroken, t.file.flow_range, {t.flow_file});
    if (t.flow->ok() && !t.flow->flow)
      diags.note(DiagId::NoteText, t.file.flow_range, {"it is a library (no 'flow' header), not a flow"});
    return t;
  }
  check_against_flow(t.file, *t.flow->flow, diags);
  if (diags.has_errors()) return t;
  std::string error;
  t.version = engine::FlowVersion::make(std::move(t.flow->flow), factory, zones, &error);
  if (!t.version && code_error) *code_error = error;
  return t;
}

}  // namespace flowc::flowtest
