// Deploys: planned, confirmed with a code, executed with migrations inside a
// maintenance window; and config files compared with apps.
#ifndef HEROKUPP_WORKFLOW_DEPLOY_HPP
#define HEROKUPP_WORKFLOW_DEPLOY_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/build.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/ops/fingerprint.hpp>
#include <herokupp/ops/policy.hpp>
#include <herokupp/ops/session.hpp>
#include <herokupp/ops/wait.hpp>
#include <herokupp/timestamp.hpp>
#include <herokupp/workflow/change_set.hpp>
#include <herokupp/workflow/environments.hpp>
#include <herokupp/workflow/preflight.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow {

/// What a deploy brings: a source tarball and its commit, or a promotion of
/// the upstream environment's running release.
///
/// @par Example
/// @code
/// auto src = herokupp::workflow::DeployTarget::source("https://ci.example.com/shop-1a2b3c4.tgz",
///                                                     "1a2b3c4d5e6f");
/// auto up = herokupp::workflow::DeployTarget::promotion();
/// @endcode
struct DeployTarget {
  /// A build from source, or a promotion from the stage upstream.
  enum class Kind { source, promotion };
  /// What is deployed.
  Kind kind = Kind::promotion;
  std::string source_url;  ///< for Kind::source
  std::string commit;      ///< for Kind::source: the commit the tarball holds

  /// A build of the tarball at `url`, which holds `commit`.
  static DeployTarget source(std::string url, std::string commit) {
    return DeployTarget{Kind::source, std::move(url), std::move(commit)};
  }
  /// A promotion of what runs upstream.
  static DeployTarget promotion() { return DeployTarget{}; }
};

/// One action a plan runs after the release, and why.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::DeployPlan plan
/// for (auto const& a : plan.actions) std::cout << a.name << ": " << a.command << "\n";
/// @endcode
struct PlannedAction {
  std::string name;     ///< "migrate", "collectstatic"
  std::string command;  ///< what the one-off dyno runs
  std::string reason;   ///< "db/migrations/0042.py matches /migrations/"
};

/// A deploy, planned and not yet done. Execute it with its confirmation code.
///
/// A plan pins what it deploys: for a build, the source URL and commit; for
/// a promotion, the upstream release and its slug. It also pins the release
/// the target runs, the actor, a digest of the environments file and an
/// expiry. The confirmation code is derived from a MAC over all of that
/// (canonical()) under the Deployer's plan key, so a plan edited after
/// review, or confirmed by someone else, no longer matches its code.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::Deployer deployer
/// // given: herokupp::workflow::DeployTarget target
/// // given: herokupp::workflow::ChangeSet changes
/// auto plan = deployer.plan_deploy("staging", target, changes);
/// if (plan && !plan->nothing_to_deploy) std::cout << plan->summary() << "\n";
/// @endcode
struct HEROKUPP_API DeployPlan {
  std::string environment;         ///< the label
  std::string app;                 ///< the app deployed to
  DeployTarget target;             ///< as given
  std::string pipeline;            ///< for a promotion
  std::string upstream_app;        ///< for a promotion: the app promoted from
  std::string running_commit;      ///< the commit of the release running now ("" if unknown)
  std::string running_release_id;  ///< the target's release now (rolled back to on a mismatch)
  std::string source_release_id;   ///< for a promotion: the upstream release reviewed
  std::string source_slug_id;      ///< for a promotion: its slug, the code that will run
  std::string target_commit;       ///< the commit that will run
  std::vector<std::string> files;  ///< from the ChangeSet
  /// From the ChangeSet: the commit subjects.
  std::vector<std::string> subjects;
  /// What runs around the release (migrations...), in order.
  std::vector<PlannedAction> actions;
  bool maintenance = false;  ///< a maintenance window around release and actions
  /// Why maintenance is on (the path rule that asked for it).
  std::string maintenance_reason;
  bool nothing_to_deploy = false;  ///< the target already runs
  bool is_protected = false;       ///< the environment is `protected` in the file
  /// Four eyes apply (the environment's `four_eyes`, or the Policy's): only
  /// someone other than `actor` who holds approve on the app can confirm.
  bool four_eyes = false;
  /// Names this plan in the audit: the planning record (`plan_deploy`) and
  /// the deploy's records carry it. Random; not compared when re-planning.
  std::string plan_id;
  /// For a promotion: what the upstream brings (config keys, change set,
  /// migrations). The code covers it.
  std::optional<Preflight> preflight;
  /// The missing config keys the planner acknowledged, sorted; the code covers them.
  std::vector<std::string> acknowledged_missing;
  std::string actor;  ///< who planned it: only they (or, with four eyes, an approver) confirm
  std::string environments_digest;  ///< a MAC of the environments file reviewed
  Timestamp expires_at;             ///< confirmations after this are refused
  std::string confirmation_code;    ///< what execute() wants: derived from a MAC of canonical()

  /// Whether the preflight blocks the plan (missing keys not acknowledged):
  /// such a plan has no confirmation code and execute() refuses it.
  bool blocked() const { return preflight && preflight->blocks(); }

  /// Every field the code covers, in a fixed order, as one string.
  std::string canonical() const;

  /// A few lines for people: what will happen, never a config value.
  std::string summary() const;
  /// The plan as JSON, and back (the tool keeps plans between invocations).
  std::string to_json() const;
  /// A plan read back from to_json()'s text.
  static result<DeployPlan> from_json(std::string_view text);
};

/// One step of an executed deploy.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::DeployResult result
/// for (auto const& s : result.steps) std::cout << s.name << " " << s.outcome << "\n";
/// @endcode
struct DeployStep {
  std::string name;     ///< "maintenance on", "build", "promote", "migrate", "maintenance off"
  std::string outcome;  ///< "ok" or "error"
  std::string detail;   ///< a line for people
};

/// What an executed deploy did.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::Deployer deployer
/// // given: herokupp::result<herokupp::workflow::DeployPlan> plan
/// // given: std::string code
/// auto done = deployer.execute(*plan, code);
/// if (done) std::cout << done->tag << "\n" << done->release_note;
/// @endcode
struct DeployResult {
  /// The app deployed to.
  std::string app;
  Release release;              ///< the new release
  std::string released_commit;  ///< the commit of its slug, read back from the platform
  std::string release_note;     ///< from the commit subjects
  std::string tag;              ///< the tag to apply: "v<release version>"
  /// Every step, in the order run.
  std::vector<DeployStep> steps;
};

/// A key of a config comparison: '=' same, '!' differs, '+' only in the
/// file, '?' only on the app. Values are never shown.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::ConfigDiff diff
/// for (auto const& k : diff.keys) std::cout << k.status << " " << k.key << "\n";
/// @endcode
struct ConfigDiffKey {
  /// '=', '!', '+' or '?', as above.
  char status = '=';
  /// The config var's name.
  std::string key;
  /// For '!' and '+': the fingerprint of the value the file sets (the value
  /// reviewed); the confirmation code covers it.
  std::string fingerprint;
};

/// An environment's config compared with the file's settings.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::Deployer deployer
/// auto diff = deployer.config_diff("staging");
/// if (diff) std::cout << diff->to_string();
/// @endcode
struct HEROKUPP_API ConfigDiff {
  /// The environment's label.
  std::string environment;
  /// The environment's app.
  std::string app;
  std::vector<ConfigDiffKey> keys;  ///< sorted by key
  std::string actor;                ///< who reviewed it: only they can apply it
  std::string environments_digest;  ///< a MAC of the environments file reviewed
  Timestamp expires_at;             ///< applying after this is refused
  std::string confirmation_code;    ///< what apply_config() wants: from a MAC of canonical()

  /// Every field the code covers, in a fixed order, as one string.
  std::string canonical() const;

  /// How many keys have `status`.
  std::size_t count(char status) const;
  /// Whether apply_config would change anything ('!' or '+').
  bool has_changes() const { return count('!') + count('+') > 0; }
  /// "! KEY  ********" lines, one per key.
  std::string to_string() const;
  /// The comparison as JSON (the tool keeps it between invocations).
  std::string to_json() const;
  /// A comparison read back from to_json()'s text.
  static result<ConfigDiff> from_json(std::string_view text);
};

/// How a Deployer works.
///
/// @par Example
/// @code
/// herokupp::workflow::DeployOptions o;
/// o.wait.timeout = std::chrono::minutes(30);
/// o.on_progress = [](std::string const& line) { std::cerr << line << "\n"; };
/// @endcode
struct DeployOptions {
  /// Waiting for builds, promotions and one-off dynos (always enabled).
  ops::WaitOptions wait = [] {
    ops::WaitOptions w;
    w.enabled = true;
    w.timeout = std::chrono::minutes(30);
    return w;
  }();
  /// Told about each step as it starts and ends.
  std::function<void(std::string const&)> on_progress;
  /// Told about a deploy's build when it is created and each time it is
  /// polled, so a caller can follow its output_stream_url.
  std::function<void(Build const&)> on_build;
  /// Told when the deploy turns maintenance on (true) and off again
  /// (false): a caller records open windows so that an interruption can
  /// close them (the herokupp tool does, in its state directory).
  std::function<void(std::string const& app, bool open)> on_maintenance;
  /// Options for the ops Session the Deployer runs (protected apps, fingerprints).
  /// The apps of the file's `protected` environments are added to
  /// `session.protected_apps`.
  ops::SessionOptions session;
  /// Signs plans and diffs: the confirmation code is derived from
  /// `plan_key.mac(canonical())`. Give a key kept outside the place plans
  /// are stored (load_or_create_user_key(...).derive(plan_code_purpose)).
  /// For four-eyes plans the planner's and the confirmer's Deployers must
  /// share it: a team key, or one the embedding program holds for all.
  /// Without one the Deployer uses a random key, so its codes hold only
  /// for its own life.
  ops::Fingerprinter plan_key;
  /// How long a plan or diff can be confirmed.
  std::chrono::seconds plan_lifetime = std::chrono::minutes(15);
  /// The time for expiries. Unset: the system clock.
  std::function<Timestamp()> now;
};

/// Plans and executes deploys and config changes for the environments of a
/// file, as `actor`, under a Policy (the given one, else the file's), with
/// every step audited. The Deployer holds no state between calls: a plan or
/// a diff carries everything execute() and apply_config() need.
///
/// @par Example
/// @code
/// // given: std::shared_ptr<herokupp::ops::AuditSink> audit
/// // given: std::string url, sha, code_typed_by_the_person
/// // given: herokupp::workflow::ChangeSet changes
/// auto file = herokupp::workflow::EnvironmentsFile::load("environments.yml").value();
/// herokupp::workflow::Deployer deployer{heroku, file, std::nullopt, "dana", audit};
/// auto plan = deployer.plan_deploy("staging",
///     herokupp::workflow::DeployTarget::source(url, sha), changes);
/// std::cout << plan->summary() << "\nconfirm with " << plan->confirmation_code << "\n";
/// auto done = deployer.execute(*plan, code_typed_by_the_person);
/// @endcode
class HEROKUPP_API Deployer {
 public:
  /// Deploys the environments of `file` as `actor`, under `policy`, recording to `audit`.
  Deployer(Client client, EnvironmentsFile file, std::optional<ops::Policy> policy,
           std::string actor, std::shared_ptr<ops::AuditSink> audit, DeployOptions options = {});

  /// The environments this Deployer knows.
  EnvironmentsFile const& file() const noexcept { return file_; }
  /// The Session its actions run through.
  ops::Session const& session() const noexcept { return session_; }

  /// Reads the running release's commit, pins the source (for a promotion,
  /// the upstream release and slug), infers actions from `changes` and the
  /// path rules, decides on maintenance, and signs the plan. Nothing is
  /// changed. When the running commit is the target's, the plan says
  /// nothing_to_deploy.
  result<DeployPlan> plan_deploy(std::string_view environment, DeployTarget const& target,
                                 ChangeSet const& changes = {}) const;

  /// As above, acknowledging config keys the promotion's preflight reports
  /// missing downstream (a key that is not missing is invalid_argument; a
  /// source deploy takes none). A promotion with missing keys not all
  /// acknowledged gives a blocked() plan, without a code. A four-eyes plan
  /// is recorded in the audit (`plan_deploy`, with its plan_id and who may
  /// confirm it); an audit that cannot be written refuses the plan.
  result<DeployPlan> plan_deploy(std::string_view environment, DeployTarget const& target,
                                 ChangeSet const& changes,
                                 std::vector<std::string> const& acknowledge_missing) const;

  /// Runs a plan exactly as reviewed, or refuses and changes nothing: a
  /// code that does not match the plan's MAC, a plan made by another actor
  /// or expired is confirmation_required; a four-eyes plan confirmed by its
  /// own planner, or by someone without approve on the app, is
  /// policy_denied, and the message names who may confirm it (a four-eyes
  /// plan runs on its planner's grants, and the confirmer needs only
  /// approve; both Deployers must sign with the same plan_key);
  /// a blocked() plan is precondition_failed; a plan that would differ if made
  /// now (the upstream moved, the target moved, the file changed) is
  /// precondition_failed saying the plan changed. Then: maintenance on if
  /// planned; builds the pinned source, or checks the upstream still runs
  /// the pinned slug and promotes it; verifies the new release runs the
  /// pinned slug or commit, and on a mismatch rolls the target back and
  /// fails loudly; runs each action and waits for it; turns maintenance off
  /// whatever happened. The audit names the commit read back from the new
  /// release. A failed step is the Error returned (its message names it).
  result<DeployResult> execute(DeployPlan const& plan, std::string_view code) const;

  /// Compares an environment's config with the file's settings by
  /// fingerprint, and signs the result; no value leaves the call.
  result<ConfigDiff> config_diff(std::string_view environment) const;

  /// Sets the '!' and '+' keys of `diff` to exactly the values reviewed:
  /// refuses a wrong code, another actor's or an expired diff
  /// (confirmation_required), and a diff that differs from one made now
  /// (the file or the app changed: precondition_failed); '=' and '?' keys
  /// are left alone.
  result<ops::ConfigChange> apply_config(ConfigDiff const& diff, std::string_view code) const;

 private:
  Client client_;
  EnvironmentsFile file_;
  std::optional<ops::Policy> policy_;
  std::string actor_;
  std::shared_ptr<ops::AuditSink> audit_;
  DeployOptions options_;
  ops::Session session_;

  Timestamp now() const;
  std::string sign(std::string const& canonical) const;
  result<DeployPlan> make_plan(std::string const& actor, std::string_view environment,
                               DeployTarget const& target, ChangeSet const& changes,
                               std::vector<std::string> const& acknowledge_missing) const;
  result<void> check_confirmer(DeployPlan const& plan) const;
  std::string file_digest() const;
};

/// The confirmation code for a MAC (hex): eight characters that cannot be
/// misread, taken from the MAC's first bytes.
///
/// @par Example
/// @code
/// // given: herokupp::ops::Fingerprinter key
/// // given: herokupp::workflow::DeployPlan plan
/// auto code = herokupp::workflow::confirmation_code(key.mac(plan.canonical()));
/// @endcode
HEROKUPP_API std::string confirmation_code(std::string_view mac_hex);

/// The release note for `subjects`: one "- subject" line each.
HEROKUPP_API std::string release_note(std::vector<std::string> const& subjects);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_DEPLOY_HPP
