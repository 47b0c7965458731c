// The SMTP client: a bounded queue of emails, worker threads each running one
// libcurl easy transfer at a time (libcurl writes the SMTP conversation and
// the dot-stuffing), and the RFC 5322 / RFC 2047 / MIME message builder.
#include "runtime/client/smtp_client.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <curl/curl.h>
#include <deque>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "runtime/client/duration_text.h"

namespace flowc::client {

namespace {

using Clock = std::chrono::steady_clock;

bool has_crlf(const std::string& s) {
  return s.find_first_of(std::string("\r\n\0", 3)) != std::string::npos;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// A plain addr-spec: printable ASCII, one '@', a dotted domain. Quoted local
// parts and international addresses (SMTPUTF8) are not supported.
bool valid_address(const std::string& a) {
  if (a.size() > 254) return false;
  size_t at = a.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= a.size() || a.find('@', at + 1) != std::string::npos)
    return false;
  for (size_t i = 0; i < at; ++i) {
    char c = a[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) ||
          std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos))
      return false;
  }
  for (size_t i = at + 1; i < a.size(); ++i) {
    char c = a[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
  }
  return a.back() != '.' && a[at + 1] != '.';
}

bool printable_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

std::string base64(std::string_view in) {
  static constexpr char kTable[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += kTable[v >> 18];
    out += kTable[(v >> 12) & 63];
    out += kTable[(v >> 6) & 63];
    out += kTable[v & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += kTable[v >> 18];
    out += kTable[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kTable[v >> 18];
    out += kTable[(v >> 12) & 63];
    out += kTable[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// Line endings as CRLF, and a final CRLF.
std::string crlf_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40 + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

bool needs_qp(const std::string& body) {  // body with CRLF line ends
  size_t line = 0;
  for (char c : body) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      line = 0;
      continue;
    }
    if (u >= 0x80 || u == 0 || (u < 0x20 && c != '\r' && c != '\t')) return true;
    if (++line > 998) return true;
  }
  return false;
}

// Quoted-printable (RFC 2045 §6.7) of a body with CRLF line ends.
std::string quoted_printable(const std::string& body) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find("\r\n", start);
    if (end == std::string::npos) end = body.size();
    size_t col = 0;
    for (size_t i = start; i < end; ++i) {
      auto c = static_cast<unsigned char>(body[i]);
      bool last = i + 1 == end;
      std::string piece;
      if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
        piece = static_cast<char>(c);
      } else {
        piece = {'=', kHex[c >> 4], kHex[c & 15]};
      }
      if (col + piece.size() > 75) {  // soft line break keeps lines at 76
        out += "=\r\n";
        col = 0;
      }
      out += piece;
      col += piece.size();
    }
    out += "\r\n";
    start = end + 2;
  }
  return out;
}

std::string rfc5322_date(int64_t unix_ms) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

// "Name <addr>" with the name encoded or quoted as needed; "addr" alone.
std::string from_header(const std::string& mailbox) {
  std::string addr = SmtpClient::address_of(mailbox);
  size_t lt = mailbox.find('<');
  std::string name = lt == std::string::npos ? "" : trim(mailbox.substr(0, lt));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  if (name.empty()) return addr;
  std::string shown;
  if (!printable_ascii(name) || name.find("=?") != std::string::npos) {
    shown = SmtpClient::encode_header(name);
  } else if (name.find_first_of("()<>[]:;@\\,.\"") != std::string::npos) {
    shown = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') shown += '\\';
      shown += c;
    }
    shown += '"';
  } else {
    shown = name;
  }
  return shown + " <" + addr + ">";
}

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t nitems, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t n = std::min(size * nitems, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;  // non-zero aborts the transfer
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

struct SmtpClient::Impl {
  struct Job {
    Email email;
    std::function<void(EmailResult)> done;
    Clock::time_point queued;
    std::string message_id;
  };

  explicit Impl(SmtpOptions o) : options(std::move(o)) {
    std::random_device rd;
    rng.seed((static_cast<uint64_t>(rd()) << 32) ^ rd());
  }

  void worker() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stopping || !queue.empty(); });
        if (stopping) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      EmailResult r = transfer(job);
      r.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - job.queued).count();
      deliver(job.done, std::move(r));
    }
  }

  static void deliver(std::function<void(EmailResult)>& done, EmailResult r) {
    try {
      done(std::move(r));
    } catch (...) {
      // A callback must not throw; a worker thread is no place to let it go.
    }
  }

  EmailResult transfer(const Job& job) {
    EmailResult r;
    r.message_id = job.message_id;
    int64_t now = options.now_ms ? options.now_ms()
                                 : std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count();
    std::string message = build_message(job.email, options.from, now, job.message_id);
    Upload upload{&message};
    CURL* curl = curl_easy_init();
    if (!curl) {
      r.detail = "cannot start an SMTP transfer (libcurl)";
      return r;
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    std::string mail_from = "<" + from_addr + ">";
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + job.email.to + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, options.server.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(job.email.timeout_ms));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(job.email.timeout_ms));
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &stopping_flag);
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     static_cast<long>(options.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options.verify_peer ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options.verify_peer ? 2L : 0L);
    if (!options.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_file.c_str());
    if (!options.username.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, options.username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, options.password.c_str());
    }
    CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    r.smtp_code = static_cast<int>(code);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);

    std::string why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    switch (rc) {
      case CURLE_OK: r.ok = true; break;
      case CURLE_OPERATION_TIMEDOUT: r.detail = "timeout after " + duration_text(job.email.timeout_ms); break;
      case CURLE_ABORTED_BY_CALLBACK: r.detail = "the SMTP client was shut down"; break;
      case CURLE_COULDNT_CONNECT: r.detail = "cannot connect to the SMTP server: " + why; break;
      case CURLE_COULDNT_RESOLVE_HOST: r.detail = "cannot resolve the SMTP server: " + why; break;
      case CURLE_LOGIN_DENIED: r.detail = "the SMTP server refused the login"; break;
      case CURLE_USE_SSL_FAILED: r.detail = "the SMTP server does not offer STARTTLS"; break;
      default:
        r.detail = "SMTP: " + why;
        if (code >= 400) r.detail += " (reply " + std::to_string(code) + ")";
        break;
    }
    return r;
  }

  std::string new_message_id(int64_t unix_ms) {
    uint64_t v;
    {
      std::lock_guard lock(mu);
      v = rng();
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    std::string domain = from_addr.substr(from_addr.find('@') + 1);
    return "<" + std::to_string(unix_ms) + "." + buf + "@" + domain + ">";
  }

  SmtpOptions options;
  std::string from_addr;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Job> queue;
  bool stopping = false;
  std::atomic<bool> stopping_flag{false};  // read by transfers in flight
  std::mt19937_64 rng;
  std::vector<std::thread> threads;
};

SmtpClient::SmtpClient(SmtpOptions options) {
  const std::string& s = options.server;
  if (has_crlf(s) || !(s.rfind("smtp://", 0) == 0 || s.rfind("smtps://", 0) == 0) ||
      s.size() <= std::string("smtps://").size())
    throw std::invalid_argument("the SMTP server must be smtp://host:port or smtps://host:port, not '" + s +
                                "'");
  if (has_crlf(options.from) || !valid_address(address_of(options.from)))
    throw std::invalid_argument("the From address '" + options.from +
                                "' is not an address like name@example.com");
  global_init();
  impl_ = std::make_unique<Impl>(std::move(options));
  impl_->from_addr = address_of(impl_->options.from);
  size_t n = std::max<size_t>(1, impl_->options.threads);
  for (size_t i = 0; i < n; ++i) impl_->threads.emplace_back([impl = impl_.get()] { impl->worker(); });
}

SmtpClient::~SmtpClient() {
  std::deque<Impl::Job> left;
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
    impl_->stopping_flag = true;
    left.swap(impl_->queue);
  }
  impl_->cv.notify_all();
  for (auto& job : left) {
    EmailResult r;
    r.detail = "the SMTP client was shut down";
    Impl::deliver(job.done, std::move(r));
  }
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
}

const SmtpOptions& SmtpClient::options() const {
  return impl_->options;
}

void SmtpClient::send(Email email, std::function<void(EmailResult)> done) {
  auto fail = [&](std::string detail) {
    EmailResult r;
    r.detail = std::move(detail);
    Impl::deliver(done, std::move(r));
  };
  email.to = trim(email.to);
  if (std::string why = validate(email); !why.empty()) return fail(why);
  int64_t now = impl_->options.now_ms ? impl_->options.now_ms()
                                      : std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count();
  Impl::Job job{std::move(email), std::move(done), Clock::now(), impl_->new_message_id(now)};
  std::string refused;
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->stopping) {
      refused = "the SMTP client was shut down";
    } else if (impl_->queue.size() >= impl_->options.max_queue) {
      refused = "too many emails waiting to be sent (" + std::to_string(impl_->options.max_queue) + ")";
    } else {
      impl_->queue.push_back(std::move(job));
      impl_->cv.notify_one();
      return;
    }
  }
  done = std::move(job.done);
  fail(refused);
}

std::string SmtpClient::validate(const Email& email) {
  std::string to = trim(email.to);
  if (has_crlf(to)) return "the recipient contains CR or LF";
  if (to.empty()) return "the recipient address is empty";
  if (!valid_address(to)) return "invalid recipient address '" + to.substr(0, 100) + "'";
  if (has_crlf(email.subject)) return "the subject contains CR or LF";
  if (email.text.size() > (1u << 20)) return "the email body is larger than 1 MiB";
  if (email.timeout_ms == 0) return "the timeout is zero";
  return "";
}

std::string SmtpClient::address_of(const std::string& mailbox) {
  size_t lt = mailbox.rfind('<');
  if (lt == std::string::npos) return trim(mailbox);
  size_t gt = mailbox.find('>', lt);
  if (gt == std::string::npos) return "";
  return trim(mailbox.substr(lt + 1, gt - lt - 1));
}

std::string SmtpClient::encode_header(const std::string& text) {
  if (printable_ascii(text) && text.find("=?") == std::string::npos && text.size() <= 900) return text;
  // Encoded words of at most 75 characters: 45 bytes of UTF-8 each, never
  // splitting a character; folded onto continuation lines.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + 45);
    while (end < text.size() && end > i + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(text).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string SmtpClient::build_message(const Email& email, const std::string& from, int64_t unix_ms,
                                      const std::string& message_id) {
  std::string body = crlf_lines(email.text);
  bool qp = needs_qp(body);
  std::string m;
  m.reserve(body.size() + 512);
  m += "Date: " + rfc5322_date(unix_ms) + "\r\n";
  m += "From: " + from_header(from) + "\r\n";
  m += "To: " + trim(email.to) + "\r\n";
  m += "Subject: " + encode_header(email.subject) + "\r\n";
  m += "Message-ID: " + message_id + "\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=utf-8\r\n";
  m += std::string("Content-Transfer-Encoding: ") + (qp ? "quoted-printable" : "7bit") + "\r\n";
  m += "\r\n";
  m += qp ? quoted_printable(body) : body;
  return m;
}

}  // namespace flowc::client
