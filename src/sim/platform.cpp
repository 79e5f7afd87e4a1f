#include <herokupp/sim/platform.hpp>
#include <herokupp/timestamp.hpp>

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
using detail::HandlerContext;
using detail::Reply;
using nlohmann::json;

namespace detail {

std::string const& HandlerContext::param(std::string_view name) const {
  for (auto const& [key, value] : params) {
    if (key == name) return value;
  }
  static std::string const empty;
  return empty;
}

std::string iso(TimePoint t) {
  auto secs = std::chrono::floor<std::chrono::seconds>(t);
  return Timestamp(std::chrono::time_point_cast<std::chrono::system_clock::duration>(secs))
      .to_string();
}

json iso_or_null(std::optional<TimePoint> const& t) {
  return t ? json(iso(*t)) : json(nullptr);
}

std::string short_commit(std::string const& commit) {
  return commit.substr(0, 7);
}

}  // namespace detail

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void append_hex(std::string& out, std::uint64_t word, int digits) {
  static constexpr char hex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i)
    out.push_back(hex[(word >> (i * 4)) & 0xf]);
}

std::string etag_of(std::string const& body) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : body) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  std::string out = "\"";
  append_hex(out, h, 16);
  out += "\"";
  return out;
}

bool accept_ok(std::optional<std::string_view> accept) {
  if (!accept) return false;
  std::string_view a = *accept;
  auto pos = a.find("application/vnd.heroku+json");
  if (pos == std::string_view::npos) return false;
  auto v = a.find("version=", pos);
  if (v == std::string_view::npos) return false;
  v += 8;
  if (v >= a.size() || a[v] != '3') return false;
  ++v;
  return v == a.size() || a[v] == '.' || a[v] == ';' || a[v] == ',' || a[v] == ' ';
}

std::string base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  int bits = 0;
  unsigned buffer = 0;
  for (char c : in) {
    int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

Response json_response(int status, json const& body) {
  Response res;
  res.status = status;
  res.body = body.dump();
  res.headers.add("Content-Type", "application/json");
  return res;
}

Response error_response(int status, std::string const& id, std::string const& message) {
  return json_response(status, json{{"id", id}, {"message", message}});
}

/// Compares an item's sort value with a Range bound written as text.
int compare_bound(json const& value, std::string const& bound) {
  if (value.is_number()) {
    double b = std::strtod(bound.c_str(), nullptr);
    double v = value.get<double>();
    return v < b ? -1 : (v > b ? 1 : 0);
  }
  std::string v = value.is_string() ? value.get<std::string>() : value.dump();
  return v.compare(bound) < 0 ? -1 : (v.compare(bound) > 0 ? 1 : 0);
}

int compare_values(json const& a, json const& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.get<double>();
    double y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? -1 : 1);
  std::string x = a.is_string() ? a.get<std::string>() : a.dump();
  std::string y = b.is_string() ? b.get<std::string>() : b.dump();
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string bound_text(json const& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

struct RangeSpec {
  std::string field;
  std::optional<std::string> start;
  bool start_exclusive = false;
  std::optional<std::string> end;
  int max = 200;
  bool descending = false;
};

/// Parses "id ]abc..; max=10, order=desc"; false when it is not a Range.
bool parse_range(std::string_view text, RangeSpec& spec) {
  text = trim(text);
  std::string_view params;
  if (auto semi = text.find(';'); semi != std::string_view::npos) {
    params = text.substr(semi + 1);
    text = trim(text.substr(0, semi));
  }
  auto space = text.find(' ');
  std::string_view bounds;
  if (space == std::string_view::npos) {
    if (text.find("..") != std::string_view::npos) return false;
    spec.field = std::string(text);
  } else {
    spec.field = std::string(text.substr(0, space));
    bounds = trim(text.substr(space + 1));
  }
  if (spec.field.empty()) return false;
  if (!bounds.empty()) {
    auto dots = bounds.find("..");
    if (dots == std::string_view::npos) return false;
    std::string_view start = bounds.substr(0, dots);
    std::string_view end = bounds.substr(dots + 2);
    if (!start.empty() && start.front() == ']') {
      spec.start_exclusive = true;
      start.remove_prefix(1);
    }
    if (!start.empty()) spec.start = std::string(start);
    if (!end.empty()) spec.end = std::string(end);
  }
  while (!params.empty()) {
    auto comma = params.find_first_of(",;");
    std::string_view item = trim(params.substr(0, comma));
    params = comma == std::string_view::npos ? std::string_view() : params.substr(comma + 1);
    if (item.empty()) continue;
    auto eq = item.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = trim(item.substr(0, eq));
    std::string value(trim(item.substr(eq + 1)));
    if (key == "max") {
      char* endp = nullptr;
      long m = std::strtol(value.c_str(), &endp, 10);
      if (endp == value.c_str() || *endp != '\0' || m < 1) return false;
      spec.max = static_cast<int>(std::min<long>(m, 1000));
    } else if (key == "order") {
      if (value == "desc") {
        spec.descending = true;
      } else if (value != "asc") {
        return false;
      }
    }
  }
  return true;
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
// Lookups.

Account* Platform::Impl::account_by_key(std::string_view key) {
  auto it = account_by_key_.find(std::string(key));
  if (it == account_by_key_.end()) return nullptr;
  return &accounts.at(it->second);
}

Account* Platform::Impl::account_by_identity(std::string_view identity) {
  if (auto it = accounts.find(std::string(identity)); it != accounts.end()) return &it->second;
  for (auto& [id, account] : accounts) {
    if (account.email == identity) return &account;
  }
  return nullptr;
}

Account& Platform::Impl::account_by_id(std::string const& id) {
  return accounts.at(id);
}

Account* Platform::Impl::authenticate(Request const& request) {
  auto header = request.headers.get("Authorization");
  if (!header) return nullptr;
  std::string_view h = trim(*header);
  if (starts_with(h, "Bearer ") || starts_with(h, "bearer ")) {
    return account_by_key(trim(h.substr(7)));
  }
  if (starts_with(h, "Basic ") || starts_with(h, "basic ")) {
    std::string decoded = base64_decode(trim(h.substr(6)));
    auto colon = decoded.find(':');
    std::string key = colon == std::string::npos ? decoded : decoded.substr(colon + 1);
    return account_by_key(key);
  }
  return nullptr;
}

App* Platform::Impl::app_by_identity(std::string_view identity) {
  if (auto it = apps.find(std::string(identity)); it != apps.end()) return &it->second;
  if (auto it = app_ids_by_name.find(std::string(identity)); it != app_ids_by_name.end()) {
    return &apps.at(it->second);
  }
  return nullptr;
}

bool Platform::Impl::can_access(Account const& account, App const& app) const {
  if (app.owner_id == account.id) return true;
  return std::any_of(app.collaborators.begin(), app.collaborators.end(),
                     [&](auto const& c) { return c.account_id == account.id; });
}

App& Platform::Impl::app_for(HandlerContext& ctx, std::string_view identity) {
  App* app = app_by_identity(identity);
  if (app == nullptr) detail::fail(404, "not_found", "Couldn't find that app.");
  if (!can_access(ctx.account, *app)) {
    detail::fail(403, "forbidden", "You do not have access to the app " + app->name + ".");
  }
  return *app;
}

detail::Release* Platform::Impl::release_by_identity(App& app, std::string_view identity) {
  std::string_view v = identity;
  if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
  bool numeric =
      !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  for (auto& r : app.releases) {
    if (r.id == identity) return &r;
    if (numeric && v.size() < 18 && std::to_string(r.version) == v) return &r;
  }
  return nullptr;
}

detail::Pipeline& Platform::Impl::pipeline_for(std::string_view identity) {
  if (auto it = pipelines.find(std::string(identity)); it != pipelines.end()) return it->second;
  for (auto& [id, p] : pipelines) {
    if (p.name == identity) return p;
  }
  detail::fail(404, "not_found", "Couldn't find that pipeline.");
}

detail::Slug* Platform::Impl::slug_by_id(std::string_view id) {
  auto it = slugs.find(std::string(id));
  return it == slugs.end() ? nullptr : &it->second;
}

void Platform::Impl::log_line(App& app, TimePoint at, std::string const& source, std::string text) {
  app.log.push_back(detail::iso(at) + " " + source + ": " + std::move(text));
  while (app.log.size() > 1500)
    app.log.pop_front();
}

// ---------------------------------------------------------------------------
// The request pipeline.

Response Platform::Impl::handle(Request const& request) {
  std::string_view target = request.target;
  std::string_view query;
  if (auto q = target.find('?'); q != std::string_view::npos) {
    query = target.substr(q + 1);
    target = target.substr(0, q);
  }
  if (target.empty()) target = "/";
  TimePoint now = clock->now();

  std::lock_guard<std::mutex> lock(mutex);
  ++total_requests;
  std::string key(to_string(request.method));
  key += ' ';
  key += target;
  // Counted per method and path for tests; a long-running server with
  // endless distinct paths stops adding new ones rather than grow.
  if (auto it = request_counts.find(key); it != request_counts.end()) {
    ++it->second;
  } else if (request_counts.size() < 100000) {
    request_counts.emplace(std::move(key), 1);
  }
  if (request.method != Method::get && request.method != Method::head) ++generation;
  run_events(now);

  if (starts_with(target, "/__sim/")) return sim_endpoint(request, target);

  FaultKind fault = draw_fault(target);
  Response res;
  if (fault == FaultKind::error_500) {
    res = error_response(500, "internal_server_error",
                         "Internal server error. Please try again later.");
  } else if (fault == FaultKind::error_503) {
    res = error_response(503, "service_unavailable",
                         "The API is temporarily unavailable. Please try again later.");
    res.headers.add("Retry-After", "1");
  } else if (fault == FaultKind::error_429) {
    res = error_response(429, "rate_limit",
                         "Your account reached the API rate limit. Please wait a few minutes "
                         "before making new requests.");
    res.headers.add("Retry-After", "1");
    res.headers.add("RateLimit-Remaining", "0");
  } else {
    res = handle_locked(request, target, query, now);
  }
  if (!res.headers.contains("Request-Id")) {
    auto rid = request.headers.get("Request-Id");
    res.headers.add("Request-Id", rid ? std::string(*rid) : new_id());
  }
  if (fault == FaultKind::malformed_json) {
    res.status = res.status >= 300 ? 200 : res.status;
    res.body = "{\"malformed\": " + res.body.substr(0, res.body.size() / 2);
    res.headers.set("Content-Type", "application/json");
  } else if (fault == FaultKind::reset || fault == FaultKind::truncated_body ||
             fault == FaultKind::slow_body) {
    res.fault = fault;
    res.slow_body_duration = faults.slow_body_duration;
  }
  if (faults.latency.count() > 0 && starts_with(target, faults.path_prefix)) {
    res.delay = faults.latency;
  }
  return res;
}

Response Platform::Impl::handle_locked(Request const& request, std::string_view path,
                                       std::string_view /*query*/, TimePoint now) {
  if (!accept_ok(request.headers.get("Accept"))) {
    Response res =
        error_response(400, "missing_version",
                       "Please specify a version along with Heroku's API MIME type. For example, "
                       "`Accept: application/vnd.heroku+json; version=3`.");
    res.headers.add("RateLimit-Remaining", std::to_string(options.rate_limit_capacity));
    return res;
  }

  Account* account = authenticate(request);
  if (account == nullptr) {
    Response res = error_response(401, "unauthorized", "Invalid credentials provided.");
    res.headers.add("RateLimit-Remaining", std::to_string(options.rate_limit_capacity));
    return res;
  }

  // HEAD is answered as GET (the transports leave the body out).
  auto match = router.match(request.method == Method::head ? Method::get : request.method, path);
  bool const rate_info =
      match.outcome == detail::RouteMatch::Outcome::found &&
      std::string_view(tables.links[match.links.front()].resource) == "rate-limit";
  long remaining = rate_limit_take(*account, now, !rate_info);
  if (remaining < 0) {
    Response res = error_response(429, "rate_limit",
                                  "Your account reached the API rate limit\n"
                                  "Please wait a few minutes before making new requests");
    res.headers.add("RateLimit-Remaining", "0");
    return res;
  }
  auto finish = [&](Response res) {
    res.headers.add("RateLimit-Remaining", std::to_string(remaining));
    return res;
  };

  if (match.outcome == detail::RouteMatch::Outcome::not_found) {
    return finish(error_response(404, "not_found", "The requested API endpoint was not found."));
  }
  if (match.outcome == detail::RouteMatch::Outcome::method_not_allowed) {
    Response res = error_response(405, "method_not_allowed",
                                  "The requested API endpoint does not accept " +
                                      std::string(to_string(request.method)) + ".");
    res.headers.add("Allow", match.allow);
    return finish(std::move(res));
  }

  // The body, checked against the schema of the link (or of one of the links
  // that share this method and path: the first whose schema it matches).
  int link_index = match.links.front();
  json body = json::object();
  bool const any_schema = std::any_of(match.links.begin(), match.links.end(),
                                      [&](int l) { return tables.links[l].body >= 0; });
  if (any_schema) {
    std::string_view text = trim(request.body);
    if (!text.empty()) {
      body = json::parse(text.begin(), text.end(), nullptr, false);
      if (body.is_discarded()) {
        return finish(error_response(400, "bad_request", "Request body is not valid JSON."));
      }
    }
    std::optional<std::string> first_error;
    std::size_t best_overlap = 0;
    bool matched = false;
    for (int l : match.links) {
      auto const& link = tables.links[l];
      auto problem = link.body >= 0 ? validator.check(link.body, body) : std::nullopt;
      if (!problem) {
        link_index = l;
        matched = true;
        break;
      }
      std::size_t overlap = 0;
      if (body.is_object()) {
        for (auto const& name : validator.property_names(link.body))
          overlap += body.contains(name);
      }
      if (!first_error || overlap > best_overlap) {
        first_error = problem;
        best_overlap = overlap;
      }
    }
    if (!matched) {
      return finish(error_response(422, "invalid_params", "Invalid params: " + *first_error + "."));
    }
    if (!body.is_object()) body = json::object();
  }

  auto const& link = tables.links[link_index];
  Handler handler = handlers[static_cast<std::size_t>(link_index)];
  if (handler == nullptr) {
    return finish(error_response(501, "not_implemented",
                                 std::string("The simulator does not implement ") + link.resource +
                                     " " + link.title + " (" + std::string(to_string(link.method)) +
                                     " " + link.href + ")."));
  }

  // A GET answer depends only on the state (which `generation` versions),
  // the account, the path and the Range: repeated reads are served from a
  // cache. Rate-limit info depends on the time and is never cached.
  bool const is_read = request.method == Method::get || request.method == Method::head;
  auto revalidate = [&](Response res) {
    auto inm = request.headers.get("If-None-Match");
    auto etag = res.headers.get("ETag");
    if (inm && etag && (*inm == *etag || *inm == "*")) {
      res.status = 304;
      res.body.clear();
      res.headers.erase("Content-Type");
    }
    return finish(std::move(res));
  };
  std::string cache_key;
  if (is_read && std::string_view(link.resource) != "rate-limit") {
    cache_key = account->id;
    cache_key += '\n';
    cache_key += path;
    if (auto range = request.headers.get("Range")) {
      cache_key += '\n';
      cache_key += *range;
    }
    auto cached = get_cache.find(cache_key);
    if (cached != get_cache.end() && cached->second.generation == generation) {
      Response res;
      res.status = cached->second.status;
      res.headers = cached->second.headers;
      res.body = cached->second.body;
      return revalidate(std::move(res));
    }
  }

  Reply reply;
  try {
    HandlerContext ctx{request, link, match.params, body, *account, now};
    reply = (this->*handler)(ctx);
  } catch (ApiError const& e) {
    return finish(error_response(e.status, e.id, e.message));
  }

  Response res;
  res.status = reply.status;
  if (!reply.range_fields.empty() && reply.body.is_array()) {
    RangeSpec spec;
    spec.field = reply.range_fields.front();
    if (auto range = request.headers.get("Range"); range && !trim(*range).empty()) {
      if (!parse_range(*range, spec) ||
          std::find(reply.range_fields.begin(), reply.range_fields.end(), spec.field) ==
              reply.range_fields.end()) {
        std::string accepted;
        for (auto const& f : reply.range_fields)
          accepted += (accepted.empty() ? "" : ", ") + f;
        Response bad = error_response(416, "requested_range_not_satisfiable",
                                      "Invalid Range header; sort by one of: " + accepted + ".");
        bad.headers.add("Accept-Ranges", accepted);
        return finish(std::move(bad));
      }
    }
    auto& items = reply.body;
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    auto const& f = spec.field;
    auto value_of = [&](std::size_t i) -> json const& {
      static json const null_value;
      auto it = items[i].find(f);
      return it == items[i].end() ? null_value : *it;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      int c = compare_values(value_of(a), value_of(b));
      return spec.descending ? c > 0 : c < 0;
    });
    json page = json::array();
    std::size_t taken = 0;
    bool more = false;
    json const* first = nullptr;
    json const* last = nullptr;
    for (std::size_t i : order) {
      json const& v = value_of(i);
      if (spec.start) {
        int c = compare_bound(v, *spec.start);
        if (spec.descending) c = -c;
        if (c < 0 || (c == 0 && spec.start_exclusive)) continue;
      }
      if (spec.end) {
        int c = compare_bound(v, *spec.end);
        if (spec.descending) c = -c;
        if (c > 0) continue;
      }
      if (taken == static_cast<std::size_t>(spec.max)) {
        more = true;
        break;
      }
      if (first == nullptr) first = &v;
      last = &v;
      page.push_back(std::move(items[i]));
      ++taken;
    }
    std::string accepted;
    for (auto const& field : reply.range_fields)
      accepted += (accepted.empty() ? "" : ", ") + field;
    res.headers.add("Accept-Ranges", accepted);
    if (first != nullptr) {
      res.headers.add("Content-Range", f + " " + bound_text(*first) + ".." + bound_text(*last));
    }
    if (more) {
      res.status = 206;
      std::string next = f + " ]" + bound_text(*last) + "..; max=" + std::to_string(spec.max);
      if (spec.descending) next += ", order=desc";
      res.headers.add("Next-Range", next);
    }
    res.body = page.dump();
  } else if (reply.body.is_null() && reply.status == 204) {
    res.body.clear();
  } else {
    res.body = reply.body.dump();
  }
  if (!res.body.empty()) res.headers.add("Content-Type", "application/json");
  if (!is_read) return finish(std::move(res));

  res.headers.add("ETag", etag_of(res.body));
  if (!cache_key.empty()) {
    // Bounded: a few MiB of recent answers, forgotten wholesale when full.
    if (get_cache_bytes > (8U << 20) || get_cache.size() >= 4096) {
      get_cache.clear();
      get_cache_bytes = 0;
    }
    get_cache_bytes += cache_key.size() + res.body.size();
    get_cache[cache_key] = CachedRead{generation, res.status, res.headers, res.body};
  }
  return revalidate(std::move(res));
}

Response Platform::Impl::sim_endpoint(Request const& request, std::string_view path) {
  auto text = [](int status, std::string body) {
    Response res;
    res.status = status;
    res.body = std::move(body);
    res.headers.add("Content-Type", "text/plain; charset=utf-8");
    return res;
  };
  if (request.method != Method::get && request.method != Method::head) {
    return text(405, "method not allowed\n");
  }
  if (path == "/__sim/health") return text(200, "ok\n");
  constexpr std::string_view logs = "/__sim/logs/";
  if (starts_with(path, logs)) {
    auto it = log_sessions.find(std::string(path.substr(logs.size())));
    if (it == log_sessions.end()) return text(404, "no such log session\n");
    auto app = apps.find(it->second.app_id);
    if (app == apps.end()) return text(404, "no such app\n");
    std::string out;
    auto const& lines = app->second.log;
    std::size_t n = std::min<std::size_t>(lines.size(),
                                          static_cast<std::size_t>(std::max(1, it->second.lines)));
    for (std::size_t i = lines.size() - n; i < lines.size(); ++i) {
      if (!it->second.dyno.empty() && lines[i].find(it->second.dyno) == std::string::npos) continue;
      out += lines[i];
      out += '\n';
    }
    return text(200, out);
  }
  constexpr std::string_view builds = "/__sim/builds/";
  if (starts_with(path, builds)) {
    std::string_view id = path.substr(builds.size());
    if (auto slash = id.find('/'); slash != std::string_view::npos) id = id.substr(0, slash);
    for (auto const& [app_id, app] : apps) {
      for (auto const& b : app.builds) {
        if (b.id != id) continue;
        std::string out = "-----> Building on the Heroku-24 stack\n-----> Fetching source\n";
        if (b.status == "pending") return text(200, out);
        out += b.status == "succeeded"
                   ? "-----> Compressing...\n-----> Launching...\n       Released\n"
                   : " !     Build failed\n";
        return text(200, out);
      }
    }
    return text(404, "no such build\n");
  }
  return text(404, "not found\n");
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
