#include "core/client_state.hpp"
#include "core/retry_after.hpp"
#include "core/stages/stages.hpp"

#include <algorithm>
#include <random>
#include <thread>

namespace herokupp::detail {

namespace {
std::mt19937_64& thread_rng() {
  thread_local std::mt19937_64 rng{std::random_device{}() ^
                                   (std::hash<std::thread::id>{}(std::this_thread::get_id()))};
  return rng;
}
}  // namespace

std::chrono::milliseconds RetryStage::backoff(int attempt) const {
  auto const& policy = state_.options.retry;
  double base = static_cast<double>(policy.initial_backoff.count());
  for (int i = 1; i < attempt && base < static_cast<double>(policy.max_backoff.count()); ++i) {
    base *= 2;
  }
  base = std::min(base, static_cast<double>(policy.max_backoff.count()));
  double jitter = std::clamp(policy.jitter, 0.0, 1.0);
  std::uniform_real_distribution<double> factor(1.0 - jitter, 1.0 + jitter);
  return std::chrono::milliseconds(static_cast<long long>(base * factor(thread_rng())));
}

result<HttpResponse> RetryStage::send(Exchange& x, Next next) {
  auto const& opts = state_.options;
  auto const deadline = x.context->deadline.value_or(opts.retry.deadline);
  bool const idempotent = x.context->idempotent.value_or(is_idempotent(x.request.method));
  int const max_attempts = idempotent ? std::max(1, opts.retry.max_attempts) : 1;
  auto const started = opts.now();
  for (int attempt = 1;; ++attempt) {
    x.attempt = attempt;
    x.last_attempt = attempt >= max_attempts;
    x.retry_pause = std::chrono::milliseconds(0);
    auto const elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(opts.now() - started);
    x.request.timeout =
        std::min(opts.timeout, std::max(std::chrono::milliseconds(1), deadline - elapsed));

    auto answer = next(x);
    bool const retryable =
        answer ? retryable_status(answer.value().status) : retryable_error(answer.error().kind);
    if (!retryable || x.last_attempt) return answer;

    auto wait = std::max(backoff(attempt), x.retry_pause);
    if (answer) {
      if (auto header = answer.value().headers.get("Retry-After")) {
        // Seconds or an HTTP-date; a date is wall-clock time.
        if (auto after = parse_retry_after(*header, std::chrono::system_clock::now())) {
          wait = std::max<std::chrono::milliseconds>(wait, *after);
        }
      }
    }
    auto const spent = std::chrono::duration_cast<std::chrono::milliseconds>(opts.now() - started);
    if (spent + wait >= deadline) return answer;
    opts.sleep(wait);
  }
}

}  // namespace herokupp::detail
