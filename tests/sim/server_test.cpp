// The simulator over real loopback sockets, through the SDK's Client and CurlTransport.
#include <doctest/doctest.h>

#include "sim_fixture.hpp"

#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/sim/server.hpp>

#include <atomic>
#include <thread>
#include <vector>

using herokupp::ErrorKind;
using herokupp::Method;
using herokupp::sim::FaultKind;
using simtest::json;
using namespace std::chrono_literals;

namespace {

struct Served {
  std::shared_ptr<herokupp::sim::VirtualClock> clock =
      std::make_shared<herokupp::sim::VirtualClock>();
  std::unique_ptr<herokupp::sim::Platform> platform;
  std::unique_ptr<herokupp::sim::Server> server;
  std::string key;

  explicit Served(herokupp::sim::PlatformOptions opts = {}) {
    opts.clock = clock;
    platform = std::make_unique<herokupp::sim::Platform>(opts);
    REQUIRE(platform->load_seed_file(simtest::fleet_seed_path()));
    key = platform->default_api_key();
    server = std::make_unique<herokupp::sim::Server>(*platform);
  }

  herokupp::ClientOptions options() const {
    auto opts = simtest::client_options(key, clock);
    opts.base_url = server->base_url();
    return opts;
  }
  herokupp::Client client() const { return herokupp::Client{options()}; }
};

json body_of(herokupp::result<herokupp::HttpResponse> const& r) {
  REQUIRE(r);
  return json::parse(r->body);
}

herokupp::HttpRequest range_request(Served const& s, std::string path, std::string range) {
  herokupp::HttpRequest req;
  req.url = s.server->base_url() + path;
  req.headers.set("Accept", "application/vnd.heroku+json; version=3");
  req.headers.set("Authorization", "Bearer " + s.key);
  req.headers.set("Range", std::move(range));
  return req;
}

}  // namespace

TEST_CASE("the Server answers the SDK over loopback HTTP with keep-alive") {
  Served s;
  auto heroku = s.client();
  auto account = body_of(heroku.raw(Method::get, "/account"));
  CHECK(account["email"] == "ops@example.com");
  CHECK(heroku.rate_limit_remaining().has_value());
  auto app = body_of(heroku.raw(Method::post, "/apps", R"({"name":"socket-app"})"));
  CHECK(app["name"] == "socket-app");
  CHECK(body_of(heroku.raw(Method::patch, "/apps/socket-app",
                           R"({"maintenance":true})"))["maintenance"] == true);
  CHECK(body_of(heroku.raw(Method::delete_, "/apps/socket-app"))["name"] == "socket-app");

  auto missing = heroku.raw(Method::get, "/apps/socket-app");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);
  auto forbidden = heroku.raw(Method::get, "/apps/legacy-billing");
  REQUIRE_FALSE(forbidden);
  CHECK(forbidden.error().kind == ErrorKind::forbidden);

  auto opts = s.options();
  opts.api_key = "HRKU-wrong";
  auto unauthorized = herokupp::Client{opts}.raw(Method::get, "/account");
  REQUIRE_FALSE(unauthorized);
  CHECK(unauthorized.error().kind == ErrorKind::unauthorized);
  CHECK(unauthorized.error().describe().find("HRKU-wrong") == std::string::npos);

  auto transport = std::make_shared<herokupp::CurlTransport>();
  opts = s.options();
  opts.transport = transport;
  herokupp::Client reusing{opts};
  for (int i = 0; i < 20; ++i)
    REQUIRE(reusing.raw(Method::get, "/apps/shop-staging"));
  CHECK(transport->connections_opened() == 1);
}

TEST_CASE("paging across pages over HTTP follows Next-Range") {
  Served s;
  herokupp::CurlTransport curl;
  auto req = range_request(s, "/apps/shop-staging/releases", "version ..; max=7");
  std::vector<long> versions;
  int pages = 0;
  while (true) {
    auto res = curl.send(req);
    REQUIRE(res);
    ++pages;
    for (auto const& r : json::parse(res->body))
      versions.push_back(r["version"]);
    if (res->status == 200) break;
    REQUIRE(res->status == 206);
    req.headers.set("Range", std::string(*res->headers.get("Next-Range")));
  }
  CHECK(pages > 4);
  for (std::size_t i = 0; i < versions.size(); ++i)
    CHECK(versions[i] == static_cast<long>(i + 1));
}

TEST_CASE("rollback and promotion to completion over HTTP") {
  Served s;
  auto heroku = s.client();
  auto releases = body_of(heroku.raw(Method::get, "/apps/shop-production/releases"));
  auto target = releases[releases.size() - 3];
  auto rolled = body_of(heroku.raw(Method::post, "/apps/shop-production/releases",
                                   json{{"release", target["id"]}}.dump()));
  CHECK(rolled["description"] == "Rollback to v" + std::to_string(target["version"].get<int>()));

  auto pipelines = body_of(heroku.raw(Method::get, "/pipelines"));
  auto staging = body_of(heroku.raw(Method::get, "/apps/shop-staging"));
  auto production = body_of(heroku.raw(Method::get, "/apps/shop-production"));
  auto promotion = body_of(heroku.raw(Method::post, "/pipeline-promotions",
                                      json{{"pipeline", {{"id", pipelines[0]["id"]}}},
                                           {"source", {{"app", {{"id", staging["id"]}}}}},
                                           {"targets", {{{"app", {{"id", production["id"]}}}}}}}
                                          .dump()));
  std::string path = "/pipeline-promotions/" + promotion["id"].get<std::string>();
  CHECK(body_of(heroku.raw(Method::get, path))["status"] == "pending");
  s.clock->advance(11s);
  CHECK(body_of(heroku.raw(Method::get, path))["status"] == "completed");
  auto targets = body_of(heroku.raw(Method::get, path + "/promotion-targets"));
  CHECK(targets[0]["status"] == "succeeded");
  auto current =
      body_of(heroku.raw(Method::get, "/apps/shop-production/releases/" +
                                          targets[0]["release"]["id"].get<std::string>()));
  CHECK(current["description"].get<std::string>().rfind("Promote shop-staging v", 0) == 0);
  CHECK(current["current"] == true);
}

TEST_CASE("rate limiting over HTTP: 429, then tokens come back with time") {
  herokupp::sim::PlatformOptions opts;
  opts.rate_limit_capacity = 5;
  Served s{opts};
  auto no_retry = s.options();
  no_retry.retry.max_attempts = 1;
  // Unpaced: the default throttle would wait for tokens to come back.
  no_retry.throttle = std::make_shared<herokupp::NoThrottle>();
  herokupp::Client once{no_retry};
  for (int i = 0; i < 5; ++i)
    REQUIRE(once.raw(Method::get, "/account"));
  CHECK(once.rate_limit_remaining() == 0);
  auto limited = once.raw(Method::get, "/account");
  REQUIRE_FALSE(limited);
  CHECK(limited.error().kind == ErrorKind::rate_limited);
  CHECK(limited.error().id == "rate_limit");
  // The Client's waits between retries move the virtual clock: a token comes back.
  auto retried = s.client().raw(Method::get, "/account");
  CHECK(retried);
}

TEST_CASE("8 threads by 500 requests against one server: no error, no lost update") {
  herokupp::sim::PlatformOptions opts;
  opts.rate_limit_capacity = 100000;
  Served s{opts};
  auto heroku = s.client();
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        herokupp::result<herokupp::HttpResponse> r =
            i % 10 == 0
                ? heroku.raw(Method::patch, "/apps/shop-staging/config-vars",
                             json{{"T" + std::to_string(t) + "_" + std::to_string(i), "v"}}.dump())
                : heroku.raw(Method::get, i % 2 == 0 ? "/apps/shop-staging" : "/account");
        if (!r) ++errors;
      }
    });
  }
  for (auto& th : threads)
    th.join();
  CHECK(errors == 0);
  auto config = *s.platform->config_vars("shop-staging");
  int present = 0;
  for (int t = 0; t < 8; ++t) {
    for (int i = 0; i < 500; i += 10)
      present += config.count("T" + std::to_string(t) + "_" + std::to_string(i));
  }
  CHECK(present == 400);
  CHECK(s.platform->request_count() >= 4000);
}

TEST_CASE("every fault kind: an Error or a retry, never a crash, a hang, or a second POST") {
  Served s;
  auto opts = s.options();
  opts.timeout = 1500ms;
  herokupp::Client heroku{opts};
  auto& platform = *s.platform;

  SUBCASE("500 and 503: GET is retried, POST is not") {
    for (auto kind : {FaultKind::error_500, FaultKind::error_503}) {
      std::size_t before = platform.request_count(Method::get, "/apps/shop-worker");
      platform.inject(kind, 1, "/apps/shop-worker");
      CHECK(heroku.raw(Method::get, "/apps/shop-worker"));
      CHECK(platform.request_count(Method::get, "/apps/shop-worker") == before + 2);

      before = platform.request_count(Method::post, "/apps/shop-worker/builds");
      platform.inject(kind, 1, "/apps/shop-worker/builds");
      auto post = heroku.raw(Method::post, "/apps/shop-worker/builds",
                             R"({"source_blob":{"url":"https://example.com/s.tgz"}})");
      REQUIRE_FALSE(post);
      CHECK(post.error().kind == ErrorKind::server);
      CHECK(platform.request_count(Method::post, "/apps/shop-worker/builds") == before + 1);
    }
  }
  SUBCASE("connection reset: GET is retried, POST is not") {
    platform.inject(FaultKind::reset, 1, "/account");
    CHECK(heroku.raw(Method::get, "/account"));
    CHECK(platform.request_count(Method::get, "/account") == 2);
    platform.inject(FaultKind::reset, 1, "/apps");
    auto post = heroku.raw(Method::post, "/apps", R"({"name":"reset-app"})");
    REQUIRE_FALSE(post);
    CHECK(post.error().kind == ErrorKind::transport);
    CHECK(platform.request_count(Method::post, "/apps") == 1);
    // The POST was carried out before the connection broke, as on a real network.
    CHECK(heroku.raw(Method::get, "/apps/reset-app"));
  }
  SUBCASE("truncated body: GET is retried, POST is not") {
    platform.inject(FaultKind::truncated_body, 1, "/account");
    CHECK(heroku.raw(Method::get, "/account"));
    CHECK(platform.request_count(Method::get, "/account") == 2);
    platform.inject(FaultKind::truncated_body, 1, "/apps");
    auto post = heroku.raw(Method::post, "/apps", R"({"name":"cut-app"})");
    REQUIRE_FALSE(post);
    CHECK(post.error().kind == ErrorKind::transport);
    CHECK(platform.request_count(Method::post, "/apps") == 1);
  }
  SUBCASE("malformed JSON arrives as a 200 whose body does not parse") {
    platform.inject(FaultKind::malformed_json, 1, "/account");
    auto r = heroku.raw(Method::get, "/account");
    REQUIRE(r);
    CHECK_FALSE(json::accept(r->body));
  }
  SUBCASE("slow bodies: within the timeout they arrive, beyond it the request times out") {
    herokupp::sim::FaultOptions f;
    f.slow_body_duration = 200ms;
    platform.set_faults(f);
    platform.inject(FaultKind::slow_body, 1, "/account");
    auto r = heroku.raw(Method::get, "/account");
    REQUIRE(r);
    CHECK(json::parse(r->body)["email"] == "ops@example.com");

    f.slow_body_duration = 5s;
    platform.set_faults(f);
    platform.inject(FaultKind::slow_body, 1, "/apps");
    auto once = s.options();
    once.timeout = 500ms;
    once.retry.max_attempts = 1;
    auto slow = herokupp::Client{once}.raw(Method::post, "/apps", R"({"name":"slow-app"})");
    REQUIRE_FALSE(slow);
    CHECK(slow.error().kind == ErrorKind::timeout);
    CHECK(platform.request_count(Method::post, "/apps") == 1);
  }
  SUBCASE("latency: a little is harmless, too much is a timeout") {
    herokupp::sim::FaultOptions f;
    f.latency = 50ms;
    platform.set_faults(f);
    CHECK(heroku.raw(Method::get, "/account"));
    f.latency = 3s;
    platform.set_faults(f);
    auto once = s.options();
    once.timeout = 300ms;
    once.retry.max_attempts = 1;
    auto late = herokupp::Client{once}.raw(Method::get, "/account");
    REQUIRE_FALSE(late);
    CHECK(late.error().kind == ErrorKind::timeout);
  }
  SUBCASE("random faults at a high rate: every call ends in a value or an Error") {
    herokupp::sim::FaultOptions f;
    f.seed = 3;
    f.error_500_rate = 0.1;
    f.error_503_rate = 0.1;
    f.reset_rate = 0.1;
    f.truncated_body_rate = 0.1;
    f.malformed_json_rate = 0.1;
    platform.set_faults(f);
    int answered = 0;
    for (int i = 0; i < 60; ++i)
      answered += heroku.raw(Method::get, "/apps/shop-staging") ? 1 : 0;
    CHECK(answered > 30);
  }
}

TEST_CASE("InProcessTransport turns connection faults into transport Errors") {
  simtest::World w;
  auto heroku = w.client();
  w.platform->inject(FaultKind::reset, 1, "/apps");
  auto post = heroku.raw(Method::post, "/apps", R"({"name":"inproc-app"})");
  REQUIRE_FALSE(post);
  CHECK(post.error().kind == ErrorKind::transport);
  CHECK(w.platform->request_count(Method::post, "/apps") == 1);
  w.platform->inject(FaultKind::truncated_body, 1, "/apps/inproc-app");
  CHECK(heroku.raw(Method::get, "/apps/inproc-app"));
  CHECK(w.platform->request_count(Method::get, "/apps/inproc-app") == 2);
}
