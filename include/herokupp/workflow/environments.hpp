// Environments file: the apps a project deploys to, their commands and rules.
#ifndef HEROKUPP_WORKFLOW_ENVIRONMENTS_HPP
#define HEROKUPP_WORKFLOW_ENVIRONMENTS_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/hygiene_rules.hpp>
#include <herokupp/ops/policy.hpp>
#include <herokupp/workflow/notice_sinks.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow {

/// One environment: a label people use ("dev", "uat", "live") and the app
/// behind it.
///
/// @par Example
/// @code
/// herokupp::workflow::Environment staging;
/// staging.label = "staging";
/// staging.app_name = "shop-staging";
/// staging.branch = "main";
/// @endcode
struct Environment {
  std::string label;     ///< "staging"
  std::string app_name;  ///< "shop-staging"
  std::string branch;    ///< the branch deployed there ("main"), informational
  std::string pipeline;  ///< the pipeline the app belongs to, for promotions
  std::string upstream;  ///< the label of the environment promoted from ("staging")
  /// Config the app should have (heroku-tools' `settings`); compared by config_diff.
  std::map<std::string, std::string> settings;
  /// Protected: deploys and config changes need the confirmation code, and
  /// the Policy's protection applies to its app.
  bool is_protected = false;
  /// Four eyes (`four_eyes: true`): a deploy plan for this environment must
  /// be confirmed by someone other than its planner who holds approve on
  /// the app (the Policy can require it too: Policy::require_four_eyes).
  bool four_eyes = false;
};

/// A rule that turns changed paths into actions: a changed file whose path
/// contains `contains` implies `actions` ("migrate", "collectstatic") and,
/// with `maintenance`, a maintenance window.
///
/// @par Example
/// @code
/// herokupp::workflow::PathRule rule{"/migrations/", {"migrate"}, true};
/// @endcode
struct PathRule {
  /// The text a changed file's path must contain.
  std::string contains;
  /// The actions a match adds to the plan.
  std::vector<std::string> actions;
  /// Whether a match puts the app in maintenance during the deploy.
  bool maintenance = false;
};

/// The default rules: `/migrations/` implies migrate inside a maintenance
/// window, `/static/` implies collectstatic.
///
/// @par Example
/// @code
/// auto rules = herokupp::workflow::default_path_rules();  // two rules
/// @endcode
HEROKUPP_API std::vector<PathRule> default_path_rules();

/// An environments file, compatible with heroku-tools' `environments` and
/// `commands`, plus `path_rules`, `protected` and `policy`:
///
/// @code{.yaml}
/// environments:
///   - label: staging
///     app_name: shop-staging
///     branch: main
///     pipeline: shop
///     settings: {RAILS_ENV: staging}
///   - label: production
///     app_name: shop-production
///     pipeline: shop
///     upstream: staging
///     four_eyes: true             # optional: another person confirms
/// commands:
///   migrate: rake db:migrate
///   collectstatic: rake assets:precompile
/// path_rules:                     # optional; these are the defaults
///   - {contains: /migrations/, actions: [migrate], maintenance: true}
///   - {contains: /static/, actions: [collectstatic]}
/// protected: [production]
/// policy:                         # optional; the ops Policy format
///   actors: {dana: [heroku-shop-staging]}
///   protected_apps: [shop-production]
/// hygiene:                        # optional; ops::HygieneRules
///   owner: shop-team
///   rules: {preboot: {severity: error}}
/// notices:                        # optional; NoticeSinks
///   webhook_url_env: DEPLOY_WEBHOOK_URL
/// @endcode
///
/// @par Example
/// @code
/// // given: void fail(herokupp::Error const& error)
/// auto file = herokupp::workflow::EnvironmentsFile::load("environments.yml");
/// if (!file) return fail(file.error());
/// auto const* staging = file->find("staging");
/// @endcode
struct HEROKUPP_API EnvironmentsFile {
  /// The environments, in the file's order.
  std::vector<Environment> environments;
  /// "migrate" and "collectstatic" -> the command run in a one-off dyno.
  std::map<std::string, std::string> commands = {{"migrate", "rake db:migrate"},
                                                 {"collectstatic", "rake assets:precompile"}};
  /// The rules that map changed paths to actions; default_path_rules() when the file has none.
  std::vector<PathRule> path_rules = default_path_rules();
  /// The file's policy, when it has one.
  std::optional<ops::Policy> policy;
  /// The `hygiene` section: the fleet hygiene rules (ops::HygieneRules).
  std::optional<ops::HygieneRules> hygiene;
  /// The `notices` section: where deploy notices go (NoticeSinks).
  std::optional<NoticeSinks> notices;
  /// The text parsed: plans carry a MAC of it, so a file edited after
  /// review refuses the confirmation.
  std::string text;

  /// The apps of the `protected` environments: protected apps for ops too.
  std::vector<std::string> protected_apps() const;

  /// Parses YAML text; a malformed file is an Error of kind invalid_argument
  /// naming the problem.
  static result<EnvironmentsFile> parse(std::string_view yaml);
  /// Reads and parses a file.
  static result<EnvironmentsFile> load(std::string const& path);

  /// The environment labelled `label` (or whose app is `label`), or null.
  Environment const* find(std::string_view label) const;
  /// The command for an action ("migrate"), or an invalid_argument Error.
  result<std::string> command(std::string_view action) const;
};

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_ENVIRONMENTS_HPP
