// Platform: the simulated Heroku Platform API, its state and its behaviour.
#ifndef HEROKUPP_SIM_PLATFORM_HPP
#define HEROKUPP_SIM_PLATFORM_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/fault.hpp>
#include <herokupp/sim/message.hpp>
#include <herokupp/transport.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp::sim {

/// How a Platform behaves: its clock, how long things take, its limits.
///
/// @par Example
/// @code
/// herokupp::sim::PlatformOptions opts;
/// opts.clock = std::make_shared<herokupp::sim::VirtualClock>();
/// opts.build_duration = std::chrono::seconds(90);
/// opts.rate_limit_capacity = 100;      // run out quickly in a test
/// herokupp::sim::Platform platform{opts};
/// @endcode
struct PlatformOptions {
  /// Null: the wall clock (SystemClock).
  std::shared_ptr<Clock> clock;
  /// Seeds the generator of ids; the same seed and requests give the same ids.
  std::uint64_t seed = 1;
  /// Request tokens per account (GCRA), and how many come back each minute.
  long rate_limit_capacity = 4500;
  /// Request tokens given back to each account per minute.
  double rate_limit_refill_per_minute = 75;
  /// How long a build stays `pending` before it succeeds (or fails).
  std::chrono::seconds build_duration{30};
  /// How long a promotion's targets stay `pending`.
  std::chrono::seconds promotion_duration{10};
  /// How long a dyno stays `starting` after it is created or restarted.
  std::chrono::seconds dyno_boot_duration{5};
  /// How long a one-off dyno (`run.N`) runs before it leaves the list.
  std::chrono::seconds one_off_duration{60};
  /// The base of URLs the API hands out (log sessions, build output); the
  /// Server sets it to its own address.
  std::string base_url = "http://127.0.0.1";
  /// The random faults to start with; none by default.
  FaultOptions faults;
};

/// A complete, in-memory Heroku Platform API.
///
/// `handle` answers one request the way api.heroku.com would: it checks the
/// Accept header, the API key, the account's rate limit, the route and the
/// body against the official schema, then runs the endpoint's behaviour.
/// Reach it in-process with InProcessTransport, or over HTTP with Server.
/// All member functions are thread-safe.
///
/// @par Example
/// @code
/// herokupp::sim::Platform platform;
/// platform.load_seed_file("tests/fixtures/fleet.json").value();
/// auto transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
/// herokupp::ClientOptions opts;
/// opts.api_key = platform.default_api_key();
/// opts.transport = transport;
/// herokupp::Client heroku{opts};
/// auto account = heroku.raw(herokupp::Method::get, "/account");
/// @endcode
class HEROKUPP_API Platform {
 public:
  /// A platform with these settings; default_api_key() is the key of its account.
  explicit Platform(PlatformOptions options = {});
  ~Platform();
  Platform(Platform const&) = delete;
  Platform& operator=(Platform const&) = delete;

  /// Answers one request.
  Response handle(Request const& request);

  /// Adds accounts, apps, pipelines, releases, config and formation from a
  /// seed document (see docs/simulator.md). An invalid seed leaves an Error
  /// of kind invalid_argument naming the problem; what was loaded stays.
  result<void> load_seed(std::string_view json);
  /// Reads a seed from a file.
  result<void> load_seed_file(std::string const& path);

  /// Adds an account; returns its API key (`api_key`, or a new one if empty).
  std::string add_account(std::string const& email, std::string api_key = {});
  /// The first key of the first account; creates `user@example.com` when the
  /// platform has no account yet.
  std::string default_api_key();

  /// The base of URLs handed out in answers ("http://127.0.0.1:5000").
  void set_base_url(std::string url);
  /// The base of URLs handed out in answers.
  std::string base_url() const;

  /// Replaces the random fault settings (and restarts their generator).
  void set_faults(FaultOptions faults);
  /// The random fault settings in force.
  FaultOptions faults() const;
  /// Makes the next `count` requests (matching `path_prefix`, if given) fail
  /// with `kind`, before any random fault is drawn.
  void inject(FaultKind kind, int count = 1, std::string path_prefix = {});

  /// The next release of `app` (from a build, a promotion or a rollback)
  /// fails with `message`: the release is `failed` and a promotion target
  /// to the app reports the message. False when there is no such app.
  bool fail_next_release(std::string const& app, std::string message);

  /// The next deploy or promotion to `app` succeeds, but its code crashes
  /// on boot: every dyno that starts on that slug ends `crashed`, and the
  /// app's log shows `message` and the exit. A rollback to an earlier slug
  /// boots normally again. False when there is no such app.
  ///
  /// @code
  /// platform.crash_next_release("shop-production", "NoMethodError: undefined method");
  /// @endcode
  bool crash_next_release(std::string const& app, std::string message);

  /// The next one-off dyno of `app` (run, migrate) fails: its output ends
  /// with an error and the app's log says `Process exited with status
  /// <status>` (non-zero; 1 when 0 is given). False when there is no such app.
  ///
  /// @code
  /// platform.fail_next_run("shop-staging", 1);
  /// @endcode
  bool fail_next_run(std::string const& app, int status = 1);

  /// The clock the platform runs on.
  Clock const& clock() const;

  /// Requests received so far (all, or those with this method and exact path).
  std::size_t request_count() const;
  /// Requests received with this method and exact path.
  std::size_t request_count(Method method, std::string_view path) const;

  /// The current config vars of `app` (by name or id), for assertions.
  std::optional<std::map<std::string, std::string>> config_vars(std::string_view app) const;

  /// The implementation (src/sim); not part of the API.
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_PLATFORM_HPP
