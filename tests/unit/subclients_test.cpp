// Every sub-client call, checked against MockTransport: method, path, headers, body.
#include <herokupp/herokupp.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/capture.hpp"

using herokupp::Client;
using herokupp::ErrorKind;
using herokupp::HttpRequest;
using herokupp::Method;
using herokupp::testing::MockTransport;
using nlohmann::json;
namespace test = herokupp::test;

namespace {

constexpr char const* app_body = R"({"id":"01234567-89ab-cdef-0123-456789abcdef","name":"my-app",
  "maintenance":false,"build_stack":{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"heroku-24"},
  "created_at":"2012-01-01T12:00:00Z","updated_at":"2012-01-01T12:00:00Z"})";
constexpr char const* release_body = R"({"id":"11111111-89ab-cdef-0123-456789abcdef","version":42,
  "description":"Deploy 1a2b3c4","status":"succeeded","current":true,
  "created_at":"2012-01-01T12:00:00Z","updated_at":"2012-01-01T12:00:00Z",
  "user":{"email":"dev@example.com","id":"01234567-89ab-cdef-0123-456789abcdef"}})";
constexpr char const* dyno_body = R"({"id":"22222222-89ab-cdef-0123-456789abcdef","name":"run.1",
  "command":"rake db:migrate","state":"starting","type":"run","size":"standard-1x",
  "created_at":"2012-01-01T12:00:00Z","updated_at":"2012-01-01T12:00:00Z"})";
constexpr char const* formation_body = R"({"id":"33333333-89ab-cdef-0123-456789abcdef",
  "type":"web","quantity":2,"size":"standard-1x","command":"bundle exec puma"})";
constexpr char const* pipeline_id = "44444444-89ab-cdef-0123-456789abcdef";
constexpr char const* staging_id = "55555555-89ab-cdef-0123-456789abcdef";
constexpr char const* production_id = "66666666-89ab-cdef-0123-456789abcdef";

struct Fixture {
  std::shared_ptr<MockTransport> mock = std::make_shared<MockTransport>();
  Client heroku{test::mock_options(mock)};

  HttpRequest last() const {
    auto all = mock->requests();
    REQUIRE_FALSE(all.empty());
    return all.back();
  }
  // Checks the last request's method, path and JSON body (null: no body).
  void check_last(Method method, std::string const& path, json const& body = nullptr) const {
    auto r = last();
    CHECK(r.method == method);
    CHECK(herokupp::testing::path_of(r.url) == path);
    CHECK(r.headers.get("Accept") == "application/vnd.heroku+json; version=3");
    CHECK(r.headers.get("Authorization") == std::string("Bearer ") + test::api_key);
    if (body.is_null()) {
      CHECK(r.body.empty());
      CHECK_FALSE(r.headers.contains("Content-Type"));
    } else {
      CHECK(r.headers.get("Content-Type") == "application/json");
      CHECK(json::parse(r.body) == body);
    }
    CHECK(mock->unexpected().empty());
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "AppClient: info, update, maintenance, destroy") {
  mock->on(Method::get, "/apps/my-app", MockTransport::json(200, app_body));
  mock->on(Method::patch, "/apps/my-app", MockTransport::json(200, app_body));
  mock->on(Method::delete_, "/apps/my-app", MockTransport::json(200, app_body));
  auto app = heroku.app("my-app");
  CHECK(app.identity() == "my-app");
  CHECK(mock->request_count() == 0);  // making a client sends nothing

  auto info = app.info();
  REQUIRE(info);
  CHECK(info->name == "my-app");
  CHECK(info->build_stack.name == "heroku-24");
  check_last(Method::get, "/apps/my-app");

  herokupp::api::app::UpdateParams rename;
  rename.name = "new-name";
  REQUIRE(app.update(rename));
  check_last(Method::patch, "/apps/my-app", {{"name", "new-name"}});
  REQUIRE(app.enable_maintenance());
  check_last(Method::patch, "/apps/my-app", {{"maintenance", true}});
  REQUIRE(app.disable_maintenance());
  check_last(Method::patch, "/apps/my-app", {{"maintenance", false}});
  REQUIRE(app.destroy());
  check_last(Method::delete_, "/apps/my-app");
}

TEST_CASE_FIXTURE(Fixture, "AppsClient: list and create") {
  mock->on(Method::get, "/apps", MockTransport::json(200, std::string("[") + app_body + "]"));
  mock->on(Method::post, "/apps", MockTransport::json(201, app_body));
  auto apps = heroku.apps().list().collect();
  REQUIRE(apps);
  REQUIRE(apps->size() == 1);
  check_last(Method::get, "/apps");
  herokupp::api::app::CreateParams create;
  create.name = "my-app";
  create.region = "eu";
  REQUIRE(heroku.apps().create(create));
  check_last(Method::post, "/apps", {{"name", "my-app"}, {"region", "eu"}});
}

TEST_CASE_FIXTURE(Fixture, "AppDynosClient: list, info, run, restart and stop") {
  auto dynos = heroku.app("my-app").dynos();
  mock->on(Method::get, "/apps/my-app/dynos",
           MockTransport::json(200, std::string("[") + dyno_body + "]"));
  mock->on(Method::get, "/apps/my-app/dynos/web.1", MockTransport::json(200, dyno_body));
  mock->on(Method::post, "/apps/my-app/dynos", MockTransport::json(201, dyno_body));
  mock->on(Method::delete_, "/apps/my-app/dynos/web.2", MockTransport::json(202, "{}"));
  mock->on(Method::delete_, "/apps/my-app/formations/worker", MockTransport::json(202, "{}"));
  mock->on(Method::delete_, "/apps/my-app/dynos", MockTransport::json(202, "{}"));
  mock->on(Method::post, "/apps/my-app/dynos/web.2/actions/stop", MockTransport::json(202, "{}"));
  mock->on(Method::post, "/apps/my-app/formations/worker/actions/stop",
           MockTransport::json(202, "{}"));

  auto listed = dynos.list().collect();
  REQUIRE(listed);
  CHECK(listed->at(0).name == "run.1");
  check_last(Method::get, "/apps/my-app/dynos");
  REQUIRE(dynos.info("web.1"));
  check_last(Method::get, "/apps/my-app/dynos/web.1");

  herokupp::RunOptions run;
  run.command = "rake db:migrate";
  run.size = "standard-1x";
  run.env = {{"RAILS_ENV", "production"}};
  run.time_to_live = 600;
  auto started = dynos.run(run);
  REQUIRE(started);
  CHECK(started->command == "rake db:migrate");
  check_last(Method::post, "/apps/my-app/dynos",
             {{"command", "rake db:migrate"},
              {"attach", false},
              {"size", "standard-1x"},
              {"env", {{"RAILS_ENV", "production"}}},
              {"time_to_live", 600}});

  REQUIRE(dynos.restart("web.2"));
  check_last(Method::delete_, "/apps/my-app/dynos/web.2");
  REQUIRE(dynos.restart_type("worker"));
  check_last(Method::delete_, "/apps/my-app/formations/worker");
  REQUIRE(dynos.restart_all());
  check_last(Method::delete_, "/apps/my-app/dynos");
  REQUIRE(dynos.stop("web.2"));
  check_last(Method::post, "/apps/my-app/dynos/web.2/actions/stop");
  REQUIRE(dynos.stop_type("worker"));
  check_last(Method::post, "/apps/my-app/formations/worker/actions/stop");

  herokupp::RunOptions empty;
  auto refused = dynos.run(empty);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::invalid_argument);
}

TEST_CASE_FIXTURE(Fixture, "AppReleasesClient: list, info by id and version, rollback, create") {
  auto releases = heroku.app("my-app").releases();
  mock->on(Method::get, "/apps/my-app/releases",
           MockTransport::json(200, std::string("[") + release_body + "]"));
  mock->on(Method::get, "/apps/my-app/releases/42", MockTransport::json(200, release_body));
  mock->on(Method::get, "/apps/my-app/releases/11111111-89ab-cdef-0123-456789abcdef",
           MockTransport::json(200, release_body));
  mock->on(Method::post, "/apps/my-app/releases", MockTransport::json(201, release_body));

  herokupp::ListOptions newest;
  newest.max = 10;
  newest.order = herokupp::Order::descending;
  newest.sort_field = "version";
  auto listed = releases.list(newest).take(1);
  REQUIRE(listed);
  CHECK(listed->at(0).version == 42);
  check_last(Method::get, "/apps/my-app/releases");
  CHECK(last().headers.get("Range") == "version ..; max=10, order=desc");

  auto v42 = releases.info(42);
  REQUIRE(v42);
  CHECK(v42->status == herokupp::Release::Status::succeeded);
  CHECK(v42->user.email == "dev@example.com");
  check_last(Method::get, "/apps/my-app/releases/42");
  REQUIRE(releases.info("11111111-89ab-cdef-0123-456789abcdef"));
  check_last(Method::get, "/apps/my-app/releases/11111111-89ab-cdef-0123-456789abcdef");
  CHECK(releases.info(0).error().kind == ErrorKind::invalid_argument);

  REQUIRE(releases.rollback("11111111-89ab-cdef-0123-456789abcdef"));
  check_last(Method::post, "/apps/my-app/releases",
             {{"release", "11111111-89ab-cdef-0123-456789abcdef"}});
  REQUIRE(releases.create("slug-id", std::string("Deploy 1a2b3c4")));
  check_last(Method::post, "/apps/my-app/releases",
             {{"slug", "slug-id"}, {"description", "Deploy 1a2b3c4"}});
}

TEST_CASE_FIXTURE(Fixture, "AppConfigVarsClient: get, update with unset, config of a release") {
  auto config = heroku.app("my-app").config_vars();
  mock->on(Method::get, "/apps/my-app/config-vars",
           MockTransport::json(200, R"({"A":"1","B":"2"})"));
  mock->on(Method::patch, "/apps/my-app/config-vars", MockTransport::json(200, R"({"A":"3"})"));
  mock->on(Method::get, "/apps/my-app/releases/7/config-vars",
           MockTransport::json(200, R"({"A":"0"})"));
  auto got = config.get();
  REQUIRE(got);
  CHECK(got->at("B") == "2");
  check_last(Method::get, "/apps/my-app/config-vars");
  auto updated = config.update({{"A", "3"}, {"B", std::nullopt}});
  REQUIRE(updated);
  CHECK(updated->size() == 1);
  check_last(Method::patch, "/apps/my-app/config-vars", {{"A", "3"}, {"B", nullptr}});
  CHECK(mock->request_count() == 2);  // one PATCH for sets and unsets together
  REQUIRE(config.for_release("7"));
  check_last(Method::get, "/apps/my-app/releases/7/config-vars");
  CHECK(config.update({}).error().kind == ErrorKind::invalid_argument);
}

TEST_CASE_FIXTURE(Fixture, "AppFormationClient: list, info, scale, batch update") {
  auto formation = heroku.app("my-app").formation();
  mock->on(Method::get, "/apps/my-app/formation",
           MockTransport::json(200, std::string("[") + formation_body + "]"));
  mock->on(Method::get, "/apps/my-app/formation/web", MockTransport::json(200, formation_body));
  mock->on(Method::patch, "/apps/my-app/formation/web", MockTransport::json(200, formation_body));
  mock->on(Method::patch, "/apps/my-app/formation",
           MockTransport::json(200, std::string("[") + formation_body + "]"));
  REQUIRE(formation.list().collect());
  check_last(Method::get, "/apps/my-app/formation");
  auto web = formation.info("web");
  REQUIRE(web);
  CHECK(web->quantity == 2);
  check_last(Method::get, "/apps/my-app/formation/web");
  REQUIRE(formation.scale("web", 2, std::string("standard-1x")));
  check_last(Method::patch, "/apps/my-app/formation/web",
             {{"quantity", 2}, {"dyno_size", {{"name", "standard-1x"}}}});
  REQUIRE(formation.scale("web", 3));
  check_last(Method::patch, "/apps/my-app/formation/web", {{"quantity", 3}});
  auto batch =
      formation.batch_update({{"web", 2, std::nullopt}, {"worker", std::nullopt, "performance-m"}});
  REQUIRE(batch);
  check_last(Method::patch, "/apps/my-app/formation",
             {{"updates",
               json::array({{{"type", "web"}, {"quantity", 2}},
                            {{"type", "worker"}, {"dyno_size", {{"name", "performance-m"}}}}})}});
  auto before = mock->request_count();
  CHECK(formation.scale("web", std::nullopt).error().kind == ErrorKind::invalid_argument);
  CHECK(formation.scale("web", -1).error().kind == ErrorKind::invalid_argument);
  CHECK(formation.batch_update({}).error().kind == ErrorKind::invalid_argument);
  CHECK(mock->request_count() == before);
}

TEST_CASE_FIXTURE(Fixture,
                  "AppBuildsClient, AppLogSessionsClient, AppFeaturesClient, AppWebhooksClient") {
  auto app = heroku.app("my-app");
  constexpr char const* build = R"({"id":"77777777-89ab-cdef-0123-456789abcdef","status":"pending",
    "source_blob":{"url":"https://example.com/src.tgz","version":"1a2b3c4"}})";
  mock->on(Method::post, "/apps/my-app/builds", MockTransport::json(201, build));
  mock->on(Method::get, "/apps/my-app/builds",
           MockTransport::json(200, std::string("[") + build + "]"));
  mock->on(Method::get, "/apps/my-app/builds/b1", MockTransport::json(200, build));
  auto created = app.builds().create({"https://example.com/src.tgz", "1a2b3c4", std::nullopt});
  REQUIRE(created);
  CHECK(created->status == herokupp::Build::Status::pending);
  check_last(Method::post, "/apps/my-app/builds",
             {{"source_blob", {{"url", "https://example.com/src.tgz"}, {"version", "1a2b3c4"}}}});
  REQUIRE(app.builds().list().collect());
  check_last(Method::get, "/apps/my-app/builds");
  REQUIRE(app.builds().info("b1"));
  check_last(Method::get, "/apps/my-app/builds/b1");

  mock->on(Method::post, "/apps/my-app/log-sessions",
           MockTransport::json(201, R"({"id":"s","logplex_url":"https://logs.example/s"})"));
  herokupp::LogSessionOptions logs;
  logs.dyno = "run.1";
  logs.tail = true;
  logs.lines = 100;
  logs.source = "app";
  auto session = app.log_sessions().create(logs);
  REQUIRE(session);
  CHECK(session->logplex_url == "https://logs.example/s");
  check_last(Method::post, "/apps/my-app/log-sessions",
             {{"dyno_name", "run.1"}, {"tail", true}, {"lines", 100}, {"source", "app"}});

  constexpr char const* feature = R"({"name":"preboot","enabled":true})";
  mock->on(Method::get, "/apps/my-app/features",
           MockTransport::json(200, std::string("[") + feature + "]"));
  mock->on(Method::get, "/apps/my-app/features/preboot", MockTransport::json(200, feature));
  mock->on(Method::patch, "/apps/my-app/features/preboot", MockTransport::json(200, feature));
  REQUIRE(app.features().list().collect());
  check_last(Method::get, "/apps/my-app/features");
  REQUIRE(app.features().info("preboot"));
  check_last(Method::get, "/apps/my-app/features/preboot");
  REQUIRE(app.features().enable("preboot"));
  check_last(Method::patch, "/apps/my-app/features/preboot", {{"enabled", true}});
  REQUIRE(app.features().disable("preboot"));
  check_last(Method::patch, "/apps/my-app/features/preboot", {{"enabled", false}});

  constexpr char const* hook =
      R"({"id":"h1","url":"https://hooks.example/x","level":"notify","include":["api:release"]})";
  mock->on(Method::get, "/apps/my-app/webhooks",
           MockTransport::json(200, std::string("[") + hook + "]"));
  mock->on(Method::post, "/apps/my-app/webhooks", MockTransport::json(201, hook));
  mock->on(Method::delete_, "/apps/my-app/webhooks/h1", MockTransport::json(200, hook));
  REQUIRE(app.webhooks().list().collect());
  check_last(Method::get, "/apps/my-app/webhooks");
  herokupp::api::app_webhook::CreateParams create;
  create.url = "https://hooks.example/x";
  create.include = {"api:release"};
  create.level = herokupp::api::app_webhook::CreateParams::Level::notify;
  REQUIRE(app.webhooks().create(create));
  check_last(
      Method::post, "/apps/my-app/webhooks",
      {{"url", "https://hooks.example/x"}, {"include", {"api:release"}}, {"level", "notify"}});
  REQUIRE(app.webhooks().destroy("h1"));
  check_last(Method::delete_, "/apps/my-app/webhooks/h1");
}

TEST_CASE_FIXTURE(Fixture, "PipelineClient: info, couplings, latest, promote, promotion, targets") {
  std::string pipeline = std::string(R"({"id":")") + pipeline_id + R"(","name":"shop"})";
  mock->on(Method::get, "/pipelines/shop", MockTransport::json(200, pipeline));
  mock->on(Method::get, std::string("/pipelines/") + pipeline_id + "/pipeline-couplings",
           MockTransport::json(200, R"([{"id":"c1","stage":"staging","app":{"id":"a"}}])"));
  mock->on(Method::get, std::string("/pipelines/") + pipeline_id + "/latest-releases",
           MockTransport::json(200, "[]"));
  mock->on(Method::get, std::string("/pipelines/") + pipeline_id + "/latest-deployments",
           MockTransport::json(200, "[]"));
  mock->on(Method::get, "/apps/shop-staging",
           MockTransport::json(
               200, std::string(R"({"id":")") + staging_id + R"(","name":"shop-staging"})"));
  mock->on(Method::get, "/apps/shop-production",
           MockTransport::json(
               200, std::string(R"({"id":")") + production_id + R"(","name":"shop-production"})"));
  mock->on(Method::post, "/pipeline-promotions",
           MockTransport::json(201, R"({"id":"p1","status":"pending"})"));
  mock->on(Method::get, "/pipeline-promotions/p1",
           MockTransport::json(200, R"({"id":"p1","status":"completed"})"));
  mock->on(Method::get, "/pipeline-promotions/p1/promotion-targets",
           MockTransport::json(200, R"([{"id":"t1","status":"succeeded"}])"));

  auto shop = heroku.pipeline("shop");
  REQUIRE(shop.info());
  check_last(Method::get, "/pipelines/shop");
  auto couplings = shop.couplings().list().collect();
  REQUIRE(couplings);
  CHECK(couplings->at(0).stage == herokupp::PipelineCoupling::Stage::staging);
  check_last(Method::get, std::string("/pipelines/") + pipeline_id + "/pipeline-couplings");
  REQUIRE(shop.releases().list().collect());
  check_last(Method::get, std::string("/pipelines/") + pipeline_id + "/latest-releases");
  REQUIRE(shop.deployments().list().collect());
  check_last(Method::get, std::string("/pipelines/") + pipeline_id + "/latest-deployments");

  auto promotion = shop.promotions().create("shop-staging", {"shop-production"});
  REQUIRE(promotion);
  check_last(Method::post, "/pipeline-promotions",
             {{"pipeline", {{"id", pipeline_id}}},
              {"source", {{"app", {{"id", staging_id}}}}},
              {"targets", json::array({{{"app", {{"id", production_id}}}}})}});
  REQUIRE(shop.promotions().info("p1"));
  check_last(Method::get, "/pipeline-promotions/p1");
  auto targets = shop.promotions().targets("p1").collect();
  REQUIRE(targets);
  CHECK(targets->at(0).status == herokupp::PipelinePromotionTarget::Status::succeeded);
  check_last(Method::get, "/pipeline-promotions/p1/promotion-targets");

  auto by_id = heroku.pipeline(pipeline_id);  // an id needs no lookup
  auto before = mock->request_count();
  REQUIRE(by_id.releases().list().collect());
  CHECK(mock->request_count() == before + 1);

  CHECK(shop.promotions().create("shop-staging", {}).error().kind == ErrorKind::invalid_argument);
  CHECK(shop.promotions().create("shop-staging", {"shop-staging"}).error().kind ==
        ErrorKind::invalid_argument);
}

TEST_CASE_FIXTURE(Fixture, "PipelinesClient and AccountClient") {
  mock->on(Method::get, "/pipelines", MockTransport::json(200, R"([{"id":"p","name":"shop"}])"));
  mock->on(Method::post, "/pipelines", MockTransport::json(201, R"({"id":"p","name":"shop"})"));
  mock->on(Method::get, "/account",
           MockTransport::json(200, R"({"email":"dev@example.com","id":"u"})"));
  mock->on(Method::get, "/account/rate-limits", MockTransport::json(200, R"({"remaining":4321})"));
  REQUIRE(heroku.pipelines().list().collect());
  check_last(Method::get, "/pipelines");
  herokupp::api::pipeline::CreateParams create;
  create.name = "shop";
  REQUIRE(heroku.pipelines().create(create));
  check_last(Method::post, "/pipelines", {{"name", "shop"}});
  auto me = heroku.account().info();
  REQUIRE(me);
  CHECK(me->email == "dev@example.com");
  check_last(Method::get, "/account");
  auto limits = heroku.account().rate_limits();
  REQUIRE(limits);
  CHECK(limits->remaining == 4321);
  check_last(Method::get, "/account/rate-limits");
}

TEST_CASE_FIXTURE(Fixture, "path parameters are percent-encoded") {
  mock->on(Method::get, "/apps/my%20app%3F", MockTransport::json(200, app_body));
  mock->on(Method::get, "/apps/a%40b.example/releases/7", MockTransport::json(200, release_body));
  REQUIRE(heroku.app("my app?").info());
  REQUIRE(heroku.app("a@b.example").releases().info(7));
  CHECK(mock->unexpected().empty());
}

TEST_CASE_FIXTURE(Fixture, "bad identifiers are refused before any I/O, naming the argument") {
  std::string const too_long(300, 'a');
  for (std::string const& bad :
       {std::string(), std::string("../account"), std::string("a\r\nb"), too_long}) {
    CAPTURE(bad.size());
    auto info = heroku.app(bad).info();
    REQUIRE_FALSE(info);
    CHECK(info.error().kind == ErrorKind::invalid_argument);
    CHECK(info.error().message.find("app_identity") != std::string::npos);
    test::capture(info.error());

    auto dyno = heroku.app("my-app").dynos().restart(bad);
    REQUIRE_FALSE(dyno);
    CHECK(dyno.error().kind == ErrorKind::invalid_argument);
    CHECK(dyno.error().message.find("dyno_identity") != std::string::npos);

    auto listed = heroku.app(bad).releases().list().collect();
    REQUIRE_FALSE(listed);
    CHECK(listed.error().kind == ErrorKind::invalid_argument);
  }
  CHECK(mock->request_count() == 0);
}

TEST_CASE_FIXTURE(Fixture, "paging over HTTP: three pages via Next-Range, take(n) stops early") {
  auto page = [](int first, char const* next) {
    std::string body = "[";
    for (int v = first; v < first + 2; ++v) {
      if (v != first) body += ",";
      body += R"({"id":"r)" + std::to_string(v) + R"(","version":)" + std::to_string(v) + "}";
    }
    body += "]";
    herokupp::Headers h;
    if (next != nullptr) h.set("Next-Range", next);
    return MockTransport::json(next != nullptr ? 206 : 200, body, h);
  };
  mock->on(Method::get, "/apps/my-app/releases",
           [&](HttpRequest const& r) -> herokupp::result<herokupp::HttpResponse> {
             auto range = std::string(r.headers.get("Range").value_or(""));
             if (range == "version ..; max=2") return page(1, "version ]2..; max=2");
             if (range == "version ]2..; max=2") return page(3, "version ]4..; max=2");
             if (range == "version ]4..; max=2") return page(5, nullptr);
             return MockTransport::json(
                 416, R"({"id":"requested_range_not_satisfiable","message":"bad"})");
           });
  herokupp::ListOptions by_version;
  by_version.max = 2;
  by_version.sort_field = "version";
  auto all = heroku.app("my-app").releases().list(by_version).collect();
  REQUIRE(all);
  REQUIRE(all->size() == 6);
  CHECK(all->back().version == 6);
  CHECK(mock->request_count() == 3);

  mock->reset();
  mock->on(Method::get, "/apps/my-app/releases", page(1, "version ]2..; max=2"));
  auto first = heroku.app("my-app").releases().list(by_version).take(2);
  REQUIRE(first);
  CHECK(first->size() == 2);
  CHECK(mock->request_count() == 1);
}

TEST_CASE_FIXTURE(Fixture, "decode failures name the field path and keep the status") {
  mock->on(Method::get, "/apps/my-app/releases/1",
           MockTransport::json(200, R"({"version":1,"user":{"email":42}})"));
  mock->on(Method::get, "/apps/my-app/releases/2", MockTransport::json(200, "{not json"));
  mock->on(Method::get, "/apps/my-app/releases/3", MockTransport::json(200, ""));
  mock->on(Method::get, "/apps/my-app/releases/4",
           MockTransport::json(200, R"({"version":"four","unknown_field":{"x":1}})"));
  auto releases = heroku.app("my-app").releases();
  auto wrong = releases.info(1);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().kind == ErrorKind::decode);
  CHECK(wrong.error().message.find("release.user.email") != std::string::npos);
  CHECK(wrong.error().http_status == 200);
  CHECK(releases.info(2).error().kind == ErrorKind::decode);
  CHECK(releases.info(3).error().kind == ErrorKind::decode);
  CHECK(releases.info(4).error().message.find("release.version") != std::string::npos);
  test::capture(wrong.error());
}

TEST_CASE_FIXTURE(Fixture, "an HTML error page from the API becomes a useful Error") {
  mock->on(Method::get, "/apps/my-app",
           MockTransport::json(503, "<html><body><h1>Application Error</h1></body></html>"));
  auto opts = test::mock_options(mock);
  opts.retry.max_attempts = 1;
  Client once(opts);
  auto r = once.app("my-app").info();
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::server);
  CHECK(r.error().http_status == 503);
  CHECK(r.error().message.find("Application Error") != std::string::npos);
  CHECK(r.error().request == "GET /apps/my-app");
  test::capture(r.error());
}
