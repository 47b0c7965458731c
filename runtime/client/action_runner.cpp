// ActionRunner: stdlib::Request → HttpClient / SmtpClient → engine::ActionResult.
#include "runtime/client/action_runner.h"

#include <chrono>
#include <utility>

namespace flowc::client {

namespace {

using Clock = std::chrono::steady_clock;

int64_t since_ms(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

std::string with_attempts(std::string detail, uint32_t attempts) {
  if (attempts > 1) detail += " (" + std::to_string(attempts) + " attempts)";
  return detail;
}

void call(const std::function<void(engine::ActionResult)>& done, engine::ActionResult r) {
  try {
    done(std::move(r));
  } catch (...) {
    // done must not throw (see ActionExecutor); nothing sensible to do here.
  }
}

}  // namespace

ActionRunner::ActionRunner(boost::asio::io_context& io, ActionRunnerOptions options)
    : options_(std::move(options)), http_(std::make_unique<HttpClient>(io, options_.http)) {
  if (!options_.smtp.server.empty()) smtp_ = std::make_unique<SmtpClient>(options_.smtp);
}

ActionRunner::ActionRunner(ActionRunnerOptions options)
    : options_(std::move(options)), http_(std::make_unique<HttpClient>(options_.http)) {
  if (!options_.smtp.server.empty()) smtp_ = std::make_unique<SmtpClient>(options_.smtp);
}

ActionRunner::~ActionRunner() {
  closing_ = true;  // a `done` below may start further actions: they fail at once
  smtp_.reset();
  http_->shutdown();
  http_.reset();
}

void ActionRunner::execute(const std::string& call_id, stdlib::Request request,
                           std::function<void(engine::ActionResult)> done) {
  if (closing_) {
    engine::ActionResult r;
    r.detail = "the runtime is shutting down";
    return call(done, std::move(r));
  }
  if (request.kind == stdlib::Request::Kind::Email) return send_email(std::move(request), std::move(done));

  HttpRequest h;
  h.method = std::move(request.method);
  h.url = std::move(request.url);
  h.headers = std::move(request.headers);
  h.body = std::move(request.body);
  h.content_type = std::move(request.content_type);
  if (h.content_type.empty() && !h.body.empty()) h.content_type = "text/plain; charset=utf-8";
  h.timeout_ms = request.timeout_ms;
  h.retries = request.retries;
  auto start = Clock::now();
  size_t limit = options_.trace_body_bytes;
  http_->send(std::move(h), [done = std::move(done), start, limit](HttpResponse response) {
    engine::ActionResult r = to_result(response, limit);
    r.latency_ms = since_ms(start);
    call(done, std::move(r));
  });
}

void ActionRunner::send_email(stdlib::Request request, std::function<void(engine::ActionResult)> done) {
  if (!smtp_) {
    engine::ActionResult r;
    r.detail = "no SMTP server configured (flowc serve --smtp smtp://host:port)";
    return call(done, std::move(r));
  }
  Email email;
  email.to = std::move(request.to);
  email.subject = std::move(request.subject);
  email.text = std::move(request.text);
  email.timeout_ms = request.timeout_ms;
  auto start = Clock::now();
  smtp_->send(std::move(email), [done = std::move(done), start](EmailResult sent) {
    engine::ActionResult r;
    r.ok = sent.ok;
    r.detail = std::move(sent.detail);
    if (sent.ok) r.body = "message-id: " + sent.message_id;
    r.latency_ms = since_ms(start);
    call(done, std::move(r));
  });
}

engine::ActionResult ActionRunner::to_result(const HttpResponse& response, size_t trace_body_bytes) {
  engine::ActionResult r;
  r.attempts = std::max<uint32_t>(1, response.attempts);
  r.latency_ms = response.latency_ms;
  if (!response.responded()) {
    r.detail = with_attempts(response.detail, response.attempts);
    return r;
  }
  r.status = response.status;
  r.ok = response.success();
  r.json = response.json;
  r.body = trace_body(response.body, trace_body_bytes);
  if (!r.ok) r.detail = with_attempts("HTTP " + std::to_string(response.status), response.attempts);
  return r;
}

std::string ActionRunner::trace_body(const std::string& body, size_t limit) {
  if (body.size() <= limit) return body;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return body.substr(0, cut) + "… (" + std::to_string(body.size()) + " bytes)";
}

}  // namespace flowc::client
