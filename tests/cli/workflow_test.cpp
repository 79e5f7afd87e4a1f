// herokupp::workflow: environments files, plans for each path rule, a failing
// migration, wrong confirmation codes.
#include "cli_world.hpp"

#include <herokupp/workflow.hpp>

#include <vector>

namespace wf = herokupp::workflow;
using clitest::World;
using herokupp::ErrorKind;

namespace {

wf::Deployer deployer(World& w, std::vector<herokupp::ops::AuditRecord>* seen = nullptr) {
  auto file = wf::EnvironmentsFile::load(w.path("environments.yml"));
  REQUIRE(file);
  std::shared_ptr<herokupp::ops::AuditSink> audit;
  if (seen != nullptr) {
    audit = std::make_shared<herokupp::ops::CallbackAuditSink>(
        [seen](herokupp::ops::AuditRecord const& r) { seen->push_back(r); });
  }
  wf::DeployOptions o;
  o.wait.sleep = [](std::chrono::milliseconds) {};
  return wf::Deployer{w.client(), file.value(), std::nullopt, "dana", audit, o};
}

wf::DeployTarget source() {
  return wf::DeployTarget::source("https://ci.example.com/shop.tgz",
                                  "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b");
}

}  // namespace

TEST_CASE("environments file: heroku-tools fields, defaults and errors") {
  auto file = wf::EnvironmentsFile::parse(R"(
environments:
  - {label: dev, app_name: app-dev, branch: develop}
  - {label: live, app_name: app-live, upstream: dev, pipeline: app}
commands: {migrate: python manage.py migrate, collectstatic: python manage.py collectstatic --noinput}
protected: [live]
policy: {actors: {ann: [admin]}, protected_apps: [app-live]}
)");
  REQUIRE(file);
  CHECK(file->environments.size() == 2);
  CHECK(file->find("live")->is_protected);
  CHECK(file->find("app-dev")->label == "dev");
  CHECK(file->path_rules.size() == 2);
  CHECK(file->command("migrate").value() == "python manage.py migrate");
  CHECK(file->policy->is_protected("app-live"));

  CHECK(wf::EnvironmentsFile::parse("environments: 3").error().kind == ErrorKind::invalid_argument);
  CHECK(!wf::EnvironmentsFile::parse("environments: [{label: x}]"));
  CHECK(!wf::EnvironmentsFile::parse("environments: [{label: x, app_name: y, upstream: nope}]"));
  CHECK(!wf::EnvironmentsFile::parse("environments: []\nsurprise: 1"));
  CHECK(!wf::EnvironmentsFile::parse("environments: [{label: x, app_name: y}]\nprotected: [z]"));
}

TEST_CASE("plans: each path rule implies its actions") {
  World w;
  auto d = deployer(w);
  SUBCASE("/migrations/ implies migrate inside a maintenance window") {
    auto plan = d.plan_deploy("staging", source(),
                              {{"shop/db/migrations/0042.rb", "README.md"}, {"Index"}});
    REQUIRE(plan);
    CHECK(plan->maintenance);
    REQUIRE(plan->actions.size() == 1);
    CHECK(plan->actions[0].name == "migrate");
    CHECK(plan->actions[0].command == "rake db:migrate");
    CHECK(plan->confirmation_code.size() == 8);
    CHECK(!plan->running_commit.empty());
    CHECK(plan->summary().find("maintenance window: on") != std::string::npos);
  }
  SUBCASE("/static/ implies collectstatic without maintenance") {
    auto plan = d.plan_deploy("staging", source(), {{"app/static/site.css"}, {}});
    REQUIRE(plan);
    CHECK(!plan->maintenance);
    REQUIRE(plan->actions.size() == 1);
    CHECK(plan->actions[0].name == "collectstatic");
  }
  SUBCASE("both, in rule order, each once") {
    auto plan =
        d.plan_deploy("staging", source(),
                      {{"app/static/a.css", "db/migrations/1.rb", "db/migrations/2.rb"}, {}});
    REQUIRE(plan);
    REQUIRE(plan->actions.size() == 2);
    CHECK(plan->actions[0].name == "migrate");
    CHECK(plan->actions[1].name == "collectstatic");
  }
  SUBCASE("other paths imply nothing") {
    auto plan = d.plan_deploy("staging", source(), {{"app/models/order.rb"}, {}});
    REQUIRE(plan);
    CHECK(!plan->maintenance);
    CHECK(plan->actions.empty());
  }
  SUBCASE("a promotion targets the upstream's commit") {
    auto plan = d.plan_deploy("production", wf::DeployTarget::promotion());
    REQUIRE(plan);
    CHECK(plan->upstream_app == "shop-staging");
    CHECK(plan->pipeline == "shop");
    CHECK(!plan->target_commit.empty());
    // In the seed, production already runs staging's release.
    CHECK(plan->target_commit == plan->running_commit);
    CHECK(plan->nothing_to_deploy);
  }
  SUBCASE("plans round-trip through JSON, and codes differ with the plan") {
    auto a = d.plan_deploy("staging", source(), {{"db/migrations/1.rb"}, {"x"}});
    auto b = d.plan_deploy("staging", source(), {{"db/migrations/2.rb"}, {"x"}});
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->confirmation_code != b->confirmation_code);
    auto back = wf::DeployPlan::from_json(a->to_json());
    REQUIRE(back);
    CHECK(back->to_json() == a->to_json());
  }
  CHECK(d.plan_deploy("nowhere", source()).error().kind == ErrorKind::invalid_argument);
  CHECK(d.plan_deploy("staging", wf::DeployTarget::promotion()).error().kind ==
        ErrorKind::invalid_argument);
}

TEST_CASE("execute: a wrong code changes nothing") {
  World w;
  std::vector<herokupp::ops::AuditRecord> seen;
  auto d = deployer(w, &seen);
  auto plan = d.plan_deploy("staging", source(), {{"db/migrations/1.rb"}, {"x"}});
  REQUIRE(plan);
  auto requests = w.platform().request_count();
  auto r = d.execute(*plan, "NOPE00");
  REQUIRE(!r);
  CHECK(r.error().kind == ErrorKind::confirmation_required);
  CHECK(w.platform().request_count() == requests);
  REQUIRE(!seen.empty());
  CHECK(seen.back().outcome == "denied");
}

TEST_CASE("execute: a failing migration leaves maintenance off and reports the failure") {
  World w;
  std::vector<herokupp::ops::AuditRecord> seen;
  auto d = deployer(w, &seen);
  auto plan = d.plan_deploy("staging", source(), {{"db/migrations/1.rb"}, {"Index orders"}});
  REQUIRE(plan);
  w.transport->fail_post_suffix = "/apps/shop-staging/dynos";
  auto r = d.execute(*plan, plan->confirmation_code);
  REQUIRE(!r);
  CHECK(r.error().message.find("migrate failed") != std::string::npos);
  CHECK(r.error().message.find("maintenance is off again") != std::string::npos);
  w.transport->fail_post_suffix.clear();
  CHECK(!w.client().app("shop-staging").info().value().maintenance);
  REQUIRE(!seen.empty());
  CHECK(seen.back().action == "deploy");
  CHECK(seen.back().outcome == "error");
}

TEST_CASE("execute: a deploy with migrations and the nothing-to-deploy plan after it") {
  World w;
  auto d = deployer(w);
  auto plan =
      d.plan_deploy("staging", source(), {{"db/migrations/1.rb", "x/static/y.css"}, {"A", "B"}});
  REQUIRE(plan);
  auto r = d.execute(*plan, plan->confirmation_code);
  REQUIRE_MESSAGE(r, r.error().message);
  CHECK(r->release_note == "- A\n- B\n");
  CHECK(r->tag == "v" + std::to_string(r->release.version));
  CHECK(!w.client().app("shop-staging").info().value().maintenance);
  auto again = d.plan_deploy("staging", source());
  REQUIRE(again);
  CHECK(again->nothing_to_deploy);
  CHECK(again->summary().find("Nothing to deploy") != std::string::npos);
  // A plan made before the app changed is refused.
  auto stale = d.execute(*plan, plan->confirmation_code);
  CHECK(!stale);
}

TEST_CASE("config_diff and apply_config") {
  World w;
  auto d = deployer(w);
  auto diff = d.config_diff("staging");
  REQUIRE(diff);
  CHECK(diff->count('=') == 1);
  CHECK(diff->count('!') == 1);
  CHECK(diff->count('+') == 1);
  CHECK(diff->count('?') >= 2);
  CHECK(diff->to_string().find("staging-secret") == std::string::npos);
  auto before = w.platform().config_vars("shop-staging").value();
  CHECK(d.apply_config(*diff, "WRONG0").error().kind == ErrorKind::confirmation_required);
  CHECK(w.platform().config_vars("shop-staging").value() == before);
  auto change = d.apply_config(*diff, diff->confirmation_code);
  REQUIRE(change);
  CHECK(change->added == std::vector<std::string>{"WEB_CONCURRENCY"});
  CHECK(change->changed == std::vector<std::string>{"RACK_ENV"});
}
