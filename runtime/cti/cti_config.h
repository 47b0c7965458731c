// The receiving side's configuration (one JSON file, docs/cti.md): the users
// who may get calls (the call-user privilege, NexJ's gCallUser) with their
// console tokens, the call reasons with their scripts ("General Inquiry" by
// default), and the contacts searched by phone number.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace flowc::cti {

struct CtiUser {
  std::string login;       // the userLoginName of updateCallState
  std::string name;        // shown in the console
  std::string token;       // the console's login token
  bool call_user = false;  // holds the call-user privilege
};

struct CallReason {
  std::string id;
  std::string name;
  std::string script;
};

struct Contact {
  nlohmann::json record;             // everything the file says about the contact
  std::vector<std::string> numbers;  // digits only
};

struct CtiConfig {
  std::string privilege = "gCallUser";
  std::vector<CtiUser> users;
  std::vector<CallReason> reasons;  // reasons[default_reason] is "General Inquiry"
  size_t default_reason = 0;
  std::vector<Contact> contacts;

  const CtiUser* user_by_login(const std::string& login) const;
  const CtiUser* user_by_token(const std::string& token) const;
  // The reason of an id; "General Inquiry" when the id is null or unknown.
  const CallReason& reason(const nlohmann::json& id) const;
  // The contact whose number matches (digits only; see digits_match).
  const Contact* contact_by_phone(const std::string& digits) const;
};

// Only the digits of a phone number ("+49 (30) 123-456" → "4930123456").
std::string phone_digits(const std::string& number);
// NexJ's searchable address: equal digits, or, with at least 7 digits each,
// one number ends with the other (a national number against its
// international form: "030123456" vs "4930123456" matches on "30123456").
bool digits_match(const std::string& a, const std::string& b);

// Parses the configuration; contacts_file paths are relative to base_dir.
// nullopt with *error saying what is wrong and where.
std::optional<CtiConfig> parse_cti_config(const nlohmann::json& j, const std::string& base_dir,
                                          std::string* error);
std::optional<CtiConfig> load_cti_config(const std::string& path, std::string* error);
// The built-in configuration: no users, only "General Inquiry", no contacts.
CtiConfig default_cti_config();

}  // namespace flowc::cti
