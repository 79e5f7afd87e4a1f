// Internal: polling with the Client's (possibly virtual) clock.
#ifndef HEROKUPP_SRC_OPS_WAIT_HPP
#define HEROKUPP_SRC_OPS_WAIT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/ops/wait.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>

namespace herokupp::ops::detail {

struct WaitClock {
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<void(std::chrono::milliseconds)> sleep;
};

/// The clock `options` names, else the Client's, else the real one.
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
inline std::string describe_duration(std::chrono::milliseconds d) {
  auto ms = d.count();
  if (ms % 60000 == 0 && ms != 0) return std::to_string(ms / 60000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

/// Calls `step` until it yields a value, an Error, or the timeout passes
/// (pausing `interval`, then 1.5 times longer each time up to `max_interval`)
/// (then an Error of kind timeout saying `what` was still unfinished).
/// `step` returns result<std::optional<T>>: nullopt means "not yet".
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

}  // namespace herokupp::ops::detail

#endif  // HEROKUPP_SRC_OPS_WAIT_HPP
