// A tree-walking evaluator for IR expressions and a block-stepping loop for
// handlers. Every value operation goes through the rt_* functions so the
// semantics are the ABI's, shared with compiled code.
#include "compiler/interp/interpreter.h"

#include "stdlib/abi.h"

namespace flowc::interp {

namespace {

using ir::ExprOp;

rt_value boolean(bool b) {
  rt_value v{};
  v.tag = RT_BOOL;
  v.u.b = b ? 1 : 0;
  return v;
}

rt_value number(double d) {
  rt_value v{};
  v.tag = RT_NUM;
  v.u.num = d;
  return v;
}

bool truthy(const rt_value& v) {
  return v.tag == RT_BOOL && v.u.b != 0;
}

class Interpreter : public stdlib::FlowCode {
 public:
  explicit Interpreter(const ir::Flow& flow) : flow_(flow) {}

  uint32_t on_event(rt_call* call) override {
    uint32_t b = call->resume;
    for (;;) {
      const ir::Block& block = flow_.blocks[b];
      for (const auto& in : block.instrs) {
        if (in.op == ir::InstrOp::EnterModule) {
          // A module boundary: the runtime may move the call to a newer version.
          if (rt_enter_module(call, in.index)) {
            call->resume = flow_.states[in.index].entry;
            return RT_MIGRATE;
          }
          continue;
        }
        exec(call, in);
      }
      const ir::Terminator& t = block.term;
      switch (t.op) {
        case ir::TermOp::Jump: b = t.target; break;
        case ir::TermOp::Branch: {
          bool c = truthy(eval(call, *t.cond));
          if (!t.trace.empty()) rt_trace_branch(call, t.trace.c_str(), c);
          b = c ? t.target : t.other;
          break;
        }
        case ir::TermOp::Suspend:
          call->resume = t.target;
          if (t.timer == ir::TimerOp::Clear) rt_timer(call, RT_TIMER_CLEAR, 0);
          if (t.timer == ir::TimerOp::Set) rt_timer(call, RT_TIMER_SET, t.timer_ms);
          return t.await == ir::Await::Caller ? RT_SUSPEND_CALLER : RT_SUSPEND_EXTERNAL;
        case ir::TermOp::End: rt_end(call, t.reason.c_str()); return RT_ENDED;
      }
    }
  }

  bool trigger(rt_call* call, uint32_t index) override {
    return truthy(eval(call, *flow_.triggers[index].condition));
  }

  void build(rt_call* call, uint32_t index, void* req) override {
    const ir::Automation& a = flow_.automations[index];
    if (a.kind == ir::ActionKind::Set) {
      for (const auto& as : a.assignments) {
        rt_value v = eval(call, *as.value);
        rt_set_slot(call, as.slot, &v);
      }
      return;
    }
    if (a.kind == ir::ActionKind::Email) {
      rt_value to = eval(call, *a.to), subject = eval(call, *a.subject), text = eval(call, *a.text);
      rt_req_email(req, &to, &subject, &text);
      return;
    }
    rt_value url = eval(call, *a.url);
    rt_req_url(req, &url);
    for (const auto& h : a.headers) {
      rt_value v = eval(call, *h.value);
      rt_req_header(req, h.name.c_str(), &v);
    }
    if (a.has_json) json(call, a.json, req);
    if (a.body) {
      rt_value v = eval(call, *a.body);
      rt_req_body(req, &v);
    }
  }

  const char* engine_name() const override { return "interp"; }

 private:
  void json(rt_call* call, const ir::JsonTemplate& j, void* req) {
    switch (j.kind) {
      case ir::JsonTemplate::Value: {
        rt_value v = eval(call, *j.value);
        rt_json_value(req, &v);
        return;
      }
      case ir::JsonTemplate::Object:
        rt_json_begin(req, 0);
        for (size_t i = 0; i < j.items.size(); ++i) {
          rt_json_key(req, j.keys[i].data(), static_cast<uint32_t>(j.keys[i].size()));
          json(call, j.items[i], req);
        }
        rt_json_end(req);
        return;
      case ir::JsonTemplate::Array:
        rt_json_begin(req, 1);
        for (const auto& item : j.items) json(call, item, req);
        rt_json_end(req);
        return;
    }
  }

  void exec(rt_call* call, const ir::Instr& in) {
    switch (in.op) {
      case ir::InstrOp::SetSlot: {
        rt_value v = eval(call, *in.expr);
        rt_set_slot(call, in.slot, &v);
        return;
      }
      case ir::InstrOp::StartAutomation: rt_start_automation(call, in.index); return;
      case ir::InstrOp::Emit: {
        rt_value args[8] = {};
        uint32_t n = static_cast<uint32_t>(std::min<size_t>(in.args.size(), 8));
        for (uint32_t i = 0; i < n; ++i)
          if (in.args[i]) args[i] = eval(call, *in.args[i]);
        rt_emit(call, static_cast<uint32_t>(in.command), args, n);
        return;
      }
      case ir::InstrOp::EnterModule: return;  // in on_event: it may end the run
      case ir::InstrOp::SetAttempts: {
        rt_value v = eval(call, *in.expr);
        call->attempts = v.tag == RT_NUM && v.u.num > 0 ? static_cast<uint32_t>(v.u.num) : 0;
        return;
      }
      case ir::InstrOp::Trace: rt_trace(call, in.text.c_str()); return;
      case ir::InstrOp::AgentConnected: {
        rt_value agent = eval(call, *in.args[0]), reason = eval(call, *in.args[1]);
        rt_agent_connected(call, &agent, &reason);
        return;
      }
    }
  }

  rt_value eval(rt_call* call, const ir::Expr& e) {
    switch (e.op) {
      case ExprOp::Const: {
        rt_value v{};
        switch (e.value.type) {
          case ValueType::Bool: return boolean(e.value.boolean);
          case ValueType::Number: return number(e.value.number);
          case ValueType::String:
            v.tag = RT_STR;
            v.len = static_cast<uint32_t>(e.value.string.size());
            v.u.str = e.value.string.data();
            return v;
          default: v.tag = RT_NULL; return v;
        }
      }
      case ExprOp::Slot: return call->slots[e.slot];
      case ExprOp::Trigger: return boolean(trigger(call, e.index));
      case ExprOp::EventIs:
        return boolean(call->event && call->event->kind == static_cast<uint32_t>(e.event));
      case ExprOp::EventDigits:
        return call->event && call->event->kind == RT_EV_DTMF ? call->event->digits : rt_value{};
      case ExprOp::EventAgent:
        return call->event && call->event->kind == RT_EV_AGENT_ANSWERED ? call->event->agent : rt_value{};
      case ExprOp::AutomationDone: return boolean(call->automations[e.index] >= RT_AUTO_OK);
      case ExprOp::AutomationFailed: return boolean(call->automations[e.index] == RT_AUTO_FAILED);
      case ExprOp::AutomationStarted: return boolean(call->automations[e.index] != RT_AUTO_IDLE);
      case ExprOp::ModuleFailed: return boolean(call->module_failed != 0);
      case ExprOp::Attempts: return number(call->attempts);
      case ExprOp::Now: return boolean(rt_now_in(call, e.index) != 0);
      case ExprOp::Not: return boolean(!truthy(eval(call, *e.args[0])));
      case ExprOp::And: return boolean(truthy(eval(call, *e.args[0])) && truthy(eval(call, *e.args[1])));
      case ExprOp::Or: return boolean(truthy(eval(call, *e.args[0])) || truthy(eval(call, *e.args[1])));
      case ExprOp::Eq:
      case ExprOp::Ne:
      case ExprOp::Lt:
      case ExprOp::Le:
      case ExprOp::Gt:
      case ExprOp::Ge: {
        rt_value a = eval(call, *e.args[0]), b = eval(call, *e.args[1]);
        if (e.op == ExprOp::Eq) return boolean(rt_eq(&a, &b));
        if (e.op == ExprOp::Ne) return boolean(rt_ne(&a, &b));
        int32_t op = e.op == ExprOp::Lt ? 0 : e.op == ExprOp::Le ? 1 : e.op == ExprOp::Gt ? 2 : 3;
        return boolean(rt_order(&a, &b, op));
      }
      case ExprOp::Add:
      case ExprOp::Sub:
      case ExprOp::Mul:
      case ExprOp::Div:
      case ExprOp::Mod: {
        rt_value a = eval(call, *e.args[0]), b = eval(call, *e.args[1]), out{};
        int32_t op = static_cast<int32_t>(e.op) - static_cast<int32_t>(ExprOp::Add);
        rt_arith(call, op, &a, &b, &out);
        return out;
      }
      case ExprOp::Neg: {
        rt_value zero = number(0), a = eval(call, *e.args[0]), out{};
        rt_arith(call, 1, &zero, &a, &out);
        return out;
      }
      case ExprOp::IsSet: {
        rt_value a = eval(call, *e.args[0]);
        return boolean(a.tag != RT_MISSING && a.tag != RT_NULL);
      }
      case ExprOp::In: {
        rt_value a = eval(call, *e.args[0]);
        for (size_t i = 1; i < e.args.size(); ++i) {
          rt_value b = eval(call, *e.args[i]);
          if (rt_eq(&a, &b)) return boolean(true);
        }
        return boolean(false);
      }
      case ExprOp::Matches: {
        rt_value a = eval(call, *e.args[0]);
        return boolean(rt_matches(call, e.index, &a) != 0);
      }
      case ExprOp::Call: {
        rt_value args[4] = {};
        uint32_t n = static_cast<uint32_t>(std::min<size_t>(e.args.size(), 4));
        for (uint32_t i = 0; i < n; ++i) args[i] = eval(call, *e.args[i]);
        rt_value out{};
        rt_builtin(call, e.index, args, n, &out);
        return out;
      }
      case ExprOp::Template: {
        rt_tmpl_begin(call);
        for (const auto& a : e.args) {
          if (a->op == ExprOp::Const && a->value.type == ValueType::String) {
            rt_tmpl_text(call, a->value.string.data(), static_cast<uint32_t>(a->value.string.size()));
          } else {
            rt_value v = eval(call, *a);
            rt_tmpl_value(call, &v, static_cast<uint32_t>(e.escape));
          }
        }
        rt_value out{};
        rt_tmpl_end(call, &out);
        return out;
      }
      case ExprOp::Length: {
        rt_value a = eval(call, *e.args[0]), out{};
        rt_length(&a, &out);
        return out;
      }
    }
    return rt_value{};
  }

  const ir::Flow& flow_;
};

}  // namespace

std::unique_ptr<stdlib::FlowCode> make_interpreter(const ir::Flow& flow) {
  return std::make_unique<Interpreter>(flow);
}

}  // namespace flowc::interp
