// Listings through the Client against a server that pages in a loop: the
// path every list call takes, `herokupp apps` included.
#include <herokupp/herokupp.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

#include <string>

using herokupp::Client;
using herokupp::ErrorKind;
using herokupp::HttpRequest;
using herokupp::HttpResponse;
using herokupp::Method;
using herokupp::testing::MockTransport;
namespace test = herokupp::test;

namespace {
constexpr char const* one_app = R"([{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"a"}])";

HttpResponse page(std::string body, std::string next) {
  auto r = MockTransport::json(206, std::move(body));
  r.headers.add("Next-Range", std::move(next));
  return r;
}
}  // namespace

TEST_CASE("apps().list() stops at a repeated Next-Range with a protocol error naming /apps") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/apps", [](HttpRequest const&) -> herokupp::result<HttpResponse> {
    return page(one_app, "id ]01234567-89ab-cdef-0123-456789abcdef..; max=200");
  });
  Client heroku(test::mock_options(mock));
  int apps = 0;
  herokupp::Error last;
  for (auto const& app : heroku.apps().list()) {
    if (!app) {
      last = app.error();
      break;
    }
    ++apps;
  }
  CHECK(apps == 2);
  CHECK(mock->request_count() == 2);
  CHECK(last.kind == ErrorKind::protocol);
  CHECK(last.message.find("/apps") != std::string::npos);
  test::capture(last);
}

TEST_CASE("an empty 206 from the server ends apps().list().take(1) after one request") {
  auto mock = std::make_shared<MockTransport>();
  int n = 0;
  mock->on(Method::get, "/apps", [&n](HttpRequest const&) -> herokupp::result<HttpResponse> {
    return page("[]", "id ]" + std::to_string(++n) + "..; max=200");
  });
  Client heroku(test::mock_options(mock));
  auto one = heroku.apps().list().take(1);
  REQUIRE_FALSE(one);
  CHECK(one.error().kind == ErrorKind::protocol);
  CHECK(mock->request_count() == 1);
}

TEST_CASE("ListOptions::max_pages bounds a listing through the Client") {
  auto mock = std::make_shared<MockTransport>();
  int n = 0;
  mock->on(Method::get, "/apps", [&n](HttpRequest const&) -> herokupp::result<HttpResponse> {
    return page(one_app, "id ]" + std::to_string(++n) + "..; max=200");
  });
  Client heroku(test::mock_options(mock));
  herokupp::ListOptions opts;
  opts.max_pages = 7;
  auto all = heroku.apps().list(opts).collect();
  REQUIRE_FALSE(all);
  CHECK(all.error().kind == ErrorKind::protocol);
  CHECK(mock->request_count() == 7);
}
