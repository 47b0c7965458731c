// smtp_sink: a minimal SMTP server for the demo and the tests. It accepts
// mail from anyone (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), writes
// each message to a directory as an .eml file and reports it. Not a relay:
// nothing is ever forwarded. Asio stays in smtp_sink.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace flowc::tools {

namespace detail {
struct SmtpSinkImpl;
}

struct SmtpSinkOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 2525;                  // 0: any free port (see SmtpSink::port())
  std::string dir;                       // where the .eml files go; must exist
  std::string hostname = "smtp-sink";    // in the greeting
  size_t max_line_bytes = 4096;          // longer command or text lines: 500 and the connection closes
  size_t max_message_bytes = 10u << 20;  // larger messages are refused with 552
  size_t max_recipients = 100;
  size_t max_sessions = 100;          // more connections at once get 421
  uint32_t idle_timeout_ms = 60'000;  // a client silent this long is dropped (421)
};

struct SinkMessage {
  std::string from;             // MAIL FROM address
  std::vector<std::string> to;  // RCPT TO addresses
  std::string subject;          // decoded (RFC 2047) Subject header
  std::string path;             // the .eml file written
  size_t bytes = 0;             // size of the message data
};

// Runs on the caller's io_context (any number of threads). on_message is
// called once a message is stored, before the client gets its 250; log with
// other events (refused commands, write errors, dropped clients).
class SmtpSink {
 public:
  // Binds and listens; throws std::runtime_error when the address is unusable.
  SmtpSink(boost::asio::io_context& io, SmtpSinkOptions options,
           std::function<void(const SinkMessage&)> on_message = {},
           std::function<void(const std::string&)> log = {});
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  uint16_t port() const;
  void stop();  // stops accepting; sessions finish on their own

  // `smtp_sink: message 3 from <a@x> to <b@y>, subject "…", 512 bytes -> DIR/…eml`
  static std::string summary(const SinkMessage& m);
  // RFC 2047 encoded words (B and Q) of a header value decoded to UTF-8.
  static std::string decode_header(const std::string& value);

 private:
  std::shared_ptr<detail::SmtpSinkImpl> impl_;
};

}  // namespace flowc::tools
