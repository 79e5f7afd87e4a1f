#include "router.hpp"

#include <cstdint>

namespace herokupp::sim::detail {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    std::size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(i, end - i));
    i = end;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view text, bool& ok) {
  ok = true;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) {
      ok = false;
      return {};
    }
    int hi = hex_value(text[i + 1]);
    int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) {
      ok = false;
      return {};
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

Router::Router(RouteTables const& tables) : tables_(tables) {
  for (std::size_t i = 0; i < tables.link_count; ++i) {
    Route route;
    route.link = static_cast<int>(i);
    std::string_view href = tables.links[i].href;
    for (auto part : split_path(href)) {
      Segment segment;
      if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
        segment.param = part.substr(1, part.size() - 2);
      } else {
        segment.literal = std::string(part);
      }
      route.segments.push_back(std::move(segment));
    }
    by_length_[route.segments.size()].push_back(std::move(route));
  }
}

RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch result;
  auto segments = split_path(path);
  auto it = by_length_.find(segments.size());
  if (it == by_length_.end()) return result;

  // The best shape is the one with the most literal segments, earliest
  // first: a mask with the first segment as its highest bit.
  std::uint64_t best_mask = 0;
  std::vector<Route const*> best;
  for (auto const& route : it->second) {
    std::uint64_t mask = 0;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      auto const& seg = route.segments[i];
      mask <<= 1;
      if (seg.param.empty()) {
        ok = seg.literal == segments[i];
        mask |= 1;
      } else {
        ok = !segments[i].empty();
      }
    }
    if (!ok) continue;
    if (best.empty() || mask > best_mask) {
      best_mask = mask;
      best.clear();
      best.push_back(&route);
    } else if (mask == best_mask) {
      best.push_back(&route);
    }
  }
  if (best.empty()) return result;

  unsigned allowed = 0;  // bit per Method value
  Route const* chosen = nullptr;
  for (auto const* route : best) {
    auto const& link = tables_.links[route->link];
    if (link.method == method) {
      result.links.push_back(route->link);
      if (chosen == nullptr) chosen = route;
    }
    allowed |= 1U << static_cast<unsigned>(link.method);
  }
  if (result.links.empty()) {
    result.outcome = RouteMatch::Outcome::method_not_allowed;
    for (auto m :
         {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::delete_}) {
      if ((allowed & (1U << static_cast<unsigned>(m))) == 0) continue;
      if (!result.allow.empty()) result.allow += ", ";
      result.allow += std::string(to_string(m));
    }
    return result;
  }
  result.outcome = RouteMatch::Outcome::found;
  auto const& route = *chosen;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (route.segments[i].param.empty()) continue;
    bool ok = true;
    std::string value = percent_decode(segments[i], ok);
    if (!ok) {
      result.outcome = RouteMatch::Outcome::not_found;
      result.links.clear();
      return result;
    }
    result.params.emplace_back(route.segments[i].param, std::move(value));
  }
  return result;
}

}  // namespace herokupp::sim::detail
