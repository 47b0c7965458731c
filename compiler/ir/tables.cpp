// Building stdlib::FlowTables from the IR.
#include "compiler/ir/tables.h"

namespace flowc::ir {

stdlib::FlowTables make_tables(const Flow& f, stdlib::TimeZoneCache& zones) {
  stdlib::FlowTables t;
  t.flow_name = f.name;
  t.start_block = f.start_block;
  t.cti_protocol = f.cti_protocol;
  t.cti_endpoint = f.cti_endpoint;
  t.cti_timeout_ms = f.cti_timeout_ms;
  t.cti_retries = f.cti_retries;
  for (const auto& s : f.slots) {
    stdlib::SlotInfo i;
    i.name = s.name;
    i.space = s.ns == Namespace::Call  ? stdlib::SlotSpace::Call
              : s.ns == Namespace::App ? stdlib::SlotSpace::App
                                       : stdlib::SlotSpace::Ivr;
    i.type = s.type;
    i.enum_values = s.enum_values;
    i.secret = s.secret;
    i.declared = s.declared;
    t.slots.push_back(std::move(i));
  }
  for (const auto& s : f.states) {
    t.states.push_back(s.name);
    t.state_entries.push_back(s.entry);
  }
  for (const auto& a : f.automations) {
    stdlib::AutomationInfo i;
    i.name = a.name;
    i.email = a.kind == ActionKind::Email;
    i.assigns = a.kind == ActionKind::Set;
    i.method = a.method;
    i.timeout_ms = a.timeout_ms;
    i.retries = a.retries;
    for (const auto& m : a.maps) i.maps.push_back({m.slot, m.path});
    i.on_call_start = a.on_call_start;
    i.on_call_end = a.on_call_end;
    i.when_trigger = a.when_trigger;
    t.automations.push_back(std::move(i));
  }
  for (const auto& r : f.regexes) {
    try {
      t.regexes.push_back(std::make_unique<std::regex>(r, std::regex::ECMAScript));
    } catch (const std::regex_error&) {
      t.regexes.push_back(nullptr);  // the checker rejects these; never matches
    }
  }
  for (const auto& h : f.hours) {
    stdlib::HoursTable ht;
    for (const auto& r : h.ranges) ht.ranges.push_back({r.first_day, r.last_day, r.from_minute, r.to_minute});
    std::string error;
    ht.zone = h.time_zone == "UTC" ? stdlib::TimeZone::fixed("UTC", 0) : zones.get(h.time_zone, &error);
    if (!ht.zone) ht.zone = stdlib::TimeZone::fixed("UTC", 0);
    t.hours.push_back(std::move(ht));
  }
  return t;
}

}  // namespace flowc::ir
