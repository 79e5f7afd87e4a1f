// Throttle: client-side pacing so that many callers sharing one account stay
// under the Platform API's rate limit instead of collecting 429s.
#ifndef HEROKUPP_THROTTLE_HPP
#define HEROKUPP_THROTTLE_HPP

#include <herokupp/export.hpp>

#include <chrono>
#include <optional>

namespace herokupp {

/// Consulted by the Client's throttle stage: `before_request` before the
/// first attempt of each call (it may block to pace the caller), and
/// `after_answer` after every attempt with the answer's status (0 when no
/// answer came) and its `RateLimit-Remaining`. What `after_answer` returns
/// is the least pause before a retry (after a 429); the retry stage waits
/// that long or longer. By default it calls `after_response` and asks for no
/// pause. Must be thread-safe: copies of a Client share it.
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
  /// Like after_response, and returns the least pause before a retry; the default calls
  /// after_response and asks for none.
  virtual std::chrono::milliseconds after_answer(int status,
                                                 std::optional<long> rate_limit_remaining) {
    after_response(status, rate_limit_remaining);
    return std::chrono::milliseconds(0);
  }
};

/// Never waits.
///
/// @par Example
/// @code
/// // given: herokupp::ClientOptions opts
/// opts.throttle = std::make_shared<herokupp::NoThrottle>();  // a tool that owns its account
/// @endcode
class HEROKUPP_API NoThrottle final : public Throttle {
 public:
  /// Never waits.
  void before_request() override {}
  /// Ignores the answer.
  void after_response(int /*status*/, std::optional<long> /*remaining*/) override {}
};

}  // namespace herokupp

#endif  // HEROKUPP_THROTTLE_HPP
