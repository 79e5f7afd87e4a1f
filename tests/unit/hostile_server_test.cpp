// CurlTransport and the Client against a loopback server that misbehaves on
// the wire: closes kept-alive connections after reading a request, announces
// or streams bodies far over the size cap.
#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>

#include <doctest/doctest.h>

#include "support/capture.hpp"
#include "support/raw_http_server.hpp"

#include <atomic>
#include <string>

using herokupp::Client;
using herokupp::CurlOptions;
using herokupp::CurlTransport;
using herokupp::ErrorKind;
using herokupp::HttpRequest;
using herokupp::Method;
using herokupp::test::RawHttpServer;

namespace {

constexpr char const* unavailable =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nbusy";
constexpr char const* ok =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    "Content-Length: 2\r\n\r\n{}";

// A server that answers the first request on each connection with `first`
// and then closes any kept-alive connection as soon as the next request
// has arrived, without a byte of answer.
RawHttpServer::Behaviour close_reused(std::string first) {
  return [first](int index, std::string const&) {
    RawHttpServer::Reply reply;
    if (index == 0) {
      reply.bytes = first;
    } else {
      reply.close = true;
    }
    return reply;
  };
}

struct LoggedClient {
  std::shared_ptr<std::atomic<int>> attempts = std::make_shared<std::atomic<int>>(0);
  Client client;

  LoggedClient(std::string const& base_url, int max_attempts)
      : client([&] {
          auto opts = herokupp::test::mock_options(std::make_shared<CurlTransport>());
          opts.base_url = base_url;
          opts.retry.max_attempts = max_attempts;
          opts.logger = [n = attempts](herokupp::LogRecord const& r) {
            ++*n;
            herokupp::test::capture(r.message);
          };
          return opts;
        }()) {}
};

}  // namespace

TEST_CASE("a DELETE reaches the server no more often than the attempts the client logged") {
  RawHttpServer server(close_reused(unavailable));
  LoggedClient heroku(server.base_url(), 4);
  auto deleted = heroku.client.raw(Method::delete_, "/apps/doomed");
  REQUIRE_FALSE(deleted);
  // Attempts 1 and 3 open a connection and get 503; attempts 2 and 4 reuse
  // it and find it closed. libcurl would have resent each of those on a new
  // connection by itself: 7 arrivals for 4 logged attempts.
  CHECK(heroku.attempts->load() == 4);
  CHECK(server.arrivals() == heroku.attempts->load());
  CHECK(server.arrivals() <= 4);
}

TEST_CASE("every idempotent method: arrivals never exceed max_attempts") {
  for (Method m : {Method::get, Method::put, Method::delete_, Method::head}) {
    CAPTURE(herokupp::to_string(m));
    for (int max_attempts : {1, 2, 3, 5}) {
      CAPTURE(max_attempts);
      RawHttpServer server(close_reused(unavailable));
      LoggedClient heroku(server.base_url(), max_attempts);
      CHECK_FALSE(heroku.client.raw(m, "/apps/x"));
      CHECK(server.arrivals() == heroku.attempts->load());
      CHECK(server.arrivals() <= max_attempts);
    }
  }
}

TEST_CASE("a request stopped on a dead reused connection is a retryable transport error") {
  RawHttpServer server(close_reused(ok));
  CurlTransport transport;
  HttpRequest request;
  request.method = Method::get;
  request.url = server.base_url() + "/account";
  request.timeout = std::chrono::seconds(10);
  auto first = transport.send(request);
  REQUIRE(first);
  CHECK(first->status == 200);
  auto second = transport.send(request);  // reuses the connection, which the server drops
  REQUIRE_FALSE(second);
  CHECK(second.error().kind == ErrorKind::transport);
  CHECK(server.arrivals() == 2);
  auto third = transport.send(request);  // a fresh connection
  REQUIRE(third);
  CHECK(server.arrivals() == 3);
  // libcurl may open a connection for its resend, but sends nothing on it.
  CHECK(server.connections() <= 3);
}

TEST_CASE("an announced body over max_response_bytes is refused before it is read") {
  RawHttpServer server([](int, std::string const&) {
    RawHttpServer::Reply reply;
    reply.bytes =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        "Content-Length: 629145600\r\n\r\n";
    reply.stream_bytes = 629145600;
    reply.close = true;
    return reply;
  });
  CurlOptions small;
  small.max_response_bytes = 1024 * 1024;
  CurlTransport transport(small);
  HttpRequest request;
  request.method = Method::get;
  request.url = server.base_url() + "/apps";
  request.timeout = std::chrono::seconds(30);
  auto r = transport.send(request);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::protocol);
  CHECK(r.error().id == "response_too_large");
  CHECK(r.error().message.find("1048576") != std::string::npos);
  // Stopped at the header: what the server managed to write before the
  // connection went away is what the socket buffers took, far below 600 MB.
  CHECK(server.streamed() < 64u * 1024 * 1024);
}

TEST_CASE("an unannounced body is cut off as soon as it passes max_response_bytes") {
  for (char const* framing : {"Connection: close\r\n", "Transfer-Encoding: chunked\r\n"}) {
    CAPTURE(framing);
    bool const chunked = std::string(framing).find("chunked") != std::string::npos;
    RawHttpServer server([&](int, std::string const&) {
      RawHttpServer::Reply reply;
      reply.bytes =
          std::string("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n") + framing + "\r\n";
      // One endless chunk: its size line promises more than will ever come.
      if (chunked) reply.bytes += "7fffffff\r\n";
      reply.stream_bytes = 629145600;
      reply.close = true;
      return reply;
    });
    CurlOptions small;
    small.max_response_bytes = 1024 * 1024;
    CurlTransport transport(small);
    HttpRequest request;
    request.method = Method::get;
    request.url = server.base_url() + "/apps";
    request.timeout = std::chrono::seconds(30);
    auto r = transport.send(request);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(server.streamed() < 64u * 1024 * 1024);
  }
}

TEST_CASE("headers count against max_response_bytes too") {
  RawHttpServer server([](int, std::string const&) {
    RawHttpServer::Reply reply;
    reply.bytes = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 2000; ++i)
      reply.bytes += "X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'y') + "\r\n";
    reply.bytes += "Content-Length: 2\r\n\r\n{}";
    reply.close = true;
    return reply;
  });
  CurlOptions small;
  small.max_response_bytes = 64 * 1024;
  CurlTransport transport(small);
  HttpRequest request;
  request.method = Method::get;
  request.url = server.base_url() + "/apps";
  request.timeout = std::chrono::seconds(30);
  auto r = transport.send(request);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::protocol);
}

TEST_CASE("the default cap is 64 MiB and answers below it pass") {
  CHECK(CurlOptions().max_response_bytes == 64u * 1024 * 1024);
  RawHttpServer server([](int, std::string const&) {
    RawHttpServer::Reply reply;
    std::string body = "\"" + std::string(500 * 1024, 'z') + "\"";
    reply.bytes =
        "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    return reply;
  });
  CurlOptions small;
  small.max_response_bytes = 1024 * 1024;
  CurlTransport transport(small);
  HttpRequest request;
  request.method = Method::get;
  request.url = server.base_url() + "/apps";
  request.timeout = std::chrono::seconds(30);
  auto r = transport.send(request);
  REQUIRE(r);
  CHECK(r->body.size() == 500 * 1024 + 2);
}
