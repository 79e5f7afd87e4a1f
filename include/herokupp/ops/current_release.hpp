// The release an app runs now: the one place ops and the workflow find it.
#ifndef HEROKUPP_OPS_CURRENT_RELEASE_HPP
#define HEROKUPP_OPS_CURRENT_RELEASE_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/release.hpp>

#include <optional>

namespace herokupp::ops {

/// The release `app` runs now: the one the API marks `current`, else the
/// newest that succeeded among the last 20 (a release being made, or one
/// that failed, is newer than what runs). Empty for an app never released.
/// One request.
///
/// @par Example
/// @code
/// auto now = herokupp::ops::current_release(heroku.app("shop"));
/// if (now && *now) std::cout << "shop runs v" << (*now)->version << "\n";
/// @endcode
HEROKUPP_API result<std::optional<Release>> current_release(AppClient const& app);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_CURRENT_RELEASE_HPP
