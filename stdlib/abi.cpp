// The rt_* functions compiled flows call: value semantics (comparison,
// arithmetic, templates, built-ins, regexes, business hours) and effects,
// which go to the call's CallState.
#include "stdlib/abi.h"

#include <cmath>
#include <cstring>

#include "stdlib/builtins.h"
#include "stdlib/call_state.h"
#include "stdlib/text.h"

using flowc::stdlib::CallState;
using flowc::stdlib::Request;
using nlohmann::json;

namespace {

CallState& state(rt_call* call) {
  return *static_cast<CallState*>(call->host);
}

rt_value missing() {
  return rt_value{};
}

rt_value number(double d) {
  rt_value v{};
  v.tag = RT_NUM;
  v.u.num = d;
  return v;
}

rt_value boolean(bool b) {
  rt_value v{};
  v.tag = RT_BOOL;
  v.u.b = b ? 1 : 0;
  return v;
}

rt_value scratch_string(rt_call* call, const std::string& s) {
  rt_value v{};
  v.tag = RT_STR;
  v.len = static_cast<uint32_t>(s.size());
  v.u.str = state(call).scratch().copy(s.data(), s.size());
  return v;
}

std::string_view view(const rt_value& v) {
  return {v.u.str, v.len};
}

bool is_str(const rt_value& v) {
  return v.tag == RT_STR;
}

}  // namespace

extern "C" {

void rt_set_slot(rt_call* call, uint32_t slot, const rt_value* value) {
  state(call).set_slot(slot, *value, "flow");
}

int32_t rt_eq(const rt_value* a, const rt_value* b) {
  if (a->tag == RT_MISSING || b->tag == RT_MISSING || a->tag != b->tag) return 0;
  switch (a->tag) {
    case RT_NULL: return 1;
    case RT_BOOL: return a->u.b == b->u.b;
    case RT_NUM: return a->u.num == b->u.num;
    case RT_STR: return a->len == b->len && (a->len == 0 || std::memcmp(a->u.str, b->u.str, a->len) == 0);
    case RT_OBJ:
    case RT_ARR: return *static_cast<const json*>(a->u.json) == *static_cast<const json*>(b->u.json);
    default: return 0;
  }
}

int32_t rt_ne(const rt_value* a, const rt_value* b) {
  return a->tag != RT_MISSING && b->tag != RT_MISSING && !rt_eq(a, b);
}

int32_t rt_order(const rt_value* a, const rt_value* b, int32_t op) {
  int c = 0;
  if (a->tag == RT_NUM && b->tag == RT_NUM) {
    if (std::isnan(a->u.num) || std::isnan(b->u.num)) return 0;
    c = a->u.num < b->u.num ? -1 : a->u.num > b->u.num ? 1 : 0;
  } else if (a->tag == RT_STR && b->tag == RT_STR) {
    c = view(*a).compare(view(*b));
    c = c < 0 ? -1 : c > 0 ? 1 : 0;
  } else {
    return 0;
  }
  switch (op) {
    case 0: return c < 0;
    case 1: return c <= 0;
    case 2: return c > 0;
    case 3: return c >= 0;
    default: return 0;
  }
}

void rt_arith(rt_call* call, int32_t op, const rt_value* a, const rt_value* b, rt_value* out) {
  if (a->tag == RT_MISSING || b->tag == RT_MISSING) {
    *out = missing();
    return;
  }
  if (op == 0 && (is_str(*a) || is_str(*b))) {
    std::string s;
    flowc::stdlib::append_text(s, *a);
    flowc::stdlib::append_text(s, *b);
    *out = scratch_string(call, s);
    return;
  }
  if (a->tag != RT_NUM || b->tag != RT_NUM) {
    *out = missing();
    return;
  }
  double x = a->u.num, y = b->u.num;
  switch (op) {
    case 0: *out = number(x + y); return;
    case 1: *out = number(x - y); return;
    case 2: *out = number(x * y); return;
    case 3: *out = y == 0 ? missing() : number(x / y); return;
    case 4: *out = y == 0 ? missing() : number(std::fmod(x, y)); return;
    default: *out = missing(); return;
  }
}

void rt_length(const rt_value* a, rt_value* out) {
  if (a->tag == RT_STR) {
    *out = number(static_cast<double>(flowc::stdlib::length(view(*a))));
  } else if (a->tag == RT_ARR) {
    *out = number(static_cast<double>(static_cast<const json*>(a->u.json)->size()));
  } else {
    *out = missing();
  }
}

void rt_tmpl_begin(rt_call* call) {
  state(call).scratch().push_builder();
}

void rt_tmpl_text(rt_call* call, const char* text, uint32_t len) {
  state(call).scratch().top_builder().append(text, len);
}

void rt_tmpl_value(rt_call* call, const rt_value* v, uint32_t escape) {
  std::string& out = state(call).scratch().top_builder();
  if (escape == RT_ESC_NONE) {
    flowc::stdlib::append_text(out, *v);
    return;
  }
  std::string text;
  flowc::stdlib::append_text(text, *v);
  if (escape == RT_ESC_URL) {
    flowc::stdlib::append_url_escaped(out, text);
  } else {
    flowc::stdlib::append_json_escaped(out, text);
  }
}

void rt_tmpl_end(rt_call* call, rt_value* out) {
  auto& scratch = state(call).scratch();
  *out = scratch_string(call, scratch.top_builder());
  scratch.pop_builder();
}

void rt_builtin(rt_call* call, uint32_t id, const rt_value* args, uint32_t nargs, rt_value* out) {
  using flowc::stdlib::Builtin;
  namespace st = flowc::stdlib;
  auto b = static_cast<Builtin>(id);
  if (b == Builtin::Default) {
    *out = nargs > 0 && args[0].tag != RT_MISSING && args[0].tag != RT_NULL ? args[0]
           : nargs > 1                                                      ? args[1]
                                                                            : missing();
    return;
  }
  for (uint32_t i = 0; i < nargs; ++i)
    if (args[i].tag == RT_MISSING) {
      *out = missing();
      return;
    }
  auto str_arg = [&](uint32_t i) -> std::string {
    std::string s;
    if (i < nargs) flowc::stdlib::append_text(s, args[i]);
    return s;
  };
  auto num_arg = [&](uint32_t i) -> std::optional<double> {
    if (i >= nargs || args[i].tag != RT_NUM) return std::nullopt;
    return args[i].u.num;
  };
  switch (b) {
    case Builtin::Digits: *out = scratch_string(call, st::digits(str_arg(0))); return;
    case Builtin::E164: {
      auto r = st::e164(str_arg(0), nargs > 1 ? str_arg(1) : std::string());
      *out = r ? scratch_string(call, *r) : missing();
      return;
    }
    case Builtin::StartsWith: *out = boolean(st::starts_with(str_arg(0), str_arg(1))); return;
    case Builtin::EndsWith: *out = boolean(st::ends_with(str_arg(0), str_arg(1))); return;
    case Builtin::Contains: *out = boolean(st::contains(str_arg(0), str_arg(1))); return;
    case Builtin::Len: rt_length(&args[0], out); return;
    case Builtin::Lower: *out = scratch_string(call, st::lower(str_arg(0))); return;
    case Builtin::Upper: *out = scratch_string(call, st::upper(str_arg(0))); return;
    case Builtin::Trim: *out = scratch_string(call, st::trim(str_arg(0))); return;
    case Builtin::Substr: {
      auto start = num_arg(1);
      if (!start) {
        *out = missing();
        return;
      }
      *out = scratch_string(call, st::substr(str_arg(0), *start, num_arg(2)));
      return;
    }
    case Builtin::Last: {
      auto n = num_arg(1);
      *out = n ? scratch_string(call, st::last(str_arg(0), *n)) : missing();
      return;
    }
    case Builtin::Str: *out = scratch_string(call, str_arg(0)); return;
    case Builtin::ToNumber: {
      if (args[0].tag == RT_NUM) {
        *out = args[0];
        return;
      }
      auto n = args[0].tag == RT_STR ? st::parse_number(view(args[0])) : std::nullopt;
      *out = n ? number(*n) : missing();
      return;
    }
    case Builtin::Env:  // resolved when the flow is lowered; never called
    default: *out = missing(); return;
  }
}

int32_t rt_matches(rt_call* call, uint32_t regex, const rt_value* subject) {
  if (subject->tag != RT_STR) return 0;
  const auto& regexes = state(call).tables().regexes;
  if (regex >= regexes.size() || !regexes[regex]) return 0;
  return std::regex_search(subject->u.str, subject->u.str + subject->len, *regexes[regex]) ? 1 : 0;
}

int32_t rt_now_in(rt_call* call, uint32_t hours) {
  const auto& table = state(call).tables().hours;
  if (hours >= table.size()) return 0;
  const auto& h = table[hours];
  if (!h.zone) return 0;  // the runtime always resolves the zone when it loads the flow
  return flowc::stdlib::in_hours(h.ranges, *h.zone, state(call).now_ms()) ? 1 : 0;
}

void rt_emit(rt_call* call, uint32_t command, const rt_value* args, uint32_t nargs) {
  state(call).emit(command, args, nargs);
}

void rt_start_automation(rt_call* call, uint32_t automation) {
  state(call).start_automation(automation);
}
uint32_t rt_enter_module(rt_call* call, uint32_t s) {
  return state(call).enter_module(s) ? 1 : 0;
}
void rt_trace(rt_call* call, const char* text) {
  state(call).note(text);
}
void rt_trace_branch(rt_call* call, const char* label, int32_t result) {
  state(call).branch(label, result != 0);
}
void rt_agent_connected(rt_call* call, const rt_value* agent, const rt_value* reason) {
  state(call).agent_connected(*agent, *reason);
}
void rt_timer(rt_call* call, uint32_t op, uint32_t ms) {
  state(call).timer(op, ms);
}
void rt_end(rt_call* call, const char* reason) {
  state(call).end(reason);
}

// ---------------------------------------------------------------- requests

namespace {

Request& request(void* req) {
  return *static_cast<Request*>(req);
}

std::string text_of(const rt_value* v) {
  std::string s;
  flowc::stdlib::append_text(s, *v);
  return s;
}

// Runs f on a writer standing where the request's JSON body was left.
extern "C++" template <typename F>
void json_write(Request& r, F&& f) {
  flowc::stdlib::JsonText j(r.body, r.json_state);
  f(j);
  r.json_state = j.state();
}

}  // namespace

void rt_req_url(void* req, const rt_value* url) {
  request(req).url = text_of(url);
}
void rt_req_header(void* req, const char* name, const rt_value* value) {
  request(req).headers.emplace_back(name, text_of(value));
}
void rt_req_body(void* req, const rt_value* body) {
  request(req).body = text_of(body);
}
void rt_req_email(void* req, const rt_value* to, const rt_value* subject, const rt_value* text) {
  Request& r = request(req);
  r.to = text_of(to);
  r.subject = text_of(subject);
  r.text = text_of(text);
}

void rt_json_begin(void* req, int32_t is_array) {
  Request& r = request(req);
  if (!r.has_json) {
    r.has_json = true;
    r.body.clear();
    r.json_state = {};
  }
  json_write(r, [&](flowc::stdlib::JsonText& j) { is_array ? j.begin_array() : j.begin_object(); });
}

void rt_json_key(void* req, const char* key, uint32_t len) {
  json_write(request(req), [&](flowc::stdlib::JsonText& j) { j.key({key, len}); });
}

void rt_json_value(void* req, const rt_value* v) {
  json_write(request(req), [&](flowc::stdlib::JsonText& j) { j.value(*v); });  // missing is null
}

void rt_json_end(void* req) {
  Request& r = request(req);
  if (r.has_json) json_write(r, [](flowc::stdlib::JsonText& j) { j.end(); });
}

}  // extern "C"
