// Internal: matches a request path against the schema's links.
#ifndef HEROKUPP_SRC_SIM_ROUTER_HPP
#define HEROKUPP_SRC_SIM_ROUTER_HPP

#include "route_table.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace herokupp::sim::detail {

/// The path parameters of a match, in href order ("app_identity" -> "my-app").
using PathParams = std::vector<std::pair<std::string_view, std::string>>;

struct RouteMatch {
  enum class Outcome { found, not_found, method_not_allowed };
  Outcome outcome = Outcome::not_found;
  std::vector<int> links;  ///< links with this method and path (several share a few hrefs)
  PathParams params;       ///< percent-decoded
  std::string allow;       ///< for 405: "GET, PATCH"
};

/// Routes built once from the generated tables. Literal segments win over
/// parameters ("/users/~/pipeline-couplings" over "/users/{account_identity}/...").
class Router {
 public:
  explicit Router(RouteTables const& tables);

  RouteMatch match(Method method, std::string_view path) const;

 private:
  struct Segment {
    std::string literal;  ///< empty for a parameter
    std::string_view param;
  };
  struct Route {
    int link;
    std::vector<Segment> segments;
  };
  RouteTables const& tables_;
  /// Routes grouped by their number of segments.
  std::unordered_map<std::size_t, std::vector<Route>> by_length_;
};

/// Decodes %XX escapes; nullopt-like empty result is returned for bad escapes
/// through `ok`.
std::string percent_decode(std::string_view text, bool& ok);

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_ROUTER_HPP
