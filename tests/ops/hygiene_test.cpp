// Fleet hygiene: each rule, its settings, scopes, apps the key cannot see,
// and checks that fail.
#include <herokupp/ops/hygiene.hpp>
#include <herokupp/sim/fault.hpp>

#include <nlohmann/json.hpp>

#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using opstest::World;

namespace {

/// Adds a team, a pipeline and apps that break one rule each to the World's
/// seed. `maintenance_since` is when fleet-personal went into maintenance.
void seed_fleet(World& w, herokupp::Timestamp maintenance_since) {
  std::string const seed = R"({
    "teams": [{"name": "fleet-team", "members": [{"email": "ops@example.com", "role": "admin"}]}],
    "apps": [
      {"name": "fleet-staging", "owner": "ops@example.com", "team": "fleet-team",
       "log_drains": ["syslog+tls://logs.example.com:6514"],
       "releases": [{"deploy": "1111111111111111111111111111111111111111"},
                    {"deploy": "2222222222222222222222222222222222222222"},
                    {"deploy": "3333333333333333333333333333333333333333"}],
       "formation": [{"type": "web", "quantity": 1}]},
      {"name": "fleet-production", "owner": "ops@example.com", "team": "fleet-team",
       "stack": "heroku-20",
       "releases": [{"promote_from": "fleet-staging"},
                    {"deploy": "4444444444444444444444444444444444444444"}],
       "formation": [{"type": "web", "quantity": 2}], "features": {"preboot": false}},
      {"name": "fleet-eu", "owner": "ops@example.com", "team": "fleet-team",
       "log_drains": ["https://logs.example.com/drain"],
       "releases": [{"deploy": "3333333333333333333333333333333333333333"}],
       "formation": [{"type": "web", "quantity": 1}], "features": {"preboot": true}},
      {"name": "fleet-personal", "owner": "ops@example.com", "stack": "heroku-18",
       "maintenance": true, "maintenance_since": ")" +
                           maintenance_since.to_string() + R"(",
       "releases": [{"deploy": "5555555555555555555555555555555555555555"}]},
      {"name": "fleet-ancient", "owner": "ops@example.com", "team": "fleet-team",
       "stack": "cedar-14",
       "releases": [{"deploy": "6666666666666666666666666666666666666666"}]}
    ],
    "pipelines": [{"name": "fleet", "owner": "ops@example.com",
                   "stages": {"staging": ["fleet-staging"],
                              "production": ["fleet-production", "fleet-eu"]}}]
  })";
  auto seeded = w.platform->load_seed(seed);
  REQUIRE_MESSAGE(seeded, (seeded ? std::string() : seeded.error().message));
}

ops::HygieneOptions options(World const& w) {
  ops::HygieneOptions o;
  o.now = w.now();
  o.fan_out.in_flight = 1;  // the World's capture is not shared between threads
  return o;
}

std::vector<std::string> rules_for(ops::HygieneReport const& r, std::string const& app) {
  std::vector<std::string> out;
  for (auto const& f : r.findings) {
    if (f.app == app) out.push_back(f.rule);
  }
  return out;
}

ops::HygieneFinding const* find(ops::HygieneReport const& r, std::string const& app,
                                std::string_view rule) {
  for (auto const& f : r.findings) {
    if (f.app == app && f.rule == rule) return &f;
  }
  return nullptr;
}

herokupp::Timestamp minutes_ago(World const& w, int minutes) {
  return herokupp::Timestamp(w.now()().time_point() - std::chrono::minutes(minutes));
}

}  // namespace

TEST_CASE("hygiene over a pipeline: each rule finds what the handbook forbids, and only that") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  ops::HygieneScope scope;
  scope.pipeline = "fleet";
  auto report = ops::hygiene(w.client(), scope, options(w));
  REQUIRE(report);
  w.capture(report->to_string());
  REQUIRE(report->apps.size() == 3);
  CHECK(report->apps[0].app == "fleet-eu");
  CHECK(report->apps[1].app == "fleet-production");
  CHECK(report->apps[1].stage == "production");
  CHECK(report->apps[1].pipeline == "fleet");
  CHECK(report->apps[2].app == "fleet-staging");

  // fleet-staging: drain, team-owned, supported stack, upstream of nothing.
  CHECK(rules_for(*report, "fleet-staging").empty());
  // fleet-eu: runs commit 333 built again, which staging ran: same code.
  CHECK(rules_for(*report, "fleet-eu").empty());

  auto const* drain = find(*report, "fleet-production", ops::hygiene_rule::log_drain);
  REQUIRE(drain);
  CHECK(drain->severity == ops::Severity::warning);
  CHECK(drain->command ==
        "heroku drains:add syslog+tls://LOGS.EXAMPLE.COM:PORT -a fleet-production");
  auto const* stack = find(*report, "fleet-production", ops::hygiene_rule::stack_deprecated);
  REQUIRE(stack);
  CHECK(stack->message.find("heroku-20") != std::string::npos);
  CHECK(stack->command.find("heroku stack:set heroku-24 -a fleet-production") == 0);
  auto const* preboot = find(*report, "fleet-production", ops::hygiene_rule::preboot);
  REQUIRE(preboot);
  CHECK(preboot->command == "heroku features:enable preboot -a fleet-production");
  auto const* code = find(*report, "fleet-production", ops::hygiene_rule::unpromoted_code);
  REQUIRE(code);
  CHECK(code->severity == ops::Severity::error);
  CHECK(code->message.find("4444444") != std::string::npos);
  CHECK(code->message.find("fleet-staging") != std::string::npos);
  CHECK(code->command == "herokupp promote fleet -a fleet-staging --to fleet-production");
  CHECK(rules_for(*report, "fleet-production").size() == 4);
  CHECK(report->any_at_least(ops::Severity::error));

  // The JSON form carries the same findings.
  auto j = nlohmann::json::parse(report->to_json());
  CHECK(j["findings"].size() == report->findings.size());
  CHECK(j["counts"]["error"] == 1);
  CHECK(j["counts"]["warning"] == 3);
  CHECK(j["apps"][1]["stage"] == "production");
}

TEST_CASE("hygiene: a production app that runs what staging ran has no unpromoted-code finding") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  // Promote staging's release to production: now it runs staging's slug.
  auto promoted =
      ops::promote(w.pipeline("fleet"), "fleet-staging", {"fleet-production"}, w.promote_options());
  REQUIRE(promoted);
  auto report = ops::hygiene(w.client(), {"fleet-production"}, options(w));
  CHECK(find(report, "fleet-production", ops::hygiene_rule::unpromoted_code) == nullptr);
  CHECK(find(report, "fleet-production", ops::hygiene_rule::preboot) != nullptr);
}

TEST_CASE("hygiene: owner, retired and unlisted stacks, and maintenance past the limit") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  auto o = options(w);
  o.rules.expected_owner = "fleet-team";
  std::vector<std::string> apps = {"fleet-personal", "fleet-ancient", "fleet-staging"};

  auto report = ops::hygiene(w.client(), apps, o);
  auto const* owner = find(report, "fleet-personal", ops::hygiene_rule::owner);
  REQUIRE(owner);
  CHECK(owner->message.find("personal account ops@example.com") != std::string::npos);
  CHECK(owner->command == "heroku apps:transfer fleet-team -a fleet-personal");
  CHECK(find(report, "fleet-staging", ops::hygiene_rule::owner) == nullptr);
  auto const* retired = find(report, "fleet-personal", ops::hygiene_rule::stack_end_of_life);
  REQUIRE(retired);
  CHECK(retired->severity == ops::Severity::error);
  auto const* unlisted = find(report, "fleet-ancient", ops::hygiene_rule::stack_end_of_life);
  REQUIRE(unlisted);
  CHECK(unlisted->message.find("no longer lists it") != std::string::npos);
  // 30 minutes of maintenance is under the default hour.
  CHECK(find(report, "fleet-personal", ops::hygiene_rule::long_maintenance) == nullptr);

  w.clock->advance(std::chrono::minutes(45));
  o.now = w.now();
  report = ops::hygiene(w.client(), apps, o);
  auto const* maintenance = find(report, "fleet-personal", ops::hygiene_rule::long_maintenance);
  REQUIRE(maintenance);
  CHECK(maintenance->message.find("at least 1h 15m") != std::string::npos);
  CHECK(maintenance->command == "herokupp maintenance fleet-personal off");

  // The limit is a setting; a higher one is not reached.
  o.rules.maintenance_limit = std::chrono::hours(2);
  report = ops::hygiene(w.client(), apps, o);
  CHECK(find(report, "fleet-personal", ops::hygiene_rule::long_maintenance) == nullptr);

  // A team scope expects that team without an owner setting.
  ops::HygieneScope scope;
  scope.team = "fleet-team";
  scope.apps = {"fleet-personal"};
  auto scoped = ops::hygiene(w.client(), scope, options(w));
  REQUIRE(scoped);
  CHECK(scoped->apps.size() == 5);
  CHECK(find(*scoped, "fleet-personal", ops::hygiene_rule::owner) != nullptr);
  CHECK(find(*scoped, "fleet-staging", ops::hygiene_rule::owner) == nullptr);
}

TEST_CASE("hygiene rules are configurable: disabled rules, severities, stacks, stages") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  auto rules = ops::HygieneRules::from_json(R"({
    "owner": "fleet-team",
    "rules": {"preboot": {"enabled": false},
              "log-drain": {"severity": "error", "stages": ["production"]},
              "stack-end-of-life": {"stacks": ["heroku-20"]},
              "long-maintenance": {"after_minutes": 10},
              "unpromoted-code": {"severity": "info", "history": 5}}})");
  REQUIRE(rules);
  auto o = options(w);
  o.rules = rules.value();
  auto report =
      ops::hygiene(w.client(), {"fleet-production", "fleet-staging", "fleet-personal"}, o);
  CHECK(find(report, "fleet-production", ops::hygiene_rule::preboot) == nullptr);
  REQUIRE(find(report, "fleet-production", ops::hygiene_rule::log_drain));
  CHECK(find(report, "fleet-production", ops::hygiene_rule::log_drain)->severity ==
        ops::Severity::error);
  // heroku-20 is listed as past its end of life: an error, not a deprecation.
  CHECK(find(report, "fleet-production", ops::hygiene_rule::stack_deprecated) == nullptr);
  CHECK(find(report, "fleet-production", ops::hygiene_rule::stack_end_of_life) != nullptr);
  CHECK(find(report, "fleet-production", ops::hygiene_rule::unpromoted_code)->severity ==
        ops::Severity::info);
  CHECK(find(report, "fleet-personal", ops::hygiene_rule::long_maintenance) != nullptr);
  CHECK(find(report, "fleet-personal", ops::hygiene_rule::owner) != nullptr);

  // Mistakes in the settings are refused, naming the field.
  auto unknown_rule = ops::HygieneRules::from_json(R"({"rules": {"prebot": {}}})");
  REQUIRE_FALSE(unknown_rule);
  CHECK(unknown_rule.error().kind == ErrorKind::invalid_argument);
  CHECK(unknown_rule.error().message.find("prebot") != std::string::npos);
  auto bad_severity =
      ops::HygieneRules::from_json(R"({"rules": {"owner": {"severity": "fatal"}}})");
  REQUIRE_FALSE(bad_severity);
  CHECK(bad_severity.error().message.find("rules.owner.severity") != std::string::npos);
  auto bad_field = ops::HygieneRules::from_json(R"({"rules": {"owner": {"stages": []}}})");
  REQUIRE_FALSE(bad_field);
  CHECK(bad_field.error().message.find("stages") != std::string::npos);
  auto bad_type =
      ops::HygieneRules::from_json(R"({"rules": {"long-maintenance": {"after_minutes": "1h"}}})");
  REQUIRE_FALSE(bad_type);
  CHECK_FALSE(ops::HygieneRules::from_json(R"({"owners": "x"})"));
  CHECK_FALSE(ops::HygieneRules::from_json("{"));
  CHECK_FALSE(ops::parse_severity("critical"));
  CHECK(ops::parse_severity("WARNING").value() == ops::Severity::warning);
}

TEST_CASE("hygiene: apps the key cannot see are reported as not visible, never a crash") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  auto report =
      ops::hygiene(w.client(), {"someone-elses-app", "no-such-app", "fleet-staging"}, options(w));
  REQUIRE(report.apps.size() == 3);
  auto const* hidden = find(report, "someone-elses-app", ops::hygiene_rule::not_visible);
  REQUIRE(hidden);
  CHECK(hidden->severity == ops::Severity::warning);
  CHECK(find(report, "no-such-app", ops::hygiene_rule::not_visible) != nullptr);
  CHECK(report.apps[0].app == "fleet-staging");
  CHECK(report.apps[0].visible);
  CHECK_FALSE(report.apps[1].visible);
  CHECK(report.to_string().find("3 apps checked (2 not visible)") != std::string::npos);
  CHECK_FALSE(report.any_at_least(ops::Severity::error));

  auto o = options(w);
  o.rules.not_visible.severity = ops::Severity::error;
  CHECK(ops::hygiene(w.client(), {"no-such-app"}, o).any_at_least(ops::Severity::error));
}

TEST_CASE("hygiene: a check the platform cannot answer is an unchecked finding; bad scopes fail") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  auto id = w.app("fleet-production").info().value().id;
  w.platform->inject(herokupp::sim::FaultKind::malformed_json, 1, "/apps/" + id + "/log-drains");
  auto report = ops::hygiene(w.client(), {"fleet-production", "fleet-staging"}, options(w));
  auto const* unchecked = find(report, "fleet-production", ops::hygiene_rule::unchecked);
  REQUIRE(unchecked);
  CHECK(unchecked->severity == ops::Severity::error);
  CHECK_FALSE(report.apps[0].checked);
  CHECK(report.apps[1].checked);

  ops::HygieneScope none;
  auto empty = ops::hygiene(w.client(), none, options(w));
  REQUIRE_FALSE(empty);
  CHECK(empty.error().kind == ErrorKind::invalid_argument);
  ops::HygieneScope missing;
  missing.pipeline = "no-such-pipeline";
  auto nothing = ops::hygiene(w.client(), missing, options(w));
  REQUIRE_FALSE(nothing);
  CHECK(nothing.error().kind == ErrorKind::not_found);

  ops::HygieneScope filter;
  filter.filter = "FLEET-";
  auto filtered = ops::hygiene(w.client(), filter, options(w));
  REQUIRE(filtered);
  CHECK(filtered->apps.size() == 5);
}

TEST_CASE("hygiene: may_check hides an app the caller may not read, after one request") {
  World w;
  seed_fleet(w, minutes_ago(w, 30));
  auto const id = w.app("fleet-staging").info().value().id;
  auto o = options(w);
  o.may_check = [](std::string const& app) { return app != "fleet-staging"; };
  auto const before = w.transport->count();
  auto report = ops::hygiene(w.client(), {"fleet-staging"}, o);
  // App › Info, to learn the name; then the stack list, and nothing about the app.
  CHECK(w.transport->count() - before == 2);
  CHECK(w.transport->count(herokupp::Method::get, "/apps/" + id + "/") == 0);
  auto const* hidden = find(report, "fleet-staging", ops::hygiene_rule::not_visible);
  REQUIRE(hidden);
  CHECK(hidden->message.find("the policy does not let this actor read it") != std::string::npos);
  REQUIRE(report.apps.size() == 1);
  CHECK_FALSE(report.apps[0].visible);
}
