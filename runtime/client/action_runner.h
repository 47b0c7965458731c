// The engine's real ActionExecutor: HTTP requests go to the HttpClient,
// emails to the SmtpClient; each result becomes an engine::ActionResult
// (ok, status, parsed JSON, a trace-sized body, why it failed, latency).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "runtime/client/http_client.h"
#include "runtime/client/smtp_client.h"
#include "runtime/engine/action_executor.h"

namespace boost::asio {
class io_context;
}

namespace flowc::client {

struct ActionRunnerOptions {
  HttpClientOptions http;
  SmtpOptions smtp;                // smtp.server empty: emails fail ("no SMTP server configured …")
  size_t trace_body_bytes = 4096;  // ActionResult::body keeps at most this much of the response
};

// Threading: see HttpClient and SmtpClient. With an io_context the HTTP
// client runs on it (the caller runs it); without one it owns its threads.
// execute() never blocks; `done` runs exactly once, on an io thread, an SMTP
// worker, or (for requests refused without any I/O) before execute returns.
class ActionRunner : public engine::ActionExecutor {
 public:
  // Throws std::invalid_argument / std::runtime_error for unusable options
  // (SMTP server URL or From address, CA file).
  ActionRunner(boost::asio::io_context& io, ActionRunnerOptions options);
  explicit ActionRunner(ActionRunnerOptions options);
  // Refuses new actions at once ("the runtime is shutting down"), then fails
  // queued emails, aborts the one being sent and the HTTP requests in flight
  // (their `done` runs: destroy the runner before whatever `done` reaches).
  ~ActionRunner() override;

  void execute(const std::string& call_id, stdlib::Request request,
               std::function<void(engine::ActionResult)> done) override;

  HttpClient& http() { return *http_; }
  bool has_smtp() const { return smtp_ != nullptr; }
  HttpClientStats http_stats() const { return http_->stats(); }

  // The HttpResponse as the engine sees it (exposed for tests).
  static engine::ActionResult to_result(const HttpResponse& response, size_t trace_body_bytes);
  // At most `limit` bytes of `body`, cut on a UTF-8 boundary, with a note
  // of the full size when cut.
  static std::string trace_body(const std::string& body, size_t limit);

 private:
  void send_email(stdlib::Request request, std::function<void(engine::ActionResult)> done);

  ActionRunnerOptions options_;
  std::atomic<bool> closing_{false};
  std::unique_ptr<HttpClient> http_;
  std::unique_ptr<SmtpClient> smtp_;
};

}  // namespace flowc::client
