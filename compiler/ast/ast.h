// The syntax tree of a .flow file: what the parser builds and the checker
// annotates. Every node carries its source range; names are kept as written.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/types.h"
#include "compiler/source/source.h"

namespace flowc::ast {

// ---------------------------------------------------------------- expressions

enum class ExprKind {
  Null,
  Bool,
  Number,
  String,    // a string without holes (text holds the decoded value)
  Template,  // a string with {expr} holes: parts
  Duration,  // a duration literal where an expression was expected (text = raw)
  Name,      // a bare identifier: let constant or trigger (name)
  Path,      // call.from, ivr.email, app.inputReader.reference, response.x (segments)
  Call,      // name(args)
  Unary,     // op args[0]
  Binary,    // args[0] op args[1]
  IsSet,     // args[0] is [not] set
  In,        // args[0] [not] in [args[1..]]
  Matches,   // args[0] matches text (the regex, decoded)
  Hours,     // now in <hours>
};

enum class Op {
  None,
  Not,
  Neg,
  And,
  Or,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
};

const char* op_spelling(Op op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct TemplatePart {
  std::string text;  // literal text (used when expr is null)
  ExprPtr expr;      // a hole
  SourceRange range;
};

// One range of business hours: days (0 = Monday … 6 = Sunday, both inclusive;
// -1 when every day) and minutes since midnight [from, to).
struct HoursRange {
  std::string first_day, last_day;  // as written ("mon", "fri"); empty = every day
  SourceRange days_range;
  std::string from_text, to_text;  // "09:00"
  SourceRange from_range, to_range;
};

struct Expr {
  ExprKind kind = ExprKind::Null;
  SourceRange range;

  bool boolean = false;
  double number = 0;
  std::string text;                   // String/Duration/Name/Call/Matches
  std::string raw;                    // String/Template: escapes decoded, { } kept (regex options)
  std::vector<std::string> segments;  // Path
  Op op = Op::None;
  bool negated = false;  // is not set, not in
  std::vector<ExprPtr> args;
  std::vector<TemplatePart> parts;  // Template
  SourceRange text_range;           // Matches: the regex literal; Call: the callee name
  std::vector<HoursRange> hours;    // Hours
  std::string time_zone;            // Hours ("" = the flow's time zone)
  SourceRange time_zone_range;

  // Set by the checker.
  ValueType type = ValueType::Any;
  enum class Ref : uint8_t { None, Let, Trigger } ref = Ref::None;  // Name: what it names

  std::string path() const;  // segments joined with '.'
};

// ---------------------------------------------------------------- JSON bodies

struct JsonValue;
using JsonPtr = std::unique_ptr<JsonValue>;

struct JsonField {
  std::string key;
  SourceRange key_range;
  JsonPtr value;
};

struct JsonValue {
  enum Kind { Object, Array, Scalar } kind = Scalar;
  SourceRange range;
  std::vector<JsonField> fields;  // Object
  std::vector<JsonPtr> items;     // Array
  ExprPtr expr;                   // Scalar
};

// ---------------------------------------------------------------- options

struct PathRef {
  std::vector<std::string> segments;
  SourceRange range;
  std::string path() const;
};

// `name value`: what the value is depends on how it was written.
struct Option {
  enum Kind { Expr, Duration, Json, Header, Map } kind = Expr;
  std::string name;
  SourceRange name_range;
  SourceRange range;  // the whole option
  ExprPtr value;      // Expr, Header (the header value)
  std::string duration;  // Duration: raw text "2s"
  SourceRange value_range;
  JsonPtr json;              // Json
  std::string header_name;   // Header
  PathRef map_target;        // Map: ivr.x
  PathRef map_source;        // Map: response.a.b
};

struct Assignment {
  PathRef target;
  ExprPtr value;
  SourceRange range;
};

// ---------------------------------------------------------------- actions

// What an automation or an `on enter`/`on exit` hook does.
struct Action {
  enum Kind { Ref, Http, Email, Set } kind = Ref;
  SourceRange range;
  std::string ref;  // Ref: automation name
  std::string method;  // Http: as written ("post")
  SourceRange method_range;
  ExprPtr target;  // Http: URL template; Email: recipient
  std::vector<Option> options;
  std::vector<Assignment> assignments;  // Set
};

// ---------------------------------------------------------------- top level

struct Let {
  std::string name;
  SourceRange name_range, range;
  ExprPtr value;
};

struct Expect {
  PathRef var;
  std::string type_name;  // "string", "number", "bool", "object", "array", "any"; "" for enum
  SourceRange type_range;
  std::vector<std::string> enum_values;  // "gold" | "silver"
  bool secret = false;
  SourceRange range;
};

struct Trigger {
  std::string name;
  SourceRange name_range, range;
  ExprPtr condition;
};

struct Attachment {
  enum Kind { CallStart, CallEnd, When } kind = CallStart;
  std::string trigger;  // When
  SourceRange range;
};

struct Automation {
  std::string name;
  SourceRange name_range, range;
  Action action;
  std::vector<Attachment> attachments;
};

enum class ModuleKind {
  Play,
  Say,
  Input,
  Menu,
  Switch,
  Queue,
  Transfer,
  Hangup,
  Pause,
  Set,
  Email,
  Http,
};
const char* module_kind_name(ModuleKind kind);

struct Branch {
  ExprPtr condition;  // null for `after`
  std::string target;
  SourceRange target_range, range;
};

struct MenuChoice {
  std::string key;  // "1", "*"
  SourceRange key_range;
  std::string target;
  SourceRange target_range;
};

struct Clause {
  enum Kind { Next, Hook, Route, Wait } kind = Next;
  SourceRange range;
  std::string target;  // Next, Route: module; Wait: trigger or automation
  SourceRange target_range;
  bool on_exit = false;  // Hook
  Action action;         // Hook
  std::string event;     // Route: error, timeout, invalid, no_answer…
  SourceRange event_range;
  std::string duration;  // Wait: "2s"
  SourceRange duration_range;
};

struct Module {
  std::string name;
  SourceRange name_range, range;
  ModuleKind kind = ModuleKind::Hangup;
  SourceRange kind_range;
  ExprPtr argument;  // play url, say text, menu prompt, queue name, transfer target
  std::string pause;  // Pause: raw duration
  SourceRange pause_range;
  std::vector<Option> options;
  std::vector<Branch> branches;     // Switch
  std::vector<MenuChoice> choices;  // Menu
  Action action;                    // Set, Email, Http
  std::vector<Clause> clauses;
};

struct Import {
  std::string path;  // as written
  SourceRange range;
};

struct Cti {
  std::string protocol;
  SourceRange protocol_range, range;
  ExprPtr endpoint;
  std::vector<Option> options;
};

struct Header {
  std::string value;
  SourceRange range;  // the value's range
};

// One parsed file. A flow has a `flow` header; a library (imported by flows)
// has none.
struct File {
  uint32_t file_id = 0;
  std::vector<Header> flow_names;  // normally one
  std::vector<Header> starts;
  std::vector<Header> numbers;
  std::vector<Header> time_zones;
  std::vector<Import> imports;
  std::vector<Cti> ctis;
  std::vector<Let> lets;
  std::vector<Expect> expects;
  std::vector<Trigger> triggers;
  std::vector<Automation> automations;
  std::vector<Module> modules;

  bool is_flow() const { return !flow_names.empty(); }
};

// A stable, indented dump of a file's tree (for tests and `flowc dump-ast`).
std::string dump(const File& file);
std::string dump(const Expr& expr);

}  // namespace flowc::ast
