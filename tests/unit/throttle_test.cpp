// Throttle strategies: the gem's baseline as described, and ReservePacing.
#include <herokupp/client.hpp>
#include <herokupp/exponential_increase_proportional_remaining_decrease.hpp>
#include <herokupp/pacing.hpp>
#include <herokupp/reserve_pacing.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

using herokupp::Method;
using herokupp::testing::MockTransport;
namespace test = herokupp::test;

TEST_CASE("the gem's strategy follows its published arithmetic") {
  herokupp::ExponentialIncreaseProportionalRemainingDecrease gem(0, 7);
  CHECK(gem.before_request().count() == 0);
  // 429: s += 0.8, pause s + jitter in [0, 0.1 s], then s *= 1.2.
  double pause = gem.after_response(429, 0L).count();
  CHECK(pause >= 0.8);
  CHECK(pause <= 0.88 + 1e-9);
  CHECK(gem.sleep_for() == doctest::Approx(0.96));
  pause = gem.after_response(429, 0L).count();
  CHECK(pause >= 1.76);
  CHECK(pause <= 1.76 * 1.1 + 1e-9);
  CHECK(gem.sleep_for() == doctest::Approx(1.76 * 1.2));
  // success: s -= s * remaining / 4500
  double const s = gem.sleep_for();
  CHECK(gem.after_response(200, 2250L).count() == 0);
  CHECK(gem.sleep_for() == doctest::Approx(s / 2));
  double const before = gem.before_request().count();
  CHECK(before >= s / 2);
  CHECK(before <= s / 2 * 1.1 + 1e-9);
  gem.after_response(200, 9000L);  // floored at 0
  CHECK(gem.sleep_for() == 0);
}

TEST_CASE("ReservePacing: no pause above the reserve, at most 10 s at an empty bucket") {
  herokupp::ReservePacingOptions o;
  o.seed = 3;
  herokupp::ReservePacing pacing(o);
  CHECK(pacing.before_request().count() == 0);  // nothing known yet
  pacing.after_response(200, 4000L);
  CHECK(pacing.before_request().count() == 0);
  pacing.after_response(200, 45L);  // the reserve is 1% of 4500
  CHECK(pacing.before_request().count() == 0);
  pacing.after_response(200, 22L);  // half way: about half the longest pause
  double half = pacing.before_request().count();
  CHECK(half > 4.0);
  CHECK(half <= 5.2);
  pacing.after_response(200, 0L);
  double empty = pacing.before_request().count();
  CHECK(empty > 8.9);
  CHECK(empty <= 10.0);
  // One 429: the empty-bucket pause; 429s in a row: longer each time.
  double first = pacing.after_response(429, 0L).count();
  CHECK(first <= 10.0);
  double second = pacing.after_response(429, 0L).count();
  CHECK(second > 10.0);
  // Successes bring it back.
  for (int i = 0; i < 50; ++i)
    pacing.after_response(200, 4000L);
  CHECK(pacing.before_request().count() == 0);
}

TEST_CASE("the default Client paces with ReservePacing and waits at least its pause after a 429") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account",
           MockTransport::json(429, R"({"id":"rate_limit","message":"slow down"})",
                               {{"RateLimit-Remaining", "0"}}));
  mock->on(Method::get, "/account", MockTransport::json(200, "{}", {{"RateLimit-Remaining", "1"}}));
  mock->on(Method::get, "/account",
           MockTransport::json(200, "{}", {{"RateLimit-Remaining", "4000"}}));
  auto slept = std::make_shared<std::vector<long long>>();
  herokupp::Client heroku(test::mock_options(mock, slept));
  auto* pacing = dynamic_cast<herokupp::PacingThrottle*>(heroku.options().throttle.get());
  REQUIRE(pacing != nullptr);
  CHECK(pacing->strategy_name() == "ReservePacing");
  REQUIRE(heroku.raw(Method::get, "/account"));
  REQUIRE(slept->size() == 1);
  CHECK(slept->at(0) >= 9000);  // the empty-bucket pause, longer than the backoff
  // Remaining 1: the next call pauses first, through the Client's own sleep.
  REQUIRE(heroku.raw(Method::get, "/account"));
  REQUIRE(slept->size() == 2);
  CHECK(slept->at(1) >= 8000);
  REQUIRE(heroku.raw(Method::get, "/account"));
  CHECK(slept->size() == 2);  // plenty left: no pause
}
