#include "core/uuid.hpp"

#include <herokupp/herokupp.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

#include <set>
#include <string>

using herokupp::detail::looks_like_uuid;
using herokupp::detail::new_random_uuid;
using herokupp::detail::uuid_from_bits;

TEST_CASE("uuid_from_bits lays the bits out big-endian with version 4 and the RFC 4122 variant") {
  CHECK(uuid_from_bits(0, 0) == "00000000-0000-4000-8000-000000000000");
  CHECK(uuid_from_bits(~0ULL, ~0ULL) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
  CHECK(uuid_from_bits(0x0123456789abcdefULL, 0xfedcba9876543210ULL) ==
        "01234567-89ab-4def-bedc-ba9876543210");
}

TEST_CASE("random UUIDs are version 4 and distinct") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = new_random_uuid();
    REQUIRE(looks_like_uuid(id));
    CHECK(id[14] == '4');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("every request carries a fresh version 4 Request-Id") {
  auto mock = std::make_shared<herokupp::testing::MockTransport>();
  mock->on(herokupp::Method::get, "/account", herokupp::testing::MockTransport::json(200, "{}"));
  herokupp::Client heroku(herokupp::test::mock_options(mock));
  for (int i = 0; i < 3; ++i)
    REQUIRE(heroku.raw(herokupp::Method::get, "/account"));
  std::set<std::string> ids;
  for (auto const& r : mock->requests()) {
    auto id = std::string(r.headers.get("Request-Id").value_or(""));
    CHECK(looks_like_uuid(id));
    CHECK(id[14] == '4');
    ids.insert(id);
  }
  CHECK(ids.size() == 3);
}
