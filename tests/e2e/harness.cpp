// The e2e harness: posix_spawn with output redirected to a log file, port
// files, a blocking Beast client with a deadline.
#include "tests/e2e/harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

extern char** environ;

namespace flowc::e2e {

namespace fs = std::filesystem;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

Process::Process(const std::string& name, const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env, const std::string& log_path,
                 const std::string& err_path)
    : name_(name), log_path_(log_path), err_path_(err_path) {
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    if (!env.count(kv.substr(0, kv.find('=')))) envs.push_back(kv);
  }
  for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
  std::vector<char*> cargv, cenv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  for (const auto& e : envs) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (err_path.empty())
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
  else
    posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (posix_spawn(&pid_, cargv[0], &fa, nullptr, cargv.data(), cenv.data()) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&fa);
}

Process::~Process() {
  if (pid_ > 0 && status_ < 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool Process::running() {
  if (pid_ <= 0 || status_ >= 0) return false;
  int st = 0;
  if (::waitpid(pid_, &st, WNOHANG) == pid_) {
    status_ = st;
    return false;
  }
  return true;
}

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string Process::log() const {
  return read_all(log_path_);
}
std::string Process::errors() const {
  return err_path_.empty() ? std::string() : read_all(err_path_);
}

int Process::exit_status() const {
  return status_ >= 0 && WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

int Process::stop(std::chrono::milliseconds grace) {
  if (!running()) return exit_status();
  ::kill(pid_, SIGTERM);
  return wait(grace);
}

int Process::wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!running()) return exit_status();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status_, 0);
  return -1;
}

uint16_t wait_for_port_file(const std::string& path, Process& owner, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(path);
    int port = 0;
    if (in >> port && port > 0) return static_cast<uint16_t>(port);
    if (!owner.running()) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}

HttpResult http(uint16_t port, const std::string& method, const std::string& target, const std::string& body,
                const std::map<std::string, std::string>& headers, std::chrono::milliseconds timeout) {
  HttpResult r;
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(timeout);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    bhttp::read(stream, buffer, parser);
    r.status = parser.get().result_int();
    r.body = parser.get().body();
    r.json = nlohmann::json::parse(r.body, nullptr, false);
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

HttpResult post_json(uint16_t port, const std::string& target, const nlohmann::json& body, const std::string& token) {
  std::map<std::string, std::string> h;
  if (!token.empty()) h["Authorization"] = "Bearer " + token;
  return http(port, "POST", target, body.dump(), h);
}

HttpResult get(uint16_t port, const std::string& target, const std::string& token) {
  std::map<std::string, std::string> h;
  if (!token.empty()) h["Authorization"] = "Bearer " + token;
  return http(port, "GET", target, "", h);
}

namespace {

// A blocking loopback socket with a receive timeout, connected and having
// sent `bytes`; -1 on failure.
int send_raw(uint16_t port, const std::string& bytes, std::chrono::milliseconds deadline) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{};
  tv.tv_sec = deadline.count() / 1000;
  tv.tv_usec = (deadline.count() % 1000) * 1000;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::send(fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

bool closed_by_server(uint16_t port, const std::string& bytes, std::chrono::milliseconds deadline) {
  int fd = send_raw(port, bytes, deadline);
  if (fd < 0) return false;
  char buf[256];
  ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  ::close(fd);
  return n == 0 || (n < 0 && errno == ECONNRESET);  // EOF: closed without an answer
}

std::string raw_exchange(uint16_t port, const std::string& bytes, std::chrono::milliseconds deadline) {
  int fd = send_raw(port, bytes, deadline);
  if (fd < 0) return {};
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

bool wait_healthy(uint16_t port, Process& owner, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (get(port, "/healthz").status == 200) return true;
    if (!owner.running()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string scratch_dir(const std::string& test_name) {
  fs::path p = fs::path(FLOWC_E2E_SCRATCH) / test_name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string bin(const std::string& relative) { return std::string(FLOWC_BIN_DIR) + "/" + relative; }
std::string source_dir() { return FLOWC_SOURCE_DIR; }

}  // namespace flowc::e2e
