// JSON-RPC 2.0 over one HTTP body (https://www.jsonrpc.org/specification):
// parse errors, invalid requests, unknown methods and bad params answered
// with the standard error objects, notifications without an answer, batches.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace flowc::cti {

// The standard error codes; application errors use -32000 to -32099.
enum RpcCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
};

struct RpcError {
  int code = kInternalError;
  std::string message;  // the short standard text ("Invalid params") or the application's
  std::string detail;   // sent as "data" when not empty: what exactly was wrong
};

using RpcResult = std::variant<nlohmann::json, RpcError>;
// A method gets "params" (an array, an object, or null when absent).
using RpcMethod = std::function<RpcResult(const nlohmann::json& params)>;

class JsonRpc {
 public:
  void add(std::string name, RpcMethod method) { methods_[std::move(name)] = std::move(method); }

  // The answer to a request body: a response, an array of responses (a
  // batch), or nullopt when there is nothing to answer (only notifications).
  std::optional<std::string> handle(std::string_view body) const;

  // {"jsonrpc":"2.0","error":{…},"id":…} in that key order.
  static std::string error_response(const RpcError& error, const nlohmann::json& id);

 private:
  // One request object; nullopt for a notification.
  std::optional<nlohmann::ordered_json> call(const nlohmann::json& request) const;

  std::map<std::string, RpcMethod, std::less<>> methods_;
};

}  // namespace flowc::cti
