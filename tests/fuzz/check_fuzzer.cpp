// libFuzzer target: the front end (parse, check, lower, verify) on arbitrary
// bytes. Build with -DFLOWC_FUZZ=ON and clang; see tests/fuzz/CMakeLists.txt.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/check_one.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  flowc::fuzz::check_one(data, size);
  return 0;
}
