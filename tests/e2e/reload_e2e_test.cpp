// Hot reload end to end: `flowc serve` on a scratch directory of flows, the
// files rewritten as an editor would (write a temporary file, rename it over
// the original) while calls are mid-flow; reloads by --watch, SIGHUP and
// POST /v1/flows/{name}/reload; GET /v1/flows/{name}/modules and
// `flowc serve --dry-run --server` against a running server.
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <signal.h>
#include <sys/wait.h>
#include <thread>

#include <gtest/gtest.h>

#include "tests/e2e/harness.h"
#include "tests/unit/runtime/client/test_server.h"

namespace flowc::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kToken = "reload-token-0123456789abcdef";

std::string greet(const std::string& text, const std::string& extra_module = "") {
  std::string s = "flow greet\nstart welcome\n\nmodule welcome = say \"" + text +
                  "\"\n  next bye\n\nmodule bye = hangup\n";
  if (!extra_module.empty()) s += "\nmodule " + extra_module + " = hangup\n";
  return s;
}

// Line 5 names a module that does not exist.
const char* kBroken =
    "flow greet\nstart welcome\n\nmodule welcome = say \"broken\"\n  next nowhere\n\nmodule bye = hangup\n";

// As editors save: a temporary file renamed over the original.
void save(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp~";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
  }
  fs::rename(tmp, path);
}

struct Server {
  std::string dir;
  std::unique_ptr<Process> flowc;
  uint16_t port = 0;

  void start(const std::string& test) {
    dir = scratch_dir(test);
    {
      std::ofstream tokens(dir + "/tokens");
      tokens << kToken << "\n";
    }
    fs::create_directories(dir + "/flows");
    save(dir + "/flows/greet.flow", greet("one"));
  }
  void run(std::vector<std::string> extra) {
    std::vector<std::string> argv{bin("tools/flowc/flowc"),
                                  "serve",
                                  dir + "/flows",
                                  "--listen",
                                  "127.0.0.1:0",
                                  "--port-file",
                                  dir + "/port",
                                  "--token-file",
                                  dir + "/tokens",
                                  "--engine",
                                  "jit"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    flowc =
        std::make_unique<Process>("flowc", argv, std::map<std::string, std::string>{}, dir + "/flowc.log");
    port = wait_for_port_file(dir + "/port", *flowc);
    ASSERT_NE(port, 0) << flowc->log();
    ASSERT_TRUE(wait_healthy(port, *flowc)) << flowc->log();
  }
  std::string file() const { return dir + "/flows/greet.flow"; }

  json flow() {
    auto r = get(port, "/v1/flows", kToken);
    for (const auto& f : r.json.value("flows", json::array()))
      if (f.value("path", "") == file()) return f;
    return json::object();
  }
  // Polls /v1/flows until `ok` holds of this flow (20 s at most).
  bool wait_flow(const std::function<bool(const json&)>& ok) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      try {
        if (ok(flow())) return true;
      } catch (const std::exception&) {  // a field not there yet
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  bool wait_version(uint32_t v) {
    return wait_flow([v](const json& f) { return f.value("current_version", json()) == json(v); });
  }
  HttpResult call() {
    return post_json(port, "/v1/calls", {{"flow", "greet"}, {"from", "+4930123456"}, {"to", "+4940999"}});
  }
  HttpResult event(const std::string& id, const json& e) {
    return post_json(port, "/v1/calls/" + id + "/events", e);
  }
};

std::string said(const HttpResult& r) {
  if (!r.json.contains("commands") || r.json["commands"].empty()) return "";
  return r.json["commands"][0].value("text", "");
}

json version_entry(const json& flow, uint32_t number) {
  for (const auto& v : flow.value("versions", json::array()))
    if (v.value("version", 0u) == number) return v;
  return nullptr;
}

TEST(ReloadE2E, PinnedCallsFinishOnTheOldVersionNewCallsGetTheNewOne) {
  Server s;
  s.start("reload_pinned");
  s.run({"--watch"});
  auto a = s.call();
  ASSERT_EQ(a.status, 201) << a.body << s.flowc->log();
  EXPECT_EQ(said(a), "one");
  std::string id = a.json["call_id"];

  save(s.file(), greet("two", "spare"));
  ASSERT_TRUE(s.wait_version(2)) << s.flow().dump() << s.flowc->log();
  json f = s.flow();
  EXPECT_EQ(f["last_change"]["changed"], json::array({"welcome"}));
  EXPECT_EQ(f["last_change"]["added"], json::array({"spare"}));
  EXPECT_EQ(version_entry(f, 1)["active_calls"], 1) << f.dump();
  EXPECT_EQ(version_entry(f, 2)["current"], true);
  EXPECT_GE(version_entry(f, 2)["compile_ms"].get<int64_t>(), 0);
  EXPECT_GT(version_entry(f, 2)["loaded_at_ms"].get<int64_t>(), 0);

  auto b = s.call();
  EXPECT_EQ(said(b), "two");
  EXPECT_EQ(get(s.port, "/v1/calls/" + id, kToken).json["version"], 1);

  // The pinned call goes on with the old behaviour and ends; v1 is released.
  auto end = s.event(id, {{"type", "prompt_done"}});
  ASSERT_EQ(end.status, 200) << end.body;
  EXPECT_EQ(end.json["commands"][0]["type"], "hangup");
  EXPECT_TRUE(end.json.value("ended", false));
  ASSERT_TRUE(s.wait_flow([](const json& f) { return version_entry(f, 1).is_null(); })) << s.flow().dump();
  EXPECT_EQ(s.flow()["versions"].size(), 1u);
  // Its trace is still there, with the version it ran on.
  auto trace = get(s.port, "/v1/calls/" + id + "/trace", kToken);
  EXPECT_EQ(trace.json["version"], 1);
  EXPECT_FALSE(trace.json["entries"].empty());

  // Saving the same bytes again is a no-op.
  save(s.file(), greet("two", "spare"));
  kill(s.flowc->pid(), SIGHUP);
  ASSERT_TRUE(s.wait_flow([](const json& f) { return f["reloads"]["unchanged"].get<int>() >= 1; }))
      << s.flow().dump();
  EXPECT_EQ(s.flow()["current_version"], 2);
}

TEST(ReloadE2E, ABrokenFileNeverReplacesTheRunningVersion) {
  Server s;
  s.start("reload_broken");
  s.run({"--watch"});
  save(s.file(), kBroken);
  ASSERT_TRUE(s.wait_flow([](const json& f) { return f.value("last_error", json()).is_string(); }))
      << s.flow().dump() << s.flowc->log();
  json f = s.flow();
  EXPECT_EQ(f["current_version"], 1);
  std::string error = f["last_error"];
  EXPECT_NE(error.find("greet.flow:5:8: error:"), std::string::npos) << error;
  EXPECT_TRUE(f["diagnostics"].is_array() && !f["diagnostics"].empty()) << f.dump();
  EXPECT_NE(s.flowc->log().find("greet.flow:5:8: error:"), std::string::npos) << s.flowc->log();
  EXPECT_EQ(said(s.call()), "one");
  // The reload endpoint says why too, with a 422, and changes nothing.
  auto r = post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json["error"]["code"], "reload_failed");
  EXPECT_EQ(s.flow()["current_version"], 1);
  // Fixed: the next save goes live and the error is gone.
  save(s.file(), greet("three"));
  ASSERT_TRUE(s.wait_version(2)) << s.flow().dump();
  EXPECT_TRUE(s.flow()["last_error"].is_null());
  EXPECT_EQ(said(s.call()), "three");
}

TEST(ReloadE2E, ADeletedFileStopsNewCallsWhileActiveCallsFinish) {
  Server s;
  s.start("reload_delete");
  s.run({"--watch"});
  auto a = s.call();
  std::string id = a.json["call_id"];
  fs::remove(s.file());
  ASSERT_TRUE(s.wait_flow([](const json& f) { return f.value("state", "") == "deleted"; }))
      << s.flow().dump();
  EXPECT_EQ(s.call().status, 404);
  auto end = s.event(id, {{"type", "prompt_done"}});
  EXPECT_EQ(end.status, 200);
  EXPECT_TRUE(end.json.value("ended", false)) << end.body;
  // Back again: served again.
  save(s.file(), greet("back"));
  ASSERT_TRUE(s.wait_flow([](const json& f) { return f.value("state", "") == "serving"; }))
      << s.flow().dump();
  EXPECT_EQ(said(s.call()), "back");
}

TEST(ReloadE2E, OnDeleteKeepServesTheLastVersion) {
  Server s;
  s.start("reload_delete_keep");
  s.run({"--watch", "--on-delete", "keep"});
  fs::remove(s.file());
  ASSERT_TRUE(s.wait_flow([](const json& f) { return f.value("state", "") == "deleted_serving"; }))
      << s.flow().dump();
  EXPECT_EQ(said(s.call()), "one");
}

TEST(ReloadE2E, RapidSavesAreDebouncedAndTheLastOneWins) {
  Server s;
  s.start("reload_rapid");
  s.run({"--watch", "--watch-debounce", "300ms"});
  for (int i = 0; i < 20; ++i) save(s.file(), i % 2 ? kBroken : greet("save " + std::to_string(i)));
  save(s.file(), greet("last"));
  ASSERT_TRUE(s.wait_flow([](const json& f) {
    return f["current_version"].is_number() && f["current_version"] >= 2;
  })) << s.flow().dump();
  // Let any trailing reload land, then check the last save is what serves.
  ASSERT_TRUE(s.wait_flow([&](const json&) { return said(s.call()) == "last"; })) << s.flow().dump();
  json f = s.flow();
  // 21 saves, a handful of reloads at most (not one per save).
  EXPECT_LE(f["reloads"]["installed"].get<int>() + f["reloads"]["failed"].get<int>(), 4) << f.dump();
  EXPECT_TRUE(f["last_error"].is_null());
}

TEST(ReloadE2E, ImportedFilesAreWatchedToo) {
  Server s;
  s.start("reload_import");
  fs::create_directories(s.dir + "/lib");
  save(s.dir + "/lib/texts.flow", "let greeting = \"hello\"\n");
  save(s.file(),
       "flow greet\nstart welcome\nimport \"../lib/texts.flow\"\n\nmodule welcome = say \"{greeting}\"\n  "
       "next bye\n\n"
       "module bye = hangup\n");
  s.run({"--watch"});
  EXPECT_EQ(said(s.call()), "hello");
  EXPECT_EQ(s.flow()["sources"].size(), 2u) << s.flow().dump();
  save(s.dir + "/lib/texts.flow", "let greeting = \"good morning\"\n");
  ASSERT_TRUE(s.wait_version(2)) << s.flow().dump() << s.flowc->log();
  EXPECT_EQ(said(s.call()), "good morning");
}

TEST(ReloadE2E, SighupAndTheReloadEndpointWithoutWatch) {
  Server s;
  s.start("reload_manual");
  s.run({});
  save(s.file(), greet("two", "spare"));
  // No --watch: nothing happens by itself.
  EXPECT_EQ(s.flow()["current_version"], 1);
  EXPECT_EQ(post_json(s.port, "/v1/flows/greet/reload", json::object()).status, 401);
  auto dry = post_json(s.port, "/v1/flows/greet/reload?dry_run=true", json::object(), kToken);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json["installed"], false);
  EXPECT_EQ(dry.json["changes"]["changed"], json::array({"welcome"}));
  EXPECT_EQ(dry.json["changes"]["added"], json::array({"spare"}));
  EXPECT_EQ(s.flow()["current_version"], 1);
  EXPECT_EQ(post_json(s.port, "/v1/flows/greet/reload?dry_run=maybe", json::object(), kToken).status, 400);
  EXPECT_EQ(post_json(s.port, "/v1/flows/nope/reload", json::object(), kToken).status, 404);

  auto r = post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["installed"], true);
  EXPECT_EQ(r.json["version"], 2);
  r = post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken);
  EXPECT_EQ(r.json["unchanged"], true) << r.body;
  EXPECT_EQ(r.json["version"], 2);

  save(s.file(), greet("three"));
  kill(s.flowc->pid(), SIGHUP);
  ASSERT_TRUE(s.wait_version(3)) << s.flow().dump() << s.flowc->log();
  EXPECT_EQ(s.flow()["last_change"]["removed"], json::array({"spare"}));
  EXPECT_EQ(said(s.call()), "three");
}

TEST(ReloadE2E, ModulesEndpointAnswersForTheRunningVersion) {
  Server s;
  s.start("reload_modules");
  s.run({});
  auto r = get(s.port, "/v1/flows/greet/modules", kToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["flow"], "greet");
  EXPECT_EQ(r.json["version"], 1);
  EXPECT_EQ(r.json["hash"], version_entry(s.flow(), 1)["hash"]) << s.flow().dump();
  ASSERT_TRUE(r.json["modules"].is_object()) << r.body;
  EXPECT_EQ(r.json["modules"].size(), 2u) << r.body;
  for (const char* m : {"welcome", "bye"}) {
    std::string digest = r.json["modules"].value(m, "");
    EXPECT_EQ(digest.size(), 16u) << m << ": " << r.body;
    EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos) << digest;
  }

  // Token-protected like the other admin endpoints; unknown flows are 404.
  auto anonymous = get(s.port, "/v1/flows/greet/modules");
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  EXPECT_EQ(anonymous.json["error"]["code"], "unauthorized");
  auto unknown = get(s.port, "/v1/flows/nope/modules", kToken);
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(unknown.json["error"]["code"], "unknown_flow");
  EXPECT_EQ(post_json(s.port, "/v1/flows/greet/modules", json::object(), kToken).status, 405);

  // After a reload: the new version's digests, the unchanged module's the same.
  save(s.file(), greet("two"));
  ASSERT_EQ(post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken).status, 200);
  auto after = get(s.port, "/v1/flows/greet/modules", kToken);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json["version"], 2);
  EXPECT_EQ(after.json["modules"]["bye"], r.json["modules"]["bye"]);
  EXPECT_NE(after.json["modules"]["welcome"], r.json["modules"]["welcome"]);

  // A deleted file (--on-delete stop): gone, as the reload endpoint says.
  fs::remove(s.file());
  EXPECT_EQ(post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken).status, 410);
  auto gone = get(s.port, "/v1/flows/greet/modules", kToken);
  EXPECT_EQ(gone.status, 410) << gone.body;
  EXPECT_EQ(gone.json["error"]["code"], "flow_file_deleted");
}

// `flowc serve --dry-run PATH... --server URL`: stdout and stderr apart.
struct DryRun {
  int exit = -1;
  std::string out, err;
};

DryRun dry_run(const std::string& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{bin("tools/flowc/flowc"), "serve", "--dry-run", "--engine", "interp"};
  argv.insert(argv.end(), args.begin(), args.end());
  Process p("flowc-dry-run", argv, {}, dir + "/dry_run.out", dir + "/dry_run.err");
  DryRun r;
  r.exit = p.wait();
  r.out = p.log();
  r.err = p.errors();
  return r;
}

// Everything after the first line ("would serve flow … (… compiled in N ms)").
std::string after_first_line(const std::string& text) {
  size_t nl = text.find('\n');
  return nl == std::string::npos ? std::string() : text.substr(nl + 1);
}

TEST(ReloadE2E, DryRunReportsWhatAReloadOfARunningServerWouldChange) {
  Server s;
  s.start("reload_dry_run_server");
  save(s.file(), greet("one", "spare"));
  s.run({});
  const std::string url = "http://127.0.0.1:" + std::to_string(s.port);
  // Elsewhere: welcome changed, spare removed, extra added, bye as it was;
  // and a flow the server does not have.
  fs::create_directories(s.dir + "/changed");
  save(s.dir + "/changed/greet.flow", greet("two", "extra"));
  save(s.dir + "/changed/other.flow", "flow other\nstart bye\n\nmodule bye = hangup\n");

  DryRun r = dry_run(s.dir, {s.dir + "/changed", "--server", url, "--token-file", s.dir + "/tokens"});
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("would serve flow greet from " + s.dir + "/changed/greet.flow (", 0), 0u) << r.out;
  EXPECT_EQ(after_first_line(after_first_line(r.out)),
            "2 flow(s) would be served, 0 file(s) would fail\n"
            "flow greet: compared with v1 on " +
                url +
                "\n"
                "+ module extra\n"
                "- module spare\n"
                "~ module welcome\n"
                "a reload would change modules: 1 added (extra), 1 removed (spare), 1 changed (welcome), 1 "
                "unchanged\n"
                "calls in a removed module stay on the running version until they end\n"
                "new flow other: not served by " +
                url + "\n")
      << r.out;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(s.flow()["current_version"], 1);  // nothing was installed

  // The files the server runs: nothing would change.
  r = dry_run(s.dir, {s.file(), "--server", url + "/", "--token-file", s.dir + "/tokens"});
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(after_first_line(r.out),
            "1 flow(s) would be served, 0 file(s) would fail\n"
            "flow greet: compared with v1 on " +
                url +
                "\n"
                "a reload would change no module; modules: 0 added, 0 removed, 0 changed, 3 unchanged\n")
      << r.out;

  // No token, a wrong token: exit 1, and what to do about it.
  r = dry_run(s.dir, {s.file(), "--server", url});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_EQ(r.err, "flowc: --server: " + url +
                       " answered 401: the server needs a token; give it with --token-file FILE\n");
  { std::ofstream(s.dir + "/wrong") << "not-the-token-0123456789\n"; }
  r = dry_run(s.dir, {s.file(), "--server", url, "--token-file", s.dir + "/wrong"});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_EQ(r.err, "flowc: --server: " + url + " answered 401: the token from --token-file '" + s.dir +
                       "/wrong' is wrong for this server\n");

  // A file that does not load: reported as without --server, exit 1, the
  // others compared all the same.
  save(s.dir + "/changed/broken.flow", kBroken);
  r = dry_run(s.dir, {s.dir + "/changed", "--server", url, "--token-file", s.dir + "/tokens"});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("would not load " + s.dir + "/changed/broken.flow: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 flow(s) would be served, 1 file(s) would fail\nflow greet: compared with v1 on "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("new flow other: not served by " + url + "\n"), std::string::npos) << r.out;

  // The server gone: exit 1, it cannot be reached.
  s.flowc->stop();
  r = dry_run(s.dir, {s.file(), "--server", url, "--token-file", s.dir + "/tokens"});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_EQ(r.err, "flowc: --server: cannot reach " + url + ": connection refused\n");
}

TEST(ReloadE2E, DryRunAgainstSomethingThatIsNotAFlowcServer) {
  std::string dir = scratch_dir("reload_dry_run_not_flowc");
  save(dir + "/greet.flow", greet("one"));
  testing::TestServer text([](const testing::SeenRequest&) {
    testing::TestAnswer a;
    a.body = "<html>hello</html>";
    a.content_type = "text/html";
    return a;
  });
  std::string url = "http://127.0.0.1:" + std::to_string(text.port());
  DryRun r = dry_run(dir, {dir + "/greet.flow", "--server", url});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_EQ(r.err, "flowc: --server: " + url +
                       "/v1/flows/greet/modules answered 200 with a body that is not JSON (is " + url +
                       " a flowc server?)\n");
  ASSERT_EQ(text.seen().size(), 1u);
  EXPECT_EQ(text.seen()[0].target, "/v1/flows/greet/modules");

  // A flowc from before the endpoint: its generic 404.
  testing::TestServer older([](const testing::SeenRequest& q) {
    testing::TestAnswer a;
    a.status = 404;
    a.body =
        json({{"error", {{"code", "not_found"}, {"message", "no such endpoint: GET " + q.target}}}}).dump();
    return a;
  });
  url = "http://127.0.0.1:" + std::to_string(older.port());
  r = dry_run(dir, {dir + "/greet.flow", "--server", url});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("flowc: --server: " + url + " has no GET /v1/flows/{name}/modules"), std::string::npos)
      << r.err;

  r = dry_run(dir, {dir + "/greet.flow", "--server", "ftp://127.0.0.1/"});
  EXPECT_EQ(r.exit, 1) << r.out << r.err;
  EXPECT_EQ(
      r.err,
      "flowc: --server: 'ftp://127.0.0.1' is not a server URL: unsupported URL scheme 'ftp' (use http:// or "
      "https://)\n");
  EXPECT_EQ(r.out, "");  // refused before compiling anything
}

}  // namespace
}  // namespace flowc::e2e

namespace flowc::e2e {
namespace {

// Three modules; `middle` only when with_middle.
std::string line3(const std::string& v, bool with_middle = true) {
  std::string s = "flow greet\nstart welcome\n\nmodule welcome = say \"" + v + "\"\n  next " +
                  (with_middle ? "middle" : "bye") + "\n";
  if (with_middle) s += "\nmodule middle = say \"" + v + " middle\"\n  next bye\n";
  return s + "\nmodule bye = hangup\n";
}

TEST(ReloadE2E, MigrateMovesActiveCallsAtTheirNextModule) {
  Server s;
  s.start("reload_migrate");
  save(s.file(), line3("one"));
  s.run({"--reload=migrate"});
  auto a = s.call();
  ASSERT_EQ(a.status, 201) << a.body << s.flowc->log();
  EXPECT_EQ(said(a), "one");
  std::string id = a.json["call_id"];

  // v2 changes both prompts; the call is in `welcome`, which v2 has.
  save(s.file(), line3("two"));
  auto r = post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["migrating_calls"], 1) << r.body;
  EXPECT_EQ(r.json["pinned_calls"], 0) << r.body;
  ASSERT_TRUE(s.wait_version(2)) << s.flow().dump() << s.flowc->log();
  EXPECT_EQ(s.flow()["last_change"]["migrating_calls"], 1) << s.flow().dump();
  EXPECT_EQ(get(s.port, "/v1/calls/" + id, kToken).json["migrating_to"], 2);

  // welcome (v1) ends; `middle` runs on v2.
  auto next = s.event(id, {{"type", "prompt_done"}});
  EXPECT_EQ(said(next), "two middle") << next.body;
  EXPECT_EQ(get(s.port, "/v1/calls/" + id, kToken).json["version"], 2);
  auto trace = get(s.port, "/v1/calls/" + id + "/trace", kToken);
  json moved;
  for (const auto& e : trace.json["entries"])
    if (e["kind"] == "migrate") moved = e["data"];
  EXPECT_EQ(moved, json({{"from", 1}, {"to", 2}, {"module", "middle"}})) << trace.body;
  // Nothing runs on v1 any more: it is gone from /v1/flows.
  EXPECT_TRUE(s.wait_flow([](const json& f) { return version_entry(f, 1).is_null(); })) << s.flow().dump();

  // v3 has no `middle`: the call, in `middle`, stays on v2 and says so.
  save(s.file(), line3("three", false));
  // A dry run says so first, and changes nothing.
  auto dry = post_json(s.port, "/v1/flows/greet/reload?dry_run=true", json::object(), kToken);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json["changes"]["removed"], json::array({"middle"})) << dry.body;
  EXPECT_EQ(dry.json["pinned_calls"], 1) << dry.body;
  EXPECT_EQ(dry.json["migrating_calls"], 0) << dry.body;
  EXPECT_EQ(s.flow()["current_version"], 2);
  ASSERT_EQ(post_json(s.port, "/v1/flows/greet/reload", json::object(), kToken).status, 200);
  ASSERT_TRUE(s.wait_version(3)) << s.flowc->log();
  EXPECT_EQ(s.flow()["last_change"]["pinned_calls"], 1) << s.flow().dump();
  auto end = s.event(id, {{"type", "prompt_done"}});
  EXPECT_EQ(end.json["commands"][0]["type"], "hangup") << end.body;
  EXPECT_EQ(get(s.port, "/v1/calls/" + id, kToken).json["version"], 2);
  EXPECT_NE(s.flowc->log().find("stay pinned"), std::string::npos) << s.flowc->log();
}

TEST(ReloadE2E, AnUnknownReloadPolicyIsAUsageError) {
  std::string cmd = bin("tools/flowc/flowc") + " serve " + source_dir() + "/examples --reload=sometimes 2>&1";
  FILE* out = popen(cmd.c_str(), "r");
  ASSERT_NE(out, nullptr);
  std::string text;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, out)) text.append(buf, n);
  int status = pclose(out);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2) << status << text;
  EXPECT_NE(text.find("--reload must be pin or migrate, got 'sometimes'"), std::string::npos) << text;
}

}  // namespace
}  // namespace flowc::e2e
