// `flowc serve` as an object: loads the flows, runs the engine on an
// io_context with N threads, serves the HTTP API, ticks the timers, reloads
// flows in the background (on SIGHUP, POST /v1/flows/{name}/reload and, with
// watch, file changes), and stops cleanly on SIGINT/SIGTERM (or stop()).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/compile.h"
#include "runtime/engine/action_executor.h"
#include "runtime/engine/flow_version.h"
#include "runtime/server/reload_policy.h"

namespace boost::asio {
class io_context;
}

namespace flowc::engine {
class Engine;
class EngineObserver;
}

namespace flowc::server {

class FlowCatalog;
class Metrics;

struct RuntimeOptions {
  std::vector<std::string> paths;
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  unsigned threads = 0;  // 0: one per core
  std::vector<std::string> tokens;
  bool protect_calls = false;
  size_t max_body_bytes = 1 << 20;
  uint32_t read_timeout_ms = 30'000;
  int64_t trace_ttl_ms = 10 * 60 * 1000;
  size_t max_active_calls = 200'000;
  engine::CodeFactory factory;
  CompileOptions compile;
  // Builds the action executor (HTTP + SMTP) on the runtime's io_context.
  std::function<std::unique_ptr<engine::ActionExecutor>(boost::asio::io_context&)> make_executor;
  std::function<void(const std::string&)> log;
  std::function<int64_t()> now_ms;  // default: the system clock
  // Told about calls too, after the metrics (e.g. the --record recorder).
  std::vector<engine::EngineObserver*> observers;

  // CTI (docs/cti.md). The receiving side's configuration file (users with
  // the call-user privilege, reasons and scripts, contacts); "": built in,
  // with no users, so every updateCallState is refused.
  std::string cti_config;
  std::string console_dir;  // the agent console's files; "": the repository's runtime/console
  std::string cti_token;    // bearer token sent with outbound updateCallState messages
  // Extra User Call State fields sent as a fifth param: field → session variable.
  std::map<std::string, std::string> cti_extra_fields;

  // Hot reload (docs/reload.md).
  bool watch = false;               // reload when the served files (or their imports) change
  int watch_debounce_ms = 100;
  bool reload_on_sighup = true;
  DeletePolicy on_delete = DeletePolicy::Stop;
  ReloadPolicy reload = ReloadPolicy::Pin;  // --reload=pin|migrate
};

class Runtime {
 public:
  explicit Runtime(RuntimeOptions options);
  ~Runtime();

  // Loads the flows and starts listening; false (with the reason logged)
  // when nothing can be served.
  bool start();
  // Blocks until stop() or a signal.
  void run();
  void stop();

  uint16_t port() const;
  // Reloads every flow that changed, on the reload thread (what SIGHUP does).
  void request_reload();
  engine::Engine& engine();
  FlowCatalog& catalog();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowc::server
