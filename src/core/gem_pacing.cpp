#include <herokupp/exponential_increase_proportional_remaining_decrease.hpp>

namespace herokupp {

ExponentialIncreaseProportionalRemainingDecrease::ExponentialIncreaseProportionalRemainingDecrease(
    double starting_sleep_s, std::uint64_t seed)
    : s_(starting_sleep_s), rng_(seed != 0 ? seed : std::random_device{}()) {}

double ExponentialIncreaseProportionalRemainingDecrease::jittered(double s) {
  return s + std::uniform_real_distribution<double>(0.0, 0.1 * s)(rng_);
}

PacingStrategy::Seconds ExponentialIncreaseProportionalRemainingDecrease::before_request() {
  return Seconds(s_ > 0 ? jittered(s_) : 0.0);
}

PacingStrategy::Seconds ExponentialIncreaseProportionalRemainingDecrease::after_response(
    int status, std::optional<long> remaining) {
  if (status == 429) {
    s_ += 0.8;
    double const pause = jittered(s_);
    s_ *= 1.2;
    return Seconds(pause);
  }
  if (status >= 200 && status < 400 && remaining) {
    s_ -= s_ * static_cast<double>(*remaining) / 4500.0;
    if (s_ < 0) s_ = 0;
  }
  return Seconds(0);
}

}  // namespace herokupp
