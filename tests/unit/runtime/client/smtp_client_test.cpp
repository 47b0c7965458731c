// The SMTP client through smtp_sink (started in-process on port 0): the
// message arrives with its RFC 5322 headers, encoded subject and body;
// refusals, an unreachable server and a silent server.
#include "runtime/client/smtp_client.h"

#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <sstream>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>

#include "tests/unit/runtime/client/test_server.h"
#include "tools/smtp_sink/smtp_sink.h"

namespace flowc::testing {
namespace {

using client::Email;
using client::EmailResult;
using client::SmtpClient;
using client::SmtpOptions;
using tools::SinkMessage;
using tools::SmtpSink;

constexpr auto kBound = std::chrono::seconds(30);

// smtp_sink on its own thread, port 0.
class Sink {
 public:
  explicit Sink(const std::string& dir) {
    tools::SmtpSinkOptions o;
    o.port = 0;
    o.dir = dir;
    sink_ = std::make_unique<SmtpSink>(io_, o, [this](const SinkMessage& m) {
      std::lock_guard lock(mu_);
      messages_.push_back(m);
    });
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Sink() {
    io_.stop();
    thread_.join();
  }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(sink_->port()); }
  std::vector<SinkMessage> messages() const {
    std::lock_guard lock(mu_);
    return messages_;
  }

 private:
  boost::asio::io_context io_;
  std::unique_ptr<SmtpSink> sink_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<SinkMessage> messages_;
};

EmailResult send_sync(SmtpClient& c, Email e) {
  auto p = std::make_shared<std::promise<EmailResult>>();
  auto f = p->get_future();
  c.send(std::move(e), [p](EmailResult r) { p->set_value(std::move(r)); });
  if (f.wait_for(kBound) != std::future_status::ready) {
    ADD_FAILURE() << "no answer from the SMTP client";
    return {};
  }
  return f.get();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The value of a header (unfolded), or "".
std::string header(const std::string& message, const std::string& name) {
  std::string head = message.substr(0, message.find("\r\n\r\n"));
  std::string unfolded = std::regex_replace(head, std::regex("\r\n[ \t]"), " ");
  std::regex re("(^|\r\n)" + name + ": ([^\r]*)", std::regex::icase);
  std::smatch m;
  return std::regex_search(unfolded, m, re) ? m[2].str() : "";
}

std::string body_of(const std::string& message) {
  return message.substr(message.find("\r\n\r\n") + 4);
}

std::string decode_qp(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') {
      i += 2;  // soft line break
    } else if (s[i] == '=' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

SmtpOptions options_for(const std::string& server) {
  SmtpOptions o;
  o.server = server;
  o.from = "Order Desk <orders@shop.example>";
  return o;
}

TEST(SmtpClient, DeliversAProperMessageThroughTheSink) {
  std::string dir = temp_dir("smtp");
  Sink sink(dir);
  SmtpClient client(options_for(sink.url()));
  Email e;
  e.to = "ben.weber@example.com";
  e.subject = "Ihre Bestellung – Status für Müller";
  e.text =
      "Hallo Ben,\n.a line that starts with a dot\nTrack it here: https://track.example.com/T-2002\nGrüße";
  EmailResult r = send_sync(client, e);
  ASSERT_TRUE(r.ok) << r.detail;
  EXPECT_EQ(r.smtp_code, 250);

  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].from, "orders@shop.example");
  EXPECT_EQ(messages[0].to, std::vector<std::string>{"ben.weber@example.com"});
  EXPECT_EQ(messages[0].subject, e.subject);  // decoded back from RFC 2047

  std::string m = read_file(messages[0].path);
  EXPECT_EQ(header(m, "From"), "Order Desk <orders@shop.example>");
  EXPECT_EQ(header(m, "To"), "ben.weber@example.com");
  EXPECT_EQ(header(m, "Subject").rfind("=?UTF-8?B?", 0), 0u) << header(m, "Subject");
  EXPECT_EQ(SmtpSink::decode_header(header(m, "Subject")), e.subject);
  EXPECT_TRUE(std::regex_match(
      header(m, "Date"),
      std::regex(R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000)")))
      << header(m, "Date");
  EXPECT_EQ(header(m, "Message-ID"), r.message_id);
  EXPECT_TRUE(std::regex_match(r.message_id, std::regex(R"(<\d+\.[0-9a-f]{16}@shop\.example>)")))
      << r.message_id;
  EXPECT_EQ(header(m, "MIME-Version"), "1.0");
  EXPECT_EQ(header(m, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(header(m, "Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(decode_qp(body_of(m)),
            "Hallo Ben,\r\n.a line that starts with a dot\r\nTrack it here: "
            "https://track.example.com/T-2002\r\nGrüße\r\n");
}

TEST(SmtpClient, AsciiMailGoesAs7bit) {
  std::string dir = temp_dir("smtp");
  Sink sink(dir);
  SmtpClient client(options_for(sink.url()));
  Email e;
  e.to = "ann@example.com";
  e.subject = "Your order";
  e.text = "Track it here: https://track.example.com/T-1\n.\nbye";
  ASSERT_TRUE(send_sync(client, e).ok);
  std::string m = read_file(sink.messages().at(0).path);
  EXPECT_EQ(header(m, "Subject"), "Your order");
  EXPECT_EQ(header(m, "Content-Transfer-Encoding"), "7bit");
  EXPECT_EQ(body_of(m),
            "Track it here: https://track.example.com/T-1\r\n.\r\nbye\r\n");  // a lone dot survives
}

TEST(SmtpClient, SeveralEmailsAtOnce) {
  std::string dir = temp_dir("smtp");
  Sink sink(dir);
  SmtpClient client(options_for(sink.url()));
  std::vector<std::future<EmailResult>> results;
  std::vector<std::shared_ptr<std::promise<EmailResult>>> promises;
  for (int i = 0; i < 6; ++i) {
    auto p = std::make_shared<std::promise<EmailResult>>();
    results.push_back(p->get_future());
    promises.push_back(p);
    client.send({"user" + std::to_string(i) + "@example.com", "n" + std::to_string(i), "text", 10'000},
                [p](EmailResult r) { p->set_value(std::move(r)); });
  }
  for (auto& f : results) {
    ASSERT_EQ(f.wait_for(kBound), std::future_status::ready);
    EXPECT_TRUE(f.get().ok);
  }
  EXPECT_EQ(sink.messages().size(), 6u);
}

TEST(SmtpClient, RefusesCrLfAndBadAddressesAtOnce) {
  std::string dir = temp_dir("smtp");
  Sink sink(dir);
  SmtpClient client(options_for(sink.url()));
  auto refused = [&](Email e) {
    std::string detail;
    int calls = 0;
    client.send(std::move(e), [&](EmailResult r) {
      EXPECT_FALSE(r.ok);
      detail = r.detail;
      ++calls;
    });
    EXPECT_EQ(calls, 1);  // before send() returns
    return detail;
  };
  EXPECT_EQ(refused({"a@example.com", "Hi\r\nBcc: victim@example.com", "x", 1000}),
            "the subject contains CR or LF");
  EXPECT_EQ(refused({"a@example.com\r\nRCPT TO:<b@example.com>", "Hi", "x", 1000}),
            "the recipient contains CR or LF");
  EXPECT_EQ(refused({"", "Hi", "x", 1000}), "the recipient address is empty");
  EXPECT_EQ(refused({"not an address", "Hi", "x", 1000}), "invalid recipient address 'not an address'");
  EXPECT_EQ(refused({"a@b@example.com", "Hi", "x", 1000}), "invalid recipient address 'a@b@example.com'");
  EXPECT_EQ(refused({"<a@example.com>", "Hi", "x", 1000}), "invalid recipient address '<a@example.com>'");
  EXPECT_TRUE(sink.messages().empty());
}

TEST(SmtpClient, UnreachableServerFails) {
  SmtpClient client(options_for("smtp://127.0.0.1:" + std::to_string(TestServer::closed_port())));
  EmailResult r = send_sync(client, {"a@example.com", "Hi", "x", 5000});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.detail.rfind("cannot connect to the SMTP server", 0), 0u) << r.detail;
}

TEST(SmtpClient, SilentServerTimesOut) {
  // Accepts connections and never says a word.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  boost::asio::ip::tcp::socket held(io);
  acceptor.async_accept(held, [](boost::system::error_code) {});
  std::thread t([&] { io.run(); });
  SmtpClient client(options_for("smtp://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port())));
  EmailResult r = send_sync(client, {"a@example.com", "Hi", "x", 300});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.detail, "timeout after 300ms");
  io.stop();
  t.join();
}

TEST(SmtpClient, RejectsUnusableOptions) {
  EXPECT_THROW(SmtpClient(options_for("http://mail.example")), std::invalid_argument);
  EXPECT_THROW(SmtpClient(options_for("")), std::invalid_argument);
  SmtpOptions o = options_for("smtp://127.0.0.1:25");
  o.from = "nobody";
  EXPECT_THROW(SmtpClient{o}, std::invalid_argument);
}

TEST(SmtpMessage, EncodesLongNonAsciiSubjectsInShortWords) {
  std::string subject;
  for (int i = 0; i < 30; ++i) subject += "Grüße aus Köln ";
  std::string encoded = SmtpClient::encode_header(subject);
  std::istringstream lines(encoded);
  std::string line;
  int words = 0;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    EXPECT_LE(line.size(), 75u);
    EXPECT_EQ(line.rfind("=?UTF-8?B?", 0), 0u);
    // Each word decodes to whole UTF-8 characters.
    std::string text = SmtpSink::decode_header(line);
    ASSERT_FALSE(text.empty());
    EXPECT_NE(static_cast<unsigned char>(text[0]) & 0xC0, 0x80);
    ++words;
  }
  EXPECT_GT(words, 5);
  EXPECT_EQ(SmtpSink::decode_header(encoded), subject);
  EXPECT_EQ(SmtpClient::encode_header("Your order"), "Your order");
  EXPECT_NE(SmtpClient::encode_header("=?UTF-8?B?x?="),
            "=?UTF-8?B?x?=");  // literal encoded words are encoded
}

TEST(SmtpMessage, BuildsTheHeadersInOrder) {
  Email e{"ann@example.com", "Your order", "line 1\nline 2", 1000};
  std::string m = SmtpClient::build_message(e, "\"Shop, Inc.\" <orders@shop.example>", 1'795'000'000'000,
                                            "<id@shop.example>");
  EXPECT_EQ(m,
            "Date: Wed, 18 Nov 2026 11:06:40 +0000\r\n"
            "From: \"Shop, Inc.\" <orders@shop.example>\r\n"
            "To: ann@example.com\r\n"
            "Subject: Your order\r\n"
            "Message-ID: <id@shop.example>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "\r\n"
            "line 1\r\nline 2\r\n");
}

TEST(SmtpMessage, LongLinesAreQuotedPrintable) {
  Email e{"ann@example.com", "x", std::string(2000, 'a'), 1000};
  std::string m = SmtpClient::build_message(e, "a@b.example", 0, "<i@b.example>");
  EXPECT_EQ(header(m, "Content-Transfer-Encoding"), "quoted-printable");
  std::istringstream lines(body_of(m));
  std::string line;
  while (std::getline(lines, line)) EXPECT_LE(line.size(), 77u);  // 76 + CR
  EXPECT_EQ(decode_qp(body_of(m)), std::string(2000, 'a') + "\r\n");
}

}  // namespace
}  // namespace flowc::testing
