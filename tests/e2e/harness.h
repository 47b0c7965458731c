// End-to-end test harness: starts real processes (flowc serve, the CRM
// stub, the SMTP sink) on loopback ports they choose themselves, waits for
// them by their port files and /healthz (never a fixed port or a sleep), and
// talks HTTP to them.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace flowc::e2e {

// A child process; killed (SIGTERM, then SIGKILL) when destroyed.
class Process {
 public:
  // Its stdout goes to `log_path`, and its stderr too unless `err_path` is
  // given (then there, apart).
  Process(const std::string& name, const std::vector<std::string>& argv,
          const std::map<std::string, std::string>& env, const std::string& log_path,
          const std::string& err_path = "");
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  bool running();
  int pid() const { return pid_; }
  const std::string& log_path() const { return log_path_; }
  std::string log() const;     // what it printed so far
  std::string errors() const;  // what it printed on stderr, when kept apart
  // Stops it with SIGTERM and returns the exit status (or -1).
  int stop(std::chrono::milliseconds grace = std::chrono::milliseconds(5000));
  // Waits for it to end by itself and returns the exit status; -1 when it
  // was killed (SIGKILL once `timeout` is over) or died of a signal.
  int wait(std::chrono::milliseconds timeout = std::chrono::milliseconds(60000));

 private:
  int exit_status() const;

  std::string name_;
  std::string log_path_;
  std::string err_path_;
  int pid_ = -1;
  int status_ = -1;
};

// Waits for a port file the process writes once listening; 0 on timeout.
uint16_t wait_for_port_file(const std::string& path, Process& owner,
                            std::chrono::milliseconds timeout = std::chrono::milliseconds(30000));

struct HttpResult {
  int status = 0;  // 0: no answer (connection failed)
  std::string body;
  nlohmann::json json;  // parsed body, or discarded
  std::string error;
};

// One HTTP/1.1 request on a fresh connection, with a timeout.
HttpResult http(uint16_t port, const std::string& method, const std::string& target, const std::string& body = "",
                const std::map<std::string, std::string>& headers = {},
                std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
HttpResult post_json(uint16_t port, const std::string& target, const nlohmann::json& body, const std::string& token = "");
HttpResult get(uint16_t port, const std::string& target, const std::string& token = "");

// Sends raw bytes and reports whether the server closed the connection
// (without answering) before the deadline.
bool closed_by_server(uint16_t port, const std::string& bytes, std::chrono::milliseconds deadline);

// Sends raw bytes and returns everything the server sends back until it
// closes the connection or the deadline passes.
std::string raw_exchange(uint16_t port, const std::string& bytes, std::chrono::milliseconds deadline);

// Polls GET /healthz until it answers 200.
bool wait_healthy(uint16_t port, Process& owner, std::chrono::milliseconds timeout = std::chrono::milliseconds(30000));

// A fresh directory under the build tree for one test's files.
std::string scratch_dir(const std::string& test_name);

// Paths of the built programs (from the FLOWC_BIN_DIR compile definition).
std::string bin(const std::string& relative);
std::string source_dir();

}  // namespace flowc::e2e
