// CTI end to end: a call through examples/order_status reaches the queue, an
// agent answers, and NexJ updateCallState reaches (1) a stub NexJ endpoint
// byte for byte, (2) a second `flowc serve` as the receiver, whose agent
// console stream pushes the beacon, and (3) that console in headless
// Chromium (skipped when chromium or node is not installed).
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <gtest/gtest.h>

#include "tests/e2e/harness.h"
#include "tests/e2e/stack.h"

namespace flowc::e2e {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kSoa = "/soa/nexj:call:InboundCall:1.0/json-rpc";
constexpr const char* kAgentToken = "agent-user101-demo-token";  // examples/order_status/cti/cti.json

// A stub NexJ application server: records every request body exactly as
// received and answers a JSON-RPC result.
class NexjStub {
 public:
  NexjStub() : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~NexjStub() {
    stopping_ = true;
    // Wake the blocking accept with a connection of our own.
    boost::system::error_code ec;
    asio::io_context io;
    tcp::socket s(io);
    s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
    thread_.join();
  }
  uint16_t port() const { return port_; }

  // Waits (on a condition, not a sleep) for the n-th body.
  std::vector<std::string> wait_bodies(size_t n, std::chrono::milliseconds timeout = 10s) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, timeout, [&] { return bodies_.size() >= n; });
    return bodies_;
  }
  std::vector<std::string> headers() {
    std::lock_guard lock(mu_);
    return headers_;
  }

 private:
  void serve() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket s(io_);
      acceptor_.accept(s, ec);
      if (ec || stopping_) return;
      asio::streambuf buf;
      size_t head = asio::read_until(s, buf, "\r\n\r\n", ec);
      if (ec) continue;
      std::string all(asio::buffers_begin(buf.data()), asio::buffers_end(buf.data()));
      std::string header = all.substr(0, head);
      size_t length = 0;
      for (const char* key : {"Content-Length: ", "content-length: "})
        if (auto p = header.find(key); p != std::string::npos) length = std::stoul(header.substr(p + 16));
      std::string body = all.substr(head);
      while (body.size() < length) {
        char chunk[4096];
        size_t n = s.read_some(asio::buffer(chunk), ec);
        if (ec) break;
        body.append(chunk, n);
      }
      const std::string answer = R"({"jsonrpc":"2.0","result":{},"id":1})";
      std::string res = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                        std::to_string(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer;
      asio::write(s, asio::buffer(res), ec);
      {
        std::lock_guard lock(mu_);
        bodies_.push_back(body);
        headers_.push_back(header);
      }
      cv_.notify_all();
    }
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  uint16_t port_ = acceptor_.local_endpoint().port();
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> bodies_, headers_;
};

// Drives the order_status call of a premium caller (found by number) to an
// agent; returns the call id.
std::string call_to_agent(Stack& s, const std::string& agent) {
  auto r = s.start_call("+4930123456");
  EXPECT_EQ(r.status, 201) << r.body << s.logs();
  std::string id = r.json.value("call_id", "");
  r = s.event(id, {{"type", "prompt_done"}});
  EXPECT_EQ(types(r.json), Types{"enqueue"}) << r.body << s.logs();
  r = s.event(id, {{"type", "agent_answered"}, {"agent", agent}});
  EXPECT_EQ(r.status, 200) << r.body;
  return id;
}

// The receiving flowc: no flows, the example CTI configuration.
struct Receiver {
  std::unique_ptr<Process> process;
  uint16_t port = 0;
  std::string dir;

  void start(const std::string& test) {
    dir = scratch_dir(test + "_receiver");
    std::filesystem::create_directories(dir + "/flows");
    {
      std::ofstream tokens(dir + "/tokens");
      tokens << kToken << "\n";
    }
    process = std::make_unique<Process>(
        "flowc-receiver",
        std::vector<std::string>{bin("tools/flowc/flowc"), "serve", dir + "/flows", "--listen", "127.0.0.1:0",
                                 "--port-file", dir + "/port", "--token-file", dir + "/tokens",
                                 "--cti-config", source_dir() + "/examples/order_status/cti/cti.json"},
        std::map<std::string, std::string>{}, dir + "/flowc.log");
    port = wait_for_port_file(dir + "/port", *process);
    ASSERT_NE(port, 0) << process->log();
    ASSERT_TRUE(wait_healthy(port, *process)) << process->log();
  }
  std::string soa_url() const { return "http://127.0.0.1:" + std::to_string(port) + kSoa; }
};

// Options of the telephony flowc that sends to a flowc receiver: the token
// the receiver accepts, and what the IVR gathered as extra User Call State
// fields (the receiver is another runtime: it has no session of the call).
std::vector<std::string> telephony_args(const std::string& dir) {
  {
    std::ofstream t(dir + "/token");
    t << kToken << "\n";
  }
  return {"--cti-token-file",    dir + "/token", "--cti-field",
          "ivr.email=ivr.email", "--cti-field",  "ivr.premium=ivr.premium"};
}

// Polls `probe` until it is true or 5 s passed (results that arrive
// asynchronously, like a delivery's trace entry).
bool eventually(const std::function<bool()>& probe) {
  for (int i = 0; i < 100; ++i) {
    if (probe()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return probe();
}

// An agent console's event stream read on a socket of its own.
class EventStream {
 public:
  EventStream(uint16_t port, const std::string& token) : socket_(io_) {
    socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    std::string req = "GET /agent/events?token=" + token +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    asio::write(socket_, asio::buffer(req));
    struct timeval tv {
      0, 100'000
    };
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  // Reads until `needle` arrived (or the deadline); everything read so far.
  std::string read_until(const std::string& needle, std::chrono::milliseconds timeout = 10s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (received_.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      char buf[4096];
      ssize_t n = ::recv(socket_.native_handle(), buf, sizeof buf, 0);  // returns after at most 100 ms
      if (n == 0) break;
      if (n > 0) received_.append(buf, static_cast<size_t>(n));
    }
    return received_;
  }

 private:
  asio::io_context io_;
  tcp::socket socket_;
  std::string received_;
};

TEST(CtiE2E, AStubNexjEndpointGetsTheMessagesByteForByte) {
  NexjStub nexj;
  Stack s;
  s.env["NEXJ_URL"] = "http://127.0.0.1:" + std::to_string(nexj.port()) + "/nexj" + kSoa;
  s.start("cti_stub");
  std::string id = call_to_agent(s, "user101");
  auto bodies = nexj.wait_bodies(1);
  ASSERT_EQ(bodies.size(), 1u) << s.logs();
  EXPECT_EQ(
      bodies[0],
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","4930123456","1084CC0B"],"id":1})");
  EXPECT_EQ(nexj.headers()[0].rfind("POST /nexj/soa/nexj:call:InboundCall:1.0/json-rpc HTTP/1.1\r\n", 0), 0u)
      << nexj.headers()[0];
  auto r = s.event(id, {{"type", "hangup"}});
  EXPECT_TRUE(r.json.value("ended", false)) << r.body;
  bodies = nexj.wait_bodies(2);
  ASSERT_EQ(bodies.size(), 2u) << s.logs();
  EXPECT_EQ(
      bodies[1],
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","DISCONNECTED",null,null],"id":2})");
  // Both deliveries are in the call's trace and the metrics.
  json trace;
  EXPECT_TRUE(eventually([&] {
    trace = s.trace(id);
    int ok = 0;
    for (const auto& e : trace["entries"])
      if (e.value("kind", "") == "cti" && e["data"].value("ok", false)) ++ok;
    return ok == 2;
  })) << trace.dump(1);
  std::string metrics = get(s.port, "/metrics", kToken).body;
  EXPECT_NE(metrics.find("flowc_cti_messages_total{flow=\"order_status\"} 2"), std::string::npos) << metrics;
}

TEST(CtiE2E, AnUnreachableNexjNeverDelaysTheCallAndIsTraced) {
  Stack s;
  s.env["NEXJ_URL"] = std::string("http://127.0.0.1:1") + kSoa;  // nothing listens on port 1
  s.start("cti_down");
  std::string id = call_to_agent(s, "user101");
  auto r = s.event(id, {{"type", "hangup"}});
  EXPECT_TRUE(r.json.value("ended", false)) << r.body;
  // The failures arrive asynchronously: wait for them in the metrics.
  std::string metrics;
  eventually([&] {
    metrics = get(s.port, "/metrics", kToken).body;
    return metrics.find("flowc_cti_failures_total{flow=\"order_status\"} 2") != std::string::npos;
  });
  EXPECT_NE(metrics.find("flowc_cti_failures_total{flow=\"order_status\"} 2"), std::string::npos) << metrics;
  json trace = s.trace(id);
  bool traced = false;
  for (const auto& e : trace["entries"])
    if (e.value("kind", "") == "cti" && !e["data"].value("ok", true)) traced = e["data"].contains("error");
  EXPECT_TRUE(traced) << trace.dump(1);
  // And the caller was never held up: the call ended normally.
  EXPECT_EQ(get(s.port, "/v1/calls/" + id, kToken).json.value("state", ""), "ended");
}

TEST(CtiE2E, FlowcAsTheReceiverPushesTheBeaconToTheConsole) {
  Receiver rx;
  rx.start("cti_rx");
  EventStream console(rx.port, kAgentToken);
  console.read_until("\"type\":\"state\"");
  Stack s;
  s.env["NEXJ_URL"] = rx.soa_url();
  s.start("cti_rx_stack", "ok", telephony_args(scratch_dir("cti_rx_token")));
  std::string id = call_to_agent(s, "user101");
  std::string got = console.read_until("\"type\":\"connected\"");
  ASSERT_NE(got.find("\"type\":\"connected\""), std::string::npos) << got << s.logs() << rx.process->log();
  // The screen pop: the reason's script, the matched contact and the
  // session the IVR gathered (the email in the clear for the agent).
  EXPECT_NE(got.find("\"name\":\"Order status\""), std::string::npos) << got;
  EXPECT_NE(got.find("anna.schmidt@example.com"), std::string::npos) << got;
  EXPECT_NE(got.find("\"ivr.premium\":true"), std::string::npos) << got;
  s.event(id, {{"type", "hangup"}});
  got = console.read_until("\"type\":\"disconnected\"");
  EXPECT_NE(got.find("\"type\":\"disconnected\""), std::string::npos) << got;
}

TEST(CtiE2E, TheReceiverRefusesUsersWithoutTheCallUserPrivilege) {
  Receiver rx;
  rx.start("cti_priv");
  // Straight to the endpoint, as another telephony server would.
  std::map<std::string, std::string> auth{{"Authorization", std::string("Bearer ") + kToken}};
  auto r = http(
      rx.port, "POST", kSoa,
      R"({"jsonrpc":"2.0", "method":"updateCallState", "params":["auditor", "CONNECTED", "1234567890", null], "id":1})",
      auth);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json["error"]["code"], -32002) << r.body;
  r = http(
      rx.port, "POST", kSoa,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1",null],"id":1})");
  EXPECT_EQ(r.status, 401) << r.body;
  auto denied = get(rx.port, "/agent/events?token=agent-auditor-demo-token");
  EXPECT_EQ(denied.status, 403) << denied.body;
}

// The real browser: headless Chromium over the DevTools protocol (a pipe,
// no extra packages) logs in, sees the beacon, opens the workspace, sees
// DISCONNECTED and saves a screenshot.
TEST(CtiE2E, BrowserConsoleShowsBeaconWorkspaceAndDisconnect) {
  const char* chromium = std::getenv("FLOWC_CHROMIUM");
  std::string browser = chromium ? chromium : "/usr/bin/chromium";
  if (!std::filesystem::exists(browser))
    GTEST_SKIP() << "chromium is not installed (" << browser << "): apt-get install chromium";
  if (std::system("node --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "node is not installed";
  Receiver rx;
  rx.start("cti_browser");
  Stack s;
  s.env["NEXJ_URL"] = rx.soa_url();
  std::string dir = scratch_dir("cti_browser_stack_token");
  s.start("cti_browser_stack", "ok", telephony_args(dir));
  std::string artifacts = std::string(FLOWC_BIN_DIR) + "/artifacts";
  std::filesystem::create_directories(artifacts);
  std::string out = dir + "/browser.json";
  std::string cmd = "timeout 90 node " + source_dir() + "/tests/browser/agent_console.mjs --chromium " +
                    browser + " --console http://127.0.0.1:" + std::to_string(rx.port) + "/agent --token " +
                    kAgentToken + " --flowc http://127.0.0.1:" + std::to_string(s.port) + " --screenshot " +
                    artifacts + "/agent_console.png --profile " + dir + "/profile > " + out + " 2> " + dir +
                    "/browser.log";
  int rc = std::system(cmd.c_str());
  std::ifstream in(out), err(dir + "/browser.log");
  std::string result((std::istreambuf_iterator<char>(in)), {}),
      log((std::istreambuf_iterator<char>(err)), {});
  ASSERT_EQ(rc, 0) << result << log << s.logs() << rx.process->log();
  json j = json::parse(result, nullptr, false);
  ASSERT_TRUE(j.is_object()) << result;
  EXPECT_TRUE(std::filesystem::exists(artifacts + "/agent_console.png"));
  RecordProperty("beacon_latency_ms", std::to_string(j.value("beacon_latency_ms", -1)));
  std::cout << "browser: " << result << std::endl;
}

}  // namespace
}  // namespace flowc::e2e
