// Asking a running flowc server for its modules: the runtime's asynchronous
// HTTP client, made synchronous by running its io_context on this thread.
#include "tools/flowc/server_modules.h"

#include <boost/asio/io_context.hpp>

#include "runtime/client/http_client.h"

namespace flowc::cli {

using nlohmann::json;

namespace {

constexpr uint32_t kTimeoutMs = 10'000;

// The "error" of an error answer: {"error": {"code": …, "message": …}}.
std::string error_field(const client::HttpResponse& r, const char* field) {
  if (!r.json || !r.json->is_object() || !r.json->contains("error") || !(*r.json)["error"].is_object())
    return {};
  const json& e = (*r.json)["error"];
  return e.contains(field) && e[field].is_string() ? e[field].get<std::string>() : std::string();
}

ServedModules failed(std::string message) {
  ServedModules out;
  out.message = std::move(message);
  return out;
}

}  // namespace

struct ServerModulesClient::Impl {
  boost::asio::io_context io;  // declared first: outlives the client's handlers
  client::HttpClient http{io};

  client::HttpResponse send(client::HttpRequest request) {
    std::optional<client::HttpResponse> answer;
    http.send(std::move(request), [&answer](client::HttpResponse r) { answer = std::move(r); });
    io.restart();
    while (!answer && io.run_one() > 0) {
    }
    if (answer) return std::move(*answer);
    client::HttpResponse none;
    none.error = client::HttpError::Connection;
    none.detail = "no answer";
    return none;
  }
};

ServerModulesClient::ServerModulesClient(std::string url, std::string token, std::string token_file)
    : url_(std::move(url)),
      token_(std::move(token)),
      token_file_(std::move(token_file)),
      impl_(std::make_unique<Impl>()) {
  while (url_.size() > 1 && url_.back() == '/') url_.pop_back();
}

ServerModulesClient::~ServerModulesClient() {
  impl_->http.shutdown();
  impl_->io.restart();
  impl_->io.poll();
}

std::string ServerModulesClient::check_url() const {
  if (url_.find_first_of("?#") != std::string::npos)
    return "'" + url_ + "' is not a server URL: expected http://HOST:PORT, without a query";
  client::HttpRequest probe;
  probe.url = url_ + "/v1/flows";
  std::string why = client::HttpClient::validate(probe);
  return why.empty() ? why : "'" + url_ + "' is not a server URL: " + why;
}

ServedModules ServerModulesClient::get(const std::string& flow) {
  client::HttpRequest request;
  request.url = url_ + "/v1/flows/" + flow + "/modules";
  request.timeout_ms = kTimeoutMs;
  request.headers.emplace_back("Accept", "application/json");
  if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
  client::HttpResponse r = impl_->send(request);
  if (!r.responded()) {
    bool unreachable = r.error == client::HttpError::Refused || r.error == client::HttpError::Resolve ||
                       r.error == client::HttpError::Timeout || r.error == client::HttpError::Connection ||
                       r.error == client::HttpError::Tls;
    if (r.error == client::HttpError::InvalidRequest)
      return failed("'" + url_ + "' is not a server URL: " + r.detail);
    return failed((unreachable ? "cannot reach " : "no usable answer from ") + url_ + ": " + r.detail);
  }
  const std::string status = std::to_string(r.status);
  if (r.status == 401 || r.status == 403) {
    if (token_.empty())
      return failed(url_ + " answered " + status +
                    ": the server needs a token; give it with --token-file FILE");
    return failed(url_ + " answered " + status + ": the token from --token-file '" + token_file_ +
                  "' is wrong for this server");
  }
  if (!r.json)
    return failed(request.url + " answered " + status + " with a body that is not JSON (is " + url_ +
                  " a flowc server?)");
  const std::string code = error_field(r, "code");
  ServedModules out;
  if (r.status == 404 && code == "unknown_flow") {
    out.kind = ServedModules::Kind::NotServed;
    return out;
  }
  if (r.status == 410 && code == "flow_file_deleted") {
    out.kind = ServedModules::Kind::Deleted;
    return out;
  }
  if (r.status == 404)
    return failed(
        url_ + " has no GET /v1/flows/{name}/modules (is it an older flowc?): " + error_field(r, "message"));
  if (r.status != 200) {
    std::string message = error_field(r, "message");
    return failed(request.url + " answered " + status + (message.empty() ? "" : ": " + message));
  }
  auto field = r.json->is_object() ? r.json->find("modules") : r.json->end();
  auto modules = field != r.json->end() ? fingerprints_from_json(*field) : std::nullopt;
  if (!modules) return failed(request.url + " answered without a 'modules' object of strings");
  out.kind = ServedModules::Kind::Served;
  out.modules = std::move(*modules);
  auto version = r.json->find("version");
  if (version != r.json->end() && version->is_number_unsigned()) out.version = version->get<uint32_t>();
  return out;
}

std::optional<ModuleFingerprints> fingerprints_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  ModuleFingerprints out;
  for (const auto& [name, digest] : j.items()) {
    if (!digest.is_string()) return std::nullopt;
    out[name] = digest.get<std::string>();
  }
  return out;
}

}  // namespace flowc::cli
