// The request path as stages, the per-call context, and what copies share.
#include <herokupp/client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/pacing.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

#include <atomic>
#include <ctime>

using herokupp::CallContext;
using herokupp::Client;
using herokupp::ErrorKind;
using herokupp::Method;
using herokupp::testing::MockTransport;
namespace test = herokupp::test;

namespace {

class Recording : public herokupp::Stage {
 public:
  std::string_view name() const noexcept override { return "recording"; }
  herokupp::result<herokupp::HttpResponse> send(herokupp::Exchange& x,
                                                herokupp::Next next) override {
    ++attempts;
    saw_request_id = x.request.headers.contains("Request-Id");
    return next(x);
  }
  std::atomic<int> attempts{0};
  std::atomic<bool> saw_request_id{false};
};

}  // namespace

TEST_CASE("the stages are composed in one visible order, extra stages before the transport") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", MockTransport::json(200, "{}"));
  auto opts = test::mock_options(mock);
  auto recording = std::make_shared<Recording>();
  opts.extra_stages.push_back(recording);
  Client heroku(opts);
  CHECK(heroku.stages() == std::vector<std::string>{"cache", "retry", "headers", "throttle", "log",
                                                    "recording", "transport"});
  REQUIRE(heroku.raw(Method::get, "/account"));
  CHECK(recording->attempts == 1);
  CHECK(recording->saw_request_id);  // it runs after the headers stage

  opts.logger = nullptr;
  opts.extra_stages.clear();
  CHECK(Client(opts).stages() ==
        std::vector<std::string>{"cache", "retry", "headers", "throttle", "transport"});
}

TEST_CASE(
    "a Client made from another's options shares its default transport, throttle and "
    "rate-limit reading") {
  herokupp::ClientOptions opts;
  opts.api_key = test::api_key;
  Client first(opts);
  CHECK(dynamic_cast<herokupp::CurlTransport*>(first.options().transport.get()) != nullptr);
  REQUIRE(first.options().throttle.get() != nullptr);
  Client second(first.options());
  CHECK(second.options().transport.get() == first.options().transport.get());
  CHECK(second.options().throttle.get() == first.options().throttle.get());
  CHECK(second.options().rate_limit_remaining.get() == first.options().rate_limit_remaining.get());

  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account",
           MockTransport::json(200, "{}", {{"RateLimit-Remaining", "17"}}));
  Client a(test::mock_options(mock));
  Client b(a.options());
  CHECK_FALSE(b.rate_limit_remaining());
  REQUIRE(a.raw(Method::get, "/account"));
  CHECK(b.rate_limit_remaining() == 17);
}

TEST_CASE("the call context collects request ids and tags log records") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", MockTransport::json(503, R"({"id":"x","message":"down"})"));
  mock->on(Method::get, "/account",
           MockTransport::json(200, "{}", {{"Request-Id", "answered-by-the-api"}}));
  auto opts = test::mock_options(mock);
  std::vector<herokupp::LogRecord> records;
  opts.logger = [&](herokupp::LogRecord const& r) { records.push_back(r); };
  Client heroku(opts);

  std::vector<std::string> ids;
  CallContext ctx;
  ctx.tags = {{"action", "info"}};
  ctx.on_request_id = [&](std::string const& id) { ids.push_back(id); };
  Client tagged = heroku.with(ctx);
  REQUIRE(tagged.context() != nullptr);
  CHECK(heroku.context() == nullptr);
  REQUIRE(tagged.raw(Method::get, "/account"));

  auto sent = mock->requests();
  REQUIRE(sent.size() == 2);
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == *sent[0].headers.get("Request-Id"));  // the 503 echoed none
  CHECK(ids[1] == "answered-by-the-api");
  REQUIRE(records.size() == 2);
  CHECK(records[0].level == herokupp::LogLevel::warning);
  CHECK(records[1].level == herokupp::LogLevel::info);
  for (auto const& r : records) {
    REQUIRE(r.tags.size() == 1);
    CHECK(r.tags[0].second == "info");
  }

  // The context travels into sub-clients made from the handle.
  ids.clear();
  mock->on(Method::get, "/apps/shop", MockTransport::json(200, R"({"name":"shop"})"));
  REQUIRE(tagged.app("shop").info());
  CHECK(ids.size() == 1);
  // And not into the handle it was made from.
  REQUIRE(heroku.raw(Method::get, "/account"));
  CHECK(ids.size() == 1);
}

TEST_CASE("the call context overrides idempotency and the deadline") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::post, "/apps", MockTransport::json(503, "{}"));
  mock->on(Method::post, "/apps", MockTransport::json(201, "{}"));
  auto slept = std::make_shared<std::vector<long long>>();
  Client heroku(test::mock_options(mock, slept));

  auto once = heroku.raw(Method::post, "/apps", std::string("{}"));
  REQUIRE_FALSE(once);  // a POST is never sent twice by default
  CHECK(mock->request_count() == 1);

  mock->reset();
  mock->on(Method::post, "/apps", MockTransport::json(503, "{}"));
  mock->on(Method::post, "/apps", MockTransport::json(201, "{}"));
  CallContext keyed;
  keyed.idempotent = true;  // e.g. the body carries an idempotency key
  CHECK(heroku.with(keyed).raw(Method::post, "/apps", std::string("{}")));
  CHECK(mock->request_count() == 2);

  mock->reset();
  mock->on(Method::get, "/account", MockTransport::json(503, "{}"));
  CallContext no_retry;
  no_retry.idempotent = false;
  CHECK_FALSE(heroku.with(no_retry).raw(Method::get, "/account"));
  CHECK(mock->request_count() == 1);

  mock->reset();
  mock->on(Method::get, "/account", MockTransport::json(503, "{}"));
  slept->clear();
  CallContext hurry;
  hurry.deadline = std::chrono::milliseconds(100);  // shorter than the first backoff
  auto r = heroku.with(hurry).raw(Method::get, "/account");
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::server);
  CHECK(mock->request_count() == 1);
  CHECK(slept->empty());
  auto timeout = mock->requests().at(0).timeout;
  CHECK(timeout <= std::chrono::milliseconds(100));
}

TEST_CASE("a stage chain without a transport ends in an Error, not a crash") {
  herokupp::Exchange x;
  CallContext none;
  x.context = &none;
  std::vector<std::shared_ptr<herokupp::Stage>> empty;
  auto r = herokupp::Next(empty.data(), empty.data())(x);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::invalid_argument);
}

TEST_CASE("the retry stage honours a Retry-After given as an HTTP-date") {
  std::time_t const later = std::time(nullptr) + 30;
  std::tm tm{};
  gmtime_r(&later, &tm);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", MockTransport::json(503, "{}", {{"Retry-After", date}}));
  mock->on(Method::get, "/account", MockTransport::json(200, "{}"));
  auto slept = std::make_shared<std::vector<long long>>();
  Client heroku(test::mock_options(mock, slept));
  REQUIRE(heroku.raw(Method::get, "/account"));
  REQUIRE(slept->size() == 1);
  CHECK(slept->at(0) >= 25000);  // about 30 s, less the moments this test took
  CHECK(slept->at(0) <= 31000);
}
