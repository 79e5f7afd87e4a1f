// The herokupp tool end to end, in-process against the simulator: every
// command, its --json output and its exit codes.
#include "cli_world.hpp"

#include <nlohmann/json.hpp>

using clitest::code_in;
using clitest::json_of;
using clitest::World;
using json = nlohmann::json;

TEST_CASE("read commands: apps, info, dynos, releases, config") {
  World w;
  auto apps = w.run({"--json", "apps", "shop"});
  CHECK(apps.code == 0);
  auto j = json_of(apps.out);
  CHECK(j["ok"] == true);
  CHECK(j["apps"].size() == 3);

  auto info = w.run({"info", "shop-staging"});
  CHECK(info.code == 0);
  CHECK(info.out.find("Maintenance: off") != std::string::npos);
  CHECK(json_of(w.run({"--json", "info", "shop-staging"}).out)["app"]["name"] == "shop-staging");

  auto dynos = w.run({"--json", "dynos", "shop-production"});
  CHECK(dynos.code == 0);
  CHECK(json_of(dynos.out)["total"] == 5);

  auto releases = w.run({"--json", "releases", "shop-staging", "-n", "3"});
  CHECK(releases.code == 0);
  auto rel = json_of(releases.out)["releases"];
  REQUIRE(rel.size() == 3);
  CHECK(rel[0]["current"] == true);
  CHECK(rel[0]["version"].get<int>() > rel[1]["version"].get<int>());

  auto config = w.run({"config", "shop-production"});
  CHECK(config.code == 0);
  CHECK(config.out.find("DATABASE_URL=********") != std::string::npos);
  auto cj = json_of(w.run({"--json", "config", "shop-production"}).out);
  for (auto const& v : cj["config"])
    CHECK(v["value"] == "********");
}

TEST_CASE("exit codes: usage 2, API error 1, denied 3") {
  World w;
  CHECK(w.run({"no-such-command"}).code == 2);
  CHECK(w.run({"releases"}).code == 2);
  CHECK(w.run({"maintenance", "shop-staging", "sideways"}).code == 2);
  CHECK(w.run({"ps:scale", "shop-staging", "web=lots"}).code == 2);
  w.extra_env["HEROKU_API_KEY"] = "";
  CHECK(w.run({"apps"}).code == 2);
  w.extra_env.clear();

  auto missing = w.run({"--json", "info", "no-such-app"}, false);
  CHECK(missing.code == 1);
  CHECK(json_of(missing.out)["error"]["kind"] == "not_found");

  auto before = w.platform().config_vars("shop-production").value();
  auto denied = w.run({"--json", "config:set", "shop-production", "FEATURE=new-value-7c1e"});
  CHECK(denied.code == 3);
  CHECK(json_of(denied.out)["error"]["kind"] == "protected_app");
  CHECK(w.platform().config_vars("shop-production").value() == before);

  auto not_granted = w.run(
      {"--actor", "eve", "--policy", w.path("policy.json"), "restart", "shop-staging"}, false);
  CHECK(not_granted.code == 3);
  CHECK_MESSAGE(not_granted.err.find("heroku-shop-staging") != std::string::npos, not_granted.err);

  auto audit = w.read("audit.jsonl");
  CHECK(audit.find("\"outcome\":\"denied\"") != std::string::npos);
  for (auto const& secret : clitest::fleet_secrets())
    CHECK(audit.find(secret) == std::string::npos);
}

TEST_CASE("operate commands: rollback, restart, scale, maintenance, run, migrate") {
  World w;
  auto rel = json_of(w.run({"--json", "releases", "shop-staging", "-n", "2"}).out)["releases"];
  auto previous = rel[1]["version"].get<int>();
  auto rb = w.run({"--json", "rollback", "shop-staging", "v" + std::to_string(previous)});
  CHECK(rb.code == 0);
  auto rbj = json_of(rb.out);
  CHECK(rbj["to_version"] == previous);
  CHECK(rbj["reminder"].get<std::string>().find("Database") != std::string::npos);
  CHECK(w.run({"rollback", "shop-staging", "v9999"}).code == 1);

  auto restart = w.run({"--json", "restart", "shop-worker", "worker"});
  CHECK(restart.code == 0);
  CHECK(json_of(restart.out)["dynos"].size() == 3);
  CHECK(w.run({"restart", "shop-staging"}).code == 0);

  auto scale = w.run({"--json", "ps:scale", "shop-staging", "web=2:standard-1x"});
  CHECK(scale.code == 0);
  CHECK(json_of(scale.out)["changes"][0]["quantity_after"] == 2);

  auto on = w.run({"--json", "maintenance", "shop-staging", "on"});
  CHECK(on.code == 0);
  CHECK(json_of(on.out)["maintenance"] == true);
  CHECK(json_of(w.run({"--json", "maintenance", "shop-staging", "off"}).out)["maintenance"] ==
        false);

  auto ran = w.run({"--json", "run", "shop-staging", "--", "rake", "assets:precompile"});
  CHECK(ran.code == 0);
  CHECK(json_of(ran.out)["finished"] == true);
  CHECK(w.run({"run", "shop-staging", "--", "bash", "-c", "env"}).code == 2);

  auto migrate = w.run({"--json", "migrate", "shop-staging"});
  CHECK(migrate.code == 0);
  CHECK(json_of(migrate.out)["command"] == "rake db:migrate");
}

TEST_CASE("config:set and config:unset answer keys, never values") {
  World w;
  auto set = w.run({"--json", "config:set", "shop-staging", "FEATURE_Z=new-value-7c1e"});
  CHECK(set.code == 0);
  CHECK(json_of(set.out)["added"] == json::array({"FEATURE_Z"}));
  CHECK(w.platform().config_vars("shop-staging")->at("FEATURE_Z") == "new-value-7c1e");
  auto unset = w.run({"--json", "config:unset", "shop-staging", "FEATURE_Z", "NEVER_SET"});
  CHECK(unset.code == 0);
  CHECK(json_of(unset.out)["removed"] == json::array({"FEATURE_Z"}));
  CHECK(json_of(unset.out)["absent"] == json::array({"NEVER_SET"}));
  CHECK(w.read("audit.jsonl").find("new-value-7c1e") == std::string::npos);
}

TEST_CASE("promote to the next stage") {
  World w;
  // Production runs staging's slug in the seed: give staging another one first.
  auto rel = json_of(w.run({"--json", "releases", "shop-staging", "-n", "3"}).out)["releases"];
  REQUIRE(w.run({"rollback", "shop-staging", "v" + std::to_string(rel[2]["version"].get<int>())})
              .code == 0);
  // Staging's config then has keys production lacks: the preflight blocks
  // until they are acknowledged (issue 17).
  auto blocked = w.run({"--json", "promote", "shop", "--from", "shop-staging"});
  CHECK_MESSAGE(blocked.code == 1, blocked.out << blocked.err);
  auto const preflight = json_of(blocked.out)["preflight"];
  std::string keys;
  for (auto const& k : preflight[0]["missing"])
    keys += (keys.empty() ? "" : ",") + k.get<std::string>();
  auto p =
      w.run({"--json", "promote", "shop", "--from", "shop-staging", "--acknowledge-missing", keys});
  CHECK_MESSAGE(p.code == 0, p.err);
  auto j = json_of(p.out);
  CHECK(j["succeeded"] == true);
  CHECK(j["targets"][0]["app"] == "shop-production");
  // The same slug again is refused before anything is created.
  CHECK(w.run({"promote", "shop", "--from", "shop-staging", "--to", "shop-production"}).code == 1);
}

TEST_CASE("deploy: plan, wrong code, confirm, then nothing to deploy") {
  World w;
  std::vector<std::string> args = {"deploy",    "staging",
                                   "--source",  "https://ci.example.com/shop.tgz",
                                   "--commit",  "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b",
                                   "--changed", "db/migrations/001_x.rb",
                                   "--subject", "Index orders"};
  auto plan = w.run(args);
  CHECK(plan.code == 4);
  CHECK(plan.out.find("maintenance window: on") != std::string::npos);
  auto code = code_in(plan.out);

  auto releases_before =
      json_of(w.run({"--json", "releases", "shop-staging", "-n", "1"}).out)["releases"][0];
  auto wrong = w.run({"--json", "deploy", "staging", "--confirm", "WRONG1"});
  CHECK(wrong.code == 4);
  CHECK(json_of(wrong.out)["error"]["kind"] == "confirmation_required");
  CHECK(json_of(w.run({"--json", "releases", "shop-staging", "-n", "1"}).out)["releases"][0] ==
        releases_before);

  auto done = w.run({"--json", "deploy", "staging", "--confirm", code});
  REQUIRE_MESSAGE(done.code == 0, done.err);
  auto dj = json_of(done.out);
  CHECK(dj["tag"] == "v" + std::to_string(dj["release"]["version"].get<int>()));
  CHECK(dj["release_note"] == "- Index orders\n");
  CHECK(dj["steps"].size() == 5);  // maintenance on, build, release, migrate, maintenance off
  CHECK(json_of(w.run({"--json", "info", "shop-staging"}).out)["app"]["maintenance"] == false);

  // The plan is used up; the same target again is nothing to deploy.
  CHECK(w.run({"deploy", "staging", "--confirm", code}).code == 4);
  auto again = w.run({"--json", "deploy", "staging", "--source", "https://ci.example.com/shop.tgz",
                      "--commit", "5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b"});
  CHECK(again.code == 0);
  CHECK(json_of(again.out)["plan"]["nothing_to_deploy"] == true);

  // Production is promoted from staging.
  // Staging has config keys production lacks: acknowledged (issue 17).
  auto blocked = json_of(w.run({"--json", "deploy", "production"}).out);
  std::string keys;
  for (auto const& k : blocked["plan"]["preflight"]["missing"])
    keys += (keys.empty() ? "" : ",") + k.get<std::string>();
  auto prod = w.run({"--json", "deploy", "production", "--acknowledge-missing", keys});
  CHECK_MESSAGE(prod.code == 4, prod.err);
  auto pj = json_of(prod.out)["plan"];
  CHECK(pj["upstream_app"] == "shop-staging");
  auto promoted =
      w.run({"deploy", "production", "--confirm", pj["confirmation_code"].get<std::string>()});
  CHECK_MESSAGE(promoted.code == 0, promoted.err);
}

TEST_CASE("config:diff and config:apply") {
  World w;
  auto diff = w.run({"config:diff", "staging"});
  CHECK(diff.code == 0);
  CHECK(diff.out.find("= RAILS_ENV=********") != std::string::npos);
  CHECK(diff.out.find("! RACK_ENV=********") != std::string::npos);
  CHECK(diff.out.find("+ WEB_CONCURRENCY=********") != std::string::npos);
  CHECK(diff.out.find("? DATABASE_URL=********") != std::string::npos);
  auto code = code_in(diff.out);

  auto before = w.platform().config_vars("shop-staging").value();
  CHECK(w.run({"config:apply", "staging", "--confirm", "WRONG1"}).code == 4);
  CHECK(w.platform().config_vars("shop-staging").value() == before);
  CHECK(w.run({"config:apply", "staging"}).code == 4);

  auto fresh = code_in(w.run({"config:diff", "staging"}).out);
  auto applied = w.run({"--json", "config:apply", "staging", "--confirm", fresh});
  CHECK_MESSAGE(applied.code == 0, applied.err);
  auto after = w.platform().config_vars("shop-staging").value();
  CHECK(after.at("RACK_ENV") == "development");
  CHECK(after.at("WEB_CONCURRENCY") == "2");
  CHECK(after.at("DATABASE_URL") == before.at("DATABASE_URL"));
  CHECK(w.run({"config:diff", "staging"}).out.find("Nothing to apply") != std::string::npos);
}

// Issue 13: `herokupp apps` against a server that pages in a loop kept
// requesting (265,483 requests before it was killed). It must end with an
// API error naming the listing, after a bounded number of requests.
TEST_CASE("apps against a server that pages in a loop ends with a protocol error") {
  auto looping = [](bool empty_pages) {
    World w;
    int n = 0;
    w.transport->answer =
        [&n, empty_pages](herokupp::HttpRequest const& r) -> std::optional<herokupp::HttpResponse> {
      if (r.method != herokupp::Method::get || r.url.find("/apps") == std::string::npos ||
          r.url.find("/apps/") != std::string::npos) {
        return std::nullopt;
      }
      ++n;
      herokupp::HttpResponse res;
      res.status = 206;
      res.headers.set("Content-Type", "application/json");
      // The same Next-Range every time, or empty pages with ever new ranges.
      res.headers.set("Next-Range", empty_pages ? "id ]" + std::to_string(n) + "..; max=200"
                                                : "id ]a..; max=200");
      res.body =
          empty_pages ? "[]" : R"([{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"a"}])";
      return res;
    };
    auto r = w.run({"--json", "apps"}, false);
    CHECK(r.code == 1);
    auto j = json_of(r.out);
    CHECK(j["error"]["kind"] == "protocol");
    CHECK(j["error"]["message"].get<std::string>().find("/apps") != std::string::npos);
    CHECK(n <= 2);
  };
  SUBCASE("a repeated Next-Range") {
    looping(false);
  }
  SUBCASE("empty 206 pages") {
    looping(true);
  }
}
