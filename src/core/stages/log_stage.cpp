#include "core/stages/stages.hpp"

namespace herokupp::detail {

result<HttpResponse> LogStage::send(Exchange& x, Next next) {
  auto const t0 = std::chrono::steady_clock::now();
  auto answer = next(x);
  LogRecord record;
  record.duration =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
  record.method = x.request.method;
  record.path = std::string(x.path);
  record.attempt = x.attempt;
  record.tags = x.context->tags;
  bool retryable = false;
  if (answer) {
    HttpResponse const& response = answer.value();
    record.status = response.status;
    auto id = response.headers.get("Request-Id");
    record.request_id = id ? std::string(*id) : x.request_id;
    if (is_success(response.status)) {
      record.level = LogLevel::info;
      logger_(record);
      return answer;
    }
    retryable = retryable_status(response.status);
    record.message = error_from_http(response.status, response.body, record.request_id).message;
  } else {
    record.request_id = x.request_id;
    retryable = retryable_error(answer.error().kind);
    record.message = answer.error().message;
  }
  if (retryable && !x.last_attempt) {
    record.level = LogLevel::warning;
    record.message += " (will retry)";
  } else {
    record.level = LogLevel::error;
  }
  logger_(record);
  return answer;
}

}  // namespace herokupp::detail
