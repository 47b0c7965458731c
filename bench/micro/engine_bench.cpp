// JIT against interpreter on examples/order_status, in one run: nanoseconds
// per trigger evaluation, per switch decision (the flow's two switches over
// its triggers, nothing else) and per whole event of scripted calls (with
// the runtime's work: commands, trace, requests). Prints Google Benchmark's
// table, then a summary table with the ratio and the same as JSON.
//
//   engine_bench [--benchmark_filter=…] [--benchmark_min_time=…]
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <map>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "compiler/codegen/jit.h"
#include "compiler/driver/compile.h"
#include "compiler/interp/interpreter.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/tables.h"
#include "runtime/engine/engine.h"
#include "stdlib/call_state.h"
#include "stdlib/scratch.h"

namespace {

using flowc::ir::ExprOp;
using nlohmann::json;

constexpr int64_t kNow = 1'795'000'000'000;

// One flow loaded on both engines.
struct Loaded {
  std::unique_ptr<flowc::ir::Flow> flow;
  flowc::stdlib::FlowTables tables;
  std::unique_ptr<flowc::stdlib::FlowCode> interp, jit;
  flowc::stdlib::FlowCode& code(bool jit_engine) { return jit_engine ? *jit : *interp; }
};

struct World {
  std::unique_ptr<flowc::codegen::JitContext> jit;
  std::unique_ptr<flowc::codegen::JitContext> held_jit;  // tier-ups held: load/…/serving
  flowc::stdlib::TimeZoneCache zones;
  Loaded order_status;  // examples/order_status
  Loaded decisions;     // its triggers and switches, and nothing else
  Loaded big;           // a generated flow of 1,000 modules
};

constexpr int kBigModules = 1000;

// 1,000 modules: 500 prompts, each followed by a switch over a trigger and
// an inline comparison, chained from start to a hangup.
std::string big_flow_source() {
  std::string s = "flow big\nstart s0\nexpect ivr.tier: string\nexpect ivr.n: number\n";
  const int pairs = kBigModules / 2;
  for (int i = 0; i < pairs; ++i) {
    std::string n = std::to_string(i), next = i + 1 < pairs ? "s" + std::to_string(i + 1) : "bye";
    s += "trigger t" + n + " = ivr.tier == \"gold" + n + "\" or ivr.n > " + n + "\n";
    s += "module s" + n + " = say \"Step " + n + " for {call.from}\"\n  next w" + n + "\n";
    s += "module w" + n + " = switch {\n  when t" + n + " -> " + next + "\n  when ivr.n == " + n + " -> " +
         next + "\n  after -> " + next + "\n}\n";
  }
  s += "module bye = hangup\n";
  return s;
}

class MemoryFs : public flowc::FileSystem {
 public:
  std::string text;
  flowc::ReadResult read(const std::string&, uint64_t) const override {
    flowc::ReadResult r;
    r.data = text;
    r.size = text.size();
    return r;
  }
};

World* g_world = nullptr;  // set up in main before the benchmarks run

bool load(World& w, Loaded& l, std::unique_ptr<flowc::ir::Flow> flow) {
  l.flow = std::move(flow);
  l.tables = flowc::ir::make_tables(*l.flow, w.zones);
  l.interp = flowc::interp::make_interpreter(*l.flow);
  std::string error;
  l.jit = flowc::codegen::compile(*w.jit, *l.flow, &error);
  if (!l.jit)
    std::fprintf(stderr, "engine_bench: cannot compile %s: %s\n", l.flow->name.c_str(), error.c_str());
  return l.jit != nullptr;
}

flowc::ir::ExprPtr trigger_ref(uint32_t index) {
  auto e = std::make_unique<flowc::ir::Expr>();
  e->op = ExprOp::Trigger;
  e->type = flowc::ValueType::Bool;
  e->index = index;
  return e;
}

// order_status's routing as a flow of its own: route_known (when
// customer_found → premium_check, after → ask_reference) and premium_check
// (when premium → agents, after → send_email); every leaf suspends with the
// timer kept, so a run is the decision and nothing else.
std::unique_ptr<flowc::ir::Flow> decision_flow(const flowc::ir::Flow& src) {
  auto f = std::make_unique<flowc::ir::Flow>();
  f->name = "decisions";
  f->slots = src.slots;
  for (const auto& t : src.triggers) f->triggers.push_back({t.name, t.condition->clone()});
  // The module's entry (b5) enters it and jumps to the decision (b0); runs
  // start and resume at b0, so they measure the decision alone.
  f->states.push_back({"route", "switch", 5, {}, ""});
  auto branch = [&](uint32_t trigger, uint32_t then_block, uint32_t else_block) {
    flowc::ir::Block b;
    b.term.op = flowc::ir::TermOp::Branch;
    b.term.cond = trigger_ref(trigger);
    b.term.target = then_block;
    b.term.other = else_block;
    return b;
  };
  auto leaf = [] {
    flowc::ir::Block b;
    b.term.op = flowc::ir::TermOp::Suspend;
    b.term.timer = flowc::ir::TimerOp::Keep;
    b.term.target = 0;
    return b;
  };
  f->blocks.push_back(branch(0, 1, 2));  // b0 route_known: customer_found
  f->blocks.push_back(branch(1, 3, 4));  // b1 premium_check: premium
  f->blocks.push_back(leaf());           // b2 ask_reference
  f->blocks.push_back(leaf());           // b3 agents
  f->blocks.push_back(leaf());           // b4 send_email
  flowc::ir::Block enter;                // b5 route.enter
  flowc::ir::Instr in;
  in.op = flowc::ir::InstrOp::EnterModule;
  in.index = 0;
  enter.instrs.push_back(std::move(in));
  enter.term.op = flowc::ir::TermOp::Jump;
  enter.term.target = 0;
  f->blocks.push_back(std::move(enter));
  return f;
}

// A call on one engine with a known caller (email set, premium).
struct Call {
  flowc::stdlib::CallState state;
  explicit Call(Loaded& l, bool jit_engine)
      : state(l.tables, l.code(jit_engine), "c-1", "+4930123456", "+4940999", kNow) {
    state.write({{"ivr.email", "a@b.example"}, {"ivr.premium", true}, {"ivr.track_id", "T-1"}}, kNow);
  }
};

// ---------------------------------------------------------------- benchmarks

void trigger_eval(benchmark::State& st, bool jit_engine, uint32_t trigger) {
  Loaded& l = g_world->order_status;
  Call call(l, jit_engine);
  flowc::stdlib::FlowCode& code = l.code(jit_engine);
  rt_call* raw = call.state.raw();
  for (auto _ : st) benchmark::DoNotOptimize(code.trigger(raw, trigger));
}

void switch_decision(benchmark::State& st, bool jit_engine) {
  Loaded& l = g_world->decisions;
  Call call(l, jit_engine);
  flowc::stdlib::FlowCode& code = l.code(jit_engine);
  rt_call* raw = call.state.raw();
  rt_event ev{};
  ev.kind = RT_EV_SESSION_WRITE;
  raw->event = &ev;
  for (auto _ : st) {
    raw->resume = 0;
    benchmark::DoNotOptimize(code.on_event(raw));
  }
  raw->event = nullptr;
}

// Whole calls through CallState, as the engine runs them; time per event.
struct ScriptStep {
  uint32_t kind;
  const char* digits = nullptr;
  const char* agent = nullptr;
  bool finish = false, ok = true;
  const char* write = nullptr;  // JSON
};

void whole_events(benchmark::State& st, bool jit_engine, const std::vector<ScriptStep>& script) {
  Loaded& l = g_world->order_status;
  flowc::stdlib::FlowCode& code = l.code(jit_engine);
  flowc::stdlib::Scratch scratch;
  std::vector<json> writes;
  for (const auto& s : script) writes.push_back(s.write ? json::parse(s.write) : json());
  const json response = json::object();
  size_t events = 0;
  for (auto _ : st) {
    flowc::stdlib::CallState cs(l.tables, code, "c-1", "+4930123456", "+4940999", kNow);
    std::vector<uint32_t> pending;
    int64_t now = kNow;
    for (size_t i = 0; i < script.size(); ++i) {
      const ScriptStep& s = script[i];
      now += 100;
      if (s.kind == RT_EV_START) {
        cs.start(scratch, now);
      } else {
        if (s.write) cs.write(writes[i], now);
        if (s.finish && !pending.empty()) {
          cs.automation_finished(pending.front(), s.ok, &response, "", now);
          pending.erase(pending.begin());
        }
        rt_event ev{};
        ev.kind = s.kind;
        auto str = [](const char* p) {
          rt_value v{};
          v.tag = RT_STR;
          v.len = static_cast<uint32_t>(std::strlen(p));
          v.u.str = p;
          return v;
        };
        if (s.digits) ev.digits = str(s.digits);
        if (s.agent) ev.agent = str(s.agent);
        cs.handle(ev, scratch, now);
      }
      for (const auto& r : cs.take_requests()) pending.push_back(r.automation);
      benchmark::DoNotOptimize(cs.take_commands());
      ++events;
    }
  }
  st.counters["events"] = static_cast<double>(script.size());
}

// A call through the 1,000-module flow: every event is a prompt_done that
// moves the call through a switch to the next prompt.
void big_flow_events(benchmark::State& st, bool jit_engine) {
  Loaded& l = g_world->big;
  flowc::stdlib::FlowCode& code = l.code(jit_engine);
  flowc::stdlib::Scratch scratch;
  const int steps = kBigModules / 2;
  for (auto _ : st) {
    flowc::stdlib::CallState cs(l.tables, code, "c-1", "+4930123456", "+4940999", kNow);
    cs.start(scratch, kNow);
    rt_event ev{};
    ev.kind = RT_EV_PROMPT_DONE;
    for (int i = 0; i < steps; ++i) {
      cs.handle(ev, scratch, kNow + i);
      benchmark::DoNotOptimize(cs.take_commands());
    }
  }
  st.counters["events"] = static_cast<double>(steps);
}

// Memory of idle calls: 10,000 calls started on order_status (the welcome
// prompt playing, the lookup pending), heap bytes per call.
void idle_call_memory(benchmark::State& st, bool jit_engine) {
  Loaded& l = g_world->order_status;
  flowc::stdlib::FlowCode& code = l.code(jit_engine);
  flowc::stdlib::Scratch scratch;
  constexpr int kCalls = 10'000;
  double per_call = 0;
  for (auto _ : st) {
    size_t before = mallinfo2().uordblks;
    std::vector<std::unique_ptr<flowc::stdlib::CallState>> calls;
    calls.reserve(kCalls);
    for (int i = 0; i < kCalls; ++i) {
      auto cs = std::make_unique<flowc::stdlib::CallState>(l.tables, code, "c-" + std::to_string(100000 + i),
                                                           "+4930123456", "+4940999", kNow);
      cs->start(scratch, kNow);
      cs->take_commands();
      cs->take_requests();
      calls.push_back(std::move(cs));
    }
    size_t after = mallinfo2().uordblks;
    per_call = static_cast<double>(after - before) / kCalls;
  }
  st.counters["bytes_per_call"] = per_call;
}

// Memory of idle calls in the engine: 10,000 calls started on order_status
// through the Engine (its call records, the id index, timers, the call
// state), the CRM lookup answered at once, each call waiting for the caller
// while the welcome prompt plays; heap bytes per call.
class AnsweringExecutor : public flowc::engine::ActionExecutor {
 public:
  void execute(const std::string&, flowc::stdlib::Request,
               std::function<void(flowc::engine::ActionResult)> done) override {
    flowc::engine::ActionResult r;
    r.ok = true;
    r.status = 200;
    r.json = json::object();
    done(std::move(r));
  }
};

void idle_call_memory_engine(benchmark::State& st, bool jit_engine) {
  constexpr int kCalls = 10'000;
  double per_call = 0;
  for (auto _ : st) {
    AnsweringExecutor crm;
    int64_t now = kNow;
    flowc::engine::EngineOptions o;
    o.now_ms = [&now] { return now; };
    o.executor = &crm;
    flowc::DiskFileSystem disk;
    auto c = flowc::compile_file(FLOWC_SOURCE_DIR "/examples/order_status/order_status.flow", disk, {});
    std::string error;
    auto version = flowc::engine::FlowVersion::make(
        std::move(c.flow),
        [&](const flowc::ir::Flow& f, std::string* e) {
          return jit_engine ? flowc::codegen::compile(*g_world->jit, f, e)
                            : flowc::interp::make_interpreter(f);
        },
        g_world->zones, &error);
    if (!version) {
      st.SkipWithError(error.c_str());
      return;
    }
    flowc::engine::Engine engine(std::move(o));
    engine.install(version);
    malloc_trim(0);
    size_t before = mallinfo2().uordblks;
    for (int i = 0; i < kCalls; ++i) {
      auto out = engine.start_call({{"from", "+4930123456"}, {"to", "+4940999"}});
      if (out.status != 201 || engine.active_calls() != static_cast<size_t>(i + 1)) {
        st.SkipWithError("a call did not start or did not stay");
        return;
      }
    }
    size_t after = mallinfo2().uordblks;
    per_call = static_cast<double>(after - before) / kCalls;
  }
  st.counters["bytes_per_call"] = per_call;
}

// Loading a version: the interpreter wraps the IR; the JIT emits, compiles
// and links it into a fresh JITDylib. `o2_live` false: until the code
// serves (tier 0 for a flow above the tier threshold; its tier-up is held,
// so that none from an earlier iteration competes for the cores). True:
// until its O2 code is live, the tier-up on the context's worker included
// (the same work for a flow compiled straight to O2; the interpreter has no
// tiers). Unloading is not timed.
void load_version(benchmark::State& st, bool jit_engine, bool big, bool o2_live) {
  const flowc::ir::Flow& flow = big ? *g_world->big.flow : *g_world->order_status.flow;
  flowc::codegen::JitContext& jit = o2_live ? *g_world->jit : *g_world->held_jit;
  for (auto _ : st) {
    std::string error;
    auto code =
        jit_engine ? flowc::codegen::compile(jit, flow, &error) : flowc::interp::make_interpreter(flow);
    if (!code) {
      st.SkipWithError(error.c_str());
      break;
    }
    if (jit_engine && o2_live) {
      jit.wait_idle();
      flowc::codegen::TierStatus s = flowc::codegen::tier_status(*code);
      if (!s.optimised) {
        st.SkipWithError(("no O2 code: " + s.tier_up_error).c_str());
        break;
      }
    }
    benchmark::DoNotOptimize(code.get());
    st.PauseTiming();
    code.reset();
    st.ResumeTiming();
  }
}

const std::vector<ScriptStep> kPremiumCaller = {
    {RT_EV_START},
    {RT_EV_SESSION_WRITE, nullptr, nullptr, false, true, R"({"ivr.email":"a@b.example","ivr.premium":true})"},
    {RT_EV_AUTOMATION_DONE, nullptr, nullptr, true, true},
    {RT_EV_PROMPT_DONE},
    {RT_EV_AGENT_ANSWERED, nullptr, "user101"},
    {RT_EV_HANGUP},
};

const std::vector<ScriptStep> kUnknownCaller = {
    {RT_EV_START},
    {RT_EV_AUTOMATION_DONE, nullptr, nullptr, true, false},
    {RT_EV_PROMPT_DONE},
    {RT_EV_DTMF, "12"},
    {RT_EV_INPUT_TIMEOUT},
    {RT_EV_DTMF, "1234567"},
    {RT_EV_SESSION_WRITE, nullptr, nullptr, false, true,
     R"({"ivr.email":"a@b.example","ivr.track_id":"T-1"})"},
    {RT_EV_AUTOMATION_DONE, nullptr, nullptr, true, true},
    {RT_EV_PROMPT_DONE},
    {RT_EV_AUTOMATION_DONE, nullptr, nullptr, true, true},
    {RT_EV_PROMPT_DONE},
    {RT_EV_PROMPT_DONE},
};

// Each case on the interpreter, then at once on the JIT, so that both run
// on the same heap and machine state (the memory rows, which leave 10,000
// calls' worth of freed heap behind, come last).
template <class Fn, class... Args>
void both_engines(const std::string& name, benchmark::TimeUnit unit, Fn fn, Args... args) {
  for (bool jit : {false, true}) {
    auto* b = benchmark::RegisterBenchmark((name + (jit ? "/jit" : "/interp")).c_str(), fn, jit, args...);
    b->Unit(unit);
    if (name.rfind("memory/", 0) == 0) b->Iterations(1);
  }
}

void register_all() {
  using benchmark::kMillisecond, benchmark::kNanosecond;
  both_engines("trigger/customer_found", kNanosecond, trigger_eval, 0u);
  both_engines("trigger/premium", kNanosecond, trigger_eval, 1u);
  both_engines("switch/route_known+premium_check", kNanosecond, switch_decision);
  both_engines("event/premium_caller", kNanosecond, whole_events, kPremiumCaller);
  both_engines("event/unknown_caller", kNanosecond, whole_events, kUnknownCaller);
  both_engines("event/1000_modules", kNanosecond, big_flow_events);
  for (bool o2_live : {false, true}) {
    const std::string until = o2_live ? "/o2_live" : "/serving";
    both_engines("load/order_status" + until, kMillisecond, load_version, false, o2_live);
    both_engines("load/1000_modules" + until, kMillisecond, load_version, true, o2_live);
  }
  both_engines("memory/idle_call", kMillisecond, idle_call_memory);
  both_engines("memory/idle_call_engine", kMillisecond, idle_call_memory_engine);
}

// ---------------------------------------------------------------- summary

// Google Benchmark's console output, then interp vs jit side by side.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& r : runs) {
      // One run, or the median of --benchmark_repetitions.
      bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      if ((r.run_type != Run::RT_Iteration && !median) || r.error_occurred) continue;
      std::string name = r.run_name.function_name;
      auto slash = name.rfind('/');
      std::string what = name.substr(0, slash), engine = name.substr(slash + 1);
      double ns = r.GetAdjustedRealTime() * 1e9 / benchmark::GetTimeUnitMultiplier(r.time_unit);
      auto events = r.counters.find("events");
      if (events != r.counters.end() && events->second.value > 0) ns /= events->second.value;
      results_[what][engine] = ns;
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    json out = json::array();
    std::printf("\n%-40s %14s %14s %10s\n", "ns per operation", "interp", "jit", "speed-up");
    for (const auto& [what, by] : results_) {
      auto i = by.find("interp"), j = by.find("jit");
      if (i == by.end() || j == by.end()) continue;
      std::string label = what.rfind("event/", 0) == 0 ? what + " (per event)" : what;
      if (what.rfind("memory/", 0) == 0) continue;  // reported as bytes_per_call above
      if (what.rfind("load/", 0) == 0)              // not a speed: what the JIT pays once per version, in ms
        std::printf("%-40s %14.3f %14.1f %10s\n", (label + " (ms)").c_str(), i->second / 1e6, j->second / 1e6,
                    "-");
      else
        std::printf("%-40s %14.1f %14.1f %9.2fx\n", label.c_str(), i->second, j->second,
                    i->second / j->second);
      out.push_back({{"case", what},
                     {"interp_ns", i->second},
                     {"jit_ns", j->second},
                     {"speedup", i->second / j->second}});
    }
    std::printf("\n%s\n", out.dump(2).c_str());
  }

 private:
  std::map<std::string, std::map<std::string, double>> results_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  World world;
  std::string error;
  world.jit = flowc::codegen::JitContext::create(&error);
  flowc::codegen::JitOptions held;
  held.tier_ups_paused = true;
  if (world.jit) world.held_jit = flowc::codegen::JitContext::create(&error, held);
  if (!world.jit || !world.held_jit) {
    std::fprintf(stderr, "engine_bench: %s\n", error.c_str());
    return 1;
  }
  flowc::DiskFileSystem disk;
  flowc::CompileOptions options;
  auto c = flowc::compile_file(FLOWC_SOURCE_DIR "/examples/order_status/order_status.flow", disk, options);
  if (!c.ok() || !c.flow) {
    std::fprintf(stderr, "engine_bench: examples/order_status does not compile\n");
    return 1;
  }
  auto decisions = decision_flow(*c.flow);
  MemoryFs big_fs;
  big_fs.text = big_flow_source();
  auto big = flowc::compile_file("big.flow", big_fs, options);
  if (!big.ok() || !big.flow) {
    std::fprintf(stderr, "engine_bench: the generated 1,000-module flow does not compile\n");
    return 1;
  }
  if (!load(world, world.order_status, std::move(c.flow)) ||
      !load(world, world.decisions, std::move(decisions)) || !load(world, world.big, std::move(big.flow)))
    return 1;
  world.jit->wait_idle();  // the 1,000-module flow is tiered: its events are measured on O2 code
  g_world = &world;

  register_all();
  SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  g_world = nullptr;
  return 0;
}
