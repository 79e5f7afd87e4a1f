// Pacing strategies: the decisions of a throttle, apart from its clock.
#ifndef HEROKUPP_PACING_HPP
#define HEROKUPP_PACING_HPP

#include <herokupp/export.hpp>
#include <herokupp/throttle.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

namespace herokupp {

/// Decides how long a caller pauses, and nothing else: no clock, no sleep,
/// so a simulation can drive it in virtual time (bench/throttle does).
/// Not thread-safe by itself; PacingThrottle serialises it.
///
/// @par Example
/// @code
/// herokupp::ReservePacing pacing;
/// auto pause = pacing.before_request();            // 0 s while the budget is ample
/// pacing.after_response(200, 120);                 // the account has 120 left
/// @endcode
class HEROKUPP_API PacingStrategy {
 public:
  /// A pause, in seconds.
  using Seconds = std::chrono::duration<double>;
  virtual ~PacingStrategy() = default;
  /// The strategy's name, for logs and benchmarks.
  virtual std::string_view name() const noexcept = 0;
  /// The pause before a call's first attempt.
  virtual Seconds before_request() = 0;
  /// Learns from an answer (status 0: none came); the pause before retrying
  /// it when it was a 429, else zero.
  virtual Seconds after_response(int status, std::optional<long> remaining) = 0;
};

/// A Throttle that sleeps what a PacingStrategy decides. Copies of a
/// Client share one, so a process's threads share one pacing.
///
/// @par Example
/// @code
/// // given: herokupp::ClientOptions opts
/// opts.throttle = std::make_shared<herokupp::PacingThrottle>(
///     std::make_unique<herokupp::ExponentialIncreaseProportionalRemainingDecrease>());
/// @endcode
class HEROKUPP_API PacingThrottle final : public Throttle {
 public:
  /// How a pause is slept (a test or a simulation passes its own).
  using Sleep = std::function<void(std::chrono::milliseconds)>;
  /// `sleep` unset: std::this_thread::sleep_for.
  explicit PacingThrottle(std::unique_ptr<PacingStrategy> strategy, Sleep sleep = {});

  void before_request() override;
  void after_response(int status, std::optional<long> remaining) override;
  /// Tells the strategy about an answer; returns its pause before a retry of a 429.
  std::chrono::milliseconds after_answer(int status, std::optional<long> remaining) override;

  /// The name of the strategy in use.
  std::string_view strategy_name() const noexcept { return strategy_->name(); }

 private:
  std::mutex mutex_;
  std::unique_ptr<PacingStrategy> strategy_;
  Sleep sleep_;
};

}  // namespace herokupp

#endif  // HEROKUPP_PACING_HPP
