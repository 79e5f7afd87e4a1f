// Deploys: planned, confirmed with a code, executed with migrations inside a
// maintenance window; and config files compared with apps.
#ifndef HEROKUPP_WORKFLOW_DEPLOY_HPP
#define HEROKUPP_WORKFLOW_DEPLOY_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/ops/policy.hpp>
#include <herokupp/ops/session.hpp>
#include <herokupp/ops/wait.hpp>
#include <herokupp/workflow/change_set.hpp>
#include <herokupp/workflow/environments.hpp>

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
  std::string confirmation_code;   ///< what execute() wants

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
  Release release;           ///< the new release
  std::string release_note;  ///< from the commit subjects
  std::string tag;           ///< the tag to apply: "v<release version>"
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
  std::string confirmation_code;    ///< what apply_config() wants

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
  /// Options for the ops Session the Deployer runs (protected apps, fingerprints).
  ops::SessionOptions session;
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

  /// Reads the running release's commit, infers actions from `changes` and
  /// the path rules, decides on maintenance, and makes a plan with a fresh
  /// random confirmation code. Nothing is changed. When the running commit
  /// is the target's, the plan says nothing_to_deploy.
  result<DeployPlan> plan_deploy(std::string_view environment, DeployTarget const& target,
                                 ChangeSet const& changes = {}) const;

  /// Runs a plan: refuses a wrong code (confirmation_required, nothing
  /// changed); turns maintenance on if planned; builds the source or
  /// promotes the upstream app; runs each action in a one-off dyno and waits
  /// for it; turns maintenance off whatever happened. A failed step is the
  /// Error returned (its message names the step).
  result<DeployResult> execute(DeployPlan const& plan, std::string_view code) const;

  /// Compares an environment's config with the file's settings by
  /// fingerprint; no value leaves the call.
  result<ConfigDiff> config_diff(std::string_view environment) const;

  /// Sets the '!' and '+' keys of `diff` to the file's values, after
  /// checking the code; '=' and '?' keys are left alone.
  result<ops::ConfigChange> apply_config(ConfigDiff const& diff, std::string_view code) const;

 private:
  Client client_;
  EnvironmentsFile file_;
  std::string actor_;
  std::shared_ptr<ops::AuditSink> audit_;
  DeployOptions options_;
  ops::Session session_;
};

/// A fresh random confirmation code: six characters that cannot be misread.
HEROKUPP_API std::string make_confirmation_code();

/// The release note for `subjects`: one "- subject" line each.
HEROKUPP_API std::string release_note(std::vector<std::string> const& subjects);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_DEPLOY_HPP
