#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/version.hpp>

#include "core/base_url.hpp"
#include "core/client_access.hpp"
#include "core/client_state.hpp"
#include "core/uuid.hpp"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <thread>

namespace herokupp {

namespace {

std::string env(char const* name) {
  char const* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

std::mt19937_64& thread_rng() {
  thread_local std::mt19937_64 rng{std::random_device{}() ^
                                   (std::hash<std::thread::id>{}(std::this_thread::get_id()))};
  return rng;
}

bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto uc = static_cast<unsigned char>(c);
    return uc < 0x20 || uc == 0x7f;
  });
}

std::optional<long> parse_long(std::optional<std::string_view> text) {
  if (!text || text->empty()) return std::nullopt;
  long value = 0;
  for (char c : *text) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
    if (value > 1'000'000'000L) return std::nullopt;
  }
  return value;
}

bool retryable_transport_error(ErrorKind kind) {
  // A failed certificate check will fail again; a refused or reset
  // connection, or a timeout, may not.
  return kind == ErrorKind::transport || kind == ErrorKind::timeout;
}

}  // namespace

namespace detail {

std::string new_request_id() {
  return new_random_uuid();
}

ClientState::ClientState(ClientOptions opts) : options(std::move(opts)) {
  while (!options.base_url.empty() && options.base_url.back() == '/')
    options.base_url.pop_back();
  transport = options.transport ? options.transport : std::make_shared<CurlTransport>();
  throttle = options.throttle ? options.throttle : std::make_shared<NoThrottle>();
  // A Client made from options() shares this one's transport (its
  // connection pool) and throttle, as ops' per-action Clients do.
  options.transport = transport;
  options.throttle = throttle;
  if (!options.now) options.now = [] { return std::chrono::steady_clock::now(); };
  if (!options.sleep)
    options.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  user_agent = std::string("herokupp/") + version_string;
  if (!options.user_agent_suffix.empty()) user_agent += " " + options.user_agent_suffix;
  if (!options.api_key.empty()) authorization = "Bearer " + options.api_key;
  api_key_invalid = has_control_characters(options.api_key);
  base_url_refused = check_base_url(options.base_url, options.allow_insecure_http);
}

std::chrono::milliseconds ClientState::backoff(int attempt) const {
  auto const& policy = options.retry;
  double base = static_cast<double>(policy.initial_backoff.count());
  for (int i = 1; i < attempt && base < static_cast<double>(policy.max_backoff.count()); ++i) {
    base *= 2;
  }
  base = std::min(base, static_cast<double>(policy.max_backoff.count()));
  double jitter = std::clamp(policy.jitter, 0.0, 1.0);
  std::uniform_real_distribution<double> factor(1.0 - jitter, 1.0 + jitter);
  return std::chrono::milliseconds(static_cast<long long>(base * factor(thread_rng())));
}

void ClientState::log(LogRecord const& record) const {
  if (options.logger) options.logger(record);
}

}  // namespace detail

ClientOptions ClientOptions::from_env() {
  ClientOptions opts;
  opts.api_key = env("HEROKU_API_KEY");
  std::string url = env("HEROKU_API_URL");
  if (url.empty()) {
    std::string host = env("HEROKU_HOST");
    if (host.rfind("http", 0) == 0) url = host;
  }
  if (!url.empty()) opts.base_url = url;
  return opts;
}

Client::Client(ClientOptions options)
    : state_(std::make_shared<detail::ClientState>(std::move(options))) {}

ClientOptions const& Client::options() const {
  return state_->options;
}

std::optional<long> Client::rate_limit_remaining() const {
  long v = state_->rate_limit_remaining.load(std::memory_order_relaxed);
  if (v < 0) return std::nullopt;
  return v;
}

result<HttpResponse> Client::raw(Method method, std::string_view path,
                                 std::optional<std::string> body) const {
  if (path.empty() || path.front() != '/') {
    return Error(ErrorKind::invalid_argument, "path must start with '/'");
  }
  if (has_control_characters(path) || path.find(' ') != std::string_view::npos) {
    return Error(ErrorKind::invalid_argument, "path must not contain spaces or control characters");
  }
  detail::ApiRequest request;
  request.method = method;
  request.path = std::string(path);
  request.body = body ? &*body : nullptr;
  return detail::ClientAccess::send(*this, request);
}

namespace detail {

result<HttpResponse> ClientAccess::send(Client const& client, ApiRequest const& api) {
  ClientState& state = *client.state_;
  auto const& opts = state.options;
  // Built only on the way out with an Error: the common path allocates little.
  auto const what = [&] { return std::string(to_string(api.method)) + " " + api.path; };
  if (state.api_key_invalid) {
    Error e(ErrorKind::invalid_argument,
            "the API key contains control characters; it was not sent");
    e.request = what();
    return e;
  }
  if (state.base_url_refused) {
    Error e = *state.base_url_refused;
    e.request = what();
    return e;
  }
  bool const logging = static_cast<bool>(opts.logger);

  HttpRequest request;
  request.method = api.method;
  request.url = opts.base_url + api.path;
  request.headers.add("Accept", "application/vnd.heroku+json; version=3");
  if (!state.authorization.empty()) request.headers.add("Authorization", state.authorization);
  request.headers.add("User-Agent", state.user_agent);
  if (api.body != nullptr) {
    request.headers.add("Content-Type", "application/json");
    request.body = *api.body;
  }
  if (api.range != nullptr) request.headers.add("Range", *api.range);
  for (auto const& [name, value] : api.extra_headers)
    request.headers.set(name, value);

  auto const started = opts.now();
  int const max_attempts = std::max(1, opts.retry.max_attempts);
  for (int attempt = 1;; ++attempt) {
    std::string const request_id = new_request_id();
    request.headers.set("Request-Id", request_id);
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(opts.now() - started);
    request.timeout = std::min(
        opts.timeout, std::max(std::chrono::milliseconds(1), opts.retry.deadline - elapsed));

    state.throttle->before_request();
    auto const t0 = std::chrono::steady_clock::now();
    auto sent = state.transport->send(request);
    auto const duration = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - t0);

    LogRecord record;
    record.method = api.method;
    record.duration = duration;
    record.attempt = attempt;
    if (logging) {
      record.path = api.path;
      record.request_id = request_id;
    }

    Error error;
    bool retryable = false;
    if (sent) {
      HttpResponse& response = sent.value();
      auto remaining = parse_long(response.headers.get("RateLimit-Remaining"));
      if (remaining) state.rate_limit_remaining.store(*remaining, std::memory_order_relaxed);
      state.throttle->after_response(response.status, remaining);
      record.status = response.status;
      if ((response.status >= 200 && response.status < 300) || response.status == 304) {
        if (!logging) return sent;
        if (auto id = response.headers.get("Request-Id")) record.request_id = std::string(*id);
        record.level = LogLevel::info;
        state.log(record);
        return sent;
      }
      auto const answered_id = response.headers.get("Request-Id");
      record.request_id = answered_id ? std::string(*answered_id) : request_id;
      error = error_from_http(response.status, response.body, record.request_id);
      if (auto after = parse_long(response.headers.get("Retry-After"))) {
        error.retry_after = std::chrono::seconds(*after);
      }
      retryable = response.status >= 500 || response.status == 429;
    } else {
      error = std::move(sent).error();
      state.throttle->after_response(0, std::nullopt);
      if (error.request_id.empty()) error.request_id = request_id;
      retryable = retryable_transport_error(error.kind);
      record.message = error.message;
    }
    error.request = what();

    bool const may_retry = retryable && is_idempotent(api.method) && attempt < max_attempts;
    std::chrono::milliseconds wait{0};
    if (may_retry) {
      wait = state.backoff(attempt);
      if (error.retry_after) {
        wait = std::max<std::chrono::milliseconds>(wait, *error.retry_after);
      }
    }
    auto const spent = std::chrono::duration_cast<std::chrono::milliseconds>(opts.now() - started);
    if (!may_retry || spent + wait >= opts.retry.deadline) {
      record.level = LogLevel::error;
      if (record.message.empty()) record.message = error.message;
      state.log(record);
      return error;
    }
    record.level = LogLevel::warning;
    record.message =
        "retrying in " + std::to_string(wait.count()) + "ms after " +
        (record.status != 0 ? std::to_string(record.status) : std::string(to_string(error.kind)));
    state.log(record);
    opts.sleep(wait);
  }
}

}  // namespace detail

}  // namespace herokupp
