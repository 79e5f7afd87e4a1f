// Conditional GETs: If-None-Match, 304 from the cache, bounded, per account.
#include <herokupp/client.hpp>
#include <herokupp/etag_cache.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

#include <thread>

using herokupp::Client;
using herokupp::ETagCache;
using herokupp::HttpRequest;
using herokupp::HttpResponse;
using herokupp::Method;
using herokupp::testing::MockTransport;
namespace test = herokupp::test;

namespace {

// Answers like the API: an ETag on 200s, a 304 (no body) when it matches.
MockTransport::Handler etagged(std::string body, std::string etag, std::string remaining) {
  return [=](HttpRequest const& r) -> herokupp::result<HttpResponse> {
    auto inm = r.headers.get("If-None-Match");
    if (inm && *inm == etag) {
      HttpResponse not_modified;
      not_modified.status = 304;
      not_modified.headers.add("ETag", etag);
      not_modified.headers.add("RateLimit-Remaining", remaining);
      return not_modified;
    }
    return MockTransport::json(200, body, {{"ETag", etag}, {"RateLimit-Remaining", remaining}});
  };
}

}  // namespace

TEST_CASE("a cached GET is revalidated and a 304 serves the cached body with fresh headers") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/apps/shop", etagged(R"({"name":"shop"})", "\"v1\"", "4000"));
  mock->on(Method::get, "/apps/shop", etagged(R"({"name":"shop"})", "\"v1\"", "3999"));
  auto opts = test::mock_options(mock);
  opts.cache = std::make_shared<ETagCache>();
  Client heroku(opts);

  auto first = heroku.raw(Method::get, "/apps/shop");
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK_FALSE(mock->requests().at(0).headers.contains("If-None-Match"));

  auto second = heroku.raw(Method::get, "/apps/shop");
  REQUIRE(second);
  CHECK(mock->requests().at(1).headers.get("If-None-Match") == "\"v1\"");
  CHECK(second->status == 200);
  CHECK(second->body == R"({"name":"shop"})");
  CHECK(second->headers.get("RateLimit-Remaining") == "3999");       // the fresh one
  CHECK(second->headers.get("Content-Type") == "application/json");  // kept from the cached one
  CHECK(heroku.rate_limit_remaining() == 3999);
  auto stats = opts.cache->stats();
  CHECK(stats.revalidated == 1);
  CHECK(stats.bytes_saved == std::string(R"({"name":"shop"})").size());

  // Copies of the Client, and Clients made from its options, share the cache.
  Client again(heroku.options());
  REQUIRE(again.raw(Method::get, "/apps/shop"));
  CHECK(mock->requests().at(2).headers.get("If-None-Match") == "\"v1\"");
}

TEST_CASE("one account's cached answer is never offered for another key") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/apps/shop", etagged(R"({"name":"shop"})", "\"v1\"", "4000"));
  auto cache = std::make_shared<ETagCache>();
  auto alice = test::mock_options(mock);
  alice.cache = cache;
  auto bob = alice;
  bob.api_key = "another-key";
  REQUIRE(Client(alice).raw(Method::get, "/apps/shop"));
  REQUIRE(Client(bob).raw(Method::get, "/apps/shop"));
  CHECK_FALSE(mock->requests().at(1).headers.contains("If-None-Match"));
  CHECK(cache->stats().entries == 2);
}

TEST_CASE("only GETs are cached, a caller's own If-None-Match gets its 304, POSTs pass") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/apps/shop", etagged("{}", "\"v1\"", "4000"));
  mock->on(Method::post, "/apps", MockTransport::json(201, "{}", {{"ETag", "\"p\""}}));
  auto opts = test::mock_options(mock);
  opts.cache = std::make_shared<ETagCache>();
  Client heroku(opts);
  REQUIRE(heroku.raw(Method::post, "/apps", std::string("{}")));
  CHECK(opts.cache->stats().entries == 0);
  REQUIRE(heroku.raw(Method::get, "/apps/shop"));
  CHECK(opts.cache->stats().entries == 1);
}

TEST_CASE("the cache stays under its byte budget, dropping the least recently used") {
  ETagCache cache(1000);
  auto entry = [](std::size_t n) {
    ETagCache::Entry e;
    e.etag = "\"x\"";
    e.body.assign(n, 'b');
    return e;
  };
  auto has = [&cache](char const* key) { return cache.find(key) != nullptr; };
  cache.store("a", entry(300));
  cache.store("b", entry(300));
  REQUIRE(has("a"));  // a is now the most recent
  cache.store("c", entry(300));
  auto s = cache.stats();
  CHECK(s.bytes <= 1000);
  CHECK(has("a"));
  CHECK(!has("b"));
  CHECK(has("c"));
  CHECK(s.evicted == 1);
  cache.store("huge", entry(5000));  // larger than the whole budget: not kept
  CHECK(!has("huge"));
  CHECK(cache.stats().bytes <= 1000);
  cache.store("a", entry(10));  // replacing an entry recounts its bytes
  CHECK(cache.stats().entries == 2);
}

TEST_CASE("the cache is safe to share between threads") {
  ETagCache cache(64 * 1024);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 500; ++i) {
        std::string key = "k" + std::to_string((i * 7 + t) % 50);
        if (auto e = cache.find(key)) cache.revalidated(*e);
        ETagCache::Entry e;
        e.etag = "\"" + key + "\"";
        e.body.assign(static_cast<std::size_t>(100 + i % 900), 'x');
        cache.store(key, std::move(e));
      }
    });
  }
  for (auto& th : threads)
    th.join();
  auto s = cache.stats();
  CHECK(s.bytes <= 64 * 1024);
  CHECK(s.stored == 2000);
}
