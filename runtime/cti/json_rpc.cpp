// JSON-RPC 2.0 dispatch: validation of the envelope, batches, notifications.
#include "runtime/cti/json_rpc.h"

namespace flowc::cti {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr size_t kMaxBatch = 100;

ordered_json error_object(const RpcError& e, const json& id) {
  ordered_json err;
  err["code"] = e.code;
  err["message"] = e.message;
  if (!e.detail.empty()) err["data"] = e.detail;
  ordered_json out;
  out["jsonrpc"] = "2.0";
  out["error"] = std::move(err);
  out["id"] = id;
  return out;
}

bool valid_id(const json& id) {
  return id.is_string() || id.is_number() || id.is_null();
}

RpcError invalid_request(std::string detail) {
  return {kInvalidRequest, "Invalid Request", std::move(detail)};
}

}  // namespace

std::string JsonRpc::error_response(const RpcError& error, const json& id) {
  return error_object(error, id).dump();
}

std::optional<ordered_json> JsonRpc::call(const json& request) const {
  if (!request.is_object()) return error_object(invalid_request("a request must be a JSON object"), nullptr);
  const bool notification = !request.contains("id");
  json id = notification ? json(nullptr) : request["id"];
  if (!valid_id(id))
    return error_object(invalid_request("\"id\" must be a string, a number or null"), nullptr);
  // A notification is a valid request without "id": an invalid one is
  // answered anyway (with id null), as the specification's examples show.
  auto invalid = [&](std::string detail) { return error_object(invalid_request(std::move(detail)), id); };
  auto fail = [&](RpcError e) -> std::optional<ordered_json> {
    if (notification) return std::nullopt;
    return error_object(e, id);
  };
  auto v = request.find("jsonrpc");
  if (v == request.end() || *v != "2.0") return invalid("\"jsonrpc\" must be exactly \"2.0\"");
  auto m = request.find("method");
  if (m == request.end() || !m->is_string()) return invalid("\"method\" must be a string");
  json params = nullptr;
  if (auto p = request.find("params"); p != request.end()) {
    if (!p->is_array() && !p->is_object()) return invalid("\"params\" must be an array or an object");
    params = *p;
  }
  const auto& name = m->get_ref<const std::string&>();
  auto method = methods_.find(name);
  if (method == methods_.end())
    return fail({kMethodNotFound, "Method not found", "no method '" + name + "'"});
  RpcResult result;
  try {
    result = method->second(params);
  } catch (const std::exception& e) {
    result = RpcError{kInternalError, "Internal error", e.what()};
  }
  if (auto* err = std::get_if<RpcError>(&result)) return fail(*err);
  if (notification) return std::nullopt;
  ordered_json out;
  out["jsonrpc"] = "2.0";
  out["result"] = ordered_json::parse(std::get<json>(result).dump());
  out["id"] = id;
  return out;
}

std::optional<std::string> JsonRpc::handle(std::string_view body) const {
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded())
    return error_response({kParseError, "Parse error", "the body is not valid JSON"}, nullptr);
  if (!parsed.is_array()) {
    auto out = call(parsed);
    if (!out) return std::nullopt;
    return out->dump();
  }
  if (parsed.empty()) return error_response(invalid_request("an empty batch"), nullptr);
  if (parsed.size() > kMaxBatch)
    return error_response(invalid_request("a batch of more than " + std::to_string(kMaxBatch) + " requests"),
                          nullptr);
  ordered_json answers = ordered_json::array();
  for (const auto& request : parsed)
    if (auto out = call(request)) answers.push_back(std::move(*out));
  if (answers.empty()) return std::nullopt;
  return answers.dump();
}

}  // namespace flowc::cti
