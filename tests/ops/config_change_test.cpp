#include "ops_world.hpp"

#include <cstdlib>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {
struct EnvVar {
  EnvVar(char const* name, char const* value) : name_(name) {
    if (char const* old = std::getenv(name)) saved_ = old;
    setenv(name, value, 1);
  }
  ~EnvVar() {
    if (saved_) {
      setenv(name_, saved_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  char const* name_;
  std::optional<std::string> saved_;
};
}  // namespace

TEST_CASE("config keys: letters, digits, underscore, not starting with a digit") {
  for (char const* good : {"A", "DATABASE_URL", "_X", "x1", "FEATURE_X2"}) {
    CHECK(ops::is_valid_config_key(good));
  }
  for (char const* bad : {"", "1X", "A-B", "A B", "A.B", "A=B", "\xc3\x89T\xc3\x89", "A\n"}) {
    CHECK_FALSE(ops::is_valid_config_key(bad));
  }
}

TEST_CASE("set_config checks keys before any request") {
  World w;
  for (char const* bad : {"1X", "A-B", "", "A B", "X;Y"}) {
    CAPTURE(bad);
    auto r = ops::set_config(w.app("shop-staging"), {{bad, "set-by-test-value-2a9c41"}});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
    w.capture(r);
  }
  auto none = ops::set_config(w.app("shop-staging"), {});
  CHECK(none.error().kind == ErrorKind::invalid_argument);
  CHECK(w.transport->count() == 0);
}

TEST_CASE("set_config sends one PATCH and answers masked") {
  World w;
  auto change = ops::set_config(w.app("shop-staging"),
                                {{"NEW_KEY", "set-by-test-value-2a9c41"},
                                 {"FEATURE_X", "changed-by-test-value-77e0b3"},
                                 {"SHARED_TOKEN", "tok-shared-4411-aa-same-everywhere"}});
  REQUIRE(change);
  w.capture(change.value());
  CHECK(change->added == std::vector<std::string>{"NEW_KEY"});
  CHECK(change->changed == std::vector<std::string>{"FEATURE_X"});
  CHECK(change->unchanged == std::vector<std::string>{"SHARED_TOKEN"});
  CHECK(change->config.contains("NEW_KEY"));
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging/config-vars") == 1);
  CHECK(w.transport->writes() == 1);
  auto now = w.config_of("shop-staging");
  CHECK(now["NEW_KEY"] == "set-by-test-value-2a9c41");
  CHECK(now["FEATURE_X"] == "changed-by-test-value-77e0b3");
}

TEST_CASE("set_config with nothing to change sends no PATCH") {
  World w;
  auto change = ops::set_config(w.app("shop-staging"),
                                {{"SHARED_TOKEN", "tok-shared-4411-aa-same-everywhere"}});
  REQUIRE(change);
  CHECK(change->unchanged == std::vector<std::string>{"SHARED_TOKEN"});
  CHECK(w.transport->writes() == 0);
}

TEST_CASE("unset_config: one PATCH, and an absent key is not an error") {
  World w;
  auto change = ops::unset_config(w.app("shop-staging"), {"FEATURE_X", "NEVER_SET"});
  REQUIRE(change);
  w.capture(change.value());
  CHECK(change->removed == std::vector<std::string>{"FEATURE_X"});
  CHECK(change->absent == std::vector<std::string>{"NEVER_SET"});
  CHECK_FALSE(change->config.contains("FEATURE_X"));
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging/config-vars") == 1);
  CHECK(w.config_of("shop-staging").count("FEATURE_X") == 0);

  auto again = ops::unset_config(w.app("shop-staging"), {"FEATURE_X"});
  REQUIRE(again);
  CHECK(again->absent == std::vector<std::string>{"FEATURE_X"});
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging/config-vars") == 1);

  auto bad = ops::unset_config(w.app("shop-staging"), {"OK", "not ok"});
  CHECK(bad.error().kind == ErrorKind::invalid_argument);
  CHECK(ops::unset_config(w.app("shop-staging"), {}).error().kind == ErrorKind::invalid_argument);
}

TEST_CASE("set_config and unset_config refuse protected apps") {
  World w;
  ops::ConfigOptions o;
  o.protected_apps = {"Chatops-Bot"};
  auto set = ops::set_config(w.app("chatops-bot"), {{"X", "bot-change-attempt-value-19ffe"}}, o);
  REQUIRE_FALSE(set);
  CHECK(set.error().kind == ErrorKind::protected_app);
  w.capture(set);
  auto unset = ops::unset_config(w.app("chatops-bot"), {"HUBOT_SLACK_TOKEN"}, o);
  CHECK(unset.error().kind == ErrorKind::protected_app);
  CHECK(w.transport->writes() == 0);
  CHECK(w.config_of("chatops-bot").count("HUBOT_SLACK_TOKEN") == 1);

  // Protected by id, changed by name: the app is looked up first.
  auto info = w.app_silent("chatops-bot").info();
  REQUIRE(info);
  ops::ConfigOptions by_id;
  by_id.protected_apps = {info->id};
  auto by_name =
      ops::set_config(w.app("chatops-bot"), {{"X", "bot-change-attempt-value-19ffe"}}, by_id);
  CHECK(by_name.error().kind == ErrorKind::protected_app);
  CHECK(w.transport->writes() == 0);

  // Other apps are not affected.
  CHECK(ops::set_config(w.app("shop-staging"), {{"X", "set-by-test-value-2a9c41"}}, o));
}

TEST_CASE("the app this program runs on is protected by default") {
  World w;
  EnvVar own("HEROKU_APP_NAME", "chatops-bot");
  auto set = ops::set_config(w.app("chatops-bot"), {{"X", "bot-change-attempt-value-19ffe"}});
  CHECK(set.error().kind == ErrorKind::protected_app);
  ops::ConfigOptions unprotected;
  unprotected.protect_own_app = false;
  CHECK(ops::protected_apps(unprotected).empty());
  ops::ConfigOptions defaults;
  CHECK(ops::protected_apps(defaults) == std::vector<std::string>{"chatops-bot"});
  CHECK(w.transport->writes() == 0);
}

TEST_CASE("reveal_config returns only the named values") {
  World w;
  auto values = ops::reveal_config(w.app("shop-staging"), {"FEATURE_X"});
  REQUIRE(values);
  CHECK(values->size() == 1);
  CHECK(values->at("FEATURE_X") == "feature-x-value-on-5b9e");  // not captured
  auto missing = ops::reveal_config(w.app("shop-staging"), {"FEATURE_X", "NOPE"});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);
  w.capture(missing);
  CHECK(ops::reveal_config(w.app("shop-staging"), {}).error().kind == ErrorKind::invalid_argument);
}

TEST_CASE("an API error about a change never echoes the value") {
  World w;
  w.transport->fail_next(Method::patch, "/apps/shop-staging/config-vars",
                         opstest::RecordingTransport::Fail::before);
  auto r = ops::set_config(w.app("shop-staging"), {{"NEW_KEY", "set-by-test-value-2a9c41"}});
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::server);
  w.capture(r);
  CHECK(w.config_of("shop-staging").count("NEW_KEY") == 0);
}
