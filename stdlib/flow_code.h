// What the runtime needs of a loaded flow version: its compiled entry points
// (FlowCode: JIT or interpreter, same behaviour) and its tables (slots,
// automations, regexes, business hours) in runtime form.
#pragma once

#include <cstdint>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "stdlib/abi.h"
#include "stdlib/hours.h"
#include "stdlib/timezone.h"
#include "stdlib/value_type.h"

namespace flowc::stdlib {

class FlowCode {
 public:
  virtual ~FlowCode() = default;
  // Runs the call from call->resume with call->event until it suspends or
  // ends; returns RT_SUSPEND_CALLER, RT_SUSPEND_EXTERNAL or RT_ENDED.
  virtual uint32_t on_event(rt_call* call) = 0;
  virtual bool trigger(rt_call* call, uint32_t index) = 0;
  // Evaluates automation `index`'s templates into `request` (a Request*);
  // for a `set` automation, makes its assignments (request is null).
  virtual void build(rt_call* call, uint32_t index, void* request) = 0;
  virtual const char* engine_name() const = 0;  // "jit" or "interp"
};

enum class SlotSpace : uint8_t { Call, Ivr, App };

struct SlotInfo {
  std::string name;
  SlotSpace space = SlotSpace::Ivr;
  ValueType type = ValueType::Any;
  std::vector<std::string> enum_values;
  bool secret = false;
  bool declared = false;
};

struct ResponseMapping {
  uint32_t slot = 0;
  std::vector<std::string> path;
};

struct AutomationInfo {
  std::string name;
  bool email = false;
  bool assigns = false;  // a `set` automation: done at once by FlowCode::build, no request
  std::string method;    // HTTP
  uint32_t timeout_ms = 5000;
  uint32_t retries = 0;
  std::vector<ResponseMapping> maps;
  bool on_call_start = false;
  bool on_call_end = false;
  int32_t when_trigger = -1;
};

struct HoursTable {
  std::vector<HoursRange> ranges;
  std::shared_ptr<const TimeZone> zone;
};

struct FlowTables {
  std::string flow_name;
  std::vector<SlotInfo> slots;
  std::vector<std::string> states;      // module names
  std::vector<uint32_t> state_entries;  // the entry block of each module (migration resumes there)
  std::vector<AutomationInfo> automations;
  std::vector<std::unique_ptr<std::regex>> regexes;
  std::vector<HoursTable> hours;
  uint32_t start_block = 0;
  std::string cti_protocol, cti_endpoint;
  uint32_t cti_timeout_ms = 5000, cti_retries = 2;

  int32_t slot_of(std::string_view name) const;
  int32_t state_of(std::string_view module) const;  // -1: no such module
};

}  // namespace flowc::stdlib
