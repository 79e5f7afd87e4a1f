#include <herokupp/ops/current_release.hpp>
#include <herokupp/ops/recent_releases.hpp>

namespace herokupp::ops {

result<std::optional<Release>> current_release(AppClient const& app) {
  auto recent = recent_releases(app, 20);
  if (!recent) return recent.error();
  for (auto const& r : *recent) {
    if (r.current) return std::optional<Release>(r);
  }
  for (auto const& r : *recent) {
    if (r.status == Release::Status::succeeded) return std::optional<Release>(r);
  }
  return std::optional<Release>();
}

}  // namespace herokupp::ops
