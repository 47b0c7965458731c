// The demo stack of the end-to-end tests: the SMTP sink, the CRM stub and
// `flowc serve examples/`, each on a port it chose, started for one test.
#pragma once

#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/e2e/harness.h"

namespace flowc::e2e {

using nlohmann::json;

inline constexpr const char* kToken = "e2e-token-0123456789abcdef";

// The three processes of the demo, started for one test.
struct Stack {
  std::map<std::string, std::string> env;  // more environment for flowc (NEXJ_URL, …)
  std::string dir;
  std::unique_ptr<Process> smtp, crm, flowc;
  uint16_t smtp_port = 0, crm_port = 0, port = 0;

  // crm_mode: ok | slow | down | 500 | garbage
  void start(const std::string& test, const std::string& crm_mode = "ok",
             std::vector<std::string> extra = {}) {
    dir = scratch_dir(test);
    smtp = std::make_unique<Process>(
        "smtp_sink",
        std::vector<std::string>{bin("tools/smtp_sink/smtp_sink"), "--listen", "127.0.0.1:0", "--dir",
                                 dir + "/mail", "--port-file", dir + "/smtp.port"},
        std::map<std::string, std::string>{}, dir + "/smtp.log");
    smtp_port = wait_for_port_file(dir + "/smtp.port", *smtp);
    ASSERT_NE(smtp_port, 0) << smtp->log();
    crm = std::make_unique<Process>(
        "crm_stub",
        std::vector<std::string>{bin("examples/order_status/crm_stub/crm_stub"), "--listen", "127.0.0.1:0",
                                 "--port-file", dir + "/crm.port", "--flowc-port-file", dir + "/flowc.port",
                                 "--customers",
                                 source_dir() + "/examples/order_status/crm_stub/customers.json", "--token",
                                 kToken, "--mode", crm_mode, "--delay-ms", crm_mode == "slow" ? "3000" : "0"},
        std::map<std::string, std::string>{}, dir + "/crm.log");
    crm_port = wait_for_port_file(dir + "/crm.port", *crm);
    ASSERT_NE(crm_port, 0) << crm->log();
    {
      std::ofstream tokens(dir + "/tokens");
      tokens << kToken << "\n";
    }
    std::vector<std::string> argv{bin("tools/flowc/flowc"),
                                  "serve",
                                  source_dir() + "/examples",
                                  "--listen",
                                  "127.0.0.1:0",
                                  "--port-file",
                                  dir + "/flowc.port",
                                  "--token-file",
                                  dir + "/tokens",
                                  "--smtp",
                                  "smtp://127.0.0.1:" + std::to_string(smtp_port)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    flowc = std::make_unique<Process>("flowc", argv,
                                      with_env({{"CRM_URL", "http://127.0.0.1:" + std::to_string(crm_port)}}),
                                      dir + "/flowc.log");
    port = wait_for_port_file(dir + "/flowc.port", *flowc);
    ASSERT_NE(port, 0) << flowc->log();
    ASSERT_TRUE(wait_healthy(port, *flowc)) << flowc->log();
  }

  std::map<std::string, std::string> with_env(std::map<std::string, std::string> base) const {
    for (const auto& [k, v] : env) base[k] = v;
    return base;
  }

  HttpResult start_call(const std::string& from) {
    return post_json(port, "/v1/calls", {{"from", from}, {"to", "+4940999"}});
  }
  HttpResult event(const std::string& id, const json& e) {
    return post_json(port, "/v1/calls/" + id + "/events", e);
  }
  json trace(const std::string& id) { return get(port, "/v1/calls/" + id + "/trace", kToken).json; }
  std::string logs() const {
    return "--- flowc\n" + flowc->log() + "--- crm\n" + crm->log() + "--- smtp\n" + smtp->log();
  }
};

inline std::vector<std::string> types(const json& answer) {
  std::vector<std::string> out;
  if (answer.contains("commands"))
    for (const auto& c : answer["commands"]) out.push_back(c["type"]);
  return out;
}

using Types = std::vector<std::string>;
}  // namespace flowc::e2e
