// Routing, authentication and held answers of the runtime's HTTP API.
#include "runtime/http/api.h"

namespace flowc::http {

using nlohmann::json;

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) parts.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

std::optional<json> parse_json_body(const Request& r, Response* error) {
  if (r.body.empty()) {
    *error = Response::error(400, "invalid_json", "the request needs a JSON body");
    return std::nullopt;
  }
  json j = json::parse(r.body, nullptr, false);
  if (j.is_discarded()) {
    *error = Response::error(400, "invalid_json", "the body is not valid JSON");
    return std::nullopt;
  }
  return j;
}

Api::Api(engine::Engine& engine, FlowAdmin* flows, ApiOptions options)
    : engine_(engine), flows_(flows), options_(std::move(options)) {}

bool Api::authorized(const Request& r) const {
  if (options_.tokens.empty()) return true;
  const std::string* h = r.header("authorization");
  if (!h || h->rfind("Bearer ", 0) != 0) return false;
  std::string_view given = std::string_view(*h).substr(7);
  bool ok = false;
  for (const auto& t : options_.tokens) {
    // Compare every byte so timing does not tell how much matched.
    if (t.size() != given.size()) continue;
    unsigned diff = 0;
    for (size_t i = 0; i < t.size(); ++i) diff |= static_cast<unsigned char>(t[i] ^ given[i]);
    ok |= diff == 0;
  }
  return ok;
}

Response Api::from_outcome(const engine::Outcome& o) {
  return Response::json(o.status, o.text());
}

void Api::answer(const engine::Outcome& outcome, Respond& respond) {
  if (!outcome.held) {
    respond(from_outcome(outcome));
    return;
  }
  std::unique_lock lock(held_mu_);
  auto early = early_.find(outcome.call_id);
  if (early != early_.end()) {
    engine::Outcome reply = std::move(early->second);
    early_.erase(early);
    lock.unlock();
    respond(from_outcome(reply));
    return;
  }
  held_[outcome.call_id] = std::move(respond);
}

void Api::on_engine_reply(const std::string& call_id, const engine::Outcome& outcome) {
  if (outcome.push) return;  // kept by the engine for the next answer
  std::unique_lock lock(held_mu_);
  auto it = held_.find(call_id);
  if (it == held_.end()) {
    early_[call_id] = outcome;  // the held request is being registered right now
    return;
  }
  Respond respond = std::move(it->second);
  held_.erase(it);
  lock.unlock();
  respond(from_outcome(outcome));
}

void Api::handle(Request request, Respond respond) {
  for (RouteProvider* p : providers_)
    if (p->route(request, respond)) return;
  std::vector<std::string> parts = split_path(request.path);
  if (parts.size() == 1 && parts[0] == "healthz") {
    if (request.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
    return respond(Response::json(200, json({{"status", "ok"}, {"calls", engine_.active_calls()}}).dump()));
  }
  if (parts.size() == 1 && parts[0] == "metrics") {
    if (!authorized(request))
      return respond(Response::error(401, "unauthorized", "a valid bearer token is required"));
    Response r;
    r.content_type = "text/plain; version=0.0.4";
    r.body = options_.metrics ? options_.metrics() : std::string();
    return respond(std::move(r));
  }
  if (parts.size() >= 2 && parts[0] == "v1") {
    const std::string& area = parts[1];
    bool calls = area == "calls";
    // The trace and the call listing are the CRM's and operators' side.
    bool call_control = calls && request.method == "POST";
    bool needs_token = call_control ? options_.protect_calls : true;
    if (needs_token && !authorized(request))
      return respond(Response::error(401, "unauthorized", "a valid bearer token is required"));
    if (calls) return this->calls(request, parts, respond);
    if (area == "sessions") return sessions(request, parts, respond);
    if (area == "flows") return admin(request, parts, respond);
  }
  respond(Response::error(404, "not_found", "no such endpoint: " + request.method + " " + request.path));
}

}  // namespace flowc::http
