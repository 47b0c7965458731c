// The CTI routes without a socket: the SOA endpoint's HTTP behaviour (token,
// 204 for notifications), the console's files, API and event stream.
#include "runtime/cti/cti_routes.h"

#include <memory>

#include <gtest/gtest.h>

#include "tests/unit/runtime/cti/cti_fixture.h"

namespace flowc::cti {
namespace {

using nlohmann::json;

constexpr const char* kRpcToken = "rpc-token-0123456789abcdef";
constexpr const char* kAgent = "agent-token-user101-abcdef";
constexpr const char* kViewer = "agent-token-viewer-abcdef0";

// A stream sink that keeps what was sent.
struct FakeSink : http::StreamSink {
  std::vector<std::string> chunks;
  bool gone = false;
  bool send(std::string c) override {
    if (gone) return false;
    chunks.push_back(std::move(c));
    return true;
  }
  bool closed() const override { return gone; }
};

struct Routes {
  testing::Service s;
  CtiRoutes routes{
      s.service, s.states,
      CtiRoutesOptions{{kRpcToken}, FLOWC_SOURCE_DIR "/runtime/console", [] { return int64_t{5}; }, {}}};

  http::Response call(const std::string& method, const std::string& path, const std::string& body = "",
                      const std::string& token = "", std::map<std::string, std::string> query = {}) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.target = path;
    r.body = body;
    r.query = std::move(query);
    if (!token.empty()) r.headers["authorization"] = std::string("Bearer ") + token;
    http::Response out;
    out.status = -1;
    http::Respond respond = [&out](http::Response res) { out = std::move(res); };
    EXPECT_TRUE(routes.route(r, respond)) << path;
    return out;
  }
};

const std::string kConnect =
    R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1234567890",null],"id":1})";

TEST(SoaEndpoint, NeedsAnAuthorisedSource) {
  Routes t;
  auto r = t.call("POST", kSoaPath, kConnect);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body)["error"]["message"], "Unauthorized");
  r = t.call("POST", kSoaPath, kConnect, "wrong-token-0123456789abc");
  EXPECT_EQ(r.status, 401);
  EXPECT_FALSE(t.s.states.get("user101"));  // nothing changed
  r = t.call("POST", kSoaPath, kConnect, kRpcToken);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["result"]["status"], "CONNECTED");
}

TEST(SoaEndpoint, AnyContextPrefixAndOnlyPost) {
  Routes t;
  auto r = t.call("POST", std::string("/nexj") + kSoaPath, kConnect, kRpcToken);
  EXPECT_EQ(r.status, 200) << r.body;
  r = t.call("GET", kSoaPath, "", kRpcToken);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], kInvalidRequest);
}

TEST(SoaEndpoint, NotificationsGet204WithoutBody) {
  Routes t;
  auto r = t.call(
      "POST", kSoaPath,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1234567890",null]})",
      kRpcToken);
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(t.s.states.get("user101")->status, "CONNECTED");
}

TEST(AgentConsole, ServesItsFilesAndNothingElse) {
  Routes t;
  auto r = t.call("GET", "/agent");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("/agent/console.js"), std::string::npos);
  EXPECT_EQ(t.call("GET", "/agent/console.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(t.call("GET", "/agent/console.css").status, 200);
  EXPECT_EQ(t.call("GET", "/agent/../CMakeLists.txt").status, 404);
  EXPECT_EQ(t.call("GET", "/agent/missing.js").status, 404);
  EXPECT_EQ(t.call("GET", "/agent/CMakeLists.txt").status, 404);
  http::Request other;
  other.method = "GET";
  other.path = "/v1/calls";
  http::Respond ignore = [](http::Response) {};
  EXPECT_FALSE(t.routes.route(other, ignore));
}

TEST(AgentConsole, ApiNeedsAnAgentToken) {
  Routes t;
  EXPECT_EQ(t.call("GET", "/agent/api/me").status, 401);
  auto r = t.call("GET", "/agent/api/me", "", kAgent);
  ASSERT_EQ(r.status, 200);
  json me = json::parse(r.body);
  EXPECT_EQ(me["login"], "user101");
  EXPECT_EQ(me["call_user"], true);
  EXPECT_EQ(json::parse(t.call("GET", "/agent/api/me", "", kViewer).body)["call_user"], false);
  EXPECT_EQ(t.call("GET", "/agent/api/nothing", "", kAgent).status, 404);
}

TEST(AgentConsole, BeaconClickNeedsAConnectedCall) {
  Routes t;
  auto r = t.call("POST", "/agent/api/beacon", "", kAgent);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(t.call("POST", "/agent/api/beacon", "", kViewer).status, 403);
  t.call("POST", kSoaPath, kConnect, kRpcToken);
  EXPECT_FALSE(t.s.states.get("user101")->beacon_clicked);
  r = t.call("POST", "/agent/api/beacon", "", kAgent);
  ASSERT_EQ(r.status, 200) << r.body;
  json st = json::parse(r.body);
  EXPECT_EQ(st["beacon_clicked"], true);
  EXPECT_EQ(st["screen_pop"]["contact"]["email"], "grace@example.com");
  EXPECT_TRUE(t.s.states.get("user101")->beacon_clicked);
}

TEST(AgentConsole, EventStreamPushesCallStates) {
  Routes t;
  EXPECT_EQ(t.call("GET", "/agent/events").status, 401);
  auto refused = t.call("GET", "/agent/events", "", "", {{"token", kViewer}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("gCallUser"), std::string::npos);

  auto r = t.call("GET", "/agent/events", "", "", {{"token", kAgent}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/event-stream");
  ASSERT_TRUE(r.stream);
  auto sink = std::make_shared<FakeSink>();
  r.stream(sink);
  ASSERT_EQ(sink->chunks.size(), 1u);  // the current state
  EXPECT_EQ(sink->chunks[0].rfind("event: cti\ndata: {", 0), 0u) << sink->chunks[0];

  t.call("POST", kSoaPath, kConnect, kRpcToken);
  ASSERT_EQ(sink->chunks.size(), 2u);
  const std::string& c = sink->chunks[1];
  ASSERT_EQ(c.substr(c.size() - 2), "\n\n");
  json ev = json::parse(c.substr(c.find("data: ") + 6));
  EXPECT_EQ(ev["type"], "connected");
  EXPECT_EQ(ev["state"]["screen_pop"]["reason"]["name"], "General Inquiry");
  EXPECT_EQ(ev["state"]["screen_pop"]["rpc_received_ms"], 1000);

  t.call(
      "POST", kSoaPath,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","DISCONNECTED",null,null],"id":2})",
      kRpcToken);
  ASSERT_EQ(sink->chunks.size(), 3u);
  EXPECT_NE(sink->chunks[2].find(R"("type":"disconnected")"), std::string::npos);

  // A console that left is dropped at the next change.
  sink->gone = true;
  t.call("POST", kSoaPath, kConnect, kRpcToken);
  EXPECT_EQ(t.s.states.listeners("user101"), 0u);
}

}  // namespace
}  // namespace flowc::cti
