// crm_stub: the CRM of the order-status example (see crm_stub.h).
//
//   crm_stub --listen 127.0.0.1:8081 --flowc http://127.0.0.1:8080
//            --customers customers.json [--token T] [--mode ok|slow|down|500|garbage]
//            [--delay-ms N] [--fail-rate P]
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "tools/port_file.h"
#include "examples/order_status/crm_stub/crm_stub.h"

#ifndef FLOWC_CRM_CUSTOMERS
#define FLOWC_CRM_CUSTOMERS "customers.json"
#endif

namespace {

int usage(const std::string& error) {
  if (!error.empty()) std::fprintf(stderr, "crm_stub: %s\n", error.c_str());
  std::fprintf(
      stderr,
      "usage: crm_stub [--listen HOST:PORT] [--port-file F] [--flowc URL | --flowc-port-file F] [--customers FILE] [--token T]\n"
      "                [--mode ok|slow|down|500|garbage] [--delay-ms N] [--fail-rate P]\n"
      "  --listen HOST:PORT  where the CRM listens (default 127.0.0.1:8081; port 0: any free port)\n"
      "  --flowc URL         the flowc runtime whose sessions API gets the profile\n"
      "                      (default $FLOWC_URL or http://127.0.0.1:8080)\n"
      "  --customers FILE    the customers (default %s)\n"
      "  --token T           Bearer token for the sessions API (default $FLOWC_TOKEN)\n"
      "  --mode M            ok: answer; slow: answer after --delay-ms (3000 by default);\n"
      "                      down: drop connections; 500: answer HTTP 500; garbage: answer non-JSON\n"
      "  --delay-ms N        wait N ms before every lookup answer\n"
      "  --fail-rate P       answer this share of lookups (0..1) with HTTP 500\n"
      "Routes: POST /lookup {phone|reference, call_id}, GET /healthz,\n"
      "        POST /admin/mode {mode, delay_ms, fail_rate} to change the mode while running.\n",
      FLOWC_CRM_CUSTOMERS);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  flowc::examples::CrmStubOptions options;
  if (const char* url = std::getenv("FLOWC_URL")) options.flowc_url = url;
  if (const char* token = std::getenv("FLOWC_TOKEN")) options.token = token;
  std::string customers = FLOWC_CRM_CUSTOMERS;
  std::string port_file;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") return usage("");
    if (i + 1 >= argc) return usage("missing value after " + arg);
    std::string v = argv[++i];
    char* end = nullptr;
    if (arg == "--listen") {
      size_t colon = v.rfind(':');
      if (colon == std::string::npos) return usage("--listen needs HOST:PORT");
      options.address = v.substr(0, colon);
      long port = std::strtol(v.c_str() + colon + 1, &end, 10);
      if (*end || port < 0 || port > 65535) return usage("invalid port in --listen");
      options.port = static_cast<uint16_t>(port);
    } else if (arg == "--flowc") {
      options.flowc_url = v;
    } else if (arg == "--flowc-port-file") {
      options.flowc_port_file = v;
    } else if (arg == "--port-file") {
      port_file = v;
    } else if (arg == "--customers") {
      customers = v;
    } else if (arg == "--token") {
      options.token = v;
    } else if (arg == "--mode") {
      auto mode = flowc::examples::parse_crm_mode(v);
      if (!mode) return usage("--mode must be one of ok, slow, down, 500, garbage");
      options.mode = *mode;
    } else if (arg == "--delay-ms") {
      long ms = std::strtol(v.c_str(), &end, 10);
      if (*end || ms < 0 || ms > 600'000) return usage("invalid --delay-ms");
      options.delay_ms = static_cast<uint32_t>(ms);
    } else if (arg == "--fail-rate") {
      double p = std::strtod(v.c_str(), &end);
      if (*end || p < 0 || p > 1) return usage("--fail-rate must be between 0 and 1");
      options.fail_rate = p;
    } else {
      return usage("unknown option " + arg);
    }
  }
  options.log = [](const std::string& line) { std::cout << line << std::endl; };

  boost::asio::io_context io;
  try {
    options.customers = flowc::examples::CrmStub::load_customers(customers);
    size_t count = options.customers.size();
    std::string flowc_url = options.flowc_url;
    std::string mode = flowc::examples::crm_mode_name(options.mode);
    std::string address = options.address;
    flowc::examples::CrmStub stub(io, std::move(options));
    std::cout << "crm_stub: listening on http://" << address << ":" << stub.port() << " (mode " << mode
              << ", " << count << " customers from " << customers << ", flowc " << flowc_url << ")"
              << std::endl;
    if (!port_file.empty() && !flowc::tools::write_port_file(port_file, stub.port()))
      throw std::runtime_error("cannot write " + port_file);
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { io.stop(); });
    io.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crm_stub: %s\n", e.what());
    return 1;
  }
  return 0;
}
