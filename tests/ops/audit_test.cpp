#include <herokupp/ops/audit.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace ops = herokupp::ops;

namespace {
ops::AuditRecord sample() {
  ops::AuditRecord r;
  r.time = *herokupp::Timestamp::parse("2024-05-01T12:00:00Z");
  r.actor = "alice";
  r.action = "rollback";
  r.app = "shop";
  r.arguments = {{"version", "42"}, {"b", "2"}};
  r.outcome = "ok";
  r.message = "rolled back from v45 to v42 as v46";
  r.request_ids = {"id-1", "id-2"};
  r.action_id = "0b5e6c1d-2f3a-4b8c-9d0e-1f2a3b4c5d6e";
  return r;
}
}  // namespace

TEST_CASE("an audit record is one JSON line with the documented fields in order") {
  std::string const line = ops::to_json_line(sample());
  CHECK(line.find('\n') == std::string::npos);
  CHECK(
      line ==
      R"({"time":"2024-05-01T12:00:00Z","action_id":"0b5e6c1d-2f3a-4b8c-9d0e-1f2a3b4c5d6e","actor":"alice","action":"rollback","app":"shop",)"
      R"("arguments":{"version":"42","b":"2"},"outcome":"ok",)"
      R"("message":"rolled back from v45 to v42 as v46","request_ids":["id-1","id-2"]})");

  ops::AuditRecord denied = sample();
  denied.outcome = "denied";
  denied.error = "policy_denied";
  denied.request_ids.clear();
  auto j = nlohmann::json::parse(ops::to_json_line(denied));
  CHECK(j["error"] == "policy_denied");
  CHECK(j["request_ids"].empty());

  ops::AuditRecord odd = sample();
  odd.actor = "bad\xff utf8\nname";
  auto odd_line = ops::to_json_line(odd);
  CHECK(odd_line.find('\n') == std::string::npos);
  CHECK_NOTHROW([&odd_line] { auto parsed = nlohmann::json::parse(odd_line); }());
}

TEST_CASE("JsonLinesAuditSink appends one line per record, from many threads") {
  std::string const path = "ops_audit_test.jsonl";
  std::remove(path.c_str());
  ops::JsonLinesAuditSink sink(path);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i)
        CHECK(sink.write(sample()));
    });
  }
  for (auto& t : threads)
    t.join();
  std::ifstream in(path);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    CHECK(nlohmann::json::parse(line)["action"] == "rollback");
  }
  CHECK(lines == 100);
  std::remove(path.c_str());

  ops::JsonLinesAuditSink nowhere("no-such-dir/audit.jsonl");
  auto failed = nowhere.write(sample());
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message.find("no-such-dir/audit.jsonl") != std::string::npos);
}

TEST_CASE("CallbackAuditSink hands each record over") {
  std::vector<ops::AuditRecord> seen;
  ops::CallbackAuditSink sink([&](ops::AuditRecord const& r) { seen.push_back(r); });
  CHECK(sink.write(sample()));
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].app == "shop");
}
