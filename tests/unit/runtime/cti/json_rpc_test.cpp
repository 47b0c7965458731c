// JSON-RPC 2.0 conformance of the call:InboundCall endpoint: the NexJ
// document's three example messages verbatim, and every standard error.
#include "runtime/cti/json_rpc.h"

#include <gtest/gtest.h>

#include "tests/unit/runtime/cti/cti_fixture.h"

namespace flowc::cti {
namespace {

using nlohmann::json;
using testing::Service;

json answer(Service& s, const std::string& body) {
  auto out = s.service.handle(body);
  EXPECT_TRUE(out.has_value()) << body;
  return out ? json::parse(*out) : json();
}

void expect_error(const json& r, int code, const json& id) {
  EXPECT_EQ(r["jsonrpc"], "2.0") << r;
  ASSERT_TRUE(r.contains("error")) << r;
  EXPECT_FALSE(r.contains("result")) << r;
  EXPECT_EQ(r["error"]["code"], code) << r;
  EXPECT_TRUE(r["error"]["message"].is_string()) << r;
  EXPECT_EQ(r["id"], id) << r;
}

// The document's messages, byte for byte (its quotes around them are prose).
TEST(NexjDocumentExamples, InboundCallWithAReason) {
  Service s;
  json r = answer(
      s,
      R"({"jsonrpc":"2.0", "method":"updateCallState", "params":["user101", "CONNECTED", "1234567890", "1084CC0BCF18B24ABF86830DD046021FC0"], "id":1})");
  ASSERT_TRUE(r.contains("result")) << r;
  EXPECT_EQ(r["id"], 1);
  EXPECT_EQ(r["result"]["status"], "CONNECTED");
  EXPECT_EQ(r["result"]["phone_number"], "1234567890");
  EXPECT_EQ(r["result"]["reason"], "Order status");
  auto st = s.states.get("user101");
  ASSERT_TRUE(st);
  EXPECT_FALSE(st->beacon_clicked);
  EXPECT_EQ(st->screen_pop["reason"]["script"], "Ask for the order.");
  EXPECT_EQ(st->screen_pop["contact"]["name"], "Grace Hopper");
}

TEST(NexjDocumentExamples, InboundCallWithoutAReasonIsAGeneralInquiry) {
  Service s;
  json r = answer(
      s,
      R"({"jsonrpc":"2.0", "method":"updateCallState", "params":["user101", "CONNECTED", "1234657890", null], "id":1})");
  ASSERT_TRUE(r.contains("result")) << r;
  EXPECT_EQ(r["result"]["reason"], "General Inquiry");
  EXPECT_EQ(s.states.get("user101")->screen_pop["reason"]["script"], "How can I help?");
  EXPECT_TRUE(s.states.get("user101")->screen_pop["contact"].is_null());  // 1234657890 is nobody's
}

TEST(NexjDocumentExamples, DisconnectedCallClearsTheDetails) {
  Service s;
  answer(
      s,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1234567890",null],"id":7})");
  json r = answer(
      s,
      R"({"jsonrpc":"2.0", "method":"updateCallState", "params":["user101", "DISCONNECTED", null, null], "id":1})");
  ASSERT_TRUE(r.contains("result")) << r;
  auto st = s.states.get("user101");
  EXPECT_EQ(st->status, "DISCONNECTED");
  EXPECT_EQ(st->phone_number, "");
  EXPECT_TRUE(st->reason_id.is_null());
  EXPECT_TRUE(st->screen_pop.is_null());
}

TEST(JsonRpcConformance, UnknownReasonFallsBackToGeneralInquiry) {
  Service s;
  json r = answer(
      s,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1","nope"],"id":2})");
  EXPECT_EQ(r["result"]["reason"], "General Inquiry");
}

TEST(JsonRpcConformance, ParseError) {
  Service s;
  expect_error(answer(s, R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101")"), kParseError,
               nullptr);
  expect_error(answer(s, ""), kParseError, nullptr);
}

TEST(JsonRpcConformance, InvalidRequests) {
  Service s;
  expect_error(answer(s, R"({"jsonrpc":"1.0","method":"updateCallState","params":[],"id":3})"),
               kInvalidRequest, 3);
  expect_error(answer(s, R"({"method":"updateCallState","id":3})"), kInvalidRequest, 3);
  expect_error(answer(s, R"({"jsonrpc":"2.0","method":1,"params":"bar","id":4})"), kInvalidRequest, 4);
  expect_error(answer(s, R"({"jsonrpc":"2.0","method":"updateCallState","params":"x","id":5})"),
               kInvalidRequest, 5);
  expect_error(answer(s, R"({"jsonrpc":"2.0","method":"updateCallState","id":{"a":1}})"), kInvalidRequest,
               nullptr);
  expect_error(answer(s, "42"), kInvalidRequest, nullptr);
  expect_error(answer(s, "[]"), kInvalidRequest, nullptr);
  EXPECT_FALSE(s.states.get("user101"));  // nothing changed
}

TEST(JsonRpcConformance, MethodNotFound) {
  Service s;
  expect_error(answer(s, R"({"jsonrpc":"2.0","method":"getCallState","params":[],"id":"a"})"),
               kMethodNotFound, "a");
}

TEST(JsonRpcConformance, InvalidParamsChangeNothing) {
  Service s;
  for (const char* params :
       {R"([])", R"(["user101","CONNECTED"])", R"(["user101","RINGING","123",null])",
        R"(["","CONNECTED","123",null])", R"(["user101","CONNECTED",null,null])",
        R"(["user101","CONNECTED","+1 234",null])", R"(["user101","CONNECTED","123",{}])",
        R"(["user101","CONNECTED","123",null,7])", R"({"userLoginName":"user101"})",
        R"(["user101","CONNECTED","123",null,{},1])"}) {
    std::string body =
        std::string(R"({"jsonrpc":"2.0","method":"updateCallState","params":)") + params + R"(,"id":9})";
    json r = answer(s, body);
    expect_error(r, kInvalidParams, 9);
    EXPECT_TRUE(r["error"]["data"].is_string()) << body;
  }
  EXPECT_FALSE(s.states.get("user101"));
}

TEST(JsonRpcConformance, ParamsByName) {
  Service s;
  json r = answer(
      s,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":{"userLoginName":"user101","status":"CONNECTED","phoneNumber":"1234567890","reasonId":null},"id":1})");
  EXPECT_EQ(r["result"]["status"], "CONNECTED") << r;
}

TEST(JsonRpcConformance, NotificationsGetNoAnswerButTakeEffect) {
  Service s;
  EXPECT_FALSE(s.service.handle(
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1234567890",null]})"));
  EXPECT_EQ(s.states.get("user101")->status, "CONNECTED");
  // Even an erroneous notification is not answered.
  EXPECT_FALSE(s.service.handle(R"({"jsonrpc":"2.0","method":"nothing"})"));
}

TEST(JsonRpcConformance, Batches) {
  Service s;
  json r = answer(s, R"([
    {"jsonrpc":"2.0","method":"updateCallState","params":["user101","CONNECTED","1234567890",null],"id":1},
    {"jsonrpc":"2.0","method":"updateCallState","params":["user101","DISCONNECTED",null,null]},
    {"foo":"boo"},
    {"jsonrpc":"2.0","method":"nope","id":"5"},
    1
  ])");
  ASSERT_TRUE(r.is_array()) << r;
  ASSERT_EQ(r.size(), 4u) << r;  // the notification has no answer
  EXPECT_EQ(r[0]["result"]["status"], "CONNECTED");
  expect_error(r[1], kInvalidRequest, nullptr);
  expect_error(r[2], kMethodNotFound, "5");
  expect_error(r[3], kInvalidRequest, nullptr);
  EXPECT_EQ(s.states.get("user101")->status, "DISCONNECTED");
  EXPECT_FALSE(s.service.handle(
      R"([{"jsonrpc":"2.0","method":"updateCallState","params":["user101","DISCONNECTED",null,null]}])"));
}

TEST(JsonRpcConformance, ResponseKeysInTheSpecificationsOrder) {
  Service s;
  auto out = s.service.handle(R"({"jsonrpc":"2.0","method":"x","id":1})");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->rfind(R"({"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found")", 0), 0u)
      << *out;
}

TEST(CallUserPrivilege, UsersWithoutItAreRefused) {
  Service s;
  json r = answer(
      s,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["viewer","CONNECTED","1234567890",null],"id":1})");
  expect_error(r, kNotCallUser, 1);
  EXPECT_NE(r["error"]["data"].get<std::string>().find("gCallUser"), std::string::npos) << r;
  EXPECT_FALSE(s.states.get("viewer"));
  r = answer(
      s,
      R"({"jsonrpc":"2.0","method":"updateCallState","params":["ghost","CONNECTED","1234567890",null],"id":2})");
  expect_error(r, kUnknownUser, 2);
  EXPECT_FALSE(s.states.get("ghost"));
}

}  // namespace
}  // namespace flowc::cti
