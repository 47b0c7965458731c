// Where automations go: the engine hands each built request to an executor
// (the real HTTP/SMTP client, a test double, or the `flowc test` mock) and
// gets the result back through a callback, possibly on another thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "stdlib/request.h"

namespace flowc::engine {

struct ActionResult {
  bool ok = false;
  int status = 0;                       // HTTP status, 0 when no response
  std::optional<nlohmann::json> json;   // parsed body when it was JSON
  std::string body;                     // raw body (truncated for traces)
  std::string detail;                   // why it failed: "timeout after 2s", "connection refused", "HTTP 500"
  int64_t latency_ms = 0;
  uint32_t attempts = 1;
};

class ActionExecutor {
 public:
  virtual ~ActionExecutor() = default;
  // Runs the request (with its timeout and retries) and calls done exactly
  // once. Must not block the caller; done may be called on any thread, or
  // before execute returns.
  virtual void execute(const std::string& call_id, stdlib::Request request,
                       std::function<void(ActionResult)> done) = 0;
};

}  // namespace flowc::engine
