// What planning and executing a deploy share: the release and commit an app
// runs, the Session options a Deployer uses, and audit/error helpers.
#ifndef HEROKUPP_SRC_WORKFLOW_DEPLOY_DETAIL_HPP
#define HEROKUPP_SRC_WORKFLOW_DEPLOY_DETAIL_HPP

#include "core/short_commit.hpp"

#include <herokupp/client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/ops/session.hpp>
#include <herokupp/workflow/deploy.hpp>
#include <herokupp/workflow/environments.hpp>

#include <optional>
#include <string>
#include <vector>

namespace herokupp::workflow::detail {

/// The Session options of a Deployer: the file's commands allowed, waiting on.
ops::SessionOptions session_options(EnvironmentsFile const& file, DeployOptions const& options);

/// The release running now: the current one, else the newest that succeeded.
result<std::optional<Release>> running_release(AppClient const& app);

/// The commit of a release's slug. A promoted release's slug may belong to
/// the app it was promoted from, so `also` names where else to look; a slug
/// found nowhere leaves the commit unknown ("").
result<std::string> commit_of(Client const& client, std::string const& app,
                              std::optional<Release> const& release,
                              std::vector<std::string> const& also);

/// The commit of the release `app` runs now ("" if unknown).
result<std::string> running_commit(Client const& client, std::string const& app,
                                   std::vector<std::string> const& also = {});

/// What an app runs now: its release (if any), that release's slug id and commit.
struct Running {
  std::optional<Release> release;
  std::string slug_id;
  std::string commit;
};
result<Running> running(Client const& client, std::string const& app,
                        std::vector<std::string> const& also = {});

using herokupp::detail::short_commit;

/// The first field (JSON name) in which two plans differ, ignoring the
/// expiry and the code; empty when they are the same plan.
std::string first_difference(DeployPlan const& reviewed, DeployPlan const& now);
/// Likewise for config diffs.
std::string first_difference(ConfigDiff const& reviewed, ConfigDiff const& now);

ops::AuditRecord record(std::string const& actor, std::string action, std::string const& app);

/// "a, b, c".
std::string joined(std::vector<std::string> const& items);
/// Who may confirm a four-eyes plan: the policy's approvers of its app, but
/// not its planner.
std::vector<std::string> approvers_for(std::optional<ops::Policy> const& policy,
                                       DeployPlan const& plan);

/// `e` with its message prefixed by "<step> failed: ".
Error with_context(Error e, std::string const& step);

}  // namespace herokupp::workflow::detail

#endif  // HEROKUPP_SRC_WORKFLOW_DEPLOY_DETAIL_HPP
