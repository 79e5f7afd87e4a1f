// The request pipeline: every request passes these stages in order.
//   count and run due events -> /__sim/ endpoints -> drawn fault
//   -> Accept version -> credentials -> route -> rate limit -> 404/405
//   -> body against the link's schema -> read cache -> endpoint
//   -> list paging -> ETag and cache store
#include "http_text.hpp"
#include "leniency.hpp"
#include "platform_impl.hpp"
#include "range_paging.hpp"
#include "read_cache.hpp"

#include <algorithm>

namespace herokupp::sim {

using detail::ApiError;
using detail::error_response;
using detail::HandlerContext;
using detail::Reply;
using detail::starts_with;
using detail::trim;
using nlohmann::json;

namespace {

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

/// A refusal that comes before the rate limit is charged.
Response refusal(int status, std::string const& id, std::string const& message, long remaining) {
  Response res = error_response(status, id, message);
  res.headers.add("RateLimit-Remaining", std::to_string(remaining));
  return res;
}

}  // namespace

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
  apply_fault(fault, res);
  if (faults.latency.count() > 0 && starts_with(target, faults.path_prefix)) {
    res.delay = faults.latency;
  }
  return res;
}

void Platform::Impl::apply_fault(FaultKind fault, Response& res) const {
  if (fault == FaultKind::malformed_json) {
    res.status = res.status >= 300 ? 200 : res.status;
    res.body = "{\"malformed\": " + res.body.substr(0, res.body.size() / 2);
    res.headers.set("Content-Type", "application/json");
  } else if (fault == FaultKind::reset || fault == FaultKind::truncated_body ||
             fault == FaultKind::slow_body) {
    res.fault = fault;
    res.slow_body_duration = faults.slow_body_duration;
  }
}

Response Platform::Impl::handle_locked(Request const& request, std::string_view path,
                                       std::string_view query, TimePoint now) {
  if (!accept_ok(request.headers.get("Accept"))) {
    return refusal(400, "missing_version",
                   "Please specify a version along with Heroku's API MIME type. For example, "
                   "`Accept: application/vnd.heroku+json; version=3`.",
                   options.rate_limit_capacity);
  }
  detail::Account* account = authenticate(request);
  if (account == nullptr) {
    return refusal(401, "unauthorized", "Invalid credentials provided.",
                   options.rate_limit_capacity);
  }

  // HEAD is answered as GET (the transports leave the body out).
  auto match = router.match(request.method == Method::head ? Method::get : request.method, path);
  bool const found = match.outcome == detail::RouteMatch::Outcome::found;
  // Reading the rate limit does not spend it.
  bool const rate_info =
      found && std::string_view(tables.links[match.links.front()].resource) == "rate-limit";
  long remaining = rate_limit_take(*account, now, !rate_info);
  if (remaining < 0) {
    return refusal(429, "rate_limit",
                   "Your account reached the API rate limit\n"
                   "Please wait a few minutes before making new requests",
                   0);
  }
  Response res = respond(request, path, query, match, *account, now);
  res.headers.add("RateLimit-Remaining", std::to_string(remaining));
  return res;
}

Response Platform::Impl::respond(Request const& request, std::string_view path,
                                 std::string_view query, detail::RouteMatch const& match,
                                 detail::Account& account, TimePoint now) {
  if (match.outcome == detail::RouteMatch::Outcome::not_found) {
    return error_response(404, "not_found", "The requested API endpoint was not found.");
  }
  if (match.outcome == detail::RouteMatch::Outcome::method_not_allowed) {
    Response res = error_response(405, "method_not_allowed",
                                  "The requested API endpoint does not accept " +
                                      std::string(to_string(request.method)) + ".");
    res.headers.add("Allow", match.allow);
    return res;
  }

  int link_index = match.links.front();
  json body = json::object();
  if (auto refused = check_body(request, match, body, link_index)) return std::move(*refused);

  auto const& link = tables.links[link_index];
  Handler handler = handlers[static_cast<std::size_t>(link_index)];
  if (handler == nullptr) {
    return error_response(501, "not_implemented",
                          std::string("The simulator does not implement ") + link.resource + " " +
                              link.title + " (" + std::string(to_string(link.method)) + " " +
                              link.href + ").");
  }

  // Rate-limit info depends on the time and is never cached.
  bool const is_read = request.method == Method::get || request.method == Method::head;
  std::string cache_key;
  if (is_read && std::string_view(link.resource) != "rate-limit") {
    cache_key = detail::ReadCache::key(account.id, path, query, request.headers.get("Range"));
    if (auto cached = read_cache.find(cache_key, generation)) {
      detail::revalidate(request, *cached);
      return std::move(*cached);
    }
  }

  Reply reply;
  try {
    HandlerContext ctx{request, link, match.params, body, account, now, query};
    reply = (this->*handler)(ctx);
  } catch (ApiError const& e) {
    if (e.resource.empty()) return error_response(e.status, e.id, e.message);
    return detail::json_response(
        e.status, json{{"id", e.id}, {"message", e.message}, {"resource", e.resource}});
  }

  Response res;
  res.status = reply.status;
  res.headers = std::move(reply.headers);
  if (!reply.range_fields.empty() && reply.body.is_array()) {
    if (!detail::page_list(reply.body, reply.range_fields, request.headers.get("Range"), res)) {
      return res;
    }
  } else if (reply.body.is_null() && reply.status == 204) {
    res.body.clear();
  } else {
    res.body = reply.body.dump();
  }
  if (!res.body.empty()) res.headers.add("Content-Type", "application/json");
  if (!is_read) return res;

  res.headers.add("ETag", detail::etag_of(res.body));
  if (!cache_key.empty()) read_cache.store(cache_key, generation, res);
  detail::revalidate(request, res);
  return res;
}

std::optional<Response> Platform::Impl::check_body(Request const& request,
                                                   detail::RouteMatch const& match, json& body,
                                                   int& link_index) const {
  // Several links share a few method and path pairs: the body picks the
  // first whose schema it matches, and otherwise the error of the closest.
  bool const any_schema = std::any_of(match.links.begin(), match.links.end(),
                                      [&](int l) { return tables.links[l].body >= 0; });
  if (!any_schema) return std::nullopt;
  std::string_view text = trim(request.body);
  if (!text.empty()) {
    body = json::parse(text.begin(), text.end(), nullptr, false);
    if (body.is_discarded()) {
      return error_response(400, "bad_request", "Request body is not valid JSON.");
    }
  }
  std::optional<std::string> first_error;
  std::size_t best_overlap = 0;
  json const as_sent = body;
  for (int l : match.links) {
    auto const& link = tables.links[l];
    // Each candidate link reads the body as sent, relaxed by its own leniencies.
    json candidate = as_sent;
    detail::apply_leniencies(link, candidate);
    auto problem = link.body >= 0 ? validator.check(link.body, candidate) : std::nullopt;
    if (!problem) {
      link_index = l;
      body = candidate.is_object() ? std::move(candidate) : json::object();
      return std::nullopt;
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
  return error_response(422, "invalid_params", "Invalid params: " + *first_error + ".");
}

}  // namespace herokupp::sim
