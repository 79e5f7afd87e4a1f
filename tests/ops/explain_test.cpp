#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/policy.hpp>

#include "ops_world.hpp"

#include <doctest/doctest.h>

namespace ops = herokupp::ops;
using herokupp::Error;
using herokupp::ErrorKind;

namespace {
Error http(int status, std::string body, std::string request) {
  Error e = herokupp::error_from_http(status, body, "req-1");
  e.request = std::move(request);
  return e;
}
bool has(std::string const& text, std::string const& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("explain gives the sentence a person needs for each HTTP failure") {
  auto e401 = ops::explain(http(
      401, R"({"id":"unauthorized","message":"Invalid credentials provided."})", "GET /apps/shop"));
  CHECK(has(e401, "API key is wrong"));
  CHECK(has(e401, "missing"));

  auto e402 = ops::explain(http(402, R"({"id":"payment_required","message":"x"})", "POST /apps"));
  CHECK(has(e402, "payment details"));

  auto delinquent = ops::explain(http(402, R"({"id":"delinquent","message":"x"})", "POST /apps"));
  CHECK(has(delinquent, "payment details"));

  auto e403 = ops::explain(http(403, R"({"id":"forbidden","message":"You do not have access"})",
                                "GET /apps/shpo/releases"));
  CHECK(has(e403, "No access to the app shpo"));
  CHECK(has(e403, "typo"));

  auto e404 = ops::explain(
      http(404, R"({"id":"not_found","message":"Couldn't find that app."})", "GET /apps/shpo"));
  CHECK(has(e404, "no app called shpo"));

  auto release404 =
      ops::explain(http(404, R"({"id":"not_found","message":"Couldn't find that release."})",
                        "GET /apps/shop/releases/99"));
  CHECK(has(release404, "Couldn't find that release."));

  Error e429 =
      http(429, R"({"id":"rate_limit","message":"Your account reached the API rate limit"})",
           "GET /apps/shop");
  e429.retry_after = std::chrono::seconds(30);
  CHECK(has(ops::explain(e429), "retry after 30 seconds"));
  e429.retry_after.reset();
  CHECK(has(ops::explain(e429), "retry in a minute"));

  CHECK(has(ops::explain(http(503, "<html>down</html>", "GET /apps/shop")), "status.heroku.com"));
  CHECK(has(ops::explain(http(422, R"({"id":"invalid_params","message":"Size is invalid"})",
                              "PATCH /apps/shop/formation")),
            "Size is invalid"));
}

TEST_CASE("explain keeps the reasons ops gave for its own refusals") {
  Error denied(
      ErrorKind::policy_denied,
      "the actor bob may not rollback on shop: that needs the role heroku-shop (or admin)");
  CHECK(ops::explain(denied) ==
        "The actor bob may not rollback on shop: that needs the role heroku-shop (or admin).");
  Error pre(ErrorKind::precondition_failed, "release v42 is already the current release of shop");
  CHECK(has(ops::explain(pre), "already the current release"));
  Error transport(ErrorKind::transport, "Could not resolve host");
  CHECK(has(ops::explain(transport), "Could not reach the Heroku API"));
  Error waited(ErrorKind::timeout, "dyno run.1 on shop was still unfinished after 10m");
  CHECK(has(ops::explain(waited), "may still finish"));
  Error unknown(ErrorKind::unknown, "something odd");
  CHECK(has(ops::explain(unknown), "Something odd."));
}

TEST_CASE("explain on the simulator's answers") {
  opstest::World w;
  herokupp::Client wrong_key(w.options("HRKU-not-a-valid-key"));
  auto unauthorized = ops::masked_config(wrong_key.app("shop-staging"));
  REQUIRE_FALSE(unauthorized);
  CHECK(has(ops::explain(unauthorized.error()), "API key is wrong"));
  w.capture(unauthorized);

  auto other = ops::masked_config(w.app("someone-elses-app"));
  REQUIRE_FALSE(other);
  CHECK((other.error().kind == ErrorKind::forbidden || other.error().kind == ErrorKind::not_found));
  CHECK(has(ops::explain(other.error()), "someone-elses-app"));
  w.capture(other);

  auto typo = ops::restart(w.app("shop-stagign"));
  REQUIRE_FALSE(typo);
  CHECK(has(ops::explain(typo.error()), "typo"));
  w.capture(typo);
}

TEST_CASE("explain leaves the names in ops refusals as they were given") {
  ops::Policy policy;
  policy.grant("dana@example.com", "heroku-shop-production").protect("shop-production");
  auto refused = policy.check("dana@example.com", ops::Action::set_config, "shop-production");
  REQUIRE_FALSE(refused);
  CHECK(ops::explain(refused.error()) ==
        "The app shop-production is protected: set_config is refused for everyone.");
  auto denied = policy.check("dana@example.com", ops::Action::rollback, "shop-staging");
  REQUIRE_FALSE(denied);
  CHECK(ops::explain(denied.error()) ==
        "The actor dana@example.com may not rollback on shop-staging: that needs the role "
        "heroku-shop-staging (or admin).");
}

TEST_CASE("explain gives Error::hint's advice for every kind the platform or the network causes") {
  using K = ErrorKind;
  for (K kind : {K::bad_request,
                 K::unauthorized,
                 K::payment_required,
                 K::forbidden,
                 K::verification_needed,
                 K::two_factor,
                 K::not_found,
                 K::method_not_allowed,
                 K::conflict,
                 K::gone,
                 K::range_not_satisfiable,
                 K::invalid_params,
                 K::rate_limited,
                 K::server,
                 K::transport,
                 K::tls,
                 K::timeout,
                 K::decode,
                 K::protocol,
                 K::unknown}) {
    Error e(kind, "what the server said");
    e.request = "GET /apps/shop/releases";
    CAPTURE(herokupp::to_string(kind));
    CHECK(has(ops::explain(e), e.hint()));
  }
}
