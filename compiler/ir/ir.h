// The flow graph IR: the checked flow lowered into states (one per module)
// made of basic blocks over a small instruction set, with expressions as a
// typed tree over interned session slots. It is the only input of both back
// ends (the LLVM JIT and the reference interpreter), so every behaviour of a
// module kind is decided here, in lowering, once.
//
// Execution model (shared by both back ends, see docs/internals.md):
//   A call is suspended at a block ("resume point"). The engine delivers one
//   event at a time; the handler runs from the resume block, executing
//   instructions, until a Suspend (remember where to resume, answer the
//   telephony side or hold the answer) or End terminator.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/types.h"

namespace flowc::ir {

// ---------------------------------------------------------------- values and types

// Static types of expressions (JSON value kinds). Any = not known statically.
using Type = ValueType;

// Events the engine delivers (values match stdlib/abi.h RT_EV_*).
enum class EventKind : uint8_t {
  Start = 0,       // the call starts (first handler run)
  PromptDone = 1,  // a play/say/pause finished
  Dtmf = 2,        // digits collected (event digits)
  InputTimeout = 3,
  AgentAnswered = 4,  // event agent
  TransferFailed = 5,
  Hangup = 6,
  SessionWrite = 7,   // the CRM wrote ivr.* variables
  AutomationDone = 8, // an automation finished (ok or failed)
  Timer = 9,          // the call's timer expired
};
const char* event_name(EventKind e);

// Commands sent to the telephony side (values match RT_CMD_*).
enum class CommandKind : uint8_t { Play, Say, Collect, Enqueue, Transfer, Hangup, Pause };
const char* command_name(CommandKind c);

// ---------------------------------------------------------------- expressions

enum class ExprOp : uint8_t {
  // leaves
  Const,          // value: null/bool/number/string
  Slot,           // session slot `slot`
  Trigger,        // value of trigger `index`
  EventIs,        // current event is `event`
  EventDigits,    // the digits of a dtmf event (string; missing otherwise)
  EventAgent,     // the agent of an agent_answered event
  AutomationDone,    // automation `index` has finished (ok or failed) in this call
  AutomationFailed,  // automation `index` finished with a failure
  AutomationStarted, // automation `index` was started in this call
  ModuleFailed,   // an action started since the current module was entered failed
  Attempts,       // the call's attempt counter (number)
  Now,            // hours check: `index` = hours spec, true when now is inside
  // operators
  Not,
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
  Neg,
  IsSet,      // args[0] is set (not missing, not null)
  In,         // args[0] equals one of args[1..]
  Matches,    // args[0] matches regex `index`
  Call,       // builtin `index` (stdlib/builtins.def) over args
  Template,   // concatenation of args, each converted to text; escape applies to holes
  Length,     // len(args[0]) of the string in code points, used by input checks
};

// How template holes are escaped when the template is built.
enum class Escape : uint8_t { None, Url, Json };

struct Const {
  Type type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprOp op = ExprOp::Const;
  Type type = Type::Any;  // static result type
  Const value;            // Const
  uint32_t slot = 0;      // Slot
  uint32_t index = 0;     // Trigger, Automation*, Now, Matches, Call
  EventKind event = EventKind::Start;  // EventIs
  Escape escape = Escape::None;        // Template: escaping of non-constant parts
  std::vector<ExprPtr> args;

  ExprPtr clone() const;
};

// ---------------------------------------------------------------- tables

enum class Namespace : uint8_t { Call, Ivr, App };

struct Slot {
  std::string name;  // "ivr.email"
  Namespace ns = Namespace::Ivr;
  Type type = Type::Any;                 // declared (expect) or inferred
  std::vector<std::string> enum_values;  // expect ivr.tier: "gold" | "silver"
  bool secret = false;
  bool declared = false;  // has an `expect`
};

struct HoursRange {
  uint8_t first_day = 0, last_day = 6;  // 0 = Monday
  uint16_t from_minute = 0, to_minute = 0;  // [from, to) minutes since midnight
};

struct HoursSpec {
  std::vector<HoursRange> ranges;
  std::string time_zone;  // IANA name; "UTC" by default
};

struct Trigger {
  std::string name;
  ExprPtr condition;
};

// A JSON body built at run time: objects, arrays and scalar expressions.
struct JsonTemplate {
  enum Kind : uint8_t { Object, Array, Value } kind = Value;
  std::vector<std::string> keys;  // Object (same length as items)
  std::vector<JsonTemplate> items;
  ExprPtr value;  // Value
};

struct ResponseMap {
  uint32_t slot = 0;                 // where the value goes (an ivr.* slot)
  std::vector<std::string> path;     // response.a.b → {"a","b"}
};

struct Header {
  std::string name;
  ExprPtr value;  // a Template or string
};

enum class ActionKind : uint8_t { Http, Email, Set };

struct Assignment {
  uint32_t slot = 0;
  ExprPtr value;
};

// An action the engine runs for a flow: an HTTP request or an email (handed
// to the action executor, asynchronous), or assignments (done at once).
// Named automations and inline hook actions alike.
struct Automation {
  std::string name;  // "lookup_by_phone", or "<module>.enter#1" for inline ones
  ActionKind kind = ActionKind::Http;
  std::string method;  // "POST"
  ExprPtr url;         // Http: Template with Url escaping
  std::vector<Header> headers;
  bool has_json = false;
  JsonTemplate json;  // Http body when has_json
  ExprPtr body;       // Http raw body (Template) when !has_json; may be null
  uint32_t timeout_ms = 5000;
  uint32_t retries = 0;
  std::vector<ResponseMap> maps;
  ExprPtr to, subject, text;  // Email
  std::vector<Assignment> assignments;  // Set
  bool on_call_start = false;
  bool on_call_end = false;
  int32_t when_trigger = -1;  // fires once when this trigger becomes true
};

// ---------------------------------------------------------------- blocks

enum class InstrOp : uint8_t {
  SetSlot,          // slot = expr
  StartAutomation,  // start automation `index` (async); counts for ModuleFailed
  Emit,             // send command `command` with args (see command_args())
  EnterModule,      // the call is now in state `index`: trace, reset ModuleFailed
  SetAttempts,      // attempts = expr
  Trace,            // trace note: `text` (a fixed string)
  AgentConnected,   // an agent took the call: args = {agent, reason} (CTI CONNECTED)
};

struct Instr {
  InstrOp op = InstrOp::Trace;
  uint32_t slot = 0;
  uint32_t index = 0;
  CommandKind command = CommandKind::Play;
  std::string text;
  ExprPtr expr;
  std::vector<ExprPtr> args;
};

enum class TermOp : uint8_t {
  Jump,     // to target
  Branch,   // cond ? target : other
  Suspend,  // wait for the next event, then continue at target
  End,      // the call's flow is over (after a hangup or transfer)
};

// What a suspended call waits for, which decides whether the engine answers
// the telephony request now (Caller) or holds it (External).
enum class Await : uint8_t { Caller, External };
// What happens to the call's timer at a Suspend.
enum class TimerOp : uint8_t { Clear, Set, Keep };

struct Terminator {
  TermOp op = TermOp::End;
  ExprPtr cond;  // Branch
  uint32_t target = 0;
  uint32_t other = 0;                // Branch: else
  Await await = Await::Caller;       // Suspend
  TimerOp timer = TimerOp::Clear;    // Suspend
  uint32_t timer_ms = 0;             // Suspend with TimerOp::Set
  std::string reason;                // End: why ("hangup", "caller hung up", …)
  std::string trace;                 // Branch: when set, the result is traced under this label
};

struct Block {
  std::string label;  // for dumps: "welcome.prompt"
  std::vector<Instr> instrs;
  Terminator term;
};

// Edges of the module graph, for `flowc graph` and migration checks.
struct Edge {
  std::string label;  // "next", "when customer_found", "after", "on error", "1"
  uint32_t target = 0;  // state index
};

struct State {
  std::string name;
  std::string kind;  // module kind ("play")
  uint32_t entry = 0;  // first block of the module
  std::vector<Edge> edges;
  std::string summary;  // what the module does, one line (for graphs)
};

struct Flow {
  std::string name;
  std::vector<std::string> numbers;  // dialled numbers (E.164)
  std::string time_zone = "UTC";
  std::string cti_protocol;  // "nexj" or ""
  std::string cti_endpoint;
  uint32_t cti_timeout_ms = 5000;
  uint32_t cti_retries = 2;
  uint32_t start_state = 0;
  uint32_t start_block = 0;     // where a new call begins (call-start automations, then start module)
  std::vector<Slot> slots;      // the first ones are call.id, call.from, call.to, call.started_at
  std::vector<Trigger> triggers;
  std::vector<Automation> automations;
  std::vector<std::string> regexes;
  std::vector<HoursSpec> hours;
  std::vector<State> states;
  std::vector<Block> blocks;
  std::string source_hash;  // hash of the sources the flow was built from

  // The slot of a name, or -1.
  int32_t slot_of(const std::string& name) const;
};

// The arguments of each command kind, in the order Emit carries them; the
// runtime turns them into the command's JSON fields (same names).
const std::vector<const char*>& command_args(CommandKind c);

// Fixed slots every flow has, in this order.
constexpr uint32_t kSlotCallId = 0;
constexpr uint32_t kSlotCallFrom = 1;
constexpr uint32_t kSlotCallTo = 2;
constexpr uint32_t kSlotCallStartedAt = 3;
constexpr uint32_t kFixedSlots = 4;

// A stable text dump (`flowc dump-ir`).
std::string dump(const Flow& flow);
std::string dump(const Expr& expr, const Flow& flow);

// Structural checks (targets in range, slots valid, every block terminated).
// Returns the problems found, empty when the IR is well formed.
std::vector<std::string> verify(const Flow& flow);

}  // namespace flowc::ir
