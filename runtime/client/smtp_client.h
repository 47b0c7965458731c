// Sends the emails of `email` actions over SMTP (smtp:// or smtps://) with
// libcurl, on a small worker pool so that a call never waits on a mail
// server. Also builds the RFC 5322 message. libcurl stays in smtp_client.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace flowc::client {

struct SmtpOptions {
  std::string server;  // "smtp://host:port" (plain, or STARTTLS with starttls) or "smtps://host:port"
  std::string from = "flowc <flowc@localhost>";  // "Name <addr>" or "addr"
  std::string username, password;                // AUTH, when the server wants it
  bool starttls = false;                         // smtp://: require STARTTLS
  bool verify_peer = true;                       // TLS: verify certificate and host name
  std::string ca_file;                           // PEM file of extra trusted CAs
  size_t threads = 2;                            // emails sent at once
  size_t max_queue = 1000;                       // waiting emails beyond this fail at once
  std::function<int64_t()> now_ms;               // clock for the Date header (default: system clock)
};

struct Email {
  std::string to;                // one address: local@domain
  std::string subject;           // UTF-8
  std::string text;              // UTF-8, plain text
  uint32_t timeout_ms = 10'000;  // the whole SMTP conversation
};

struct EmailResult {
  bool ok = false;
  std::string detail;      // why it failed: "timeout after 10s", "SMTP server refused the recipient …"
  std::string message_id;  // "<…@domain>" of the message sent
  int smtp_code = 0;       // the server's last reply code, 0 when none
  int64_t latency_ms = 0;  // from send() to done
};

// Threading: `options.threads` worker threads send the queued emails; send()
// only queues (thread-safe, never blocks). `done` runs exactly once on a
// worker thread, or on the caller's thread before send() returns when the
// email is refused at once (bad address, CR/LF, full queue, shut down).
// The destructor fails queued emails, aborts those in flight and joins.
class SmtpClient {
 public:
  // Throws std::invalid_argument when the server URL or the From address is
  // unusable.
  explicit SmtpClient(SmtpOptions options);
  ~SmtpClient();
  SmtpClient(const SmtpClient&) = delete;
  SmtpClient& operator=(const SmtpClient&) = delete;

  void send(Email email, std::function<void(EmailResult)> done);
  const SmtpOptions& options() const;

  // "" when the email may be sent, else why not.
  static std::string validate(const Email& email);
  // The RFC 5322 message: Date, From, To, Subject (RFC 2047 when not ASCII),
  // Message-ID, MIME text/plain; charset=utf-8 (7bit or quoted-printable).
  static std::string build_message(const Email& email, const std::string& from, int64_t unix_ms,
                                   const std::string& message_id);
  // An RFC 2047 "=?UTF-8?B?…?=" header value (folded) when `text` is not
  // short printable ASCII; `text` itself otherwise.
  static std::string encode_header(const std::string& text);
  // The addr-spec of "Name <addr>" or "addr"; "" when there is none.
  static std::string address_of(const std::string& mailbox);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowc::client
