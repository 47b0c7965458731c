// `flowc serve PATH...`: the production runtime, its reload options and
// --dry-run.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "runtime/engine/engine.h"
#include "runtime/server/call_recorder.h"
#include "runtime/server/flow_catalog.h"
#include "runtime/server/runtime.h"
#include "tools/flowc/cli.h"
#include "tools/flowc/server_modules.h"
#include "tools/port_file.h"

namespace flowc::cli {

namespace {

std::vector<std::string> read_tokens(const std::string& path) {
  std::ifstream in(path);
  if (!in) usage_error("--token-file: cannot read '" + path + "'");
  std::vector<std::string> tokens;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line.size() < 16) usage_error("--token-file: tokens must be at least 16 characters");
    tokens.push_back(line);
  }
  if (tokens.empty()) usage_error("--token-file: '" + path + "' has no token");
  return tokens;
}

// --dry-run --server URL: the running server to compare with.
struct DryRunServer {
  std::string url;  // "" = no comparison
  std::string token_file;
};

// --dry-run: what serving these paths would load, compiled with the real
// back end, without listening; with --server, what a reload of the server
// running them would change, flow by flow.
int dry_run_report(server::RuntimeOptions o, const DryRunServer& server) {
  std::unique_ptr<ServerModulesClient> remote;
  if (!server.url.empty()) {
    remote = std::make_unique<ServerModulesClient>(server.url, o.tokens.empty() ? "" : o.tokens.front(),
                                                   server.token_file);
    if (std::string why = remote->check_url(); !why.empty()) {
      std::cerr << "flowc: --server: " << why << "\n";
      return 1;
    }
  }
  engine::EngineOptions eo;
  eo.now_ms = [] { return int64_t{0}; };
  engine::Engine engine(std::move(eo));
  stdlib::TimeZoneCache zones;
  server::CatalogOptions co;
  co.paths = o.paths;
  co.factory = o.factory;
  co.compile = o.compile;
  co.now_ms = [] { return int64_t{0}; };
  server::FlowCatalog catalog(engine, zones, std::move(co));
  size_t ok = 0, failed = 0;
  std::vector<std::string> flows;
  for (const auto& r : catalog.load_all()) {
    if (r.installed) {
      flows.push_back(r.flow);
      auto v = engine.current(r.flow);
      std::cout << "would serve flow " << r.flow << " from " << r.path << " ("
                << (v ? v->flow->states.size() : 0) << " modules, compiled in " << (v ? v->compile_ms : 0)
                << " ms)\n";
      ++ok;
    } else if (!r.error.empty()) {
      std::cout << "would not load " << r.path << ": " << r.error << "\n";
      std::cerr << r.diagnostics;
      ++failed;
    }
  }
  std::cout << ok << " flow(s) would be served, " << failed << " file(s) would fail\n";
  if (!remote) {
    std::cout << "(to see what a reload of a running server would change: add --server URL,\n"
              << " or flowc check NEW --diff OLD, or POST /v1/flows/NAME/reload?dry_run=true)\n";
    return failed || ok == 0 ? 1 : 0;
  }
  for (const auto& name : flows) {
    ServedModules served = remote->get(name);
    switch (served.kind) {
      case ServedModules::Kind::Failed: std::cerr << "flowc: --server: " << served.message << "\n"; return 1;
      case ServedModules::Kind::NotServed:
        std::cout << "new flow " << name << ": not served by " << remote->url() << "\n";
        break;
      case ServedModules::Kind::Deleted:
        std::cout << "flow " << name << ": its file was deleted on " << remote->url()
                  << " (no new calls); these files would serve it again\n";
        break;
      case ServedModules::Kind::Served: {
        auto local = catalog.running_modules(name);
        ModuleFingerprints here =
            local ? fingerprints_from_json((*local)["modules"]).value_or(ModuleFingerprints{})
                  : ModuleFingerprints{};
        std::cout << "flow " << name << ": compared with v" << served.version << " on " << remote->url()
                  << "\n";
        print_module_changes(diff_modules(served.modules, here), std::cout);
        break;
      }
    }
  }
  return failed || ok == 0 ? 1 : 0;
}

}  // namespace

int cmd_serve(int argc, char** argv) {
  server::RuntimeOptions o;
  std::string engine_name = "jit";
  ExecutorSettings exec;
  std::string port_file;
  std::string record_dir;
  bool dry_run = false;
  DryRunServer dry_run_server;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error("missing value for " + a);
      return argv[++i];
    };
    if (a == "--listen") {
      parse_listen(value(), &o.address, &o.port);
    } else if (a == "--threads") {
      o.threads = static_cast<unsigned>(std::stoul(value()));
    } else if (a == "--token-file") {
      dry_run_server.token_file = value();
      o.tokens = read_tokens(dry_run_server.token_file);
    } else if (a == "--server") {
      dry_run_server.url = value();
      if (dry_run_server.url.empty()) usage_error("--server needs a URL (http://HOST:PORT)");
    } else if (a == "--protect-calls") {
      o.protect_calls = true;
    } else if (a == "--smtp") {
      exec.smtp_url = value();
    } else if (a == "--smtp-from") {
      exec.smtp_from = value();
    } else if (a == "--ca-file") {
      exec.ca_file = value();
    } else if (a == "--engine") {
      engine_name = value();
    } else if (a == "--trace-ttl") {
      o.trace_ttl_ms = static_cast<int64_t>(parse_duration_arg(a, value()));
    } else if (a == "--read-timeout") {
      o.read_timeout_ms = static_cast<uint32_t>(parse_duration_arg(a, value()));
    } else if (a == "--max-body") {
      o.max_body_bytes = std::stoul(value());
    } else if (a == "--record") {
      record_dir = value();
    } else if (a == "--port-file") {
      port_file = value();
    } else if (a == "--cti-config") {
      o.cti_config = value();
    } else if (a == "--cti-token-file") {
      o.cti_token = read_tokens(value()).front();
    } else if (a == "--cti-field") {
      std::string v = value();
      size_t eq = v.find('=');
      if (eq == 0 || eq == std::string::npos || eq + 1 == v.size())
        usage_error("--cti-field: expected NAME=VARIABLE (e.g. accountNumber=ivr.account), got '" + v + "'");
      o.cti_extra_fields[v.substr(0, eq)] = v.substr(eq + 1);
    } else if (a == "--console-dir") {
      o.console_dir = value();
    } else if (a == "--max-calls") {
      o.max_active_calls = std::stoul(value());
    } else if (a == "--watch") {
      o.watch = true;
    } else if (a == "--watch-debounce") {
      uint64_t ms = parse_duration_arg(a, value());
      if (ms > 60'000) usage_error("--watch-debounce: at most 1m");
      o.watch_debounce_ms = static_cast<int>(ms);
    } else if (a == "--on-delete") {
      std::string v = value();
      if (v == "stop")
        o.on_delete = server::DeletePolicy::Stop;
      else if (v == "keep")
        o.on_delete = server::DeletePolicy::Keep;
      else
        usage_error("--on-delete must be stop or keep");
    } else if (a == "--reload" || a.rfind("--reload=", 0) == 0) {
      std::string v = a == "--reload" ? value() : a.substr(9);
      if (v == "pin")
        o.reload = server::ReloadPolicy::Pin;
      else if (v == "migrate")
        o.reload = server::ReloadPolicy::Migrate;
      else
        usage_error("--reload must be pin or migrate, got '" + v + "'");
    } else if (a == "--dry-run") {
      dry_run = true;
    } else if (!a.empty() && a[0] == '-') {
      usage_error("serve: unknown option '" + a + "'");
    } else {
      o.paths.push_back(a);
    }
  }
  if (o.paths.empty()) usage_error("serve needs at least one .flow file or directory");
  if (!dry_run_server.url.empty() && !dry_run)
    usage_error("--server goes with --dry-run: it compares the flows with those a running server serves");
  const std::string address = o.address;
  const bool open_api = o.tokens.empty();
  o.factory = make_code_factory(engine_name);
  o.compile.check.env = process_env();
  o.log = log_line;
  o.make_executor = [exec](boost::asio::io_context& io) { return make_executor(io, exec); };
  if (dry_run) return dry_run_report(std::move(o), dry_run_server);
  std::unique_ptr<server::CallRecorder> recorder;  // outlives the runtime: it writes the last calls
  if (!record_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(record_dir, ec);
    if (ec || !std::filesystem::is_directory(record_dir))
      usage_error("--record: cannot create the folder '" + record_dir + "'" +
                  (ec ? ": " + ec.message() : ""));
    recorder = std::make_unique<server::CallRecorder>(record_dir, log_line);
    o.observers.push_back(recorder.get());
  }
  server::Runtime runtime(std::move(o));
  if (recorder) recorder->attach(&runtime.engine());
  if (!runtime.start()) return 1;
  if (recorder) log_line("recording every finished call as a .flowtest scenario in " + record_dir);
  log_line("flowc serving on http://" + address + ":" + std::to_string(runtime.port()) + " (engine " +
           engine_name + ")");
  if (!port_file.empty()) {
    if (!tools::write_port_file(port_file, runtime.port())) {
      log_line("cannot write the port file " + port_file);
      return 1;
    }
  }
  if (open_api)
    log_line("no --token-file: the sessions and admin endpoints are open to anyone who can reach them");
  if (exec.smtp_url.empty())
    log_line("no --smtp server: email automations will fail into their error routes");
  runtime.run();
  log_line("flowc stopped");
  return 0;
}

}  // namespace flowc::cli
