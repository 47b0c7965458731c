// An automation's request as the flow built it: an HTTP request or an email,
// ready for the runtime's executor. Built through rt_req_* / rt_json_*.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stdlib/json_text.h"

namespace flowc::stdlib {

struct Request {
  enum class Kind : uint8_t { Http, Email } kind = Kind::Http;
  uint32_t automation = 0;
  std::string method;  // GET, POST, …
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;       // "application/json" for json bodies
  std::string to, subject, text;  // Email
  uint32_t timeout_ms = 5000;
  uint32_t retries = 0;

  // A JSON body (json { … }) is written into `body` as it is built (rt_json_*).
  bool has_json = false;
  JsonText::State json_state;

  // {"method","url","headers"?,"body"?} or {"email":{"to","subject","body"}},
  // for traces and test reports.
  void write_json(JsonText& j) const;
  nlohmann::json to_json() const;
};

}  // namespace flowc::stdlib
