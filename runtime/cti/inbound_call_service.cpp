// updateCallState: checks its params and the user, then updates the record.
#include "runtime/cti/inbound_call_service.h"

namespace flowc::cti {

using nlohmann::json;

namespace {

constexpr size_t kMaxLogin = 128;
constexpr size_t kMaxPhone = 32;
constexpr size_t kMaxReason = 128;
constexpr const char* kShape =
    "updateCallState takes [userLoginName, status, phoneNumber, reasonId] and optionally an object of extra "
    "User Call State fields";

RpcError bad(std::string detail) {
  return {kInvalidParams, "Invalid params", std::move(detail)};
}

}  // namespace

InboundCallService::InboundCallService(const CtiConfig& config, UserCallStates& states,
                                       InboundCallOptions options)
    : config_(config), states_(states), options_(std::move(options)) {
  rpc_.add("updateCallState", [this](const json& params) { return update_call_state(params); });
}

json InboundCallService::screen_pop(const std::string& digits, const json& reason_id, const json& extra,
                                    int64_t now_ms) const {
  const CallReason& reason = config_.reason(reason_id);
  const Contact* contact = config_.contact_by_phone(digits);
  json call = options_.find_call ? options_.find_call(digits) : json(nullptr);
  return {{"phone_number", digits},
          {"reason", {{"id", reason.id}, {"name", reason.name}, {"script", reason.script}}},
          {"reason_id_received", reason_id},
          {"contact", contact ? contact->record : json(nullptr)},
          {"call", call},
          {"extra", extra},
          {"rpc_received_ms", now_ms}};
}

RpcResult InboundCallService::update_call_state(const json& params) {
  json user, status, phone, reason, extra;
  if (params.is_array()) {
    if (params.size() < 4 || params.size() > 5) return bad(kShape);
    user = params[0], status = params[1], phone = params[2], reason = params[3];
    if (params.size() == 5) extra = params[4];
  } else if (params.is_object()) {
    for (const char* key : {"userLoginName", "status"})
      if (!params.contains(key)) return bad(std::string("missing \"") + key + "\"; " + kShape);
    user = params["userLoginName"];
    status = params["status"];
    phone = params.value("phoneNumber", json(nullptr));
    reason = params.value("reasonId", json(nullptr));
    extra = params.value("extra", json(nullptr));
  } else {
    return bad(kShape);
  }
  if (!user.is_string() || user.get_ref<const std::string&>().empty() ||
      user.get_ref<const std::string&>().size() > kMaxLogin)
    return bad("userLoginName must be a non-empty string of at most 128 characters");
  if (status != "CONNECTED" && status != "DISCONNECTED")
    return bad("status must be \"CONNECTED\" or \"DISCONNECTED\"");
  const bool connected = status == "CONNECTED";
  std::string digits;
  if (connected) {
    if (!phone.is_string() || phone.get_ref<const std::string&>().size() > kMaxPhone)
      return bad("phoneNumber must be the caller's number (a string of digits) for CONNECTED");
    digits = phone_digits(phone);
    if (digits.empty() || digits.size() != phone.get_ref<const std::string&>().size())
      return bad("phoneNumber must be an unformatted telephone number: digits only");
  } else if (!phone.is_null() && !phone.is_string()) {
    return bad("phoneNumber must be null (or a string) for DISCONNECTED");
  }
  if (reason.is_number_integer()) reason = reason.dump();
  if (!reason.is_null() && !(reason.is_string() && reason.get_ref<const std::string&>().size() <= kMaxReason))
    return bad("reasonId must be a string (a call reason id) or null");
  if (!extra.is_null() && !extra.is_object())
    return bad("the extra User Call State fields must be an object");
  const std::string& login = user.get_ref<const std::string&>();
  const CtiUser* u = config_.user_by_login(login);
  if (!u)
    return RpcError{kUnknownUser, "Unknown user", "no user '" + login + "' is configured to receive calls"};
  if (!u->call_user)
    return RpcError{kNotCallUser, "Not a call user",
                    "user '" + login + "' does not hold the " + config_.privilege + " privilege"};
  const int64_t now = options_.now_ms();
  UserCallState s =
      connected ? states_.connect(login, digits, reason, extra, screen_pop(digits, reason, extra, now), now)
                : states_.disconnect(login, now);
  json out = s.to_json();
  out.erase("screen_pop");
  out["reason"] = connected ? json(config_.reason(reason).name) : json(nullptr);
  return out;
}

}  // namespace flowc::cti
