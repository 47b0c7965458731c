// Shared CLI helpers.
#include "tools/flowc/cli.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>

#include "compiler/codegen/jit.h"
#include "compiler/interp/interpreter.h"
#include "compiler/sema/durations.h"
#include "stdlib/text.h"

namespace flowc::cli {

void usage_error(const std::string& message) {
  std::cerr << "flowc: " << message << "\n(run 'flowc help' for the usage)\n";
  std::exit(2);
}

uint64_t parse_duration_arg(const std::string& option, const std::string& value) {
  std::string why;
  auto ms = sema::parse_duration(value, &why);
  if (!ms) usage_error(option + ": " + why);
  return *ms;
}

void parse_listen(const std::string& value, std::string* address, uint16_t* port) {
  size_t colon = value.rfind(':');
  std::string host = colon == std::string::npos ? "" : value.substr(0, colon);
  std::string p = colon == std::string::npos ? value : value.substr(colon + 1);
  char* end = nullptr;
  long n = std::strtol(p.c_str(), &end, 10);
  if (p.empty() || *end || n < 0 || n > 65535) usage_error("--listen: '" + value + "' is not ADDRESS:PORT");
  *address = host.empty() ? "127.0.0.1" : host;
  *port = static_cast<uint16_t>(n);
}

engine::CodeFactory make_code_factory(const std::string& engine_name) {
  if (engine_name == "interp") {
    return [](const ir::Flow& flow, std::string*) { return interp::make_interpreter(flow); };
  }
  if (engine_name != "jit") usage_error("--engine must be jit or interp");
  auto jit = std::shared_ptr<codegen::JitContext>();
  auto mu = std::make_shared<std::mutex>();
  return [jit, mu](const ir::Flow& flow, std::string* error) mutable -> std::unique_ptr<stdlib::FlowCode> {
    {
      std::lock_guard lock(*mu);
      if (!jit) jit = codegen::JitContext::create(error);
    }
    if (!jit) return nullptr;
    return codegen::compile(*jit, flow, error);
  };
}

void print_module_changes(const ModuleChanges& changes, std::ostream& out) {
  for (const auto& m : changes.added) out << "+ module " << m << "\n";
  for (const auto& m : changes.removed) out << "- module " << m << "\n";
  for (const auto& m : changes.changed) out << "~ module " << m << "\n";
  out << (changes.empty() ? "a reload would change no module; " : "a reload would change ")
      << changes.summary() << "\n";
  if (!changes.removed.empty())
    out << "calls in a removed module stay on the running version until they end\n";
}

void log_line(const std::string& message) {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  static std::mutex mu;  // one line at a time from every thread
  std::lock_guard lock(mu);
  std::cerr << stdlib::iso_time_utc(ms) << " " << message << "\n";
}

}  // namespace flowc::cli
