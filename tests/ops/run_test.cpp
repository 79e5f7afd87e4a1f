#include "ops_world.hpp"

#include <nlohmann/json.hpp>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

TEST_CASE("check_command refuses shell syntax and commands not allowed") {
  ops::OneOffOptions o;
  for (char const* good : {"rake db:migrate", "thor jobs:flush", "rake  cache:clear",
                           "rake assets:precompile RAILS_ENV=production", "rake task[1,2]"}) {
    CAPTURE(good);
    CHECK(ops::check_command(good, o));
  }
  for (char const* bad : {"bash",
                          "rm -rf /",
                          "rake; curl evil",
                          "rake && curl evil",
                          "rake | sh",
                          "rake `id`",
                          "rake $(id)",
                          "rake > /etc/passwd",
                          "rake 'x'",
                          "rake \"x\"",
                          "rake\tdb:migrate",
                          "rake db:migrate\ncurl evil",
                          "rake -e system",
                          "rake --rakefile=/tmp/x",
                          "thor -h",
                          "",
                          "   ",
                          "bin/rails console",
                          "RAKE db:migrate",
                          "/usr/bin/rake"}) {
    CAPTURE(bad);
    auto r = ops::check_command(bad, o);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
  }
  auto named = ops::check_command("bash", o);
  CHECK(named.error().message.find("\"bash\" is not an allowed command") != std::string::npos);
  CHECK(ops::check_command("rake; curl evil", o).error().message.find("';'") != std::string::npos);
}

TEST_CASE("the configured migrate command is allowed as a whole, not its first word") {
  ops::OneOffOptions o;
  o.migrate_command = "bin/rails db:migrate";
  CHECK(ops::check_command("bin/rails db:migrate", o));
  CHECK(ops::check_command("bin/rails   db:migrate", o));
  CHECK_FALSE(ops::check_command("bin/rails runner Foo.bar", o));
  CHECK(ops::check_command("rake db:migrate", o));  // rake stays allowed

  ops::OneOffOptions only_thor;
  only_thor.allowed_commands = {"thor"};
  only_thor.migrate_command.clear();
  CHECK_FALSE(ops::check_command("rake db:migrate", only_thor));
  CHECK(ops::check_command("thor jobs:flush", only_thor));

  ops::OneOffOptions with_options;
  with_options.allow_options = true;
  CHECK(ops::check_command("rake -T", with_options));
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
  auto r = ops::run(w.app("shop-staging"), "thor jobs:flush");
  REQUIRE(r);
  CHECK(r->dyno.name.rfind("run.", 0) == 0);
  CHECK(r->dyno.command == "thor jobs:flush");
  CHECK_FALSE(r->log_url.empty());
  CHECK_FALSE(r->finished);
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/dynos") == 1);
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/log-sessions") == 1);
  auto sent = w.transport->seen();
  auto body = nlohmann::json::parse(sent.at(0).body);
  CHECK(body["attach"] == false);
  CHECK(body["command"] == "thor jobs:flush");
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
  auto r = ops::run(w.app("shop-staging"), "rake cache:clear", o);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::timeout);
  CHECK(r.error().message.find("run.") != std::string::npos);
  w.capture(r);

  ops::OneOffOptions none;
  none.migrate_command.clear();
  CHECK(ops::migrate(w.app("shop-staging"), none).error().kind == ErrorKind::invalid_argument);
}
