// A protected app is refused however it is named, before anything is
// written, at the cost of one App Info request at most, and audited denied.
#include "ops_world.hpp"

#include <cstdlib>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {

ops::SessionOptions options(World const& w, std::vector<std::string> protect) {
  ops::SessionOptions o;
  o.now = w.now();
  o.protect_own_app = false;
  o.protected_apps = std::move(protect);
  return o;
}

std::string id_of(World const& w, std::string const& app) {
  auto info = w.app_silent(app).info();
  REQUIRE(info);
  return info->id;
}

void check_refused(World const& w, herokupp::result<ops::ConfigChange> const& r,
                   std::size_t records_before) {
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::protected_app);
  w.capture(r);
  CHECK(w.transport->writes() == 0);
  // One record: denied, with the one request that resolved the name.
  REQUIRE(w.records->size() == records_before + 1);
  CHECK(w.records->back().outcome == "denied");
  CHECK(w.records->back().error == "protected_app");
}

}  // namespace

TEST_CASE("protected by id, named by name: refused after one request, audited denied") {
  World w;
  std::string const id = id_of(w, "chatops-bot");
  ops::Session s{w.client(), std::nullopt, "root", w.audit(), options(w, {id})};
  auto r = s.set_config("chatops-bot", {{"X", "bot-change-attempt-value-19ffe"}});
  check_refused(w, r, 0);
  CHECK(w.transport->count() == 1);
  CHECK(w.transport->count(Method::get, "/apps/chatops-bot") == 1);
  CHECK(w.records->back().request_ids.size() == 1);

  auto u = s.unset_config("chatops-bot", {"HUBOT_SLACK_TOKEN"});
  check_refused(w, u, 1);
  CHECK(w.transport->count() == 2);
  CHECK(w.config_of("chatops-bot").count("HUBOT_SLACK_TOKEN") == 1);
}

TEST_CASE("protected by name, named by id: the same") {
  World w;
  std::string const id = id_of(w, "chatops-bot");
  ops::Session s{w.client(), std::nullopt, "root", w.audit(), options(w, {"chatops-bot"})};
  check_refused(w, s.set_config(id, {{"X", "bot-change-attempt-value-19ffe"}}), 0);
  CHECK(w.transport->count() == 1);
}

TEST_CASE("protected as the program's own app by HEROKU_APP_ID") {
  World w;
  std::string const id = id_of(w, "quiet-app");
  setenv("HEROKU_APP_ID", id.c_str(), 1);
  ops::SessionOptions o = options(w, {});
  o.protect_own_app = true;
  ops::Session s{w.client(), std::nullopt, "root", w.audit(), o};
  unsetenv("HEROKU_APP_ID");
  check_refused(w, s.unset_config("quiet-app", {"QUIET_SETTING"}), 0);
  CHECK(w.transport->count() == 1);
}

TEST_CASE("named as protected: refused with no request at all") {
  World w;
  ops::Session s{w.client(), std::nullopt, "root", w.audit(), options(w, {"chatops-bot"})};
  check_refused(w, s.set_config("chatops-bot", {{"X", "bot-change-attempt-value-19ffe"}}), 0);
  CHECK(w.transport->count() == 0);
  CHECK(w.records->back().request_ids.empty());
}

TEST_CASE("an unprotected app named by name costs the same requests as before") {
  World w;
  std::string const bot = id_of(w, "chatops-bot");
  ops::Session s{w.client(), std::nullopt, "root", w.audit(), options(w, {bot})};
  auto r = s.set_config("shop-staging", {{"NEW_KEY", "set-by-test-value-2a9c41"}});
  REQUIRE(r);
  w.capture(r.value());
  // One App Info to resolve the name, then the GET and the PATCH.
  CHECK(w.transport->count() == 3);
  CHECK(w.transport->count(Method::get, "/apps/shop-staging") == 2);
  CHECK(w.records->back().outcome == "ok");
  CHECK(w.records->back().request_ids.size() == 3);
}
