#include "ops_world.hpp"

namespace ops = herokupp::ops;
using opstest::World;

TEST_CASE("dyno_summary groups dynos by type and size with command, state and age") {
  World w;
  w.clock->advance(std::chrono::hours(3) + std::chrono::minutes(12));
  REQUIRE(ops::scale(w.app_silent("shop-staging"), "web=11"));
  auto s = ops::dyno_summary(w.app("shop-staging"), w.now());
  REQUIRE(s);
  CHECK(s->app == "shop-staging");
  REQUIRE(s->groups.size() == 2);
  CHECK(s->total() == 12);
  auto const& web = s->groups[0];
  CHECK(web.type == "web");
  CHECK(web.size == "Standard-1X");
  REQUIRE(web.dynos.size() == 11);
  CHECK(web.dynos[1].name == "web.2");
  CHECK(web.dynos[10].name == "web.11");  // natural order
  CHECK(web.dynos[0].command == "bundle exec puma -C config/puma.rb");
  CHECK(web.count("up") + web.count("starting") == 11);
  CHECK(s->groups[1].type == "worker");
  CHECK(s->groups[1].dynos[0].state == "up");
  CHECK(s->groups[1].dynos[0].age >= std::chrono::hours(3));
  std::string text = s->to_string();
  w.capture(text);
  CHECK(text.find("worker (Standard-1X): 1 dyno\n") != std::string::npos);
  CHECK(text.find("worker.1  up for ") != std::string::npos);

  auto empty = ops::dyno_summary(w.app("quiet-app"));
  REQUIRE(empty);
  CHECK(empty->groups.empty());
  CHECK(empty->to_string() == "no dynos on quiet-app\n");
}

TEST_CASE("format_age is short and readable") {
  CHECK(ops::format_age(std::chrono::seconds(45)) == "45s");
  CHECK(ops::format_age(std::chrono::seconds(125)) == "2m 5s");
  CHECK(ops::format_age(std::chrono::seconds(3 * 3600 + 12 * 60)) == "3h 12m");
  CHECK(ops::format_age(std::chrono::seconds(2 * 86400 + 4 * 3600)) == "2d 4h");
  CHECK(ops::format_age(std::chrono::seconds(-5)) == "0s");
}
