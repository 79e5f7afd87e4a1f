// The platform-api gem's recommended throttle, as a baseline to measure against.
#ifndef HEROKUPP_EXPONENTIAL_INCREASE_PROPORTIONAL_REMAINING_DECREASE_HPP
#define HEROKUPP_EXPONENTIAL_INCREASE_PROPORTIONAL_REMAINING_DECREASE_HPP

#include <herokupp/export.hpp>
#include <herokupp/pacing.hpp>

#include <cstdint>
#include <random>

namespace herokupp {

/// Re-implemented from the gem's published description: before each call
/// sleep `s + jitter` (jitter uniform in [0, 0.1 s]); on each 429,
/// `s += 0.8 s`, sleep `s + jitter`, then `s *= 1.2` and retry; after a
/// success, `s -= s * RateLimit-Remaining / 4500`, floored at 0.
///
/// @par Example
/// @code
/// herokupp::ExponentialIncreaseProportionalRemainingDecrease gem{/*starting_sleep_s=*/1.0};
/// auto first = gem.before_request();   // about 1 s
/// @endcode
class HEROKUPP_API ExponentialIncreaseProportionalRemainingDecrease final : public PacingStrategy {
 public:
  /// Starts pausing `starting_sleep_s`; `seed` seeds the jitter (0: random).
  explicit ExponentialIncreaseProportionalRemainingDecrease(double starting_sleep_s = 0,
                                                            std::uint64_t seed = 0);
  /// "ExponentialIncreaseProportionalRemainingDecrease".
  std::string_view name() const noexcept override {
    return "ExponentialIncreaseProportionalRemainingDecrease";
  }
  Seconds before_request() override;
  Seconds after_response(int status, std::optional<long> remaining) override;
  /// The current pause `s`, in seconds, before jitter.
  double sleep_for() const noexcept { return s_; }

 private:
  double jittered(double s);
  double s_;
  std::mt19937_64 rng_;
};

}  // namespace herokupp

#endif
