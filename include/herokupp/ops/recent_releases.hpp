// Recent releases: the newest n, in one request.
#ifndef HEROKUPP_OPS_RECENT_RELEASES_HPP
#define HEROKUPP_OPS_RECENT_RELEASES_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/release.hpp>

#include <cstddef>
#include <vector>

namespace herokupp::ops {

/// The newest `n` releases (1..1000), newest first, in one request: a Range
/// by version, descending, with max=n. Nothing else is listed.
///
/// @par Example
/// @code
/// auto last = herokupp::ops::recent_releases(heroku.app("shop"), 5);
/// if (last) for (auto const& r : *last) std::cout << "v" << r.version << " " << r.description <<
/// "\n";
/// @endcode
HEROKUPP_API result<std::vector<Release>> recent_releases(AppClient const& app, std::size_t n);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_RECENT_RELEASES_HPP
