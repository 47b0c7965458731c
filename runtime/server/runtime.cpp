// Wiring of the serving runtime: engine, catalog, metrics, API, server,
// timer tick and signals on one io_context run by a thread pool.
#include "runtime/server/runtime.h"

#include <chrono>
#include <csignal>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "runtime/client/http_client.h"
#include "runtime/cti/cti_config.h"
#include "runtime/cti/cti_routes.h"
#include "runtime/cti/inbound_call_service.h"
#include "runtime/cti/nexj_notifier.h"
#include "runtime/cti/user_call_states.h"
#include "runtime/engine/engine.h"
#include "runtime/http/api.h"
#include "runtime/http/server.h"
#include "runtime/server/file_watcher.h"
#include "runtime/server/flow_catalog.h"
#include "runtime/server/metrics.h"
#include "runtime/server/observer_fanout.h"
#include "runtime/server/reload_worker.h"

namespace flowc::server {

namespace asio = boost::asio;

namespace {

constexpr auto kTimerTick = std::chrono::milliseconds(5);

int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct Runtime::Impl {
  explicit Impl(RuntimeOptions o) : options(std::move(o)), signals(io, SIGINT, SIGTERM), hup(io), tick(io) {
    if (!options.now_ms) options.now_ms = system_now_ms;
    if (!options.log) options.log = [](const std::string&) {};
    executor = options.make_executor ? options.make_executor(io) : nullptr;
    engine::EngineOptions eo;
    eo.now_ms = options.now_ms;
    eo.executor = executor.get();
    cti_client = std::make_unique<client::HttpClient>(io);
    cti::NexjNotifierOptions no;
    no.send = [this](client::HttpRequest r, std::function<void(client::HttpResponse)> done) {
      cti_client->send(std::move(r), std::move(done));
    };
    no.trace = [this](const std::string& id, const std::string& kind, nlohmann::json data) {
      engine->add_trace(id, kind, std::move(data));
    };
    no.count = [this](const std::string& metric, const std::string& flow) { metrics.count(metric, flow); };
    no.token = options.cti_token;
    no.extra_fields = options.cti_extra_fields;
    no.session_value = [this](const std::string& id, const std::string& variable) {
      auto s = engine->session_for_agent(id);
      return s && s->contains(variable) ? (*s)[variable] : nlohmann::json(nullptr);
    };
    notifier = std::make_unique<cti::NexjNotifier>(std::move(no));
    observers.add(&metrics);
    observers.add(notifier.get());
    for (auto* o : options.observers) observers.add(o);
    eo.observer = &observers;
    eo.max_active_calls = options.max_active_calls;
    eo.ended_call_ttl_ms = options.trace_ttl_ms;
    eo.on_reply = [this](const std::string& id, const engine::Outcome& out) {
      if (api) api->on_engine_reply(id, out);
    };
    engine = std::make_unique<engine::Engine>(std::move(eo));
    CatalogOptions co;
    co.paths = options.paths;
    co.factory = options.factory;
    co.compile = options.compile;
    co.now_ms = options.now_ms;
    co.log = options.log;
    co.on_delete = options.on_delete;
    co.reload = options.reload;
    co.background = [this](std::function<void()> job) { reloader->post(std::move(job)); };
    catalog = std::make_unique<FlowCatalog>(*engine, zones, std::move(co));
    http::ApiOptions ao;
    ao.tokens = options.tokens;
    ao.protect_calls = options.protect_calls;
    ao.metrics = [this] { return metrics.render(engine->active_calls()); };
    api = std::make_unique<http::Api>(*engine, catalog.get(), std::move(ao));
    reloader = std::make_unique<ReloadWorker>([this] {
      catalog->refresh();
      if (watcher) watcher->update();
    });
    setup_cti();
  }

  void wait_hup() {
    hup.async_wait([this](const boost::system::error_code& ec, int) {
      if (ec || stopping) return;
      options.log("SIGHUP: reloading the flows that changed");
      reloader->request_refresh();
      wait_hup();
    });
  }

  // The receiving side: configuration, records, the SOA endpoint and console.
  void setup_cti() {
    cti_config = cti::default_cti_config();
    if (!options.cti_config.empty()) {
      auto loaded = cti::load_cti_config(options.cti_config, &cti_error);
      if (loaded) cti_config = std::move(*loaded);
    }
    cti::InboundCallOptions io_opts;
    io_opts.now_ms = options.now_ms;
    io_opts.find_call = [this](const std::string& digits) { return find_call(digits); };
    inbound = std::make_unique<cti::InboundCallService>(cti_config, call_states, std::move(io_opts));
    cti::CtiRoutesOptions ro;
    ro.rpc_tokens = options.tokens;
    ro.console_dir = options.console_dir.empty() ? FLOWC_CONSOLE_DIR : options.console_dir;
    ro.now_ms = options.now_ms;
    ro.log = options.log;
    cti_routes = std::make_unique<cti::CtiRoutes>(*inbound, call_states, std::move(ro));
    api->add_routes(cti_routes.get());
  }

  // The newest active call from a caller, with its session for the screen pop.
  nlohmann::json find_call(const std::string& digits) {
    nlohmann::json best = nullptr;
    for (const auto& c : engine->list_calls()) {
      if (!c.contains("from") || !c["from"].is_string()) continue;
      if (!cti::digits_match(cti::phone_digits(c["from"].get<std::string>()), digits)) continue;
      if (best.is_null() || c.value("started_at", std::string()) >= best.value("started_at", std::string()))
        best = c;
    }
    if (best.is_null()) return best;
    auto session = engine->session_for_agent(best.value("id", std::string()));
    return {{"call_id", best["id"]},
            {"flow", best.value("flow", std::string())},
            {"module", best.value("module", nlohmann::json(nullptr))},
            {"session", session ? *session : nlohmann::json::object()}};
  }

  void schedule_tick() {
    tick.expires_after(kTimerTick);
    tick.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping) return;
      engine->run_timers();
      schedule_tick();
    });
  }

  RuntimeOptions options;
  asio::io_context io;
  asio::signal_set signals;
  asio::signal_set hup;
  asio::steady_timer tick;
  stdlib::TimeZoneCache zones;
  Metrics metrics;
  ObserverFanout observers;
  std::unique_ptr<client::HttpClient> cti_client;
  std::unique_ptr<cti::NexjNotifier> notifier;
  cti::CtiConfig cti_config;
  std::string cti_error;
  cti::UserCallStates call_states;
  std::unique_ptr<cti::InboundCallService> inbound;
  std::unique_ptr<cti::CtiRoutes> cti_routes;
  std::unique_ptr<engine::ActionExecutor> executor;
  std::unique_ptr<engine::Engine> engine;
  std::unique_ptr<FlowCatalog> catalog;
  std::unique_ptr<http::Api> api;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<FileWatcher> watcher;
  std::unique_ptr<ReloadWorker> reloader;  // last: its jobs use everything above
  std::atomic<bool> stopping{false};
};

Runtime::Runtime(RuntimeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Runtime::~Runtime() {
  stop();
  // No reload may start or finish on a runtime going away.
  if (impl_->watcher) impl_->watcher->stop();
  impl_->reloader.reset();
  // The executor's callbacks reach into the engine: stop them first.
  impl_->executor.reset();
  impl_->cti_client.reset();
}

bool Runtime::start() {
  Impl& m = *impl_;
  if (!m.cti_error.empty()) {
    m.options.log("--cti-config: " + m.cti_error);
    return false;
  }
  size_t flows = 0;
  for (const auto& r : m.catalog->load_all())
    if (r.installed) ++flows;
  if (flows == 0) m.options.log("no flow could be loaded from the given paths; serving anyway (see /v1/flows)");
  http::ServerOptions so;
  so.address = m.options.address;
  so.port = m.options.port;
  so.max_body_bytes = m.options.max_body_bytes;
  so.read_timeout_ms = m.options.read_timeout_ms;
  try {
    m.server = std::make_unique<http::Server>(m.io, *m.api, so);
  } catch (const std::exception& e) {
    m.options.log(e.what());
    return false;
  }
  m.signals.async_wait([this](const boost::system::error_code& ec, int) {
    if (!ec) stop();
  });
  if (m.options.reload_on_sighup) {
    m.hup.add(SIGHUP);
    m.wait_hup();
  }
  if (m.options.watch) {
    WatchOptions wo;
    wo.dirs = [&m] { return m.catalog->watch_dirs(); };
    wo.debounce_ms = m.options.watch_debounce_ms;
    wo.on_change = [&m] { m.reloader->request_refresh(); };
    wo.log = m.options.log;
    m.watcher = std::make_unique<FileWatcher>(std::move(wo));
    std::string error;
    if (!m.watcher->start(&error)) {
      m.options.log(error);
      m.watcher.reset();
      return false;
    }
    m.options.log("watching " + std::to_string(m.watcher->watched()) + " director" +
                  (m.watcher->watched() == 1 ? "y" : "ies") + " for changes to .flow files");
  }
  m.schedule_tick();
  return true;
}

void Runtime::run() {
  Impl& m = *impl_;
  unsigned n = m.options.threads ? m.options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < n; ++i) pool.emplace_back([&m] { m.io.run(); });
  m.io.run();
  for (auto& t : pool) t.join();
}

void Runtime::stop() {
  Impl& m = *impl_;
  if (m.stopping.exchange(true)) return;
  asio::post(m.io, [&m] {
    if (m.server) m.server->stop();
    boost::system::error_code ec;
    m.signals.cancel(ec);
    m.hup.cancel(ec);
    m.tick.cancel();
    m.io.stop();
  });
}

void Runtime::request_reload() {
  impl_->reloader->request_refresh();
}

uint16_t Runtime::port() const { return impl_->server ? impl_->server->port() : 0; }
engine::Engine& Runtime::engine() { return *impl_->engine; }
FlowCatalog& Runtime::catalog() { return *impl_->catalog; }

}  // namespace flowc::server
