// `flowc serve --record DIR`: writes every finished call as a `.flowtest`
// scenario (runtime/flowtest/recorder.h) into DIR, once the call has ended
// and the answers of all its automations are in.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "runtime/engine/engine.h"
#include "runtime/flowtest/recorder.h"

namespace flowc::server {

class CallRecorder : public engine::EngineObserver {
 public:
  // log: where write failures go.
  CallRecorder(std::string dir, std::function<void(const std::string&)> log);
  ~CallRecorder() override;  // writes the calls still waiting for answers

  // The engine whose traces are read when calls end (set before calls start).
  void attach(const engine::Engine* engine) { engine_ = engine; }

  void automation_finished(const std::string& call_id, const engine::FlowVersion& flow,
                           const std::string& name, const engine::ActionResult& result) override;
  void call_ended(const std::string& call_id, const engine::FlowVersion& flow,
                  const std::string& reason) override;

  size_t written() const;

 private:
  struct Pending {
    flowtest::RecordedCall call;
    size_t requests = 0;  // sent by the call; the file is written when all are answered
    bool ended = false;
  };
  void write(Pending& p);  // under mu_

  std::string dir_;
  std::function<void(const std::string&)> log_;
  const engine::Engine* engine_ = nullptr;
  mutable std::mutex mu_;
  std::map<std::string, Pending> calls_;
  size_t written_ = 0;
};

}  // namespace flowc::server
