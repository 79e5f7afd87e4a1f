// The audited-action runner: checked, recorded before the first write,
// refused when the audit cannot be written, and linked by an action id.
#include "ops_world.hpp"

#include <cstdio>
#include <thread>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {

// Keeps records like World::audit(), notes how many write requests the
// transport had seen when each record was written, and can be broken.
class WatchingSink : public ops::AuditSink {
 public:
  explicit WatchingSink(World const& w) : w_(w) {}
  herokupp::result<void> write(ops::AuditRecord const& r) override {
    if (broken) return herokupp::Error(ErrorKind::unknown, "audit: the disk is full");
    records.push_back(r);
    writes_before.push_back(w_.transport->writes());
    requests_before.push_back(w_.transport->count());
    w_.capture(ops::to_json_line(r));
    return herokupp::success();
  }
  bool broken = false;
  std::vector<ops::AuditRecord> records;
  std::vector<std::size_t> writes_before;
  std::vector<std::size_t> requests_before;

 private:
  World const& w_;
};

ops::ActionSpec spec(std::string action, std::string app) {
  ops::ActionSpec s;
  s.actor = "alice";
  s.action = std::move(action);
  s.app = std::move(app);
  return s;
}

std::vector<std::string> sent_request_ids(World const& w) {
  std::vector<std::string> ids;
  for (auto const& seen : w.transport->seen())
    ids.emplace_back(*seen.headers.get("Request-Id"));
  return ids;
}

}  // namespace

TEST_CASE("a started record is written before the first request, the final one after") {
  World w;
  auto sink = std::make_shared<WatchingSink>(w);
  ops::AuditedActionRunner runner{w.client(), sink};
  auto r = runner.run(
      spec("restart", "shop-staging"), {},
      [](ops::AuditedAction& a) { return ops::restart(a.client().app("shop-staging"), "web"); },
      [](ops::RestartResult const&) { return std::string("restarted"); });
  REQUIRE(r);
  REQUIRE(sink->records.size() == 2);
  auto const& started = sink->records[0];
  auto const& final = sink->records[1];
  CHECK(started.outcome == "started");
  CHECK(sink->requests_before[0] == 0);  // before any request at all
  CHECK(started.request_ids.empty());
  CHECK(final.outcome == "ok");
  CHECK(final.message == "restarted");
  CHECK(final.action_id == started.action_id);
  CHECK(herokupp::ops::to_json_line(final).find(final.action_id) != std::string::npos);
  CHECK(final.action_id.size() == 36);
  // Every request the action sent, and only those, by the id it carried.
  CHECK(final.request_ids == sent_request_ids(w));
  CHECK(final.request_ids.size() == 2);  // the dyno list, then the restart
}

TEST_CASE("an action whose audit cannot be written is refused and changes nothing") {
  World w;
  auto sink = std::make_shared<WatchingSink>(w);
  sink->broken = true;
  std::vector<std::string> reported;
  ops::AuditedActionOptions o;
  o.on_audit_failure = [&](herokupp::Error const& e) { reported.push_back(e.message); };
  ops::AuditedActionRunner runner{w.client(), sink, o};
  bool ran = false;
  auto r = runner.run(
      spec("restart", "shop-staging"), {},
      [&](ops::AuditedAction& a) {
        ran = true;
        return ops::restart(a.client().app("shop-staging"));
      },
      [](ops::RestartResult const&) { return std::string("restarted"); });
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::precondition_failed);
  CHECK(r.error().message.find("audit") != std::string::npos);
  CHECK(r.error().message.find("nothing was changed") != std::string::npos);
  CHECK_FALSE(ran);
  CHECK(w.transport->count() == 0);

  // A JSON-lines file in a directory that does not exist: the same.
  auto missing = std::make_shared<ops::JsonLinesAuditSink>("no-such-dir/audit.jsonl");
  ops::Session s{w.client(), std::nullopt, "sam", missing};
  auto restarted = s.restart("shop-staging");
  REQUIRE_FALSE(restarted);
  CHECK(restarted.error().message.find("no-such-dir") != std::string::npos);
  auto cfg = s.set_config("shop-staging", {{"X", "set-by-test-value-2a9c41"}});
  REQUIRE_FALSE(cfg);
  w.capture(cfg);
  auto revealed = s.reveal_config("shop-staging", {"FEATURE_X"});  // shows values: not a read
  REQUIRE_FALSE(revealed);
  CHECK(w.transport->count() == 0);
}

TEST_CASE("a restoring action runs even when its audit cannot be written, and says so") {
  World w;
  auto sink = std::make_shared<WatchingSink>(w);
  sink->broken = true;
  std::vector<std::string> reported;
  ops::AuditedActionOptions o;
  o.on_audit_failure = [&](herokupp::Error const& e) { reported.push_back(e.message); };
  ops::AuditedActionRunner runner{w.client(), sink, o};
  auto s = spec("maintenance", "shop-staging");
  s.restoring = true;
  auto r = runner.run(
      s, {}, [](ops::AuditedAction& a) { return a.client().app("shop-staging").info(); },
      [](herokupp::App const&) { return std::string("looked"); });
  CHECK(r);
  CHECK(reported.size() == 2);  // the started record and the final one
  CHECK(reported.front().find("disk is full") != std::string::npos);
}

TEST_CASE("a refused check is audited as denied and nothing runs") {
  World w;
  auto sink = std::make_shared<WatchingSink>(w);
  ops::AuditedActionRunner runner{w.client(), sink};
  auto policy = ops::Policy().grant("alice", "heroku-shop-staging");
  auto check = [&](herokupp::Client const&) {
    return policy.check("alice", ops::Action::restart, "shop-production");
  };
  auto action = runner.begin(spec("restart", "shop-production"), check);
  REQUIRE_FALSE(action);
  CHECK(action.error().kind == ErrorKind::policy_denied);
  REQUIRE(sink->records.size() == 1);
  CHECK(sink->records[0].outcome == "denied");
  CHECK(sink->records[0].error == "policy_denied");
  CHECK_FALSE(sink->records[0].action_id.empty());
  CHECK(w.transport->count() == 0);

  // Denied stays denied when the record cannot be written either.
  sink->broken = true;
  CHECK(runner.begin(spec("restart", "shop-production"), check).error().kind ==
        ErrorKind::policy_denied);

  CHECK(ops::outcome_of(herokupp::Error(ErrorKind::protected_app, "x")) == "denied");
  CHECK(ops::outcome_of(herokupp::Error(ErrorKind::confirmation_required, "x")) == "denied");
  CHECK(ops::outcome_of(herokupp::Error(ErrorKind::not_found, "x")) == "error");
}

TEST_CASE("interleaved and threaded actions each record only their own requests") {
  World w;
  auto sink = std::make_shared<WatchingSink>(w);
  ops::AuditedActionRunner runner{w.client(), sink};
  auto first = runner.begin(spec("info", "shop-staging"));
  auto second = runner.begin(spec("info", "shop-production"));
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->id() != second->id());
  REQUIRE(second->client().app("shop-production").info());
  REQUIRE(first->client().app("shop-staging").info());
  std::thread other([&] { (void)first->client().app("shop-staging").info(); });
  other.join();
  auto ids = sent_request_ids(w);
  REQUIRE(ids.size() == 3);
  CHECK(second->request_ids() == std::vector<std::string>{ids[0]});
  CHECK(first->request_ids() == std::vector<std::string>{ids[1], ids[2]});
  first->add_request_id("from-elsewhere");
  CHECK(first->request_ids().back() == "from-elsewhere");
  CHECK(first->succeed("done"));
  CHECK(first->finished());
  CHECK(first->succeed("again"));  // a second outcome is not written
  CHECK(sink->records.size() == 3);
}

TEST_CASE("an action dropped without an outcome is recorded as an error") {
  World w;
  auto sink = std::make_shared<WatchingSink>(w);
  ops::AuditedActionRunner runner{w.client(), sink};
  {
    auto action = runner.begin(spec("deploy", "shop-staging"));
    REQUIRE(action);
    action->add_argument("commit", "c1827ba");
    REQUIRE(action->client().app("shop-staging").info());
  }
  REQUIRE(sink->records.size() == 2);
  auto const& last = sink->records.back();
  CHECK(last.outcome == "error");
  CHECK(last.message.find("without reporting an outcome") != std::string::npos);
  CHECK(last.request_ids.size() == 1);
  CHECK(last.arguments.back() == std::pair<std::string, std::string>{"commit", "c1827ba"});
}

TEST_CASE("a session's write action writes started and final records linked by id") {
  World w;
  ops::SessionOptions o;
  o.now = w.now();
  o.protect_own_app = false;
  ops::Session s{w.client(), std::nullopt, "sam", w.audit(), o};
  REQUIRE(s.scale("shop-staging", "web=2"));
  REQUIRE(w.records->size() == 2);
  CHECK(w.records->at(0).outcome == "started");
  CHECK(w.records->at(0).arguments == w.records->at(1).arguments);
  CHECK(w.records->at(1).outcome == "ok");
  CHECK(w.records->at(0).action_id == w.records->at(1).action_id);
  CHECK(w.records->at(1).request_ids == sent_request_ids(w));

  // A read action writes one record, after.
  REQUIRE(s.info("shop-staging"));
  CHECK(w.records->size() == 3);
  CHECK(w.records->back().outcome == "ok");
}
