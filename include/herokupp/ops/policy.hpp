// Policy: who may do what to which app, from roles.
#ifndef HEROKUPP_OPS_POLICY_HPP
#define HEROKUPP_OPS_POLICY_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// Every action a Session runs, as named in audit records.
///
/// @par Example
/// @code
/// // given: herokupp::ops::Session session
/// auto ok = session.check(herokupp::ops::Action::rollback, "shop");
/// std::cout << herokupp::ops::to_string(herokupp::ops::Action::rollback);  // "rollback"
/// @endcode
enum class Action {
  info,            ///< read: the app's details
  dynos,           ///< read: dyno_summary
  releases,        ///< read: recent_releases
  masked_config,   ///< read: masked_config
  compare_config,  ///< read: compare_config (read on both apps)
  reveal_config,   ///< reveal: config values, only with heroku-<app>-reveal
  set_config,      ///< configure
  unset_config,    ///< configure
  restart,         ///< operate
  scale,           ///< operate
  rollback,        ///< operate
  run,             ///< operate: a one-off dyno
  migrate,         ///< operate: the configured migrate command
  maintenance,     ///< operate: a maintenance window
  promote,         ///< operate: on every target app
  deploy,          ///< operate: a planned deploy (herokupp::workflow), from source or by promotion
  approve,  ///< approve: confirm a plan someone else made (four eyes), with heroku-<app>:approve
};

/// The classes a Policy grants per app: read, operate (which includes
/// read), configure, reveal (seeing config values) and approve (confirming
/// a plan someone else made, where four eyes apply). Nothing implies reveal
/// or approve, admin included: both are given to named people on purpose.
///
/// @par Example
/// @code
/// assert(herokupp::ops::class_of(herokupp::ops::Action::scale) ==
///        herokupp::ops::ActionClass::operate);
/// @endcode
enum class ActionClass { read, operate, configure, reveal, approve };

/// "rollback", "set_config"...: the stable name of an action.
HEROKUPP_API std::string_view to_string(Action action) noexcept;
/// "read", "operate", "configure", "reveal", "approve".
HEROKUPP_API std::string_view to_string(ActionClass action_class) noexcept;
/// The class an action belongs to.
HEROKUPP_API ActionClass class_of(Action action) noexcept;

/// One role, read: either admin, or one class on one app.
///
/// @par Example
/// @code
/// auto g = herokupp::ops::Grant::parse("heroku-shop:configure").value();
/// assert(g.app == "shop" && g.action_class == herokupp::ops::ActionClass::configure);
/// @endcode
struct HEROKUPP_API Grant {
  bool admin = false;                            ///< the role `admin`
  std::string app;                               ///< lower case; empty for admin
  ActionClass action_class = ActionClass::read;  ///< unused for admin

  /// Reads a role name (see Policy for the grammar). Refused with
  /// invalid_argument: anything else, and the ambiguous hubot-auth names
  /// `heroku-<x>-config` / `heroku-<x>-reveal`.
  static result<Grant> parse(std::string_view role);
  /// The canonical role name: "admin", "heroku-shop", "heroku-shop:configure"...
  std::string to_string() const;
};

/// Roles, protected apps, the one-off allow-list and rollback exceptions:
/// the rules a Session checks before each action.
///
/// Roles, in a grammar where no two names mean the same thing:
/// - `admin`: read, operate and configure on every app (not reveal, not approve).
/// - `heroku-<app>`: read and operate on the app `<app>`. Everything after
///   `heroku-` is the app name, as hubot-auth / hubot-heroku read it: the
///   role `heroku-shop-reveal` would mean the app `shop-reveal`. Because
///   earlier releases read it as "reveal on shop", such names (ending in
///   `-config` or `-reveal`) are refused; write them unambiguously.
/// - `heroku-<app>:<class>`, class one of read, operate, configure, reveal, approve:
///   that class on that app. App names cannot contain `:`, so
///   `heroku-shop-reveal:operate` (operate on the app shop-reveal) and
///   `heroku-shop:reveal` (reveal on shop) never collide.
/// - In JSON, structured grants per app: `{"apps": {"shop": ["operate", "approve"]}}`.
///
/// Four eyes: for an app listed by require_four_eyes() (JSON `"four_eyes"`),
/// a deploy plan must be confirmed by someone other than its planner who
/// holds approve on the app (herokupp::workflow::Deployer enforces it).
///
/// Configure is refused on protected apps whatever the roles. An actor the
/// policy does not name holds no role: a Policy denies by default. (A
/// Session with no Policy checks nothing but protected apps.) App names
/// compare case-insensitively.
///
/// @par Example
/// @code
/// // given: void fail(herokupp::Error const& error)
/// auto policy = herokupp::ops::Policy::load("/etc/herokupp/policy.json");
/// if (!policy) return fail(policy.error());
/// herokupp::ops::Policy p;
/// p.grant("alice", "admin").grant("bob", "heroku-shop-staging").protect("chatops-bot");
/// p.allow("carol", herokupp::ops::ActionClass::reveal, "shop-staging");
/// auto ok = p.check("bob", herokupp::ops::Action::restart, "shop-staging");   // success
/// auto no = p.check("bob", herokupp::ops::Action::restart, "shop-production");
/// // no.error().kind == policy_denied, message names heroku-shop-production
/// @endcode
class HEROKUPP_API Policy {
 public:
  /// A policy that grants nothing.
  Policy() = default;

  /// Parses the JSON policy format (docs/ops.md):
  /// `{"actors": {"alice": ["admin"], "bob": {"apps": {"shop": ["operate"]}}},
  ///   "protected_apps": ["chatops-bot"], "commands": ["rake db:migrate"],
  ///   "rollback_config_exceptions": ["shop-production"], "four_eyes": ["shop-production"]}`.
  /// Unknown fields and malformed or ambiguous roles are refused with invalid_argument.
  static result<Policy> from_json(std::string_view text);
  /// Reads and parses a JSON policy file.
  static result<Policy> load(std::string const& path);

  /// Gives `actor` the role `role` ("admin", "heroku-shop", "heroku-shop:configure").
  /// A role Grant::parse refuses grants nothing (use Grant::parse to see why).
  Policy& grant(std::string actor, std::string_view role);
  /// Gives `actor` one class on one app.
  Policy& allow(std::string actor, ActionClass action_class, std::string_view app);
  /// Refuses configure on `app` for everyone.
  Policy& protect(std::string app);
  /// Lets a rollback of protected `app` restore config (for actors who hold
  /// configure on it): an explicit exception to protection, for rollbacks only.
  Policy& allow_config_rollback(std::string app);
  /// The one-off commands allowed (see OneOffOptions::allowed_commands).
  Policy& set_commands(std::vector<std::string> commands);
  /// Plans for `app` must be confirmed by another actor holding approve on it.
  Policy& require_four_eyes(std::string app);

  /// The roles `actor` holds, canonical and sorted.
  std::vector<std::string> roles(std::string_view actor) const;
  /// Every actor the policy names, sorted.
  std::vector<std::string> actors() const;
  /// The protected apps, lower case and sorted.
  std::vector<std::string> protected_apps() const;
  /// Whether `app` is protected from configuration changes.
  bool is_protected(std::string_view app) const;
  /// Whether a rollback may restore config on protected `app`.
  bool allows_config_rollback(std::string_view app) const;
  /// Every app allow_config_rollback named, lower case and sorted.
  std::vector<std::string> config_rollback_exceptions() const;
  /// Whether plans for `app` need a second actor's confirmation.
  bool requires_four_eyes(std::string_view app) const;
  /// Every app require_four_eyes named, lower case and sorted.
  std::vector<std::string> four_eyes_apps() const;
  /// The actors who hold approve on `app`, sorted: who may confirm a plan
  /// for it that someone else made.
  std::vector<std::string> approvers(std::string_view app) const;
  /// The one-off allow-list, when the policy sets one.
  std::optional<std::vector<std::string>> const& commands() const noexcept;

  /// Whether `actor` may do `action` on `app`: success, or an Error of kind
  /// policy_denied naming the role that would allow it, or protected_app.
  result<void> check(std::string_view actor, Action action, std::string_view app) const;
  /// Whether `actor` holds `action_class` on `app` (protection aside).
  bool holds(std::string_view actor, ActionClass action_class, std::string_view app) const;

  /// The role specific to `app` that allows `action` on it ("heroku-shop",
  /// "heroku-shop:configure", "heroku-shop:reveal"; "heroku-shop-config:operate"
  /// for an app whose name would otherwise read ambiguously).
  static std::string role_for(Action action, std::string_view app);

 private:
  struct Grants {
    bool admin = false;
    std::map<std::string, std::set<ActionClass>, std::less<>> apps;
  };
  std::map<std::string, Grants, std::less<>> actors_;
  std::set<std::string, std::less<>> protected_;
  std::set<std::string, std::less<>> config_rollback_;
  std::set<std::string, std::less<>> four_eyes_;
  std::optional<std::vector<std::string>> commands_;
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_POLICY_HPP
