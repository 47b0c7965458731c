// The operators' endpoints: GET /v1/flows, POST /v1/flows/{name}/reload[?dry_run=true],
// GET /v1/flows/{name}/modules.
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
    auto dry = r.query.find("dry_run");
    bool dry_run = dry != r.query.end() && (dry->second == "true" || dry->second == "1");
    if (dry != r.query.end() && !dry_run && dry->second != "false" && dry->second != "0")
      return respond(Response::error(400, "invalid_query", "dry_run must be true or false"));
    return flows_->reload(parts[2], dry_run, std::move(respond));
  }
  if (parts.size() == 4 && parts[3] == "modules") {
    if (r.method != "GET") return respond(Response::error(405, "method_not_allowed", "use GET"));
    return respond(flows_->modules(parts[2]));
  }
  respond(Response::error(404, "not_found", "no such endpoint: " + r.method + " " + r.path));
}

}  // namespace flowc::http
