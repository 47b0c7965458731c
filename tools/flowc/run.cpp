// `flowc run FILE --from N`: one simulated call in the terminal, on the real
// engine with real automations, printing what happens as it happens.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <thread>
#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "compiler/diag/render.h"
#include "compiler/driver/compile.h"
#include "runtime/engine/engine.h"
#include "tools/flowc/cli.h"

namespace flowc::cli {

namespace {

using nlohmann::json;

struct RunArgs {
  std::string file, from, to = "+4940000000", agent = "agent1", engine = "jit";
  std::deque<std::string> digits;
  bool interactive = true;
  std::vector<std::pair<std::string, json>> sets;
  ExecutorSettings exec;
};

RunArgs parse(int argc, char** argv) {
  RunArgs r;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error("missing value for " + a);
      return argv[++i];
    };
    if (a == "--from") {
      r.from = value();
    } else if (a == "--to") {
      r.to = value();
    } else if (a == "--digits") {
      r.digits.push_back(value());
      r.interactive = false;
    } else if (a == "--agent") {
      r.agent = value();
    } else if (a == "--engine") {
      r.engine = value();
    } else if (a == "--smtp") {
      r.exec.smtp_url = value();
    } else if (a == "--set") {
      std::string kv = value();
      size_t eq = kv.find('=');
      if (eq == std::string::npos) usage_error("--set takes ivr.name=value");
      std::string v = kv.substr(eq + 1);
      json parsed = json::parse(v, nullptr, false);
      r.sets.emplace_back(kv.substr(0, eq), parsed.is_discarded() ? json(v) : parsed);
    } else if (!a.empty() && a[0] == '-') {
      usage_error("run: unknown option '" + a + "'");
    } else if (r.file.empty()) {
      r.file = a;
    } else {
      usage_error("run takes one flow file");
    }
  }
  if (r.file.empty()) usage_error("run needs a flow file");
  if (r.from.empty()) usage_error("run needs --from NUMBER (the caller)");
  return r;
}

// Prints the trace entries added since the last call, as a transcript.
class Transcript {
 public:
  void print_new(const json& trace) {
    const auto& entries = trace["entries"];
    for (size_t i = shown_; i < entries.size(); ++i) print(entries[i]);
    shown_ = entries.size();
  }

 private:
  static void print(const json& e) {
    const std::string kind = e["kind"];
    const json& d = e["data"];
    std::string at = "[" + std::to_string(e["at_ms"].get<int64_t>()) + " ms] ";
    if (kind == "enter") {
      std::cout << at << "module " << d["module"].get<std::string>() << "\n";
    } else if (kind == "command") {
      std::cout << at << "  command " << d.dump() << "\n";
    } else if (kind == "automation") {
      std::cout << at << "  -> " << d["name"].get<std::string>() << " "
                << (d.contains("request") ? d["request"].dump() : "") << "\n";
    } else if (kind == "result") {
      std::cout << at << "  <- " << d["name"].get<std::string>() << (d["ok"].get<bool>() ? " ok" : " failed")
                << (d.contains("detail") ? ": " + d["detail"].get<std::string>() : "") << "\n";
    } else if (kind == "write") {
      std::cout << at << "  " << d["name"].get<std::string>() << " = " << d["value"].dump() << " (by "
                << d["by"].get<std::string>() << ")\n";
    } else if (kind == "branch") {
      std::cout << at << "  " << d["label"].get<std::string>() << ": "
                << (d["result"].get<bool>() ? "yes" : "no") << "\n";
    } else if (kind == "note" || kind == "agent") {
      std::cout << at << "  (" << d.dump() << ")\n";
    } else if (kind == "end") {
      std::cout << at << "call ended: " << d["reason"].get<std::string>() << "\n";
    }
  }
  size_t shown_ = 0;
};

}  // namespace

int cmd_run(int argc, char** argv) {
  RunArgs args = parse(argc, argv);
  DiskFileSystem disk;
  CompileOptions copts;
  copts.check.env = process_env();
  Compilation c = compile_file(args.file, disk, copts);
  auto diags = c.diags.sorted();
  if (!diags.empty()) std::cerr << render_text(c.sources, diags);
  if (!c.ok() || !c.flow) return 1;
  std::string flow_name = c.flow->name;
  stdlib::TimeZoneCache zones;
  std::string error;
  auto version = engine::FlowVersion::make(std::move(c.flow), make_code_factory(args.engine), zones, &error);
  if (!version) {
    std::cerr << "flowc: cannot compile the flow: " << error << "\n";
    return 1;
  }

  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread io_thread([&io] { io.run(); });
  auto executor = make_executor(io, args.exec);

  std::mutex mu;
  std::condition_variable cv;
  std::optional<engine::Outcome> reply;
  engine::EngineOptions eo;
  eo.now_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  eo.executor = executor.get();
  eo.on_reply = [&](const std::string&, const engine::Outcome& o) {
    std::lock_guard lock(mu);
    reply = o;
    cv.notify_all();
  };
  engine::Engine eng(std::move(eo));
  eng.install(version);
  std::atomic<bool> done{false};
  std::thread ticker([&] {
    while (!done) {
      eng.run_timers();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });

  Transcript transcript;
  engine::Outcome out = eng.start_call({{"flow", flow_name}, {"from", args.from}, {"to", args.to}});
  if (!out.ok()) {
    std::cerr << "flowc: " << out.error_message << "\n";
    done = true;
    ticker.join();
    work.reset();
    io.stop();
    io_thread.join();
    return 1;
  }
  std::string id = out.call_id;
  std::cout << "call " << id << " from " << args.from << " to " << args.to << " on flow " << flow_name << " ("
            << args.engine << ")\n";
  if (!args.sets.empty()) {
    json values = json::object();
    for (const auto& [k, v] : args.sets) values[k] = v;
    auto w = eng.write_session(id, values);
    if (!w.ok()) std::cerr << "flowc: --set: " << w.error_message << "\n";
  }
  // Waits for a held answer.
  auto settle = [&](engine::Outcome o) {
    if (!o.held) return o;
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return reply.has_value(); });
    engine::Outcome r = *reply;
    reply.reset();
    return r;
  };
  auto send = [&](const json& event) { return settle(eng.deliver(id, event)); };
  out = settle(out);
  bool ended = false;
  while (!ended) {
    transcript.print_new(*eng.trace(id));
    json next;
    for (const auto& cmd : out.commands.to_json()) {
      std::string type = cmd["type"];
      if (type == "play" || type == "say" || type == "pause") {
        std::cout << "  caller hears: "
                  << (type == "play"  ? cmd["url"].get<std::string>()
                      : type == "say" ? "\"" + cmd["text"].get<std::string>() + "\""
                                      : "silence")
                  << "\n";
        next = {{"type", "prompt_done"}};
      } else if (type == "collect") {
        if (cmd.contains("say")) std::cout << "  caller hears: \"" << cmd["say"].get<std::string>() << "\"\n";
        if (cmd.contains("play")) std::cout << "  caller hears: " << cmd["play"].get<std::string>() << "\n";
        std::string digits;
        bool have = false;
        if (!args.digits.empty()) {
          digits = args.digits.front();
          args.digits.pop_front();
          have = true;
        } else if (args.interactive && isatty(STDIN_FILENO)) {
          std::cout << "  keys (Enter for none)> " << std::flush;
          have = static_cast<bool>(std::getline(std::cin, digits)) && !digits.empty();
        }
        if (have) {
          std::cout << "  caller presses " << digits << "\n";
          next = {{"type", "dtmf"}, {"digits", digits}};
        } else {
          std::cout << "  caller presses nothing\n";
          next = {{"type", "input_timeout"}};
        }
      } else if (type == "enqueue") {
        std::cout << "  queued to " << cmd["queue"].get<std::string>()
                  << (cmd.contains("reason") ? " (reason " + cmd["reason"].dump() + ")" : "") << "; "
                  << args.agent << " answers\n";
        next = {{"type", "agent_answered"}, {"agent", args.agent}};
      } else if (type == "transfer") {
        std::cout << "  transferred to " << cmd["to"].get<std::string>() << "\n";
        next = {{"type", "hangup"}};
      } else if (type == "hangup") {
        std::cout << "  the flow hangs up\n";
        ended = true;
      }
    }
    if (ended || out.ended) break;
    if (next.is_null()) next = {{"type", "hangup"}};  // connected to an agent: the caller hangs up
    out = send(next);
  }
  transcript.print_new(*eng.trace(id));
  std::cout << "session at the end: " << eng.session(id)->dump() << "\n";
  done = true;
  ticker.join();
  work.reset();
  io.stop();
  io_thread.join();
  return 0;
}

}  // namespace flowc::cli
