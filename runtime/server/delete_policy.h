// What happens to a flow whose file is deleted (`flowc serve --on-delete`).
#pragma once

namespace flowc::server {

// It stops taking new calls, or its last version keeps serving. Active
// calls finish either way.
enum class DeletePolicy { Stop, Keep };

}  // namespace flowc::server
