// The sessions API (the CRM side, as in the babelforce article):
//   GET /v1/sessions/{id} · POST /v1/sessions/{id} {"ivr.x": value, …}
#include "runtime/http/api.h"

namespace flowc::http {

using nlohmann::json;

void Api::sessions(const Request& r, const std::vector<std::string>& parts, Respond& respond) {
  if (parts.size() != 3) return respond(Response::error(404, "not_found", "use /v1/sessions/{call_id}"));
  const std::string& id = parts[2];
  if (r.method == "GET") {
    auto s = engine_.session(id);
    if (!s) return respond(Response::error(404, "unknown_call", "there is no call '" + id + "'"));
    return respond(Response::json(200, json({{"call_id", id}, {"session", *s}}).dump(-1, ' ', false,
                                                                                      json::error_handler_t::replace)));
  }
  if (r.method == "POST") {
    Response err;
    auto body = parse_json_body(r, &err);
    if (!body) return respond(std::move(err));
    return respond(from_outcome(engine_.write_session(id, *body)));
  }
  respond(Response::error(405, "method_not_allowed", "use GET or POST"));
}

}  // namespace flowc::http
