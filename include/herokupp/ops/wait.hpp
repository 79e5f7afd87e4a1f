// WaitOptions: how the actions that can wait (run, migrate, promote) poll.
#ifndef HEROKUPP_OPS_WAIT_HPP
#define HEROKUPP_OPS_WAIT_HPP

#include <chrono>
#include <functional>

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

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_WAIT_HPP
