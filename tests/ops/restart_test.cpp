#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

TEST_CASE("restart the whole app, a process type or one dyno") {
  World w;
  auto all = ops::restart(w.app("shop-staging"));
  REQUIRE(all);
  CHECK(all->scope == ops::RestartScope::app);
  CHECK(all->dynos == std::vector<std::string>{"web.1", "web.2", "worker.1"});
  CHECK(w.transport->count(Method::delete_, "/apps/shop-staging/dynos") == 1);

  auto workers = ops::restart(w.app("shop-staging"), "worker");
  REQUIRE(workers);
  CHECK(workers->scope == ops::RestartScope::process_type);
  CHECK(workers->dynos == std::vector<std::string>{"worker.1"});
  CHECK(w.transport->count(Method::delete_, "/apps/shop-staging/formations/worker") == 1);

  auto one = ops::restart(w.app("shop-staging"), "web.2");
  REQUIRE(one);
  CHECK(one->scope == ops::RestartScope::dyno);
  CHECK(one->dynos == std::vector<std::string>{"web.2"});
  CHECK(w.transport->count(Method::delete_, "/apps/shop-staging/dynos/web.2") == 1);
  CHECK(ops::to_string(one->scope) == "dyno");

  auto dynos = w.app_silent("shop-staging").dynos().info("web.2");
  REQUIRE(dynos);
  CHECK(dynos->state == "starting");
}

TEST_CASE("a restart target that names nothing running is an error") {
  World w;
  auto type = ops::restart(w.app("shop-staging"), "wrker");
  REQUIRE_FALSE(type);
  CHECK(type.error().kind == ErrorKind::not_found);
  CHECK(type.error().message.find("web, worker") != std::string::npos);
  w.capture(type);

  auto dyno = ops::restart(w.app("shop-staging"), "web.9");
  REQUIRE_FALSE(dyno);
  CHECK(dyno.error().kind == ErrorKind::not_found);
  w.capture(dyno);

  auto nothing = ops::restart(w.app("quiet-app"));
  REQUIRE_FALSE(nothing);
  CHECK(nothing.error().kind == ErrorKind::precondition_failed);
  w.capture(nothing);

  auto bad = ops::restart(w.app("shop-staging"), "web;reboot");
  CHECK(bad.error().kind == ErrorKind::invalid_argument);
  w.capture(bad);

  CHECK(w.transport->writes() == 0);
}
