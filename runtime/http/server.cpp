// The Beast server: a listener accepting connections, one Connection object
// per socket (shared_from_this, a strand each), do_read/on_read and
// do_write/on_write, a timeout before every read, bad requests answered with
// JSON errors. Request handling itself touches no socket (see Handler).
#include "runtime/http/server.h"

#include <atomic>
#include <deque>
#include <optional>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace flowc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

Request to_request(bhttp::request<bhttp::string_body>&& req, const std::string& remote) {
  Request r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  std::string_view target = req.target();
  size_t q = target.find('?');
  r.path = percent_decode(target.substr(0, q), false);
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
      size_t amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      size_t eq = pair.find('=');
      r.query[percent_decode(pair.substr(0, eq), true)] =
          eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  for (const auto& f : req) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(f.value());
  }
  r.body = std::move(req.body());
  r.remote = remote;
  return r;
}

class Connection;

// A streamed response's sink: chunks go to the connection's strand in order.
class ConnectionSink : public StreamSink {
 public:
  explicit ConnectionSink(std::shared_ptr<Connection> c) : connection_(std::move(c)) {}
  bool send(std::string chunk) override;
  bool closed() const override;

 private:
  std::shared_ptr<Connection> connection_;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // More chunks than this waiting for a slow reader close the stream.
  static constexpr size_t kMaxQueuedChunks = 256;

  Connection(tcp::socket&& socket, Handler& handler, const ServerOptions& options)
      : stream_(std::move(socket)), handler_(handler), options_(options) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string() + ":" + std::to_string(ep.port());
  }

  void run() { asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); }); }

 private:
  void do_read() {
    parser_.emplace();
    parser_->body_limit(options_.max_body_bytes);
    parser_->header_limit(static_cast<uint32_t>(options_.max_header_bytes));
    stream_.expires_after(std::chrono::milliseconds(served_ ? options_.idle_timeout_ms : options_.read_timeout_ms));
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      close();
      return;
    }
    if (ec == bhttp::error::body_limit) {
      send_error(413, "body_too_large",
                 "the request body is larger than " + std::to_string(options_.max_body_bytes) + " bytes");
      return;
    }
    if (ec == bhttp::error::header_limit) {
      send_error(431, "headers_too_large", "the request headers are too large");
      return;
    }
    if (ec) {
      send_error(400, "bad_request", "malformed HTTP request: " + ec.message());
      return;
    }
    auto req = parser_->release();
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    served_ = true;
    // The handler may answer later (a held request): no timeout meanwhile
    // except a long safety net.
    stream_.expires_after(std::chrono::milliseconds(options_.held_timeout_ms));
    auto self = shared_from_this();
    auto answered = std::make_shared<std::atomic<bool>>(false);
    handler_.handle(to_request(std::move(req), remote_), [self, answered](Response r) {
      if (answered->exchange(true)) return;  // exactly once
      asio::post(self->stream_.get_executor(), [self, r = std::move(r)]() mutable { self->write(std::move(r)); });
    });
  }

  void send_error(int status, const std::string& code, const std::string& message) {
    keep_alive_ = false;
    version_ = 11;
    write(Response::error(status, code, message));
  }

  // A streamed response: the head and first chunk now, then the sink's
  // chunks as they come; a read that ends (the client left) closes it.
  void start_stream(Response r) {
    stream_.expires_never();
    std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " + status_reason(r.status) +
                       "\r\nServer: flowc\r\nContent-Type: " + r.content_type +
                       "\r\nCache-Control: no-cache\r\nConnection: close\r\n";
    for (const auto& [k, v] : r.headers) head += k + ": " + v + "\r\n";
    head += "\r\n" + r.body;
    queue_chunk(std::move(head));
    watch_close();
    if (r.stream) r.stream(std::make_shared<ConnectionSink>(shared_from_this()));
  }

 public:
  // From any thread: queues a chunk of a streamed response.
  bool push_chunk(std::string chunk) {
    if (stream_closed_) return false;
    asio::post(stream_.get_executor(), [self = shared_from_this(), c = std::move(chunk)]() mutable {
      self->queue_chunk(std::move(c));
    });
    return true;
  }
  bool stream_closed() const { return stream_closed_; }

 private:
  void queue_chunk(std::string chunk) {
    if (stream_closed_) return;
    if (out_.size() >= kMaxQueuedChunks) {
      close_stream();
      return;
    }
    out_.push_back(std::move(chunk));
    if (out_.size() == 1) write_chunk();
  }

  void write_chunk() {
    asio::async_write(stream_.socket(), asio::buffer(out_.front()),
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec) return self->close_stream();
                        self->out_.pop_front();
                        if (!self->out_.empty()) self->write_chunk();
                      });
  }

  void watch_close() {
    stream_.socket().async_read_some(
        asio::buffer(sink_buf_), [self = shared_from_this()](beast::error_code ec, size_t) {
          if (ec) return self->close_stream();
          self->watch_close();  // a client sends nothing on a stream; ignore what it does send
        });
  }

  void close_stream() {
    // A write in flight still uses out_.front(): it fails once the socket
    // is closed, and the queue goes with the connection.
    if (stream_closed_.exchange(true)) return;
    close();
  }

  void write(Response r) {
    if (r.stream) return start_stream(std::move(r));
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(r.status), version_);
    res->set(bhttp::field::server, "flowc");
    res->set(bhttp::field::content_type, r.content_type);
    for (const auto& [k, v] : r.headers) res->set(k, v);
    res->keep_alive(keep_alive_ && !r.close);
    res->body() = std::move(r.body);
    res->prepare_payload();
    stream_.expires_after(std::chrono::milliseconds(options_.read_timeout_ms));
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, size_t) {
      self->on_write(ec, res->need_eof());
    });
  }

  void on_write(beast::error_code ec, bool eof) {
    if (ec || eof) {
      close();
      return;
    }
    do_read();
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Handler& handler_;
  ServerOptions options_;
  std::string remote_;
  bool keep_alive_ = true;
  bool served_ = false;
  unsigned version_ = 11;
  std::atomic<bool> stream_closed_{false};
  std::deque<std::string> out_;
  char sink_buf_[256];
};

bool ConnectionSink::send(std::string chunk) { return connection_->push_chunk(std::move(chunk)); }
bool ConnectionSink::closed() const { return connection_->stream_closed(); }

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(asio::io_context& io, Handler& h, const ServerOptions& o) : io(io), acceptor(io), handler(h), options(o) {}

  void do_accept() {
    acceptor.async_accept(asio::make_strand(io), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      if (!self->acceptor.is_open()) return;
      if (!ec) std::make_shared<Connection>(std::move(s), self->handler, self->options)->run();
      self->do_accept();
    });
  }

  asio::io_context& io;
  tcp::acceptor acceptor;
  Handler& handler;
  ServerOptions options;
};

Server::Server(asio::io_context& io, Handler& handler, const ServerOptions& options)
    : impl_(std::make_shared<Impl>(io, handler, options)) {
  beast::error_code ec;
  auto address = asio::ip::make_address(options.address, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + options.address + "'");
  tcp::endpoint ep(address, options.port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " +
                             ec.message());
  impl_->do_accept();
}

Server::~Server() { stop(); }

uint16_t Server::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void Server::stop() {
  beast::error_code ec;
  impl_->acceptor.close(ec);
}

}  // namespace flowc::http
