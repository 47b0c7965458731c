// The outbound updateCallState messages: exact bytes, the flow's timeout and
// retries, order per call, failures in the trace and the metrics.
#include "runtime/cti/nexj_notifier.h"

#include <gtest/gtest.h>

namespace flowc::cti {
namespace {

using nlohmann::json;

struct Sent {
  client::HttpRequest request;
  std::function<void(client::HttpResponse)> done;
};

struct Harness {
  std::vector<Sent> sent;
  std::vector<std::pair<std::string, json>> traces;
  std::map<std::string, int> counts;
  engine::FlowVersion flow;
  std::unique_ptr<NexjNotifier> notifier;

  explicit Harness(std::string token = "") {
    flow.name = "order_status";
    flow.tables.cti_protocol = "nexj";
    flow.tables.cti_endpoint = "http://127.0.0.1:9/soa/nexj:call:InboundCall:1.0/json-rpc";
    flow.tables.cti_timeout_ms = 1500;
    flow.tables.cti_retries = 2;
    NexjNotifierOptions o;
    o.send = [this](client::HttpRequest r, std::function<void(client::HttpResponse)> d) {
      sent.push_back({std::move(r), std::move(d)});
    };
    o.trace = [this](const std::string& id, const std::string& kind, json data) {
      traces.emplace_back(id + "/" + kind, std::move(data));
    };
    o.count = [this](const std::string& m, const std::string& f) { ++counts[m + "{" + f + "}"]; };
    o.token = std::move(token);
    notifier = std::make_unique<NexjNotifier>(std::move(o));
  }

  static client::HttpResponse ok() {
    client::HttpResponse r;
    r.status = 200;
    r.json = json{{"jsonrpc", "2.0"}, {"result", json::object()}, {"id", 1}};
    r.attempts = 1;
    return r;
  }
};

TEST(NexjMessage, ExactBytes) {
  EXPECT_EQ(
      NexjNotifier::message(NexjNotifier::connected_params("user101", "+4930123456", "1084CC0B"), 1),
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","4930123456","1084CC0B"],"id":1})");
  EXPECT_EQ(
      NexjNotifier::message(NexjNotifier::connected_params("user101", "+49 30 123", nullptr), 2),
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","4930123",null],"id":2})");
  EXPECT_EQ(
      NexjNotifier::message(NexjNotifier::disconnected_params("user101"), 3),
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","DISCONNECTED",null,null],"id":3})");
  // A reason that is not a string is sent as its JSON text; "" as null.
  EXPECT_EQ(NexjNotifier::connected_params("a", "1", 42)[3], "42");
  EXPECT_TRUE(NexjNotifier::connected_params("a", "1", "")[3].is_null());
}

TEST(NexjNotifier, SendsWithTheFlowsTimeoutRetriesAndToken) {
  Harness h("cti-token-0123456789abcdef");
  h.notifier->agent_connected("c-1", h.flow, "user101", "+4930123456", "1084CC0B");
  ASSERT_EQ(h.sent.size(), 1u);
  const auto& r = h.sent[0].request;
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, h.flow.tables.cti_endpoint);
  EXPECT_EQ(r.timeout_ms, 1500u);
  EXPECT_EQ(r.retries, 2u);
  EXPECT_EQ(r.content_type, "application/json");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "Bearer cti-token-0123456789abcdef");
  h.sent[0].done(Harness::ok());
  ASSERT_EQ(h.traces.size(), 1u);
  EXPECT_EQ(h.traces[0].first, "c-1/cti");
  EXPECT_EQ(h.traces[0].second["ok"], true);
  EXPECT_EQ(h.traces[0].second["status"], "CONNECTED");
  EXPECT_EQ(h.counts["flowc_cti_messages_total{order_status}"], 1);
  EXPECT_EQ(h.counts.count("flowc_cti_failures_total{order_status}"), 0u);
  EXPECT_EQ(h.notifier->in_flight(), 0u);
}

TEST(NexjNotifier, DisconnectedWaitsForConnectedOfTheSameCall) {
  Harness h;
  h.notifier->agent_connected("c-1", h.flow, "user101", "+4930123456", nullptr);
  h.notifier->agent_disconnected("c-1", h.flow, "user101");
  ASSERT_EQ(h.sent.size(), 1u);  // DISCONNECTED is queued
  EXPECT_EQ(h.notifier->in_flight(), 2u);
  h.sent[0].done(Harness::ok());
  ASSERT_EQ(h.sent.size(), 2u);
  EXPECT_NE(h.sent[1].request.body.find("DISCONNECTED"), std::string::npos);
  h.sent[1].done(Harness::ok());
  EXPECT_EQ(h.notifier->in_flight(), 0u);
}

TEST(NexjNotifier, FailuresAreTracedAndCounted) {
  Harness h;
  h.notifier->agent_connected("c-1", h.flow, "user101", "+1", nullptr);
  client::HttpResponse down;
  down.error = client::HttpError::Timeout;
  down.detail = "timeout after 1.5s";
  down.attempts = 3;
  h.sent[0].done(down);
  h.notifier->agent_connected("c-2", h.flow, "user101", "+1", nullptr);
  client::HttpResponse rpc_error = Harness::ok();
  rpc_error.json =
      json{{"jsonrpc", "2.0"}, {"error", {{"code", -32002}, {"message", "Not a call user"}}}, {"id", 2}};
  h.sent[1].done(rpc_error);
  h.notifier->agent_connected("c-3", h.flow, "user101", "+1", nullptr);
  client::HttpResponse server_error;
  server_error.status = 503;
  h.sent[2].done(server_error);
  ASSERT_EQ(h.traces.size(), 3u);
  EXPECT_EQ(h.traces[0].second["error"], "timeout after 1.5s");
  EXPECT_EQ(h.traces[0].second["attempts"], 3);
  EXPECT_EQ(h.traces[1].second["error"], "JSON-RPC error: Not a call user");
  EXPECT_EQ(h.traces[2].second["error"], "HTTP 503");
  EXPECT_EQ(h.counts["flowc_cti_failures_total{order_status}"], 3);
}

TEST(NexjNotifier, FlowsWithoutCtiSendNothing) {
  Harness h;
  h.flow.tables.cti_protocol.clear();
  h.notifier->agent_connected("c-1", h.flow, "user101", "+1", nullptr);
  h.notifier->agent_disconnected("c-1", h.flow, "user101");
  EXPECT_TRUE(h.sent.empty());
}

TEST(NexjNotifier, ExtraUserCallStateFieldsGoAsAFifthParam) {
  NexjNotifierOptions o;
  std::vector<std::string> bodies;
  o.send = [&](client::HttpRequest r, std::function<void(client::HttpResponse)>) {
    bodies.push_back(r.body);
  };
  o.extra_fields = {{"accountNumber", "ivr.account"}, {"dialledNumber", "call.to"}};
  o.session_value = [](const std::string&, const std::string& v) {
    return v == "call.to" ? json("+4940999") : json(nullptr);
  };
  NexjNotifier n(std::move(o));
  engine::FlowVersion flow;
  flow.tables.cti_protocol = "nexj";
  flow.tables.cti_endpoint = "http://127.0.0.1:9/x";
  n.agent_connected("c-1", flow, "user101", "+4930123456", "R1");
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(
      bodies[0],
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","4930123456","R1",{"accountNumber":null,"dialledNumber":"+4940999"}],"id":1})");
}

}  // namespace
}  // namespace flowc::cti
