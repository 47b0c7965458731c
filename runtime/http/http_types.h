// HTTP requests and responses as the APIs see them: plain structs, no Beast,
// so request handling is testable without a socket.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flowc::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // "/v1/calls?x=1"
  std::string path;    // "/v1/calls" (percent-decoded)
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string remote;  // peer address

  const std::string* header(const std::string& lowercase_name) const;
};

// The open end of a streamed response (Server-Sent Events): chunks are sent
// in order as they come, from any thread, until the client goes away.
class StreamSink {
 public:
  virtual ~StreamSink() = default;
  // Queues a chunk; false once the connection is closed (the chunk is dropped).
  virtual bool send(std::string chunk) = 0;
  virtual bool closed() const = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool close = false;  // close the connection after this response
  // When set, the response is a stream: the server sends the status and
  // headers (no length; the connection closes at the end), `body` as the
  // first chunk, then hands the sink to this function.
  std::function<void(std::shared_ptr<StreamSink>)> stream;

  static Response json(int status, std::string body);
  // {"error":{"code":…,"message":…}}
  static Response error(int status, const std::string& code, const std::string& message);
};

// Sends the response; call exactly once, from any thread, possibly later
// (a held request).
using Respond = std::function<void(Response)>;

class Handler {
 public:
  virtual ~Handler() = default;
  virtual void handle(Request request, Respond respond) = 0;
};

std::string status_reason(int status);

}  // namespace flowc::http
