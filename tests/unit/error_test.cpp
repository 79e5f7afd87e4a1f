#include <herokupp/error.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

using herokupp::Error;
using herokupp::ErrorKind;

TEST_CASE("HTTP status and Heroku id map to an ErrorKind") {
  struct Case {
    int status;
    char const* id;
    ErrorKind kind;
  };
  Case const cases[] = {
      {400, "bad_request", ErrorKind::bad_request},
      {401, "unauthorized", ErrorKind::unauthorized},
      {402, "delinquent", ErrorKind::payment_required},
      {403, "forbidden", ErrorKind::forbidden},
      {403, "suspended", ErrorKind::forbidden},
      {403, "verification_needed", ErrorKind::verification_needed},
      {403, "two_factor", ErrorKind::two_factor},
      {404, "not_found", ErrorKind::not_found},
      {409, "conflict", ErrorKind::conflict},
      {410, "gone", ErrorKind::gone},
      {416, "requested_range_not_satisfiable", ErrorKind::range_not_satisfiable},
      {422, "invalid_params", ErrorKind::invalid_params},
      {429, "rate_limit", ErrorKind::rate_limited},
      {500, "internal_server_error", ErrorKind::server},
      {503, "service_unavailable", ErrorKind::server},
      {418, "", ErrorKind::bad_request},
  };
  for (auto const& c : cases) {
    CAPTURE(c.status);
    CAPTURE(c.id);
    CHECK(herokupp::kind_for(c.status, c.id) == c.kind);
  }
}

TEST_CASE("a Heroku JSON error body fills id, message and url") {
  auto e = herokupp::error_from_http(
      404, R"({"id":"not_found","message":"Couldn't find that app.","url":"https://devcenter"})",
      "req-1");
  herokupp::test::capture(e);
  CHECK(e.kind == ErrorKind::not_found);
  CHECK(e.http_status == 404);
  CHECK(e.id == "not_found");
  CHECK(e.message == "Couldn't find that app.");
  CHECK(e.url == "https://devcenter");
  CHECK(e.request_id == "req-1");
  CHECK(e.hint().find("spelling") != std::string::npos);
}

TEST_CASE("a non-JSON error body still yields a useful Error") {
  SUBCASE("an HTML 503 page") {
    auto e = herokupp::error_from_http(
        503, "<html><head><title>Application Error</title></head><body>\n  Down</body></html>");
    CHECK(e.kind == ErrorKind::server);
    CHECK(e.message.find("503") != std::string::npos);
    CHECK(e.message.find("Application Error") != std::string::npos);
    CHECK(e.message.find('<') == std::string::npos);
    CHECK(e.message.find('\n') == std::string::npos);
  }
  SUBCASE("an empty body") {
    auto e = herokupp::error_from_http(502, "");
    CHECK(e.kind == ErrorKind::server);
    CHECK(e.message == "HTTP 502 Bad Gateway");
  }
  SUBCASE("a JSON body that is not an object") {
    auto e = herokupp::error_from_http(401, "[1,2]");
    CHECK(e.kind == ErrorKind::unauthorized);
    CHECK(e.message.find("401") != std::string::npos);
  }
  SUBCASE("a huge body is cut short") {
    auto e = herokupp::error_from_http(500, std::string(100000, 'x'));
    CHECK(e.message.size() < 200);
  }
}

TEST_CASE("every kind has a name and a hint") {
  for (int k = 0; k <= static_cast<int>(ErrorKind::precondition_failed); ++k) {
    Error e(static_cast<ErrorKind>(k), "m");
    CHECK_FALSE(herokupp::to_string(e.kind).empty());
    CHECK_FALSE(e.hint().empty());
  }
  Error limited(ErrorKind::rate_limited, "slow down");
  limited.retry_after = std::chrono::seconds(42);
  CHECK(limited.hint().find("42 seconds") != std::string::npos);
  CHECK(Error(ErrorKind::unauthorized, "x").hint().find("API key") != std::string::npos);
  CHECK(Error(ErrorKind::payment_required, "x").hint().find("payment") != std::string::npos);
}

TEST_CASE("value() on an error throws herokupp::Exception carrying the Error") {
  herokupp::result<int> r = Error(ErrorKind::not_found, "no such app");
  CHECK_FALSE(r);
  try {
    (void)r.value();
    FAIL("value() did not throw");
  } catch (herokupp::Exception const& ex) {
    herokupp::test::capture(ex.what());
    CHECK(ex.error().kind == ErrorKind::not_found);
    CHECK(std::string(ex.what()).find("no such app") != std::string::npos);
  }
  herokupp::result<int> ok = 7;
  CHECK(ok.value() == 7);
  CHECK_THROWS_AS((void)ok.error(), herokupp::Exception);
  herokupp::result<void> done = herokupp::success();
  CHECK(done);
}
