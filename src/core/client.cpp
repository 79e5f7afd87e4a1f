#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/version.hpp>

#include <herokupp/pacing.hpp>
#include <herokupp/reserve_pacing.hpp>

#include "core/base_url.hpp"
#include "core/client_access.hpp"
#include "core/client_state.hpp"
#include "core/retry_after.hpp"
#include "core/stages/stages.hpp"
#include "core/uuid.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <thread>

namespace herokupp {

namespace {

// What keys the ETag cache: a digest of the credentials, so one account's
// answers are never served to another, and the key itself is not kept twice.
std::string account_digest_of(std::string const& authorization) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  std::string const input = "herokupp-etag-cache\n" + authorization;
  EVP_Digest(input.data(), input.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xf];
  }
  return out;
}

bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto uc = static_cast<unsigned char>(c);
    return uc < 0x20 || uc == 0x7f;
  });
}

}  // namespace

namespace detail {

std::string new_request_id() {
  return new_random_uuid();
}

ClientState::ClientState(ClientOptions opts) : options(std::move(opts)) {
  while (!options.base_url.empty() && options.base_url.back() == '/')
    options.base_url.pop_back();
  if (!options.now) options.now = [] { return std::chrono::steady_clock::now(); };
  if (!options.sleep)
    options.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  // Kept in the options, so that a Client made from them shares one
  // connection pool, one pacing and one rate-limit reading with this one.
  if (!options.transport) options.transport = std::make_shared<CurlTransport>();
  if (!options.throttle) {
    options.throttle =
        std::make_shared<PacingThrottle>(std::make_unique<ReservePacing>(), options.sleep);
  }
  if (!options.rate_limit_remaining)
    options.rate_limit_remaining = std::make_shared<std::atomic<long>>(-1);
  user_agent = std::string("herokupp/") + version_string;
  if (!options.user_agent_suffix.empty()) user_agent += " " + options.user_agent_suffix;
  if (!options.api_key.empty()) authorization = "Bearer " + options.api_key;
  api_key_invalid = has_control_characters(options.api_key);
  base_url_refused = check_base_url(options.base_url, options.allow_insecure_http);
  account_digest = account_digest_of(authorization);
  stages = compose(*this);
}

}  // namespace detail

Client::Client(ClientOptions options)
    : state_(std::make_shared<detail::ClientState>(std::move(options))) {}

ClientOptions const& Client::options() const {
  return state_->options;
}

std::optional<long> Client::rate_limit_remaining() const {
  long v = state_->options.rate_limit_remaining->load(std::memory_order_relaxed);
  if (v < 0) return std::nullopt;
  return v;
}

Client Client::with(CallContext context) const {
  Client copy = *this;
  copy.context_ = std::make_shared<CallContext const>(std::move(context));
  return copy;
}

std::vector<std::string> Client::stages() const {
  std::vector<std::string> names;
  for (auto const& stage : state_->stages)
    names.emplace_back(stage->name());
  return names;
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
  static CallContext const no_context;
  ClientState const& state = *client.state_;
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
  Exchange x;
  x.request.method = api.method;
  x.request.url.reserve(state.options.base_url.size() + api.path.size());
  x.request.url = state.options.base_url;
  x.request.url += api.path;
  if (api.body != nullptr) x.request.body = *api.body;
  if (api.range != nullptr) x.request.headers.add("Range", *api.range);
  for (auto const& [name, value] : api.extra_headers)
    x.request.headers.set(name, value);
  x.path = api.path;
  x.context = client.context_ ? client.context_.get() : &no_context;

  auto answer = Next(state.stages.data(), state.stages.data() + state.stages.size())(x);
  if (!answer) {
    answer.error().request = what();
    return answer;
  }
  HttpResponse& response = answer.value();
  if (is_success(response.status)) return answer;
  Error error = error_from_http(response.status, response.body, x.request_id);
  if (auto header = response.headers.get("Retry-After")) {
    error.retry_after = parse_retry_after(*header, std::chrono::system_clock::now());
  }
  error.request = what();
  return error;
}

}  // namespace detail

}  // namespace herokupp
