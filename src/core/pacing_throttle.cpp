#include <herokupp/pacing.hpp>

#include <thread>

namespace herokupp {

namespace {
std::chrono::milliseconds to_ms(PacingStrategy::Seconds s) {
  return std::chrono::milliseconds(static_cast<long long>(s.count() * 1000.0 + 0.5));
}
}  // namespace

PacingThrottle::PacingThrottle(std::unique_ptr<PacingStrategy> strategy, Sleep sleep)
    : strategy_(std::move(strategy)), sleep_(std::move(sleep)) {
  if (!sleep_) sleep_ = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

void PacingThrottle::before_request() {
  std::chrono::milliseconds pause;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pause = to_ms(strategy_->before_request());
  }
  // Sleeping outside the lock: other threads decide their own pauses meanwhile.
  if (pause.count() > 0) sleep_(pause);
}

void PacingThrottle::after_response(int status, std::optional<long> remaining) {
  (void)after_answer(status, remaining);
}

std::chrono::milliseconds PacingThrottle::after_answer(int status, std::optional<long> remaining) {
  std::lock_guard<std::mutex> lock(mutex_);
  return to_ms(strategy_->after_response(status, remaining));
}

}  // namespace herokupp
