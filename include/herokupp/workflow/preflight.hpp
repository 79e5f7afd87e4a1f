// Promotion preflight: what a promotion brings that the downstream app is
// not ready for (config keys, migrations), before anything is promoted.
#ifndef HEROKUPP_WORKFLOW_PREFLIGHT_HPP
#define HEROKUPP_WORKFLOW_PREFLIGHT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/workflow/change_set.hpp>
#include <herokupp/workflow/environments.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow {

/// One config key compared across a promotion, by name and fingerprint only.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::Preflight preflight
/// for (auto const& k : preflight.keys) std::cout << k.key << " " << k.status << "\n";
/// @endcode
struct PreflightKey {
  std::string key;  ///< the config var's name
  /// "missing" (upstream only), "only_downstream", "same" or "differs".
  std::string status;
  bool feature_flag = false;  ///< the name suggests a feature flag (looks_like_feature_flag)
};

/// What a promotion from `upstream_app` to `downstream_app` would bring:
/// the config keys the downstream lacks, the change set between the two
/// slugs' commits, and whether it holds migrations. No config value is ever
/// read out; keys present on both sides are compared by fingerprint.
///
/// Missing keys block the promotion until each is acknowledged
/// (PreflightOptions::acknowledge_missing). What the platform cannot answer
/// (a slug without a commit, no local checkout holding both commits) is
/// reported as unknown, with a warning, never passed silently.
///
/// @par Example
/// @code
/// // given: herokupp::Client heroku
/// auto pf = herokupp::workflow::promotion_preflight(heroku, "shop-staging", "shop");
/// if (pf && pf->blocks()) std::cerr << pf->summary();
/// @endcode
struct HEROKUPP_API Preflight {
  std::string upstream_app;       ///< promoted from
  std::string downstream_app;     ///< promoted to
  std::string upstream_commit;    ///< the commit of the upstream's slug ("" unknown)
  std::string downstream_commit;  ///< the commit of the downstream's slug ("" unknown)
  /// The downstream already runs the upstream's slug: there is nothing to
  /// promote, and nothing blocks.
  bool up_to_date = false;
  /// Every key of either app, sorted.
  std::vector<PreflightKey> keys;
  /// Keys set upstream and missing downstream, sorted.
  std::vector<std::string> missing;
  /// Keys named like feature flags that are missing downstream or differ.
  std::vector<std::string> feature_flags;
  /// The missing keys the plan acknowledges (they then do not block), sorted.
  std::vector<std::string> acknowledged;
  /// Whether the change set is known (both commits, and the files from the
  /// caller or from a git checkout holding both).
  bool change_set_known = false;
  /// Files and subjects between the downstream and the upstream commit.
  ChangeSet changes;
  /// "yes", "no", or "unknown" (no change set): migrations in the change set.
  std::string migrations = "unknown";
  /// The changed files that the path rules tie to the migrate action.
  std::vector<std::string> migration_files;
  /// Lines for people: unknowns, and the rollback caveat when migrations
  /// are (or may be) in the change set.
  std::vector<std::string> warnings;

  /// The missing keys not acknowledged, sorted.
  std::vector<std::string> unacknowledged() const;
  /// Whether the promotion must not go ahead (unacknowledged missing keys).
  bool blocks() const { return !up_to_date && !unacknowledged().empty(); }
  /// A few lines for people: keys, change set, migrations, warnings.
  std::string summary() const;
  /// The preflight as JSON, fields in a fixed order (plans embed it, and
  /// their confirmation code covers it).
  std::string to_json() const;
  /// A preflight read back from to_json()'s text.
  static result<Preflight> from_json(std::string_view text);
};

/// How promotion_preflight() works.
///
/// @par Example
/// @code
/// herokupp::workflow::PreflightOptions o;
/// o.git_dir = ".";                               // subjects from the local checkout
/// o.acknowledge_missing = {"FEATURE_CHECKOUT_V2"};
/// @endcode
struct PreflightOptions {
  /// The change set, when the caller knows it; otherwise git_change_set()
  /// in `git_dir` between the two commits.
  std::optional<ChangeSet> changes;
  /// A git checkout holding both commits ("" for none).
  std::string git_dir;
  /// The path rules; a changed file matched by a rule with the `migrate`
  /// action is a migration.
  std::vector<PathRule> path_rules = default_path_rules();
  /// Missing keys the caller acknowledges. A key that is not missing is
  /// refused (invalid_argument): an acknowledgement is about a known gap.
  std::vector<std::string> acknowledge_missing;
};

/// Compares what `upstream` runs with what `downstream` runs, before a
/// promotion. Reads both apps' releases, slugs and config (values never
/// leave the call; keys in both are compared under a random key made for
/// this one comparison). A config the key cannot read, or an app that
/// cannot be found, is an Error naming the app: a preflight never passes
/// for want of an answer. Nothing is changed.
///
/// @par Example
/// @code
/// // given: herokupp::Client heroku
/// herokupp::workflow::PreflightOptions o;
/// o.git_dir = ".";
/// auto pf = herokupp::workflow::promotion_preflight(heroku, "shop-staging", "shop", o);
/// if (pf) std::cout << pf->summary();
/// @endcode
HEROKUPP_API result<Preflight> promotion_preflight(Client const& client, std::string_view upstream,
                                                   std::string_view downstream,
                                                   PreflightOptions const& options = {});

/// Whether a config key's name suggests a feature flag: it starts with
/// FEATURE_, FEATURES_, FLAG_, FF_, ENABLE_ or DISABLE_, or ends with
/// _ENABLED, _DISABLED, _FLAG or _FEATURE (case-insensitive).
///
/// @par Example
/// @code
/// bool flag = herokupp::workflow::looks_like_feature_flag("FEATURE_CHECKOUT_V2");  // true
/// @endcode
HEROKUPP_API bool looks_like_feature_flag(std::string_view key);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_PREFLIGHT_HPP
