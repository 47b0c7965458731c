// Routing of the SOA endpoint and the agent console's files, API and events.
#include "runtime/cti/cti_routes.h"

#include <fstream>
#include <sstream>

namespace flowc::cti {

using http::Request;
using http::Respond;
using http::Response;
using nlohmann::json;

namespace {

constexpr const char* kConsolePrefix = "/agent";

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string bearer(const Request& r) {
  const std::string* h = r.header("authorization");
  if (!h || h->rfind("Bearer ", 0) != 0) return "";
  return h->substr(7);
}

Response rpc_http_error(int status, int code, const std::string& message, const std::string& detail) {
  Response r = Response::json(status, JsonRpc::error_response({code, message, detail}, nullptr));
  return r;
}

const char* content_type_of(const std::string& name) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return nullptr;
}

}  // namespace

CtiRoutes::CtiRoutes(InboundCallService& service, UserCallStates& states, CtiRoutesOptions options)
    : service_(service), states_(states), options_(std::move(options)) {
  if (!options_.log) options_.log = [](const std::string&) {};
}

std::string CtiRoutes::sse_event(const std::string& name, const json& data) {
  return "event: " + name + "\ndata: " + data.dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
}

bool CtiRoutes::route(const Request& r, Respond& respond) {
  const std::string& p = r.path;
  // NexJ's address is <hostname>/<context>/soa/…: any context is accepted.
  if (p.size() >= std::string_view(kSoaPath).size() &&
      p.compare(p.size() - std::string_view(kSoaPath).size(), std::string::npos, kSoaPath) == 0) {
    soa(r, respond);
    return true;
  }
  if (p == kConsolePrefix || p == "/agent/") {
    if (r.method != "GET")
      respond(Response::error(405, "method_not_allowed", "use GET"));
    else
      console_file("index.html", respond);
    return true;
  }
  if (p.rfind("/agent/", 0) != 0) return false;
  std::string rest = p.substr(7);
  if (rest == "events") {
    events(r, respond);
  } else if (rest.rfind("api/", 0) == 0) {
    console_api(r, rest.substr(4), respond);
  } else if (r.method != "GET") {
    respond(Response::error(405, "method_not_allowed", "use GET"));
  } else {
    console_file(rest, respond);
  }
  return true;
}

void CtiRoutes::soa(const Request& r, Respond& respond) {
  if (r.method != "POST") {
    Response res = rpc_http_error(405, kInvalidRequest, "Invalid Request", "JSON-RPC requests are POSTed");
    res.headers.emplace_back("Allow", "POST");
    return respond(std::move(res));
  }
  if (!options_.rpc_tokens.empty()) {
    std::string given = bearer(r);
    bool ok = false;
    for (const auto& t : options_.rpc_tokens) ok |= same_secret(t, given);
    if (!ok)
      return respond(rpc_http_error(401, -32000, "Unauthorized",
                                    "this source is not authorised: send 'Authorization: Bearer <token>'"));
  }
  auto answer = service_.handle(r.body);
  if (!answer) {
    Response res;
    res.status = 204;
    res.content_type = "application/json";
    return respond(std::move(res));
  }
  respond(Response::json(200, std::move(*answer)));
}

void CtiRoutes::console_file(const std::string& name, Respond& respond) {
  const char* type = content_type_of(name);
  bool plain = !name.empty() && name.find("..") == std::string::npos && name.find('/') == std::string::npos;
  std::ifstream in;
  if (type && plain) in.open(options_.console_dir + "/" + name, std::ios::binary);
  if (!type || !plain || !in.is_open()) return respond(Response::error(404, "not_found", "no such console file: " + name));
  std::stringstream ss;
  ss << in.rdbuf();
  Response res;
  res.content_type = type;
  res.body = ss.str();
  res.headers.emplace_back("Cache-Control", "no-cache");
  respond(std::move(res));
}

const CtiUser* CtiRoutes::agent(const Request& r) const {
  std::string token = bearer(r);
  if (token.empty()) {
    auto q = r.query.find("token");
    if (q != r.query.end()) token = q->second;
  }
  return service_.config().user_by_token(token);
}

void CtiRoutes::console_api(const Request& r, const std::string& what, Respond& respond) {
  const CtiUser* u = agent(r);
  if (!u) return respond(Response::error(401, "unauthorized", "log in with your agent token"));
  auto state = states_.get(u->login);
  json state_json = state ? state->to_json() : json(nullptr);
  if (what == "me") {
    if (r.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
    return respond(Response::json(200, json({{"login", u->login},
                                             {"name", u->name},
                                             {"call_user", u->call_user},
                                             {"privilege", service_.config().privilege},
                                             {"state", state_json}})
                                           .dump()));
  }
  if (what == "beacon") {
    if (r.method != "POST") return respond(Response::error(405, "method_not_allowed", "use POST"));
    if (!u->call_user)
      return respond(Response::error(
          403, "not_call_user",
          "user '" + u->login + "' does not hold the " + service_.config().privilege + " privilege"));
    if (!state || state->status != "CONNECTED")
      return respond(Response::error(409, "no_call", "no connected call for user '" + u->login + "'"));
    auto clicked = states_.click_beacon(u->login, options_.now_ms());
    return respond(
        Response::json(200, clicked->to_json().dump(-1, ' ', false, json::error_handler_t::replace)));
  }
  respond(Response::error(404, "not_found", "no such console endpoint: " + what));
}

void CtiRoutes::events(const Request& r, Respond& respond) {
  if (r.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
  const CtiUser* u = agent(r);
  if (!u) return respond(Response::error(401, "unauthorized", "log in with your agent token"));
  if (!u->call_user)
    return respond(Response::error(403, "not_call_user",
                                   "user '" + u->login + "' does not hold the " +
                                       service_.config().privilege +
                                       " privilege: no inbound calls are shown"));
  Response res;
  res.content_type = "text/event-stream";
  res.body = "retry: 2000\n\n";
  std::string login = u->login;
  res.stream = [this, login](std::shared_ptr<http::StreamSink> sink) {
    states_.subscribe(login, [sink](const json& event) {
      if (sink->closed()) return false;
      return sink->send(sse_event("cti", event));
    });
    // After subscribing, so that no change falls between the two.
    auto now = states_.get(login);
    sink->send(sse_event("cti", {{"type", "state"}, {"state", now ? now->to_json() : json(nullptr)}}));
  };
  respond(std::move(res));
}

}  // namespace flowc::cti
