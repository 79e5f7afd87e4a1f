// Fleet: masked config and status of many apps, and polling with ETags.
#include <herokupp/ops/fleet.hpp>

#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using opstest::World;

TEST_CASE("fleet masked config: input order, per-app results, fingerprints comparable") {
  World w;
  std::vector<std::string> apps = {"shop-production", "no-such-app", "shop-staging"};
  herokupp::FanOutOptions f;
  // One at a time: the World's log capture is not shared between threads
  // (fan_out's concurrency is tested on its own in the unit tests).
  f.in_flight = 1;
  std::vector<herokupp::FanOutProgress> progress;
  std::mutex m;
  f.on_progress = [&](herokupp::FanOutProgress const& p) {
    std::lock_guard<std::mutex> lock(m);
    progress.push_back(p);
  };
  auto configs = ops::fleet_masked_config(w.client(), apps, {}, f);
  REQUIRE(configs.size() == 3);
  REQUIRE(configs[0]);
  CHECK(configs[0]->app == "shop-production");
  REQUIRE_FALSE(configs[1]);
  CHECK(configs[1].error().kind == ErrorKind::not_found);
  REQUIRE(configs[2]);
  CHECK(configs[2]->app == "shop-staging");
  // No key given: one random key for the whole fleet, so the value both
  // apps share has one fingerprint, and different values differ.
  auto const* shared_a = configs[0]->find("SHARED_TOKEN");
  auto const* shared_b = configs[2]->find("SHARED_TOKEN");
  REQUIRE(shared_a);
  REQUIRE(shared_b);
  CHECK_FALSE(shared_a->fingerprint.empty());
  CHECK(shared_a->fingerprint == shared_b->fingerprint);
  CHECK(configs[0]->find("DATABASE_URL")->fingerprint !=
        configs[2]->find("DATABASE_URL")->fingerprint);
  for (auto const& c : configs)
    if (c) w.capture(c->to_string());
  REQUIRE(progress.size() == 3);
  CHECK(progress.back().done == 3);
  CHECK(progress.back().failed == 1);
}

TEST_CASE("fleet status: current release, dyno states and maintenance per app") {
  World w;
  REQUIRE(w.app("shop-staging").enable_maintenance());
  herokupp::FanOutOptions f;
  f.in_flight = 1;
  auto status = ops::fleet_status(w.client(), {"shop-staging", "shop-production", "nope"}, f);
  REQUIRE(status.size() == 3);
  REQUIRE(status[0]);
  CHECK(status[0]->app == "shop-staging");
  CHECK(status[0]->maintenance);
  REQUIRE(status[0]->release);
  CHECK(status[0]->release->current);
  CHECK(status[0]->dynos.size() == 3);  // web x2, worker x1
  REQUIRE(status[1]);
  CHECK_FALSE(status[1]->maintenance);
  REQUIRE(status[1]->release);
  CHECK(status[1]->to_string().find("shop-production v") == 0);
  REQUIRE_FALSE(status[2]);
  CHECK(status[2].error().kind == ErrorKind::not_found);
}

TEST_CASE("a cancelled fleet run starts nothing more") {
  World w;
  herokupp::Cancellation stop;
  stop.cancel();
  herokupp::FanOutOptions f;
  f.cancel = stop;
  auto configs = ops::fleet_masked_config(w.client(), {"shop-staging", "shop-production"}, {}, f);
  REQUIRE(configs.size() == 2);
  CHECK_FALSE(configs[0]);
  CHECK(configs[0].error().kind == ErrorKind::precondition_failed);
  CHECK(w.transport->count() == 0);
}

TEST_CASE("promote polls with If-None-Match even when the Client has no cache") {
  World w;
  auto p =
      ops::promote(w.pipeline("shop"), "shop-staging", {"shop-production"}, w.promote_options());
  REQUIRE(p);
  CHECK(p->completed);
  std::size_t polls = 0, conditional = 0;
  for (auto const& s : w.transport->seen()) {
    if (s.method != herokupp::Method::get || s.path.rfind("/pipeline-promotions/", 0) != 0)
      continue;
    if (s.path.find("/promotion-targets") != std::string::npos) continue;
    ++polls;
    if (s.headers.contains("If-None-Match")) ++conditional;
  }
  REQUIRE(polls >= 2);
  CHECK(conditional == polls - 1);  // every poll but the first
}
