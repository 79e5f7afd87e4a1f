// Issue 17, item 1: four-eyes confirmation. A plan for a four-eyes
// environment is confirmed by someone other than its planner who holds
// approve on the app; the audit links both records. In the workflow library
// and through the tool.
#include "cli_world.hpp"

#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/workflow.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

namespace wf = herokupp::workflow;
namespace ops = herokupp::ops;
using clitest::audit_lines;
using clitest::code_in;
using clitest::current_version;
using clitest::Run;
using clitest::ship_staging;
using clitest::World;
using herokupp::ErrorKind;
using json = nlohmann::json;

namespace {

std::string const four_eyes_policy = R"({"actors": {
    "dana": ["heroku-shop-staging", "heroku-shop-staging:configure", "heroku-shop-production"],
    "erin": ["heroku-shop-production:approve"],
    "frank": ["heroku-shop-production"],
    "olive": ["admin"]},
  "protected_apps": ["shop-production"],
  "act_for_others": ["ops@example.com"]})";

std::string const four_eyes_environments = R"(environments:
  - label: staging
    app_name: shop-staging
    pipeline: shop
  - label: production
    app_name: shop-production
    pipeline: shop
    upstream: staging
    four_eyes: true
commands:
  migrate: rake db:migrate
  collectstatic: rake assets:precompile
protected: [production]
)";

std::string argument(json const& record, std::string const& name) {
  auto const& args = record["arguments"];
  if (args.is_object() && args.contains(name)) return args[name].get<std::string>();
  if (args.is_array()) {
    for (auto const& a : args)
      if (a.is_array() && a[0] == name) return a[1].get<std::string>();
  }
  return {};
}

Run as(World& w, std::string const& actor, std::vector<std::string> args) {
  std::vector<std::string> all = {"--actor", actor, "--policy", w.path("policy.json")};
  all.insert(all.end(), args.begin(), args.end());
  return w.run(all, false);
}

// The keys production lacks, as the blocked plan lists them.
std::string missing_keys(World& w) {
  auto blocked = w.run({"--json", "deploy", "production"});
  REQUIRE_MESSAGE(blocked.code == 1, blocked.out << blocked.err);
  auto j = json::parse(blocked.out);
  std::string keys;
  for (auto const& k : j["plan"]["preflight"]["missing"])
    keys += (keys.empty() ? "" : ",") + k.get<std::string>();
  REQUIRE(!keys.empty());
  return keys;
}

wf::Deployer library_deployer(World& w, std::string const& actor, ops::Fingerprinter key,
                              std::vector<ops::AuditRecord>* seen) {
  auto file = wf::EnvironmentsFile::load(w.path("environments.yml"));
  REQUIRE(file);
  auto policy = ops::Policy::load(w.path("policy.json"));
  REQUIRE(policy);
  auto audit = std::make_shared<ops::CallbackAuditSink>(
      [seen](ops::AuditRecord const& r) { seen->push_back(r); });
  wf::DeployOptions o;
  o.wait.sleep = [](std::chrono::milliseconds) {};
  o.plan_key = std::move(key);
  return wf::Deployer{w.client(), file.value(), policy.value(), actor, audit, o};
}

void use_four_eyes_files(World& w) {
  // The tool's policy has act_for_others, which the ops Policy does not read.
  w.write("policy.json", four_eyes_policy);
  w.write("environments.yml", four_eyes_environments);
}

}  // namespace

TEST_CASE("four eyes in the library: the planner is refused, an approver confirms") {
  World w;
  use_four_eyes_files(w);
  ship_staging(w);
  // The ops Policy format, without the tool's own field.
  w.write("policy.json", R"({"actors": {
    "dana": ["heroku-shop-staging", "heroku-shop-production"],
    "erin": ["heroku-shop-production:approve"], "frank": ["heroku-shop-production"]}})");
  std::vector<ops::AuditRecord> seen;
  ops::Fingerprinter team{"the team's plan key, shared by the deploy host"};
  auto dana = library_deployer(w, "dana", team, &seen);
  auto erin = library_deployer(w, "erin", team, &seen);
  auto frank = library_deployer(w, "frank", team, &seen);

  auto blocked = dana.plan_deploy("production", wf::DeployTarget::promotion());
  REQUIRE(blocked);
  REQUIRE(blocked->preflight);
  CHECK(blocked->blocked());
  CHECK(blocked->confirmation_code.empty());
  auto plan = dana.plan_deploy("production", wf::DeployTarget::promotion(), {},
                               blocked->preflight->missing);
  REQUIRE(plan);
  CHECK(plan->four_eyes);
  CHECK(!plan->blocked());
  CHECK(plan->summary().find("four eyes") != std::string::npos);
  auto const before = current_version(w, "shop-production");

  auto own = dana.execute(*plan, plan->confirmation_code);
  REQUIRE_FALSE(own);
  CHECK(own.error().kind == ErrorKind::policy_denied);
  CHECK(own.error().message.find("erin") != std::string::npos);
  CHECK(own.error().message.find("heroku-shop-production:approve") != std::string::npos);
  CHECK(own.error().message.find("frank") == std::string::npos);
  auto no_approve = frank.execute(*plan, plan->confirmation_code);
  REQUIRE_FALSE(no_approve);
  CHECK(no_approve.error().kind == ErrorKind::policy_denied);
  CHECK(no_approve.error().message.find("erin") != std::string::npos);
  // Someone the policy does not name at all.
  auto mallory = library_deployer(w, "mallory", team, &seen);
  auto unknown = mallory.execute(*plan, plan->confirmation_code);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == ErrorKind::policy_denied);
  CHECK(unknown.error().message.find("erin") != std::string::npos);
  // A blocked plan has nothing to confirm, whoever tries.
  auto still_blocked = erin.execute(*blocked, "ABCDEFGH");
  REQUIRE_FALSE(still_blocked);
  CHECK(still_blocked.error().kind == ErrorKind::precondition_failed);
  CHECK(still_blocked.error().message.find("blocked") != std::string::npos);
  CHECK(current_version(w, "shop-production") == before);

  // A confirmer whose Deployer signs with another key cannot verify the plan.
  auto stranger = library_deployer(w, "erin", ops::Fingerprinter{"erin's own key"}, &seen);
  auto unverifiable = stranger.execute(*plan, plan->confirmation_code);
  REQUIRE_FALSE(unverifiable);
  CHECK(unverifiable.error().kind == ErrorKind::confirmation_required);

  auto done = erin.execute(*plan, plan->confirmation_code);
  REQUIRE_MESSAGE(done, done.error().message);
  CHECK(current_version(w, "shop-production") != before);

  // The audit: the planning record and the deploy's, linked by plan_id,
  // naming both people.
  bool planned = false, confirmed = false;
  for (auto const& r : seen) {
    auto args = r.arguments;
    auto get = [&](std::string const& name) {
      for (auto const& [k, v] : args)
        if (k == name) return v;
      return std::string();
    };
    if (r.action == "plan_deploy" && r.actor == "dana" && get("plan_id") == plan->plan_id) {
      planned = true;
      CHECK(get("may_confirm") == "erin");
    }
    if (r.action == "deploy" && r.outcome == "ok") {
      confirmed = true;
      CHECK(r.actor == "erin");
      CHECK(get("planned_by") == "dana");
      CHECK(get("confirmed_by") == "erin");
      CHECK(get("plan_id") == plan->plan_id);
    }
  }
  CHECK(planned);
  CHECK(confirmed);
}

TEST_CASE("four eyes from the policy; stale plans and nobody to approve") {
  World w;
  ship_staging(w);
  w.write("policy.json", R"({"actors": {
    "dana": ["heroku-shop-staging", "heroku-shop-production"],
    "erin": ["heroku-shop-production:approve"]}, "four_eyes": ["shop-production"]})");
  std::vector<ops::AuditRecord> seen;
  ops::Fingerprinter team{"team plan key"};
  auto dana = library_deployer(w, "dana", team, &seen);
  auto erin = library_deployer(w, "erin", team, &seen);
  auto blocked = dana.plan_deploy("production", wf::DeployTarget::promotion());
  REQUIRE(blocked);
  REQUIRE(blocked->preflight);
  auto plan = dana.plan_deploy("production", wf::DeployTarget::promotion(), {},
                               blocked->preflight->missing);
  REQUIRE(plan);
  CHECK(plan->four_eyes);
  auto const before = current_version(w, "shop-production");

  SUBCASE("an expired plan is refused") {
    plan->expires_at = herokupp::Timestamp(plan->expires_at.time_point() - std::chrono::hours(1));
    auto r = erin.execute(*plan, plan->confirmation_code);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::confirmation_required);
  }
  SUBCASE("a plan whose planner is rewritten no longer matches its code") {
    plan->actor = "erin";
    auto r = erin.execute(*plan, plan->confirmation_code);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::confirmation_required);
  }
  SUBCASE("four eyes turned off by editing the plan no longer matches its code") {
    plan->four_eyes = false;
    auto r = dana.execute(*plan, plan->confirmation_code);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::confirmation_required);
  }
  SUBCASE("staging moved after review: the plan changed") {
    auto build = w.client()
                     .app("shop-staging")
                     .builds()
                     .create({"https://ci.example.com/other.tgz",
                              "badc0ffee0ddf00d00000000000000000000000a", std::nullopt});
    REQUIRE(build);
    auto r = erin.execute(*plan, plan->confirmation_code);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::precondition_failed);
    CHECK(r.error().message.find("plan changed") != std::string::npos);
  }
  SUBCASE("when nobody holds approve, the refusal says so") {
    w.write("policy.json",
            R"({"actors": {"dana": ["heroku-shop-staging", "heroku-shop-production"]},
      "four_eyes": ["shop-production"]})");
    auto alone = library_deployer(w, "dana", team, &seen);
    auto r = alone.execute(*plan, plan->confirmation_code);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::policy_denied);
    CHECK(r.error().message.find("nobody may yet") != std::string::npos);
  }
  CHECK(current_version(w, "shop-production") == before);
}

TEST_CASE("environments file: four_eyes per environment") {
  auto file = wf::EnvironmentsFile::parse(four_eyes_environments);
  REQUIRE(file);
  CHECK(file->find("production")->four_eyes);
  CHECK_FALSE(file->find("staging")->four_eyes);
  CHECK(
      !wf::EnvironmentsFile::parse("environments: [{label: x, app_name: y, four_eyes: perhaps}]"));
}

TEST_CASE("four eyes in the tool: Dana plans, her confirmation is refused, Erin confirms") {
  World w;
  use_four_eyes_files(w);
  ship_staging(w);
  auto keys = missing_keys(w);
  auto plan = w.run({"deploy", "production", "--acknowledge-missing", keys});
  REQUIRE_MESSAGE(plan.code == 4, plan.err);
  CHECK(plan.out.find("--planned-by dana --confirm") != std::string::npos);
  auto code = code_in(plan.out);
  auto const before = current_version(w, "shop-production");

  auto own = w.run({"deploy", "production", "--confirm", code});
  CHECK(own.code == 3);
  CHECK(own.err.find("erin") != std::string::npos);
  CHECK(own.err.find("heroku-shop-production:approve") != std::string::npos);
  auto frank = as(w, "frank", {"deploy", "production", "--planned-by", "dana", "--confirm", code});
  CHECK(frank.code == 3);
  CHECK(frank.err.find("erin") != std::string::npos);
  auto nobody =
      as(w, "erin", {"deploy", "production", "--planned-by", "nobody", "--confirm", code});
  CHECK(nobody.code == 4);
  CHECK(nobody.err.find("planned by nobody") != std::string::npos);
  CHECK(current_version(w, "shop-production") == before);

  // Erin reviews Dana's plan, then confirms it.
  auto review = as(w, "erin", {"deploy", "production", "--planned-by", "dana"});
  CHECK(review.code == 4);
  CHECK(review.out.find("Preflight shop-staging -> shop-production") != std::string::npos);
  CHECK(review.out.find("acknowledged") != std::string::npos);
  auto done =
      as(w, "erin", {"--json", "deploy", "production", "--planned-by", "dana", "--confirm", code});
  REQUIRE_MESSAGE(done.code == 0, done.err);
  auto j = json::parse(done.out);
  CHECK(j["planned_by"] == "dana");
  CHECK(j["confirmed_by"] == "erin");
  CHECK(current_version(w, "shop-production") != before);

  std::string plan_id;
  for (auto const& r : audit_lines(w)) {
    if (r["action"] == "plan_deploy") {
      CHECK(r["actor"] == "dana");
      plan_id = argument(r, "plan_id");
    }
  }
  REQUIRE(!plan_id.empty());
  bool linked = false;
  for (auto const& r : audit_lines(w)) {
    if (r["action"] == "deploy" && r["outcome"] == "ok" && r["app"] == "shop-production") {
      CHECK(r["actor"] == "erin");
      CHECK(argument(r, "planned_by") == "dana");
      linked = argument(r, "plan_id") == plan_id;
    }
  }
  CHECK(linked);
}

TEST_CASE("four eyes across accounts need the team plan key") {
  World w;
  use_four_eyes_files(w);
  ship_staging(w);
  auto keys = missing_keys(w);
  SUBCASE("per-user keys: the confirmer cannot verify the planner's code") {
    auto plan = w.run({"deploy", "production", "--acknowledge-missing", keys});
    REQUIRE(plan.code == 4);
    w.extra_env["XDG_CONFIG_HOME"] = w.path("erin-config");
    auto r = as(w, "erin",
                {"deploy", "production", "--planned-by", "dana", "--confirm", code_in(plan.out)});
    CHECK(r.code == 4);
    CHECK(r.err.find("does not match") != std::string::npos);
  }
  SUBCASE("a team plan key named by the policy verifies on both") {
    w.write("team.key", std::string(64, 'k'));
    std::filesystem::permissions(w.path("team.key"), std::filesystem::perms::owner_read |
                                                         std::filesystem::perms::owner_write);
    auto policy = json::parse(four_eyes_policy);
    policy["plan_key_file"] = w.path("team.key");
    w.write("policy.json", policy.dump());
    auto plan = w.run({"deploy", "production", "--acknowledge-missing", keys});
    REQUIRE_MESSAGE(plan.code == 4, plan.err);
    w.extra_env["XDG_CONFIG_HOME"] = w.path("erin-config");
    auto r = as(w, "erin",
                {"deploy", "production", "--planned-by", "dana", "--confirm", code_in(plan.out)});
    CHECK_MESSAGE(r.code == 0, r.err);
  }
}

TEST_CASE("four eyes cannot be skipped with a direct promote") {
  World w;
  use_four_eyes_files(w);
  ship_staging(w);
  auto const before = current_version(w, "shop-production");
  auto r = w.run({"promote", "shop", "--from", "shop-staging"});
  CHECK(r.code == 3);
  CHECK(r.err.find("four eyes") != std::string::npos);
  CHECK(r.err.find("herokupp deploy production") != std::string::npos);
  // By the policy alone, too.
  w.write("environments.yml", R"(environments:
  - {label: staging, app_name: shop-staging, pipeline: shop}
  - {label: production, app_name: shop-production, pipeline: shop, upstream: staging}
)");
  auto policy = json::parse(four_eyes_policy);
  policy["four_eyes"] = {"shop-production"};
  w.write("policy.json", policy.dump());
  auto p = w.run({"promote", "shop", "--from", "shop-staging", "--to", "shop-production"});
  CHECK(p.code == 3);
  CHECK(current_version(w, "shop-production") == before);
}
