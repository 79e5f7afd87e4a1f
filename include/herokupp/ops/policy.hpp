// Policy: who may do what to which app, from roles.
#ifndef HEROKUPP_OPS_POLICY_HPP
#define HEROKUPP_OPS_POLICY_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <map>
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
};

/// The classes a Policy grants: read and operate come with heroku-<app>,
/// configure with heroku-<app>-config, reveal with heroku-<app>-reveal only.
///
/// @par Example
/// @code
/// assert(herokupp::ops::class_of(herokupp::ops::Action::scale) ==
/// herokupp::ops::ActionClass::operate);
/// @endcode
enum class ActionClass { read, operate, configure, reveal };

/// "rollback", "set_config"...: the stable name of an action.
HEROKUPP_API std::string_view to_string(Action action) noexcept;
/// "read", "operate", "configure", "reveal".
HEROKUPP_API std::string_view to_string(ActionClass action_class) noexcept;
/// The class an action belongs to.
HEROKUPP_API ActionClass class_of(Action action) noexcept;

/// Roles and protected apps: the rules a Session checks before each action.
///
/// Roles: `admin` grants read, operate and configure on every app;
/// `heroku-<app>` grants read and operate on that app; `heroku-<app>-config`
/// grants configure on it; `heroku-<app>-reveal` lets a person see its config
/// values (admin alone does not). Configure is refused on protected apps
/// whatever the roles. An actor the policy does not name holds no role: a
/// Policy denies by default. (A Session with no Policy checks nothing but
/// protected apps.) App names compare case-insensitively.
///
/// @par Example
/// @code
/// // given: void fail(herokupp::Error const& error)
/// auto policy = herokupp::ops::Policy::load("/etc/herokupp/policy.json");
/// if (!policy) return fail(policy.error());
/// herokupp::ops::Policy p;
/// p.grant("alice", "admin").grant("bob", "heroku-shop-staging").protect("chatops-bot");
/// auto ok = p.check("bob", herokupp::ops::Action::restart, "shop-staging");   // success
/// auto no = p.check("bob", herokupp::ops::Action::restart, "shop-production");
/// // no.error().kind == policy_denied, message names heroku-shop-production
/// @endcode
class HEROKUPP_API Policy {
 public:
  /// A policy that grants nothing.
  Policy() = default;

  /// Parses the JSON policy format (docs/ops.md):
  /// `{"actors": {"alice": ["admin"]}, "protected_apps": ["chatops-bot"]}`.
  /// Unknown fields and malformed roles are refused with invalid_argument.
  static result<Policy> from_json(std::string_view text);
  /// Reads and parses a JSON policy file.
  static result<Policy> load(std::string const& path);

  /// Gives `actor` the role `role` ("admin", "heroku-shop", ...).
  Policy& grant(std::string actor, std::string role);
  /// Refuses configure on `app` for everyone.
  Policy& protect(std::string app);

  /// The roles `actor` holds, sorted.
  std::vector<std::string> roles(std::string_view actor) const;
  /// Every actor the policy names, sorted.
  std::vector<std::string> actors() const;
  /// The protected apps, lower case and sorted.
  std::vector<std::string> protected_apps() const;
  /// Whether `app` is protected from configuration changes.
  bool is_protected(std::string_view app) const;

  /// Whether `actor` may do `action` on `app`: success, or an Error of kind
  /// policy_denied naming the role that would allow it, or protected_app.
  result<void> check(std::string_view actor, Action action, std::string_view app) const;

  /// The role specific to `app` that allows `action` on it
  /// ("heroku-shop", "heroku-shop-config", "heroku-shop-reveal").
  static std::string role_for(Action action, std::string_view app);

 private:
  std::map<std::string, std::set<std::string>, std::less<>> roles_;
  std::set<std::string, std::less<>> protected_;
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_POLICY_HPP
