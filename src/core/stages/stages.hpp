// Internal: the stages of the Client's request path, each with one job.
#ifndef HEROKUPP_SRC_CORE_STAGES_STAGES_HPP
#define HEROKUPP_SRC_CORE_STAGES_STAGES_HPP

#include <herokupp/client.hpp>
#include <herokupp/stage.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp::detail {

struct ClientState;

/// "4499" -> 4499; nothing for an absent, empty or malformed value.
std::optional<long> parse_long(std::optional<std::string_view> text);
/// 2xx and 304: what the Client returns as an answer rather than an Error.
inline bool is_success(int status) {
  return (status >= 200 && status < 300) || status == 304;
}
/// 5xx and 429 may succeed when sent again.
inline bool retryable_status(int status) {
  return status >= 500 || status == 429;
}
/// A refused or reset connection, or a timeout, may not happen again; a
/// failed certificate check will.
inline bool retryable_error(ErrorKind kind) {
  return kind == ErrorKind::transport || kind == ErrorKind::timeout;
}

/// GETs with If-None-Match; a 304 is answered from the cache.
class CacheStage final : public Stage {
 public:
  CacheStage(std::shared_ptr<ETagCache> cache, std::string const& account_digest)
      : cache_(std::move(cache)), account_(account_digest) {}
  std::string_view name() const noexcept override { return "cache"; }
  result<HttpResponse> send(Exchange& x, Next next) override;

 private:
  std::shared_ptr<ETagCache> cache_;
  std::string const& account_;
};

/// Sends again, after a jittered, growing pause, what may succeed the
/// second time; sets each attempt's timeout from the deadline.
class RetryStage final : public Stage {
 public:
  explicit RetryStage(ClientState const& state) : state_(state) {}
  std::string_view name() const noexcept override { return "retry"; }
  result<HttpResponse> send(Exchange& x, Next next) override;

 private:
  std::chrono::milliseconds backoff(int attempt) const;
  ClientState const& state_;
};

/// Accept, Authorization, User-Agent, Content-Type, and a fresh Request-Id
/// for every attempt, told to the context's sink.
class HeadersStage final : public Stage {
 public:
  explicit HeadersStage(ClientState const& state) : state_(state) {}
  std::string_view name() const noexcept override { return "headers"; }
  result<HttpResponse> send(Exchange& x, Next next) override;

 private:
  ClientState const& state_;
};

/// Paces the caller with the Throttle, and keeps the account's
/// RateLimit-Remaining reading.
class ThrottleStage final : public Stage {
 public:
  ThrottleStage(std::shared_ptr<Throttle> throttle, std::shared_ptr<std::atomic<long>> reading)
      : throttle_(std::move(throttle)), reading_(std::move(reading)) {}
  std::string_view name() const noexcept override { return "throttle"; }
  result<HttpResponse> send(Exchange& x, Next next) override;

 private:
  std::shared_ptr<Throttle> throttle_;
  std::shared_ptr<std::atomic<long>> reading_;
};

/// One LogRecord per attempt; never a header value or a body.
class LogStage final : public Stage {
 public:
  explicit LogStage(Logger logger) : logger_(std::move(logger)) {}
  std::string_view name() const noexcept override { return "log"; }
  result<HttpResponse> send(Exchange& x, Next next) override;

 private:
  Logger logger_;
};

/// Hands the request to the Transport.
class TransportStage final : public Stage {
 public:
  explicit TransportStage(std::shared_ptr<Transport> transport)
      : transport_(std::move(transport)) {}
  std::string_view name() const noexcept override { return "transport"; }
  result<HttpResponse> send(Exchange& x, Next) override { return transport_->send(x.request); }

 private:
  std::shared_ptr<Transport> transport_;
};

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_STAGES_STAGES_HPP
