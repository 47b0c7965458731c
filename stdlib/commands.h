// The commands a flow sends to the telephony side: their JSON "type" and the
// fields each carries, in the order rt_emit receives them.
#pragma once

#include <cstdint>
#include <vector>

namespace flowc::stdlib {

constexpr uint32_t kCommandCount = 7;  // RT_CMD_PLAY … RT_CMD_PAUSE

const char* command_type(uint32_t command);
const std::vector<const char*>& command_fields(uint32_t command);

}  // namespace flowc::stdlib
