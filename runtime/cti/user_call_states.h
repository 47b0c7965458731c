// User Call State records (the NexJ document's fields: user, beacon clicked,
// phone number, status, call reason) kept per user, and the agents' consoles
// subscribed to their own user's changes (the push side of the beacon).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace flowc::cti {

struct UserCallState {
  std::string user;
  bool beacon_clicked = true;  // nothing flashes until a call connects
  std::string phone_number;    // digits only; "" when disconnected
  std::string status = "DISCONNECTED";
  nlohmann::json reason_id;   // as received (null: General Inquiry)
  nlohmann::json extra;       // the document's extension fields, or null
  uint64_t call_seq = 0;      // which call of this user (1, 2, …)
  nlohmann::json screen_pop;  // what the workspace shows; null when disconnected
  int64_t updated_at_ms = 0;

  nlohmann::json to_json() const;
};

class UserCallStates {
 public:
  // A console's listener: gets {"type":…, "state":…}; returns false when
  // it is gone (then it is dropped).
  using Listener = std::function<bool(const nlohmann::json& event)>;

  // CONNECTED: the call details set, the beacon flashing. DISCONNECTED: the
  // call details cleared. Returns the record after the change.
  UserCallState connect(const std::string& user, const std::string& phone, const nlohmann::json& reason_id,
                        const nlohmann::json& extra, nlohmann::json screen_pop, int64_t now_ms);
  UserCallState disconnect(const std::string& user, int64_t now_ms);
  // The user clicked the beacon: it stops flashing. nullopt without a record.
  std::optional<UserCallState> click_beacon(const std::string& user, int64_t now_ms);
  std::optional<UserCallState> get(const std::string& user) const;

  uint64_t subscribe(const std::string& user, Listener listener);
  void unsubscribe(uint64_t id);
  size_t listeners(const std::string& user) const;

 private:
  void notify(const std::string& user, const nlohmann::json& event);

  mutable std::mutex mu_;
  std::map<std::string, UserCallState> states_;
  struct Sub {
    std::string user;
    Listener listener;
  };
  std::map<uint64_t, Sub> subs_;
  uint64_t next_sub_ = 1;
};

}  // namespace flowc::cti
