#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/virtual_time.hpp>

namespace herokupp::sim {

namespace {
// 2024-01-01T00:00:00Z
constexpr std::int64_t kDefaultStartSeconds = 1704067200;
}  // namespace

VirtualClock::VirtualClock()
    : VirtualClock(time_point(std::chrono::seconds(kDefaultStartSeconds))) {}

VirtualClock::VirtualClock(time_point start)
    : ns_since_epoch_(
          std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count()) {}

VirtualClock::time_point VirtualClock::now() const {
  return time_point(std::chrono::duration_cast<time_point::duration>(
      std::chrono::nanoseconds(ns_since_epoch_.load(std::memory_order_acquire))));
}

void VirtualClock::advance(std::chrono::nanoseconds d) {
  if (d.count() > 0) ns_since_epoch_.fetch_add(d.count(), std::memory_order_acq_rel);
}

void VirtualClock::set(time_point t) {
  std::int64_t target =
      std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  std::int64_t current = ns_since_epoch_.load(std::memory_order_acquire);
  while (target > current &&
         !ns_since_epoch_.compare_exchange_weak(current, target, std::memory_order_acq_rel)) {
  }
}

ClientOptions& keep_time_on(std::shared_ptr<VirtualClock> clock, ClientOptions& options) {
  // The Client measures durations on a steady clock: virtual time since now.
  auto const start = clock->now();
  options.now = [clock, start] {
    return std::chrono::steady_clock::time_point(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(clock->now() - start));
  };
  options.sleep = [clock](std::chrono::milliseconds d) { clock->advance(d); };
  return options;
}

}  // namespace herokupp::sim
