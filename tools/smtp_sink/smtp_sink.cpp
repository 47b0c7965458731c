// The sink on Asio: an acceptor and one Session object per connection
// (shared_from_this, a strand each), do_read/on_read over CRLF lines with a
// bounded buffer, a timer armed before every read, and the SMTP state machine.
#include "tools/smtp_sink/smtp_sink.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <boost/asio/buffers_iterator.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

namespace flowc::tools {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "<addr>" out of "FROM:<addr> SIZE=…"; nullopt when malformed.
std::optional<std::string> path_arg(const std::string& rest) {
  size_t lt = rest.find('<');
  size_t gt = rest.find('>', lt == std::string::npos ? 0 : lt);
  if (lt == std::string::npos || gt == std::string::npos) return std::nullopt;
  return rest.substr(lt + 1, gt - lt - 1);
}

int unhex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string unbase64(const std::string& in) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else
      continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace

struct detail::SmtpSinkImpl : std::enable_shared_from_this<detail::SmtpSinkImpl> {
  SmtpSinkImpl(asio::io_context& io, SmtpSinkOptions o, std::function<void(const SinkMessage&)> m,
               std::function<void(const std::string&)> l)
      : io(io), acceptor(io), options(std::move(o)), on_message(std::move(m)), log(std::move(l)) {}

  void do_accept();
  void say(const std::string& line) {
    if (log) log(line);
  }

  asio::io_context& io;
  tcp::acceptor acceptor;
  SmtpSinkOptions options;
  std::function<void(const SinkMessage&)> on_message;
  std::function<void(const std::string&)> log;
  std::atomic<uint64_t> messages{0};
  std::atomic<size_t> sessions{0};
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<detail::SmtpSinkImpl> sink)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        sink_(std::move(sink)),
        buffer_(sink_->options.max_line_bytes) {
    ++sink_->sessions;
  }
  ~Session() { --sink_->sessions; }

  void start(bool too_many) {
    if (too_many) {
      reply("421 4.3.2 too many connections, try again later", true);
      return;
    }
    reply("220 " + sink_->options.hostname + " ESMTP smtp_sink");
  }

 private:
  // ---- lines in

  void do_read() {
    timer_.expires_after(std::chrono::milliseconds(sink_->options.idle_timeout_ms));
    timer_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      self->timed_out_ = true;
      error_code ignored;
      self->socket_.cancel(ignored);
    });
    asio::async_read_until(socket_, buffer_, "\n",
                           [self = shared_from_this()](error_code ec, size_t n) { self->on_read(ec, n); });
  }

  void on_read(error_code ec, size_t n) {
    timer_.cancel();
    if (timed_out_) {
      sink_->say("smtp_sink: dropped an idle client");
      return reply("421 4.4.2 idle for too long, closing", true);
    }
    if (ec == asio::error::not_found) {  // the buffer filled up before a line ended
      sink_->say("smtp_sink: refused a line over " + std::to_string(sink_->options.max_line_bytes) +
                 " bytes");
      return reply("500 5.5.6 line too long", true);
    }
    if (ec) return close();
    std::string line(asio::buffers_begin(buffer_.data()),
                     asio::buffers_begin(buffer_.data()) + static_cast<long>(n));
    buffer_.consume(n);
    line.pop_back();  // \n
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (in_data_)
      data_line(line);
    else
      command(line);
  }

  // ---- the SMTP state machine

  void command(const std::string& line) {
    std::string verb = upper(line.substr(0, line.find(' ')));
    std::string rest = line.size() > verb.size() ? line.substr(verb.size() + 1) : "";
    const auto& o = sink_->options;
    if (verb == "EHLO") {
      greeted_ = true;
      reset();
      return reply("250-" + o.hostname + " hello " + rest + "\r\n250-8BITMIME\r\n250-SIZE " +
                   std::to_string(o.max_message_bytes) + "\r\n250 HELP");
    }
    if (verb == "HELO") {
      greeted_ = true;
      reset();
      return reply("250 " + o.hostname);
    }
    if (verb == "NOOP") return reply("250 2.0.0 OK");
    if (verb == "RSET") {
      reset();
      return reply("250 2.0.0 OK");
    }
    if (verb == "QUIT") return reply("221 2.0.0 bye", true);
    if (verb == "VRFY") return reply("252 2.1.5 cannot verify, but will accept");
    if (verb == "HELP") return reply("214 2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT");
    if (verb == "MAIL") {
      if (!greeted_) return reply("503 5.5.1 send EHLO first");
      if (from_) return reply("503 5.5.1 MAIL already given");
      auto addr = upper(rest).rfind("FROM:", 0) == 0 ? path_arg(rest) : std::nullopt;
      if (!addr) return reply("501 5.5.4 syntax: MAIL FROM:<address>");
      size_t size_at = upper(rest).find("SIZE=");
      if (size_at != std::string::npos &&
          std::strtoull(rest.c_str() + size_at + 5, nullptr, 10) > o.max_message_bytes)
        return reply("552 5.3.4 message too large");
      from_ = *addr;
      return reply("250 2.1.0 OK");
    }
    if (verb == "RCPT") {
      if (!from_) return reply("503 5.5.1 need MAIL first");
      auto addr = upper(rest).rfind("TO:", 0) == 0 ? path_arg(rest) : std::nullopt;
      if (!addr || addr->empty()) return reply("501 5.5.4 syntax: RCPT TO:<address>");
      if (to_.size() >= o.max_recipients) return reply("452 4.5.3 too many recipients");
      to_.push_back(*addr);
      return reply("250 2.1.5 OK");
    }
    if (verb == "DATA") {
      if (to_.empty()) return reply("503 5.5.1 need RCPT first");
      in_data_ = true;
      data_.clear();
      too_large_ = false;
      return reply("354 end data with <CR><LF>.<CR><LF>");
    }
    if (verb == "STARTTLS" || verb == "AUTH") return reply("502 5.5.1 not implemented");
    return reply("500 5.5.2 command not recognized");
  }

  void data_line(const std::string& line) {
    if (line == ".") {
      in_data_ = false;
      if (too_large_) {
        reset();
        return reply("552 5.3.4 message too large");
      }
      return store();
    }
    std::string_view text = line;
    if (!text.empty() && text.front() == '.') text.remove_prefix(1);  // dot-unstuffing
    if (data_.size() + text.size() + 2 > sink_->options.max_message_bytes) {
      too_large_ = true;
      data_.clear();
    }
    if (!too_large_) {
      data_.append(text);
      data_ += "\r\n";
    }
    do_read();
  }

  void store() {
    uint64_t n = ++sink_->messages;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    char name[64];
    std::snprintf(name, sizeof name, "%lld-%06llu.eml", static_cast<long long>(ms),
                  static_cast<unsigned long long>(n));
    std::string path = sink_->options.dir + "/" + name;
    std::string envelope = "Return-Path: <" + *from_ + ">\r\nDelivered-To: ";
    for (size_t i = 0; i < to_.size(); ++i) envelope += (i ? ", <" : "<") + to_[i] + ">";
    envelope += "\r\n";
    bool ok;
    {
      std::string tmp = path + ".tmp";
      std::ofstream out(tmp, std::ios::binary);
      out << envelope << data_;
      out.close();
      ok = out.good() && std::rename(tmp.c_str(), path.c_str()) == 0;
      if (!ok) std::remove(tmp.c_str());
    }
    if (!ok) {
      sink_->say("smtp_sink: cannot write " + path);
      reset();
      return reply("451 4.3.0 cannot store the message");
    }
    SinkMessage m;
    m.from = *from_;
    m.to = to_;
    m.path = path;
    m.bytes = data_.size();
    m.subject = subject_of(data_);
    if (sink_->on_message) sink_->on_message(m);
    reset();
    reply("250 2.0.0 OK queued as " + std::to_string(n));
  }

  static std::string subject_of(const std::string& data) {
    std::string subject;
    bool in_subject = false;
    size_t pos = 0;
    while (pos < data.size()) {
      size_t end = data.find("\r\n", pos);
      if (end == std::string::npos) end = data.size();
      std::string line = data.substr(pos, end - pos);
      pos = end + 2;
      if (line.empty()) break;  // end of the header
      if (in_subject && (line[0] == ' ' || line[0] == '\t')) {
        subject += line;  // unfolded
        continue;
      }
      in_subject = upper(line.substr(0, 8)) == "SUBJECT:";
      if (in_subject) subject = line.substr(8);
    }
    size_t b = subject.find_first_not_of(" \t");
    return SmtpSink::decode_header(b == std::string::npos ? "" : subject.substr(b));
  }

  void reset() {
    from_.reset();
    to_.clear();
    data_.clear();
    in_data_ = false;
    too_large_ = false;
  }

  // ---- replies out

  void reply(std::string text, bool then_close = false) {
    auto out = std::make_shared<std::string>(std::move(text) + "\r\n");
    timer_.expires_after(std::chrono::milliseconds(sink_->options.idle_timeout_ms));
    timer_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      error_code ignored;
      self->socket_.cancel(ignored);
    });
    asio::async_write(socket_, asio::buffer(*out),
                      [self = shared_from_this(), out, then_close](error_code ec, size_t) {
                        self->timer_.cancel();
                        if (ec || then_close) return self->close();
                        self->do_read();
                      });
  }

  void close() {
    error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  std::shared_ptr<detail::SmtpSinkImpl> sink_;
  asio::streambuf buffer_;
  bool timed_out_ = false;
  bool greeted_ = false;
  bool in_data_ = false;
  bool too_large_ = false;
  std::optional<std::string> from_;
  std::vector<std::string> to_;
  std::string data_;
};

}  // namespace

void detail::SmtpSinkImpl::do_accept() {
  acceptor.async_accept(asio::make_strand(io), [self = shared_from_this()](error_code ec, tcp::socket s) {
    if (!self->acceptor.is_open()) return;
    if (!ec) {
      bool too_many = self->sessions >= self->options.max_sessions;
      std::make_shared<Session>(std::move(s), self)->start(too_many);
    }
    self->do_accept();
  });
}

SmtpSink::SmtpSink(asio::io_context& io, SmtpSinkOptions options,
                   std::function<void(const SinkMessage&)> on_message,
                   std::function<void(const std::string&)> log)
    : impl_(std::make_shared<detail::SmtpSinkImpl>(io, std::move(options), std::move(on_message),
                                                   std::move(log))) {
  error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + impl_->options.address + "'");
  tcp::endpoint ep(address, impl_->options.port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + impl_->options.address + ":" +
                             std::to_string(impl_->options.port) + ": " + ec.message());
  impl_->do_accept();
}

SmtpSink::~SmtpSink() {
  stop();
}

uint16_t SmtpSink::port() const {
  error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void SmtpSink::stop() {
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] {
    error_code ec;
    impl->acceptor.close(ec);
  });
}

std::string SmtpSink::summary(const SinkMessage& m) {
  std::string to;
  for (size_t i = 0; i < m.to.size(); ++i) to += (i ? ", <" : "<") + m.to[i] + ">";
  return "smtp_sink: message from <" + m.from + "> to " + to + ", subject \"" + m.subject + "\", " +
         std::to_string(m.bytes) + " bytes -> " + m.path;
}

std::string SmtpSink::decode_header(const std::string& value) {
  std::string out;
  size_t pos = 0;
  bool last_was_word = false;
  while (pos < value.size()) {
    size_t start = value.find("=?", pos);
    size_t q1 = start == std::string::npos ? start : value.find('?', start + 2);
    size_t q2 = q1 == std::string::npos ? q1 : value.find('?', q1 + 1);
    size_t end = q2 == std::string::npos ? q2 : value.find("?=", q2 + 1);
    if (end == std::string::npos) {
      out += value.substr(pos);
      break;
    }
    std::string between = value.substr(pos, start - pos);
    // Whitespace between two encoded words is not part of the text.
    if (!(last_was_word && between.find_first_not_of(" \t\r\n") == std::string::npos)) out += between;
    char enc = static_cast<char>(std::toupper(static_cast<unsigned char>(value[q1 + 1])));
    std::string text = value.substr(q2 + 1, end - q2 - 1);
    if (enc == 'B') {
      out += unbase64(text);
    } else {
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
          out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size() && unhex(text[i + 1]) >= 0 &&
                   unhex(text[i + 2]) >= 0) {
          out += static_cast<char>(unhex(text[i + 1]) * 16 + unhex(text[i + 2]));
          i += 2;
        } else {
          out += text[i];
        }
      }
    }
    last_was_word = true;
    pos = end + 2;
  }
  return out;
}

}  // namespace flowc::tools
