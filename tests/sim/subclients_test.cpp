// Every sub-client call of the core SDK against herokupp::sim::Server, over
// real loopback sockets through CurlTransport.
#include <doctest/doctest.h>

#include "sim_fixture.hpp"

#include <herokupp/herokupp.hpp>
#include <herokupp/sim/server.hpp>

#include <set>

using herokupp::ErrorKind;
using herokupp::sim::FaultKind;
using namespace std::chrono_literals;

namespace {

struct Fleet {
  std::shared_ptr<herokupp::sim::VirtualClock> clock =
      std::make_shared<herokupp::sim::VirtualClock>();
  std::unique_ptr<herokupp::sim::Platform> platform;
  std::unique_ptr<herokupp::sim::Server> server;
  std::unique_ptr<herokupp::Client> heroku;

  Fleet() {
    herokupp::sim::PlatformOptions opts;
    opts.clock = clock;
    platform = std::make_unique<herokupp::sim::Platform>(opts);
    REQUIRE(platform->load_seed_file(simtest::fleet_seed_path()));
    server = std::make_unique<herokupp::sim::Server>(*platform);
    auto options = simtest::client_options(platform->default_api_key(), clock);
    options.base_url = server->base_url();  // the default CurlTransport
    heroku = std::make_unique<herokupp::Client>(options);
  }
};

template <class T>
std::vector<T> all(herokupp::Paged<T> paged) {
  auto items = paged.collect();
  REQUIRE(items);
  return std::move(items).value();
}

}  // namespace

TEST_CASE("AccountClient, AppsClient and AppClient") {
  Fleet f;
  auto& heroku = *f.heroku;
  CHECK(heroku.account().info().value().email == "ops@example.com");
  auto limits = heroku.account().rate_limits();
  REQUIRE(limits);
  CHECK(limits->remaining > 4000);

  std::set<std::string> names;
  for (auto const& app : all(heroku.apps().list()))
    names.insert(app.name);
  CHECK(names == std::set<std::string>{"shop-staging", "shop-production", "shop-worker"});

  herokupp::api::app::CreateParams create;
  create.name = "client-app";
  create.region = "eu";
  auto created = heroku.apps().create(create);
  REQUIRE(created);
  CHECK(created->region.name == "eu");

  auto app = heroku.app("client-app");
  CHECK(app.info().value().id == created->id);
  CHECK(app.enable_maintenance().value().maintenance);
  CHECK(app.info().value().maintenance);
  CHECK_FALSE(app.disable_maintenance().value().maintenance);
  herokupp::api::app::UpdateParams rename;
  rename.name = "client-app-2";
  CHECK(app.update(rename).value().name == "client-app-2");
  CHECK(heroku.app("client-app-2").destroy().value().name == "client-app-2");
  auto gone = heroku.app("client-app-2").info();
  REQUIRE_FALSE(gone);
  CHECK(gone.error().kind == ErrorKind::not_found);
  auto forbidden = heroku.app("legacy-billing").info();
  REQUIRE_FALSE(forbidden);
  CHECK(forbidden.error().kind == ErrorKind::forbidden);
}

TEST_CASE("AppReleasesClient and AppConfigVarsClient: paging, rollback, per-release config") {
  Fleet f;
  auto app = f.heroku->app("shop-staging");
  herokupp::ListOptions pages;
  pages.max = 5;
  pages.sort_field = "version";
  auto paged = app.releases().list(pages);
  auto releases = paged.collect().value();
  CHECK(releases.size() > 30);
  CHECK(paged.pages_fetched() >= releases.size() / 5);
  for (std::size_t i = 0; i < releases.size(); ++i)
    CHECK(releases[i].version == i + 1);

  herokupp::ListOptions newest;
  newest.max = 3;
  newest.order = herokupp::Order::descending;
  newest.sort_field = "version";
  auto three = app.releases().list(newest).take(3).value();
  CHECK(three.front().version == static_cast<std::int64_t>(releases.size()));
  CHECK(three.front().current);

  CHECK(app.releases().info(std::int64_t{5}).value().version == 5);
  CHECK(app.releases().info("5").value().version == 5);
  auto v10 = app.releases().info(std::int64_t{10}).value();
  auto rolled = app.releases().rollback(v10.id);
  REQUIRE(rolled);
  CHECK(rolled->description == "Rollback to v10");
  CHECK(rolled->current);
  auto missing = app.releases().rollback("01234567-89ab-cdef-0123-456789abcdef");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);

  auto config = app.config_vars().get().value();
  CHECK(config.at("RAILS_ENV") == "staging");
  auto updated = app.config_vars().update({{"NEW_FLAG", "on"}, {"RAILS_ENV", std::nullopt}});
  REQUIRE(updated);
  CHECK(updated->count("RAILS_ENV") == 0);
  CHECK(updated->at("NEW_FLAG") == "on");
  auto latest = app.releases().list(newest).take(1).value().front();
  CHECK(latest.description == "Update NEW_FLAG, RAILS_ENV config vars");
  CHECK(app.config_vars()
            .for_release(std::to_string(latest.version - 1))
            .value()
            .count("RAILS_ENV") == 1);
}

TEST_CASE(
    "AppBuildsClient, AppReleasesClient::create, AppFormationClient, AppDynosClient, "
    "AppLogSessionsClient") {
  Fleet f;
  auto app = f.heroku->app("shop-worker");
  auto build = app.builds().create({"https://example.com/src.tgz", "feedface1234", std::nullopt});
  REQUIRE(build);
  CHECK(build->status.raw == "pending");
  f.clock->advance(30s);
  auto done = app.builds().info(build->id).value();
  CHECK(done.status.raw == "succeeded");
  REQUIRE(done.slug);
  REQUIRE(done.release);
  CHECK(app.releases().info(done.release->id).value().description == "Deploy feedfac");
  CHECK(all(app.builds().list()).size() == 1);
  auto redeploy = app.releases().create(done.slug->id, std::string("Redeploy feedfac"));
  REQUIRE(redeploy);
  CHECK(redeploy->description == "Redeploy feedfac");

  CHECK(all(app.formation().list()).size() == 1);
  CHECK(app.formation().info("worker").value().quantity == 3);
  auto scaled = app.formation().scale("worker", 5, std::string("standard-2x"));
  REQUIRE(scaled);
  CHECK(scaled->quantity == 5);
  CHECK(scaled->size == "Standard-2X");
  CHECK(all(app.dynos().list()).size() == 5);
  auto batch = app.formation().batch_update({{"worker", 2, std::nullopt}});
  REQUIRE(batch);
  CHECK(batch->front().quantity == 2);
  std::set<std::string> dynos;
  for (auto const& d : all(app.dynos().list()))
    dynos.insert(d.name);
  CHECK(dynos == std::set<std::string>{"worker.1", "worker.2"});

  f.clock->advance(10s);
  auto before = app.dynos().info("worker.1").value();
  CHECK(before.state == "up");
  f.clock->advance(1min);
  CHECK(app.dynos().restart("worker.1"));
  auto after = app.dynos().info("worker.1").value();
  CHECK(after.state == "starting");
  CHECK(after.updated_at > before.updated_at);
  CHECK(app.dynos().restart_type("worker"));
  CHECK(app.dynos().restart_all());
  CHECK(app.dynos().stop("worker.2"));
  CHECK(app.dynos().stop_type("worker"));

  herokupp::RunOptions run;
  run.command = "bin/rake db:migrate";
  run.time_to_live = 120;
  auto one_off = app.dynos().run(run);
  REQUIRE(one_off);
  CHECK(one_off->name == "run.1");
  f.clock->advance(61s);
  auto ended = app.dynos().info("run.1");
  REQUIRE_FALSE(ended);
  CHECK(ended.error().kind == ErrorKind::not_found);

  herokupp::LogSessionOptions logs;
  logs.lines = 50;
  auto session = app.log_sessions().create(logs);
  REQUIRE(session);
  CHECK(session->logplex_url.rfind(f.server->base_url(), 0) == 0);
}

TEST_CASE("AppFeaturesClient and AppWebhooksClient") {
  Fleet f;
  auto app = f.heroku->app("shop-production");
  CHECK(all(app.features().list()).size() >= 3);
  CHECK(app.features().info("preboot").value().enabled);
  CHECK_FALSE(app.features().disable("preboot").value().enabled);
  CHECK(app.features().enable("preboot").value().enabled);

  auto hooks = all(app.webhooks().list());
  REQUIRE(hooks.size() == 1);
  herokupp::api::app_webhook::CreateParams params;
  params.url = "https://example.com/deploys";
  params.include = {"api:release"};
  params.level.raw = "notify";
  auto hook = app.webhooks().create(params);
  REQUIRE(hook);
  CHECK(all(app.webhooks().list()).size() == 2);
  CHECK(app.webhooks().destroy(hook->id).value().id == hook->id);
  CHECK(all(app.webhooks().list()).size() == 1);
}

TEST_CASE("PipelinesClient and PipelineClient: promotion to completion") {
  Fleet f;
  auto& heroku = *f.heroku;
  auto pipelines = all(heroku.pipelines().list());
  REQUIRE(pipelines.size() == 1);
  herokupp::api::pipeline::CreateParams create;
  create.name = "another-pipeline";
  CHECK(heroku.pipelines().create(create).value().name == "another-pipeline");

  auto shop = heroku.pipeline("shop");
  CHECK(shop.info().value().id == pipelines.front().id);
  std::set<std::string> stages;
  for (auto const& c : all(shop.couplings().list()))
    stages.insert(c.stage.raw);
  CHECK(stages == std::set<std::string>{"staging", "production"});
  CHECK(all(shop.releases().list()).size() == 2);
  CHECK(all(shop.deployments().list()).size() == 2);

  auto promotion = shop.promotions().create("shop-staging", {"shop-production"});
  REQUIRE(promotion);
  CHECK(promotion->status.raw == "pending");
  auto targets = all(shop.promotions().targets(promotion->id));
  REQUIRE(targets.size() == 1);
  CHECK(targets.front().status.raw == "pending");
  f.clock->advance(10s);
  CHECK(shop.promotions().info(promotion->id).value().status.raw == "completed");
  targets = all(shop.promotions().targets(promotion->id));
  CHECK(targets.front().status.raw == "succeeded");
  REQUIRE(targets.front().release);
  auto release = heroku.app("shop-production").releases().info(targets.front().release->id).value();
  CHECK(release.description.rfind("Promote shop-staging v", 0) == 0);
  CHECK(release.current);

  f.platform->fail_next_release("shop-production", "release phase failed");
  auto failing = shop.promotions().create("shop-staging", {"shop-production"});
  REQUIRE(failing);
  f.clock->advance(10s);
  targets = all(shop.promotions().targets(failing->id));
  CHECK(targets.front().status.raw == "failed");
  CHECK(targets.front().error_message == "release phase failed");
}

TEST_CASE("sub-clients under faults: malformed JSON is a decode Error, a POST is sent once") {
  Fleet f;
  auto app = f.heroku->app("shop-staging");
  f.platform->inject(FaultKind::malformed_json, 1, "/apps/shop-staging");
  auto info = app.info();
  REQUIRE_FALSE(info);
  CHECK(info.error().kind == ErrorKind::decode);

  f.platform->inject(FaultKind::error_503, 1, "/apps/shop-staging/builds");
  auto build = app.builds().create({"https://example.com/src.tgz", "0123456", std::nullopt});
  REQUIRE_FALSE(build);
  CHECK(build.error().kind == ErrorKind::server);
  CHECK(f.platform->request_count(herokupp::Method::post, "/apps/shop-staging/builds") == 1);

  f.platform->inject(FaultKind::reset, 1, "/apps/shop-staging/releases");
  CHECK(app.releases().info(std::int64_t{3}));  // a GET, retried
  CHECK(f.platform->request_count(herokupp::Method::get, "/apps/shop-staging/releases/3") == 2);
}
