// Fleet hygiene: every app in scope checked against the handbook's rules.
#ifndef HEROKUPP_OPS_HYGIENE_HPP
#define HEROKUPP_OPS_HYGIENE_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/fan_out.hpp>
#include <herokupp/ops/hygiene_rules.hpp>
#include <herokupp/ops/severity.hpp>
#include <herokupp/timestamp.hpp>

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace herokupp::ops {

/// Which apps a hygiene run checks: the apps of a pipeline, of a team, the
/// apps the key can see whose name contains a text, or apps named one by
/// one. Several may be given; the union is checked, each app once.
///
/// @par Example
/// @code
/// herokupp::ops::HygieneScope scope;
/// scope.pipeline = "shop";
/// scope.apps = {"shop-admin"};
/// @endcode
struct HygieneScope {
  std::string pipeline;           ///< a pipeline's name or id
  std::string team;               ///< a team's name or id
  std::string filter;             ///< a text app names must contain
  std::vector<std::string> apps;  ///< names or ids
};

/// One thing wrong with one app.
///
/// @par Example
/// @code
/// // given: herokupp::ops::HygieneFinding f
/// std::cout << herokupp::ops::to_string(f.severity) << " " << f.app << " [" << f.rule
///           << "] " << f.message << "\n  fix: " << f.command << "\n";
/// @endcode
struct HygieneFinding {
  std::string rule;                       ///< a hygiene_rule id: "log-drain"
  std::string app;                        ///< the app's name (as given, when it is not visible)
  Severity severity = Severity::warning;  ///< from the rule's setting
  std::string message;                    ///< what is wrong, in one sentence
  /// A command line that fixes it or shows more (`heroku drains:add ...`),
  /// with placeholders in capitals where a person must choose.
  std::string command;
};

/// One app as the run saw it.
///
/// @par Example
/// @code
/// // given: herokupp::ops::HygieneApp a
/// if (!a.visible) std::cout << a.app << " is not visible to this key\n";
/// @endcode
struct HygieneApp {
  std::string app;       ///< the name (as given when not visible)
  std::string stage;     ///< its pipeline stage, or empty
  std::string pipeline;  ///< its pipeline's name, or empty
  bool visible = true;   ///< false: the key gets 403 or 404 for it
  bool checked = true;   ///< false: a check failed (see the unchecked finding)
};

/// What a hygiene run found.
///
/// @par Example
/// @code
/// // given: herokupp::ops::HygieneReport report
/// std::cout << report.to_string();
/// bool const gate_fails = report.any_at_least(herokupp::ops::Severity::error);
/// @endcode
struct HEROKUPP_API HygieneReport {
  /// Every app in scope, sorted by name.
  std::vector<HygieneApp> apps;
  /// The findings, by app name, then rule id.
  std::vector<HygieneFinding> findings;

  /// Whether any finding is at or above `severity`.
  bool any_at_least(Severity severity) const;
  /// One line per finding and its command, then a summary line.
  std::string to_string() const;
  /// `{"apps": [...], "findings": [...], "counts": {"info": 0, ...}}`.
  std::string to_json() const;
};

/// How a hygiene run works.
///
/// @par Example
/// @code
/// herokupp::ops::HygieneOptions o;
/// o.rules.expected_owner = "shop-team";
/// o.fan_out.in_flight = 8;
/// @endcode
struct HygieneOptions {
  /// The rules and their settings.
  HygieneRules rules;
  /// How many apps are checked at once (one account's rate limit is
  /// shared by all of them through the Client's throttle).
  FanOutOptions fan_out;
  /// The wall clock for maintenance durations; Timestamp::now when empty.
  std::function<Timestamp()> now;
  /// Whether the caller may see an app (its name, lower case), for example
  /// `policy.holds(actor, ActionClass::read, app)`. An app it refuses is
  /// reported as not visible after its first request (which reads its
  /// name) and checked no further. Empty: every app the key sees.
  std::function<bool(std::string const& app)> may_check;
};

/// Checks the named apps. Never fails as a whole: an app the key cannot see
/// becomes a `not-visible` finding, an app whose checks failed an
/// `unchecked` one.
///
/// @par Example
/// @code
/// auto report = herokupp::ops::hygiene(heroku, {"shop-staging", "shop"});
/// std::cout << report.to_string();
/// @endcode
HEROKUPP_API HygieneReport hygiene(Client const& client, std::vector<std::string> const& apps,
                                   HygieneOptions const& options = {});

/// Checks the apps of a braced list: `hygiene(heroku, {"shop", "blog"})`
/// (the same as the vector overload; a braced list would otherwise also
/// read as a HygieneScope).
///
/// @par Example
/// @code
/// auto report = herokupp::ops::hygiene(heroku, {"shop-staging", "shop"});
/// @endcode
inline HygieneReport hygiene(Client const& client, std::initializer_list<std::string> apps,
                             HygieneOptions const& options = {}) {
  return hygiene(client, std::vector<std::string>(apps), options);
}

/// Finds the apps of `scope`, then checks them. An Error only when the scope
/// itself cannot be read (no such pipeline or team: not_found; an empty
/// scope: invalid_argument).
///
/// @par Example
/// @code
/// herokupp::ops::HygieneScope scope;
/// scope.team = "shop-team";
/// auto report = herokupp::ops::hygiene(heroku, scope);
/// if (!report) std::cerr << report.error().message << "\n";
/// @endcode
HEROKUPP_API result<HygieneReport> hygiene(Client const& client, HygieneScope const& scope,
                                           HygieneOptions const& options = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_HYGIENE_HPP
