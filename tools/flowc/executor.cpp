// The real action executor for `flowc serve` and `flowc run`.
#include "runtime/client/action_runner.h"
#include "tools/flowc/cli.h"

namespace flowc::cli {

std::unique_ptr<engine::ActionExecutor> make_executor(boost::asio::io_context& io, const ExecutorSettings& s) {
  client::ActionRunnerOptions o;
  o.http.ca_file = s.ca_file;
  o.smtp.server = s.smtp_url;
  o.smtp.from = s.smtp_from;
  try {
    return std::make_unique<client::ActionRunner>(io, std::move(o));
  } catch (const std::exception& e) {
    usage_error(std::string("cannot set up the HTTP and SMTP clients: ") + e.what());
  }
}

}  // namespace flowc::cli
