// Config changes: set and unset config vars, answered masked; and the one
// explicit way to see values.
#ifndef HEROKUPP_OPS_CONFIG_CHANGE_HPP
#define HEROKUPP_OPS_CONFIG_CHANGE_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/masked_config.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// True for a config key herokupp accepts: letters, digits and underscores,
/// not starting with a digit ("DATABASE_URL", "_X1").
///
/// @par Example
/// @code
/// assert(herokupp::ops::is_valid_config_key("FEATURE_X"));
/// assert(!herokupp::ops::is_valid_config_key("1X") && !herokupp::ops::is_valid_config_key("A-B"));
/// @endcode
HEROKUPP_API bool is_valid_config_key(std::string_view key) noexcept;

/// The names and ids `options` protects from config changes, lower case:
/// `options.protected_apps`, plus HEROKU_APP_NAME and HEROKU_APP_ID when
/// `options.protect_own_app`.
///
/// @par Example
/// @code
/// // given: herokupp::ops::ConfigOptions options
/// for (auto const& app : herokupp::ops::protected_apps(options)) std::cout << app << "\n";
/// @endcode
HEROKUPP_API std::vector<std::string> protected_apps(ConfigOptions const& options);

/// What a set_config or unset_config did, without a value.
///
/// @par Example
/// @code
/// auto change = herokupp::ops::set_config(app, {{"FEATURE_X", "on"}});
/// if (change) std::cout << "added " << change->added.size() << ", changed " <<
/// change->changed.size();
/// @endcode
struct ConfigChange {
  /// The app that was changed.
  std::string app;
  std::vector<std::string> added;      ///< set, and absent before
  std::vector<std::string> changed;    ///< set, and held another value before
  std::vector<std::string> unchanged;  ///< set to the value it already held
  std::vector<std::string> removed;    ///< unset, and present before
  std::vector<std::string> absent;     ///< unset, and already absent (not an error)
  MaskedConfig config;                 ///< the whole config after the change, masked
};

/// Sets config vars in one PATCH (Config Vars › Update) after checking every
/// key; refused with protected_app on protected apps. The answer is masked.
///
/// @par Example
/// @code
/// auto change = herokupp::ops::set_config(heroku.app("shop-staging"),
///                                         {{"FEATURE_X", "on"}, {"WORKERS", "4"}});
/// if (!change) std::cerr << herokupp::ops::explain(change.error()) << "\n";
/// @endcode
HEROKUPP_API result<ConfigChange> set_config(AppClient const& app,
                                             std::map<std::string, std::string> const& values,
                                             ConfigOptions const& options = {});

/// Unsets config vars in one PATCH; a key that is not set is reported in
/// `absent`, not as an error. Refused on protected apps. The answer is masked.
///
/// @par Example
/// @code
/// auto change = herokupp::ops::unset_config(heroku.app("shop-staging"), {"OLD_FLAG"});
/// @endcode
HEROKUPP_API result<ConfigChange> unset_config(AppClient const& app,
                                               std::vector<std::string> const& keys,
                                               ConfigOptions const& options = {});

/// The values of the named keys, the only ops call that returns config
/// values. A Session allows it only to holders of heroku-<app>-reveal. A key
/// that is not set is a not_found Error.
///
/// @par Example
/// @code
/// auto values = herokupp::ops::reveal_config(heroku.app("shop-staging"), {"FEATURE_X"});
/// @endcode
HEROKUPP_API result<std::map<std::string, std::string>> reveal_config(
    AppClient const& app, std::vector<std::string> const& keys);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_CONFIG_CHANGE_HPP
