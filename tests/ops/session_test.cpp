#include "ops_world.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {

ops::Policy team_policy() {
  auto p = ops::Policy::from_json(R"({
    "actors": {
      "root": ["admin"],
      "dana": ["heroku-shop-staging", "heroku-shop-staging:configure"],
      "sam": ["heroku-shop-staging"],
      "rita": ["heroku-shop-staging:reveal"]
    },
    "protected_apps": ["chatops-bot"]
  })");
  REQUIRE(p);
  return p.value();
}

ops::SessionOptions session_options(World const& w) {
  ops::SessionOptions o;
  o.fingerprinter = ops::Fingerprinter{"session-fingerprint-key"};
  o.now = w.now();
  o.protect_own_app = false;
  return o;
}

ops::Session session(World const& w, std::optional<ops::Policy> policy, std::string actor) {
  return ops::Session{w.client(), std::move(policy), std::move(actor), w.audit(),
                      session_options(w)};
}

}  // namespace

TEST_CASE("a denied action sends no request and is audited as denied") {
  World w;
  auto s = session(w, team_policy(), "sam");
  auto r = s.rollback("shop-production", 3);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::policy_denied);
  CHECK(r.error().message.find("heroku-shop-production") != std::string::npos);
  w.capture(r);

  auto cfg = s.set_config("shop-staging", {{"X", "audited-value-not-in-the-log-55c1"}});
  REQUIRE_FALSE(cfg);
  CHECK(cfg.error().message.find("heroku-shop-staging:configure") != std::string::npos);
  w.capture(cfg);

  auto stranger = session(w, team_policy(), "mallory");
  CHECK(stranger.masked_config("shop-staging").error().kind == ErrorKind::policy_denied);
  CHECK(stranger.run("shop-staging", "rake db:migrate").error().kind == ErrorKind::policy_denied);
  CHECK(stranger.maintenance("shop-staging").error().kind == ErrorKind::policy_denied);
  CHECK(stranger.promote("shop", "shop-staging", {"shop-production"}).error().kind ==
        ErrorKind::policy_denied);

  CHECK(w.transport->count() == 0);
  REQUIRE(w.records->size() == 6);
  auto const first = w.records->at(0);
  CHECK(first.actor == "sam");
  CHECK(first.action == "rollback");
  CHECK(first.app == "shop-production");
  CHECK(first.outcome == "denied");
  CHECK(first.error == "policy_denied");
  CHECK(first.request_ids.empty());
  CHECK(first.time == herokupp::Timestamp(w.clock->now()));
  for (auto const& rec : *w.records)
    CHECK(rec.outcome == "denied");
}

TEST_CASE("allowed actions run the same code and are audited with request ids") {
  World w;
  auto s = session(w, team_policy(), "sam");
  auto restarted = s.restart("shop-staging", "worker");
  REQUIRE(restarted);
  REQUIRE(w.records->size() == 2);  // started, then the outcome
  CHECK(w.records->front().outcome == "started");
  auto const rec = w.records->back();
  CHECK(rec.action == "restart");
  CHECK(rec.app == "shop-staging");
  CHECK(rec.outcome == "ok");
  CHECK(rec.arguments == std::vector<std::pair<std::string, std::string>>{{"target", "worker"}});
  CHECK(rec.message == "restarted worker.1");
  // One GET (dyno list) and one DELETE: two request ids, the ones sent.
  auto seen = w.transport->seen();
  REQUIRE(seen.size() == 2);
  REQUIRE(rec.request_ids.size() == 2);
  CHECK(rec.request_ids[1] == std::string(*seen[1].headers.get("Request-Id")));

  auto failed = s.restart("shop-staging", "nope");
  REQUIRE_FALSE(failed);
  CHECK(w.records->back().outcome == "error");
  CHECK(w.records->back().error == "not_found");
  CHECK(w.records->back().request_ids.size() == 1);
  w.capture(failed);
}

TEST_CASE("no policy means no checks, protected apps still refuse configure") {
  World w;
  ops::SessionOptions o = session_options(w);
  o.protected_apps = {"chatops-bot"};
  ops::Session s{w.client(), std::nullopt, "anyone", w.audit(), o};
  CHECK(s.policy() == nullptr);
  CHECK(s.masked_config("shop-production"));
  CHECK(s.restart("shop-production"));
  auto bot = s.set_config("chatops-bot", {{"X", "bot-change-attempt-value-19ffe"}});
  REQUIRE_FALSE(bot);
  CHECK(bot.error().kind == ErrorKind::protected_app);
  CHECK(w.records->back().outcome == "denied");
  CHECK(w.records->back().error == "protected_app");
  CHECK(w.transport->count(Method::patch, "/apps/chatops-bot") == 0);
  CHECK(s.check(ops::Action::restart, "chatops-bot"));
}

TEST_CASE("protected apps refuse configure for admins too, from the policy or this program") {
  World w;
  auto root = session(w, team_policy(), "root");
  CHECK(root.set_config("chatops-bot", {{"X", "bot-change-attempt-value-19ffe"}}).error().kind ==
        ErrorKind::protected_app);
  CHECK(root.unset_config("chatops-bot", {"HUBOT_SLACK_TOKEN"}).error().kind ==
        ErrorKind::protected_app);
  CHECK(root.restart("chatops-bot"));  // operate is allowed

  setenv("HEROKU_APP_NAME", "quiet-app", 1);
  ops::SessionOptions own = session_options(w);
  own.protect_own_app = true;
  ops::Session bot{w.client(), team_policy(), "root", w.audit(), own};
  unsetenv("HEROKU_APP_NAME");
  CHECK(bot.protected_apps() == std::vector<std::string>{"chatops-bot", "quiet-app"});
  CHECK(bot.unset_config("quiet-app", {"QUIET_SETTING"}).error().kind == ErrorKind::protected_app);
  CHECK(w.transport->writes() == 1);  // only the restart
}

TEST_CASE("configure needs the config role; audit holds fingerprints, never values") {
  World w;
  auto s = session(w, team_policy(), "dana");
  auto change = s.set_config("shop-staging", {{"NEW_KEY", "audited-value-not-in-the-log-55c1"}});
  REQUIRE(change);
  w.capture(change.value());
  auto const rec = w.records->back();
  CHECK(rec.action == "set_config");
  CHECK(rec.outcome == "ok");
  REQUIRE(rec.arguments.size() == 1);
  CHECK(rec.arguments[0].first == "NEW_KEY");
  CHECK(rec.arguments[0].second ==
        "fp:" + ops::Fingerprinter{"session-fingerprint-key"}("audited-value-not-in-the-log-55c1"));
  CHECK(rec.message == "added NEW_KEY");
  CHECK(rec.request_ids.size() == 2);  // GET then PATCH

  auto masked = s.masked_config("shop-staging");
  REQUIRE(masked);
  w.capture(masked.value());
  CHECK(masked->find("NEW_KEY")->fingerprint == rec.arguments[0].second.substr(3));

  auto unset = s.unset_config("shop-staging", {"NEW_KEY", "ABSENT"});
  REQUIRE(unset);
  CHECK(w.records->back().arguments ==
        std::vector<std::pair<std::string, std::string>>{{"keys", "NEW_KEY,ABSENT"}});
  CHECK(w.records->back().message == "removed NEW_KEY; absent ABSENT");

  CHECK(
      s.set_config("shop-production", {{"X", "audited-value-not-in-the-log-55c1"}}).error().kind ==
      ErrorKind::policy_denied);
}

TEST_CASE("revealing values needs the reveal role, which admin does not imply") {
  World w;
  auto root = session(w, team_policy(), "root");
  auto denied = root.reveal_config("shop-staging", {"FEATURE_X"});
  REQUIRE_FALSE(denied);
  CHECK(denied.error().kind == ErrorKind::policy_denied);
  CHECK(denied.error().message.find("heroku-shop-staging:reveal") != std::string::npos);
  w.capture(denied);
  CHECK(w.transport->count() == 0);

  auto rita = session(w, team_policy(), "rita");
  auto values = rita.reveal_config("shop-staging", {"FEATURE_X"});
  REQUIRE(values);
  CHECK(values->at("FEATURE_X") == "feature-x-value-on-5b9e");
  CHECK(w.records->back().outcome == "ok");
  CHECK(w.records->back().message == "revealed 1 values");
  CHECK(rita.masked_config("shop-staging").error().kind == ErrorKind::policy_denied);
}

TEST_CASE("every action goes through the session") {
  herokupp::sim::PlatformOptions p;
  p.one_off_duration = std::chrono::seconds(30);
  World w(p);
  ops::SessionOptions o = session_options(w);
  o.one_off.wait.enabled = true;
  ops::Session s{w.client(), team_policy(), "root", w.audit(), o};

  auto info = s.info("shop-staging");
  REQUIRE(info);
  CHECK(info->name == "shop-staging");
  auto dynos = s.dyno_summary("shop-staging");
  REQUIRE(dynos);
  w.capture(dynos->to_string());
  auto releases = s.recent_releases("shop-staging", 2);
  REQUIRE(releases);
  CHECK(releases->size() == 2);
  auto cmp = s.compare_config("shop-staging", "shop-production");
  REQUIRE(cmp);
  CHECK_FALSE(cmp->keys.front().fingerprint_a.empty());  // the session has a key
  auto rolled = s.rollback("shop-staging", "v5");
  REQUIRE(rolled);
  CHECK(rolled->to_version == 5);
  auto rolled_n = s.rollback("shop-staging", 5);
  REQUIRE(rolled_n);
  auto scaled = s.scale("shop-staging", "web=3");
  REQUIRE(scaled);
  auto typed = s.scale("shop-staging", {{"worker", 2, std::string("standard-2x")}});
  REQUIRE(typed);
  auto ran = s.run("shop-staging", "rake assets:precompile");
  REQUIRE(ran);
  CHECK(ran->finished);
  auto migrated = s.migrate("shop-staging");
  REQUIRE(migrated);
  CHECK(migrated->finished);
  auto promoted = s.promote("shop", "shop-staging", {"shop-production"});
  REQUIRE(promoted);
  CHECK(promoted->succeeded());

  std::vector<herokupp::ops::AuditRecord> finals;
  for (auto const& r : *w.records) {
    if (r.outcome != "started") finals.push_back(r);
  }
  std::vector<std::string> actions;
  for (auto const& r : finals) {
    actions.push_back(r.action);
    CHECK(r.outcome == "ok");
    CHECK_FALSE(r.request_ids.empty());
    CHECK(r.actor == "root");
  }
  CHECK(actions == std::vector<std::string>{"info", "dynos", "releases", "compare_config",
                                            "rollback", "rollback", "scale", "scale", "run",
                                            "migrate", "promote"});
  CHECK(finals.at(4).message.rfind("rolled back from v7 to v5 as v8; ", 0) == 0);
  CHECK(finals.at(6).arguments.at(0).second == "web=3");
  CHECK(finals.at(7).arguments.at(0).second == "worker=2:standard-2x");
  CHECK(finals.at(8).arguments.at(0).second == "rake assets:precompile");
  CHECK(finals.at(10).arguments == std::vector<std::pair<std::string, std::string>>{
                                       {"pipeline", "shop"}, {"targets", "shop-production"}});
  for (auto const& r : *w.records) {
    // A log session URL is a credential of sorts: not in the audit trail.
    CHECK(ops::to_json_line(r).find(ran->log_url) == std::string::npos);
    CHECK(ops::to_json_line(r).find(migrated->log_url) == std::string::npos);
  }
}

TEST_CASE("promote through a session needs operate on every target") {
  World w;
  auto sam = session(w, team_policy(), "sam");  // staging only
  auto r = sam.promote("shop", "shop-staging", {"shop-production"});
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("heroku-shop-production") != std::string::npos);
  auto cmp = sam.compare_config("shop-staging", "shop-production");
  CHECK(cmp.error().kind == ErrorKind::policy_denied);
  CHECK(w.transport->count() == 0);
}

TEST_CASE("a maintenance window through a session is audited when it opens and closes") {
  World w;
  auto s = session(w, team_policy(), "sam");
  {
    auto window = s.maintenance("shop-staging");
    REQUIRE(window);
    CHECK(w.maintenance_of("shop-staging"));
    REQUIRE(w.records->size() == 2);
    CHECK(w.records->back().arguments.at(0).second == "begin");
    CHECK(w.records->back().message == "maintenance turned on");
  }  // closed by the destructor
  CHECK_FALSE(w.maintenance_of("shop-staging"));
  REQUIRE(w.records->size() == 4);
  CHECK(w.records->back().action == "maintenance");
  CHECK(w.records->back().arguments.at(0).second == "end");
  // The closing names the action that opened the window.
  CHECK(w.records->back().arguments.at(1) ==
        std::pair<std::string, std::string>{"opened_by", w.records->at(1).action_id});
  CHECK(w.records->back().outcome == "ok");
  CHECK(w.records->back().request_ids.size() == 1);

  // The closing is never refused, even by a session that is gone.
  std::optional<herokupp::result<ops::MaintenanceWindow>> kept;
  {
    auto temporary = session(w, team_policy(), "sam");
    kept.emplace(temporary.maintenance("shop-staging"));
  }
  REQUIRE(*kept);
  CHECK(kept->value().close());
  CHECK_FALSE(w.maintenance_of("shop-staging"));
  CHECK(w.records->size() == 8);
}

TEST_CASE("the JSON-lines sink writes the documented record format") {
  World w;
  std::string const path = "ops_session_audit.jsonl";
  std::remove(path.c_str());
  auto sink = std::make_shared<ops::JsonLinesAuditSink>(path);
  ops::Session s{w.client(), team_policy(), "dana", sink, session_options(w)};
  REQUIRE(s.set_config("shop-staging", {{"NEW_KEY", "audited-value-not-in-the-log-55c1"}}));
  REQUIRE_FALSE(s.rollback("shop-production", 2));
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  std::string line;
  while (std::getline(in, line)) {
    w.capture(line);
    lines.push_back(nlohmann::json::parse(line));
  }
  std::remove(path.c_str());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["outcome"] == "started");
  CHECK(lines[0]["action_id"] == lines[1]["action_id"]);
  lines.erase(lines.begin());
  CHECK(lines[0]["actor"] == "dana");
  CHECK(lines[0]["action"] == "set_config");
  CHECK(lines[0]["app"] == "shop-staging");
  CHECK(lines[0]["outcome"] == "ok");
  CHECK(lines[0]["arguments"]["NEW_KEY"].get<std::string>().rfind("fp:", 0) == 0);
  CHECK(lines[0]["request_ids"].size() == 2);
  CHECK(lines[0]["time"] == herokupp::Timestamp(w.clock->now()).to_string());
  CHECK(lines[1]["outcome"] == "denied");
  CHECK(lines[1]["error"] == "policy_denied");
}

TEST_CASE("a failing audit sink is reported and does not change a read action's result") {
  World w;
  ops::SessionOptions o = session_options(w);
  std::vector<std::string> failures;
  o.on_audit_failure = [&](herokupp::Error const& e) { failures.push_back(e.message); };
  auto broken = std::make_shared<ops::JsonLinesAuditSink>("no-such-dir/audit.jsonl");
  ops::Session s{w.client(), std::nullopt, "sam", broken, o};
  CHECK(s.info("shop-staging"));
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].find("no-such-dir") != std::string::npos);

  ops::Session quiet{w.client(), std::nullopt, "sam", nullptr, o};
  CHECK(quiet.info("shop-staging"));
  CHECK(failures.size() == 1);
}

TEST_CASE("a session without a fingerprint key still never shows values") {
  World w;
  ops::Session s{w.client(), std::nullopt, "sam", w.audit()};
  CHECK(s.fingerprinter().enabled());
  auto masked = s.masked_config("shop-production");
  REQUIRE(masked);
  w.capture(masked.value());
  REQUIRE(s.set_config("shop-staging", {{"NEW_KEY", "set-by-test-value-2a9c41"}}));
  CHECK(w.records->back().arguments.at(0).second.size() == 3 + ops::Fingerprinter::length);
}
