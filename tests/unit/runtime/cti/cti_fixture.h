// A CTI configuration and service shared by the CTI unit tests.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "runtime/cti/cti_config.h"
#include "runtime/cti/inbound_call_service.h"
#include "runtime/cti/user_call_states.h"

namespace flowc::cti::testing {

inline CtiConfig test_config() {
  nlohmann::json j = {
      {"users",
       {{{"login", "user101"},
         {"name", "Ada Agent"},
         {"token", "agent-token-user101-abcdef"},
         {"privileges", {"gCallUser"}}},
        {{"login", "viewer"},
         {"token", "agent-token-viewer-abcdef0"},
         {"privileges", nlohmann::json::array()}}}},
      {"reasons",
       {{{"id", "1084CC0BCF18B24ABF86830DD046021FC0"},
         {"name", "Order status"},
         {"script", "Ask for the order."}},
        {{"id", "GI"}, {"name", "General Inquiry"}, {"script", "How can I help?"}}}},
      {"contacts",
       {{{"name", "Grace Hopper"}, {"email", "grace@example.com"}, {"phones", {"+1 (234) 567-890"}}},
        {{"name", "Berlin Caller"}, {"phones", {"+49 30 123456"}}}}}};
  std::string error;
  auto c = parse_cti_config(j, "", &error);
  if (!c) throw std::runtime_error(error);
  return *c;
}

// The service over a fixed clock, with no live calls.
struct Service {
  CtiConfig config = test_config();
  UserCallStates states;
  InboundCallService service{config, states, InboundCallOptions{[] { return int64_t{1000}; }, nullptr}};
};

}  // namespace flowc::cti::testing
