// A tiny HTTP/1.1 server for the client tests: binds 127.0.0.1 on port 0,
// runs on its own threads, optionally speaks TLS, answers through a handler
// (status, body, delay, closing tricks) and records what it saw.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace flowc::testing {

struct SeenRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  // lower-case names
  uint64_t connection = 0;                     // 1, 2, … in accept order
};

struct TestAnswer {
  int status = 200;
  std::string body = "{}";
  std::string content_type = "application/json";
  uint32_t delay_ms = 0;     // answer later (on a timer: other requests go on)
  bool drop = false;         // close the connection without answering
  bool close_after = false;  // answer (keep-alive!) and then close the connection
};

class TestServer {
 public:
  using Handler = std::function<TestAnswer(const SeenRequest&)>;
  struct Tls {
    std::string cert_file, key_file;
  };

  explicit TestServer(Handler handler, const Tls* tls = nullptr, int threads = 2);
  ~TestServer();

  uint16_t port() const;
  std::string url(const std::string& path = "/") const;  // http(s)://127.0.0.1:PORT/path
  size_t connections() const;
  size_t requests() const;
  std::vector<SeenRequest> seen() const;

  // A port on 127.0.0.1 where nothing listens (bound, read back, closed).
  static uint16_t closed_port();

  struct Impl;  // public only for the sessions in test_server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

// A self-signed certificate (by default for "localhost" and 127.0.0.1) made
// with the openssl command in `dir`; false when openssl is not available.
bool make_self_signed_cert(const std::string& dir, TestServer::Tls* out,
                           const std::string& subject_alt_names = "DNS:localhost,IP:127.0.0.1");

// A fresh empty directory under the test temp dir.
std::string temp_dir(const std::string& name);

}  // namespace flowc::testing
