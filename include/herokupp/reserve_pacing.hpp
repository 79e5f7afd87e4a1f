// ReservePacing: herokupp's default throttle strategy.
#ifndef HEROKUPP_RESERVE_PACING_HPP
#define HEROKUPP_RESERVE_PACING_HPP

#include <herokupp/export.hpp>
#include <herokupp/pacing.hpp>

#include <cstdint>
#include <optional>
#include <random>

namespace herokupp {

/// The account's bucket, as ReservePacing assumes it (Heroku's by default).
struct ReservePacingOptions {
  double capacity = 4500;  ///< tokens in a full bucket
  /// Tokens given back per second (4500 an hour).
  double refill_per_second = 4500 / 3600.0;
  /// Below this share of the capacity (but at least 10 tokens, at most
  /// half) the account is contended and callers pace; above it nobody waits.
  double reserve_share = 0.01;
  /// The pause at an empty bucket, in refill intervals (12.5 = 10 s at
  /// Heroku's rate): the longest a caller waits unless 429s keep coming.
  double max_pause_tokens = 12.5;
  /// The pause to start from, in seconds.
  double starting_pause_s = 0;
  std::uint64_t seed = 0;  ///< of the jitter; 0: random
};

/// Every caller pauses by the same function of the remaining budget, which
/// every caller sharing the account reads alike: no pause while
/// `RateLimit-Remaining` is above the reserve, then a pause growing linearly
/// to `max_pause_tokens` refill intervals as the budget approaches zero.
/// Callers therefore settle where their total rate equals the refill, with
/// the budget still above zero (few 429s) and equal shares (one function,
/// one input). Only 429s in a row raise the pause further (x1.5 each, for
/// more callers than the curve covers); successes bring it back.
///
/// @par Example
/// @code
/// herokupp::ClientOptions opts = herokupp::ClientOptions::from_env();
/// opts.throttle = std::make_shared<herokupp::PacingThrottle>(
///     std::make_unique<herokupp::ReservePacing>());   // what a Client uses when unset
/// @endcode
class HEROKUPP_API ReservePacing final : public PacingStrategy {
 public:
  /// Pacing for a bucket as `options` describe it.
  explicit ReservePacing(ReservePacingOptions options = {});
  /// "ReservePacing".
  std::string_view name() const noexcept override { return "ReservePacing"; }
  Seconds before_request() override;
  Seconds after_response(int status, std::optional<long> remaining) override;

 private:
  double curve(double remaining) const;
  ReservePacingOptions o_;
  std::optional<double> remaining_;
  double pressure_ = 1;
  bool last_was_429_ = false;
  double starting_;
  std::mt19937_64 rng_;
};

}  // namespace herokupp

#endif
