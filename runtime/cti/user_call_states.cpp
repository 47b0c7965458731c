// User Call State records and the listeners of each user's console.
#include "runtime/cti/user_call_states.h"

namespace flowc::cti {

using nlohmann::json;

json UserCallState::to_json() const {
  return {{"user", user},
          {"beacon_clicked", beacon_clicked},
          {"phone_number", phone_number.empty() ? json(nullptr) : json(phone_number)},
          {"status", status},
          {"reason_id", reason_id},
          {"extra", extra},
          {"call_seq", call_seq},
          {"screen_pop", screen_pop},
          {"updated_at_ms", updated_at_ms}};
}

UserCallState UserCallStates::connect(const std::string& user, const std::string& phone,
                                      const json& reason_id, const json& extra, json screen_pop,
                                      int64_t now_ms) {
  UserCallState copy;
  {
    std::lock_guard lock(mu_);
    UserCallState& s = states_[user];
    s.user = user;
    s.status = "CONNECTED";
    s.beacon_clicked = false;
    s.phone_number = phone;
    s.reason_id = reason_id;
    s.extra = extra;
    s.screen_pop = std::move(screen_pop);
    s.updated_at_ms = now_ms;
    ++s.call_seq;
    copy = s;
  }
  notify(user, {{"type", "connected"}, {"state", copy.to_json()}});
  return copy;
}

UserCallState UserCallStates::disconnect(const std::string& user, int64_t now_ms) {
  UserCallState copy;
  {
    std::lock_guard lock(mu_);
    UserCallState& s = states_[user];
    s.user = user;
    s.status = "DISCONNECTED";
    s.beacon_clicked = true;
    s.phone_number.clear();
    s.reason_id = nullptr;
    s.extra = nullptr;
    s.screen_pop = nullptr;
    s.updated_at_ms = now_ms;
    copy = s;
  }
  notify(user, {{"type", "disconnected"}, {"state", copy.to_json()}});
  return copy;
}

std::optional<UserCallState> UserCallStates::click_beacon(const std::string& user, int64_t now_ms) {
  UserCallState copy;
  {
    std::lock_guard lock(mu_);
    auto it = states_.find(user);
    if (it == states_.end()) return std::nullopt;
    it->second.beacon_clicked = true;
    it->second.updated_at_ms = now_ms;
    copy = it->second;
  }
  notify(user, {{"type", "beacon_clicked"}, {"state", copy.to_json()}});
  return copy;
}

std::optional<UserCallState> UserCallStates::get(const std::string& user) const {
  std::lock_guard lock(mu_);
  auto it = states_.find(user);
  if (it == states_.end()) return std::nullopt;
  return it->second;
}

uint64_t UserCallStates::subscribe(const std::string& user, Listener listener) {
  std::lock_guard lock(mu_);
  uint64_t id = next_sub_++;
  subs_[id] = Sub{user, std::move(listener)};
  return id;
}

void UserCallStates::unsubscribe(uint64_t id) {
  std::lock_guard lock(mu_);
  subs_.erase(id);
}

size_t UserCallStates::listeners(const std::string& user) const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const auto& [id, s] : subs_)
    if (s.user == user) ++n;
  return n;
}

void UserCallStates::notify(const std::string& user, const json& event) {
  // Listeners only queue bytes on their connection: calling them under the
  // lock keeps the order of events per user.
  std::lock_guard lock(mu_);
  for (auto it = subs_.begin(); it != subs_.end();) {
    if (it->second.user == user && !it->second.listener(event))
      it = subs_.erase(it);
    else
      ++it;
  }
}

}  // namespace flowc::cti
