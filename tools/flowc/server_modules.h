// `flowc serve --dry-run --server URL`: asks a running flowc server which
// modules its running version of a flow has (GET /v1/flows/{name}/modules),
// through the runtime's HTTP client, one request at a time on the calling
// thread. Prints nothing: the caller reports.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/driver/module_diff.h"

namespace flowc::cli {

struct ServedModules {
  enum class Kind {
    Served,     // the server runs a version of the flow
    NotServed,  // it knows no such flow (404 unknown_flow)
    Deleted,    // its file there was deleted and it takes no new calls (410)
    Failed,     // no usable answer: `message` says why
  };
  Kind kind = Kind::Failed;
  uint32_t version = 0;
  ModuleFingerprints modules;  // module → digest, as the endpoint answers
  std::string message;         // Failed: what went wrong
};

class ServerModulesClient {
 public:
  // `url`: http[s]://host[:port], optionally with a path prefix; `token`:
  // the bearer token ("" sends none), read from `token_file` (for messages).
  ServerModulesClient(std::string url, std::string token, std::string token_file);
  ~ServerModulesClient();
  ServerModulesClient(const ServerModulesClient&) = delete;
  ServerModulesClient& operator=(const ServerModulesClient&) = delete;

  // "" when the URL can be asked, else why not (a bad URL).
  std::string check_url() const;
  const std::string& url() const { return url_; }
  ServedModules get(const std::string& flow);

 private:
  struct Impl;
  std::string url_;  // without a trailing slash
  std::string token_, token_file_;
  std::unique_ptr<Impl> impl_;
};

// {"module": "digest", …} → fingerprints; nullopt when it is not that shape.
std::optional<ModuleFingerprints> fingerprints_from_json(const nlohmann::json& j);

}  // namespace flowc::cli
