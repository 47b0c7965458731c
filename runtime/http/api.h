// The runtime's HTTP API (DESIGN.md §4): call control for the telephony
// side, the sessions API for the CRM, traces, flows, metrics and health.
// Routes requests to the engine; holds answers while a call waits.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/engine/engine.h"
#include "runtime/http/http_types.h"

namespace flowc::http {

// What the admin endpoints need of whoever loads flows.
class FlowAdmin {
 public:
  virtual ~FlowAdmin() = default;
  virtual nlohmann::json list() const = 0;                // GET /v1/flows
  // POST /v1/flows/{name}/reload[?dry_run=true]: answers through `done`,
  // possibly later and on another thread (the compile runs in the background).
  virtual void reload(const std::string& name, bool dry_run, Respond done) = 0;
  // GET /v1/flows/{name}/modules: the running version's number, hash and
  // module fingerprints; 404 unknown_flow, 410 flow_file_deleted.
  virtual Response modules(const std::string& name) const = 0;
};

// Extra routes mounted by other parts of the runtime (CTI, agent console).
class RouteProvider {
 public:
  virtual ~RouteProvider() = default;
  // Handles the request if it is one of its routes; false to pass.
  virtual bool route(const Request& request, Respond& respond) = 0;
};

struct ApiOptions {
  std::vector<std::string> tokens;  // empty: no authentication
  bool protect_calls = false;       // also require a token for call control
  std::function<std::string()> metrics;  // Prometheus text for GET /metrics
};

class Api : public Handler {
 public:
  Api(engine::Engine& engine, FlowAdmin* flows, ApiOptions options);

  void handle(Request request, Respond respond) override;
  void add_routes(RouteProvider* provider) { providers_.push_back(provider); }

  // Wire this to EngineOptions::on_reply.
  void on_engine_reply(const std::string& call_id, const engine::Outcome& outcome);

  // Requests that were answered, by class, for metrics.
  static Response from_outcome(const engine::Outcome& outcome);

 private:
  bool authorized(const Request& r) const;
  void calls(const Request& r, const std::vector<std::string>& parts, Respond& respond);
  void sessions(const Request& r, const std::vector<std::string>& parts, Respond& respond);
  void admin(const Request& r, const std::vector<std::string>& parts, Respond& respond);
  // Answers now, or registers the answer to come for a held call.
  void answer(const engine::Outcome& outcome, Respond& respond);

  engine::Engine& engine_;
  FlowAdmin* flows_;
  ApiOptions options_;
  std::vector<RouteProvider*> providers_;

  std::mutex held_mu_;
  std::map<std::string, Respond> held_;            // call id → the request waiting
  std::map<std::string, engine::Outcome> early_;   // replies that beat the registration
};

// Parses a JSON body; nullopt with the error response filled in.
std::optional<nlohmann::json> parse_json_body(const Request& r, Response* error);
std::vector<std::string> split_path(const std::string& path);

}  // namespace flowc::http
