// Issue 12 as a hostile or careless user tries it, through the tool and the
// workflow: each case failed on the code before the fix.
#include "cli_world.hpp"

#include <herokupp/clients/app_builds_client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/app_releases_client.hpp>
#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/workflow.hpp>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>

namespace wf = herokupp::workflow;
using clitest::audit_lines;
using clitest::code_in;
using clitest::current_version;
using clitest::World;
using json = nlohmann::json;

namespace {

std::string only_file(World& w, std::string const& prefix) {
  for (auto const& e : std::filesystem::directory_iterator(w.path("state"))) {
    auto name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0) return e.path().string();
  }
  FAIL("no state file " << prefix);
  return {};
}

unsigned mode_of(std::string const& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::string missing_keys(World& w, std::vector<std::string> const& args) {
  auto blocked = json::parse(w.run(args).out);
  auto const& preflight =
      blocked.contains("plan") ? blocked["plan"]["preflight"] : blocked["preflight"];
  std::string keys;
  for (auto const& k : preflight["missing"])
    keys += (keys.empty() ? "" : ",") + k.get<std::string>();
  return keys;
}

// Staging builds and releases badc0ff, code nobody reviewed for production.
void build_unreviewed_staging(World& w) {
  auto build = w.client()
                   .app("shop-staging")
                   .builds()
                   .create({"https://ci.example.com/bad.tgz",
                            "badc0ffee0ddf00d00000000000000000000000a", std::nullopt});
  REQUIRE(build);
}

// Staging deployed at c1827ba, then a production promotion planned and
// shown for review (exit 4), the keys production lacks acknowledged.
clitest::Run reviewed_production_plan(World& w) {
  auto staged = w.run({"deploy", "staging", "--source", "https://ci.example.com/good.tgz",
                       "--commit", "c1827ba000000000000000000000000000000001"});
  REQUIRE(staged.code == 4);
  REQUIRE(w.run({"deploy", "staging", "--confirm", code_in(staged.out)}).code == 0);
  auto keys = missing_keys(w, {"--json", "deploy", "production"});
  auto plan = w.run({"deploy", "production", "--acknowledge-missing", keys});
  REQUIRE_MESSAGE(plan.code == 4, plan.err);
  return plan;
}

}  // namespace

TEST_CASE("item 1: a promotion is pinned; staging rebuilt after review is refused") {
  World w;
  auto plan = reviewed_production_plan(w);
  auto code = code_in(plan.out);
  // Staging moves on to code nobody reviewed for production.
  build_unreviewed_staging(w);
  auto before = current_version(w, "shop-production");
  auto confirmed = w.run({"deploy", "production", "--confirm", code});
  CHECK(confirmed.code != 0);
  CHECK(confirmed.err.find("plan changed") != std::string::npos);
  CHECK(current_version(w, "shop-production") == before);
}

TEST_CASE("item 1: the audit names the commit read back from the release") {
  World w;
  std::string const sha = "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b";
  auto plan =
      w.run({"deploy", "staging", "--source", "https://ci.example.com/s.tgz", "--commit", sha});
  REQUIRE(plan.code == 4);
  auto done = w.run({"deploy", "staging", "--confirm", code_in(plan.out)});
  REQUIRE_MESSAGE(done.code == 0, done.err);
  bool named = false;
  for (auto const& r : audit_lines(w)) {
    if (r["action"] != "deploy" || r["outcome"] != "ok") continue;
    auto text = r.dump();
    if (text.find("released_commit") != std::string::npos && text.find(sha) != std::string::npos)
      named = true;
    // item 7: the deploy's record lists the requests it caused.
    CHECK(!r["request_ids"].empty());
  }
  CHECK(named);
}

TEST_CASE("item 2: a plan edited by hand is refused, whatever code it carries") {
  World w;
  auto plan = w.run({"deploy", "staging", "--source", "https://ci.example.com/s.tgz", "--commit",
                     "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b"});
  REQUIRE(plan.code == 4);
  auto code = code_in(plan.out);
  auto file = only_file(w, "deploy-staging");
  // Plans are private: the directory 0700, the files 0600.
  CHECK(mode_of(w.path("state")) == 0700);
  CHECK(mode_of(file) == 0600);

  std::ifstream in(file);
  auto j = json::parse(in);
  auto before = current_version(w, "shop-staging");
  SUBCASE("a foreign source with the reviewed code") {
    j["target"]["source_url"] = "https://evil.example.com/x.tgz";
    std::ofstream(file, std::ios::trunc) << j.dump();
    auto r = w.run({"deploy", "staging", "--confirm", code});
    CHECK(r.code == 4);
    CHECK(r.err.find("plan changed") != std::string::npos);
  }
  SUBCASE("an extra action and a code of one's own") {
    j["actions"].push_back({{"name", "x"}, {"command", "rake -e exit"}, {"reason", "r"}});
    j["confirmation_code"] = "AAAAAA";
    std::ofstream(file, std::ios::trunc) << j.dump();
    CHECK(w.run({"deploy", "staging", "--confirm", "AAAAAA"}).code == 4);
  }
  CHECK(current_version(w, "shop-staging") == before);
}

TEST_CASE("item 2: plans are per actor; a mistyped code keeps the plan") {
  World w;
  auto plan = w.run({"deploy", "staging", "--source", "https://ci.example.com/s.tgz", "--commit",
                     "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b"});
  REQUIRE(plan.code == 4);
  auto file = only_file(w, "deploy-staging");
  auto olive = w.run({"--policy", w.path("policy.json"), "--actor", "olive", "deploy", "staging",
                      "--confirm", "WRONG123"},
                     false);
  CHECK(olive.code == 4);
  CHECK(std::filesystem::exists(file));
  CHECK(w.run({"deploy", "staging", "--confirm", "WRONG123"}).code == 4);
  CHECK(std::filesystem::exists(file));
  CHECK(w.run({"deploy", "staging", "--confirm", code_in(plan.out)}).code == 0);
}

TEST_CASE("item 2: a plan expires") {
  World w;
  auto file = wf::EnvironmentsFile::load(w.path("environments.yml")).value();
  herokupp::Timestamp t = herokupp::Timestamp::now();
  wf::DeployOptions o;
  o.wait.sleep = [](std::chrono::milliseconds) {};
  o.plan_key = herokupp::ops::Fingerprinter{"a test plan key"};
  o.now = [&t] { return t; };
  wf::Deployer d{w.client(), file, std::nullopt, "dana", nullptr, o};
  auto plan = d.plan_deploy("staging",
                            wf::DeployTarget::source("https://ci.example.com/s.tgz",
                                                     "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b"));
  REQUIRE(plan);
  t = herokupp::Timestamp(t.time_point() + std::chrono::minutes(16));
  auto r = d.execute(*plan, plan->confirmation_code);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == herokupp::ErrorKind::confirmation_required);
  CHECK(r.error().message.find("expired") != std::string::npos);
  // Another Deployer with another key cannot confirm it either.
  o.plan_key = herokupp::ops::Fingerprinter{"someone else's key"};
  t = herokupp::Timestamp(t.time_point() - std::chrono::minutes(16));
  wf::Deployer other{w.client(), file, std::nullopt, "dana", nullptr, o};
  CHECK_FALSE(other.execute(*plan, plan->confirmation_code));
}

TEST_CASE("item 3: config:apply sets only the reviewed values") {
  World w;
  auto diff = w.run({"config:diff", "staging"});
  REQUIRE(diff.code == 0);
  auto code = code_in(diff.out);
  auto before = w.platform().config_vars("shop-staging").value();
  auto yml = w.read("environments.yml");
  auto at = yml.find("RACK_ENV: development");
  REQUIRE(at != std::string::npos);
  yml.replace(at, std::string("RACK_ENV: development").size(), "RACK_ENV: unreviewed-value");
  w.write("environments.yml", yml);
  auto applied = w.run({"config:apply", "staging", "--confirm", code});
  CHECK(applied.code != 0);
  CHECK(applied.err.find("plan changed") != std::string::npos);
  CHECK(w.platform().config_vars("shop-staging").value() == before);
}

TEST_CASE("item 4: a protected environment's app is protected in every command") {
  World w;
  // A policy that does not itself protect shop-production.
  w.write("policy.json",
          R"({"actors": {"olive": ["admin"]}, "act_for_others": ["ops@example.com"]})");
  auto before = w.platform().config_vars("shop-production").value();
  std::vector<std::string> as_olive = {"--policy", w.path("policy.json"), "--actor", "olive"};
  auto args = as_olive;
  args.insert(args.end(), {"config:set", "shop-production", "X=new-value-7c1e"});
  CHECK(w.run(args, false).code == 3);
  args = as_olive;
  args.insert(args.end(), {"config:diff", "production"});
  auto diff = w.run(args, false);
  CHECK(w.platform().config_vars("shop-production").value() == before);
  (void)diff;
}

TEST_CASE("item 6: the tool fails closed") {
  World w;
  SUBCASE("no policy: writes are refused before any request") {
    int before = w.transport->requests;
    auto r = w.run({"restart", "shop-staging"}, false);
    CHECK(r.code == 3);
    CHECK(r.err.find("--single-user") != std::string::npos);
    CHECK(w.transport->requests == before);
  }
  SUBCASE("--single-user acts as the key's account, not as a name typed") {
    auto r = w.run({"--single-user", "restart", "shop-staging"}, false);
    CHECK_MESSAGE(r.code == 0, r.err);
    auto records = audit_lines(w);
    REQUIRE(!records.empty());
    CHECK(records.back()["actor"] == "ops@example.com");
    CHECK(w.run({"--single-user", "--actor", "olive", "restart", "shop-staging"}, false).code == 3);
  }
  SUBCASE("naming another actor needs act_for_others") {
    w.write("policy.json", R"({"actors": {"dana": ["heroku-shop-staging"]}})");
    CHECK(w.run({"restart", "shop-staging"}).code == 3);
  }
  SUBCASE("a denied promote sends no request") {
    CHECK(w.run({"apps"}).code == 0);  // the key's account is known from here on
    int before = w.transport->requests;
    auto r = w.run({"--policy", w.path("policy.json"), "--actor", "nobody", "promote", "shop",
                    "--from", "shop-staging"},
                   false);
    CHECK(r.code == 3);
    CHECK(w.transport->requests == before);
  }
  SUBCASE("apps lists only what the actor may read") {
    auto r = w.run({"apps"});
    CHECK(r.code == 0);
    CHECK(r.out.find("shop-staging") != std::string::npos);
    CHECK(r.out.find("chatops-bot") == std::string::npos);
  }
}

TEST_CASE("item 7: an unwritable audit refuses the action and changes nothing") {
  World w;
  std::vector<std::string> argv = {"--audit", w.path("no/such/dir/audit.jsonl"), "restart",
                                   "shop-staging"};
  int writes = w.transport->writes;
  auto r = w.run(argv);
  CHECK(r.code != 0);
  CHECK(r.err.find("audit") != std::string::npos);
  CHECK(w.transport->writes == writes);
}

TEST_CASE("item 8: a window left open is reported with the command that closes it") {
  World w;
  std::filesystem::create_directories(w.path("state"));
  w.write("state/window-shop-staging.json",
          R"({"app":"shop-staging","opened_at":"2026-11-30T08:00:00Z","actor":"dana","pid":1,)"
          R"("close_with":"herokupp maintenance shop-staging off"})");
  auto r = w.run({"releases", "shop-staging"});
  CHECK(r.err.find("close it with: herokupp maintenance shop-staging off") != std::string::npos);
  CHECK(w.run({"maintenance", "shop-staging", "off"}).code == 0);
  CHECK_FALSE(std::filesystem::exists(w.path("state/window-shop-staging.json")));
}

TEST_CASE("item 12: server text reaches the terminal neutralised") {
  World w;
  w.transport->fail_post_suffix = "/dynos";
  w.transport->fail_status = 422;
  w.transport->fail_body =
      "{\"id\":\"invalid_params\",\"message\":\"\\u001b[2J\\u001b[31mowned\\rfake\\u0007\"}";
  for (bool as_json : {false, true}) {
    std::vector<std::string> args = {"migrate", "shop-staging"};
    if (as_json) args.insert(args.begin(), "--json");
    auto r = w.run(args);
    CHECK(r.code != 0);
    for (auto const* text : {&r.out, &r.err}) {
      CHECK(text->find('\x1b') == std::string::npos);
      CHECK(text->find('\r') == std::string::npos);
      CHECK(text->find('\a') == std::string::npos);
    }
    // The core already replaces control characters in server text with '?'
    // (error.cpp); the tool's printable() is the second line of defence.
    CHECK((r.out + r.err).find("?[31mowned") != std::string::npos);
  }
}

TEST_CASE("item 1: staging moving on during the promotion is caught after it and rolled back") {
  World w;
  auto plan = reviewed_production_plan(w);
  auto const before = current_version(w, "shop-production");
  // Between the check just before the promotion and the promotion itself,
  // staging releases code nobody reviewed: the platform promotes "whatever
  // the source runs now".
  bool raced = false;
  w.transport->before_post = [&](herokupp::HttpRequest const& r) {
    if (raced || r.url.find("/pipeline-promotions") == std::string::npos) return;
    raced = true;
    build_unreviewed_staging(w);
  };
  auto confirmed = w.run({"deploy", "production", "--confirm", code_in(plan.out)});
  w.transport->before_post = nullptr;
  REQUIRE(raced);
  CHECK(confirmed.code != 0);
  CHECK(confirmed.err.find("released other code") != std::string::npos);
  CHECK(confirmed.err.find("badc0ff") != std::string::npos);
  CHECK(confirmed.err.find("rolled back") != std::string::npos);
  // Production runs the code it ran before, in a new release (the rollback).
  auto list = herokupp::ops::recent_releases(w.client().app("shop-production"), 1);
  REQUIRE(list);
  REQUIRE_FALSE(list->empty());
  CHECK(list->front().version > before);
  CHECK(list->front().description.find("Rollback") != std::string::npos);
  bool audited = false;
  for (auto const& r : audit_lines(w)) {
    if (r["action"] != "deploy" || r["outcome"] == "ok") continue;
    if (r.dump().find("badc0ff") != std::string::npos) audited = true;
  }
  CHECK(audited);
}
