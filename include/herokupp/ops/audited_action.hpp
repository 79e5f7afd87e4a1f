// The audited-action runner: the one way an action is checked, recorded
// before it writes, run, and recorded again with its outcome.
#ifndef HEROKUPP_OPS_AUDITED_ACTION_HPP
#define HEROKUPP_OPS_AUDITED_ACTION_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/timestamp.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace herokupp::ops {

namespace detail {
struct AuditedActionState;
struct AuditedActionRunnerState;
}  // namespace detail

/// The audit outcome of a failed action: "denied" when it was refused
/// (policy_denied, protected_app, confirmation_required), else "error".
///
/// @par Example
/// @code
/// herokupp::Error e(herokupp::ErrorKind::policy_denied, "no");
/// assert(herokupp::ops::outcome_of(e) == "denied");
/// @endcode
HEROKUPP_API std::string_view outcome_of(Error const& error) noexcept;

/// What one action is, as its audit records name it. Never put a secret in
/// it: config values go in as fingerprints.
///
/// @par Example
/// @code
/// herokupp::ops::ActionSpec spec;
/// spec.actor = "alice";
/// spec.action = "rollback";
/// spec.app = "shop";
/// spec.arguments = {{"version", "42"}};
/// @endcode
struct ActionSpec {
  std::string actor;   ///< who asked
  std::string action;  ///< a stable name: ops::to_string(Action), or the caller's own ("deploy")
  std::string app;     ///< the app acted on
  std::vector<std::pair<std::string, std::string>> arguments;  ///< no secrets
  /// Changes nothing and shows no config value (masked config, release
  /// lists): one record after the action, and an audit that cannot be
  /// written is reported, not a refusal. Otherwise a "started" record must
  /// be written before the action may begin.
  bool read_only = false;
  /// Puts back what an earlier action turned on (closing a maintenance
  /// window): it runs even when the "started" record cannot be written, and
  /// the failure is reported, because refusing would leave the app worse off.
  bool restoring = false;
};

/// One running action: hands out the Client whose requests it records, and
/// writes the final record once. An action dropped without an outcome (an
/// exception, an early return) is recorded as an error by its destructor.
/// Move-only.
///
/// @par Example
/// @code
/// // given: herokupp::ops::AuditedActionRunner runner
/// // given: herokupp::ops::ActionSpec spec
/// // given: herokupp::ops::AuditedActionRunner::Check check
/// // given: void fail(herokupp::Error const& error)
/// auto action = runner.begin(spec, check);
/// if (!action) return fail(action.error());    // denied, or the audit is unwritable
/// auto r = action->client().app("shop").dynos().restart_all();
/// action->finish(r, [] { return std::string("restarted"); });  // r holds no value
/// @endcode
class HEROKUPP_API AuditedAction {
 public:
  /// Takes over an action; the moved-from one records nothing.
  AuditedAction(AuditedAction&&) noexcept;
  /// Takes over an action; the moved-from one records nothing.
  AuditedAction& operator=(AuditedAction&&) noexcept;
  AuditedAction(AuditedAction const&) = delete;
  AuditedAction& operator=(AuditedAction const&) = delete;
  ~AuditedAction();

  /// The id that links this action's records (a UUID).
  std::string const& id() const noexcept;
  /// A Client (sharing the runner's transport and throttle) whose every
  /// request id goes into this action's final record.
  Client const& client() const noexcept;
  /// Records a request made some other way (another Client, a nested action).
  void add_request_id(std::string request_id);
  /// Every request id recorded so far, in order.
  std::vector<std::string> request_ids() const;
  /// Adds an argument to the final record (the commit actually released...).
  void add_argument(std::string name, std::string value);
  /// Whether the final record has been written (or attempted).
  bool finished() const noexcept;

  /// Writes the final record: outcome "ok" with `message`. Returns the
  /// sink's Error when the record could not be written (the runner's
  /// on_audit_failure is told too); a second call does nothing.
  result<void> succeed(std::string message);
  /// Writes the final record for a failure: outcome_of(error), its kind and message.
  result<void> fail(Error const& error);

  /// Writes the final record for `outcome` and returns `outcome` unchanged;
  /// `describe` turns a value into the record's message (for result<void>,
  /// it takes no argument).
  template <class T, class Describe>
  result<T> finish(result<T> outcome, Describe&& describe) {
    if (outcome) {
      if constexpr (std::is_void_v<T>) {
        (void)succeed(describe());
      } else {
        (void)succeed(describe(outcome.value()));
      }
    } else {
      (void)fail(outcome.error());
    }
    return outcome;
  }

 private:
  friend class AuditedActionRunner;
  explicit AuditedAction(std::shared_ptr<detail::AuditedActionState> state);
  std::shared_ptr<detail::AuditedActionState> state_;
};

/// How a runner stamps and reports.
///
/// @par Example
/// @code
/// herokupp::ops::AuditedActionOptions o;
/// o.on_audit_failure = [](herokupp::Error const& e) { std::cerr << e.message << "\n"; };
/// @endcode
struct AuditedActionOptions {
  /// The time of each record. Unset: the system clock.
  std::function<Timestamp()> now;
  /// Told when a record could not be written but the action's result stands
  /// (a final record, a read-only action, a restoring one).
  std::function<void(Error const&)> on_audit_failure;
};

/// Runs actions the one audited way, for ops::Session, the workflow and the
/// tool alike:
///
/// 1. `check` runs first (the policy; it may resolve an app's name, and the
///    requests it makes are recorded). A refusal writes one record with
///    outcome "denied" (or "error" when the check itself failed) and the
///    action never starts.
/// 2. Unless the action is read-only, a record with outcome "started" and
///    the action's id is written before any other request. When it cannot
///    be written the action is refused (precondition_failed) and nothing is
///    changed.
/// 3. The work runs with an AuditedAction whose client() notes request ids.
/// 4. A final record with the same id, the outcome and every request id.
///
/// Without a sink nothing is recorded and nothing is refused for it.
/// Thread-safe and cheap to copy.
///
/// @par Example
/// @code
/// // given: std::shared_ptr<herokupp::ops::AuditSink> audit
/// // given: herokupp::ops::Policy policy
/// herokupp::ops::AuditedActionRunner runner{heroku, audit};
/// herokupp::ops::ActionSpec spec{"alice", "restart", "shop", {}};
/// auto r = runner.run(
///     spec,
///     [&](herokupp::Client const&) {
///       return policy.check("alice", herokupp::ops::Action::restart, "shop");
///     },
///     [](herokupp::ops::AuditedAction& a) {
///       return herokupp::ops::restart(a.client().app("shop"));
///     },
///     [](herokupp::ops::RestartResult const&) { return std::string("restarted"); });
/// @endcode
class HEROKUPP_API AuditedActionRunner {
 public:
  /// Checks an action before it starts; given the action's Client.
  using Check = std::function<result<void>(Client const&)>;

  /// Records go to `sink` (may be null: nothing recorded); requests go
  /// through Clients sharing `client`'s transport, throttle and logger.
  AuditedActionRunner(Client client, std::shared_ptr<AuditSink> sink,
                      AuditedActionOptions options = {});

  /// Steps 1 and 2: checks, writes "started". The Error is the refusal.
  result<AuditedAction> begin(ActionSpec spec, Check const& check = {}) const;

  /// Steps 1 to 4 around `work(AuditedAction&)`, which returns a result<T>;
  /// `describe` turns a value into the final record's message.
  template <class Work, class Describe>
  auto run(ActionSpec spec, Check const& check, Work&& work, Describe&& describe) const
      -> decltype(std::forward<Work>(work)(std::declval<AuditedAction&>())) {
    using R = decltype(std::forward<Work>(work)(std::declval<AuditedAction&>()));
    auto action = begin(std::move(spec), check);
    if (!action) return R(action.error());
    return action.value().finish(std::forward<Work>(work)(action.value()),
                                 std::forward<Describe>(describe));
  }

  /// The Client actions start from (not noting request ids).
  Client const& client() const noexcept;
  /// The sink, or null.
  std::shared_ptr<AuditSink> const& sink() const noexcept;

 private:
  std::shared_ptr<detail::AuditedActionRunnerState const> state_;
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_AUDITED_ACTION_HPP
