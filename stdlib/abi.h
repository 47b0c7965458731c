/* The C ABI between compiled flows and the runtime: the only seam. Generated
 * code (and the reference interpreter, which follows the same rules) reads
 * the call's state through `rt_call` and does everything else through the
 * rt_* functions below. Nothing here is C++; the JIT binds these symbols by
 * address when it loads a flow. */
#ifndef FLOWC_STDLIB_ABI_H
#define FLOWC_STDLIB_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- values */

/* A JSON value. Strings are UTF-8 with a length (not NUL-terminated); their
 * bytes belong to the session (slots) or to the call's scratch arena
 * (temporaries, valid until the handler returns). Objects and arrays are
 * opaque (the runtime's JSON type). */
enum {
  RT_MISSING = 0, /* not set: every comparison with it is false */
  RT_NULL = 1,
  RT_BOOL = 2,
  RT_NUM = 3,
  RT_STR = 4,
  RT_OBJ = 5,
  RT_ARR = 6
};

typedef struct rt_value {
  uint32_t tag;
  uint32_t len; /* RT_STR: length in bytes */
  union {
    double num;
    int64_t b; /* RT_BOOL: 0 or 1 */
    const char* str;
    const void* json;
  } u;
} rt_value;

/* ---------------------------------------------------------------- events */

enum {
  RT_EV_START = 0,
  RT_EV_PROMPT_DONE = 1,
  RT_EV_DTMF = 2,
  RT_EV_INPUT_TIMEOUT = 3,
  RT_EV_AGENT_ANSWERED = 4,
  RT_EV_TRANSFER_FAILED = 5,
  RT_EV_HANGUP = 6,
  RT_EV_SESSION_WRITE = 7,
  RT_EV_AUTOMATION_DONE = 8,
  RT_EV_TIMER = 9
};

typedef struct rt_event {
  uint32_t kind;
  uint32_t pad;
  rt_value digits; /* RT_EV_DTMF: the digits (string); missing otherwise */
  rt_value agent;  /* RT_EV_AGENT_ANSWERED: the agent's login name */
} rt_event;

/* Status of each automation of the flow, per call. */
enum { RT_AUTO_IDLE = 0, RT_AUTO_PENDING = 1, RT_AUTO_OK = 2, RT_AUTO_FAILED = 3 };

/* ---------------------------------------------------------------- the call */

/* The per-call state compiled code reads directly. Owned by the runtime. */
typedef struct rt_call {
  rt_value* slots;        /* session slots, in the flow's slot order */
  uint8_t* automations;   /* RT_AUTO_* per automation of the flow */
  const rt_event* event;  /* the event being handled */
  uint32_t resume;        /* the block to continue at with the next event */
  uint32_t attempts;      /* retry counter of input and menu modules */
  uint32_t module_failed; /* an action started in the current module failed */
  uint32_t state;         /* the current module (state index) */
  void* host;             /* the runtime's call object (opaque) */
} rt_call;

/* What a handler run ended with. RT_MIGRATE: the call reached a module
   boundary and moves to a newer version of its flow (--reload=migrate); the
   run goes on in the new version's code from that module's entry
   (call->resume), never seen outside the runtime. */
enum { RT_SUSPEND_CALLER = 0, RT_SUSPEND_EXTERNAL = 1, RT_ENDED = 2, RT_MIGRATE = 3 };

/* Timer operations at a suspend. */
enum { RT_TIMER_CLEAR = 0, RT_TIMER_SET = 1 };

/* Commands (RT_CMD_* = ir::CommandKind). */
enum {
  RT_CMD_PLAY = 0,
  RT_CMD_SAY,
  RT_CMD_COLLECT,
  RT_CMD_ENQUEUE,
  RT_CMD_TRANSFER,
  RT_CMD_HANGUP,
  RT_CMD_PAUSE
};

/* Escaping of template holes (= ir::Escape). */
enum { RT_ESC_NONE = 0, RT_ESC_URL = 1, RT_ESC_JSON = 2 };

/* Entry points a compiled flow exports (names in the flow's JITDylib). */
typedef uint32_t (*rt_on_event_fn)(rt_call* call);
typedef int32_t (*rt_trigger_fn)(rt_call* call);
typedef void (*rt_build_fn)(rt_call* call, void* request);

/* ---------------------------------------------------------------- functions */

/* Session. `value` may be one of the call's own slots, `slot` itself
 * included (compiled code passes a slot read straight through, and every
 * rt_value pointer argument may point into the slots): the new value is
 * copied before the old one is freed. */
void rt_set_slot(rt_call* call, uint32_t slot, const rt_value* value);

/* Values: equality and ordering with the language's rules (missing or a
 * type mismatch compares false). op: 0 <, 1 <=, 2 >, 3 >=. */
int32_t rt_eq(const rt_value* a, const rt_value* b);
int32_t rt_ne(const rt_value* a, const rt_value* b); /* both set and not equal */
int32_t rt_order(const rt_value* a, const rt_value* b, int32_t op);
/* Arithmetic on any values; `+` joins when either side is a string.
 * op: 0 +, 1 -, 2 *, 3 /, 4 %. Missing or wrong types give missing, so does
 * division by zero. Negation is 0 - x. */
void rt_arith(rt_call* call, int32_t op, const rt_value* a, const rt_value* b, rt_value* out);
/* Length in code points of a string, items of an array; missing otherwise. */
void rt_length(const rt_value* a, rt_value* out);

/* Templates: begin, append parts, finish into a scratch string. They nest. */
void rt_tmpl_begin(rt_call* call);
void rt_tmpl_text(rt_call* call, const char* text, uint32_t len);
void rt_tmpl_value(rt_call* call, const rt_value* v, uint32_t escape);
void rt_tmpl_end(rt_call* call, rt_value* out);

/* Built-in functions (stdlib/builtins.def order), regexes, business hours. */
void rt_builtin(rt_call* call, uint32_t id, const rt_value* args, uint32_t nargs, rt_value* out);
int32_t rt_matches(rt_call* call, uint32_t regex, const rt_value* subject);
int32_t rt_now_in(rt_call* call, uint32_t hours);

/* Effects. */
void rt_emit(rt_call* call, uint32_t command, const rt_value* args, uint32_t nargs);
void rt_start_automation(rt_call* call, uint32_t automation);
/* The call enters module `state`. Non-zero: stop here and return RT_MIGRATE
   with resume = the module's entry block (the module is not entered). */
uint32_t rt_enter_module(rt_call* call, uint32_t state);
void rt_trace(rt_call* call, const char* text);
void rt_trace_branch(rt_call* call, const char* label, int32_t result);
void rt_agent_connected(rt_call* call, const rt_value* agent, const rt_value* reason);
void rt_timer(rt_call* call, uint32_t op, uint32_t ms);
void rt_end(rt_call* call, const char* reason);

/* Building an automation's request (called from the flow's build functions). */
void rt_req_url(void* req, const rt_value* url);
void rt_req_header(void* req, const char* name, const rt_value* value);
void rt_req_body(void* req, const rt_value* body);
void rt_req_email(void* req, const rt_value* to, const rt_value* subject, const rt_value* text);
/* JSON bodies: a stream of begin/end, keys and values. */
void rt_json_begin(void* req, int32_t is_array);
void rt_json_key(void* req, const char* key, uint32_t len);
void rt_json_value(void* req, const rt_value* v);
void rt_json_end(void* req);

#ifdef __cplusplus
}
#endif

#endif /* FLOWC_STDLIB_ABI_H */
