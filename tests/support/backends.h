// The code factories behind code_factory(Backend): one per back end, each in
// its own file (backends_interp.cpp, backends_jit.cpp) so a test binary
// built without the JIT still links; and the tier control of the JIT's.
#pragma once

#include "runtime/engine/flow_version.h"
#include "tests/support/flow_fixture.h"

namespace flowc::testing {

engine::CodeFactory interp_code_factory();
// The JIT's factories (Backend::Jit, JitTier0 or JitTiered): one JitContext
// per back end and process, created on first use. When the JIT is not built
// (no FLOWC_TEST_HAVE_JIT) their code fails to build with an error saying so.
engine::CodeFactory jit_code_factory(Backend b = Backend::Jit);

// Backend::JitTiered: runs the tier-ups held so far (every version compiled
// on it since the last call) and returns once their O2 code is live; the
// next ones are held again. Calls may run on other threads meanwhile. Does
// nothing for the other back ends.
void run_tier_ups(Backend b);
// Whether `code` runs the JIT's O2 code now (false on tier 0 and for the
// interpreter's code).
bool runs_optimised(const stdlib::FlowCode& code);

}  // namespace flowc::testing
