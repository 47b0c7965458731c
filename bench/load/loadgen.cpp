// flowc_loadgen: plays whole calls against a running `flowc serve` the way a
// telephony platform would (start, prompt_done, dtmf, agent_answered,
// hangup), with C concurrent callers on keep-alive connections, and reports
// calls/s, events/s and per-event latency percentiles as a table and JSON.
// `--idle N` instead starts N calls and leaves them waiting (memory per call).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>  // before Boost 1.74's awaitable.hpp, which needs std::exchange
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "bench/common/percentile.h"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

using flowc::bench::percentile;

struct Options {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int calls = 1000;
  int concurrency = 16;
  int idle = 0;  // > 0: start this many calls and keep them
  std::string token;
  std::string label;
};

struct Stats {
  std::vector<double> latency_us;  // per request
  int64_t calls = 0, events = 0, errors = 0;
  std::vector<std::string> call_ids;
};

// JSON bodies are built outside the coroutines: GCC 12 miscompiles braced
// initialisers with string literals inside a coroutine body.
json event(const std::string& type) { return json{{"type", type}}; }
json event(const std::string& type, const std::string& key, const std::string& value) {
  json j = event(type);
  j[key] = value;
  return j;
}
json start_body(const std::string& from) {
  return json{{"flow", "order_status"}, {"from", from}, {"to", "+4940999"}};
}
std::string caller_number(int id, int i) {
  // Half the callers are known by number (premium: the queue), half type a
  // reference (not premium: the email), the article's two main cases.
  return ((id + i) % 2 == 0) ? "+4930123456" : "+4930999" + std::to_string(100000 + id * 1000 + i % 1000);
}
json next_event(const json& commands) {
  json next;
  for (const auto& c : commands) {
    std::string t = c["type"];
    if (t == "play" || t == "say" || t == "pause") next = event("prompt_done");
    if (t == "collect") next = event("dtmf", "digits", "1234567");
    if (t == "enqueue") next = event("agent_answered", "agent", "user101");
    if (t == "hangup") return nullptr;
  }
  if (next.is_null() && commands.empty()) next = event("hangup");  // with an agent: the caller hangs up
  return next;
}

// One keep-alive connection playing calls one after another.
asio::awaitable<void> caller(const Options& o, int n_calls, Stats& stats, int id) {
  auto ex = co_await asio::this_coro::executor;
  tcp::resolver resolver(ex);
  beast::tcp_stream stream(ex);
  auto endpoints = co_await resolver.async_resolve(o.host, std::to_string(o.port), asio::use_awaitable);
  co_await stream.async_connect(endpoints, asio::use_awaitable);
  beast::flat_buffer buffer;
  auto request = [&](const std::string& target, const json& body) -> asio::awaitable<json> {
    http::request<http::string_body> req{http::verb::post, target, 11};
    req.set(http::field::host, o.host);
    req.set(http::field::content_type, "application/json");
    if (!o.token.empty()) req.set(http::field::authorization, "Bearer " + o.token);
    req.keep_alive(true);
    req.body() = body.dump();
    req.prepare_payload();
    auto t0 = Clock::now();
    co_await http::async_write(stream, req, asio::use_awaitable);
    http::response<http::string_body> res;
    co_await http::async_read(stream, buffer, res, asio::use_awaitable);
    stats.latency_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    ++stats.events;
    json j = json::parse(res.body(), nullptr, false);
    if (res.result_int() >= 400 || j.is_discarded()) ++stats.errors;
    co_return j;
  };
  for (int i = 0; i < n_calls; ++i) {
    json out = co_await request("/v1/calls", start_body(caller_number(id, i)));
    if (!out.contains("call_id")) continue;
    std::string call = out["call_id"];
    if (o.idle) {
      stats.call_ids.push_back(call);
      continue;
    }
    std::string events = "/v1/calls/" + call + "/events";
    for (int step = 0; step < 20; ++step) {
      if (out.value("ended", false) || !out.contains("commands")) break;
      json next = next_event(out["commands"]);
      if (next.is_null()) break;  // hung up by the flow
      out = co_await request(events, next);
    }
    ++stats.calls;
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "missing value for " << a << "\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--port") o.port = static_cast<uint16_t>(std::stoi(value()));
    else if (a == "--host") o.host = value();
    else if (a == "--calls") o.calls = std::stoi(value());
    else if (a == "--concurrency") o.concurrency = std::stoi(value());
    else if (a == "--idle") o.idle = std::stoi(value());
    else if (a == "--token") o.token = value();
    else if (a == "--label") o.label = value();
    else {
      std::cerr << "usage: flowc_loadgen --port P [--calls N] [--concurrency C] [--idle N] [--token T]\n";
      return 2;
    }
  }
  if (o.idle) o.calls = o.idle;
  asio::io_context io(1);
  std::vector<Stats> stats(static_cast<size_t>(o.concurrency));
  int per = o.calls / o.concurrency, extra = o.calls % o.concurrency;
  for (int c = 0; c < o.concurrency; ++c) {
    int n = per + (c < extra ? 1 : 0);
    asio::co_spawn(io, caller(o, n, stats[static_cast<size_t>(c)], c), [](std::exception_ptr e) {
      if (e) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          std::cerr << "caller failed: " << ex.what() << "\n";
        }
      }
    });
  }
  auto t0 = Clock::now();
  io.run();
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  Stats all;
  for (auto& s : stats) {
    all.latency_us.insert(all.latency_us.end(), s.latency_us.begin(), s.latency_us.end());
    all.calls += s.calls;
    all.events += s.events;
    all.errors += s.errors;
    all.call_ids.insert(all.call_ids.end(), s.call_ids.begin(), s.call_ids.end());
  }
  json result = {{"label", o.label},
                 {"concurrency", o.concurrency},
                 {"calls", o.idle ? static_cast<int64_t>(all.call_ids.size()) : all.calls},
                 {"requests", all.events},
                 {"errors", all.errors},
                 {"seconds", secs},
                 {"calls_per_s", (o.idle ? all.call_ids.size() : static_cast<size_t>(all.calls)) / secs},
                 {"requests_per_s", static_cast<double>(all.events) / secs},
                 {"p50_ms", percentile(all.latency_us, 0.50) / 1000},
                 {"p99_ms", percentile(all.latency_us, 0.99) / 1000},
                 {"max_ms", all.latency_us.empty() ? 0 : *std::max_element(all.latency_us.begin(), all.latency_us.end()) / 1000}};
  std::printf("%-10s %6s %9s %10s %10s %8s %8s %7s\n", "label", "conc", "calls", "calls/s", "requests/s", "p50 ms",
              "p99 ms", "errors");
  std::printf("%-10s %6d %9lld %10.0f %10.0f %8.3f %8.3f %7lld\n", o.label.c_str(), o.concurrency,
              static_cast<long long>(result["calls"].get<int64_t>()), result["calls_per_s"].get<double>(),
              result["requests_per_s"].get<double>(), result["p50_ms"].get<double>(), result["p99_ms"].get<double>(),
              static_cast<long long>(all.errors));
  std::cout << "JSON " << result.dump() << "\n";
  return all.errors ? 1 : 0;
}
