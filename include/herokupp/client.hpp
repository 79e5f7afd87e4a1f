// Client and ClientOptions: the entry point to the Platform API.
#ifndef HEROKUPP_CLIENT_HPP
#define HEROKUPP_CLIENT_HPP

#include <herokupp/call_context.hpp>
#include <herokupp/error.hpp>
#include <herokupp/etag_cache.hpp>
#include <herokupp/export.hpp>
#include <herokupp/logger.hpp>
#include <herokupp/retry_policy.hpp>
#include <herokupp/stage.hpp>
#include <herokupp/throttle.hpp>
#include <herokupp/transport.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp {

class AppClient;
class AppsClient;
class PipelineClient;
class PipelinesClient;
class AccountClient;

namespace detail {
struct ClientAccess;
struct ClientState;
}  // namespace detail

/// Everything a Client needs: credentials, endpoint, transport and behaviour.
///
/// @par Example
/// @code
/// herokupp::ClientOptions opts = herokupp::ClientOptions::from_env();
/// opts.retry.max_attempts = 3;
/// opts.logger = [](herokupp::LogRecord const& r) { std::clog << r.path << "\n"; };
/// herokupp::Client heroku{opts};
/// @endcode
struct HEROKUPP_API ClientOptions {
  /// The Platform API key, sent as `Authorization: Bearer`; never logged nor put in an Error.
  std::string api_key;
  /// Where the API is: "https://api.heroku.com", a simulator, or a proxy (plain http only to
  /// loopback).
  std::string base_url = "https://api.heroku.com";
  /// Null: a CurlTransport with default CurlOptions, made when the Client is
  /// and kept here, so a Client made from `client.options()` shares it.
  std::shared_ptr<Transport> transport;
  /// Time allowed for one HTTP attempt.
  std::chrono::milliseconds timeout{30000};
  /// How idempotent requests are retried after transport errors, 5xx and 429.
  RetryPolicy retry;
  /// Null: a PacingThrottle over ReservePacing (no pause while the account
  /// has more than 1% of its budget left), made when the Client is and kept
  /// here. NoThrottle turns pacing off.
  std::shared_ptr<Throttle> throttle;
  /// Conditional GETs. Null: none (ops polling loops use one of their own).
  std::shared_ptr<ETagCache> cache;
  /// The account's last RateLimit-Remaining (-1: none yet). Null: made when
  /// the Client is and kept here.
  std::shared_ptr<std::atomic<long>> rate_limit_remaining;
  /// Stages of the caller's own, run in order just before the transport.
  std::vector<std::shared_ptr<Stage>> extra_stages;
  /// Called once per attempt with what was sent and how it went; null: no logging.
  Logger logger;
  /// Allows a plain http base_url to a host that is not loopback, which
  /// sends the API key in clear text. Off: such a Client refuses every
  /// request with invalid_argument before any connection; https, and http to
  /// 127.0.0.0/8, [::1] or localhost (the simulator), are always accepted.
  bool allow_insecure_http = false;
  /// Appended to "herokupp/<version>" in the User-Agent header.
  std::string user_agent_suffix;
  /// The clock and the sleep used between retries; tests inject virtual ones.
  std::function<std::chrono::steady_clock::time_point()> now;
  /// Waits between retries; null: std::this_thread::sleep_for.
  std::function<void(std::chrono::milliseconds)> sleep;

  /// api_key: HEROKU_API_KEY, else ~/.netrc's entry for the API host; base_url:
  /// HEROKU_API_URL, else HEROKU_HOST (bare: https://api.HOST); see client_env.hpp.
  static ClientOptions from_env();
};

/// A handle on the Platform API. Thread-safe and cheap to copy: copies share
/// one transport, throttle, cache and rate-limit reading, and so does a
/// Client made from `options()`. Each request goes through a short chain of
/// stages (see `stages()`): cache, retry, headers, throttle, log, the
/// caller's extra stages, transport.
///
/// @par Example
/// @code
/// herokupp::Client heroku{herokupp::ClientOptions::from_env()};
/// herokupp::result<herokupp::App> info = heroku.app("my-app").info();
/// if (!info) std::cerr << info.error().message << "\n";
/// @endcode
class HEROKUPP_API Client {
 public:
  /// A Client with these options; no request is made yet.
  explicit Client(ClientOptions options);

  /// The app called `name_or_id`. No request is made yet.
  AppClient app(std::string name_or_id) const;
  /// Listing and creating apps.
  AppsClient apps() const;
  /// The pipeline called `id_or_name`. No request is made yet.
  PipelineClient pipeline(std::string id_or_name) const;
  /// Listing and creating pipelines.
  PipelinesClient pipelines() const;
  /// The account the API key belongs to.
  AccountClient account() const;

  /// Sends any request to the API with the Client's headers, retries and
  /// throttling. `path` starts with "/" ("/account"). A 2xx or 304 answer is
  /// returned as is; any other status becomes an Error.
  result<HttpResponse> raw(Method method, std::string_view path,
                           std::optional<std::string> body = std::nullopt) const;

  /// The last `RateLimit-Remaining` value the API sent, if any yet.
  std::optional<long> rate_limit_remaining() const;

  /// A handle on the same Client (same transport, throttle, cache) whose
  /// calls, and those of sub-clients made from it, carry `context`.
  Client with(CallContext context) const;
  /// The context of this handle's calls, or null.
  CallContext const* context() const noexcept { return context_.get(); }

  /// The names of the request path's stages, outermost first.
  std::vector<std::string> stages() const;

  /// The options this Client was made with.
  ClientOptions const& options() const;

 private:
  friend struct detail::ClientAccess;
  std::shared_ptr<detail::ClientState> state_;
  std::shared_ptr<CallContext const> context_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENT_HPP
