// fan_out: many calls at once, a bounded number in flight, results in order.
#ifndef HEROKUPP_FAN_OUT_HPP
#define HEROKUPP_FAN_OUT_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace herokupp {

/// Stops a fan-out: items not yet started are not started (each gets an
/// Error of kind precondition_failed saying so); calls in flight finish.
/// Copies share one flag, so any thread may cancel.
///
/// @par Example
/// @code
/// // given: herokupp::FanOutOptions opts
/// herokupp::Cancellation stop;
/// opts.cancel = stop;
/// stop.cancel();   // from any thread: items not yet started are not started
/// @endcode
class Cancellation {
 public:
  /// Asks the fan-out to start no further item.
  void cancel() const noexcept { flag_->store(true, std::memory_order_relaxed); }
  /// Whether cancel() was called on this flag.
  bool cancelled() const noexcept { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_ = std::make_shared<std::atomic<bool>>(false);
};

/// Where a fan-out is: told after each item finishes, one call at a time.
struct FanOutProgress {
  std::size_t done = 0;    ///< items finished, failed ones included
  std::size_t failed = 0;  ///< of which ended with an Error
  /// Items in the fan-out.
  std::size_t total = 0;
};

/// How a fan-out runs.
///
/// @par Example
/// @code
/// herokupp::FanOutOptions o;
/// o.in_flight = 16;
/// o.on_progress = [](herokupp::FanOutProgress const& p) { std::clog << p.done << "/" << p.total <<
/// "\r"; };
/// @endcode
struct FanOutOptions {
  std::size_t in_flight = 8;  ///< calls at once (threads); 0 counts as 1
  /// After the first Error, start no further item (each gets an Error).
  bool stop_on_first_error = false;
  /// Told after each item finishes; null: nobody is told.
  std::function<void(FanOutProgress const&)> on_progress;
  /// A flag that stops the fan-out when cancelled; none: it runs to the end.
  std::optional<Cancellation> cancel;
};

/// The engine of fan_out(), public for callers that keep their own results.
/// Runs `run(i)` for i in [0, count) on up to `in_flight` threads; `run`
/// returns whether item i succeeded; `skip(i)` fills an item not started.
HEROKUPP_API void fan_out_indices(std::size_t count, FanOutOptions const& options,
                                  std::function<bool(std::size_t)> const& run,
                                  std::function<void(std::size_t, Error)> const& skip);

/// Calls `fn(input)` for every input, `options.in_flight` at a time, on a
/// small pool of threads (the Client is synchronous and thread-safe; each
/// call keeps its own retries and the shared throttle still paces the
/// account). Results come back in input order, one `result` per input.
///
/// @par Example
/// @code
/// std::vector<std::string> names = {"shop", "blog", "api"};
/// auto infos = herokupp::fan_out(names, [&](std::string const& n) {
///   return heroku.app(n).info();
/// });
/// for (std::size_t i = 0; i < names.size(); ++i)
///   std::cout << names[i] << ": " << (infos[i] ? "ok" : infos[i].error().message) << "\n";
/// @endcode
template <class Input, class Fn>
auto fan_out(std::vector<Input> const& inputs, Fn&& fn, FanOutOptions const& options = {})
    -> std::vector<decltype(fn(inputs.front()))> {
  using R = decltype(fn(inputs.front()));
  std::vector<std::optional<R>> slots(inputs.size());
  fan_out_indices(
      inputs.size(), options,
      [&](std::size_t i) {
        slots[i].emplace(fn(inputs[i]));
        return static_cast<bool>(*slots[i]);
      },
      [&](std::size_t i, Error e) { slots[i].emplace(std::move(e)); });
  std::vector<R> out;
  out.reserve(slots.size());
  for (auto& s : slots)
    out.push_back(std::move(*s));
  return out;
}

}  // namespace herokupp

#endif  // HEROKUPP_FAN_OUT_HPP
