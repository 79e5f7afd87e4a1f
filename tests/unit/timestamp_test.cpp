#include <herokupp/timestamp.hpp>

#include <doctest/doctest.h>

using herokupp::Timestamp;

TEST_CASE("timestamps parse and format ISO 8601 in UTC") {
  auto t = Timestamp::parse("2012-01-01T12:00:00Z");
  REQUIRE(t);
  CHECK(t->to_string() == "2012-01-01T12:00:00Z");
  CHECK(t->epoch_ms() == 1325419200000LL);

  auto frac = Timestamp::parse("2024-02-29T23:59:59.250Z");
  REQUIRE(frac);
  CHECK(frac->to_string() == "2024-02-29T23:59:59.250Z");

  auto offset = Timestamp::parse("2012-01-01T14:30:00+02:30");
  REQUIRE(offset);
  CHECK(offset->to_string() == "2012-01-01T12:00:00Z");
  CHECK(*offset == *t);

  CHECK(Timestamp::parse("1970-01-01T00:00:00Z")->is_epoch());
  CHECK(Timestamp::parse("1969-12-31T23:59:59Z")->to_string() == "1969-12-31T23:59:59Z");
}

TEST_CASE("malformed timestamps are refused") {
  for (char const* bad :
       {"", "2012-01-01", "2012-01-01T12:00:00", "2012-13-01T12:00:00Z", "2012-01-01T12:00:00Zjunk",
        "2012-01-01T25:00:00Z", "yesterday", "2012-01-01T12:00:00.Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(Timestamp::parse(bad).has_value());
  }
}

TEST_CASE("impossible dates and times are refused, never shifted into the next month") {
  for (char const* bad : {"2024-02-31T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
                          "2024-04-31T00:00:00Z", "2024-06-31T00:00:00Z", "2024-09-31T00:00:00Z",
                          "2024-11-31T00:00:00Z", "2024-01-32T00:00:00Z", "2024-00-10T00:00:00Z",
                          "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z",
                          "2024-01-01T23:59:61Z", "2024-01-01T12:00:60Z",
                          "2024-01-01T12:00:00+24:00", "2024-01-01T12:00:00+01:60"}) {
    CAPTURE(bad);
    CHECK_FALSE(Timestamp::parse(bad).has_value());
  }
  for (char const* good : {"2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2023-02-28T23:59:59Z",
                           "2024-12-31T23:59:60Z", "2024-04-30T00:00:00Z"}) {
    CAPTURE(good);
    CHECK(Timestamp::parse(good).has_value());
  }
}

TEST_CASE("years the clock cannot hold are refused, not overflowed (found by fuzz_timestamp)") {
  for (char const* far : {"6345-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                          "0000-03-01T00:00:00Z", "1677-01-01T00:00:00Z", "2263-01-01T00:00:00Z"}) {
    CAPTURE(far);
    CHECK_FALSE(Timestamp::parse(far).has_value());
  }
  CHECK(Timestamp::parse("2262-01-01T00:00:00Z").has_value());
  CHECK(Timestamp::parse("1678-01-01T00:00:00Z").has_value());
}
