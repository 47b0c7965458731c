// The CTI configuration: reasons with "General Inquiry" as the default,
// contacts matched by digits, users and the call-user privilege, and clear
// errors for bad files.
#include "runtime/cti/cti_config.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/unit/runtime/cti/cti_fixture.h"

namespace flowc::cti {
namespace {

using nlohmann::json;

TEST(PhoneDigits, KeepsOnlyDigits) {
  EXPECT_EQ(phone_digits("+49 (30) 123-456"), "4930123456");
  EXPECT_EQ(phone_digits("abc"), "");
}

TEST(PhoneDigits, SearchableAddressMatching) {
  EXPECT_TRUE(digits_match("4930123456", "4930123456"));
  EXPECT_TRUE(digits_match("030123456", "4930123456"));  // national against international
  EXPECT_FALSE(digits_match("123456", "4930123456"));    // too short to be a number
  EXPECT_FALSE(digits_match("", ""));
  EXPECT_FALSE(digits_match("4930123457", "4930123456"));
}

TEST(CtiConfig, ReasonsDefaultToGeneralInquiry) {
  CtiConfig c = testing::test_config();
  EXPECT_EQ(c.reason("1084CC0BCF18B24ABF86830DD046021FC0").name, "Order status");
  EXPECT_EQ(c.reason(nullptr).name, "General Inquiry");
  EXPECT_EQ(c.reason("unknown").script, "How can I help?");
  CtiConfig d = default_cti_config();
  EXPECT_EQ(d.reason(nullptr).name, "General Inquiry");
  EXPECT_FALSE(d.reason(nullptr).script.empty());
}

TEST(CtiConfig, UsersAndPrivilege) {
  CtiConfig c = testing::test_config();
  ASSERT_TRUE(c.user_by_login("user101"));
  EXPECT_TRUE(c.user_by_login("user101")->call_user);
  EXPECT_FALSE(c.user_by_login("viewer")->call_user);
  EXPECT_EQ(c.user_by_token("agent-token-user101-abcdef")->login, "user101");
  EXPECT_FALSE(c.user_by_token(""));
  EXPECT_FALSE(c.user_by_token("agent-token-user101-abcdeX"));
}

TEST(CtiConfig, ContactsByPhone) {
  CtiConfig c = testing::test_config();
  ASSERT_TRUE(c.contact_by_phone("1234567890"));
  EXPECT_EQ(c.contact_by_phone("1234567890")->record["email"], "grace@example.com");
  EXPECT_EQ(c.contact_by_phone("030123456")->record["name"], "Berlin Caller");
  EXPECT_FALSE(c.contact_by_phone("999"));
}

TEST(CtiConfig, BadConfigurationsSayWhatIsWrong) {
  struct Case {
    json j;
    std::string expect;
  };
  std::vector<Case> cases = {
      {json::array(), "must be a JSON object"},
      {{{"users", {{{"login", "a"}, {"token", "short"}}}}}, "users[0]: \"token\" must be at least 16"},
      {{{"users", {{{"token", "0123456789abcdef"}}}}}, "users[0]: \"login\" is required"},
      {{{"users",
         {{{"login", "a"}, {"token", "0123456789abcdef"}}, {{"login", "a"}, {"token", "0123456789abcdeX"}}}}},
       "users[1]: login or token used twice"},
      {{{"reasons", {{{"id", "X"}, {"name", "n"}}}}}, "reasons[0]: \"script\" is required"},
      {{{"reasons",
         {{{"id", "X"}, {"name", "n"}, {"script", "s"}}, {{"id", "X"}, {"name", "m"}, {"script", "s"}}}}},
       "reason id 'X' used twice"},
      {{{"contacts", {{{"name", "x"}}}}}, "contacts[0]: a contact is an object with \"phones\""},
      {{{"contacts", {{{"phones", {"abc"}}}}}}, "every phone number must be a string with digits"},
      {{{"contacts_file", "/nonexistent/contacts.json"}}, "cannot read '/nonexistent/contacts.json'"},
  };
  for (const auto& c : cases) {
    std::string error;
    EXPECT_FALSE(parse_cti_config(c.j, "", &error)) << c.j;
    EXPECT_NE(error.find(c.expect), std::string::npos) << error;
  }
}

TEST(CtiConfig, TheExampleFilesLoad) {
  std::string error;
  auto c = load_cti_config(FLOWC_SOURCE_DIR "/examples/order_status/cti/cti.json", &error);
  ASSERT_TRUE(c) << error;
  EXPECT_TRUE(c->user_by_login("user101") && c->user_by_login("user101")->call_user);
  EXPECT_EQ(c->reason("1084CC0B").name, "Order status");
  EXPECT_FALSE(c->contacts.empty());
  EXPECT_FALSE(load_cti_config(FLOWC_SOURCE_DIR "/examples/order_status/cti/missing.json", &error));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace flowc::cti
