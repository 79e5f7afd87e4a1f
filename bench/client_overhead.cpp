// What herokupp costs over plain libcurl: app.info() on one thread against a
// loopback keep-alive server, side by side with a plain libcurl loop doing the
// same GET on a reused handle. Prints medians of interleaved rounds and their
// ratio (herokupp time per request / plain-curl time per request).
//
//   bench_client_overhead [requests-per-round] [rounds]
#include <herokupp/herokupp.hpp>

#include <curl/curl.h>
#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

// A realistic app payload, as the API answers GET /apps/{app}.
constexpr char const* app_json = R"({
  "acm": false, "archived_at": null,
  "buildpack_provided_description": "Ruby/Rack",
  "build_stack": {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "heroku-24"},
  "created_at": "2012-01-01T12:00:00Z",
  "generation": {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "cedar"},
  "git_url": "https://git.heroku.com/bench-app.git",
  "id": "01234567-89ab-cdef-0123-456789abcdef",
  "internal_routing": false, "maintenance": false, "name": "bench-app",
  "owner": {"email": "owner@example.com", "id": "01234567-89ab-cdef-0123-456789abcdef"},
  "organization": null, "team": null,
  "region": {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "us"},
  "released_at": "2012-01-01T12:00:00Z", "repo_size": 0, "slug_size": 0, "space": null,
  "stack": {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "heroku-24"},
  "updated_at": "2012-01-01T12:00:00Z",
  "web_url": "https://bench-app.herokuapp.com/"
})";

std::size_t sink(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

double plain_curl_round(std::string const& url, int requests) {
  CURL* h = curl_easy_init();
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Accept: application/vnd.heroku+json; version=3");
  headers = curl_slist_append(headers, "Authorization: Bearer bench-key");
  // The same request on the wire as herokupp's: its User-Agent and a
  // Request-Id (a fixed one; making a fresh id is part of herokupp's cost).
  headers = curl_slist_append(headers, "User-Agent: herokupp/" HEROKUPP_VERSION_STRING);
  headers = curl_slist_append(headers, "Request-Id: 01234567-89ab-4def-8123-456789abcdef");
  std::string body;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &sink);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < requests; ++i) {
    body.clear();
    if (curl_easy_perform(h) != CURLE_OK) std::abort();
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
  return std::chrono::duration<double, std::micro>(elapsed).count() / requests;
}

double herokupp_round(herokupp::AppClient const& app, int requests) {
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < requests; ++i) {
    auto info = app.info();
    if (!info || info->name != "bench-app") std::abort();
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::micro>(elapsed).count() / requests;
}

double raw_round(herokupp::Client const& heroku, int requests) {
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < requests; ++i) {
    if (!heroku.raw(herokupp::Method::get, "/apps/bench-app")) std::abort();
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::micro>(elapsed).count() / requests;
}

double decode_only(int requests) {
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < requests; ++i) {
    if (!herokupp::app_from_json(app_json)) std::abort();
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::micro>(elapsed).count() / requests;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int const requests = argc > 1 ? std::atoi(argv[1]) : 2000;
  int const rounds = argc > 2 ? std::atoi(argv[2]) : 7;

  httplib::Server server;
  server.set_keep_alive_max_count(1 << 30);
  // Without TCP_NODELAY, delayed ACKs add ~40 ms to every response and hide
  // everything a client does. Accepted sockets inherit it from the listener.
  server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  server.Get("/apps/bench-app", [](httplib::Request const&, httplib::Response& res) {
    res.set_header("RateLimit-Remaining", "4499");
    res.set_content(app_json, "application/json");
  });
  int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  while (!server.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));

  std::string base = "http://127.0.0.1:" + std::to_string(port);
  herokupp::ClientOptions opts;
  opts.api_key = "bench-key";
  opts.base_url = base;
  auto transport = std::make_shared<herokupp::CurlTransport>();
  opts.transport = transport;
  herokupp::Client heroku(opts);
  herokupp::AppClient app = heroku.app("bench-app");

  plain_curl_round(base + "/apps/bench-app", requests / 10);  // warm up both
  herokupp_round(app, requests / 10);
  std::vector<double> plain, ours, raw, decode;
  for (int r = 0; r < rounds; ++r) {
    plain.push_back(plain_curl_round(base + "/apps/bench-app", requests));
    ours.push_back(herokupp_round(app, requests));
    raw.push_back(raw_round(heroku, requests));
    decode.push_back(decode_only(requests));
  }
  double p = median(plain);
  double o = median(ours);
  std::printf("app.info() over loopback keep-alive, %d rounds of %d requests (medians)\n", rounds,
              requests);
  std::printf("  plain libcurl, reused handle : %8.1f us/request\n", p);
  std::printf("  herokupp app.info()          : %8.1f us/request\n", o);
  std::printf("  ratio herokupp / plain curl  : %8.3f\n", o / p);
  std::printf("  of which: raw() without decoding %8.1f us, decoding alone %8.1f us\n", median(raw),
              median(decode));
  std::printf("  herokupp connections opened  : %8ld\n", transport->connections_opened());
  server.stop();
  serving.join();
  return 0;
}
