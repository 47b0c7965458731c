// NexJ's call:InboundCall SOA service: the JSON-RPC method updateCallState
// over the User Call State records, with the call-user privilege check and
// the screen pop (matched contact, the active call's session, the reason's
// call script) that a CONNECTED message prepares for the agent's console.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "runtime/cti/cti_config.h"
#include "runtime/cti/json_rpc.h"
#include "runtime/cti/user_call_states.h"

namespace flowc::cti {

// Application error codes of updateCallState.
enum CtiCode : int {
  kUnknownUser = -32001,  // no such userLoginName
  kNotCallUser = -32002,  // the user lacks the call-user privilege
};

struct InboundCallOptions {
  std::function<int64_t()> now_ms;  // required
  // The active call of a caller (digits only): {"call_id","flow","session"},
  // or null when there is none. Optional.
  std::function<nlohmann::json(const std::string& digits)> find_call;
};

class InboundCallService {
 public:
  InboundCallService(const CtiConfig& config, UserCallStates& states, InboundCallOptions options);

  // A request body of POST /soa/nexj:call:InboundCall:1.0/json-rpc; nullopt
  // when nothing is to be answered (notifications only).
  std::optional<std::string> handle(std::string_view body) const { return rpc_.handle(body); }

  // params: [userLoginName, status, phoneNumber, reasonId(, {extra fields})]
  // or the same by name.
  RpcResult update_call_state(const nlohmann::json& params);

  // What the Inbound Call workspace shows for a call from `digits`.
  nlohmann::json screen_pop(const std::string& digits, const nlohmann::json& reason_id,
                            const nlohmann::json& extra, int64_t now_ms) const;

  const CtiConfig& config() const { return config_; }

 private:
  const CtiConfig& config_;
  UserCallStates& states_;
  InboundCallOptions options_;
  JsonRpc rpc_;
};

}  // namespace flowc::cti
