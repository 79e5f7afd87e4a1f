// Many threads, one Client: the claims of "thread-safe, cheap to copy" tried
// over real sockets against the simulator's server. Run under
// ThreadSanitizer by scripts/test (docs/testing.md says what it cannot see).
#include <herokupp/herokupp.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using herokupp::Client;
using herokupp::ClientOptions;
using herokupp::Method;

namespace {

constexpr int kThreads = 8;
// The fleet's ops account (tests/fixtures/fleet.json), which sees every app.
constexpr char const* ops_key = "HRKU-fleet-ops-4f1c2a9e7b3d4c5e8a6f0b1d2c3e4f5a";

// A throttle that many threads call at once: it counts, and keeps the
// lowest RateLimit-Remaining it was told, under its own lock.
class CountingThrottle : public herokupp::Throttle {
 public:
  void before_request() override { ++before_; }
  void after_response(int status, std::optional<long> remaining) override {
    ++after_;
    std::lock_guard<std::mutex> guard(mutex_);
    if (status == 0) ++failures_;
    if (remaining && (!lowest_ || *remaining < *lowest_)) lowest_ = remaining;
  }
  int before() const { return before_.load(); }
  int after() const { return after_.load(); }
  std::optional<long> lowest() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return lowest_;
  }

 private:
  std::atomic<int> before_{0};
  std::atomic<int> after_{0};
  mutable std::mutex mutex_;
  int failures_ = 0;
  std::optional<long> lowest_;
};

struct Fleet {
  herokupp::sim::Platform platform;
  std::unique_ptr<herokupp::sim::Server> server;

  Fleet() {
    REQUIRE(platform.load_seed_file(HEROKUPP_FLEET_SEED).has_value());
    server = std::make_unique<herokupp::sim::Server>(platform);
  }
  ClientOptions options() const {
    ClientOptions opts;
    opts.api_key = ops_key;
    opts.base_url = server->base_url();
    return opts;
  }
};

}  // namespace

TEST_CASE("one Client shared by 8 threads: mixed calls and listings all succeed") {
  Fleet fleet;
  auto throttle = std::make_shared<CountingThrottle>();
  auto opts = fleet.options();
  opts.throttle = throttle;
  std::atomic<int> logged{0};
  opts.logger = [&logged](herokupp::LogRecord const&) { ++logged; };
  Client const heroku(opts);

  auto apps = heroku.apps().list().collect();
  REQUIRE(apps);
  REQUIRE(apps->size() >= 2);
  std::vector<std::string> names;
  for (auto const& a : *apps)
    names.push_back(a.name);

  std::atomic<int> failures{0};
  std::atomic<int> calls{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Client mine = heroku;  // copies share the transport, throttle and rate-limit reading
      for (int i = 0; i < 12; ++i) {
        auto const& name = names[static_cast<std::size_t>(t + i) % names.size()];
        auto app = mine.app(name);
        bool ok = true;
        switch ((t + i) % 6) {
          case 0:
            ok = app.info().has_value();
            break;
          case 1: {
            herokupp::ListOptions two;
            two.max = 2;
            ok = app.releases().list(two).collect().has_value();
            break;
          }
          case 2:
            ok = app.formation().list().collect().has_value();
            break;
          case 3:
            ok = app.dynos().list().take(5).has_value();
            break;
          case 4:
            ok = mine.apps().list().take(3).has_value();
            break;
          default:
            ok = mine.raw(Method::get, "/account").has_value();
            break;
        }
        ++calls;
        if (!ok) ++failures;
        (void)mine.rate_limit_remaining();
      }
    });
  }
  for (auto& th : threads)
    th.join();
  CHECK(failures.load() == 0);
  CHECK(calls.load() == kThreads * 12);
  // Every request passed the throttle once on the way out and once back.
  CHECK(throttle->before() == throttle->after());
  CHECK(throttle->before() == logged.load());
  CHECK(throttle->before() >= kThreads * 12);
  REQUIRE(throttle->lowest());
  CHECK(heroku.rate_limit_remaining().has_value());
}

TEST_CASE("the simulator's server under load from 8 Clients, with faults switched on and off") {
  Fleet fleet;
  std::atomic<bool> done{false};
  // Another thread changes the fault settings while requests run.
  std::thread chaos([&] {
    herokupp::sim::FaultOptions f;
    f.seed = 7;
    for (int i = 0; !done.load(); ++i) {
      f.error_503_rate = i % 2 == 0 ? 0.2 : 0.0;
      fleet.platform.set_faults(f);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto opts = fleet.options();
      opts.sleep = [](std::chrono::milliseconds) {};  // retry at once
      Client heroku(opts);
      for (int i = 0; i < 15; ++i) {
        auto r = heroku.raw(Method::get, "/apps");
        // A 503 that outlasts the retries is a typed server error, not a failure of the test.
        if (r || r.error().kind == herokupp::ErrorKind::server) ++answered;
      }
    });
  }
  for (auto& th : threads)
    th.join();
  done = true;
  chaos.join();
  CHECK(answered.load() == kThreads * 15);
}

TEST_CASE("one CurlTransport's pool under 8 threads keeps reusing connections") {
  Fleet fleet;
  auto transport = std::make_shared<herokupp::CurlTransport>();
  auto opts = fleet.options();
  opts.transport = transport;
  Client heroku(opts);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i)
        if (heroku.raw(Method::get, "/account")) ++ok;
    });
  }
  for (auto& th : threads)
    th.join();
  CHECK(ok.load() == kThreads * 20);
  // At most one connection per handle in use at once, far fewer than requests.
  CHECK(transport->connections_opened() <= 2 * kThreads);
}
