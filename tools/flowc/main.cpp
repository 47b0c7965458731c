// The flowc command-line tool: the only place that prints or exits. Each
// subcommand is a function over parsed arguments; the library does the work.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

#include "compiler/codegen/jit.h"
#include "compiler/diag/render.h"
#include "compiler/driver/compile.h"
#include "compiler/driver/module_diff.h"
#include "compiler/graph/dot.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/durations.h"
#include "tools/flowc/cli.h"
#include "tools/flowc/paths.h"

namespace {

namespace fs = std::filesystem;
using flowc::Compilation;
using flowc::CompileOptions;

constexpr const char* kUsage = R"(usage: flowc <command> [options]

commands:
  check PATH...           check flows (files or directories of .flow files)
  graph FILE [-o OUT]     draw the flow: DOT to stdout, or OUT.dot / OUT.svg
  dump-ir FILE            print the flow graph IR
  emit-llvm FILE          print the optimised LLVM IR the JIT compiles
  dump-ast FILE           print the syntax tree
  run FILE --from N       one simulated call in the terminal (real engine and automations)
  serve PATH...           the runtime: call control, sessions API, automations
  test PATH...            run the scenarios of .flowtest files (offline, virtual clock)
  version                 print the version

check options:
  --format text|json      diagnostics for people (default) or editors
  --color, --no-color     colour the text diagnostics (default: when a terminal)
  -W no-FLnnn             turn a warning off (e.g. -W no-FL401)
  --werror                treat warnings as errors
  --silence-budget DUR    longest silence on a path before FL406 warns (default 10s)
  --diff OLD              also report what replacing OLD (the running version's
                          file) with the one checked would change: modules added,
                          removed, changed

run options:
  --from N --to N         the caller and the dialled number
  --digits D              what the caller types at the next input (repeatable;
                          without it, keys are read from the terminal)
  --set ivr.x=VALUE       a session write before the flow starts (repeatable)
  --agent NAME            who answers a queue (default agent1)
  --engine jit|interp     the back end (default jit)
  --smtp URL              the SMTP server for email automations

test options:
  --engine jit|interp     the back end (default jit)
  --junit FILE            also write the results as JUnit XML
  --coverage              report the modules and routes no scenario reached
  --filter TEXT           run only the scenarios whose name contains TEXT
  -v, --verbose           print the trace of passing scenarios too
  --no-times              leave timings out of the output (for golden tests)

serve options:
  --listen ADDR:PORT      where to listen (default 127.0.0.1:8080)
  --threads N             io threads (default: one per core)
  --token-file F          bearer tokens (one per line) for the sessions and admin APIs
  --protect-calls         require a token for call control too
  --smtp URL              SMTP server for email automations (smtp://host:port)
  --smtp-from ADDR        the From address of emails
  --engine jit|interp     the back end (default jit)
  --trace-ttl DUR         how long ended calls' traces stay readable (default 10m)
  --read-timeout DUR      a client that sends too slowly is dropped (default 30s)
  --max-body BYTES        larger request bodies get 413 (default 1048576)
  --max-calls N           active calls before new ones get 503 (default 200000)
  --port-file F           write the port to F once listening (for --listen 127.0.0.1:0)
  --record DIR            write every finished call as a .flowtest scenario into DIR
  --cti-config F          CTI receiving side: users with the call-user privilege, reasons
                          and call scripts, contacts (JSON; see docs/cti.md)
  --cti-token-file F      bearer token sent with outbound NexJ updateCallState messages
  --cti-field NAME=VAR    send session variable VAR as User Call State field NAME
                          (a fifth updateCallState param; repeatable)
  --console-dir D         the agent console's files served at /agent (default: the sources')
  --watch                 reload flows when their files (or files they import) change
  --watch-debounce DUR    quiet time after a change before reloading (default 100ms)
  --on-delete stop|keep   a deleted flow file stops new calls (default) or keeps serving
  --reload pin|migrate    after a reload, active calls finish on their version (pin,
                          default) or move to the new one at their next module when
                          their module is still in it (migrate; the session is kept)
  --dry-run               load, check and compile everything, report, and exit
                          (0 when every flow would load, 1 otherwise)
  --server URL            with --dry-run: also compare each flow with the version the
                          server at URL runs (http://HOST:PORT; its token with
                          --token-file): modules a reload would add, remove, change;
                          exit 1 too when the server does not answer
  (SIGHUP and POST /v1/flows/NAME/reload also reload)

Exit status: 0 when there are no errors, 1 when there are, 2 on bad usage.
)";

struct Args {
  std::string command;
  std::vector<std::string> paths;
  std::string format = "text";
  std::optional<bool> color;
  std::string output;
  std::string diff_against;  // check --diff OLD
  CompileOptions compile;
};

[[noreturn]] void usage_error(const std::string& msg) {
  std::cerr << "flowc: " << msg << "\n\n" << kUsage;
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  if (argc < 2) usage_error("missing command");
  a.command = argv[1];
  a.compile.check.env = flowc::process_env();
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= argc) usage_error(std::string("missing value for ") + name);
      return argv[++i];
    };
    if (s == "--format") {
      a.format = value("--format");
      if (a.format != "text" && a.format != "json") usage_error("--format must be text or json");
    } else if (s == "--color") {
      a.color = true;
    } else if (s == "--no-color") {
      a.color = false;
    } else if (s == "--diff") {
      a.diff_against = value("--diff");
    } else if (s == "-o" || s == "--output") {
      a.output = value("-o");
    } else if (s == "--werror") {
      a.compile.warnings_as_errors = true;
    } else if (s == "-W" || s.rfind("-Wno-", 0) == 0) {
      std::string w = s == "-W" ? value("-W") : s.substr(2);
      if (w.rfind("no-", 0) != 0) usage_error("-W takes no-FLnnn");
      std::string code = w.substr(3);
      auto id = flowc::diag_by_code(code);
      if (!id || flowc::diag_info(*id).severity != flowc::Severity::Warning)
        usage_error("'" + code + "' is not a warning code");
      a.compile.disabled_warnings.push_back(code);
    } else if (s == "--silence-budget") {
      std::string why;
      auto ms = flowc::sema::parse_duration(value("--silence-budget"), &why);
      if (!ms) usage_error("--silence-budget: " + why);
      a.compile.check.silence_budget_ms = *ms;
    } else if (s == "-h" || s == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (!s.empty() && s[0] == '-' && s != "-") {
      usage_error("unknown option '" + s + "'");
    } else {
      a.paths.push_back(s);
    }
  }
  return a;
}

bool use_color(const Args& a) {
  return a.color.value_or(isatty(STDERR_FILENO) != 0);
}

void print_diagnostics(const Compilation& c, const Args& a) {
  auto diags = c.diags.sorted();
  if (diags.empty()) return;
  flowc::RenderOptions ro;
  ro.color = use_color(a);
  std::cerr << flowc::render_text(c.sources, diags, ro);
}

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// check --diff OLD: what a reload from OLD to NEW would change, on stdout.
bool print_reload_diff(const std::string& old_path, const std::string& new_path, const Args& a) {
  flowc::DiskFileSystem disk;
  CompileOptions opts = a.compile;
  opts.lower = false;
  if (!std::ifstream(old_path)) {
    std::cerr << "flowc: --diff: cannot read '" << old_path << "'\n";
    return false;
  }
  Compilation before = flowc::compile_file(old_path, disk, opts);
  Compilation after = flowc::compile_file(new_path, disk, opts);
  flowc::cli::print_module_changes(
      flowc::diff_modules(flowc::module_fingerprints(before), flowc::module_fingerprints(after)), std::cout);
  return true;
}

int cmd_check(const Args& a) {
  if (a.paths.empty()) usage_error("check needs at least one file or directory");
  if (!a.diff_against.empty() && a.paths.size() != 1) usage_error("--diff needs exactly one file to check");
  std::vector<std::string> files = flowc::cli::expand_paths(a.paths, ".flow");
  if (files.empty()) usage_error("no .flow files found");
  if (!a.diff_against.empty() && files.size() != 1) usage_error("--diff needs exactly one file to check");
  flowc::DiskFileSystem disk;
  size_t errors = 0, warnings = 0, flows = 0;
  std::string json = "[";
  for (const auto& f : files) {
    CompileOptions opts = a.compile;
    opts.lower = true;  // lowering is part of checking: it must not fail on a clean flow
    Compilation c = flowc::compile_file(f, disk, opts);
    errors += c.diags.error_count();
    warnings += c.diags.warning_count();
    if (c.checked && c.checked->is_flow) ++flows;
    if (a.format == "json") {
      std::string one = flowc::render_json(c.sources, c.diags.sorted());
      // Merge the per-file arrays into one.
      auto first = one.find('['), last = one.rfind(']');
      std::string inner = one.substr(first + 1, last - first - 1);
      if (inner.find_first_not_of(" \n") != std::string::npos) {
        if (json.size() > 1) json += ",";
        json += inner;
      }
    } else {
      print_diagnostics(c, a);
    }
  }
  if (a.format == "json") {
    std::cout << json << "]\n";
  } else if (errors || warnings) {
    std::cerr << plural(errors, "error") << " and " << plural(warnings, "warning") << " in "
              << plural(files.size(), "file") << "\n";
  } else {
    std::cerr << "checked " << plural(files.size(), "file") << " (" << plural(flows, "flow")
              << "): no problems\n";
  }
  if (!a.diff_against.empty()) return errors ? 1 : print_reload_diff(a.diff_against, files[0], a) ? 0 : 1;
  return errors ? 1 : 0;
}

// Compiles one flow for the commands that need its IR; prints diagnostics
// and returns null when it does not check.
std::optional<Compilation> compile_one(const Args& a) {
  if (a.paths.size() != 1) usage_error(a.command + " needs exactly one file");
  flowc::DiskFileSystem disk;
  Compilation c = flowc::compile_file(a.paths[0], disk, a.compile);
  print_diagnostics(c, a);
  if (!c.ok()) return std::nullopt;
  if (!c.flow) {
    std::cerr << "flowc: '" << a.paths[0] << "' has no 'flow' header: it is a library, not a flow\n";
    return std::nullopt;
  }
  return c;
}

int cmd_dump_ir(const Args& a) {
  auto c = compile_one(a);
  if (!c) return 1;
  std::cout << flowc::ir::dump(*c->flow);
  return 0;
}

int cmd_emit_llvm(const Args& a) {
  auto c = compile_one(a);
  if (!c) return 1;
  std::string ll = flowc::codegen::emit_llvm(*c->flow);
  if (ll.rfind("; error: ", 0) == 0) {  // the code generator failed
    std::cerr << "flowc: " << ll.substr(2);
    return 1;
  }
  std::cout << ll;
  return 0;
}

int cmd_dump_ast(const Args& a) {
  if (a.paths.size() != 1) usage_error("dump-ast needs exactly one file");
  flowc::DiskFileSystem disk;
  CompileOptions opts = a.compile;
  opts.lower = false;
  Compilation c = flowc::compile_file(a.paths[0], disk, opts);
  print_diagnostics(c, a);
  if (c.main()) std::cout << flowc::ast::dump(*c.main());
  return c.ok() ? 0 : 1;
}

bool write_file(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
  return static_cast<bool>(out);
}

int cmd_graph(const Args& a) {
  auto c = compile_one(a);
  if (!c) return 1;
  std::string dot = flowc::to_dot(*c->flow);
  if (a.output.empty()) {
    std::cout << dot;
    return 0;
  }
  std::string ext = fs::path(a.output).extension().string();
  if (ext == ".dot" || ext == ".gv") {
    if (!write_file(a.output, dot)) {
      std::cerr << "flowc: cannot write '" << a.output << "'\n";
      return 1;
    }
    return 0;
  }
  if (ext != ".svg" && ext != ".png" && ext != ".pdf") usage_error("-o must end in .dot, .svg, .png or .pdf");
  // Rendering is Graphviz's job: pipe the DOT text into `dot`.
  std::string cmd = "dot -T" + ext.substr(1) + " -o '" + a.output + "' 2>&1";
  if (a.output.find('\'') != std::string::npos) usage_error("the output path may not contain a quote");
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    std::cerr << "flowc: Graphviz is not installed, so '" << a.output
              << "' cannot be drawn; install it (apt-get install graphviz) or use -o FILE.dot\n";
    return 1;
  }
  FILE* p = popen(cmd.c_str(), "w");
  if (!p) {
    std::cerr << "flowc: cannot run Graphviz: " << std::strerror(errno) << "\n";
    return 1;
  }
  fwrite(dot.data(), 1, dot.size(), p);
  int status = pclose(p);
  if (status != 0) {
    std::cerr << "flowc: Graphviz failed to draw '" << a.output << "'\n";
    return 1;
  }
  std::cerr << "wrote " << a.output << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "serve") return flowc::cli::cmd_serve(argc, argv);
  if (argc >= 2 && std::string(argv[1]) == "run") return flowc::cli::cmd_run(argc, argv);
  if (argc >= 2 && std::string(argv[1]) == "test") return flowc::cli::cmd_test(argc, argv);
  Args a = parse_args(argc, argv);
  if (a.command == "check") return cmd_check(a);
  if (a.command == "graph") return cmd_graph(a);
  if (a.command == "dump-ir") return cmd_dump_ir(a);
  if (a.command == "dump-ast") return cmd_dump_ast(a);
  if (a.command == "emit-llvm") return cmd_emit_llvm(a);
  if (a.command == "version" || a.command == "--version") {
    std::cout << "flowc 0.1.0\n";
    return 0;
  }
  if (a.command == "help" || a.command == "-h" || a.command == "--help") {
    std::cout << kUsage;
    return 0;
  }
  usage_error("unknown command '" + a.command + "'");
}
