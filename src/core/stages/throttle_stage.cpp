#include "core/stages/stages.hpp"

namespace herokupp::detail {

std::optional<long> parse_long(std::optional<std::string_view> text) {
  if (!text || text->empty()) return std::nullopt;
  long value = 0;
  bool digits = false;
  for (char c : *text) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits = true;
    value = value * 10 + (c - '0');
    if (value > 1'000'000'000L) return std::nullopt;
  }
  if (!digits) return std::nullopt;
  return value;
}

result<HttpResponse> ThrottleStage::send(Exchange& x, Next next) {
  // Retries are paced by the retry stage (with the pause asked for below).
  if (x.attempt == 1) throttle_->before_request();
  auto answer = next(x);
  if (!answer) {
    (void)throttle_->after_answer(0, std::nullopt);
    return answer;
  }
  auto const remaining = parse_long(answer.value().headers.get("RateLimit-Remaining"));
  if (remaining) reading_->store(*remaining, std::memory_order_relaxed);
  x.retry_pause =
      std::max(x.retry_pause, throttle_->after_answer(answer.value().status, remaining));
  return answer;
}

}  // namespace herokupp::detail
