// The checker's rules per module kind: which options each kind accepts,
// which routes (`on X -> m`) it has, whether it can wait and needs a next.
#include <gtest/gtest.h>

#include "tests/unit/compiler/test_support.h"

namespace flowc {
namespace {

using test::codes;
using test::compile_source;
using test::has_code;
using test::rendered;

struct Kind {
  const char* name;
  const char* body;                  // the module after `module main =`
  std::vector<const char*> options;  // every option it accepts, with a value
  std::vector<const char*> routes;   // the routes it has
  bool can_wait;
  bool needs_next;
  bool takes_options;  // the grammar allows options after it
};

const Kind kKinds[] = {
    {"play", "play \"a.wav\"", {}, {"error", "timeout"}, true, true, true},
    {"say",
     "say \"Hello\"",
     {"voice \"anna\"", "language \"en-GB\""},
     {"error", "timeout"},
     true,
     true,
     true},
    {"input",
     "input digits 4 into pin",
     {"terminator \"#\"", "timeout 5s", "retries 2", "prompt \"PIN\"", "voice \"anna\"", "language \"en\"",
      "pattern \"^[0-9]+$\""},
     {"error", "timeout", "invalid"},
     true,
     true,
     true},
    {"menu",
     "menu \"Press 1\" { 1 -> done }",
     {"timeout 5s", "retries 2", "voice \"anna\"", "language \"en\""},
     {"error", "timeout", "invalid"},
     false,
     false,
     true},
    {"queue",
     "queue \"support\"",
     {"reason \"1084CC0B\"", "priority 5", "timeout 10m"},
     {"timeout"},
     false,
     false,
     true},
    {"transfer", "transfer \"+4940111\"", {"timeout 20s"}, {"error"}, false, false, true},
    {"hangup", "hangup", {}, {}, false, false, false},
    {"pause", "pause 2s", {}, {"error", "timeout"}, true, true, false},
    {"set", "set app.x = 1, ivr.y = \"z\"", {}, {"error", "timeout"}, true, true, false},
    {"email",
     "email to \"ops@example.com\" subject \"S\" body \"B\"",
     {"timeout 5s"},
     {"error", "timeout"},
     true,
     true,
     true},
    {"http",
     "http post \"https://crm.example.com/x\"",
     {"header \"X-Key\": \"k\"", "json { id: call.id }", "timeout 1s", "retries 1",
      "map ivr.name = response.name"},
     {"error", "timeout"},
     true,
     true,
     true},
    {"switch", "switch { after -> done }", {}, {}, false, false, false},
};

const char* kAllRoutes[] = {"error", "timeout", "invalid", "no_answer"};

// A flow whose start module is `main = <body> <extra>`, with `next done` when
// the kind needs one.
std::string flow_of(const Kind& k, const std::string& extra) {
  return "flow t\nstart main\ntrigger ready = call.id is set\n"
         "module main = " +
         std::string(k.body) + " " + extra + (k.needs_next ? "\n  next done" : "") +
         "\nmodule other = hangup\nmodule done = hangup\n";
}

void PrintTo(const Kind& k, std::ostream* os) {
  *os << k.name;
}

class ModuleKind : public ::testing::TestWithParam<Kind> {};

TEST_P(ModuleKind, BareModuleChecks) {
  Compilation c = compile_source(flow_of(GetParam(), ""));
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST_P(ModuleKind, AcceptsEachOfItsOptions) {
  const Kind& k = GetParam();
  for (const char* option : k.options) {
    Compilation c = compile_source(flow_of(k, option));
    EXPECT_TRUE(c.ok()) << k.name << " " << option << "\n" << rendered(c);
  }
}

TEST_P(ModuleKind, AcceptsAllOfItsOptionsTogether) {
  const Kind& k = GetParam();
  std::string all;
  for (const char* option : k.options) all += std::string(option) + " ";
  Compilation c = compile_source(flow_of(k, all));
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST_P(ModuleKind, RejectsAnUnknownOption) {
  const Kind& k = GetParam();
  Compilation c = compile_source(flow_of(k, "loudness 11"));
  // Kinds without options do not even parse one.
  EXPECT_TRUE(has_code(c, k.takes_options ? "FL115" : "FL007")) << rendered(c);
}

TEST_P(ModuleKind, RejectsARepeatedOption) {
  const Kind& k = GetParam();
  for (const char* option : k.options) {
    if (std::string(option).rfind("header", 0) == 0 || std::string(option).rfind("map", 0) == 0) continue;
    Compilation c = compile_source(flow_of(k, std::string(option) + " " + option));
    EXPECT_TRUE(has_code(c, "FL116")) << k.name << " " << option << "\n" << rendered(c);
  }
}

TEST_P(ModuleKind, HasItsRoutesAndNoOthers) {
  const Kind& k = GetParam();
  for (const char* route : kAllRoutes) {
    bool allowed = std::find_if(k.routes.begin(), k.routes.end(),
                                [&](const char* r) { return std::string(r) == route; }) != k.routes.end();
    std::string extra = std::string("\n  on ") + route + " -> other";
    // A timeout route needs something that can time out.
    if (std::string(route) == "timeout" && k.can_wait && std::string(k.name) != "input")
      extra += "\n  wait ready up to 1s";
    if (std::string(route) == "timeout" && std::string(k.name) == "queue") extra = " timeout 1m" + extra;
    Compilation c = compile_source(flow_of(k, extra));
    if (allowed) {
      EXPECT_TRUE(c.ok()) << k.name << " on " << route << "\n" << rendered(c);
    } else {
      EXPECT_TRUE(has_code(c, "FL118")) << k.name << " on " << route << "\n" << rendered(c);
    }
  }
}

TEST_P(ModuleKind, WaitsOnlyWhenItCan) {
  const Kind& k = GetParam();
  Compilation c = compile_source(flow_of(k, "\n  wait ready up to 2s"));
  if (k.can_wait) {
    EXPECT_TRUE(c.ok()) << rendered(c);
  } else {
    EXPECT_TRUE(has_code(c, "FL130")) << rendered(c);
  }
}

TEST_P(ModuleKind, NextIsRequiredIgnoredOrRefused) {
  const Kind& k = GetParam();
  std::string without =
      "flow t\nstart main\nmodule main = " + std::string(k.body) + "\nmodule done = hangup\n";
  Compilation c = compile_source(without);
  EXPECT_EQ(has_code(c, "FL403"), k.needs_next) << rendered(c);
  if (k.needs_next) return;
  std::string src =
      "flow t\nstart main\nmodule main = " + std::string(k.body) + "\n  next done\nmodule done = hangup\n";
  Compilation n = compile_source(src);
  std::string name = k.name;
  if (name == "switch") {
    EXPECT_TRUE(has_code(n, "FL118")) << rendered(n);  // a switch goes on through its branches
  } else if (name == "queue" || name == "transfer" || name == "hangup") {
    EXPECT_TRUE(has_code(n, "FL408")) << rendered(n);  // ends the flow: next never taken
  } else {
    EXPECT_TRUE(n.ok()) << rendered(n);  // menu: next after exhausted retries
  }
}

INSTANTIATE_TEST_SUITE_P(Sema, ModuleKind, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<Kind>& info) {
                           return std::string(info.param.name);
                         });

// ---- rules within a kind

TEST(InputModule, DigitsOrMinMaxButNotBoth) {
  auto src = [](const std::string& opts) {
    return "flow t\nstart main\nmodule main = input into pin prompt \"PIN\" " + opts +
           " next bye\nmodule bye = hangup\n";
  };
  EXPECT_TRUE(compile_source(src("min_digits 4 max_digits 8")).ok());
  EXPECT_TRUE(has_code(compile_source(src("digits 4 max_digits 8")), "FL126"));
  EXPECT_TRUE(has_code(compile_source(src("min_digits 8 max_digits 4")), "FL307"));
  EXPECT_TRUE(has_code(compile_source(src("")), "FL117"));  // neither digits nor max_digits
  EXPECT_TRUE(has_code(compile_source(src("digits 4 terminator \"x\"")), "FL126"));
  EXPECT_TRUE(has_code(compile_source(src("digits 4 audio \"a.wav\"")), "FL126"));  // prompt and audio
  EXPECT_TRUE(has_code(compile_source(src("digits 4 pattern \"(\"")), "FL304"));
}

TEST(InputModule, WritesItsVariable) {
  Compilation c = compile_source(
      "flow t\nstart main\nmodule main = input digits 4 into pin prompt \"PIN\" next check\n"
      "module check = switch { when app.inputReader.pin == \"1234\" -> bye after -> bye }\nmodule bye = "
      "hangup\n");
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST(HttpAction, JsonAndBodyExcludeEachOther) {
  Compilation c = compile_source(
      test::flow_with("automation a = post \"https://x.example\" json { a: 1 } body \"b\" on call start"));
  EXPECT_TRUE(has_code(c, "FL126")) << rendered(c);
}

TEST(HttpAction, MapTakesFromTheResponse) {
  Compilation c = compile_source(
      test::flow_with("automation a = post \"https://x.example\" map ivr.x = ivr.y on call start"));
  EXPECT_TRUE(has_code(c, "FL126")) << rendered(c);
}

TEST(HttpAction, MethodsAreCaseInsensitive) {
  for (const char* m : {"get", "post", "put", "patch", "delete", "GET", "Post"}) {
    Compilation c = compile_source(
        test::flow_with(std::string("automation a = ") + m + " \"https://x.example\" on call start"));
    EXPECT_TRUE(c.ok()) << m << "\n" << rendered(c);
  }
}

TEST(EmailAction, NeedsSubjectAndBody) {
  Compilation c = compile_source(test::flow_with("automation a = email to \"a@b.example\" on call start"));
  auto all = codes(c);
  EXPECT_EQ(std::count(all.begin(), all.end(), "FL117"), 2) << rendered(c);
}

TEST(Menu, KeysArePhoneKeysUsedOnce) {
  auto src = [](const std::string& choices) {
    return "flow t\nstart main\nmodule main = menu \"m\" { " + choices + " }\nmodule a = hangup\n";
  };
  EXPECT_TRUE(compile_source(src("0 -> a 9 -> a \"*\" -> a \"#\" -> a")).ok());
  EXPECT_TRUE(has_code(compile_source(src("1 -> a \"1\" -> a")), "FL407"));
  EXPECT_TRUE(has_code(compile_source(src("10 -> a")), "FL411"));
  EXPECT_TRUE(has_code(compile_source(src("")), "FL117"));
}

TEST(Switch, ShadowedBranches) {
  auto src = [](const std::string& branches) {
    return "flow t\nstart main\nexpect ivr.b: bool\nmodule main = switch { " + branches +
           " }\nmodule a = hangup\n";
  };
  EXPECT_FALSE(has_code(compile_source(src("when ivr.b -> a after -> a")), "FL405"));
  EXPECT_TRUE(has_code(compile_source(src("when ivr.b -> a when ivr.b -> a after -> a")), "FL405"));
  EXPECT_TRUE(has_code(compile_source(src("when true -> a when ivr.b -> a after -> a")), "FL405"));
  EXPECT_TRUE(has_code(compile_source(src("when true -> a after -> a")), "FL405"));
  EXPECT_TRUE(has_code(compile_source(src("after -> a when ivr.b -> a")), "FL405"));
}

TEST(Switch, ManyBranchesCheckQuickly) {
  // Shadowing is found by comparing each branch with the earlier ones; this
  // must not be quadratic in dumps (a generated switch can be long).
  std::string branches;
  for (int i = 0; i < 5000; ++i) branches += "when ivr.n == " + std::to_string(i) + " -> a\n";
  Compilation c = compile_source("flow t\nstart main\nexpect ivr.n: number\nmodule main = switch {\n" +
                                 branches + "after -> a\n}\nmodule a = hangup\n");
  EXPECT_TRUE(c.ok()) << rendered(c);
}

TEST(Graph, SilenceBudgetIsAnOption) {
  std::string src =
      "flow t\nstart main\nmodule main = http get \"https://x.example\" timeout 3s next bye\n"
      "module bye = hangup\n";
  EXPECT_FALSE(has_code(compile_source(src), "FL406"));
  CompileOptions o = test::test_options();
  o.check.silence_budget_ms = 2000;
  Compilation c = compile_source(src, {}, o);
  EXPECT_TRUE(has_code(c, "FL406")) << rendered(c);
  EXPECT_NE(rendered(c).find("on the path main (the budget is 2s)"), std::string::npos) << rendered(c);
}

TEST(Graph, SilentLoopNamesAFewModules) {
  std::string src = "flow t\nstart m0\n";
  for (int i = 0; i < 20; ++i)
    src += "module m" + std::to_string(i) + " = set app.x = 1 next m" + std::to_string((i + 1) % 20) + "\n";
  Compilation c = compile_source(src);
  ASSERT_TRUE(has_code(c, "FL404")) << rendered(c);
  EXPECT_NE(rendered(c).find("modules 'm0', 'm1', 'm2', 'm3', 'm4' and 15 more form a loop"),
            std::string::npos)
      << rendered(c);
}

TEST(Graph, LoopThroughAWaitingModuleIsFine) {
  Compilation c =
      compile_source("flow t\nstart a\nmodule a = say \"again\" next b\nmodule b = set app.n = 1 next a\n");
  EXPECT_TRUE(c.ok()) << rendered(c);
}

}  // namespace
}  // namespace flowc
