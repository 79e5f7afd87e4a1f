#include <herokupp/sim/platform.hpp>
#include <herokupp/timestamp.hpp>

#include "http_text.hpp"
#include "platform_impl.hpp"

#include "core/uuid.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace herokupp::sim {

using detail::Account;
using detail::ApiError;
using detail::App;
using detail::append_hex;
using detail::HandlerContext;
using detail::Reply;
using detail::starts_with;
using nlohmann::json;

namespace detail {

std::string const& HandlerContext::param(std::string_view name) const {
  for (auto const& [key, value] : params) {
    if (key == name) return value;
  }
  static std::string const empty;
  return empty;
}

std::string HandlerContext::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    auto const eq = pair.find('=');
    bool ok = true;
    std::string key = percent_decode(pair.substr(0, eq), ok);
    if (!ok || key != name || eq == std::string_view::npos) continue;
    std::string value = percent_decode(pair.substr(eq + 1), ok);
    return ok ? value : std::string();
  }
  return {};
}

std::string iso(TimePoint t) {
  auto secs = std::chrono::floor<std::chrono::seconds>(t);
  return Timestamp(std::chrono::time_point_cast<std::chrono::system_clock::duration>(secs))
      .to_string();
}

json iso_or_null(std::optional<TimePoint> const& t) {
  return t ? json(iso(*t)) : json(nullptr);
}

}  // namespace detail

namespace {

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

// ---------------------------------------------------------------------------
// Impl: construction, ids, events, faults, rate limits.

Platform::Impl::Impl(PlatformOptions opts)
    : options(std::move(opts)),
      clock(options.clock ? options.clock : std::make_shared<SystemClock>()),
      tables(detail::generated_route_tables()),
      router(tables),
      validator(tables),
      id_state(options.seed * 0x2545f4914f6cdd1dULL + 1),
      faults(options.faults),
      fault_rng(options.faults.seed) {
  bind_handlers();
}

std::string Platform::Impl::new_id() {
  std::uint64_t const hi = splitmix(id_state);
  return herokupp::detail::uuid_from_bits(hi, splitmix(id_state));
}

std::string Platform::Impl::new_token() {
  std::string out;
  append_hex(out, splitmix(id_state), 16);
  append_hex(out, splitmix(id_state), 16);
  return out;
}

std::string Platform::Impl::new_key() {
  return "HRKU-" + new_token();
}

void Platform::Impl::schedule(TimePoint at, std::function<void(TimePoint)> fn) {
  events.emplace(at, std::move(fn));
}

void Platform::Impl::run_events(TimePoint now) {
  while (!events.empty() && events.begin()->first <= now) {
    ++generation;
    auto node = events.extract(events.begin());
    node.mapped()(node.key());
  }
}

FaultKind Platform::Impl::draw_fault(std::string_view path) {
  for (auto it = injected.begin(); it != injected.end(); ++it) {
    if (!starts_with(path, it->path_prefix)) continue;
    FaultKind kind = it->kind;
    if (--it->count <= 0) injected.erase(it);
    return kind;
  }
  if (faults.quiet() || !starts_with(path, faults.path_prefix)) return FaultKind::none;
  double r = std::uniform_real_distribution<double>(0.0, 1.0)(fault_rng);
  std::pair<double, FaultKind> const table[] = {
      {faults.error_500_rate, FaultKind::error_500},
      {faults.error_503_rate, FaultKind::error_503},
      {faults.reset_rate, FaultKind::reset},
      {faults.truncated_body_rate, FaultKind::truncated_body},
      {faults.malformed_json_rate, FaultKind::malformed_json},
      {faults.slow_body_rate, FaultKind::slow_body},
      {faults.error_429_rate, FaultKind::error_429},
  };
  double acc = 0;
  for (auto const& [rate, kind] : table) {
    acc += std::max(0.0, rate);
    if (r < acc) return kind;
  }
  return FaultKind::none;
}

long Platform::Impl::rate_limit_take(Account& account, TimePoint now, bool consume) {
  using std::chrono::nanoseconds;
  double per_minute =
      options.rate_limit_refill_per_minute > 0 ? options.rate_limit_refill_per_minute : 1;
  auto interval = nanoseconds(static_cast<std::int64_t>(60e9 / per_minute));
  auto tolerance = interval * std::max<long>(1, options.rate_limit_capacity);
  auto tat = std::max(account.rate_tat, now);
  if (!consume) return static_cast<long>((tolerance - (tat - now)) / interval);
  auto next = tat + interval;
  if (next - now > tolerance) return -1;
  account.rate_tat = next;
  return static_cast<long>((tolerance - (next - now)) / interval);
}

// ---------------------------------------------------------------------------
// Public API.

Platform::Platform(PlatformOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Platform::~Platform() = default;

Response Platform::handle(Request const& request) {
  return impl_->handle(request);
}

result<void> Platform::load_seed(std::string_view text) {
  auto seed = json::parse(text.begin(), text.end(), nullptr, false);
  if (seed.is_discarded() || !seed.is_object()) {
    return Error(ErrorKind::invalid_argument, "the seed is not a JSON object");
  }
  auto now = impl_->clock->now();
  std::lock_guard<std::mutex> lock(impl_->mutex);
  ++impl_->generation;
  try {
    impl_->load_seed(seed, now);
  } catch (ApiError const& e) {
    return Error(ErrorKind::invalid_argument, "seed: " + e.message);
  } catch (json::exception const& e) {
    return Error(ErrorKind::invalid_argument, std::string("seed: ") + e.what());
  }
  return success();
}

result<void> Platform::load_seed_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorKind::invalid_argument, "cannot read the seed file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return load_seed(text.str());
}

std::string Platform::add_account(std::string const& email, std::string api_key) {
  auto now = impl_->clock->now();
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto& impl = *impl_;
  ++impl.generation;
  if (api_key.empty()) api_key = impl.new_key();
  Account* existing = nullptr;
  for (auto& [id, a] : impl.accounts) {
    if (a.email == email) existing = &a;
  }
  if (existing == nullptr) {
    Account a;
    a.id = impl.new_id();
    a.email = email;
    a.created_at = a.updated_at = now;
    impl.account_order.push_back(a.id);
    existing = &impl.accounts.emplace(a.id, a).first->second;
  }
  existing->api_keys.push_back(api_key);
  impl.account_by_key_[api_key] = existing->id;
  return api_key;
}

std::string Platform::default_api_key() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    for (auto const& id : impl_->account_order) {
      auto const& a = impl_->accounts.at(id);
      if (!a.api_keys.empty()) return a.api_keys.front();
    }
  }
  return add_account("user@example.com");
}

void Platform::set_base_url(std::string url) {
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  std::lock_guard<std::mutex> lock(impl_->mutex);
  ++impl_->generation;
  impl_->options.base_url = std::move(url);
}

std::string Platform::base_url() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->options.base_url;
}

void Platform::set_faults(FaultOptions faults) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->fault_rng.seed(faults.seed);
  impl_->faults = std::move(faults);
}

FaultOptions Platform::faults() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->faults;
}

void Platform::inject(FaultKind kind, int count, std::string path_prefix) {
  if (count <= 0 || kind == FaultKind::none) return;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->injected.push_back({kind, count, std::move(path_prefix)});
}

bool Platform::fail_next_release(std::string const& app, std::string message) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  App* a = impl_->app_by_identity(app);
  if (a == nullptr) return false;
  ++impl_->generation;
  a->fail_next_release = std::move(message);
  return true;
}

bool Platform::crash_next_release(std::string const& app, std::string message) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  App* a = impl_->app_by_identity(app);
  if (a == nullptr) return false;
  ++impl_->generation;
  a->crash_next_release = std::move(message);
  return true;
}

Clock const& Platform::clock() const {
  return *impl_->clock;
}

std::size_t Platform::request_count() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->total_requests;
}

std::size_t Platform::request_count(Method method, std::string_view path) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::string key(to_string(method));
  key += ' ';
  key += path;
  auto it = impl_->request_counts.find(key);
  return it == impl_->request_counts.end() ? 0 : it->second;
}

std::optional<std::map<std::string, std::string>> Platform::config_vars(
    std::string_view app) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  App* a = impl_->app_by_identity(app);
  if (a == nullptr) return std::nullopt;
  return a->config ? *a->config : detail::Config{};
}

}  // namespace herokupp::sim
