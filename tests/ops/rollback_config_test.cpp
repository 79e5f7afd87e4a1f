// A rollback restores the target release's config: it is a config change
// when keys differ, and must not open a back door on protected apps.
#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {

ops::SessionOptions options(World const& w) {
  ops::SessionOptions o;
  o.now = w.now();
  o.protect_own_app = false;
  return o;
}

ops::Policy policy(char const* extra = "") {
  auto p = ops::Policy::from_json(std::string(R"({
    "actors": {
      "sam": ["heroku-shop-staging", "heroku-shop-production"],
      "dana": ["heroku-shop-staging", "heroku-shop-staging:configure",
               "heroku-shop-production", "heroku-shop-production:configure"],
      "root": ["admin"]
    },
    "protected_apps": ["shop-production"])") +
                                  extra + "}");
  REQUIRE(p);
  return p.value();
}

// Sets a config var on production without going through ops: a new
// release whose config differs from every earlier one.
void change_production(World const& w) {
  REQUIRE(
      w.app_silent("shop-production")
          .config_vars()
          .update({{"ONLY_PRODUCTION", std::nullopt}, {"FEATURE_X", "set-by-test-value-2a9c41"}}));
}

}  // namespace

TEST_CASE("preview_rollback lists the config keys a rollback would change, never values") {
  World w;
  // staging v7 added FEATURE_X; v5 ran without it.
  auto p = ops::preview_rollback(w.app("shop-staging"), 5);
  REQUIRE(p);
  CHECK(p->from_version == 7);
  CHECK(p->target.version == 5);
  CHECK(p->config.removed == std::vector<std::string>{"FEATURE_X"});
  CHECK(p->config.added.empty());
  CHECK(p->config.changed.empty());
  CHECK(p->config.describe() == "removed FEATURE_X");
  CHECK(w.transport->writes() == 0);
  w.capture(p->config.describe());

  change_production(w);
  auto prod =
      ops::preview_rollback(w.app("shop-production"), w.current_version("shop-production") - 1);
  REQUIRE(prod);
  CHECK(prod->config.added == std::vector<std::string>{"ONLY_PRODUCTION"});
  CHECK(prod->config.removed == std::vector<std::string>{"FEATURE_X"});
  CHECK(prod->config.keys() == std::vector<std::string>{"FEATURE_X", "ONLY_PRODUCTION"});
}

TEST_CASE("the simulator's rollback restores the target release's config, as Heroku's does") {
  World w;
  REQUIRE(w.config_of("shop-staging").count("FEATURE_X") == 1);
  auto r = ops::rollback(w.app("shop-staging"), 5);
  REQUIRE(r);
  CHECK(w.config_of("shop-staging").count("FEATURE_X") == 0);
  CHECK(r->config.removed == std::vector<std::string>{"FEATURE_X"});
  // Rolling forward to v7 brings the key back with its old value.
  REQUIRE(ops::rollback(w.app("shop-staging"), 7));
  CHECK(w.config_of("shop-staging").at("FEATURE_X") == "feature-x-value-on-5b9e");
}

TEST_CASE("operate alone cannot roll back into a config change") {
  World w;
  ops::Session sam{w.client(), policy(), "sam", w.audit(), options(w)};
  auto r = sam.rollback("shop-staging", 5);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::policy_denied);
  CHECK(r.error().message.find("FEATURE_X") != std::string::npos);
  CHECK(r.error().message.find("heroku-shop-staging:configure") != std::string::npos);
  w.capture(r);
  CHECK(w.transport->writes() == 0);
  CHECK(w.current_version("shop-staging") == 7);
  CHECK(w.config_of("shop-staging").count("FEATURE_X") == 1);
  CHECK(w.records->back().outcome == "denied");

  // With configure too, the same rollback goes through and says what changed.
  ops::Session dana{w.client(), policy(), "dana", w.audit(), options(w)};
  auto ok = dana.rollback("shop-staging", 5);
  REQUIRE(ok);
  CHECK(w.records->back().message.find("removed FEATURE_X") != std::string::npos);
  CHECK(w.config_of("shop-staging").count("FEATURE_X") == 0);
}

TEST_CASE("a protected app rolls back with operate when config is unchanged") {
  World w;
  ops::Session sam{w.client(), policy(), "sam", w.audit(), options(w)};
  // Production's last two releases ran with the same config (a promotion).
  std::int64_t const now = w.current_version("shop-production");
  auto p = ops::preview_rollback(w.app_silent("shop-production"), now - 1);
  REQUIRE(p);
  REQUIRE_FALSE(p->config.changes());
  auto r = sam.rollback("shop-production", now - 1);
  REQUIRE(r);
  CHECK(w.current_version("shop-production") == now + 1);
  CHECK(w.records->back().message.find("no config change") != std::string::npos);
}

TEST_CASE("a rollback that changes a protected app's config is refused, for admins too") {
  World w;
  change_production(w);
  std::int64_t const now = w.current_version("shop-production");
  for (auto const* actor : {"sam", "dana", "root"}) {
    CAPTURE(actor);
    ops::Session s{w.client(), policy(), actor, w.audit(), options(w)};
    auto r = s.rollback("shop-production", now - 1);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::protected_app);
    CHECK(r.error().message.find("FEATURE_X") != std::string::npos);
    CHECK(r.error().message.find("ONLY_PRODUCTION") != std::string::npos);
    w.capture(r);
    CHECK(w.records->back().outcome == "denied");
  }
  // Also as a free function, and with the app named by its id.
  ops::RollbackOptions o;
  o.protection.protected_apps = {"shop-production"};
  auto id = w.app_silent("shop-production").info()->id;
  CHECK(ops::rollback(w.app(id), now - 1, o).error().kind == ErrorKind::protected_app);
  o.protection.protected_apps = {id};
  CHECK(ops::rollback(w.app("shop-production"), now - 1, o).error().kind ==
        ErrorKind::protected_app);
  CHECK(w.transport->count(Method::post, "/apps/") == 0);
  CHECK(w.current_version("shop-production") == now);
  CHECK(w.config_of("shop-production").count("ONLY_PRODUCTION") == 0);
}

TEST_CASE("an explicit policy exception lets configure holders roll back protected config") {
  World w;
  change_production(w);
  std::int64_t const now = w.current_version("shop-production");
  auto p = policy(R"(, "rollback_config_exceptions": ["shop-production"])");
  CHECK(p.allows_config_rollback("SHOP-PRODUCTION"));
  ops::Session sam{w.client(), p, "sam", w.audit(), options(w)};
  auto denied = sam.rollback("shop-production", now - 1);
  REQUIRE_FALSE(denied);
  CHECK(denied.error().kind == ErrorKind::policy_denied);  // operate only
  ops::Session dana{w.client(), p, "dana", w.audit(), options(w)};
  REQUIRE(dana.rollback("shop-production", now - 1));
  CHECK(w.config_of("shop-production").count("ONLY_PRODUCTION") == 1);
  // The exception is for rollbacks only: set_config stays refused.
  CHECK(dana.set_config("shop-production", {{"X", "changed-by-test-value-77e0b3"}}).error().kind ==
        ErrorKind::protected_app);
}
