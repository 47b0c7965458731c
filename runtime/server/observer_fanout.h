// Several engine observers behind the engine's one: the metrics, the CTI
// notifier and the --record recorder all hear every call event, in the
// order they were added.
#pragma once

#include <vector>

#include "runtime/engine/engine.h"

namespace flowc::server {

class ObserverFanout : public engine::EngineObserver {
 public:
  void add(engine::EngineObserver* o) {
    if (o) list_.push_back(o);
  }

  void call_started(const std::string& id, const engine::FlowVersion& f) override {
    for (auto* o : list_) o->call_started(id, f);
  }
  void call_ended(const std::string& id, const engine::FlowVersion& f, const std::string& reason) override {
    for (auto* o : list_) o->call_ended(id, f, reason);
  }
  void event_handled(const std::string& id, const engine::FlowVersion& f) override {
    for (auto* o : list_) o->event_handled(id, f);
  }
  void automation_finished(const std::string& id, const engine::FlowVersion& f, const std::string& name,
                           const engine::ActionResult& r) override {
    for (auto* o : list_) o->automation_finished(id, f, name, r);
  }
  void agent_connected(const std::string& id, const engine::FlowVersion& f, const std::string& agent,
                       const std::string& caller, const nlohmann::json& reason) override {
    for (auto* o : list_) o->agent_connected(id, f, agent, caller, reason);
  }
  void agent_disconnected(const std::string& id, const engine::FlowVersion& f,
                          const std::string& agent) override {
    for (auto* o : list_) o->agent_disconnected(id, f, agent);
  }

 private:
  std::vector<engine::EngineObserver*> list_;  // set up before the engine starts; read-only after
};

}  // namespace flowc::server
