#include <herokupp/transport.hpp>

#include <doctest/doctest.h>

TEST_CASE("header names compare case-insensitively") {
  herokupp::Headers h;
  h.add("Content-Type", "application/json");
  h.add("RateLimit-Remaining", "10");
  CHECK(h.get("content-type") == "application/json");
  CHECK(h.get("RATELIMIT-REMAINING") == "10");
  CHECK_FALSE(h.get("Range").has_value());
  h.set("ratelimit-remaining", "9");
  CHECK(h.size() == 2);
  CHECK(h.get("RateLimit-Remaining") == "9");
  h.erase("CONTENT-TYPE");
  CHECK_FALSE(h.contains("Content-Type"));
}

TEST_CASE("methods have names and idempotency") {
  CHECK(herokupp::to_string(herokupp::Method::delete_) == "DELETE");
  CHECK(herokupp::to_string(herokupp::Method::patch) == "PATCH");
  CHECK(herokupp::is_idempotent(herokupp::Method::get));
  CHECK(herokupp::is_idempotent(herokupp::Method::put));
  CHECK(herokupp::is_idempotent(herokupp::Method::delete_));
  CHECK_FALSE(herokupp::is_idempotent(herokupp::Method::post));
  CHECK_FALSE(herokupp::is_idempotent(herokupp::Method::patch));
}
