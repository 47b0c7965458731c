// The HTTP/1.1 server: keep-alive connections on Boost.Beast, a timeout on
// every read, limits on header and body size; requests go to a Handler,
// whose answer may come later (held requests) without holding a thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "runtime/http/http_types.h"

namespace boost::asio {
class io_context;
}

namespace flowc::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;               // 0: any free port (see Server::port())
  size_t max_body_bytes = 1 << 20;    // larger bodies get 413
  size_t max_header_bytes = 16 * 1024;  // larger headers get 431
  uint32_t read_timeout_ms = 30'000;  // a slow client is dropped after this
  uint32_t idle_timeout_ms = 60'000;  // keep-alive without a request
  uint32_t held_timeout_ms = 600'000; // a held answer that never comes (never expected)
};

class Server {
 public:
  // Binds and listens; throws std::runtime_error with a clear message when
  // the address cannot be used.
  Server(boost::asio::io_context& io, Handler& handler, const ServerOptions& options);
  ~Server();
  uint16_t port() const;
  void stop();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace flowc::http
