// Stage: one step of the Client's request path (headers, throttle, cache...).
#ifndef HEROKUPP_STAGE_HPP
#define HEROKUPP_STAGE_HPP

#include <herokupp/call_context.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/transport.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp {

/// One call on its way through the stages. Stages outside the retry stage
/// see it once; stages inside see every attempt.
struct Exchange {
  /// The request as this stage gets it; a stage may change it for the stages after.
  HttpRequest request;
  std::string_view path;                 ///< "/apps/x", as logged
  CallContext const* context = nullptr;  ///< never null inside a pipeline
  int attempt = 1;                       ///< 1 for the first try
  bool last_attempt = true;              ///< no retry follows a failure of this one
  std::string request_id;                ///< the Request-Id of this attempt
  /// The least pause a stage asks for before the next retry (the throttle
  /// after a 429); the retry stage waits at least this long.
  std::chrono::milliseconds retry_pause{0};
};

class Stage;

/// The rest of the pipeline, as seen from one stage.
class HEROKUPP_API Next {
 public:
  /// The stages from `position` to `end`; the pipeline makes these.
  Next(std::shared_ptr<Stage> const* position, std::shared_ptr<Stage> const* end) noexcept
      : position_(position), end_(end) {}
  /// Hands `exchange` to the next stage; past the last one, an Error.
  result<HttpResponse> operator()(Exchange& exchange) const;

 private:
  std::shared_ptr<Stage> const* position_;
  std::shared_ptr<Stage> const* end_;
};

/// A step of the request path with one job. Every status comes back as an
/// HttpResponse (the Client turns non-2xx into an Error at the very end); an
/// Error means no HTTP answer. Stages are shared by every thread using the
/// Client and must be thread-safe.
///
/// @par Example
/// @code
/// // given: herokupp::ClientOptions opts
/// class CountGets : public herokupp::Stage {
///  public:
///   std::string_view name() const noexcept override { return "count-gets"; }
///   herokupp::result<herokupp::HttpResponse> send(herokupp::Exchange& x,
///                                                 herokupp::Next next) override {
///     if (x.request.method == herokupp::Method::get) ++gets;
///     return next(x);
///   }
///   std::atomic<int> gets{0};
/// };
/// opts.extra_stages.push_back(std::make_shared<CountGets>());  // just before the transport
/// @endcode
class HEROKUPP_API Stage {
 public:
  virtual ~Stage() = default;
  /// The stage's name, for logs.
  virtual std::string_view name() const noexcept = 0;
  /// Does this stage's job and, usually, hands `exchange` on with `next(exchange)`.
  virtual result<HttpResponse> send(Exchange& exchange, Next next) = 0;
};

}  // namespace herokupp

#endif  // HEROKUPP_STAGE_HPP
