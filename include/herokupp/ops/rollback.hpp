// Rollback: back to an earlier release that succeeded.
#ifndef HEROKUPP_OPS_ROLLBACK_HPP
#define HEROKUPP_OPS_ROLLBACK_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/masked_config.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

/// The config keys a rollback would change, compared by key and
/// fingerprint; never a value.
///
/// @par Example
/// @code
/// auto preview = herokupp::ops::preview_rollback(app, 42);
/// if (preview && preview->config.changes()) std::cout << preview->config.describe() << "\n";
/// @endcode
struct ConfigDelta {
  std::vector<std::string> added;    ///< set in the target release, absent now
  std::vector<std::string> changed;  ///< set in both, with another value
  std::vector<std::string> removed;  ///< set now, absent in the target release
  /// Whether the rollback would change any config key.
  bool changes() const noexcept { return !added.empty() || !changed.empty() || !removed.empty(); }
  /// Every key the rollback would touch, sorted.
  std::vector<std::string> keys() const;
  /// "added A; changed B, C; removed D", or "no config change".
  std::string describe() const;
};

/// What a rollback to `version` would do, read before doing it.
///
/// @par Example
/// @code
/// auto p = herokupp::ops::preview_rollback(heroku.app("shop"), 42);
/// if (p) std::cout << "v" << p->from_version << " -> v" << p->target.version << "\n";
/// @endcode
struct RollbackPreview {
  Release target;               ///< the release to roll back to
  std::int64_t from_version{};  ///< the release running now
  ConfigDelta config;           ///< the config keys the rollback would change
};

/// Reads what rolling back to `version` would do, with the checks
/// rollback() makes (the target exists, succeeded, is not current), and
/// compares the target release's config with the current one by
/// fingerprint. Read-only: three requests.
///
/// @par Example
/// @code
/// auto p = herokupp::ops::preview_rollback(heroku.app("shop"), 42);
/// @endcode
HEROKUPP_API result<RollbackPreview> preview_rollback(AppClient const& app, std::int64_t version);

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
  ConfigDelta config;           ///< the config keys it changed (keys only)
  /// What rolling back does not undo (add-ons, config, database changes), for people.
  std::string reminder = std::string(rollback_reminder);
};

/// What a rollback may do to config. On Heroku a rollback restores the
/// target release's config vars, so a rollback that changes config is a
/// config change too.
///
/// @par Example
/// @code
/// herokupp::ops::RollbackOptions o;
/// o.may_change_config = false;   // an actor who may operate but not configure
/// auto r = herokupp::ops::rollback(heroku.app("shop"), 42, o);
/// @endcode
struct RollbackOptions {
  /// Whether the rollback may change config at all. When false and it
  /// would, it is refused with policy_denied listing the keys.
  bool may_change_config = true;
  /// What a refusal says would allow it ("the role heroku-shop:configure").
  std::string config_permission = "permission to configure";
  /// Apps whose config a rollback must not change (names or ids), unless
  /// listed in protected_exceptions: refused with protected_app listing the keys.
  ConfigOptions protection;
  /// Protected apps (names or ids) whose config a rollback may change anyway.
  std::vector<std::string> protected_exceptions;
};

/// Rolls back to release `version` (Release › Rollback). The target must
/// exist (else not_found), have succeeded and not be the current release
/// (else precondition_failed). When the rollback would change config keys,
/// `options` decide (see RollbackOptions); a refused rollback changes
/// nothing, and its message lists the keys, never a value.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::rollback(heroku.app("shop"), 42);
/// if (!r) std::cerr << herokupp::ops::explain(r.error()) << "\n";
/// @endcode
HEROKUPP_API result<RollbackResult> rollback(AppClient const& app, std::int64_t version,
                                             RollbackOptions const& options = {});

/// Same, with the version as text: "42" or "v42".
///
/// @par Example
/// @code
/// auto r = herokupp::ops::rollback(heroku.app("shop"), "v42");
/// @endcode
HEROKUPP_API result<RollbackResult> rollback(AppClient const& app, std::string_view version,
                                             RollbackOptions const& options = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_ROLLBACK_HPP
