// The client tests' HTTP(S) server: one Session per connection on a strand,
// delays on timers so that a slow answer holds no thread.
#include "tests/unit/runtime/client/test_server.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>
#include <unistd.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <gtest/gtest.h>

namespace flowc::testing {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct TestServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::optional<ssl::context> tls;
  Handler handler;
  std::vector<std::thread> threads;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;

  mutable std::mutex mu;
  std::vector<SeenRequest> seen;
  std::atomic<uint64_t> connections{0};

  void do_accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& s, TestServer::Impl* server, uint64_t id)
      : server_(server), id_(id), timer_(s.get_executor()) {
    if (server_->tls)
      tls_.emplace(std::move(s), *server_->tls);
    else
      plain_.emplace(std::move(s));
  }

  void run() {
    asio::dispatch(stream().get_executor(), [self = shared_from_this()] {
      if (!self->tls_) return self->do_read();
      self->stream().expires_after(std::chrono::seconds(10));
      self->tls_->async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) return self->close();
        self->do_read();
      });
    });
  }

 private:
  beast::tcp_stream& stream() { return tls_ ? beast::get_lowest_layer(*tls_) : *plain_; }

  void do_read() {
    req_ = {};
    stream().expires_after(std::chrono::seconds(30));
    auto on_read = [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); };
    if (tls_)
      bhttp::async_read(*tls_, buffer_, req_, std::move(on_read));
    else
      bhttp::async_read(*plain_, buffer_, req_, std::move(on_read));
  }

  void on_read(beast::error_code ec) {
    if (ec) return close();
    SeenRequest r;
    r.method = std::string(req_.method_string());
    r.target = std::string(req_.target());
    r.body = req_.body();
    r.connection = id_;
    for (const auto& f : req_) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(f.value());
    }
    {
      std::lock_guard lock(server_->mu);
      server_->seen.push_back(r);
    }
    TestAnswer a = server_->handler(r);
    if (a.delay_ms == 0) return answer(std::move(a));
    stream().expires_never();
    timer_.expires_after(std::chrono::milliseconds(a.delay_ms));
    timer_.async_wait([self = shared_from_this(), a = std::move(a)](beast::error_code ec) mutable {
      if (ec) return self->close();
      self->answer(std::move(a));
    });
  }

  void answer(TestAnswer a) {
    if (a.drop) return close();
    auto res =
        std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(a.status), 11);
    res->set(bhttp::field::content_type, a.content_type);
    res->keep_alive(req_.keep_alive());
    res->body() = std::move(a.body);
    res->prepare_payload();
    bool close_after = a.close_after || !req_.keep_alive();
    stream().expires_after(std::chrono::seconds(30));
    auto on_write = [self = shared_from_this(), res, close_after](beast::error_code ec, size_t) {
      if (ec || close_after) return self->close();
      self->do_read();
    };
    if (tls_)
      bhttp::async_write(*tls_, *res, std::move(on_write));
    else
      bhttp::async_write(*plain_, *res, std::move(on_write));
  }

  void close() {
    beast::error_code ec;
    stream().socket().shutdown(tcp::socket::shutdown_both, ec);
    stream().socket().close(ec);
  }

  TestServer::Impl* server_;
  uint64_t id_;
  asio::steady_timer timer_;
  std::optional<beast::tcp_stream> plain_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> req_;
};

}  // namespace

void TestServer::Impl::do_accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket s) {
    if (!acceptor.is_open()) return;
    if (!ec) std::make_shared<Session>(std::move(s), this, ++connections)->run();
    do_accept();
  });
}

TestServer::TestServer(Handler handler, const Tls* tls, int threads) : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  if (tls) {
    impl_->tls.emplace(ssl::context::tls_server);
    impl_->tls->use_certificate_chain_file(tls->cert_file);
    impl_->tls->use_private_key_file(tls->key_file, ssl::context::pem);
  }
  tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(ep.protocol());
  impl_->acceptor.bind(ep);
  impl_->acceptor.listen();
  impl_->do_accept();
  impl_->work.emplace(impl_->io.get_executor());
  for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([impl = impl_.get()] { impl->io.run(); });
}

TestServer::~TestServer() {
  impl_->io.stop();  // pending delayed answers are dropped
  for (auto& t : impl_->threads) t.join();
  // impl_ goes now: its io_context destroys the sessions still queued.
}

uint16_t TestServer::port() const {
  return impl_->acceptor.local_endpoint().port();
}

std::string TestServer::url(const std::string& path) const {
  return std::string(impl_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) + path;
}

size_t TestServer::connections() const {
  return impl_->connections;
}

size_t TestServer::requests() const {
  std::lock_guard lock(impl_->mu);
  return impl_->seen.size();
}

std::vector<SeenRequest> TestServer::seen() const {
  std::lock_guard lock(impl_->mu);
  return impl_->seen;
}

uint16_t TestServer::closed_port() {
  asio::io_context io;
  tcp::acceptor a(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  uint16_t port = a.local_endpoint().port();
  a.close();
  return port;
}

bool make_self_signed_cert(const std::string& dir, TestServer::Tls* out,
                           const std::string& subject_alt_names) {
  std::filesystem::create_directories(dir);
  out->cert_file = dir + "/cert.pem";
  out->key_file = dir + "/key.pem";
  std::string cmd =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost"
      " -addext subjectAltName=" +
      subject_alt_names + " -keyout '" + out->key_file + "' -out '" + out->cert_file + "' >'" + dir +
      "/openssl.log' 2>&1";
  return std::system(cmd.c_str()) == 0 && std::filesystem::exists(out->cert_file);
}

std::string temp_dir(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string unique =
      name + "-" + (info ? std::string(info->name()) : "x") + "-" + std::to_string(::getpid());
  auto dir = std::filesystem::temp_directory_path() / "flowc-client-tests" / unique;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace flowc::testing
