// Plain http carries the API key in clear text: only loopback, or an explicit opt-in.
#include "core/base_url.hpp"

#include <herokupp/herokupp.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"

using herokupp::Client;
using herokupp::ErrorKind;
using herokupp::Method;
using herokupp::detail::check_base_url;
using herokupp::detail::is_loopback_host;
using herokupp::testing::MockTransport;
namespace test = herokupp::test;

TEST_CASE("loopback hosts are recognised strictly") {
  for (char const* host : {"localhost", "LocalHost", "127.0.0.1", "127.255.255.254", "127.1.2.3",
                           "[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "[::0:1]"}) {
    CAPTURE(host);
    CHECK(is_loopback_host(host));
  }
  for (char const* host : {"",
                           "example.com",
                           "localhost.example.com",
                           "127.0.0.1.example.com",
                           "128.0.0.1",
                           "127.0.0",
                           "127.0.0.1.",
                           "127.0.0.01",
                           "0x7f.0.0.1",
                           "2130706433",
                           "127.0.0.256",
                           "[::2]",
                           "[::]",
                           "[1::1]",
                           "[::1:1]",
                           "::1",
                           "[::1",
                           "127.0.0.1 ",
                           "10.0.0.1",
                           "[0:0:0:0:0:0:0:0:1]",
                           "[:::1]"}) {
    CAPTURE(host);
    CHECK_FALSE(is_loopback_host(host));
  }
}

TEST_CASE("base URLs: https anywhere, http to loopback only") {
  for (char const* ok : {"https://api.heroku.com", "HTTPS://api.heroku.com",
                         "http://127.0.0.1:5000", "http://localhost:7000/", "http://[::1]:80/x",
                         "http://user:pw@127.0.0.1:1", "HTTP://127.0.0.1"}) {
    CAPTURE(ok);
    CHECK_FALSE(check_base_url(ok, false).has_value());
  }
  for (char const* bad :
       {"http://api.example.com", "http://127.0.0.1.evil.com", "http://127.0.0.1@evil.com",
        "http://evil.com#@127.0.0.1", "http://a@127.0.0.1@evil.com", "http://evil.com?x=127.0.0.1",
        "http://localhost.evil.com:80", "api.heroku.com", "ftp://127.0.0.1", "", "http://",
        "http://[::1].evil.com/", "http://evil.com\\@127.0.0.1", "http://127.0.0.1 x"}) {
    CAPTURE(bad);
    auto refused = check_base_url(bad, false);
    REQUIRE(refused.has_value());
    CHECK(refused->kind == ErrorKind::invalid_argument);
  }
  CHECK_FALSE(check_base_url("http://api.example.com", true).has_value());
  // The opt-in covers clear text, not other schemes.
  CHECK(check_base_url("ftp://api.example.com", true).has_value());
}

TEST_CASE("a Client with a plain http base URL to another host sends nothing") {
  auto mock = std::make_shared<MockTransport>();
  mock->on(Method::get, "/account", MockTransport::json(200, "{}"));
  auto opts = test::mock_options(mock);
  opts.base_url = "http://user:pa55word@api.example.com";
  Client heroku(opts);
  auto account = heroku.raw(Method::get, "/account");
  REQUIRE_FALSE(account);
  CHECK(account.error().kind == ErrorKind::invalid_argument);
  CHECK(account.error().message.find("api.example.com") != std::string::npos);
  CHECK(account.error().message.find("pa55word") == std::string::npos);
  CHECK(mock->request_count() == 0);
  auto app = heroku.app("my-app").info();
  REQUIRE_FALSE(app);
  CHECK(app.error().kind == ErrorKind::invalid_argument);
  CHECK(mock->request_count() == 0);
  test::capture(account.error());

  opts.allow_insecure_http = true;
  Client opted_in(opts);
  CHECK(opted_in.raw(Method::get, "/account").has_value());
  CHECK(mock->request_count() == 1);

  opts.allow_insecure_http = false;
  opts.base_url = "http://127.0.0.1:5000";
  Client loopback(opts);
  CHECK(loopback.raw(Method::get, "/account").has_value());
}
