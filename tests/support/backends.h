// The code factories behind code_factory(Backend): one per back end, each in
// its own file (backends_interp.cpp, backends_jit.cpp) so a test binary
// built without the JIT still links.
#pragma once

#include "runtime/engine/flow_version.h"

namespace flowc::testing {

engine::CodeFactory interp_code_factory();
// The JIT's factory: one JitContext per process, created on first use. When
// the JIT is not built (no FLOWC_TEST_HAVE_JIT) its code fails to build with
// an error saying so.
engine::CodeFactory jit_code_factory();

}  // namespace flowc::testing
