// The outbound HTTP/1.1 client of automations: asynchronous (Boost.Beast,
// OpenSSL for https), a small idle-connection pool per host:port, a timeout
// per attempt, retries with jittered exponential backoff, a response size cap.
// Beast, Asio and OpenSSL stay in http_client.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace boost::asio {
class io_context;
}

namespace flowc::client {

namespace detail {
struct HttpClientImpl;
}

struct HttpRequest {
  std::string method = "GET";  // any case; sent upper-case
  std::string url;             // http://host[:port]/path?query or https://…
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;    // sent as Content-Type unless a header sets it
  uint32_t timeout_ms = 5000;  // one attempt: resolve, connect, TLS, write, read
  uint32_t retries = 0;        // extra attempts on connection errors, timeouts and 5xx
};

// Why a request got no usable answer.
enum class HttpError : uint8_t {
  None,            // a response arrived (any status)
  InvalidRequest,  // refused before sending: bad URL, CR/LF in a header, unsupported scheme
  Resolve,         // the host name did not resolve
  Refused,         // connection refused
  Timeout,         // the attempt's timeout ran out
  Connection,      // reset, closed early, unreachable
  Tls,             // handshake or certificate verification failed
  TooLarge,        // the response is bigger than the limit
  Protocol,        // not an HTTP/1.x response
  Shutdown,        // the client was shut down
};

struct HttpResponse {
  HttpError error = HttpError::None;
  std::string detail;  // "" on a response; else "connection refused", "timeout after 2s", …
  int status = 0;      // HTTP status, 0 without a response
  std::string content_type;
  std::string body;                    // complete (at most max_response_bytes)
  std::optional<nlohmann::json> json;  // the body parsed, when it is JSON
  uint32_t attempts = 0;               // attempts made (1 + retries used)
  int64_t latency_ms = 0;              // from send() to done, all attempts
  bool reused_connection = false;      // the last attempt ran on a pooled connection

  bool responded() const { return error == HttpError::None; }
  bool success() const { return responded() && status >= 200 && status < 300; }
};

struct HttpClientOptions {
  size_t threads = 1;                   // only when the client owns its io_context
  size_t max_response_bytes = 1 << 20;  // larger bodies fail with "response too large"
  size_t max_response_header_bytes = 64 * 1024;
  size_t max_idle_per_host = 4;       // idle keep-alive connections kept per scheme://host:port
  uint32_t idle_timeout_ms = 30'000;  // a pooled connection idle longer is closed, not reused
  uint32_t connect_timeout_ms = 0;    // 0: the request's timeout; else min(this, the attempt's)
  uint32_t backoff_initial_ms = 100;  // before retry n: base·2^(n-1), capped, half of it jittered
  uint32_t backoff_max_ms = 2'000;
  bool check_idle_connections = true;  // peek at a pooled socket before reusing it
  bool verify_peer = true;             // https: verify the certificate chain and host name
  bool system_ca = true;               // trust the system store (when verifying)
  std::string ca_file;                 // PEM file of extra trusted CAs (e.g. a self-signed CRM)
  std::string user_agent = "flowc/0.1";
};

struct HttpClientStats {
  uint64_t requests = 0;            // send() calls
  uint64_t connections_opened = 0;  // TCP connections established
  uint64_t connections_reused = 0;  // attempts that ran on a pooled connection
  uint64_t stale_retries = 0;       // pooled connections found closed, retried on a fresh one
  uint64_t in_flight = 0;           // requests not finished yet
};

// Threading: with an io_context, the client runs on it and the caller runs
// it (any number of threads); without one, the client owns an io_context and
// `options.threads` threads. Each request runs on a strand of its own, so
// many are in flight at once. send() is thread-safe, never blocks and never
// calls `done` itself: `done` is called exactly once, later, on a thread
// running the io_context, with no lock of the client held. It must not throw
// (an exception from it is swallowed).
//
// Shutdown (the destructor, or shutdown()): requests in flight are aborted
// and finish with HttpError::Shutdown; later sends fail the same way. With a
// caller's io_context, keep running it until those callbacks have run:
// handlers destroyed unrun (io_context destroyed first) never call `done`.
class HttpClient {
 public:
  HttpClient(boost::asio::io_context& io, HttpClientOptions options = {});
  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  void send(HttpRequest request, std::function<void(HttpResponse)> done);
  void shutdown();
  HttpClientStats stats() const;

  // Refusals that need no network: "" when the request may be sent, else the
  // detail it fails with (CR/LF in the URL or a header, bad scheme, …).
  static std::string validate(const HttpRequest& request);

  // "250ms", "2s", "1.5s": durations in details.
  static std::string format_duration(uint32_t ms);

 private:
  struct Owned;
  std::unique_ptr<Owned> owned_;  // own io_context and threads, when no io_context was given
  std::shared_ptr<detail::HttpClientImpl> impl_;
};

}  // namespace flowc::client
