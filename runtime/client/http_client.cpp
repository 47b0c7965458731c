// The HTTP client on Boost.Beast: one Exchange object per request (attempts,
// retries, backoff) and one Connection object per socket, each step a
// do_x/on_x pair on the connection's strand with a deadline set before it;
// keep-alive connections go back to a small pool per scheme://host:port.
#include "runtime/client/http_client.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <random>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unordered_map>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "runtime/client/duration_text.h"

namespace flowc::client {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using beast::error_code;

namespace {

// ---------------------------------------------------------------- URLs

struct Url {
  bool tls = false;
  std::string host;    // without brackets
  std::string port;    // digits
  std::string target;  // path?query, percent-encoded where it had to be
  std::string host_header;
  std::string key() const { return (tls ? "https://" : "http://") + host_header + ":" + port; }
};

bool has_crlf(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_tchar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_tchar);
}

// Bytes that may not appear raw in a request-target are percent-encoded, so
// that a template value with a space or a quote cannot break the request line.
std::string encode_target(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7f || std::string_view("\"<>\\^`{|}").find(ch) != std::string_view::npos) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// "" and fills `url`, or the detail the request fails with.
std::string parse_url(std::string_view text, Url& url) {
  if (text.empty()) return "the URL is empty";
  if (has_crlf(text)) return "the URL contains CR or LF";
  size_t colon = text.find("://");
  size_t scheme_end = text.find(':');
  if (colon == std::string_view::npos || colon != scheme_end) {
    if (scheme_end != std::string_view::npos && scheme_end > 0 &&
        std::all_of(text.begin(), text.begin() + static_cast<long>(scheme_end),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      return "unsupported URL scheme '" + std::string(text.substr(0, scheme_end)) +
             "' (use http:// or https://)";
    return "invalid URL '" + std::string(text.substr(0, 200)) + "' (expected http://host/path)";
  }
  std::string scheme = lower(text.substr(0, colon));
  if (scheme == "http") {
    url.tls = false;
  } else if (scheme == "https") {
    url.tls = true;
  } else {
    return "unsupported URL scheme '" + std::string(text.substr(0, colon)) + "' (use http:// or https://)";
  }
  std::string_view rest = text.substr(colon + 3);
  size_t auth_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, auth_end);
  std::string_view tail = auth_end == std::string_view::npos ? std::string_view() : rest.substr(auth_end);
  if (authority.find('@') != std::string_view::npos)
    return "credentials in the URL are not supported (use an Authorization header)";
  std::string_view host, port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return "invalid IPv6 address in the URL";
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return "invalid host in the URL";
      port = after.substr(1);
    }
    if (host.empty() || !std::all_of(host.begin(), host.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
        }))
      return "invalid IPv6 address in the URL";
  } else {
    size_t pc = authority.rfind(':');
    host = authority.substr(0, pc);
    if (pc != std::string_view::npos) port = authority.substr(pc + 1);
    if (!std::all_of(host.begin(), host.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
        }))
      return "invalid host '" + std::string(host.substr(0, 100)) + "' in the URL";
  }
  if (host.empty()) return "the URL has no host";
  if (port.empty()) {
    port = url.tls ? "443" : "80";
  } else {
    if (port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(std::string(port)) == 0 || std::stoi(std::string(port)) > 65535)
      return "invalid port '" + std::string(port.substr(0, 10)) + "' in the URL";
  }
  url.host = std::string(host);
  url.port = std::string(port);
  bool v6 = url.host.find(':') != std::string::npos;
  url.host_header = v6 ? "[" + url.host + "]" : url.host;
  if (port != (url.tls ? "443" : "80")) url.host_header += ":" + url.port;
  size_t hash = tail.find('#');
  if (hash != std::string_view::npos) tail = tail.substr(0, hash);
  url.target = tail.empty() || tail.front() != '/' ? "/" + encode_target(tail) : encode_target(tail);
  return "";
}

// Headers the client owns: a flow may not set them.
bool reserved_header(std::string_view name) {
  static const char* const kReserved[] = {
      "content-length", "transfer-encoding", "connection", "upgrade", "te", "trailer", "keep-alive"};
  std::string n = lower(name);
  return std::any_of(std::begin(kReserved), std::end(kReserved), [&](const char* r) { return n == r; });
}

bool ip_literal(const std::string& host) {
  error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

uint64_t splitmix(uint64_t& s) {
  uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// ---------------------------------------------------------------- connections

// One socket (plain or TLS) with its strand and read buffer.
struct Connection {
  Connection(asio::any_io_executor ex, ssl::context* tls_ctx) : ex(ex) {
    if (tls_ctx)
      tls.emplace(ex, *tls_ctx);
    else
      plain.emplace(ex);
  }
  beast::tcp_stream& tcp() { return tls ? beast::get_lowest_layer(*tls) : *plain; }
  void close() {
    error_code ec;
    tcp().socket().shutdown(tcp::socket::shutdown_both, ec);
    tcp().socket().close(ec);
  }
  // A pooled socket the server closed (or wrote to) since: not reusable.
  bool looks_closed() {
    if (!tcp().socket().is_open()) return true;
    char c;
    ssize_t n = ::recv(tcp().socket().native_handle(), &c, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return true;                                       // orderly close
    if (n < 0) return !(errno == EAGAIN || errno == EWOULDBLOCK);  // reset, …
    return true;                                                   // unexpected bytes
  }

  asio::any_io_executor ex;  // a strand: every operation on the socket runs on it
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls;
  beast::flat_buffer buffer;
  std::string key;
  Clock::time_point idle_since;
};

class Exchange;

}  // namespace

// ---------------------------------------------------------------- the client

struct detail::HttpClientImpl : std::enable_shared_from_this<detail::HttpClientImpl> {
  HttpClientImpl(asio::io_context& io, HttpClientOptions o)
      : io(io), options(std::move(o)), tls(ssl::context::tls_client) {
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    if (options.verify_peer) {
      tls.set_verify_mode(ssl::verify_peer);
      error_code ec;
      if (!options.ca_file.empty()) {
        tls.load_verify_file(options.ca_file, ec);
        if (ec) throw std::runtime_error("cannot load CA file '" + options.ca_file + "': " + ec.message());
      }
    } else {
      tls.set_verify_mode(ssl::verify_none);
    }
    std::random_device rd;
    seed = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  }

  // The system store is parsed on the first https request, not per client:
  // OpenSSL 3 takes ~100 ms to load it, and most clients speak plain http.
  ssl::context& tls_context() {
    std::call_once(system_ca_once, [this] {
      error_code ec;
      if (options.verify_peer && options.system_ca) tls.set_default_verify_paths(ec);
    });
    return tls;
  }

  // A pooled connection for `key` that still looks usable, or null.
  std::shared_ptr<Connection> take(const std::string& key) {
    std::vector<std::shared_ptr<Connection>> drop;
    std::shared_ptr<Connection> found;
    {
      std::lock_guard lock(mu);
      auto it = idle.find(key);
      if (it == idle.end()) return nullptr;
      auto& list = it->second;
      auto now = Clock::now();
      while (!list.empty()) {
        auto c = std::move(list.back());  // most recently used first
        list.pop_back();
        if (now - c->idle_since > std::chrono::milliseconds(options.idle_timeout_ms) ||
            (options.check_idle_connections && c->looks_closed())) {
          drop.push_back(std::move(c));
          continue;
        }
        found = std::move(c);
        break;
      }
      if (list.empty()) idle.erase(it);
    }
    for (auto& c : drop) close_idle(c);
    return found;
  }

  // Called on the connection's strand after a complete keep-alive response.
  void put(std::shared_ptr<Connection> c) {
    c->tcp().expires_never();
    c->idle_since = Clock::now();
    std::shared_ptr<Connection> drop;
    {
      std::lock_guard lock(mu);
      if (!stopped) {
        auto& list = idle[c->key];
        auto now = c->idle_since;
        std::erase_if(list, [&](const std::shared_ptr<Connection>& x) {
          bool old = now - x->idle_since > std::chrono::milliseconds(options.idle_timeout_ms);
          if (old) close_idle(x);
          return old;
        });
        if (list.size() < options.max_idle_per_host) {
          list.push_back(std::move(c));
          return;
        }
      }
      drop = std::move(c);
    }
    drop->close();
  }

  // Idle connections have no operation pending (put() cancelled the stream's
  // timer), so closing one from any thread races with nothing.
  static void close_idle(const std::shared_ptr<Connection>& c) { c->close(); }

  uint64_t next_seed() {
    std::lock_guard lock(mu);
    return splitmix(seed);
  }

  void add(uint64_t id, const std::shared_ptr<Exchange>& x) {
    std::lock_guard lock(mu);
    active.emplace(id, x);
  }
  void remove(uint64_t id) {
    std::lock_guard lock(mu);
    active.erase(id);
  }
  void shutdown();

  asio::io_context& io;
  HttpClientOptions options;
  ssl::context tls;
  std::once_flag system_ca_once;

  mutable std::mutex mu;
  bool stopped = false;
  uint64_t seed = 0;
  uint64_t next_id = 0;
  std::unordered_map<uint64_t, std::weak_ptr<Exchange>> active;
  std::map<std::string, std::vector<std::shared_ptr<Connection>>> idle;

  std::atomic<uint64_t> requests{0}, opened{0}, reused{0}, stale{0};
};

namespace {

// One request from send() to done: its attempts, each on a pooled or a fresh
// connection, with backoff between them.
class Exchange : public std::enable_shared_from_this<Exchange> {
 public:
  using Impl = detail::HttpClientImpl;

  Exchange(std::shared_ptr<Impl> impl, uint64_t id, HttpRequest req, std::function<void(HttpResponse)> done)
      : impl_(std::move(impl)),
        id_(id),
        req_(std::move(req)),
        done_(std::move(done)),
        rng_(impl_->next_seed()),
        ex_(asio::make_strand(impl_->io)),
        started_(Clock::now()) {}

  // Validates and starts on a strand of its own.
  void start() {
    std::string refusal = HttpClient::validate(req_);
    if (refusal.empty()) parse_url(req_.url, url_);
    asio::post(ex_, [self = shared_from_this(), refusal] {
      if (!refusal.empty()) return self->finish_error(HttpError::InvalidRequest, refusal);
      self->build_message();
      self->attempt();
    });
  }

  // From any thread: aborts what is in flight; finishes with Shutdown.
  void cancel() {
    asio::any_io_executor ex;
    {
      std::lock_guard lock(mu_);
      cancelled_ = true;
      ex = ex_;
    }
    asio::post(ex, [self = shared_from_this(), ex] { self->abort_ops(ex); });
  }

 private:
  // ---- attempts

  void build_message() {
    std::string method = req_.method.empty() ? "GET" : req_.method;
    for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    msg_.method_string(method);
    msg_.target(url_.target);
    msg_.version(11);
    msg_.set(bhttp::field::host, url_.host_header);
    msg_.set(bhttp::field::user_agent, impl_->options.user_agent);
    msg_.set(bhttp::field::accept, "application/json, */*;q=0.5");
    bool has_type = false;
    for (const auto& [name, value] : req_.headers) {
      if (lower(name) == "content-type") has_type = true;
      if (lower(name) == "host" || lower(name) == "user-agent" || lower(name) == "accept")
        msg_.set(name, value);
      else
        msg_.insert(name, value);
    }
    if (!has_type && !req_.content_type.empty()) msg_.set(bhttp::field::content_type, req_.content_type);
    msg_.body() = req_.body;
    msg_.keep_alive(true);
    msg_.prepare_payload();
    head_ = method == "HEAD";
  }

  void attempt() {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    ++attempts_;
    stale_retry_used_ = false;
    deadline_ = Clock::now() + std::chrono::milliseconds(req_.timeout_ms);
    if (auto c = impl_->take(url_.key())) {
      ++impl_->reused;
      reused_ = true;
      switch_to(c->ex, [self = shared_from_this(), c] {
        self->conn_ = c;
        self->do_write();
      });
      return;
    }
    fresh_connection();
  }

  void fresh_connection() {
    reused_ = false;
    conn_.reset();
    switch_to(asio::make_strand(impl_->io), [self = shared_from_this()] { self->do_resolve(); });
  }

  // Moves the exchange to strand `ex` and continues there with `next`.
  template <class F>
  void switch_to(asio::any_io_executor ex, F&& next) {
    {
      std::lock_guard lock(mu_);
      ex_ = ex;
    }
    asio::post(ex, std::forward<F>(next));
  }

  void abort_ops(const asio::any_io_executor& ex) {
    {
      std::lock_guard lock(mu_);
      if (ex_ != ex) return;  // moved on; the next step sees cancelled_
    }
    if (resolver_) resolver_->cancel();
    if (timer_) timer_->cancel();
    if (conn_) conn_->close();
  }

  // ---- resolve (a timer stands for the deadline: resolvers have none)

  void do_resolve() {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    resolver_.emplace(ex_);
    timer_.emplace(ex_);
    resolve_timed_out_ = false;
    timer_->expires_at(deadline_);
    timer_->async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      self->resolve_timed_out_ = true;
      self->resolver_->cancel();
    });
    resolver_->async_resolve(url_.host, url_.port,
                             [self = shared_from_this()](error_code ec, tcp::resolver::results_type results) {
                               self->on_resolve(ec, std::move(results));
                             });
  }

  void on_resolve(error_code ec, tcp::resolver::results_type results) {
    timer_->cancel();
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    if (resolve_timed_out_) return failed(HttpError::Timeout, timeout_detail());
    if (ec) {
      bool temporary = ec == asio::error::host_not_found_try_again;
      return failed(HttpError::Resolve, "could not resolve host '" + url_.host + "'", temporary);
    }
    do_connect(std::move(results));
  }

  // ---- connect and TLS handshake

  void do_connect(tcp::resolver::results_type results) {
    conn_ = std::make_shared<Connection>(ex_, url_.tls ? &impl_->tls_context() : nullptr);
    conn_->key = url_.key();
    auto deadline = deadline_;
    if (impl_->options.connect_timeout_ms > 0)
      deadline =
          std::min(deadline, Clock::now() + std::chrono::milliseconds(impl_->options.connect_timeout_ms));
    connect_deadline_is_own_ = deadline < deadline_;
    conn_->tcp().expires_at(deadline);
    conn_->tcp().async_connect(
        results, [self = shared_from_this()](error_code ec, const tcp::endpoint&) { self->on_connect(ec); });
  }

  void on_connect(error_code ec) {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    if (ec == beast::error::timeout) {
      if (connect_deadline_is_own_)
        return failed(HttpError::Timeout, "connect timeout after " +
                                              HttpClient::format_duration(impl_->options.connect_timeout_ms));
      return failed(HttpError::Timeout, timeout_detail());
    }
    if (ec == asio::error::connection_refused) return failed(HttpError::Refused, "connection refused");
    if (ec == asio::error::network_unreachable) return failed(HttpError::Connection, "network unreachable");
    if (ec == asio::error::host_unreachable) return failed(HttpError::Connection, "host unreachable");
    if (ec) return failed(HttpError::Connection, "cannot connect: " + ec.message());
    ++impl_->opened;
    if (conn_->tls) return do_handshake();
    do_write();
  }

  void do_handshake() {
    SSL* ssl = conn_->tls->native_handle();
    if (ip_literal(url_.host)) {
      X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), url_.host.c_str());
    } else {
      SSL_set_tlsext_host_name(ssl, url_.host.c_str());  // SNI
      SSL_set1_host(ssl, url_.host.c_str());             // checked during verification
    }
    conn_->tcp().expires_at(deadline_);
    conn_->tls->async_handshake(ssl::stream_base::client,
                                [self = shared_from_this()](error_code ec) { self->on_handshake(ec); });
  }

  void on_handshake(error_code ec) {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    if (ec == beast::error::timeout) return failed(HttpError::Timeout, timeout_detail());
    if (ec) {
      std::string why = ec.message();
      long verify = SSL_get_verify_result(conn_->tls->native_handle());
      if (verify != X509_V_OK) why += ": " + std::string(X509_verify_cert_error_string(verify));
      return failed(HttpError::Tls, "TLS handshake with " + url_.host + " failed: " + why, false);
    }
    do_write();
  }

  // ---- request and response

  void do_write() {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    conn_->tcp().expires_at(deadline_);
    auto on_write = [self = shared_from_this()](error_code ec, size_t) { self->on_write(ec); };
    if (conn_->tls)
      bhttp::async_write(*conn_->tls, msg_, std::move(on_write));
    else
      bhttp::async_write(*conn_->plain, msg_, std::move(on_write));
  }

  void on_write(error_code ec) {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    if (ec == beast::error::timeout) return failed(HttpError::Timeout, timeout_detail());
    if (ec) {
      if (stale(ec, false)) return;
      return failed(HttpError::Connection, "cannot send the request: " + ec.message());
    }
    do_read();
  }

  // The header first: Beast 1.74's response parser does not enforce
  // body_limit on a Content-Length body when reading eagerly (async_read),
  // so the announced length is checked here before the body is read.
  void do_read() {
    parser_.emplace();
    parser_->body_limit(impl_->options.max_response_bytes);
    parser_->header_limit(static_cast<uint32_t>(impl_->options.max_response_header_bytes));
    if (head_) parser_->skip(true);
    conn_->tcp().expires_at(deadline_);
    auto on_header = [self = shared_from_this()](error_code ec, size_t) { self->on_read_header(ec); };
    if (conn_->tls)
      bhttp::async_read_header(*conn_->tls, conn_->buffer, *parser_, std::move(on_header));
    else
      bhttp::async_read_header(*conn_->plain, conn_->buffer, *parser_, std::move(on_header));
  }

  void on_read_header(error_code ec) {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    if (ec) return read_failed(ec);
    auto length = parser_->content_length();
    if (length && *length > impl_->options.max_response_bytes) return read_failed(bhttp::error::body_limit);
    if (parser_->is_done()) return on_read({});
    conn_->tcp().expires_at(deadline_);
    auto on_body = [self = shared_from_this()](error_code ec, size_t) { self->on_read(ec); };
    if (conn_->tls)
      bhttp::async_read(*conn_->tls, conn_->buffer, *parser_, std::move(on_body));
    else
      bhttp::async_read(*conn_->plain, conn_->buffer, *parser_, std::move(on_body));
  }

  void read_failed(error_code ec) {
    if (ec == beast::error::timeout) return failed(HttpError::Timeout, timeout_detail());
    if (ec == bhttp::error::body_limit)
      return failed(HttpError::TooLarge,
                    "response too large (over " + size_text(impl_->options.max_response_bytes) + ")", false);
    if (ec == bhttp::error::header_limit)
      return failed(HttpError::TooLarge, "response headers too large", false);
    if (stale(ec, parser_->got_some())) return;
    if (ec == asio::error::connection_reset) return failed(HttpError::Connection, "connection reset by peer");
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == bhttp::error::partial_message ||
        ec == ssl::error::stream_truncated)
      return failed(HttpError::Connection, "connection closed before the response was complete");
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category())
      return failed(HttpError::Protocol, "malformed HTTP response: " + ec.message(), false);
    failed(HttpError::Connection, "cannot read the response: " + ec.message());
  }

  void on_read(error_code ec) {
    if (cancelled_) return finish_error(HttpError::Shutdown, "the HTTP client was shut down");
    if (ec) return read_failed(ec);
    auto res = parser_->release();
    bool keep = res.keep_alive() && !res.need_eof() && conn_->buffer.size() == 0;
    if (keep)
      impl_->put(std::move(conn_));
    else
      conn_->close();
    conn_.reset();

    HttpResponse r;
    r.status = static_cast<int>(res.result_int());
    r.content_type = std::string(res[bhttp::field::content_type]);
    r.body = std::move(res.body());
    if (!r.body.empty()) {
      auto j = nlohmann::json::parse(r.body, nullptr, false);
      if (!j.is_discarded()) r.json = std::move(j);
    }
    if (r.status >= 500 && attempts_ <= req_.retries) {
      last_detail_ = "HTTP " + std::to_string(r.status);
      return backoff();
    }
    finish(std::move(r));
  }

  // A pooled connection the server had closed: once per attempt, the request
  // goes again on a fresh connection (this is no retry).
  bool stale(error_code ec, bool got_some) {
    if (!reused_ || stale_retry_used_ || got_some) return false;
    if (ec != asio::error::connection_reset && ec != asio::error::broken_pipe && ec != asio::error::eof &&
        ec != bhttp::error::end_of_stream && ec != ssl::error::stream_truncated &&
        ec != asio::error::connection_aborted && ec != asio::error::not_connected)
      return false;
    stale_retry_used_ = true;
    ++impl_->stale;
    conn_->close();
    fresh_connection();
    return true;
  }

  // ---- outcome

  void failed(HttpError e, std::string detail, bool retryable = true) {
    if (conn_) {
      conn_->close();
      conn_.reset();
    }
    last_detail_ = std::move(detail);
    if (retryable && attempts_ <= req_.retries && !cancelled_) return backoff();
    finish_error(e, last_detail_);
  }

  void backoff() {
    uint64_t base = impl_->options.backoff_initial_ms;
    for (uint32_t i = 1; i < attempts_ && base < impl_->options.backoff_max_ms; ++i) base *= 2;
    base = std::min<uint64_t>(base, impl_->options.backoff_max_ms);
    uint64_t delay = base / 2 + (base > 1 ? splitmix(rng_) % (base / 2 + 1) : 0);
    {
      std::lock_guard lock(mu_);
      ex_ = asio::make_strand(impl_->io);  // the connection's strand is not ours any more
    }
    asio::post(ex_, [self = shared_from_this(), delay] {
      if (self->cancelled_) return self->finish_error(HttpError::Shutdown, "the HTTP client was shut down");
      self->timer_.emplace(self->ex_);
      self->timer_->expires_after(std::chrono::milliseconds(delay));
      self->timer_->async_wait([self](error_code) { self->attempt(); });
    });
  }

  std::string timeout_detail() const {
    return "timeout after " + HttpClient::format_duration(req_.timeout_ms);
  }

  static std::string size_text(size_t n) {
    if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
    if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " bytes";
  }

  void finish_error(HttpError e, std::string detail) {
    HttpResponse r;
    r.error = e;
    r.detail = std::move(detail);
    finish(std::move(r));
  }

  void finish(HttpResponse r) {
    if (!done_) return;
    if (conn_) {
      conn_->close();
      conn_.reset();
    }
    r.attempts = attempts_;
    r.reused_connection = reused_;
    r.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started_).count();
    auto done = std::move(done_);
    done_ = nullptr;
    impl_->remove(id_);
    try {
      done(std::move(r));
    } catch (...) {
      // A callback must not throw; an io thread is no place to let it go.
    }
  }

  std::shared_ptr<Impl> impl_;  // first: destroyed last
  uint64_t id_;
  HttpRequest req_;
  std::function<void(HttpResponse)> done_;
  uint64_t rng_;
  Url url_;
  bhttp::request<bhttp::string_body> msg_;
  bool head_ = false;

  std::mutex mu_;             // guards ex_ (read by cancel())
  asio::any_io_executor ex_;  // the strand the exchange runs on now
  std::atomic<bool> cancelled_{false};

  std::shared_ptr<Connection> conn_;
  std::optional<tcp::resolver> resolver_;
  std::optional<asio::steady_timer> timer_;
  std::optional<bhttp::response_parser<bhttp::string_body>> parser_;
  bool resolve_timed_out_ = false;
  bool connect_deadline_is_own_ = false;
  bool reused_ = false;
  bool stale_retry_used_ = false;
  uint32_t attempts_ = 0;
  std::string last_detail_;
  Clock::time_point started_, deadline_;
};

}  // namespace

void detail::HttpClientImpl::shutdown() {
  std::vector<std::shared_ptr<Exchange>> running;
  std::map<std::string, std::vector<std::shared_ptr<Connection>>> pooled;
  {
    std::lock_guard lock(mu);
    stopped = true;
    for (auto& [id, weak] : active)
      if (auto x = weak.lock()) running.push_back(std::move(x));
    pooled.swap(idle);
  }
  for (auto& x : running) x->cancel();
  for (auto& [key, list] : pooled)
    for (auto& c : list) close_idle(c);
}

// ---------------------------------------------------------------- owned threads

struct HttpClient::Owned {
  asio::io_context io;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
};

HttpClient::HttpClient(asio::io_context& io, HttpClientOptions options)
    : impl_(std::make_shared<detail::HttpClientImpl>(io, std::move(options))) {}

HttpClient::HttpClient(HttpClientOptions options) : owned_(std::make_unique<Owned>()) {
  size_t n = std::max<size_t>(1, options.threads);
  impl_ = std::make_shared<detail::HttpClientImpl>(owned_->io, std::move(options));
  owned_->work.emplace(owned_->io.get_executor());
  for (size_t i = 0; i < n; ++i) owned_->threads.emplace_back([io = &owned_->io] { io->run(); });
}

HttpClient::~HttpClient() {
  shutdown();
  if (owned_) {
    owned_->work.reset();  // run() returns once the aborted requests have finished
    for (auto& t : owned_->threads)
      if (t.joinable()) t.join();
  }
}

void HttpClient::shutdown() {
  impl_->shutdown();
}

void HttpClient::send(HttpRequest request, std::function<void(HttpResponse)> done) {
  ++impl_->requests;
  uint64_t id;
  bool stopped;
  {
    std::lock_guard lock(impl_->mu);
    id = ++impl_->next_id;
    stopped = impl_->stopped;
  }
  if (stopped) {
    asio::post(impl_->io, [done = std::move(done)] {
      HttpResponse r;
      r.error = HttpError::Shutdown;
      r.detail = "the HTTP client was shut down";
      try {
        done(std::move(r));
      } catch (...) {
      }
    });
    return;
  }
  auto x = std::make_shared<Exchange>(impl_, id, std::move(request), std::move(done));
  impl_->add(id, x);
  x->start();
}

HttpClientStats HttpClient::stats() const {
  HttpClientStats s;
  s.requests = impl_->requests;
  s.connections_opened = impl_->opened;
  s.connections_reused = impl_->reused;
  s.stale_retries = impl_->stale;
  std::lock_guard lock(impl_->mu);
  s.in_flight = impl_->active.size();
  return s;
}

std::string HttpClient::validate(const HttpRequest& request) {
  Url url;
  if (std::string e = parse_url(request.url, url); !e.empty()) return e;
  if (!request.method.empty() && !is_token(request.method))
    return "invalid HTTP method '" + request.method.substr(0, 20) + "'";
  for (const auto& [name, value] : request.headers) {
    if (has_crlf(name) || !is_token(name)) return "invalid header name '" + name.substr(0, 100) + "'";
    if (has_crlf(value)) return "header '" + name + "' contains CR or LF";
    if (reserved_header(name)) return "header '" + name + "' is set by the HTTP client and cannot be given";
  }
  if (has_crlf(request.content_type)) return "the content type contains CR or LF";
  if (request.timeout_ms == 0) return "the timeout is zero";
  return "";
}

std::string HttpClient::format_duration(uint32_t ms) {
  return duration_text(ms);
}

}  // namespace flowc::client
