// Clock: where the simulator reads the time, virtual in tests, the wall clock in the server.
#ifndef HEROKUPP_SIM_CLOCK_HPP
#define HEROKUPP_SIM_CLOCK_HPP

#include <herokupp/export.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>

namespace herokupp::sim {

/// The time source of a Platform. Everything that takes time in the
/// simulator (a build, a promotion, a one-off dyno, the refill of rate-limit
/// tokens) is measured against it, so a test that uses a VirtualClock decides
/// when things happen and never waits.
///
/// @par Example
/// @code
/// auto clock = std::make_shared<herokupp::sim::VirtualClock>();
/// herokupp::sim::PlatformOptions opts;
/// opts.clock = clock;
/// herokupp::sim::Platform platform{opts};
/// // ... start a build ...
/// clock->advance(std::chrono::minutes(1));   // the build has finished now
/// @endcode
class HEROKUPP_API Clock {
 public:
  /// A moment of the clock, in system_clock's terms.
  using time_point = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  /// The current instant. Must be safe to call from many threads.
  virtual time_point now() const = 0;
};

/// The wall clock: what `herokupp-sim` uses.
class HEROKUPP_API SystemClock final : public Clock {
 public:
  time_point now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that moves only when told to. Starts at 2024-01-01T00:00:00Z
/// unless given another instant. Thread-safe.
class HEROKUPP_API VirtualClock final : public Clock {
 public:
  VirtualClock();
  /// A clock standing at `start` until advanced.
  explicit VirtualClock(time_point start);

  time_point now() const override;
  /// Moves time forward by `d` (a negative duration is ignored).
  void advance(std::chrono::nanoseconds d);
  /// Jumps to `t`, which may not be earlier than now (an earlier `t` is ignored).
  void set(time_point t);

 private:
  std::atomic<std::int64_t> ns_since_epoch_;
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_CLOCK_HPP
