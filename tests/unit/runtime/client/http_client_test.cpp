// The HTTP client against a local Beast server on port 0: JSON, connection
// reuse, timeouts that block nothing else, retries and backoff, refusals,
// size limits, https with a CA made at test time, shutdown.
#include "runtime/client/http_client.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "tests/unit/runtime/client/test_server.h"

namespace flowc::testing {
namespace {

using client::HttpClient;
using client::HttpClientOptions;
using client::HttpError;
using client::HttpRequest;
using client::HttpResponse;
using nlohmann::json;

constexpr auto kBound = std::chrono::seconds(30);  // a safety net, never a wait for a server

HttpResponse send_sync(HttpClient& c, HttpRequest r) {
  auto p = std::make_shared<std::promise<HttpResponse>>();
  auto f = p->get_future();
  c.send(std::move(r), [p](HttpResponse res) { p->set_value(std::move(res)); });
  if (f.wait_for(kBound) != std::future_status::ready) {
    ADD_FAILURE() << "no answer from the client";
    return {};
  }
  return f.get();
}

HttpRequest get(const std::string& url, uint32_t timeout_ms = 5000) {
  HttpRequest r;
  r.url = url;
  r.timeout_ms = timeout_ms;
  return r;
}

HttpClientOptions fast_backoff() {
  HttpClientOptions o;
  o.backoff_initial_ms = 5;
  o.backoff_max_ms = 20;
  return o;
}

TEST(HttpClient, PostsJsonAndParsesTheJsonAnswer) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.body = R"({"customer":{"id":"42","vip":true}})";
    return a;
  });
  HttpClient client;
  HttpRequest r;
  r.method = "post";
  r.url = server.url("/lookup?x=1");
  r.body = R"({"phone":"+4930123456"})";
  r.content_type = "application/json";
  r.headers = {{"X-Api-Key", "k1"}};
  HttpResponse res = send_sync(client, r);
  ASSERT_TRUE(res.success()) << res.detail;
  EXPECT_EQ(res.status, 200);
  ASSERT_TRUE(res.json);
  EXPECT_EQ((*res.json)["customer"]["id"], "42");
  EXPECT_EQ(res.attempts, 1u);
  EXPECT_GE(res.latency_ms, 0);
  EXPECT_EQ(res.content_type, "application/json");

  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].target, "/lookup?x=1");
  EXPECT_EQ(seen[0].body, R"({"phone":"+4930123456"})");
  EXPECT_EQ(seen[0].headers["content-type"], "application/json");
  EXPECT_EQ(seen[0].headers["x-api-key"], "k1");
  EXPECT_EQ(seen[0].headers["host"], "127.0.0.1:" + std::to_string(server.port()));
}

TEST(HttpClient, ParsesJsonWhateverTheContentTypeSays) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.content_type = "text/plain";
    a.body = R"([1,2,3])";
    return a;
  });
  HttpClient client;
  HttpResponse res = send_sync(client, get(server.url()));
  ASSERT_TRUE(res.json);
  EXPECT_EQ(*res.json, json::array({1, 2, 3}));
}

TEST(HttpClient, NonJsonBodyIsKeptButNotParsed) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.content_type = "application/json";  // lies
    a.body = "<html>oops</html>";
    return a;
  });
  HttpClient client;
  HttpResponse res = send_sync(client, get(server.url()));
  EXPECT_TRUE(res.success());
  EXPECT_FALSE(res.json);
  EXPECT_EQ(res.body, "<html>oops</html>");
}

TEST(HttpClient, ReusesOneConnectionForSequentialRequests) {
  TestServer server([](const SeenRequest&) { return TestAnswer{}; });
  HttpClient client;
  for (int i = 0; i < 5; ++i) {
    HttpResponse res = send_sync(client, get(server.url("/n/" + std::to_string(i))));
    ASSERT_TRUE(res.success()) << res.detail;
    EXPECT_EQ(res.reused_connection, i > 0);
  }
  EXPECT_EQ(server.connections(), 1u);
  EXPECT_EQ(server.requests(), 5u);
  EXPECT_EQ(client.stats().connections_opened, 1u);
  EXPECT_EQ(client.stats().connections_reused, 4u);
}

TEST(HttpClient, PoolsPerHostAndPort) {
  TestServer a([](const SeenRequest&) { return TestAnswer{}; });
  TestServer b([](const SeenRequest&) { return TestAnswer{}; });
  HttpClient client;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(send_sync(client, get(a.url())).success());
    ASSERT_TRUE(send_sync(client, get(b.url())).success());
  }
  EXPECT_EQ(a.connections(), 1u);
  EXPECT_EQ(b.connections(), 1u);
}

TEST(HttpClient, ClosedPooledConnectionIsRetriedOnceOnAFreshOne) {
  // The server answers with keep-alive and then closes: every pooled
  // connection is dead by the time it is reused.
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.close_after = true;
    return a;
  });
  HttpClientOptions o;
  o.check_idle_connections = false;  // exercise the retry, not the peek
  HttpClient client(o);
  for (int i = 0; i < 3; ++i) {
    HttpResponse res = send_sync(client, get(server.url()));
    ASSERT_TRUE(res.success()) << res.detail;
    EXPECT_EQ(res.attempts, 1u);  // not a retry of the request
  }
  EXPECT_EQ(server.requests(), 3u);
  EXPECT_EQ(server.connections(), 3u);
  EXPECT_EQ(client.stats().stale_retries, 2u);
}

TEST(HttpClient, ClosedPooledConnectionIsNoticedBeforeReuse) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.close_after = true;
    return a;
  });
  HttpClient client;  // peeks at pooled sockets (the default)
  ASSERT_TRUE(send_sync(client, get(server.url())).success());
  // Whether the peek or the stale retry catches the closed socket depends on
  // timing; either way the request succeeds in one attempt.
  for (int i = 0; i < 3; ++i) {
    HttpResponse res = send_sync(client, get(server.url()));
    ASSERT_TRUE(res.success()) << res.detail;
    EXPECT_EQ(res.attempts, 1u);
  }
  EXPECT_EQ(server.requests(), 4u);
}

TEST(HttpClient, TimesOutWithoutWaitingForTheServer) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.delay_ms = 60'000;
    return a;
  });
  HttpClient client;
  HttpResponse res = send_sync(client, get(server.url(), 200));
  EXPECT_EQ(res.error, HttpError::Timeout);
  EXPECT_EQ(res.detail, "timeout after 200ms");
  EXPECT_EQ(res.status, 0);
  EXPECT_GE(res.latency_ms, 200);  // a lower bound only: machines are slow, not fast
  EXPECT_EQ(res.attempts, 1u);
}

TEST(HttpClient, SlowRequestsNeverBlockFastOnes) {
  TestServer server(
      [](const SeenRequest& r) {
        TestAnswer a;
        if (r.target.rfind("/slow", 0) == 0) a.delay_ms = 60'000;
        return a;
      },
      nullptr, 1);
  HttpClientOptions o;
  o.threads = 1;  // even on one thread
  HttpClient client(o);

  std::mutex mu;
  std::vector<std::string> order;
  std::vector<HttpResponse> results;
  std::promise<void> all_done;
  const size_t total = 20;
  auto record = [&](std::string what) {
    return [&, what](HttpResponse res) {
      std::lock_guard lock(mu);
      order.push_back(what);
      results.push_back(std::move(res));
      if (order.size() == total) all_done.set_value();
    };
  };
  for (int i = 0; i < 10; ++i)
    client.send(get(server.url("/slow/" + std::to_string(i)), 1500), record("slow"));
  for (int i = 0; i < 10; ++i)
    client.send(get(server.url("/fast/" + std::to_string(i)), 10'000), record("fast"));
  ASSERT_EQ(all_done.get_future().wait_for(kBound), std::future_status::ready);

  // Every fast request finished before the first slow one (which only ends
  // by its timeout): the slow ones held no thread and no connection.
  std::vector<std::string> expected(10, "fast");
  expected.insert(expected.end(), 10, "slow");
  EXPECT_EQ(order, expected);
  size_t timeouts = std::count_if(results.begin(), results.end(),
                                  [](const HttpResponse& r) { return r.error == HttpError::Timeout; });
  size_t ok =
      std::count_if(results.begin(), results.end(), [](const HttpResponse& r) { return r.success(); });
  EXPECT_EQ(timeouts, 10u);
  EXPECT_EQ(ok, 10u);
}

TEST(HttpClient, RetriesServerErrorsWithBackoffThenSucceeds) {
  std::atomic<int> calls{0};
  TestServer server([&](const SeenRequest&) {
    TestAnswer a;
    if (++calls <= 2) {
      a.status = 500;
      a.body = R"({"error":"busy"})";
    } else {
      a.body = R"({"ok":true})";
    }
    return a;
  });
  HttpClient client(fast_backoff());
  HttpRequest r = get(server.url());
  r.retries = 3;
  HttpResponse res = send_sync(client, r);
  ASSERT_TRUE(res.success()) << res.detail;
  EXPECT_EQ(res.attempts, 3u);
  EXPECT_EQ(server.requests(), 3u);
  EXPECT_EQ((*res.json)["ok"], true);
}

TEST(HttpClient, GivesUpAfterItsRetriesAndReportsTheLastAnswer) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.status = 503;
    return a;
  });
  HttpClient client(fast_backoff());
  HttpRequest r = get(server.url());
  r.retries = 2;
  HttpResponse res = send_sync(client, r);
  EXPECT_TRUE(res.responded());
  EXPECT_FALSE(res.success());
  EXPECT_EQ(res.status, 503);
  EXPECT_EQ(res.attempts, 3u);
  EXPECT_EQ(server.requests(), 3u);
}

TEST(HttpClient, DoesNotRetryClientErrors) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.status = 404;
    return a;
  });
  HttpClient client(fast_backoff());
  HttpRequest r = get(server.url());
  r.retries = 3;
  HttpResponse res = send_sync(client, r);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.attempts, 1u);
  EXPECT_EQ(server.requests(), 1u);
}

TEST(HttpClient, RetriesTimeouts) {
  std::atomic<int> calls{0};
  TestServer server([&](const SeenRequest&) {
    TestAnswer a;
    if (++calls == 1) a.delay_ms = 60'000;
    return a;
  });
  HttpClient client(fast_backoff());
  HttpRequest r = get(server.url(), 300);
  r.retries = 1;
  HttpResponse res = send_sync(client, r);
  EXPECT_TRUE(res.success()) << res.detail;
  EXPECT_EQ(res.attempts, 2u);
}

TEST(HttpClient, ConnectionRefused) {
  HttpClient client(fast_backoff());
  HttpRequest r = get("http://127.0.0.1:" + std::to_string(TestServer::closed_port()) + "/x");
  r.retries = 2;
  HttpResponse res = send_sync(client, r);
  EXPECT_EQ(res.error, HttpError::Refused);
  EXPECT_EQ(res.detail, "connection refused");
  EXPECT_EQ(res.attempts, 3u);  // connection errors are retried
}

TEST(HttpClient, ServerDroppingTheConnectionIsAFailure) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.drop = true;
    return a;
  });
  HttpClient client;
  HttpResponse res = send_sync(client, get(server.url()));
  EXPECT_EQ(res.error, HttpError::Connection);
  EXPECT_FALSE(res.detail.empty());
}

TEST(HttpClient, RefusesOversizedResponses) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.content_type = "text/plain";
    a.body = std::string(2 << 20, 'x');
    return a;
  });
  HttpClient client;  // 1 MiB limit
  HttpResponse res = send_sync(client, get(server.url()));
  EXPECT_EQ(res.error, HttpError::TooLarge);
  EXPECT_EQ(res.detail, "response too large (over 1 MiB)");
  EXPECT_TRUE(res.body.empty());
}

TEST(HttpClient, RefusesCrLfInHeadersAndUrls) {
  TestServer server([](const SeenRequest&) { return TestAnswer{}; });
  HttpClient client;
  HttpRequest r = get(server.url());
  r.headers = {{"X-Name", "Ann\r\nX-Injected: 1"}};
  HttpResponse res = send_sync(client, r);
  EXPECT_EQ(res.error, HttpError::InvalidRequest);
  EXPECT_EQ(res.detail, "header 'X-Name' contains CR or LF");

  r = get(server.url("/a\nb"));
  res = send_sync(client, r);
  EXPECT_EQ(res.error, HttpError::InvalidRequest);
  EXPECT_EQ(res.detail, "the URL contains CR or LF");

  r = get(server.url());
  r.headers = {{"Bad Name", "x"}};
  EXPECT_EQ(send_sync(client, r).detail, "invalid header name 'Bad Name'");

  r = get(server.url());
  r.headers = {{"Content-Length", "5"}};
  EXPECT_EQ(send_sync(client, r).error, HttpError::InvalidRequest);

  EXPECT_EQ(server.requests(), 0u);  // nothing was sent
}

TEST(HttpClient, RefusesUnsupportedSchemesAndBadUrls) {
  HttpClient client;
  EXPECT_EQ(send_sync(client, get("ftp://example.com/x")).detail,
            "unsupported URL scheme 'ftp' (use http:// or https://)");
  EXPECT_EQ(send_sync(client, get("mailto:a@b.example")).detail,
            "unsupported URL scheme 'mailto' (use http:// or https://)");
  EXPECT_EQ(send_sync(client, get("")).detail, "the URL is empty");
  EXPECT_EQ(send_sync(client, get("/relative")).error, HttpError::InvalidRequest);
  EXPECT_EQ(send_sync(client, get("http://user:pw@example.com/")).error, HttpError::InvalidRequest);
  EXPECT_EQ(send_sync(client, get("http://example.com:99999/")).detail, "invalid port '99999' in the URL");
}

TEST(HttpClient, TemplateValuesCannotBreakTheRequestLine) {
  TestServer server([](const SeenRequest&) { return TestAnswer{}; });
  HttpClient client;
  HttpResponse res = send_sync(client, get(server.url("/customers/Ann Smith?q=\"x\" y")));
  ASSERT_TRUE(res.success()) << res.detail;
  EXPECT_EQ(server.seen().at(0).target, "/customers/Ann%20Smith?q=%22x%22%20y");
}

TEST(HttpClient, ManyRequestsInFlightFromManyThreads) {
  TestServer server([](const SeenRequest& r) {
    TestAnswer a;
    a.body = json{{"path", r.target}}.dump();
    a.delay_ms = 5;
    return a;
  });
  HttpClientOptions o;
  o.threads = 4;
  HttpClient client(o);
  const int per_thread = 50, threads = 4;
  std::atomic<int> ok{0}, done{0};
  std::promise<void> finished;
  std::vector<std::thread> senders;
  for (int t = 0; t < threads; ++t)
    senders.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
        client.send(get(server.url(path)), [&, path](HttpResponse res) {
          if (res.success() && res.json && (*res.json)["path"] == path) ++ok;
          if (++done == per_thread * threads) finished.set_value();
        });
      }
    });
  for (auto& s : senders) s.join();
  ASSERT_EQ(finished.get_future().wait_for(kBound), std::future_status::ready);
  EXPECT_EQ(ok, per_thread * threads);
  EXPECT_EQ(client.stats().in_flight, 0u);
  EXPECT_LE(server.connections(), static_cast<size_t>(per_thread * threads));
}

TEST(HttpClient, ShutdownFinishesRequestsInFlight) {
  TestServer server([](const SeenRequest&) {
    TestAnswer a;
    a.delay_ms = 60'000;
    return a;
  });
  std::atomic<int> calls{0};
  HttpError error = HttpError::None;
  {
    HttpClient client;
    client.send(get(server.url(), 30'000), [&](HttpResponse res) {
      error = res.error;
      ++calls;
    });
    // The destructor aborts the request and waits for its callback.
  }
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(error, HttpError::Shutdown);
}

TEST(HttpClient, RunsOnTheCallersIoContext) {
  TestServer server([](const SeenRequest&) { return TestAnswer{}; });
  boost::asio::io_context io;
  HttpClient client(io);
  HttpResponse got;
  int calls = 0;
  client.send(get(server.url()), [&](HttpResponse res) {
    got = std::move(res);
    ++calls;
  });
  EXPECT_EQ(calls, 0);  // never before send() returns
  io.run();             // returns when the request is done (an idle pooled socket is no work)
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(got.success()) << got.detail;
}

TEST(HttpClient, FormatsDurations) {
  EXPECT_EQ(HttpClient::format_duration(250), "250ms");
  EXPECT_EQ(HttpClient::format_duration(2000), "2s");
  EXPECT_EQ(HttpClient::format_duration(1500), "1.5s");
}

// ---------------------------------------------------------------- https

class Https : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir("https");
    if (!make_self_signed_cert(dir_, &tls_)) GTEST_SKIP() << "the openssl command is not available";
    server_ = std::make_unique<TestServer>(
        [](const SeenRequest&) {
          TestAnswer a;
          a.body = R"({"secure":true})";
          return a;
        },
        &tls_);
  }
  std::string url(const std::string& host) {
    return "https://" + host + ":" + std::to_string(server_->port()) + "/x";
  }

  std::string dir_;
  TestServer::Tls tls_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(Https, TrustsACaFileAndChecksTheHostName) {
  HttpClientOptions o;
  o.ca_file = tls_.cert_file;
  HttpClient client(o);
  for (const char* host : {"localhost", "127.0.0.1"}) {
    HttpResponse res = send_sync(client, get(url(host)));
    ASSERT_TRUE(res.success()) << host << ": " << res.detail;
    EXPECT_EQ((*res.json)["secure"], true);
  }
  // Reused over TLS too (one connection per host:port key).
  ASSERT_TRUE(send_sync(client, get(url("localhost"))).success());
  EXPECT_EQ(server_->connections(), 2u);
}

TEST_F(Https, RefusesAnUntrustedCertificate) {
  HttpClient client;  // system store only
  HttpRequest r = get(url("127.0.0.1"));
  r.retries = 2;  // certificate failures are not retried
  HttpResponse res = send_sync(client, r);
  EXPECT_EQ(res.error, HttpError::Tls);
  EXPECT_NE(res.detail.find("certificate verify failed"), std::string::npos) << res.detail;
  EXPECT_EQ(res.attempts, 1u);
  EXPECT_EQ(server_->requests(), 0u);
}

TEST_F(Https, RefusesAHostNameTheCertificateDoesNotName) {
  TestServer::Tls other;
  ASSERT_TRUE(make_self_signed_cert(dir_ + "/other", &other, "DNS:crm.example"));
  TestServer server([](const SeenRequest&) { return TestAnswer{}; }, &other);
  HttpClientOptions o;
  o.ca_file = other.cert_file;
  HttpClient client(o);
  HttpResponse res = send_sync(client, get(server.url("/x")));
  EXPECT_EQ(res.error, HttpError::Tls);
  EXPECT_NE(res.detail.find("mismatch"), std::string::npos) << res.detail;
}

TEST(HttpClientOptions, MissingCaFileIsAClearError) {
  HttpClientOptions o;
  o.ca_file = "/nonexistent/ca.pem";
  try {
    HttpClient client(o);
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot load CA file '/nonexistent/ca.pem'"), std::string::npos);
  }
}

}  // namespace
}  // namespace flowc::testing
