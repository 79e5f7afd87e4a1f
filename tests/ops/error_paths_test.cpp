// What each action does when the API fails underneath it.
#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::RecordingTransport;
using opstest::World;

TEST_CASE("a failed write is reported and leaves the state as it was") {
  World w;
  std::int64_t const current = w.current_version("shop-staging");

  w.transport->fail_next(Method::post, "/apps/shop-staging/releases",
                         RecordingTransport::Fail::before);
  auto rolled = ops::rollback(w.app("shop-staging"), 5);
  REQUIRE_FALSE(rolled);
  CHECK(rolled.error().kind == ErrorKind::server);
  CHECK(w.current_version("shop-staging") == current);
  w.capture(rolled);

  w.transport->fail_next(Method::patch, "/apps/shop-staging/formation",
                         RecordingTransport::Fail::before);
  auto scaled = ops::scale(w.app("shop-staging"), "web=5");
  REQUIRE_FALSE(scaled);
  CHECK(scaled.error().kind == ErrorKind::server);
  auto web = w.app_silent("shop-staging").formation().info("web");
  REQUIRE(web);
  CHECK(web->quantity == 2);
  w.capture(scaled);

  // DELETE is idempotent: the Client retries it, so it must fail every time.
  for (int i = 0; i < 10; ++i) {
    w.transport->fail_next(Method::delete_, "/apps/shop-staging/formations/worker",
                           RecordingTransport::Fail::before);
  }
  auto restarted = ops::restart(w.app("shop-staging"), "worker");
  REQUIRE_FALSE(restarted);
  CHECK(restarted.error().kind == ErrorKind::server);
  w.capture(restarted);

  w.transport->fail_next(Method::patch, "/apps/shop-staging/config-vars",
                         RecordingTransport::Fail::before);
  auto unset = ops::unset_config(w.app("shop-staging"), {"FEATURE_X"});
  REQUIRE_FALSE(unset);
  CHECK(w.config_of("shop-staging").count("FEATURE_X") == 1);
  w.capture(unset);

  w.transport->fail_next(Method::post, "/pipeline-promotions", RecordingTransport::Fail::before);
  auto promoted =
      ops::promote(w.pipeline("shop"), "shop-staging", {"shop-production"}, w.promote_options());
  REQUIRE_FALSE(promoted);
  CHECK(promoted.error().kind == ErrorKind::server);
  w.capture(promoted);

  w.transport->fail_next(Method::post, "/apps/shop-staging/dynos",
                         RecordingTransport::Fail::before);
  auto ran = ops::run(w.app("shop-staging"), "rake db:migrate");
  REQUIRE_FALSE(ran);
  CHECK(ran.error().kind == ErrorKind::server);
  w.capture(ran);
}

TEST_CASE("reads that fail are retried by the Client, then reported") {
  World w;
  // One failure: the Client retries the GET and the action succeeds.
  w.transport->fail_next(Method::get, "/apps/shop-staging/config-vars",
                         RecordingTransport::Fail::before);
  auto masked = ops::masked_config(w.app("shop-staging"));
  REQUIRE(masked);
  w.capture(masked.value());
  // Failures beyond the retries: the Error comes back.
  for (int i = 0; i < 10; ++i) {
    w.transport->fail_next(Method::get, "/apps/shop-staging/dynos",
                           RecordingTransport::Fail::before);
  }
  auto summary = ops::dyno_summary(w.app("shop-staging"));
  REQUIRE_FALSE(summary);
  CHECK(summary.error().kind == ErrorKind::server);
  w.capture(summary);
  CHECK(ops::explain(summary.error()).find("status.heroku.com") != std::string::npos);
}

TEST_CASE("a one-off dyno whose log session cannot be opened is still reported") {
  World w;
  w.transport->fail_next(Method::post, "/apps/shop-staging/log-sessions",
                         RecordingTransport::Fail::before);
  auto ran = ops::run(w.app("shop-staging"), "rake db:migrate");
  REQUIRE(ran);
  CHECK(ran->log_url.empty());
  CHECK(ran->dyno.name.rfind("run.", 0) == 0);
}

TEST_CASE("a wait whose polling fails reports the Error") {
  World w;
  ops::OneOffOptions o;
  o.wait.enabled = true;
  for (int i = 0; i < 10; ++i) {
    w.transport->fail_next(Method::get, "/apps/shop-staging/dynos/run.1",
                           RecordingTransport::Fail::before);
  }
  auto ran = ops::run(w.app("shop-staging"), "rake db:migrate", o);
  REQUIRE_FALSE(ran);
  CHECK(ran.error().kind == ErrorKind::server);
  w.capture(ran);
}
