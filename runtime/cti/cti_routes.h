// The HTTP face of CTI: NexJ's SOA endpoint for updateCallState (token
// checked), and the agent console: its static files under GET /agent, its
// small API (/agent/api/…) and the Server-Sent Events stream that makes the
// beacon flash (/agent/events).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime/cti/inbound_call_service.h"
#include "runtime/cti/user_call_states.h"
#include "runtime/http/api.h"

namespace flowc::cti {

inline constexpr const char* kSoaPath = "/soa/nexj:call:InboundCall:1.0/json-rpc";

struct CtiRoutesOptions {
  // Bearer tokens accepted on the SOA endpoint; empty: anyone may call it.
  std::vector<std::string> rpc_tokens;
  std::string console_dir;  // index.html, console.js, console.css
  std::function<int64_t()> now_ms;
  std::function<void(const std::string&)> log;
};

class CtiRoutes : public http::RouteProvider {
 public:
  CtiRoutes(InboundCallService& service, UserCallStates& states, CtiRoutesOptions options);
  bool route(const http::Request& request, http::Respond& respond) override;

  // "event: NAME\ndata: JSON\n\n"
  static std::string sse_event(const std::string& name, const nlohmann::json& data);

 private:
  void soa(const http::Request& r, http::Respond& respond);
  void console_file(const std::string& name, http::Respond& respond);
  void console_api(const http::Request& r, const std::string& what, http::Respond& respond);
  void events(const http::Request& r, http::Respond& respond);
  const CtiUser* agent(const http::Request& r) const;  // from "Authorization: Bearer" or ?token=

  InboundCallService& service_;
  UserCallStates& states_;
  CtiRoutesOptions options_;
};

}  // namespace flowc::cti
