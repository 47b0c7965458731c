// The CRM stub on Beast: a listener, one Connection object per socket
// (do_read/on_read, do_write/on_write, a timeout before each), and request
// handling that touches no socket. The session write into flowc goes through
// flowc's own HttpClient on the same io_context, so the lookup is answered
// only after the call has the profile — the article's two-way loop.
#include "tools/port_file.h"
#include "examples/order_status/crm_stub/crm_stub.h"

#include <chrono>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "runtime/client/http_client.h"

namespace flowc::examples {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

std::optional<CrmMode> parse_crm_mode(const std::string& name) {
  if (name == "ok") return CrmMode::Ok;
  if (name == "slow") return CrmMode::Slow;
  if (name == "down") return CrmMode::Down;
  if (name == "500") return CrmMode::Error500;
  if (name == "garbage") return CrmMode::Garbage;
  return std::nullopt;
}

const char* crm_mode_name(CrmMode mode) {
  switch (mode) {
    case CrmMode::Ok: return "ok";
    case CrmMode::Slow: return "slow";
    case CrmMode::Down: return "down";
    case CrmMode::Error500: return "500";
    case CrmMode::Garbage: return "garbage";
  }
  return "?";
}

namespace {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  bool drop = false;    // close without answering (mode down)
  std::string summary;  // for the log line
};
using Respond = std::function<void(Reply)>;

Reply json_reply(int status, const json& body, std::string summary) {
  Reply r;
  r.status = status;
  r.body = body.dump();
  r.summary = std::move(summary);
  return r;
}

Reply error_reply(int status, const std::string& message) {
  return json_reply(status, {{"error", {{"message", message}}}}, message);
}

std::string digits(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  return "";
}

std::string percent_encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- the stub

struct detail::CrmStubImpl : std::enable_shared_from_this<detail::CrmStubImpl> {
  CrmStubImpl(asio::io_context& io, CrmStubOptions o)
      : io(io),
        acceptor(io),
        options(std::move(o)),
        client(io, client::HttpClientOptions{}),
        rng(std::random_device{}()) {
    while (!options.flowc_url.empty() && options.flowc_url.back() == '/') options.flowc_url.pop_back();
  }

  void do_accept();

  void log(const std::string& line) const {
    if (options.log) options.log(line);
  }

  // Request handling: no socket here.
  void handle(const std::string& method, const std::string& target, const std::string& body,
              Respond respond) {
    if (target == "/healthz" && method == "GET") {
      std::lock_guard lock(mu);
      return respond(json_reply(
          200, {{"ok", true}, {"mode", crm_mode_name(options.mode)}, {"customers", options.customers.size()}},
          "healthy"));
    }
    if (target == "/admin/mode" && method == "POST") return set_mode(body, std::move(respond));
    if (target == "/lookup") {
      if (method != "POST") return respond(error_reply(405, "use POST /lookup"));
      return lookup(body, std::move(respond));
    }
    respond(error_reply(404, "no route " + method + " " + target));
  }

  void set_mode(const std::string& body, Respond respond) {
    json j = json::parse(body, nullptr, false);
    if (!j.is_object())
      return respond(error_reply(400, "the body must be {\"mode\": \"ok|slow|down|500|garbage\"}"));
    std::lock_guard lock(mu);
    if (j.contains("mode")) {
      auto m = j["mode"].is_string() ? parse_crm_mode(j["mode"].get<std::string>()) : std::nullopt;
      if (!m) return respond(error_reply(400, "mode must be one of ok, slow, down, 500, garbage"));
      options.mode = *m;
    }
    if (j.contains("delay_ms") && j["delay_ms"].is_number_unsigned())
      options.delay_ms = j["delay_ms"].get<uint32_t>();
    if (j.contains("fail_rate") && j["fail_rate"].is_number())
      options.fail_rate = j["fail_rate"].get<double>();
    respond(json_reply(200,
                       {{"mode", crm_mode_name(options.mode)},
                        {"delay_ms", options.delay_ms},
                        {"fail_rate", options.fail_rate}},
                       std::string("mode ") + crm_mode_name(options.mode)));
  }

  void lookup(const std::string& body, Respond respond) {
    CrmMode mode;
    uint32_t delay;
    bool fail;
    {
      std::lock_guard lock(mu);
      mode = options.mode;
      delay = options.delay_ms;
      if (mode == CrmMode::Slow && delay == 0) delay = 3000;
      fail = options.fail_rate > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < options.fail_rate;
    }
    auto self = shared_from_this();
    auto act = [self, mode, fail, body, respond = std::move(respond)]() mutable {
      if (mode == CrmMode::Down) {
        Reply r;
        r.drop = true;
        r.summary = "dropped (mode down)";
        return respond(std::move(r));
      }
      if (mode == CrmMode::Error500 || fail)
        return respond(error_reply(500, mode == CrmMode::Error500 ? "simulated failure (mode 500)"
                                                                  : "simulated failure (--fail-rate)"));
      if (mode == CrmMode::Garbage) {
        Reply r;
        r.content_type = "text/html";
        r.body = "<html><body>Internal CRM page</body></html>";
        r.summary = "garbage (mode garbage)";
        return respond(std::move(r));
      }
      self->find_and_write(body, std::move(respond));
    };
    if (delay == 0) return act();
    auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(delay));
    timer->async_wait([timer, act = std::move(act)](beast::error_code) mutable { act(); });
  }

  void find_and_write(const std::string& body, Respond respond) {
    json req = json::parse(body, nullptr, false);
    if (!req.is_object())
      return respond(error_reply(400, "the body must be JSON: {phone, call_id} or {reference, call_id}"));
    std::string call_id = req.contains("call_id") ? text_of(req["call_id"]) : "";
    if (call_id.empty()) return respond(error_reply(400, "call_id is required"));
    std::string key = req.contains("phone")
                          ? "phone=" + text_of(req["phone"])
                          : "reference=" + (req.contains("reference") ? text_of(req["reference"]) : "");
    const json* customer;
    {
      std::lock_guard lock(mu);
      customer = CrmStub::find(options.customers, req);
    }
    if (!customer)
      return respond(json_reply(200, {{"found", false}}, key + " call=" + call_id + " -> not found"));
    json values = CrmStub::session_values(*customer);
    bool premium = customer->value("premium", false);
    std::string who = customer->value("name", "?") + (premium ? " (premium)" : "");

    client::HttpRequest h;
    h.method = "POST";
    std::string flowc = options.flowc_url;
    if (!options.flowc_port_file.empty())
      if (auto port = tools::read_port_file(options.flowc_port_file)) flowc = "http://127.0.0.1:" + std::to_string(*port);
    h.url = flowc + "/v1/sessions/" + percent_encode(call_id);
    h.body = values.dump();
    h.content_type = "application/json";
    h.timeout_ms = options.session_timeout_ms;
    h.retries = 1;
    if (!options.token.empty()) h.headers.emplace_back("Authorization", "Bearer " + options.token);
    std::string prefix = key + " call=" + call_id + " -> found " + who + ", session write ";
    client.send(std::move(h), [respond = std::move(respond), prefix, premium](client::HttpResponse r) {
      if (r.success())
        return respond(json_reply(200, {{"found", true}, {"premium", premium}},
                                  prefix + "HTTP " + std::to_string(r.status)));
      std::string why = r.responded() ? "HTTP " + std::to_string(r.status) : r.detail;
      if (r.responded() && r.json && r.json->contains("error")) why += " " + (*r.json)["error"].dump();
      respond(json_reply(502, {{"found", true}, {"error", {{"message", "session write failed: " + why}}}},
                         prefix + "failed: " + why));
    });
  }

  asio::io_context& io;
  tcp::acceptor acceptor;
  mutable std::mutex mu;  // options (mode, delay, fail rate) and rng
  CrmStubOptions options;
  client::HttpClient client;
  std::mt19937_64 rng;
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, std::shared_ptr<detail::CrmStubImpl> stub)
      : stream_(std::move(socket)), stub_(std::move(stub)) {}

  void run() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
  }

 private:
  void do_read() {
    parser_.emplace();
    parser_->body_limit(64 * 1024);
    stream_.expires_after(std::chrono::seconds(30));
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec) return close();
    auto req = parser_->release();
    keep_alive_ = req.keep_alive();
    std::string method(req.method_string());
    std::string target(req.target());
    auto start = Clock::now();
    stream_.expires_after(std::chrono::minutes(5));  // the answer may take a while (slow mode, session write)
    auto self = shared_from_this();
    stub_->handle(method, target, req.body(), [self, method, target, start](Reply r) {
      asio::post(self->stream_.get_executor(), [self, method, target, start, r = std::move(r)]() mutable {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
        std::string status = r.drop ? "no answer" : std::to_string(r.status);
        self->stub_->log("crm_stub: " + method + " " + target + " " + r.summary + " -> " + status + " in " +
                         std::to_string(ms) + " ms");
        if (r.drop) return self->close();
        self->do_write(std::move(r));
      });
    });
  }

  void do_write(Reply r) {
    auto res =
        std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(r.status), 11);
    res->set(bhttp::field::server, "crm_stub");
    res->set(bhttp::field::content_type, r.content_type);
    res->keep_alive(keep_alive_);
    res->body() = std::move(r.body);
    res->prepare_payload();
    stream_.expires_after(std::chrono::seconds(30));
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, size_t) {
      self->on_write(ec, res->need_eof());
    });
  }

  void on_write(beast::error_code ec, bool eof) {
    if (ec || eof) return close();
    do_read();
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<detail::CrmStubImpl> stub_;
  bool keep_alive_ = true;
};

}  // namespace

void detail::CrmStubImpl::do_accept() {
  acceptor.async_accept(asio::make_strand(io),
                        [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
                          if (!self->acceptor.is_open()) return;
                          if (!ec) std::make_shared<Connection>(std::move(s), self)->run();
                          self->do_accept();
                        });
}

CrmStub::CrmStub(asio::io_context& io, CrmStubOptions options)
    : impl_(std::make_shared<detail::CrmStubImpl>(io, std::move(options))) {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + impl_->options.address + "'");
  tcp::endpoint ep(address, impl_->options.port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + impl_->options.address + ":" +
                             std::to_string(impl_->options.port) + ": " + ec.message());
  impl_->do_accept();
}

CrmStub::~CrmStub() {
  stop();
  impl_->client.shutdown();
}

uint16_t CrmStub::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void CrmStub::stop() {
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] {
    beast::error_code ec;
    impl->acceptor.close(ec);
  });
}

json CrmStub::load_customers(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the customers file '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, false);
  if (j.is_object() && j.contains("customers")) j = j["customers"];
  if (!j.is_array())
    throw std::runtime_error("the customers file '" + path + "' must hold a JSON array of customers");
  for (const auto& c : j)
    if (!c.is_object() || !c.contains("email"))
      throw std::runtime_error("every customer in '" + path + "' needs at least an email");
  return j;
}

const json* CrmStub::find(const json& customers, const json& lookup) {
  std::string phone = lookup.contains("phone") ? digits(text_of(lookup["phone"])) : "";
  std::string reference = lookup.contains("reference") ? text_of(lookup["reference"]) : "";
  for (const auto& c : customers) {
    if (!phone.empty() && c.contains("phone") && digits(text_of(c["phone"])) == phone) return &c;
    if (!reference.empty() && c.contains("reference") && text_of(c["reference"]) == reference) return &c;
  }
  return nullptr;
}

json CrmStub::session_values(const json& customer) {
  return {{"ivr.email", customer.value("email", "")},
          {"ivr.premium", customer.value("premium", false)},
          {"ivr.track_id", customer.value("track_id", "")},
          {"ivr.name", customer.value("name", "")}};
}

}  // namespace flowc::examples
