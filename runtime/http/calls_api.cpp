// Call control (the telephony side) and the call listing:
//   POST /v1/calls · POST /v1/calls/{id}/events · GET /v1/calls
//   GET /v1/calls/{id} · GET /v1/calls/{id}/trace
#include "runtime/http/api.h"

namespace flowc::http {

using nlohmann::json;

void Api::calls(const Request& r, const std::vector<std::string>& parts, Respond& respond) {
  auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  auto not_found = [&](const std::string& id) {
    respond(Response::error(404, "unknown_call", "there is no call '" + id + "'"));
  };
  if (parts.size() == 2) {
    if (r.method == "GET") return respond(Response::json(200, dump({{"calls", engine_.list_calls()}})));
    if (r.method == "POST") {
      Response err;
      auto body = parse_json_body(r, &err);
      if (!body) return respond(std::move(err));
      return answer(engine_.start_call(*body), respond);
    }
    return respond(Response::error(405, "method_not_allowed", "use GET or POST"));
  }
  const std::string& id = parts[2];
  if (parts.size() == 3) {
    if (r.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
    auto info = engine_.call_info(id, true);
    if (!info) return not_found(id);
    return respond(Response::json(200, dump(*info)));
  }
  if (parts.size() == 4 && parts[3] == "events") {
    if (r.method != "POST") return respond(Response::error(405, "method_not_allowed", "use POST"));
    Response err;
    auto body = parse_json_body(r, &err);
    if (!body) return respond(std::move(err));
    return answer(engine_.deliver(id, *body), respond);
  }
  if (parts.size() == 4 && parts[3] == "trace") {
    if (r.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
    auto trace = engine_.trace(id);
    if (!trace) return not_found(id);
    return respond(Response::json(200, dump(*trace)));
  }
  respond(Response::error(404, "not_found", "no such endpoint: " + r.method + " " + r.path));
}

}  // namespace flowc::http
