#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {
std::string slug_of(World const& w, std::string const& app) {
  auto releases = ops::recent_releases(w.app_silent(app), 20);
  REQUIRE(releases);
  for (auto const& r : releases.value()) {
    if (r.current && r.slug) return r.slug->id;
  }
  return {};
}
}  // namespace

TEST_CASE("promote creates the promotion, waits for it and reports each target") {
  World w;
  std::string const slug = slug_of(w, "shop-staging");
  REQUIRE_FALSE(slug.empty());
  REQUIRE(slug_of(w, "shop-production") != slug);
  auto const start = w.clock->now();
  // No wait options: the wait takes the clock of the pipeline's Client.
  auto p = ops::promote(w.pipeline("shop"), "shop-staging", {"shop-production"});
  REQUIRE(p);
  CHECK(p->completed);
  CHECK(p->succeeded());
  CHECK(p->slug_id == slug);
  REQUIRE(p->targets.size() == 1);
  CHECK(p->targets[0].app == "shop-production");
  CHECK(p->targets[0].status == "succeeded");
  CHECK(p->targets[0].release_id);
  CHECK(slug_of(w, "shop-production") == slug);
  CHECK(w.clock->now() - start >= std::chrono::seconds(10));  // waited on the virtual clock
  CHECK(w.transport->count(Method::post, "/pipeline-promotions") == 1);

  // The same slug again: refused before anything is created.
  auto again =
      ops::promote(w.pipeline("shop"), "shop-staging", {"shop-production"}, w.promote_options());
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == ErrorKind::precondition_failed);
  CHECK(again.error().message.find("shop-production already runs") != std::string::npos);
  w.capture(again);
  CHECK(w.transport->count(Method::post, "/pipeline-promotions") == 1);
}

TEST_CASE("a failed target is reported with its message") {
  World w;
  w.platform->fail_next_release("shop-production", "Release command exited with status 1");
  auto p =
      ops::promote(w.pipeline("shop"), "shop-staging", {"shop-production"}, w.promote_options());
  REQUIRE(p);
  CHECK(p->completed);
  CHECK_FALSE(p->succeeded());
  REQUIRE(p->targets.size() == 1);
  CHECK(p->targets[0].status == "failed");
  REQUIRE(p->targets[0].error_message);
  CHECK(p->targets[0].error_message->find("status 1") != std::string::npos);
}

TEST_CASE("promote without waiting, and a wait that times out") {
  World w;
  ops::PromoteOptions no_wait;
  no_wait.wait.enabled = false;
  auto p = ops::promote(w.pipeline("shop"), "shop-staging", {"shop-production"}, no_wait);
  REQUIRE(p);
  CHECK_FALSE(p->completed);
  CHECK_FALSE(p->succeeded());
  REQUIRE(p->targets.size() == 1);
  CHECK(p->targets[0].status == "pending");

  World w2;
  ops::PromoteOptions short_wait = w2.promote_options();
  short_wait.wait.timeout = std::chrono::seconds(3);
  short_wait.wait.interval = std::chrono::seconds(1);
  auto late = ops::promote(w2.pipeline("shop"), "shop-staging", {"shop-production"}, short_wait);
  REQUIRE_FALSE(late);
  CHECK(late.error().kind == ErrorKind::timeout);
  w2.capture(late);
}

TEST_CASE("promote refuses what it cannot do") {
  World w;
  auto unknown = ops::promote(w.pipeline("shop"), "chatops-bot", {"shop-production"});
  CHECK(unknown.error().kind == ErrorKind::not_found);
  w.capture(unknown);
  CHECK(ops::promote(w.pipeline("shop"), "shop-staging", {}).error().kind ==
        ErrorKind::invalid_argument);
  CHECK(ops::promote(w.pipeline("shop"), "shop-staging", {"shop-staging"}).error().kind ==
        ErrorKind::invalid_argument);
  CHECK(ops::promote(w.pipeline("shop"), "", {"shop-production"}).error().kind ==
        ErrorKind::invalid_argument);
  auto no_pipeline = ops::promote(w.pipeline("nope"), "shop-staging", {"shop-production"});
  CHECK(no_pipeline.error().kind == ErrorKind::not_found);
  CHECK(w.transport->writes() == 0);
}
