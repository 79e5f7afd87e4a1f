#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {
// staging (ops_seed.json): v1 initial, v2 logplex, v3 config, v4 deploy aaa,
// v5 deploy bbb, v6 failed deploy ccc, v7 config (current).
std::int64_t version_with_status(World const& w, std::string const& app, char const* status) {
  auto releases = ops::recent_releases(w.app_silent(app), 50);
  REQUIRE(releases);
  for (auto const& r : releases.value()) {
    if (r.status.raw == status) return r.version;
  }
  return 0;
}
}  // namespace

TEST_CASE("parse_version takes 42 and v42") {
  CHECK(ops::parse_version("42").value() == 42);
  CHECK(ops::parse_version("v42").value() == 42);
  CHECK(ops::parse_version("V7").value() == 7);
  for (char const* bad :
       {"", "v", "v0", "0", "-1", "v-1", "4 2", "v42a", "x42", "9999999999999999"}) {
    CAPTURE(bad);
    auto r = ops::parse_version(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
  }
}

TEST_CASE("rollback to an earlier release that succeeded") {
  World w;
  std::int64_t const before = w.current_version("shop-staging");
  REQUIRE(before == 7);
  auto r = ops::rollback(w.app("shop-staging"), 5);
  REQUIRE(r);
  CHECK(r->from_version == 7);
  CHECK(r->to_version == 5);
  CHECK(r->release.version == 8);
  CHECK(r->reminder.find("Database changes are not rolled back") != std::string::npos);
  CHECK(w.current_version("shop-staging") == 8);
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/releases") == 1);

  auto text = ops::rollback(w.app("shop-staging"), "v4");
  REQUIRE(text);
  CHECK(text->from_version == 8);
  CHECK(text->to_version == 4);
}

TEST_CASE("rollback to a failed, missing or current release changes nothing") {
  World w;
  std::int64_t const failed = version_with_status(w, "shop-staging", "failed");
  REQUIRE(failed == 6);
  std::int64_t const current = w.current_version("shop-staging");

  auto to_failed = ops::rollback(w.app("shop-staging"), failed);
  REQUIRE_FALSE(to_failed);
  CHECK(to_failed.error().kind == ErrorKind::precondition_failed);
  CHECK(to_failed.error().message.find("failed") != std::string::npos);
  w.capture(to_failed);

  auto missing = ops::rollback(w.app("shop-staging"), "v99");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);
  CHECK(missing.error().message.find("v99") != std::string::npos);
  w.capture(missing);

  auto no_app = ops::rollback(w.app("shop-stagign"), 5);
  REQUIRE_FALSE(no_app);
  CHECK(no_app.error().kind == ErrorKind::not_found);
  CHECK(no_app.error().message.find("app") != std::string::npos);
  w.capture(no_app);

  auto to_current = ops::rollback(w.app("shop-staging"), current);
  REQUIRE_FALSE(to_current);
  CHECK(to_current.error().kind == ErrorKind::precondition_failed);
  w.capture(to_current);

  auto bad = ops::rollback(w.app("shop-staging"), "latest");
  CHECK(bad.error().kind == ErrorKind::invalid_argument);
  CHECK(ops::rollback(w.app("shop-staging"), 0).error().kind == ErrorKind::invalid_argument);

  CHECK(w.transport->writes() == 0);
  CHECK(w.current_version("shop-staging") == current);
}

TEST_CASE("recent_releases: newest first, in one request") {
  World w;
  auto last = ops::recent_releases(w.app("shop-staging"), 3);
  REQUIRE(last);
  REQUIRE(last->size() == 3);
  CHECK(last->at(0).version == 7);
  CHECK(last->at(1).version == 6);
  CHECK(last->at(2).version == 5);
  auto seen = w.transport->seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].path == "/apps/shop-staging/releases");
  auto range = seen[0].headers.get("Range");
  REQUIRE(range);
  CHECK(std::string(*range) == "version ..; max=3, order=desc");

  CHECK(ops::recent_releases(w.app("shop-staging"), 0).error().kind == ErrorKind::invalid_argument);
  CHECK(ops::recent_releases(w.app("shop-staging"), 1001).error().kind ==
        ErrorKind::invalid_argument);
  auto all = ops::recent_releases(w.app("shop-staging"), 100);
  REQUIRE(all);
  CHECK(all->size() == 7);
}
