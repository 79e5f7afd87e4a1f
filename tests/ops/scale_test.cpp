#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

TEST_CASE("parse_scale reads the command-line form") {
  auto one = ops::parse_scale("web=2:standard-1x");
  REQUIRE(one);
  REQUIRE(one->size() == 1);
  CHECK(one->at(0).type == "web");
  CHECK(one->at(0).quantity == 2);
  CHECK(one->at(0).size == "standard-1x");

  auto many = ops::parse_scale("web=3, worker=0  clock=Performance-M");
  REQUIRE(many);
  REQUIRE(many->size() == 3);
  CHECK(many->at(1).quantity == 0);
  CHECK_FALSE(many->at(1).size);
  CHECK_FALSE(many->at(2).quantity);
  CHECK(many->at(2).size == "Performance-M");

  for (char const* bad : {"", "web", "web=", "=2", "web=2:", "web=x:standard-1x", "web=+1",
                          "web=-1", "we b=2", "web=1234567", "web;x=1"}) {
    CAPTURE(bad);
    auto r = ops::parse_scale(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
  }
}

TEST_CASE("scale changes quantity and size in one batch update") {
  World w;
  auto r = ops::scale(w.app("shop-staging"), "web=3:standard-2x worker=0");
  REQUIRE(r);
  REQUIRE(r->changes.size() == 2);
  CHECK(r->changes[0].type == "web");
  CHECK(r->changes[0].quantity_before == 2);
  CHECK(r->changes[0].quantity_after == 3);
  CHECK(r->changes[0].size_before == "Standard-1X");
  CHECK(r->changes[0].size_after == "Standard-2X");
  CHECK(r->changes[1].quantity_after == 0);
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging/formation") == 1);
  CHECK(w.transport->writes() == 1);

  auto typed = ops::scale(w.app("shop-staging"), {{"worker", 2, std::nullopt}});
  REQUIRE(typed);
  CHECK(typed->changes.at(0).quantity_before == 0);
  CHECK(typed->changes.at(0).quantity_after == 2);
  auto formation = w.app_silent("shop-staging").formation().info("worker");
  REQUIRE(formation);
  CHECK(formation->quantity == 2);
}

TEST_CASE("scale checks quantity, size and type before sending anything") {
  World w;
  auto too_many = ops::scale(w.app("shop-staging"), "web=101");
  CHECK(too_many.error().kind == ErrorKind::invalid_argument);
  ops::ScaleOptions limited;
  limited.max_quantity = 4;
  CHECK(ops::scale(w.app("shop-staging"), "web=5", limited).error().kind ==
        ErrorKind::invalid_argument);
  auto size = ops::scale(w.app("shop-staging"), "web=2:huge-9x");
  CHECK(size.error().kind == ErrorKind::invalid_argument);
  w.capture(size);
  auto twice = ops::scale(w.app("shop-staging"), "web=1 web=2");
  CHECK(twice.error().kind == ErrorKind::invalid_argument);
  auto nothing = ops::scale(w.app("shop-staging"),
                            std::vector<ops::ScaleRequest>{{"web", std::nullopt, std::nullopt}});
  CHECK(nothing.error().kind == ErrorKind::invalid_argument);
  auto negative =
      ops::scale(w.app("shop-staging"), std::vector<ops::ScaleRequest>{{"web", -1, std::nullopt}});
  CHECK(negative.error().kind == ErrorKind::invalid_argument);
  CHECK(w.transport->count() == 0);

  auto type = ops::scale(w.app("shop-staging"), "wrker=2");
  REQUIRE_FALSE(type);
  CHECK(type.error().kind == ErrorKind::not_found);
  CHECK(type.error().message.find("web, worker") != std::string::npos);
  w.capture(type);

  // At most one Basic dyno per process type.
  auto basic = ops::scale(w.app("chatops-bot"), "web=2");
  CHECK(basic.error().kind == ErrorKind::invalid_argument);
  auto to_basic = ops::scale(w.app("shop-staging"), "web=2:basic");
  CHECK(to_basic.error().kind == ErrorKind::invalid_argument);
  w.capture(to_basic);
  CHECK(w.transport->writes() == 0);
}
