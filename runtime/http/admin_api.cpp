// The operators' endpoints: GET /v1/flows, POST /v1/flows/{name}/reload.
#include "runtime/http/api.h"

namespace flowc::http {

using nlohmann::json;

void Api::admin(const Request& r, const std::vector<std::string>& parts, Respond& respond) {
  if (!flows_) return respond(Response::error(503, "no_flows", "this runtime has no flow loader"));
  if (parts.size() == 2) {
    if (r.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
    return respond(
        Response::json(200, json({{"flows", flows_->list()}}).dump(-1, ' ', false, json::error_handler_t::replace)));
  }
  if (parts.size() == 4 && parts[3] == "reload") {
    if (r.method != "POST") return respond(Response::error(405, "method_not_allowed", "use POST"));
    return respond(flows_->reload(parts[2]));
  }
  respond(Response::error(404, "not_found", "no such endpoint: " + r.method + " " + r.path));
}

}  // namespace flowc::http
