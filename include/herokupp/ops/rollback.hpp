// Rollback: back to an earlier release that succeeded.
#ifndef HEROKUPP_OPS_ROLLBACK_HPP
#define HEROKUPP_OPS_ROLLBACK_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/release.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace herokupp::ops {

/// What rollback tells every caller: code and config go back, data does not.
inline constexpr std::string_view rollback_reminder =
    "Database changes are not rolled back: migrations run since the target release "
    "stay applied, and add-ons keep their data.";

/// Parses a release version as people write it: "42" or "v42" (positive).
///
/// @par Example
/// @code
/// assert(herokupp::ops::parse_version("v42").value() == 42);
/// assert(!herokupp::ops::parse_version("v0"));
/// @endcode
HEROKUPP_API result<std::int64_t> parse_version(std::string_view text);

/// What a rollback did.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::rollback(app, "v42");
/// if (r) std::cout << "v" << r->from_version << " -> v" << r->to_version << " as v"
///                  << r->release.version << "\n" << r->reminder << "\n";
/// @endcode
struct RollbackResult {
  Release release;              ///< the new release the rollback created
  std::int64_t from_version{};  ///< the release that was current
  std::int64_t to_version{};    ///< the release rolled back to
  /// What rolling back does not undo (add-ons, config, database changes), for people.
  std::string reminder = std::string(rollback_reminder);
};

/// Rolls back to release `version` (Release › Rollback). The target must
/// exist (else not_found), have succeeded and not be the current release
/// (else precondition_failed); a refused rollback changes nothing.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::rollback(heroku.app("shop"), 42);
/// if (!r) std::cerr << herokupp::ops::explain(r.error()) << "\n";
/// @endcode
HEROKUPP_API result<RollbackResult> rollback(AppClient const& app, std::int64_t version);

/// Same, with the version as text: "42" or "v42".
///
/// @par Example
/// @code
/// auto r = herokupp::ops::rollback(heroku.app("shop"), "v42");
/// @endcode
HEROKUPP_API result<RollbackResult> rollback(AppClient const& app, std::string_view version);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_ROLLBACK_HPP
