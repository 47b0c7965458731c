// Hot reload end to end: `flowc serve` on a scratch directory of flows, the
// files rewritten as an editor would (write a temporary file, rename it over
// the original) while calls are mid-flow; reloads by --watch, SIGHUP and
// POST /v1/flows/{name}/reload; GET /v1/flows/{name}/modules.
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <signal.h>
#include <thread>

#include <gtest/gtest.h>

#include "tests/e2e/harness.h"

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

}  // namespace
}  // namespace flowc::e2e
