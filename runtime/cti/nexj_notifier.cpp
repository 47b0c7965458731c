// Building and delivering the updateCallState messages of a call.
#include "runtime/cti/nexj_notifier.h"

#include "runtime/cti/cti_config.h"

namespace flowc::cti {

using nlohmann::json;

std::string NexjNotifier::message(const json& params, uint64_t id) {
  // Written by hand: the document's key order, which a JSON object loses.
  return R"({"jsonrpc":"2.0","method":"updateCallState","params":)" +
         params.dump(-1, ' ', false, json::error_handler_t::replace) + R"(,"id":)" + std::to_string(id) + "}";
}

json NexjNotifier::connected_params(const std::string& agent, const std::string& caller, const json& reason) {
  json reason_id = nullptr;
  if (reason.is_string())
    reason_id = reason.get_ref<const std::string&>().empty() ? json(nullptr) : reason;
  else if (!reason.is_null())
    reason_id = reason.dump();
  std::string digits = phone_digits(caller);
  return json::array({agent, "CONNECTED", digits.empty() ? json(nullptr) : json(digits), reason_id});
}

json NexjNotifier::disconnected_params(const std::string& agent) {
  return json::array({agent, "DISCONNECTED", nullptr, nullptr});
}

void NexjNotifier::agent_connected(const std::string& call_id, const engine::FlowVersion& flow,
                                   const std::string& agent, const std::string& caller, const json& reason) {
  if (flow.tables.cti_protocol != "nexj" || flow.tables.cti_endpoint.empty()) return;
  json params = connected_params(agent, caller, reason);
  if (!options_.extra_fields.empty() && options_.session_value) {
    json extra = json::object();
    for (const auto& [field, variable] : options_.extra_fields)
      extra[field] = options_.session_value(call_id, variable);
    params.push_back(std::move(extra));
  }
  uint64_t id = next_id_++;
  enqueue({call_id, flow.name, "CONNECTED", flow.tables.cti_endpoint, message(params, id),
           flow.tables.cti_timeout_ms, flow.tables.cti_retries, id});
}

void NexjNotifier::agent_disconnected(const std::string& call_id, const engine::FlowVersion& flow,
                                      const std::string& agent) {
  if (flow.tables.cti_protocol != "nexj" || flow.tables.cti_endpoint.empty()) return;
  uint64_t id = next_id_++;
  enqueue({call_id, flow.name, "DISCONNECTED", flow.tables.cti_endpoint,
           message(disconnected_params(agent), id), flow.tables.cti_timeout_ms, flow.tables.cti_retries, id});
}

size_t NexjNotifier::in_flight() const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const auto& [id, lane] : lanes_) n += (lane.busy ? 1 : 0) + (lane.next ? 1 : 0);
  return n;
}

void NexjNotifier::enqueue(Outgoing m) {
  {
    std::lock_guard lock(mu_);
    Lane& lane = lanes_[m.call_id];
    if (lane.busy) {
      lane.next = std::move(m);  // DISCONNECTED waits for CONNECTED
      return;
    }
    lane.busy = true;
  }
  deliver(std::move(m));
}

void NexjNotifier::deliver(Outgoing m) {
  if (options_.count) options_.count("flowc_cti_messages_total", m.flow);
  client::HttpRequest req;
  req.method = "POST";
  req.url = m.endpoint;
  req.body = m.body;
  req.content_type = "application/json";
  req.timeout_ms = m.timeout_ms;
  req.retries = m.retries;
  if (!options_.token.empty()) req.headers.emplace_back("Authorization", "Bearer " + options_.token);
  if (!options_.send) {
    client::HttpResponse r;
    r.error = client::HttpError::InvalidRequest;
    r.detail = "no HTTP client for CTI";
    delivered(m, r);
    return;
  }
  options_.send(std::move(req), [this, m](client::HttpResponse r) { delivered(m, r); });
}

void NexjNotifier::delivered(const Outgoing& m, const client::HttpResponse& r) {
  std::string failure;
  if (!r.responded())
    failure = r.detail.empty() ? "no response" : r.detail;
  else if (!r.success())
    failure = "HTTP " + std::to_string(r.status);
  else if (r.json && r.json->is_object() && r.json->contains("error"))
    failure = "JSON-RPC error: " + (*r.json)["error"].value("message", std::string("?"));
  if (!failure.empty() && options_.count) options_.count("flowc_cti_failures_total", m.flow);
  if (options_.trace) {
    json data = {{"status", m.status},     {"id", m.id},
                 {"endpoint", m.endpoint}, {"ok", failure.empty()},
                 {"attempts", r.attempts}, {"latency_ms", r.latency_ms}};
    if (r.status) data["http_status"] = r.status;
    if (!failure.empty()) data["error"] = failure;
    options_.trace(m.call_id, "cti", std::move(data));
  }
  std::optional<Outgoing> next;
  {
    std::lock_guard lock(mu_);
    auto it = lanes_.find(m.call_id);
    if (it != lanes_.end()) {
      next = std::move(it->second.next);
      it->second.next.reset();
      if (!next) lanes_.erase(it);
    }
  }
  if (next) deliver(std::move(*next));
}

}  // namespace flowc::cti
