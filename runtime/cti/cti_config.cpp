// Loading and checking the CTI configuration file and the contacts file.
#include "runtime/cti/cti_config.h"

#include <fstream>
#include <set>
#include <sstream>

namespace flowc::cti {

using nlohmann::json;

namespace {

constexpr const char* kGeneralInquiry = "General Inquiry";
constexpr size_t kMinTokenLength = 16;

CallReason general_inquiry() {
  return {"GENERAL_INQUIRY", kGeneralInquiry,
          "Greet the caller by name, confirm their identity and ask how you can help today."};
}

std::optional<json> read_json(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read '" + path + "'";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  json j = json::parse(ss.str(), nullptr, false);
  if (j.is_discarded()) {
    *error = "'" + path + "' is not valid JSON";
    return std::nullopt;
  }
  return j;
}

bool text(const json& o, const char* key, bool required, std::string* out, const std::string& where,
          std::string* error) {
  auto it = o.find(key);
  if (it == o.end()) {
    if (required) *error = where + ": \"" + key + "\" is required";
    return !required;
  }
  if (!it->is_string() || (required && it->get_ref<const std::string&>().empty())) {
    *error = where + ": \"" + key + "\" must be a non-empty string";
    return false;
  }
  *out = *it;
  return true;
}

bool parse_contacts(const json& list, CtiConfig& c, std::string* error) {
  if (!list.is_array()) {
    *error = "contacts: must be an array of objects";
    return false;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const json& o = list[i];
    std::string where = "contacts[" + std::to_string(i) + "]";
    if (!o.is_object() || !o.contains("phones") || !o["phones"].is_array()) {
      *error = where + ": a contact is an object with \"phones\" (an array of numbers)";
      return false;
    }
    Contact contact{o, {}};
    for (const auto& p : o["phones"]) {
      std::string d = p.is_string() ? phone_digits(p.get<std::string>()) : "";
      if (d.empty()) {
        *error = where + ": every phone number must be a string with digits";
        return false;
      }
      contact.numbers.push_back(d);
    }
    c.contacts.push_back(std::move(contact));
  }
  return true;
}

}  // namespace

std::string phone_digits(const std::string& number) {
  std::string out;
  for (char ch : number)
    if (ch >= '0' && ch <= '9') out.push_back(ch);
  return out;
}

bool digits_match(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  // Strip a national trunk prefix ("0") from the shorter one.
  std::string_view tail = shorter;
  while (!tail.empty() && tail.front() == '0') tail.remove_prefix(1);
  if (tail.size() < 7) return false;
  return std::string_view(longer).substr(longer.size() - tail.size()) == tail;
}

const CtiUser* CtiConfig::user_by_login(const std::string& login) const {
  for (const auto& u : users)
    if (u.login == login) return &u;
  return nullptr;
}

const CtiUser* CtiConfig::user_by_token(const std::string& token) const {
  if (token.empty()) return nullptr;
  for (const auto& u : users)
    if (u.token == token) return &u;
  return nullptr;
}

const CallReason& CtiConfig::reason(const json& id) const {
  if (id.is_string())
    for (const auto& r : reasons)
      if (r.id == id.get_ref<const std::string&>()) return r;
  return reasons[default_reason];
}

const Contact* CtiConfig::contact_by_phone(const std::string& digits) const {
  const Contact* suffix = nullptr;
  for (const auto& c : contacts)
    for (const auto& n : c.numbers) {
      if (n == digits) return &c;
      if (!suffix && digits_match(n, digits)) suffix = &c;
    }
  return suffix;
}

CtiConfig default_cti_config() {
  CtiConfig c;
  c.reasons.push_back(general_inquiry());
  return c;
}

std::optional<CtiConfig> parse_cti_config(const json& j, const std::string& base_dir, std::string* error) {
  if (!j.is_object()) {
    *error = "the CTI configuration must be a JSON object";
    return std::nullopt;
  }
  CtiConfig c;
  if (!text(j, "privilege", false, &c.privilege, "privilege", error)) return std::nullopt;
  std::set<std::string> logins, tokens, ids;
  const json users = j.value("users", json::array());
  if (!users.is_array()) {
    *error = "users: must be an array";
    return std::nullopt;
  }
  for (size_t i = 0; i < users.size(); ++i) {
    const json& o = users[i];
    std::string where = "users[" + std::to_string(i) + "]";
    if (!o.is_object()) {
      *error = where + ": must be an object";
      return std::nullopt;
    }
    CtiUser u;
    if (!text(o, "login", true, &u.login, where, error) || !text(o, "token", true, &u.token, where, error) ||
        !text(o, "name", false, &u.name, where, error))
      return std::nullopt;
    if (u.name.empty()) u.name = u.login;
    if (u.token.size() < kMinTokenLength) {
      *error = where + ": \"token\" must be at least 16 characters";
      return std::nullopt;
    }
    if (!logins.insert(u.login).second || !tokens.insert(u.token).second) {
      *error = where + ": login or token used twice";
      return std::nullopt;
    }
    const json privileges = o.value("privileges", json::array());
    if (!privileges.is_array()) {
      *error = where + ": \"privileges\" must be an array of names";
      return std::nullopt;
    }
    for (const auto& p : privileges)
      if (p == c.privilege) u.call_user = true;
    c.users.push_back(std::move(u));
  }
  const json reasons = j.value("reasons", json::array());
  if (!reasons.is_array()) {
    *error = "reasons: must be an array";
    return std::nullopt;
  }
  for (size_t i = 0; i < reasons.size(); ++i) {
    const json& o = reasons[i];
    std::string where = "reasons[" + std::to_string(i) + "]";
    CallReason r;
    if (!o.is_object()) {
      *error = where + ": must be an object";
      return std::nullopt;
    }
    if (!text(o, "id", true, &r.id, where, error) || !text(o, "name", true, &r.name, where, error) ||
        !text(o, "script", true, &r.script, where, error))
      return std::nullopt;
    if (!ids.insert(r.id).second) {
      *error = where + ": reason id '" + r.id + "' used twice";
      return std::nullopt;
    }
    c.reasons.push_back(std::move(r));
  }
  size_t general = c.reasons.size();
  for (size_t i = 0; i < c.reasons.size(); ++i)
    if (c.reasons[i].name == kGeneralInquiry) general = i;
  if (general == c.reasons.size()) c.reasons.push_back(general_inquiry());
  c.default_reason = general;
  if (auto it = j.find("contacts"); it != j.end() && !parse_contacts(*it, c, error)) return std::nullopt;
  if (auto it = j.find("contacts_file"); it != j.end()) {
    if (!it->is_string()) {
      *error = "contacts_file: must be a path";
      return std::nullopt;
    }
    std::string path = it->get<std::string>();
    if (!path.empty() && path[0] != '/' && !base_dir.empty()) path = base_dir + "/" + path;
    auto list = read_json(path, error);
    if (!list) return std::nullopt;
    std::string inner;
    if (!parse_contacts(*list, c, &inner)) {
      *error = path + ": " + inner;
      return std::nullopt;
    }
  }
  return c;
}

std::optional<CtiConfig> load_cti_config(const std::string& path, std::string* error) {
  auto j = read_json(path, error);
  if (!j) return std::nullopt;
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? "." : path.substr(0, slash);
  std::string inner;
  auto c = parse_cti_config(*j, base, &inner);
  if (!c) *error = path + ": " + inner;
  return c;
}

}  // namespace flowc::cti
