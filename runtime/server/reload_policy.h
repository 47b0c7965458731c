// The operator's choices for reloads: what happens to the calls running on
// the old version (`flowc serve --reload`) and to a flow whose file is
// deleted (`--on-delete`).
#pragma once

namespace flowc::server {

// Pin: a call finishes on the version it started on. Migrate: it moves to the
// new version at its next module boundary when its module exists there
// (same name), keeping its session; otherwise it stays pinned.
enum class ReloadPolicy { Pin, Migrate };

// It stops taking new calls, or its last version keeps serving. Active
// calls finish either way.
enum class DeletePolicy { Stop, Keep };

}  // namespace flowc::server
