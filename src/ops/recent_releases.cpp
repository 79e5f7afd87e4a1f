#include <herokupp/ops/recent_releases.hpp>

namespace herokupp::ops {

result<std::vector<Release>> recent_releases(AppClient const& app, std::size_t n) {
  if (n == 0 || n > 1000) {
    return Error(ErrorKind::invalid_argument,
                 "recent_releases: n must be 1..1000, not " + std::to_string(n));
  }
  ListOptions newest;
  newest.max = static_cast<int>(n);
  newest.order = Order::descending;
  newest.sort_field = "version";
  return app.releases().list(newest).take(n);  // one page of n: one request
}

}  // namespace herokupp::ops
