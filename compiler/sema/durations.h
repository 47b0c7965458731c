// Durations as written in flows ("500ms", "2s", "1.5m", "1h") → milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowc::sema {

// The duration in milliseconds, or nullopt with a reason in *why.
std::optional<uint64_t> parse_duration(std::string_view text, std::string* why);

// Human form of a millisecond count: "2s", "1.5s", "250ms", "2m".
std::string format_duration(uint64_t ms);

}  // namespace flowc::sema
