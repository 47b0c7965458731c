// The telephony side of CTI: when an agent answers a queued call, sends
// NexJ's updateCallState CONNECTED to the flow's `cti nexj` endpoint, and
// DISCONNECTED when that call ends. Asynchronous (the call never waits),
// with the flow's timeout and retries; each delivery lands in the call's
// trace and in the metrics. Messages of one call go out in order.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/client/http_client.h"
#include "runtime/engine/engine.h"

namespace flowc::cti {

struct NexjNotifierOptions {
  // Sends one request (the real HttpClient, or a test double).
  std::function<void(client::HttpRequest, std::function<void(client::HttpResponse)>)> send;
  // Appends to a call's trace (Engine::add_trace). Optional.
  std::function<void(const std::string& call_id, const std::string& kind, nlohmann::json data)> trace;
  // Counts a metric for a flow (Metrics::count). Optional.
  std::function<void(const std::string& metric, const std::string& flow)> count;
  std::string token;  // sent as "Authorization: Bearer …" when not empty
  // The extra User Call State fields (the document's extension) as
  // {"field": "session variable"}; when not empty they go as a fifth param.
  std::map<std::string, std::string> extra_fields;
  // Reads a variable of the call's session (null when unset). Needed for
  // extra_fields.
  std::function<nlohmann::json(const std::string& call_id, const std::string& variable)> session_value;
};

class NexjNotifier : public engine::EngineObserver {
 public:
  explicit NexjNotifier(NexjNotifierOptions options) : options_(std::move(options)) {}

  void agent_connected(const std::string& call_id, const engine::FlowVersion& flow, const std::string& agent,
                       const std::string& caller, const nlohmann::json& reason) override;
  void agent_disconnected(const std::string& call_id, const engine::FlowVersion& flow,
                          const std::string& agent) override;

  // The exact bytes: {"jsonrpc":"2.0","method":"updateCallState","params":[…],"id":N}
  static std::string message(const nlohmann::json& params, uint64_t id);
  // [agent,"CONNECTED",digits of caller,reason id as text or null]
  static nlohmann::json connected_params(const std::string& agent, const std::string& caller,
                                         const nlohmann::json& reason);
  static nlohmann::json disconnected_params(const std::string& agent);

  // Messages not finished yet (for tests and shutdown).
  size_t in_flight() const;

 private:
  struct Outgoing {
    std::string call_id, flow, status, endpoint, body;
    uint32_t timeout_ms = 5000, retries = 0;
    uint64_t id = 0;
  };
  void enqueue(Outgoing message);
  void deliver(Outgoing message);
  void delivered(const Outgoing& message, const client::HttpResponse& response);

  NexjNotifierOptions options_;
  std::atomic<uint64_t> next_id_{1};
  mutable std::mutex mu_;
  // Per call: a message on the wire, and the one waiting behind it.
  struct Lane {
    bool busy = false;
    std::optional<Outgoing> next;
  };
  std::map<std::string, Lane> lanes_;
};

}  // namespace flowc::cti
