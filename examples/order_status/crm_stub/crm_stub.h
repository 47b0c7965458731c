// crm_stub: the CRM of the babelforce example, over real HTTP. `POST /lookup`
// with {phone, call_id} or {reference, call_id} finds a customer, writes the
// profile into the live call through flowc's sessions API
// (POST {flowc}/v1/sessions/{call_id} with ivr.email, ivr.premium,
// ivr.track_id, ivr.name) and then answers {"found": true|false}.
// Modes simulate a slow, failing or broken CRM for fault tests.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace boost::asio {
class io_context;
}

namespace flowc::examples {

namespace detail {
struct CrmStubImpl;
}

enum class CrmMode {
  Ok,        // look up, write the session, answer
  Slow,      // the same, after delay_ms (3s when no delay is given)
  Down,      // close every connection without an answer
  Error500,  // answer HTTP 500, write nothing
  Garbage,   // answer 200 with a body that is not JSON, write nothing
};
std::optional<CrmMode> parse_crm_mode(const std::string& name);  // ok|slow|down|500|garbage
const char* crm_mode_name(CrmMode mode);

struct CrmStubOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8081;  // 0: any free port (see CrmStub::port())
  std::string flowc_url = "http://127.0.0.1:8080";
  std::string flowc_port_file;  // when set, flowc's port is read from it at each write (started later)
  std::string token;                                   // Bearer token for the sessions API, "" for none
  nlohmann::json customers = nlohmann::json::array();  // [{name, phone, reference, email, premium, track_id}]
  CrmMode mode = CrmMode::Ok;
  uint32_t delay_ms = 0;                        // before every lookup answer
  double fail_rate = 0;                         // share of lookups answered with HTTP 500
  uint32_t session_timeout_ms = 2000;           // for the write into flowc
  std::function<void(const std::string&)> log;  // one line per request
};

// Runs on the caller's io_context (one thread is plenty).
class CrmStub {
 public:
  // Binds and listens; throws std::runtime_error when the address is unusable.
  CrmStub(boost::asio::io_context& io, CrmStubOptions options);
  ~CrmStub();
  CrmStub(const CrmStub&) = delete;
  CrmStub& operator=(const CrmStub&) = delete;

  uint16_t port() const;
  void stop();

  // Reads a customers file: a JSON array, or {"customers": [...]}. Throws
  // std::runtime_error with a clear message.
  static nlohmann::json load_customers(const std::string& path);
  // The customer whose phone (digits compared) or reference matches, or null.
  static const nlohmann::json* find(const nlohmann::json& customers, const nlohmann::json& lookup);
  // The session write for a customer: {"ivr.email", "ivr.premium", "ivr.track_id", "ivr.name"}.
  static nlohmann::json session_values(const nlohmann::json& customer);

 private:
  std::shared_ptr<detail::CrmStubImpl> impl_;
};

}  // namespace flowc::examples
