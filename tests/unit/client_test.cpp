#include <herokupp/client.hpp>
#include <herokupp/testing/mock_transport.hpp>
#include <herokupp/version.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

#include <cstdlib>
#include <regex>

using herokupp::Client;
using herokupp::ErrorKind;
using herokupp::HttpResponse;
using herokupp::Method;
using herokupp::testing::MockTransport;
namespace test = herokupp::test;

namespace {

HttpResponse status_only(int status, herokupp::Headers headers = {}) {
  return MockTransport::json(status,
                             R"({"id":"x","message":"status )" + std::to_string(status) + "\"}",
                             std::move(headers));
}

struct EnvGuard {
  explicit EnvGuard(std::initializer_list<char const*> names) {
    for (auto n : names) {
      char const* v = std::getenv(n);
      saved.emplace_back(n, v ? std::optional<std::string>(v) : std::nullopt);
      unsetenv(n);
    }
  }
  ~EnvGuard() {
    for (auto const& [n, v] : saved) {
      if (v) {
        setenv(n.c_str(), v->c_str(), 1);
      } else {
        unsetenv(n.c_str());
      }
    }
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved;
};

}  // namespace

TEST_CASE("ClientOptions::from_env reads the key and the base URL") {
  EnvGuard guard{"HEROKU_API_KEY", "HEROKU_API_URL", "HEROKU_HOST", "HOME"};
  auto defaults = herokupp::ClientOptions::from_env();
  CHECK(defaults.api_key.empty());
  CHECK(defaults.base_url == "https://api.heroku.com");

  setenv("HEROKU_API_KEY", "k", 1);
  setenv("HEROKU_HOST", "example.com", 1);  // a bare host: its api. host over https
  auto bare_host = herokupp::ClientOptions::from_env();
  CHECK(bare_host.api_key == "k");
  CHECK(bare_host.base_url == "https://api.example.com");

  setenv("HEROKU_HOST", "http://127.0.0.1:5000", 1);
  CHECK(herokupp::ClientOptions::from_env().base_url == "http://127.0.0.1:5000");

  setenv("HEROKU_API_URL", "http://localhost:7000", 1);
  CHECK(herokupp::ClientOptions::from_env().base_url == "http://localhost:7000");
}

TEST_CASE("every request carries the API's headers") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", MockTransport::json(200, "{}"));
  mock->on(Method::post, "/apps", MockTransport::json(201, "{}"));
  Client heroku(test::mock_options(mock));

  REQUIRE(heroku.raw(Method::get, "/account"));
  REQUIRE(heroku.raw(Method::post, "/apps", std::string(R"({"name":"x"})")));
  auto requests = mock->requests();
  REQUIRE(requests.size() == 2);
  auto const& get = requests[0];
  CHECK(get.url == "https://api.heroku.com/account");
  CHECK(get.headers.get("Accept") == "application/vnd.heroku+json; version=3");
  CHECK(get.headers.get("Authorization") == std::string("Bearer ") + test::api_key);
  CHECK(get.headers.get("User-Agent") == std::string("herokupp/") + herokupp::version_string);
  CHECK_FALSE(get.headers.contains("Content-Type"));
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  REQUIRE(get.headers.get("Request-Id"));
  CHECK(std::regex_match(std::string(*get.headers.get("Request-Id")), uuid));

  auto const& post = requests[1];
  CHECK(post.method == Method::post);
  CHECK(post.body == R"({"name":"x"})");
  CHECK(post.headers.get("Content-Type") == "application/json");
  CHECK(post.headers.get("Request-Id") != get.headers.get("Request-Id"));
}

TEST_CASE("raw() refuses malformed paths before any I/O") {
  auto mock = std::make_shared<MockTransport>();
  Client heroku(test::mock_options(mock));
  for (char const* bad : {"", "account", "/apps/a b", "/apps/a\r\nX-Evil: 1"}) {
    CAPTURE(bad);
    auto r = heroku.raw(Method::get, bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::invalid_argument);
    test::capture(r.error());
  }
  CHECK(mock->request_count() == 0);
}

TEST_CASE("a GET is retried on 503 and then succeeds") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", status_only(503));
  mock->on(Method::get, "/account", status_only(503));
  mock->on(Method::get, "/account", MockTransport::json(200, R"({"email":"a@b"})"));
  auto slept = std::make_shared<std::vector<long long>>();
  Client heroku(test::mock_options(mock, slept));
  auto r = heroku.raw(Method::get, "/account");
  REQUIRE(r);
  CHECK(r->body == R"({"email":"a@b"})");
  CHECK(mock->request_count() == 3);
  REQUIRE(slept->size() == 2);
  // Backoff grows: 250ms then 500ms, each within the 25% jitter.
  CHECK((*slept)[0] >= 187);
  CHECK((*slept)[0] <= 313);
  CHECK((*slept)[1] >= 375);
  CHECK((*slept)[1] <= 625);
}

TEST_CASE("transport failures of idempotent requests are retried, TLS failures are not") {
  auto mock = std::make_shared<MockTransport>();
  herokupp::Error reset(ErrorKind::transport, "connection reset");
  mock->on(Method::delete_, "/apps/x", reset);
  mock->on(Method::delete_, "/apps/x", MockTransport::json(200, "{}"));
  herokupp::Error tls(ErrorKind::tls, "certificate verify failed");
  mock->on(Method::get, "/account", tls);
  Client heroku(test::mock_options(mock));
  CHECK(heroku.raw(Method::delete_, "/apps/x"));
  CHECK(mock->request_count() == 2);
  auto r = heroku.raw(Method::get, "/account");
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::tls);
  CHECK(mock->request_count() == 3);
}

TEST_CASE("POST and PATCH are never sent twice") {
  for (Method m : {Method::post, Method::patch}) {
    CAPTURE(herokupp::to_string(m));
    for (int status : {500, 503, 429}) {
      auto mock = std::make_shared<MockTransport>();
      mock->on(m, "/apps", status_only(status, {{"Retry-After", "1"}}));
      mock->on(m, "/apps", MockTransport::json(201, "{}"));
      Client heroku(test::mock_options(mock));
      auto r = heroku.raw(m, "/apps", std::string("{}"));
      REQUIRE_FALSE(r);
      CHECK(r.error().http_status == status);
      CHECK(mock->request_count() == 1);
    }
    auto mock = std::make_shared<MockTransport>();
    mock->on(m, "/apps", herokupp::Error(ErrorKind::timeout, "timed out"));
    Client heroku(test::mock_options(mock));
    auto r = heroku.raw(m, "/apps", std::string("{}"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::timeout);
    CHECK(mock->request_count() == 1);
  }
}

TEST_CASE("429 with Retry-After is honoured") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", status_only(429, {{"Retry-After", "7"}}));
  mock->on(Method::get, "/account", MockTransport::json(200, "{}"));
  auto slept = std::make_shared<std::vector<long long>>();
  Client heroku(test::mock_options(mock, slept));
  REQUIRE(heroku.raw(Method::get, "/account"));
  REQUIRE(slept->size() == 1);
  CHECK((*slept)[0] >= 7000);
}

TEST_CASE("giving up after max attempts returns the last error") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", status_only(500));
  mock->on(Method::get, "/account", status_only(502));
  mock->on(Method::get, "/account", status_only(503));
  auto opts = test::mock_options(mock);
  opts.retry.max_attempts = 3;
  Client heroku(opts);
  auto r = heroku.raw(Method::get, "/account");
  REQUIRE_FALSE(r);
  CHECK(r.error().http_status == 503);
  CHECK(r.error().kind == ErrorKind::server);
  CHECK(r.error().request == "GET /account");
  CHECK(mock->request_count() == 3);
  test::capture(r.error());
}

TEST_CASE("no retry starts past the overall deadline") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", status_only(503, {{"Retry-After", "120"}}));
  auto opts = test::mock_options(mock);
  opts.retry.deadline = std::chrono::seconds(30);
  Client heroku(opts);
  auto r = heroku.raw(Method::get, "/account");
  REQUIRE_FALSE(r);
  CHECK(mock->request_count() == 1);
  REQUIRE(r.error().retry_after);
  CHECK(r.error().retry_after->count() == 120);
}

TEST_CASE("non-retryable statuses are returned at once") {
  for (int status : {400, 401, 403, 404, 409, 422}) {
    auto mock = std::make_shared<MockTransport>();
    mock->on(Method::get, "/account", status_only(status));
    Client heroku(test::mock_options(mock));
    auto r = heroku.raw(Method::get, "/account");
    REQUIRE_FALSE(r);
    CHECK(r.error().http_status == status);
    CHECK(mock->request_count() == 1);
  }
}

namespace {
struct RecordingThrottle : herokupp::Throttle {
  int before = 0;
  std::vector<std::pair<int, std::optional<long>>> after;
  void before_request() override { ++before; }
  void after_response(int status, std::optional<long> remaining) override {
    after.emplace_back(status, remaining);
  }
};
}  // namespace

TEST_CASE("RateLimit-Remaining is read from every answer and given to the throttle") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", status_only(503, {{"RateLimit-Remaining", "4321"}}));
  mock->on(Method::get, "/account",
           MockTransport::json(200, "{}", {{"ratelimit-remaining", "4320"}}));
  auto throttle = std::make_shared<RecordingThrottle>();
  auto opts = test::mock_options(mock);
  opts.throttle = throttle;
  Client heroku(opts);
  CHECK_FALSE(heroku.rate_limit_remaining().has_value());
  REQUIRE(heroku.raw(Method::get, "/account"));
  CHECK(heroku.rate_limit_remaining() == 4320);
  // Once per call: a retry waits in the retry stage, at least the pause the
  // throttle asked for after the failed attempt.
  CHECK(throttle->before == 1);
  REQUIRE(throttle->after.size() == 2);
  CHECK(throttle->after[0] == std::make_pair(503, std::optional<long>(4321)));
  CHECK(throttle->after[1] == std::make_pair(200, std::optional<long>(4320)));
  Client copy = heroku;  // copies share the reading
  CHECK(copy.rate_limit_remaining() == 4320);
}

TEST_CASE("the logger sees method, path, status and request id, never the key or a body") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::patch, "/apps/x/config-vars",
           MockTransport::json(200, R"({"DATABASE_URL":"postgres://secret"})",
                               {{"Request-Id", "rid-42"}}));
  std::vector<herokupp::LogRecord> records;
  auto opts = test::mock_options(mock);
  opts.logger = [&](herokupp::LogRecord const& r) { records.push_back(r); };
  Client heroku(opts);
  REQUIRE(heroku.raw(Method::patch, "/apps/x/config-vars",
                     std::string(R"({"DATABASE_URL":"postgres://secret"})")));
  REQUIRE(records.size() == 1);
  CHECK(records[0].method == Method::patch);
  CHECK(records[0].path == "/apps/x/config-vars");
  CHECK(records[0].status == 200);
  CHECK(records[0].request_id == "rid-42");
  CHECK(records[0].message.find("secret") == std::string::npos);
}

TEST_CASE("an API key with control characters is never sent") {
  auto mock = std::make_shared<MockTransport>();
  auto opts = test::mock_options(mock);
  opts.api_key = "abc\r\nX-Injected: 1";
  Client heroku(opts);
  auto r = heroku.raw(Method::get, "/account");
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::invalid_argument);
  CHECK(r.error().message.find("abc") == std::string::npos);
  CHECK(mock->request_count() == 0);
}

TEST_CASE("MockTransport fails clearly on an unexpected request") {
  auto mock = std::make_shared<MockTransport>();
  Client heroku(test::mock_options(mock));
  auto r = heroku.raw(Method::get, "/nothing?x=1");
  REQUIRE_FALSE(r);
  CHECK(r.error().id == "unexpected_request");
  CHECK(r.error().message.find("GET /nothing") != std::string::npos);
  REQUIRE(mock->unexpected().size() == 1);
  CHECK(mock->unexpected()[0] == "GET /nothing");
  CHECK(herokupp::testing::path_of("https://h:1/a/b?c") == "/a/b");
}
