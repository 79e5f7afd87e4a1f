// Waiting: how the actions that can wait (run, migrate, promote) poll, and
// the one polling helper they and the workflow share.
#ifndef HEROKUPP_OPS_WAIT_HPP
#define HEROKUPP_OPS_WAIT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace herokupp::ops {

/// Whether and how long to wait for something to finish, and how to poll:
/// first after `interval`, then each pause half as long again as the one
/// before, up to `max_interval`, so long waits stay gentle on the account's
/// rate limit.
///
/// The clock and the sleep default to the Client's own (`ClientOptions::now`
/// and `ClientOptions::sleep`), so a test that gives the Client a virtual clock waits in
/// virtual time. A wait that runs out returns an Error of kind timeout.
///
/// @par Example
/// @code
/// herokupp::ops::WaitOptions w;
/// w.enabled = true;
/// w.timeout = std::chrono::minutes(30);
/// w.interval = std::chrono::seconds(5);
/// @endcode
struct WaitOptions {
  /// Whether to wait at all; off: return as soon as the request is accepted.
  bool enabled = false;
  /// How long to wait in all before giving up with a timeout Error.
  std::chrono::milliseconds timeout = std::chrono::minutes(10);
  /// The first pause between two polls.
  std::chrono::milliseconds interval = std::chrono::seconds(2);
  /// The longest pause between two polls, as the pause grows.
  std::chrono::milliseconds max_interval = std::chrono::seconds(30);
  /// Unset: the Client's clock (or the steady clock where there is no Client).
  std::function<std::chrono::steady_clock::time_point()> now;
  /// Unset: the Client's sleep (or std::this_thread::sleep_for).
  std::function<void(std::chrono::milliseconds)> sleep;
};

/// The clock a wait runs on: never empty once made by wait_clock().
///
/// @par Example
/// @code
/// auto clock = herokupp::ops::wait_clock(herokupp::ops::WaitOptions{}, &heroku);
/// auto started = clock.now();
/// @endcode
struct WaitClock {
  std::function<std::chrono::steady_clock::time_point()> now;  ///< the wait's clock
  std::function<void(std::chrono::milliseconds)> sleep;        ///< pauses on that clock
};

/// The clock `options` names, else `client`'s (may be null), else the real one.
///
/// @par Example
/// @code
/// auto clock = herokupp::ops::wait_clock(herokupp::ops::WaitOptions{}, &app.client());
/// @endcode
inline WaitClock wait_clock(WaitOptions const& options, Client const* client) {
  WaitClock clock;
  clock.now = options.now;
  clock.sleep = options.sleep;
  if (!clock.now && client && client->options().now) clock.now = client->options().now;
  if (!clock.sleep && client && client->options().sleep) clock.sleep = client->options().sleep;
  if (!clock.now) clock.now = [] { return std::chrono::steady_clock::now(); };
  if (!clock.sleep) {
    clock.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  }
  return clock;
}

/// "10m", "90s", "1500ms".
///
/// @par Example
/// @code
/// assert(herokupp::ops::describe_duration(std::chrono::seconds(90)) == "90s");
/// @endcode
inline std::string describe_duration(std::chrono::milliseconds d) {
  auto ms = d.count();
  if (ms % 60000 == 0 && ms != 0) return std::to_string(ms / 60000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

/// Calls `step` until it yields a value or an Error, pausing `interval`,
/// then 1.5 times longer each time up to `max_interval`; when `timeout` has
/// passed, an Error of kind timeout saying `what` was still unfinished.
/// `step` returns result<std::optional<T>>: nullopt means "not yet".
///
/// @par Example
/// @code
/// auto build = herokupp::ops::poll<herokupp::Build>(
///     herokupp::ops::WaitOptions{}, herokupp::ops::wait_clock({}, &heroku), "build b-1",
///     [&]() -> herokupp::result<std::optional<herokupp::Build>> {
///       auto b = app.builds().info("b-1");
///       if (!b) return b.error();
///       if (b->status == herokupp::Build::Status::pending) return std::nullopt;
///       return std::optional<herokupp::Build>(std::move(b).value());
///     });
/// @endcode
template <class T, class Step>
result<T> poll(WaitOptions const& options, WaitClock const& clock, std::string const& what,
               Step&& step) {
  auto const start = clock.now();
  auto interval = options.interval.count() > 0 ? options.interval : std::chrono::milliseconds(1);
  while (true) {
    result<std::optional<T>> r = step();
    if (!r) return std::move(r).error();
    if (r.value()) return std::move(*r.value());
    auto const elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - start);
    if (elapsed >= options.timeout) {
      return Error(ErrorKind::timeout,
                   what + " was still unfinished after " + describe_duration(options.timeout));
    }
    clock.sleep(std::min(interval, options.timeout - elapsed));
    interval = std::max(interval, std::min(options.max_interval, interval * 3 / 2));
  }
}

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_WAIT_HPP
