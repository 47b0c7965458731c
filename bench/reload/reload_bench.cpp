// flowc_reload_bench: hot reload under load. Starts `flowc serve --watch` on
// a scratch flow file, keeps C callers playing whole calls over keep-alive
// loopback connections, and meanwhile rewrites the file N times, valid and
// broken versions alternating, waiting after each save until /v1/flows shows
// it handled. Reports failed requests, lost calls (started and never ended,
// or ended on another version than they started on), reload-to-live latency
// p50/p99 and the server's RSS before and after, as a table and JSON.
//
// With --reload migrate the server runs `--reload=migrate`: a call may then
// move to newer versions at its module boundaries (counted as moved), and
// only a call that saw an older version after a newer one counts as lost.
//
// The server's RSS is compared at rest (load stopped, traces expired)
// after a warm-up of --warmup rewrites and after the measured ones.
//
//   flowc_reload_bench [--flowc PATH] [--rewrites 200] [--warmup 20]
//                      [--callers 4] [--debounce 50ms] [--reload pin|migrate]
//                      [--dir DIR] [--json FILE]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "bench/common/percentile.h"

extern char** environ;

namespace {

using flowc::bench::percentile;

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string flowc = FLOWC_BIN;
  int rewrites = 200;
  int warmup = 20;  // rewrites before the baseline, not counted
  int callers = 4;
  std::string debounce = "50ms";
  std::string dir;
  std::string json_out;
  bool migrate = false;  // --reload migrate
};

// Version k of the flow: every prompt carries k, so a call shows which
// version it ran on from start to end.
std::string valid_flow(int k) {
  std::string v = std::to_string(k);
  return "flow stress\nstart welcome\n\n"
         "module welcome = say \"welcome v" +
         v +
         "\"\n  next ask\n\n"
         "module ask = input digits 4 into code timeout 5s\n  prompt \"code v" +
         v +
         "\"\n  on timeout -> bye\n  next thanks\n\n"
         "module thanks = say \"thanks v" +
         v +
         "\"\n  next bye\n\n"
         "module bye = hangup\n";
}
std::string broken_flow(int k) {
  return "flow stress\nstart welcome\n\nmodule welcome = say \"broken " + std::to_string(k) +
         "\"\n  next nowhere\n\nmodule bye = hangup\n";
}

void save(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp~";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
  }
  fs::rename(tmp, path);
}

// One keep-alive HTTP connection.
class Client {
 public:
  explicit Client(uint16_t port) : port_(port), socket_(io_) {}
  // Status (0 when the connection failed) and body.
  std::pair<int, std::string> request(http::verb method, const std::string& target,
                                      const std::string& body = "") {
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        if (!socket_.is_open()) socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        req.keep_alive(true);
        if (!body.empty()) {
          req.set(http::field::content_type, "application/json");
          req.body() = body;
        }
        req.prepare_payload();
        http::write(socket_, req);
        http::response<http::string_body> res;
        http::read(socket_, buffer_, res);
        if (!res.keep_alive()) close();
        return {res.result_int(), res.body()};
      } catch (const std::exception&) {
        close();  // the server may close an idle keep-alive connection: one retry on a fresh one
        if (attempt == 1) return {0, ""};
      }
    }
    return {0, ""};
  }

 private:
  void close() {
    boost::system::error_code ec;
    socket_.close(ec);
    buffer_.clear();
  }
  uint16_t port_;
  asio::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

struct Totals {
  std::atomic<int64_t> requests{0}, failed{0}, calls_started{0}, calls_ended{0}, calls_lost{0}, mixed{0};
  std::atomic<int64_t> moved{0};  // --reload migrate: calls that went on on a newer version
};

std::string text_of(const json& answer) {
  for (const auto& c : answer.value("commands", json::array()))
    if (c.contains("text")) return c["text"];
  return "";
}
std::string version_of(const std::string& text) {
  auto at = text.rfind(" v");
  return at == std::string::npos ? "" : text.substr(at + 2);
}

// Plays calls until told to stop: start, prompt_done, dtmf, prompt_done.
void caller(uint16_t port, int id, const std::atomic<bool>& stop, bool migrate, Totals& t) {
  Client c(port);
  int n = 0;
  while (!stop) {
    json start = {{"flow", "stress"},
                  {"from", "+4930" + std::to_string(1000000 + id * 100000 + n++)},
                  {"to", "+4940999"}};
    auto [status, body] = c.request(http::verb::post, "/v1/calls", start.dump());
    ++t.requests;
    if (status != 201) {
      ++t.failed;
      continue;
    }
    ++t.calls_started;
    json answer = json::parse(body, nullptr, false);
    std::string id_ = answer.value("call_id", "");
    std::string version = version_of(text_of(answer));
    bool ended = false, mixed = false, moved = false;
    const json events[] = {
        {{"type", "prompt_done"}}, {{"type", "dtmf"}, {"digits", "1234"}}, {{"type", "prompt_done"}}};
    for (const auto& ev : events) {
      auto [s, b] = c.request(http::verb::post, "/v1/calls/" + id_ + "/events", ev.dump());
      ++t.requests;
      if (s != 200) {
        ++t.failed;
        break;
      }
      json a = json::parse(b, nullptr, false);
      std::string text = text_of(a);
      if (!text.empty() && version_of(text) != version) {
        // Pinned: never. Migrating: only forwards, to a newer version.
        if (migrate && std::stoi(version_of(text)) > std::stoi(version)) {
          moved = true;
          version = version_of(text);
        } else {
          mixed = true;
        }
      }
      if (a.value("ended", false)) ended = true;
    }
    if (ended && !mixed) ++t.calls_ended;
    if (!ended) ++t.calls_lost;
    if (mixed) ++t.mixed;
    if (moved && !mixed) ++t.moved;
  }
}

int64_t rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  return -1;
}

json flow_entry(Client& admin) {
  auto [s, body] = admin.request(http::verb::get, "/v1/flows");
  json j = json::parse(body, nullptr, false);
  if (s != 200 || !j.contains("flows")) return json::object();
  for (const auto& f : j["flows"])
    if (f.value("name", json()) == "stress") return f;
  return json::object();
}

[[noreturn]] void fail(const std::string& why) {
  std::cerr << "flowc_reload_bench: " << why << "\n";
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) fail("missing value for " + a);
      return argv[++i];
    };
    if (a == "--flowc")
      o.flowc = value();
    else if (a == "--rewrites")
      o.rewrites = std::stoi(value());
    else if (a == "--callers")
      o.callers = std::stoi(value());
    else if (a == "--debounce")
      o.debounce = value();
    else if (a == "--dir")
      o.dir = value();
    else if (a == "--json")
      o.json_out = value();
    else if (a == "--reload") {
      std::string v = value();
      if (v != "pin" && v != "migrate") fail("--reload must be pin or migrate");
      o.migrate = v == "migrate";
    } else
      fail("unknown option " + a + " (see the comment at the top of reload_bench.cpp)");
  }
  if (o.rewrites < 2 || o.callers < 1 || o.warmup < 0)
    fail("--rewrites must be at least 2, --callers at least 1, --warmup at least 0");
  if (o.dir.empty())
    o.dir = (fs::temp_directory_path() / ("flowc_reload_bench_" + std::to_string(getpid()))).string();
  fs::remove_all(o.dir);
  fs::create_directories(o.dir + "/flows");
  std::string file = o.dir + "/flows/stress.flow";
  save(file, valid_flow(0));

  // The server, as an operator runs it; ended calls' traces are kept 1 s so
  // that what stays in memory at the end is the flows, not the traces.
  std::vector<std::string> args{
      o.flowc,         "serve",   o.dir + "/flows",   "--listen", "127.0.0.1:0", "--port-file",
      o.dir + "/port", "--watch", "--watch-debounce", o.debounce, "--trace-ttl", "1s",
      "--threads",     "2"};
  if (o.migrate) args.insert(args.end(), {"--reload", "migrate"});
  std::vector<char*> cargv;
  for (auto& s : args) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  std::string log = o.dir + "/flowc.log";
  posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  if (posix_spawn(&pid, o.flowc.c_str(), &fa, nullptr, cargv.data(), environ) != 0)
    fail("cannot start " + o.flowc);
  posix_spawn_file_actions_destroy(&fa);
  auto stop_server = [&] {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
  };
  uint16_t port = 0;
  for (auto deadline = Clock::now() + std::chrono::seconds(60); !port && Clock::now() < deadline;) {
    std::ifstream in(o.dir + "/port");
    int p = 0;
    if (in >> p && p > 0)
      port = static_cast<uint16_t>(p);
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (waitpid(pid, nullptr, WNOHANG) == pid) fail("flowc serve exited; see " + log);
  }
  if (!port) fail("flowc serve did not write its port file; see " + log);
  Client admin(port);
  while (admin.request(http::verb::get, "/healthz").first != 200)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));

  // Waits until /v1/flows shows the save handled: a new current version
  // (valid) or one more failed reload (broken).
  auto wait_handled = [&](bool valid, int64_t installed, int64_t failed_before) {
    for (auto deadline = Clock::now() + std::chrono::seconds(60); Clock::now() < deadline;) {
      json f = flow_entry(admin);
      if (f.contains("reloads")) {
        if (valid && f["reloads"]["installed"].get<int64_t>() > installed) return true;
        if (!valid && f["reloads"]["failed"].get<int64_t>() > failed_before) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  };

  Totals totals;
  std::vector<double> live_ms, error_ms;
  std::vector<std::pair<int, int64_t>> rss_samples;  // (rewrites so far, KiB) under load
  int k = 0;
  // Rewrites the file n times under load, valid and broken alternating.
  auto phase = [&](int n, bool record) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> callers;
    for (int i = 0; i < o.callers; ++i)
      callers.emplace_back(caller, port, i, std::cref(stop), o.migrate, std::ref(totals));
    for (int j = 0; j < n; ++j) {
      ++k;
      bool valid = k % 2 == 1;
      json f = flow_entry(admin);
      int64_t installed = f.contains("reloads") ? f["reloads"]["installed"].get<int64_t>() : 0;
      int64_t failed = f.contains("reloads") ? f["reloads"]["failed"].get<int64_t>() : 0;
      auto t0 = Clock::now();
      save(file, valid ? valid_flow(k) : broken_flow(k));
      if (!wait_handled(valid, installed, failed))
        fail("save " + std::to_string(k) + " was never handled; see " + log);
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (record) (valid ? live_ms : error_ms).push_back(ms);
      if (record && (j + 1) % 50 == 0) rss_samples.emplace_back(j + 1, rss_kib(pid));
    }
    stop = true;
    for (auto& t : callers) t.join();
  };
  // The server at rest: every call ended, only the current version alive,
  // the ended calls' traces expired (--trace-ttl 1s), and one no-op reload
  // (SIGHUP) done so the reload thread has trimmed the allocator. Both RSS
  // figures are taken in this same state.
  size_t versions_alive = 0;
  auto at_rest = [&] {
    json f;
    for (auto deadline = Clock::now() + std::chrono::seconds(30); Clock::now() < deadline;) {
      f = flow_entry(admin);
      if (f.value("versions", json::array()).size() == 1) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    versions_alive = f.value("versions", json::array()).size();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the trace TTL
    int64_t unchanged = f.contains("reloads") ? f["reloads"]["unchanged"].get<int64_t>() : 0;
    kill(pid, SIGHUP);
    for (auto deadline = Clock::now() + std::chrono::seconds(30); Clock::now() < deadline;) {
      json g = flow_entry(admin);
      if (g.contains("reloads") && g["reloads"]["unchanged"].get<int64_t>() > unchanged) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the trim after the job
    return rss_kib(pid);
  };

  int64_t rss_start = rss_kib(pid);
  phase(o.warmup, false);  // the server warm: allocator arenas, LLVM, connections
  int64_t rss_before = at_rest();
  phase(o.rewrites, true);
  int64_t rss_after = at_rest();
  int status = stop_server();

  json samples = json::array();
  for (const auto& [n, kib] : rss_samples) samples.push_back({{"rewrites", n}, {"rss_kib", kib}});
  json report = {
      {"rewrites", o.rewrites},
      {"valid_saves", live_ms.size()},
      {"broken_saves", error_ms.size()},
      {"callers", o.callers},
      {"debounce", o.debounce},
      {"requests", totals.requests.load()},
      {"failed_requests", totals.failed.load()},
      {"calls_started", totals.calls_started.load()},
      {"calls_completed", totals.calls_ended.load()},
      {"calls_lost", totals.calls_lost.load() + totals.mixed.load()},
      {"calls_on_two_versions", totals.mixed.load()},
      {"reload_policy", o.migrate ? "migrate" : "pin"},
      {"calls_moved_forward", totals.moved.load()},
      {"reload_to_live_ms",
       {{"p50", percentile(live_ms, 0.5)},
        {"p99", percentile(live_ms, 0.99)},
        {"max", percentile(live_ms, 1.0)}}},
      {"broken_to_error_ms", {{"p50", percentile(error_ms, 0.5)}, {"p99", percentile(error_ms, 0.99)}}},
      {"rss_kib",
       {{"start", rss_start},
        {"before", rss_before},
        {"after", rss_after},
        {"delta", rss_after - rss_before},
        {"under_load", samples}}},
      {"warmup_rewrites", o.warmup},
      {"versions_alive_at_end", versions_alive},
      {"server_exit", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)}};
  std::printf("%-34s %s\n", "rewrites (valid/broken)",
              (std::to_string(live_ms.size()) + "/" + std::to_string(error_ms.size())).c_str());
  std::printf("%-34s %lld\n", "requests", static_cast<long long>(totals.requests.load()));
  std::printf("%-34s %lld\n", "failed requests", static_cast<long long>(totals.failed.load()));
  std::printf("%-34s %lld started, %lld completed\n", "calls",
              static_cast<long long>(totals.calls_started.load()),
              static_cast<long long>(totals.calls_ended.load()));
  std::printf("%-34s %lld\n",
              o.migrate ? "calls lost (or back on an older one)" : "calls lost (or on two versions)",
              static_cast<long long>(totals.calls_lost.load() + totals.mixed.load()));
  if (o.migrate)
    std::printf("%-34s %lld\n", "calls moved to a newer version",
                static_cast<long long>(totals.moved.load()));
  std::printf("%-34s p50 %.1f ms, p99 %.1f ms (debounce %s)\n", "reload to live", percentile(live_ms, 0.5),
              percentile(live_ms, 0.99), o.debounce.c_str());
  std::printf("%-34s p50 %.1f ms, p99 %.1f ms\n", "broken save to error shown", percentile(error_ms, 0.5),
              percentile(error_ms, 0.99));
  std::printf("%-34s start %.1f MiB, before %.1f MiB, after %.1f MiB (%+.1f MiB)\n", "server RSS at rest",
              rss_start / 1024.0, rss_before / 1024.0, rss_after / 1024.0, (rss_after - rss_before) / 1024.0);
  std::string load_samples;
  for (const auto& [n, kib] : rss_samples)
    load_samples += " " + std::to_string(n) + ":" + std::to_string(kib / 1024);
  std::printf("%-34s%s (rewrites:MiB)\n", "server RSS under load", load_samples.c_str());
  std::printf("%-34s %zu\n", "versions alive at the end", versions_alive);
  std::cout << report.dump() << "\n";
  if (!o.json_out.empty()) std::ofstream(o.json_out) << report.dump(2) << "\n";
  fs::remove_all(o.dir);
  bool ok = totals.failed == 0 && totals.calls_lost == 0 && totals.mixed == 0 && versions_alive == 1;
  return ok ? 0 : 1;
}
