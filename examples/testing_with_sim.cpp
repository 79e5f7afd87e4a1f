// Testing your own code with herokupp::sim: a function of "your tool" and the
// tests that pin its behaviour down against an in-process simulator, with a
// virtual clock and injected faults. No account, no network, no waiting.
//
// The checks here are plain; in a real suite they are doctest, Catch2 or
// GoogleTest cases, each with a fresh Platform.
#include <herokupp/herokupp.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/fault.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/virtual_time.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

// ---- the code under test ----------------------------------------------------

/// Whether `app` may be deployed now: not in maintenance mode, and its newest
/// release did not fail. Errors (unknown app, no access, outage) pass through.
herokupp::result<bool> safe_to_deploy(herokupp::AppClient const& app) {
  auto info = app.info();
  if (!info) return std::move(info).error();
  if (info->maintenance) return false;

  herokupp::ListOptions newest;
  newest.max = 1;
  newest.order = herokupp::Order::descending;
  newest.sort_field = "version";
  auto latest = app.releases().list(newest).take(1);  // one request
  if (!latest) return std::move(latest).error();
  return latest->empty() || latest->front().status != herokupp::Release::Status::failed;
}

// ---- the tests ----------------------------------------------------------------

namespace {

constexpr char const* kSeed = R"({
  "accounts": [{"email": "ci@example.com", "api_key": "HRKU-test-key"}],
  "apps": [{"name": "shop", "releases": [{"config": {"RAILS_ENV": "production"}},
                                         {"deploy": "1a2b3c4d"}]}]
})";

/// A fresh simulated Heroku per test, on virtual time.
struct Fixture {
  std::shared_ptr<herokupp::sim::VirtualClock> clock =
      std::make_shared<herokupp::sim::VirtualClock>();
  herokupp::sim::Platform platform{options(clock)};
  herokupp::Client heroku{client_options(platform, clock)};

  Fixture() { platform.load_seed(kSeed).value(); }

  static herokupp::sim::PlatformOptions options(
      std::shared_ptr<herokupp::sim::VirtualClock> clock) {
    herokupp::sim::PlatformOptions o;
    o.clock = std::move(clock);
    return o;
  }
  static herokupp::ClientOptions client_options(
      herokupp::sim::Platform& platform, std::shared_ptr<herokupp::sim::VirtualClock> clock) {
    herokupp::ClientOptions o;
    o.api_key = "HRKU-test-key";
    o.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
    // Retries wait on the virtual clock: a test with backoff takes no time.
    return herokupp::sim::keep_time_on(std::move(clock), o);
  }
};

int failures = 0;

void check(bool ok, char const* what) {
  std::cout << (ok ? "ok     " : "FAILED ") << what << "\n";
  if (!ok) ++failures;
}

}  // namespace

int main() {
  {
    Fixture f;
    auto safe = safe_to_deploy(f.heroku.app("shop"));
    check(safe && *safe, "a healthy app is safe to deploy");
  }
  {
    Fixture f;
    f.heroku.app("shop").enable_maintenance().value();
    auto safe = safe_to_deploy(f.heroku.app("shop"));
    check(safe && !*safe, "an app in maintenance mode is not");
  }
  {
    Fixture f;
    f.platform.fail_next_release("shop", "release command failed");
    // A rollback makes a release (builds and promotions do too); this one fails.
    auto app = f.heroku.app("shop");
    app.releases().rollback(app.releases().info(1).value().id).value();
    auto safe = safe_to_deploy(f.heroku.app("shop"));
    check(safe && !*safe, "an app whose newest release failed is not");
  }
  {
    Fixture f;
    f.platform.inject(herokupp::sim::FaultKind::error_503, 2);  // a short outage
    auto safe = safe_to_deploy(f.heroku.app("shop"));
    check(safe && *safe, "two 503s are retried away (GET is idempotent), on virtual time");
    check(f.platform.request_count() == 4, "... in four requests");
  }
  {
    Fixture f;
    auto safe = safe_to_deploy(f.heroku.app("shopp"));
    check(!safe && safe.error().kind == herokupp::ErrorKind::not_found,
          "a typo is a not_found Error, not a 'no'");
  }
  std::cout << (failures ? "some checks failed\n" : "all checks passed\n");
  return failures ? 1 : 0;
}
