#include "core/retry_after.hpp"

#include <herokupp/timestamp.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using herokupp::detail::parse_http_date;
using herokupp::detail::parse_retry_after;
using std::chrono::seconds;

namespace {
std::chrono::system_clock::time_point at(char const* iso) {
  return herokupp::Timestamp::parse(iso).value().time_point();
}
}  // namespace

TEST_CASE("Retry-After in delay-seconds") {
  auto now = at("2024-05-01T12:00:00Z");
  CHECK(parse_retry_after("120", now) == seconds(120));
  CHECK(parse_retry_after(" 0 ", now) == seconds(0));
  CHECK(parse_retry_after("99999999999999999999999", now) == seconds(1'000'000'000));
  for (char const* bad : {"", " ", "-5", "1.5", "12a", "soon", "0x10"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_retry_after(bad, now).has_value());
  }
}

TEST_CASE("Retry-After as an HTTP-date, in all three forms RFC 9110 lets a recipient read") {
  auto now = at("1994-11-06T08:49:00Z");
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == seconds(37));
  CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == seconds(37));
  CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", now) == seconds(37));
  CHECK(parse_retry_after("Mon, 07 Nov 1994 08:49:00 GMT", now) == seconds(86400));
  // A date already past means "now".
  CHECK(parse_retry_after("Sat, 05 Nov 1994 08:49:37 GMT", now) == seconds(0));
  // A fraction of a second left rounds up, never down to an early retry.
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:01 GMT", now + std::chrono::milliseconds(500)) ==
        seconds(1));
}

TEST_CASE("an RFC 850 two-digit year is read as at most 50 years ahead") {
  auto now = at("2024-05-01T00:00:00Z");
  auto soon = parse_http_date("Thursday, 01-Jan-70 00:00:00 GMT", now);
  REQUIRE(soon);
  CHECK(herokupp::Timestamp(*soon).to_string() == "2070-01-01T00:00:00Z");
  auto past = parse_http_date("Friday, 01-Jan-99 00:00:00 GMT", now);
  REQUIRE(past);
  CHECK(herokupp::Timestamp(*past).to_string() == "1999-01-01T00:00:00Z");
}

TEST_CASE("malformed and impossible HTTP-dates are refused") {
  auto now = at("2024-05-01T00:00:00Z");
  for (char const* bad :
       {"Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37",
        "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 29 Feb 2023 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT junk", "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94", "2024-05-01T00:00:00Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_http_date(bad, now).has_value());
    CHECK_FALSE(parse_retry_after(bad, now).has_value());
  }
}
