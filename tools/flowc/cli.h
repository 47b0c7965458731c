// Shared pieces of the flowc subcommands: usage errors, durations and
// listen addresses in arguments, the code factory for --engine, logging,
// reload reports.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include "compiler/driver/module_diff.h"
#include "runtime/engine/flow_version.h"

namespace boost::asio {
class io_context;
}
namespace flowc::engine {
class ActionExecutor;
}

namespace flowc::cli {

[[noreturn]] void usage_error(const std::string& message);

uint64_t parse_duration_arg(const std::string& option, const std::string& value);
// "127.0.0.1:8080", ":8080", "8080" → address and port.
void parse_listen(const std::string& value, std::string* address, uint16_t* port);

// The code factory for --engine=jit|interp; the JIT is created on first use
// and lives as long as the returned factory.
engine::CodeFactory make_code_factory(const std::string& engine_name);

// One line on stderr with a UTC timestamp.
void log_line(const std::string& message);

struct ExecutorSettings {
  std::string smtp_url;   // "" = no email
  std::string smtp_from = "flowc@localhost";
  std::string ca_file;    // extra CA for https
};
// The real action executor (HTTP client + SMTP) on `io`.
std::unique_ptr<engine::ActionExecutor> make_executor(boost::asio::io_context& io, const ExecutorSettings& s);

// What a reload would change, one line per module added (+), removed (-)
// and changed (~), then the summary: `flowc check --diff` and
// `flowc serve --dry-run --server` report alike.
void print_module_changes(const ModuleChanges& changes, std::ostream& out);

int cmd_serve(int argc, char** argv);
int cmd_run(int argc, char** argv);
int cmd_test(int argc, char** argv);

}  // namespace flowc::cli
