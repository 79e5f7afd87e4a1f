// HygieneRules: which fleet hygiene rules run, how severe their findings are,
// and their thresholds.
#ifndef HEROKUPP_OPS_HYGIENE_RULES_HPP
#define HEROKUPP_OPS_HYGIENE_RULES_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/severity.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// The stable ids of the hygiene rules, as findings, JSON output and the
/// `rules` mapping of a configuration name them.
///
/// @par Example
/// @code
/// // given: herokupp::ops::HygieneFinding f
/// if (f.rule == herokupp::ops::hygiene_rule::log_drain) std::cout << "add a drain\n";
/// @endcode
namespace hygiene_rule {
/// A staging or production app without a log drain.
inline constexpr std::string_view log_drain = "log-drain";
/// An app owned by someone other than the expected team or account.
inline constexpr std::string_view owner = "owner";
/// An app on a stack past its end of life (retired, or listed as such).
inline constexpr std::string_view stack_end_of_life = "stack-end-of-life";
/// An app on a deprecated stack.
inline constexpr std::string_view stack_deprecated = "stack-deprecated";
/// A pipeline app running code its upstream stage never ran.
inline constexpr std::string_view unpromoted_code = "unpromoted-code";
/// An app in maintenance for longer than the limit.
inline constexpr std::string_view long_maintenance = "long-maintenance";
/// A production app with web dynos and preboot off.
inline constexpr std::string_view preboot = "preboot";
/// An app the API key cannot see (403 or 404).
inline constexpr std::string_view not_visible = "not-visible";
/// An app whose checks could not run (the API or the network failed).
inline constexpr std::string_view unchecked = "unchecked";
}  // namespace hygiene_rule

/// Whether a rule runs, and the severity of its findings.
///
/// @par Example
/// @code
/// herokupp::ops::RuleSetting off{false, herokupp::ops::Severity::info};
/// @endcode
struct RuleSetting {
  bool enabled = true;                    ///< false: the rule is not checked at all
  Severity severity = Severity::warning;  ///< the severity of each finding
};

/// The hygiene rules, each configurable. The defaults are what the team
/// handbooks ask for; `from_json` reads the `hygiene` section of an
/// environments file (docs/ops.md):
///
/// @code{.json}
/// {"owner": "shop-team",
///  "rules": {"log-drain": {"severity": "error", "stages": ["staging", "production"]},
///            "stack-end-of-life": {"stacks": ["heroku-20"]},
///            "long-maintenance": {"after_minutes": 120},
///            "preboot": {"enabled": false}}}
/// @endcode
///
/// @par Example
/// @code
/// herokupp::ops::HygieneRules rules;
/// rules.expected_owner = "shop-team";
/// rules.preboot.enabled = false;
/// rules.maintenance_limit = std::chrono::hours(2);
/// auto parsed = herokupp::ops::HygieneRules::from_json(R"({"owner": "shop-team"})");
/// @endcode
struct HEROKUPP_API HygieneRules {
  /// Staging and production apps need a log drain.
  RuleSetting log_drain{true, Severity::warning};
  /// The pipeline stages the log-drain rule applies to.
  std::vector<std::string> log_drain_stages{"staging", "production"};
  /// Apps belong to `expected_owner`.
  RuleSetting owner{true, Severity::warning};
  /// The team name (or, for apps outside teams, the billing account's email)
  /// apps should belong to. Empty: the owner rule is not applied, except that
  /// a hygiene run scoped to a team expects that team.
  std::string expected_owner;
  /// No app runs on a stack past its end of life.
  RuleSetting stack_end_of_life{true, Severity::error};
  /// Stacks past their end of life besides those the API marks `retired`
  /// (the API gives no end-of-life date, so a team lists them here).
  std::vector<std::string> end_of_life_stacks;
  /// No app runs on a stack the API marks `deprecated`.
  RuleSetting stack_deprecated{true, Severity::warning};
  /// A downstream pipeline app runs only code its upstream stage ran.
  RuleSetting unpromoted_code{true, Severity::error};
  /// How many of each upstream app's newest releases are searched.
  std::size_t upstream_history = 50;
  /// No app stays in maintenance longer than `maintenance_limit`.
  RuleSetting long_maintenance{true, Severity::warning};
  /// How long maintenance may last before it is reported.
  std::chrono::minutes maintenance_limit{60};
  /// Production apps with web dynos have preboot on.
  RuleSetting preboot{true, Severity::warning};
  /// An app the key cannot see is reported with this setting.
  RuleSetting not_visible{true, Severity::warning};
  /// An app whose checks failed (5xx, network) is reported with this setting.
  RuleSetting unchecked{true, Severity::error};

  /// Reads the JSON form shown above. Every field is optional; unknown
  /// fields, unknown rule ids, bad severities and values of the wrong type
  /// are refused with invalid_argument naming the field.
  static result<HygieneRules> from_json(std::string_view text);
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_HYGIENE_RULES_HPP
