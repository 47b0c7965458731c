// The model of a `.flowtest` file (docs/testing.md): the flow under test and
// its scenarios, each with a caller script, mocked automations and the
// expectations the call must meet. Built by scenario_parser, run by
// scenario_runner.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/source/source.h"

namespace flowc::flowtest {

// How an expected value is compared with the actual one.
struct Match {
  enum class Kind : uint8_t {
    Equals,        // the JSON value (a string compares with a string)
    Contains,      // text: the actual text contains it
    JsonContains,  // object/array: every expected key/element is in the actual value
    Regex,         // the actual text matches (search) the regular expression
    Unset,         // the variable is not set (missing or null)
  } kind = Kind::Equals;
  nlohmann::json value;  // Equals, JsonContains; the text for Contains and Regex
  SourceRange range;

  bool matches(const nlohmann::json& actual) const;
  std::string describe() const;  // "contains \"x\"", "= 3", …
};

// One answer of a mocked automation, consumed in order (the last repeats).
struct MockResponse {
  int status = 200;
  std::optional<nlohmann::json> json;  // the response body as JSON
  std::string body;                    // a raw body (when not JSON)
  int64_t delay_ms = 0;                // virtual time until the answer arrives
  bool fail = false;                   // no response at all (connection refused, …)
  std::string fail_detail = "connection refused";
  bool timeout = false;                 // no answer within the request's timeout
  std::optional<nlohmann::json> write;  // a sessions API write made before answering
  SourceRange range;
};

struct Mock {
  std::string name;  // automation name, or a module whose inline actions it answers
  MockResponse response;
  SourceRange range;
};

// What the caller (or the world around the call) does next.
struct CallerStep {
  enum class Kind : uint8_t {
    Press,
    Silence,
    Hangup,
    Agent,
    Wait,
    TransferFailed,
    Write,
    PromptDone
  } kind = Kind::Press;
  std::string text;       // Press: digits; Agent: the agent's name
  int64_t ms = 0;         // Wait
  bool until = false;     // Wait: until ms after the start of the call (recordings)
  nlohmann::json values;  // Write
  SourceRange range;
};

// One command of the expected sequence, or a gap ("...") that any commands fill.
struct CommandExpect {
  bool gap = false;
  std::string type;                                   // play, say, collect, enqueue, transfer, hangup, pause
  std::optional<Match> main;                          // the command's main field (url, text, queue, to, …)
  std::vector<std::pair<std::string, Match>> fields;  // other fields by name
  SourceRange range;
};

struct RequestExpect {
  std::string name;                                   // automation (or module) name
  bool none = false;                                  // `expect no request NAME`
  std::vector<std::pair<std::string, Match>> fields;  // method, url, body, json, to, subject, text, header:X
  SourceRange range;
};

// One NexJ updateCallState message the runtime sends to the flow's `cti nexj`
// endpoint (docs/testing.md, "CTI messages"), compared in order.
struct CtiExpect {
  bool none = false;                                  // `expect no cti`
  std::string status;                                 // CONNECTED or DISCONNECTED
  std::vector<std::pair<std::string, Match>> fields;  // agent, number, reason, endpoint, params, body
  SourceRange range;
};

struct SessionExpect {
  std::string name;  // ivr.x, app.y, call.z
  Match match;
  SourceRange range;
};

struct Scenario {
  std::string name;
  SourceRange range;
  bool has_call = false;
  std::string from, to;
  std::string call_id;           // default "c-test-<n>"
  std::optional<int64_t> at_ms;  // the virtual clock at the start (unix ms)
  std::vector<Mock> mocks;
  std::vector<CallerStep> steps;
  std::vector<CommandExpect> commands;
  std::vector<RequestExpect> requests;
  std::vector<SessionExpect> session;
  std::vector<CtiExpect> cti;
  std::optional<Match> end_reason;
  std::vector<std::string> modules;  // the modules entered, in order; "..." is a gap
  SourceRange modules_range;

  size_t expectation_count() const {
    return commands.size() + requests.size() + session.size() + cti.size() + (end_reason ? 1 : 0) +
           modules.size();
  }
};

struct TestFile {
  std::string path;
  uint32_t file_id = 0;   // in the SourceManager the file was parsed into
  std::string flow_path;  // as written (relative to the test file's folder)
  SourceRange flow_range;
  std::vector<std::pair<std::string, std::string>> env;  // env() values for the flow
  std::vector<Scenario> scenarios;
};

}  // namespace flowc::flowtest
