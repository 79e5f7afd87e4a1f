// Session: runs ops actions for one actor, under a Policy, with an audit trail.
#ifndef HEROKUPP_OPS_SESSION_HPP
#define HEROKUPP_OPS_SESSION_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/app.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/ops/config_change.hpp>
#include <herokupp/ops/dyno_summary.hpp>
#include <herokupp/ops/fingerprint.hpp>
#include <herokupp/ops/maintenance.hpp>
#include <herokupp/ops/masked_config.hpp>
#include <herokupp/ops/policy.hpp>
#include <herokupp/ops/promote.hpp>
#include <herokupp/ops/restart.hpp>
#include <herokupp/ops/rollback.hpp>
#include <herokupp/ops/run.hpp>
#include <herokupp/ops/scale.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

namespace detail {
struct SessionState;
}  // namespace detail

/// How a Session runs its actions.
///
/// @par Example
/// @code
/// herokupp::ops::SessionOptions o;
/// if (char const* key = std::getenv("HEROKUPP_FINGERPRINT_KEY"))  // unset: no fingerprints
///   o.fingerprinter = herokupp::ops::Fingerprinter{key};
/// o.protected_apps = {"chatops-bot"};
/// o.one_off.migrate_command = "bin/rails db:migrate";
/// @endcode
struct SessionOptions {
  /// Fingerprints in masked config and audit records. Without a key the
  /// Session uses a random one, so fingerprints compare within it only.
  Fingerprinter fingerprinter;
  /// Apps no one may configure, besides the Policy's protected_apps.
  std::vector<std::string> protected_apps;
  /// Also protect HEROKU_APP_NAME / HEROKU_APP_ID: the app this program runs on.
  bool protect_own_app = true;
  OneOffOptions one_off;   ///< run and migrate: allow-list, dyno, waiting
  ScaleOptions scale;      ///< scale limits
  PromoteOptions promote;  ///< promote waiting
  /// The time for audit records and dyno ages. Unset: the system clock.
  std::function<Timestamp()> now;
  /// Told when an audit record could not be written but the action's result
  /// stands: a final record, a read action's record, the closing of a
  /// maintenance window. (An action that changes something is refused when
  /// its "started" record cannot be written.)
  std::function<void(Error const&)> on_audit_failure;
};

/// Runs ops actions on behalf of `actor`, each through one
/// AuditedActionRunner: the Policy is checked first (a refusal is an Error
/// of kind policy_denied naming the role that would allow it, is audited
/// as "denied", and sends no request), configure is refused on protected
/// apps, an action that changes something or reveals values writes a
/// "started" AuditRecord before its first request (and is refused, nothing
/// changed, when that record cannot be written), then the same free
/// function runs (`ops::rollback`...) and a final record follows with the
/// same action id, the outcome and every Heroku request id. Read actions
/// write the final record only. Arguments hold fingerprints, never values.
///
/// Without a Policy nothing is checked but protected apps, as a bot without
/// auth; with one, whatever it does not grant is denied. Without a sink
/// nothing is recorded. A Session is cheap to copy and thread-safe. Each
/// action sends its requests through a Client made from `client`'s options
/// (sharing its transport and throttle) whose logger also notes the
/// action's request ids.
///
/// @par Example
/// @code
/// // given: void reply(std::string const& text)
/// herokupp::Client heroku{herokupp::ClientOptions::from_env()};
/// auto policy = herokupp::ops::Policy::load("policy.json").value();
/// auto audit = std::make_shared<herokupp::ops::JsonLinesAuditSink>("audit.jsonl");
/// herokupp::ops::Session session{heroku, policy, "alice", audit};
/// auto r = session.rollback("shop", "v42");
/// if (!r) reply(herokupp::ops::explain(r.error()));   // e.g. names heroku-shop
/// @endcode
class HEROKUPP_API Session {
 public:
  /// A Session acting as `actor` under `policy`, recording each action to `audit`.
  Session(Client client, std::optional<Policy> policy, std::string actor,
          std::shared_ptr<AuditSink> audit, SessionOptions options = {});

  /// Who this Session acts for, as audit records name them.
  std::string const& actor() const noexcept;
  /// The Policy, or null when none was given.
  Policy const* policy() const noexcept;
  /// Every app protected from configure: the Policy's, the options', and
  /// this program's own app, lower case.
  std::vector<std::string> protected_apps() const;
  /// The fingerprints this Session shows.
  Fingerprinter const& fingerprinter() const noexcept;

  /// Whether this Session's actor may do `action` on `app` (no request, no audit).
  result<void> check(Action action, std::string_view app) const;

  // read
  /// The app's details (read; checked and audited).
  result<App> info(std::string_view app) const;
  /// ops::dyno_summary, checked and audited.
  result<DynoSummary> dyno_summary(std::string_view app) const;
  /// ops::recent_releases, checked and audited.
  result<std::vector<Release>> recent_releases(std::string_view app, std::size_t n) const;
  /// ops::masked_config with this Session's fingerprints, checked and audited.
  result<MaskedConfig> masked_config(std::string_view app) const;
  /// ops::compare_config, checked on both apps and audited.
  result<ConfigComparison> compare_config(std::string_view app_a, std::string_view app_b) const;
  // reveal (heroku-<app>-reveal only)
  /// ops::reveal_config: the values of `keys`, for an actor granted `heroku-<app>-reveal` only.
  result<std::map<std::string, std::string>> reveal_config(
      std::string_view app, std::vector<std::string> const& keys) const;
  // configure
  /// ops::set_config, refused on protected apps, checked and audited.
  result<ConfigChange> set_config(std::string_view app,
                                  std::map<std::string, std::string> const& values) const;
  /// ops::unset_config, refused on protected apps, checked and audited.
  result<ConfigChange> unset_config(std::string_view app,
                                    std::vector<std::string> const& keys) const;
  // operate
  /// ops::rollback to release `version`, checked and audited.
  result<RollbackResult> rollback(std::string_view app, std::int64_t version) const;
  /// ops::rollback to "v42" or "42", checked and audited.
  result<RollbackResult> rollback(std::string_view app, std::string_view version) const;
  /// ops::restart, checked and audited.
  result<RestartResult> restart(std::string_view app, std::string_view target = {}) const;
  /// ops::scale from "web=2:standard-1x" text, checked and audited.
  result<ScaleResult> scale(std::string_view app, std::string_view spec) const;
  /// ops::scale, checked and audited.
  result<ScaleResult> scale(std::string_view app, std::vector<ScaleRequest> const& requests) const;
  /// ops::run with the Session's one-off options, checked and audited.
  result<RunResult> run(std::string_view app, std::string_view command) const;
  /// ops::migrate with the Session's one-off options, checked and audited.
  result<RunResult> migrate(std::string_view app) const;
  /// A maintenance window; its opening and its closing are audited separately.
  result<MaintenanceWindow> maintenance(std::string_view app) const;
  /// Needs operate on every target app.
  result<PromoteResult> promote(std::string_view pipeline, std::string_view from_app,
                                std::vector<std::string> const& targets) const;

 private:
  std::shared_ptr<detail::SessionState const> state_;
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_SESSION_HPP
