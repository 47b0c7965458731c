// smtp_sink: a local SMTP server that stores every message it gets as an
// .eml file, for the demo and the tests (see smtp_sink.h).
//
//   smtp_sink --listen 127.0.0.1:2525 --dir mail/
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "tools/port_file.h"
#include "tools/smtp_sink/smtp_sink.h"

namespace {

int usage(const char* error) {
  if (error) std::fprintf(stderr, "smtp_sink: %s\n", error);
  std::fprintf(stderr,
               "usage: smtp_sink [--listen HOST:PORT] [--port-file F] --dir DIR [--max-size BYTES]\n"
               "  --port-file F       write the port to F once listening (for port 0)\n"
               "  --listen HOST:PORT  where to accept mail (default 127.0.0.1:2525; port 0: any free port)\n"
               "  --dir DIR           where each message is written as an .eml file (created if missing)\n"
               "  --max-size BYTES    largest message accepted (default 10485760)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  flowc::tools::SmtpSinkOptions options;
  std::string port_file;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--help" || arg == "-h") return usage(nullptr);
    const char* v = value();
    if (!v) return usage(("missing value after " + arg).c_str());
    if (arg == "--listen") {
      std::string listen = v;
      size_t colon = listen.rfind(':');
      if (colon == std::string::npos) return usage("--listen needs HOST:PORT");
      options.address = listen.substr(0, colon);
      char* end = nullptr;
      long port = std::strtol(listen.c_str() + colon + 1, &end, 10);
      if (*end || port < 0 || port > 65535) return usage("invalid port in --listen");
      options.port = static_cast<uint16_t>(port);
    } else if (arg == "--dir") {
      options.dir = v;
    } else if (arg == "--port-file") {
      port_file = v;
    } else if (arg == "--max-size") {
      options.max_message_bytes = std::strtoull(v, nullptr, 10);
      if (options.max_message_bytes == 0) return usage("invalid --max-size");
    } else {
      return usage(("unknown option " + arg).c_str());
    }
  }
  if (options.dir.empty()) return usage("--dir is required");
  std::error_code fs_ec;
  std::filesystem::create_directories(options.dir, fs_ec);
  if (fs_ec) {
    std::fprintf(stderr, "smtp_sink: cannot create %s: %s\n", options.dir.c_str(), fs_ec.message().c_str());
    return 1;
  }

  boost::asio::io_context io;
  try {
    flowc::tools::SmtpSink sink(
        io, options,
        [](const flowc::tools::SinkMessage& m) {
          std::cout << flowc::tools::SmtpSink::summary(m) << std::endl;
        },
        [](const std::string& line) { std::cerr << line << std::endl; });
    std::cout << "smtp_sink: listening on " << options.address << ":" << sink.port() << ", writing to "
              << options.dir << std::endl;
    if (!port_file.empty() && !flowc::tools::write_port_file(port_file, sink.port()))
      throw std::runtime_error("cannot write " + port_file);
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { io.stop(); });
    io.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "smtp_sink: %s\n", e.what());
    return 1;
  }
  return 0;
}
