// Test support for herokupp::ops: a simulated Platform seeded with
// ops_seed.json on a virtual clock, a transport that records (and can break)
// requests, and a capture of everything the tests see, scanned for secrets.
#ifndef HEROKUPP_TESTS_OPS_OPS_WORLD_HPP
#define HEROKUPP_TESTS_OPS_OPS_WORLD_HPP

#include <herokupp/client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/ops.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/virtual_time.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opstest {

using herokupp::Method;

/// The key of ops@example.com in ops_seed.json; it must never be captured.
inline constexpr char const* api_key = "HRKU-ops-test-key-5e1f00d4b7a9c2e3";

/// Every config value of the seed and every value the tests set: none may
/// appear in anything captured.
inline std::vector<std::string> const& secrets() {
  static std::vector<std::string> const values = {
      api_key,
      "HRKU-ops-other-key-77aa01c3d9e2b4f6",
      "postgres://shop:Stg-pa55-9c1e@db.internal:5432/shop_staging",
      "Stg-pa55-9c1e",
      "stg-0b8e5c2d-secret-key-base-value",
      "tok-shared-4411-aa-same-everywhere",
      "rails-env-staging-value-3c1d",
      "only-staging-value-a7f2",
      "feature-x-value-on-5b9e",
      "postgres://shop:Prod-pa55-2f7b@db.internal:5432/shop",
      "Prod-pa55-2f7b",
      "prod-91d3aa0e-secret-key-base-value",
      "rails-env-production-value-8e4a",
      "only-production-value-c3d8",
      "xoxb-bot-token-6d2c9f1e",
      "quiet-setting-value-0e6f",
      "other-secret-value-4d1a",
      // values the tests set
      "set-by-test-value-2a9c41",
      "changed-by-test-value-77e0b3",
      "bot-change-attempt-value-19ffe",
      "audited-value-not-in-the-log-55c1",
  };
  return values;
}

/// One request as the transport saw it.
struct Seen {
  Method method = Method::get;
  std::string path;  ///< without scheme, host or query
  herokupp::Headers headers;
  std::string body;
};

/// Forwards to the simulator, recording each request; a test can make the
/// next request matching a method and path fail before it reaches the
/// simulator (nothing happens there) or after (it happened, but the answer
/// is lost, like a connection reset).
class RecordingTransport : public herokupp::Transport {
 public:
  enum class Fail { before, after };

  explicit RecordingTransport(herokupp::sim::Platform& platform) : inner_(platform) {}

  herokupp::result<herokupp::HttpResponse> send(herokupp::HttpRequest const& request) override {
    Seen seen;
    seen.method = request.method;
    seen.path = path_of(request.url);
    seen.headers = request.headers;
    seen.body = request.body;
    std::optional<Fail> fail;
    {
      std::lock_guard<std::mutex> guard(mutex_);
      seen_.push_back(seen);
      for (auto it = failures_.begin(); it != failures_.end(); ++it) {
        if (it->method == seen.method && it->path == seen.path) {
          fail = it->when;
          failures_.erase(it);
          break;
        }
      }
    }
    if (fail == Fail::before) {
      herokupp::HttpResponse res;
      res.status = 503;
      res.headers.set("Content-Type", "application/json");
      res.body = R"({"id":"unavailable","message":"Simulated outage."})";
      return res;
    }
    auto answer = inner_.send(request);
    if (fail == Fail::after) {
      return herokupp::Error(herokupp::ErrorKind::transport, "connection reset by peer");
    }
    return answer;
  }

  /// The next `method` request to exactly `path` fails as `when` says.
  void fail_next(Method method, std::string path, Fail when) {
    std::lock_guard<std::mutex> guard(mutex_);
    failures_.push_back({method, std::move(path), when});
  }

  std::vector<Seen> seen() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return seen_;
  }
  std::size_t count() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return seen_.size();
  }
  /// Requests with this method whose path starts with `prefix`.
  std::size_t count(Method method, std::string_view prefix) const {
    std::lock_guard<std::mutex> guard(mutex_);
    std::size_t n = 0;
    for (auto const& s : seen_) {
      if (s.method == method && s.path.compare(0, prefix.size(), prefix) == 0) ++n;
    }
    return n;
  }
  /// Requests of any method other than GET.
  std::size_t writes() const {
    std::lock_guard<std::mutex> guard(mutex_);
    std::size_t n = 0;
    for (auto const& s : seen_)
      n += s.method != Method::get ? 1 : 0;
    return n;
  }

  static std::string path_of(std::string const& url) {
    std::size_t start = url.find("://");
    start = start == std::string::npos ? 0 : url.find('/', start + 3);
    if (start == std::string::npos) return "/";
    std::size_t end = url.find('?', start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }

 private:
  struct Failure {
    Method method;
    std::string path;
    Fail when;
  };
  herokupp::sim::InProcessTransport inner_;
  mutable std::mutex mutex_;
  std::vector<Seen> seen_;
  std::vector<Failure> failures_;
};

/// A seeded Platform on a virtual clock, Clients on it, and the capture.
struct World {
  std::shared_ptr<herokupp::sim::VirtualClock> clock =
      std::make_shared<herokupp::sim::VirtualClock>();
  std::unique_ptr<herokupp::sim::Platform> platform;
  std::shared_ptr<RecordingTransport> transport;
  std::shared_ptr<std::vector<std::string>> captured = std::make_shared<std::vector<std::string>>();
  std::shared_ptr<std::vector<herokupp::ops::AuditRecord>> records =
      std::make_shared<std::vector<herokupp::ops::AuditRecord>>();

  explicit World(herokupp::sim::PlatformOptions options = {}) {
    options.clock = clock;
    platform = std::make_unique<herokupp::sim::Platform>(options);
    auto seeded = platform->load_seed_file(HEROKUPP_OPS_SEED);
    REQUIRE_MESSAGE(seeded, (seeded ? std::string() : seeded.error().message));
    transport = std::make_shared<RecordingTransport>(*platform);
  }

  World(World const&) = delete;
  World& operator=(World const&) = delete;

  /// Every test's World proves, when it ends, that nothing it captured
  /// holds a config value or an API key.
  ~World() { scan(); }

  herokupp::ClientOptions options(std::string key = api_key) const {
    herokupp::ClientOptions opts;
    opts.api_key = std::move(key);
    opts.base_url = "https://api.heroku.com";
    opts.transport = transport;
    herokupp::sim::keep_time_on(clock, opts);
    auto sink = captured;
    opts.logger = [sink](herokupp::LogRecord const& r) {
      sink->push_back(std::string(herokupp::to_string(r.method)) + " " + r.path + " " +
                      std::to_string(r.status) + " " + r.request_id + " " + r.message);
    };
    return opts;
  }

  herokupp::Client client() const { return herokupp::Client(options()); }
  herokupp::AppClient app(std::string name) const { return client().app(std::move(name)); }
  herokupp::PipelineClient pipeline(std::string name) const {
    return client().pipeline(std::move(name));
  }

  /// Waiting on the virtual clock, spelled out (calls take it from their
  /// Client when the options leave it empty).
  herokupp::ops::WaitOptions virtual_wait() const {
    herokupp::ops::WaitOptions wait;
    wait.enabled = true;
    auto opts = options();
    wait.now = opts.now;
    wait.sleep = opts.sleep;
    return wait;
  }
  herokupp::ops::PromoteOptions promote_options() const {
    herokupp::ops::PromoteOptions o;
    o.wait = virtual_wait();
    return o;
  }

  /// The wall time of the simulated platform, for dyno ages and audit records.
  std::function<herokupp::Timestamp()> now() const {
    auto c = clock;
    return [c] { return herokupp::Timestamp(c->now()); };
  }

  /// A sink keeping records here and their JSON lines in the capture.
  std::shared_ptr<herokupp::ops::AuditSink> audit() const {
    auto sink = captured;
    auto kept = records;
    return std::make_shared<herokupp::ops::CallbackAuditSink>(
        [sink, kept](herokupp::ops::AuditRecord const& r) {
          kept->push_back(r);
          sink->push_back(herokupp::ops::to_json_line(r));
        });
  }

  void capture(std::string text) const { captured->push_back(std::move(text)); }
  void capture(herokupp::Error const& e) const {
    capture(e.message);
    capture(e.describe());
    capture(e.hint());
    capture(e.id);
    capture(e.request);
    capture(herokupp::ops::explain(e));
  }
  template <class T>
  void capture(herokupp::result<T> const& r) const {
    if (!r) capture(r.error());
  }
  void capture(herokupp::ops::MaskedConfig const& m) const {
    capture(m.to_string());
    for (auto const& v : m.vars)
      capture(v.key + " " + v.mask + " " + v.fingerprint);
  }
  void capture(herokupp::ops::ConfigChange const& c) const {
    capture(c.config);
    for (auto const* list : {&c.added, &c.changed, &c.unchanged, &c.removed, &c.absent}) {
      for (auto const& k : *list)
        capture(k);
    }
  }

  /// Fails the test when anything captured holds a secret.
  void scan() const {
    std::size_t leaks = 0;
    for (auto const& text : *captured) {
      for (auto const& secret : secrets()) {
        if (text.find(secret) != std::string::npos) {
          ++leaks;
          FAIL_CHECK("captured text holds a secret: " << text.substr(0, 80));
        }
      }
    }
    CHECK(leaks == 0);
  }

  /// The current config of an app, read from the simulator (not captured).
  std::map<std::string, std::string> config_of(std::string const& app) const {
    return platform->config_vars(app).value_or(std::map<std::string, std::string>{});
  }
  bool maintenance_of(std::string const& app) const {
    auto info = app_silent(app).info();
    REQUIRE(info);
    return info->maintenance;
  }
  std::int64_t current_version(std::string const& app) const {
    auto releases = herokupp::ops::recent_releases(app_silent(app), 20);
    REQUIRE(releases);
    for (auto const& r : releases.value()) {
      if (r.current) return r.version;
    }
    return 0;
  }
  /// A client whose requests are not recorded by `transport` (for looking
  /// at state without disturbing request counts).
  herokupp::AppClient app_silent(std::string name) const {
    herokupp::ClientOptions opts;
    opts.api_key = api_key;
    opts.transport = std::make_shared<herokupp::sim::InProcessTransport>(*platform);
    return herokupp::Client(opts).app(std::move(name));
  }
};

}  // namespace opstest

#endif  // HEROKUPP_TESTS_OPS_OPS_WORLD_HPP
