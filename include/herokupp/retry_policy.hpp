// RetryPolicy: when and how the Client tries an idempotent request again.
#ifndef HEROKUPP_RETRY_POLICY_HPP
#define HEROKUPP_RETRY_POLICY_HPP

#include <chrono>

namespace herokupp {

/// Retries apply only to GET, HEAD, PUT and DELETE, after a transport error,
/// a 5xx or a 429. The wait doubles from `initial_backoff` up to
/// `max_backoff`, with random jitter, and a `Retry-After` header wins when it
/// asks for longer. No attempt starts once `deadline` has passed since the
/// first. POST and PATCH are never sent twice.
///
/// @par Example
/// @code
/// herokupp::ClientOptions opts = herokupp::ClientOptions::from_env();
/// opts.retry.max_attempts = 6;
/// opts.retry.deadline = std::chrono::seconds(20);
/// @endcode
struct RetryPolicy {
  int max_attempts = 4;  ///< tries in all, the first included; 1 disables retries
  /// The wait before the first retry; it doubles for each retry after.
  std::chrono::milliseconds initial_backoff{250};
  /// The longest wait between two attempts.
  std::chrono::milliseconds max_backoff{8000};
  /// The time all attempts of one request may take together.
  std::chrono::milliseconds deadline{60000};
  double jitter = 0.25;  ///< each wait is scaled by a random factor in [1-jitter, 1+jitter]
};

}  // namespace herokupp

#endif  // HEROKUPP_RETRY_POLICY_HPP
