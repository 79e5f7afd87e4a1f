// Masked config: every key of an app's config, never a value.
#ifndef HEROKUPP_OPS_MASKED_CONFIG_HPP
#define HEROKUPP_OPS_MASKED_CONFIG_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/fingerprint.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// What every masked value is shown as, whatever the value and its length.
inline constexpr std::string_view value_mask = "********";

/// How the config actions treat values and which apps they must not change.
///
/// @par Example
/// @code
/// // given: std::string deployment_secret
/// herokupp::ops::ConfigOptions o;
/// o.fingerprinter = herokupp::ops::Fingerprinter{deployment_secret};
/// o.protected_apps = {"chatops-bot"};
/// @endcode
struct ConfigOptions {
  /// Makes the per-key fingerprints; without a key, none are shown
  /// (compare_config then uses a random key for the one comparison).
  Fingerprinter fingerprinter;
  /// set_config and unset_config refuse these apps (names or ids).
  std::vector<std::string> protected_apps;
  /// Also refuse the app this program runs on, as HEROKU_APP_NAME and
  /// HEROKU_APP_ID name it (Heroku's dyno metadata).
  bool protect_own_app = true;
};

/// One config var, masked.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::MaskedConfig> masked
/// for (auto const& v : masked->vars) std::cout << v.key << "=" << v.mask << " " << v.fingerprint
/// << "\n";
/// @endcode
struct MaskedVar {
  /// The config var's name.
  std::string key;
  std::string mask = std::string(value_mask);  ///< always value_mask
  std::string fingerprint;  ///< Fingerprinter::length hex digits, or empty without a key
};

/// An app's config with every value masked, keys sorted.
///
/// @par Example
/// @code
/// auto masked = herokupp::ops::masked_config(heroku.app("shop"));
/// if (masked && masked->contains("DATABASE_URL")) std::cout << "has a database\n";
/// @endcode
struct HEROKUPP_API MaskedConfig {
  /// The app the config belongs to.
  std::string app;
  std::vector<MaskedVar> vars;  ///< sorted by key

  /// Whether the app has a var called `key`.
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  /// The var called `key`, or null.
  MaskedVar const* find(std::string_view key) const;
  /// "KEY=******** 3f9a0c2b7d41" lines, one per var, for people.
  std::string to_string() const;
};

/// Masks `values` (already fetched) the way masked_config does.
///
/// @par Example
/// @code
/// auto m = herokupp::ops::mask_config("shop", {{"A", "secret"}},
/// herokupp::ops::Fingerprinter{"k"});
/// @endcode
HEROKUPP_API MaskedConfig mask_config(std::string app,
                                      std::map<std::string, std::string> const& values,
                                      Fingerprinter const& fingerprinter = {});

/// Config Vars › Info for App, masked: every key, sorted, each with
/// value_mask and, when `options.fingerprinter` has a key, a fingerprint.
///
/// @par Example
/// @code
/// // given: std::string deployment_secret
/// herokupp::ops::ConfigOptions o;
/// o.fingerprinter = herokupp::ops::Fingerprinter{deployment_secret};
/// auto masked = herokupp::ops::masked_config(heroku.app("shop"), o);
/// if (masked) std::cout << masked->to_string();
/// @endcode
HEROKUPP_API result<MaskedConfig> masked_config(AppClient const& app,
                                                ConfigOptions const& options = {});

/// How a key compares between two apps.
///
/// @par Example
/// @code
/// // given: herokupp::ops::KeyComparison k
/// if (k.status == herokupp::ops::KeyStatus::differs) std::cout << k.key << " differs\n";
/// @endcode
enum class KeyStatus { same, differs, only_in_a, only_in_b };

/// "same", "differs", "only_in_a", "only_in_b".
HEROKUPP_API std::string_view to_string(KeyStatus status) noexcept;

/// One key of a comparison.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::ConfigComparison> cmp
/// for (auto const& k : cmp->keys) std::cout << k.key << " " << to_string(k.status) << "\n";
/// @endcode
struct KeyComparison {
  /// The config var's name.
  std::string key;
  /// How the two apps' values of the key compare.
  KeyStatus status = KeyStatus::same;
  std::string fingerprint_a;  ///< empty unless a fingerprint key was given and A has the key
  std::string fingerprint_b;  ///< likewise for B
};

/// Two apps' config compared key by key, from fingerprints, never values.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::ConfigComparison> cmp
/// auto cmp = herokupp::ops::compare_config(heroku.app("shop-staging"), heroku.app("shop"));
/// for (auto const& k : cmp->keys) std::cout << k.key << " " << to_string(k.status) << "\n";
/// @endcode
struct HEROKUPP_API ConfigComparison {
  /// The first app compared.
  std::string app_a;
  /// The second app compared.
  std::string app_b;
  std::vector<KeyComparison> keys;  ///< every key of either app, sorted

  /// How many keys have `status`.
  std::size_t count(KeyStatus status) const;
  /// The keys with `status`, sorted.
  std::vector<std::string> keys_with(KeyStatus status) const;
};

/// Compares two apps' config: same, differs, only in A, only in B. Values are
/// compared by fingerprint (with `options.fingerprinter`, or a random key
/// used for this call only); no value leaves this function.
///
/// @par Example
/// @code
/// // given: void warn(std::string const& key)
/// auto cmp = herokupp::ops::compare_config(heroku.app("shop-staging"), heroku.app("shop"));
/// if (cmp) for (auto const& k : cmp->keys_with(herokupp::ops::KeyStatus::only_in_a)) warn(k);
/// @endcode
HEROKUPP_API result<ConfigComparison> compare_config(AppClient const& app_a, AppClient const& app_b,
                                                     ConfigOptions const& options = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_MASKED_CONFIG_HPP
