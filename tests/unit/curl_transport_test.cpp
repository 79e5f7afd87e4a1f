#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>

#include <doctest/doctest.h>
#include <httplib.h>

#include "support/capture.hpp"

#include <atomic>
#include <set>
#include <thread>

using herokupp::CurlTransport;
using herokupp::ErrorKind;
using herokupp::HttpRequest;
using herokupp::Method;

namespace {

// A loopback HTTP/1.1 server that answers with the client's port, so a test
// can tell whether two requests shared a connection.
class LoopbackServer {
 public:
  LoopbackServer() {
    server_.Get("/port", [this](httplib::Request const& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> guard(mutex_);
        ports_.insert(req.remote_port);
      }
      res.set_header("RateLimit-Remaining", "4499");
      res.set_content(R"({"port":)" + std::to_string(req.remote_port) + "}", "application/json");
    });
    server_.Patch("/echo", [](httplib::Request const& req, httplib::Response& res) {
      res.set_content(req.body + "|" + req.get_header_value("Content-Type"), "text/plain");
    });
    server_.Delete("/echo", [](httplib::Request const& req, httplib::Response& res) {
      res.set_content("deleted " + req.method, "text/plain");
    });
    server_.Get("/slow", [](httplib::Request const&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      res.set_content("late", "text/plain");
    });
    server_.Get("/status/503", [](httplib::Request const&, httplib::Response& res) {
      res.status = 503;
      res.set_content("<html><body>Application Error</body></html>", "text/html");
    });
    // What arrived, for tests of what a pooled handle carries over.
    auto inspect = [](httplib::Request const& req, httplib::Response& res) {
      res.set_content(req.method + " body=" + req.body +
                          " x-first=" + req.get_header_value("X-First") +
                          " expect=" + req.get_header_value("Expect"),
                      "text/plain");
    };
    server_.Get("/inspect", inspect);
    server_.Post("/inspect", inspect);
    server_.Put("/inspect", inspect);
    server_.Patch("/inspect", inspect);
    server_.Delete("/inspect", inspect);
    server_.set_keep_alive_max_count(100000);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LoopbackServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(std::string const& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::size_t distinct_client_ports() {
    std::lock_guard<std::mutex> guard(mutex_);
    return ports_.size();
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::set<int> ports_;
};

HttpRequest get(std::string url) {
  HttpRequest r;
  r.method = Method::get;
  r.url = std::move(url);
  r.timeout = std::chrono::milliseconds(5000);
  return r;
}

}  // namespace

TEST_CASE("two requests on one CurlTransport reuse one connection") {
  LoopbackServer server;
  CurlTransport transport;
  auto first = transport.send(get(server.url("/port")));
  auto second = transport.send(get(server.url("/port")));
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 200);
  CHECK(first->body == second->body);  // same client port: same connection
  CHECK(server.distinct_client_ports() == 1);
  CHECK(transport.connections_opened() == 1);
  CHECK(first->headers.get("ratelimit-remaining") == "4499");
}

TEST_CASE("CurlTransport sends methods, headers and bodies") {
  LoopbackServer server;
  CurlTransport transport;
  HttpRequest patch = get(server.url("/echo"));
  patch.method = Method::patch;
  patch.body = R"({"FOO":"bar"})";
  patch.headers.set("Content-Type", "application/json");
  auto r = transport.send(patch);
  REQUIRE(r);
  CHECK(r->body == R"({"FOO":"bar"}|application/json)");

  HttpRequest del = get(server.url("/echo"));
  del.method = Method::delete_;
  auto d = transport.send(del);
  REQUIRE(d);
  CHECK(d->body == "deleted DELETE");

  auto unavailable = transport.send(get(server.url("/status/503")));
  REQUIRE(unavailable);  // an HTTP answer, whatever its status, is not a transport error
  CHECK(unavailable->status == 503);
}

TEST_CASE("a pooled handle carries nothing from one request to the next") {
  LoopbackServer server;
  CurlTransport transport;  // one thread: every request reuses the same handle
  auto send = [&](Method method, std::string body, bool first_header = false) {
    HttpRequest r = get(server.url("/inspect"));
    r.method = method;
    r.body = std::move(body);
    if (first_header) r.headers.set("X-First", "yes");
    auto answer = transport.send(r);
    REQUIRE(answer);
    return *answer;
  };
  CHECK(send(Method::post, R"({"a":1})", true).body == R"(POST body={"a":1} x-first=yes expect=)");
  CHECK(send(Method::get, "").body == "GET body= x-first= expect=");
  auto head = send(Method::head, "");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(send(Method::get, "").body == "GET body= x-first= expect=");
  CHECK(send(Method::delete_, "").body == "DELETE body= x-first= expect=");
  CHECK(send(Method::get, "").body == "GET body= x-first= expect=");
  CHECK(send(Method::put, "put").body == "PUT body=put x-first= expect=");
  CHECK(send(Method::patch, "patch").body == "PATCH body=patch x-first= expect=");
  CHECK(send(Method::get, "").body == "GET body= x-first= expect=");
}

TEST_CASE("many threads share one CurlTransport safely") {
  LoopbackServer server;
  CurlTransport transport;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto r = transport.send(get(server.url("/port")));
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads)
    t.join();
  CHECK(ok == 160);
  CHECK(transport.connections_opened() <= 8 + 1);
}

TEST_CASE("transport failures become typed Errors") {
  CurlTransport transport;
  SUBCASE("connection refused") {
    int port = 0;
    {
      LoopbackServer gone;
      port = gone.port();
    }
    auto r = transport.send(get("http://127.0.0.1:" + std::to_string(port) + "/port"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::transport);
    CHECK(r.error().id == "connection_refused");
  }
  SUBCASE("timeout") {
    LoopbackServer server;
    HttpRequest slow = get(server.url("/slow"));
    slow.timeout = std::chrono::milliseconds(200);
    auto r = transport.send(slow);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::timeout);
  }
  SUBCASE("TLS to a server that does not speak it") {
    LoopbackServer server;
    auto r = transport.send(get("https://127.0.0.1:" + std::to_string(server.port()) + "/port"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::tls);
  }
}

TEST_CASE("a Client over CurlTransport against loopback: error bodies and rate limit") {
  LoopbackServer server;
  herokupp::ClientOptions opts;
  opts.api_key = herokupp::test::api_key;
  opts.base_url = server.url("");
  opts.retry.max_attempts = 1;
  opts.logger = herokupp::test::capturing_logger();
  herokupp::Client heroku(opts);
  auto ok = heroku.raw(Method::get, "/port");
  REQUIRE(ok);
  CHECK(heroku.rate_limit_remaining() == 4499);
  auto failed = heroku.raw(Method::get, "/status/503");
  REQUIRE_FALSE(failed);
  herokupp::test::capture(failed.error());
  CHECK(failed.error().kind == ErrorKind::server);
  CHECK(failed.error().message.find("Application Error") != std::string::npos);
}
