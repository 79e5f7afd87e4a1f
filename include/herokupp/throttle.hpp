// Throttle: client-side pacing so that many callers sharing one account stay
// under the Platform API's rate limit instead of collecting 429s.
#ifndef HEROKUPP_THROTTLE_HPP
#define HEROKUPP_THROTTLE_HPP

#include <herokupp/export.hpp>

#include <optional>

namespace herokupp {

/// Called around every HTTP attempt the Client makes. `before_request` may
/// block to pace the caller; `after_response` learns from each answer's
/// status and `RateLimit-Remaining` header. Must be thread-safe.
///
/// @par Example
/// @code
/// class HalfBudget : public herokupp::Throttle {
///   void before_request() override { if (low_) std::this_thread::sleep_for(1s); }
///   void after_response(int, std::optional<long> left) override { low_ = left && *left < 2250; }
///   std::atomic<bool> low_{false};
/// };
/// @endcode
class HEROKUPP_API Throttle {
 public:
  virtual ~Throttle() = default;
  /// Called before every attempt; may wait to stay under the rate limit.
  virtual void before_request() = 0;
  /// Called after every attempt with its status (0: no answer) and RateLimit-Remaining.
  virtual void after_response(int status, std::optional<long> rate_limit_remaining) = 0;
};

/// The default: never waits.
class HEROKUPP_API NoThrottle final : public Throttle {
 public:
  /// Never waits.
  void before_request() override {}
  /// Ignores the answer.
  void after_response(int /*status*/, std::optional<long> /*remaining*/) override {}
};

}  // namespace herokupp

#endif  // HEROKUPP_THROTTLE_HPP
