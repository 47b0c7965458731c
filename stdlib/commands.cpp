// Command names and fields (see abi.h RT_CMD_* and docs/api.md).
#include "stdlib/commands.h"

#include "stdlib/abi.h"

namespace flowc::stdlib {

const char* command_type(uint32_t command) {
  switch (command) {
    case RT_CMD_PLAY: return "play";
    case RT_CMD_SAY: return "say";
    case RT_CMD_COLLECT: return "collect";
    case RT_CMD_ENQUEUE: return "enqueue";
    case RT_CMD_TRANSFER: return "transfer";
    case RT_CMD_HANGUP: return "hangup";
    case RT_CMD_PAUSE: return "pause";
    default: return "unknown";
  }
}

const std::vector<const char*>& command_fields(uint32_t command) {
  static const std::vector<const char*> kPlay{"url"};
  static const std::vector<const char*> kSay{"text", "voice", "language"};
  static const std::vector<const char*> kCollect{"max_digits", "min_digits", "terminator", "timeout_ms",
                                                 "say",        "play",       "voice",      "language"};
  static const std::vector<const char*> kEnqueue{"queue", "reason", "priority", "timeout_ms"};
  static const std::vector<const char*> kTransfer{"to", "timeout_ms"};
  static const std::vector<const char*> kHangup{"reason"};
  static const std::vector<const char*> kPause{"ms"};
  static const std::vector<const char*> kNone{};
  switch (command) {
    case RT_CMD_PLAY: return kPlay;
    case RT_CMD_SAY: return kSay;
    case RT_CMD_COLLECT: return kCollect;
    case RT_CMD_ENQUEUE: return kEnqueue;
    case RT_CMD_TRANSFER: return kTransfer;
    case RT_CMD_HANGUP: return kHangup;
    case RT_CMD_PAUSE: return kPause;
    default: return kNone;
  }
}

}  // namespace flowc::stdlib
