// What the generated code promises beyond the shape of each call: lenient
// decoding, field paths in decode errors, refused identifiers, paging.
#include "support.hpp"

#include <herokupp/api/app.hpp>
#include <herokupp/api/config_var.hpp>
#include <herokupp/api/enterprise_account_daily_usage.hpp>
#include <herokupp/api/filter_apps.hpp>
#include <herokupp/api/release.hpp>
#include <herokupp/models/app.hpp>
#include <herokupp/models/release.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using herokupp::ErrorKind;
using herokupp::Method;
using herokupp::testing::MockTransport;
using herokupp_generated_tests::describe;
using herokupp_generated_tests::Harness;

TEST_SUITE_BEGIN("generated behaviour");

TEST_CASE("an enum value the schema does not list decodes as unknown and keeps the text") {
  auto r = herokupp::release_from_json(R"({"status":"rolling-back","version":7})");
  REQUIRE_MESSAGE(r.has_value(), describe(r));
  CHECK(r->status == herokupp::Release::Status::unknown);
  CHECK(r->status.raw == "rolling-back");
  CHECK(r->version == 7);
  // Encoding keeps what the API said.
  CHECK(nlohmann::json::parse(herokupp::to_json(*r))["status"] == "rolling-back");

  auto known = herokupp::release_from_json(R"({"status":"failed"})");
  REQUIRE(known.has_value());
  CHECK(known->status == herokupp::Release::Status::failed);
  CHECK(known->status.raw == "failed");
}

TEST_CASE("decoding is lenient: unknown fields ignored, absent fields default, null optionals empty") {
  auto r = herokupp::app_from_json(
      R"({"name":"example","brand_new_field":{"x":1},"space":null,"repo_size":null})");
  REQUIRE_MESSAGE(r.has_value(), describe(r));
  CHECK(r->name == "example");
  CHECK_FALSE(r->space.has_value());
  CHECK_FALSE(r->repo_size.has_value());
  CHECK(r->id.empty());
  CHECK(r->created_at.is_epoch());
  CHECK_FALSE(r->maintenance);
}

TEST_CASE("a field of the wrong type is a decode error naming its path") {
  auto nested = herokupp::release_from_json(R"({"user":{"email":5,"id":"u"}})");
  REQUIRE_FALSE(nested.has_value());
  CHECK(nested.error().kind == ErrorKind::decode);
  CHECK_MESSAGE(nested.error().message.find("release.user.email") != std::string::npos,
                nested.error().message);

  auto top = herokupp::release_from_json(R"({"version":"seven"})");
  REQUIRE_FALSE(top.has_value());
  CHECK(top.error().kind == ErrorKind::decode);
  CHECK_MESSAGE(top.error().message.find("release.version") != std::string::npos,
                top.error().message);

  auto in_array = herokupp::release_from_json(R"({"artifacts":[{"id":"a"},{"id":false}]})");
  REQUIRE_FALSE(in_array.has_value());
  CHECK_MESSAGE(in_array.error().message.find("release.artifacts[1].id") != std::string::npos,
                in_array.error().message);

  auto not_object = herokupp::release_from_json(R"([1,2])");
  REQUIRE_FALSE(not_object.has_value());
  CHECK(not_object.error().kind == ErrorKind::decode);

  auto malformed = herokupp::release_from_json("{\"version\":");
  REQUIRE_FALSE(malformed.has_value());
  CHECK(malformed.error().kind == ErrorKind::decode);
}

TEST_CASE("a wrongly typed answer is a decode error from the endpoint too") {
  Harness h;
  h.mock->on(Method::get, "/apps/my-app/releases/1",
             MockTransport::json(200, R"({"user":{"email":["x"]}})"));
  auto r = herokupp::api::release::info(h.client, "my-app", "1");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == ErrorKind::decode);
  CHECK_MESSAGE(r.error().message.find("release.user.email") != std::string::npos,
                r.error().message);
}

TEST_CASE("invalid identifiers are refused before any request") {
  std::vector<std::string> bad = {"", "../account", "a\r\nb", std::string(300, 'a'), "a/b", ".."};
  for (auto const& value : bad) {
    CAPTURE(value);
    Harness h;
    auto one = herokupp::api::app::info(h.client, value);
    REQUIRE_FALSE(one.has_value());
    CHECK(one.error().kind == ErrorKind::invalid_argument);
    CHECK_MESSAGE(one.error().message.find("app_identity") != std::string::npos,
                  one.error().message);

    // The second parameter is checked too, even when the first is fine.
    auto second = herokupp::api::release::info(h.client, "my-app", value);
    REQUIRE_FALSE(second.has_value());
    CHECK(second.error().kind == ErrorKind::invalid_argument);
    CHECK(second.error().message.find("release_identity") != std::string::npos);

    auto listed = herokupp::api::release::list(h.client, value).take(10);
    REQUIRE_FALSE(listed.has_value());
    CHECK(listed.error().kind == ErrorKind::invalid_argument);

    herokupp::api::release::RollbackParams rollback;
    rollback.release = "01234567-89ab-cdef-0123-456789abcdef";
    auto posted = herokupp::api::release::rollback(h.client, value, rollback);
    REQUIRE_FALSE(posted.has_value());
    CHECK(posted.error().kind == ErrorKind::invalid_argument);

    CHECK(h.mock->request_count() == 0);
  }
}

TEST_CASE("config vars: null in an update unsets the name") {
  Harness h;
  h.mock->on(Method::patch, "/apps/my-app/config-vars",
             MockTransport::json(200, R"({"FOO":"bar"})"));
  herokupp::ConfigVarsUpdate change{{"FOO", "bar"}, {"OLD", std::nullopt}};
  auto r = herokupp::api::config_var::update(h.client, "my-app", change);
  REQUIRE_MESSAGE(r.has_value(), describe(r));
  CHECK(r->at("FOO") == "bar");
  h.check(Method::patch, "/apps/my-app/config-vars", "", R"({"FOO":"bar","OLD":null})");
}

TEST_CASE("a list follows Next-Range lazily") {
  Harness h;
  int calls = 0;
  h.mock->on(Method::get, "/apps/my-app/releases",
             MockTransport::Handler([&calls](herokupp::HttpRequest const& request)
                                        -> herokupp::result<herokupp::HttpResponse> {
               ++calls;
               auto range = request.headers.get("Range");
               if (range && range->find("]") != std::string_view::npos) {
                 return MockTransport::json(200, R"([{"version":3}])");
               }
               herokupp::Headers headers;
               headers.set("Next-Range", "]2..; max=2");
               return MockTransport::json(206, R"([{"version":1},{"version":2}])", headers);
             }));
  herokupp::ListOptions options;
  options.max = 2;
  auto pages = herokupp::api::release::list(h.client, "my-app", options);
  CHECK(calls == 0);
  auto all = pages.collect();
  REQUIRE_MESSAGE(all.has_value(), describe(all));
  REQUIRE(all->size() == 3);
  CHECK(all->at(2).version == 3);
  CHECK(calls == 2);
}

TEST_CASE("a POST list sends its body with every page") {
  Harness h;
  std::vector<std::string> bodies;
  h.mock->on(Method::post, "/filters/apps",
             MockTransport::Handler([&bodies](herokupp::HttpRequest const& request)
                                        -> herokupp::result<herokupp::HttpResponse> {
               bodies.push_back(request.body);
               if (bodies.size() == 1) {
                 herokupp::Headers headers;
                 headers.set("Next-Range", "]a..; max=1");
                 return MockTransport::json(206, R"([{"name":"a"}])", headers);
               }
               return MockTransport::json(200, R"([{"name":"b"}])");
             }));
  herokupp::api::filter_apps::AppsParams filter;
  filter.in.emplace().id = std::vector<std::string>{"01234567-89ab-cdef-0123-456789abcdef"};
  auto apps = herokupp::api::filter_apps::apps(h.client, filter).collect();
  REQUIRE_MESSAGE(apps.has_value(), describe(apps));
  REQUIRE(apps->size() == 2);
  CHECK(apps->at(1).name == "b");
  REQUIRE(bodies.size() == 2);
  CHECK(nlohmann::json::parse(bodies[0]) == nlohmann::json::parse(bodies[1]));
  CHECK(nlohmann::json::parse(bodies[0])["in"]["id"][0] == "01234567-89ab-cdef-0123-456789abcdef");
}

TEST_CASE("GET parameters travel in the query string") {
  Harness h;
  h.mock->on(Method::get, "/enterprise-accounts/acme%20inc/usage/daily",
             MockTransport::json(200, "[]"));
  herokupp::api::enterprise_account_daily_usage::InfoParams params;
  params.start = "2019-01-01";
  auto r = herokupp::api::enterprise_account_daily_usage::info(h.client, "acme inc", params)
               .take(1);
  REQUIRE_MESSAGE(r.has_value(), describe(r));
  h.check(Method::get, "/enterprise-accounts/acme%20inc/usage/daily", "?start=2019-01-01",
          nullptr);
}

TEST_SUITE_END();
