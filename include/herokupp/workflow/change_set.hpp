// What a deploy changes: paths and commit subjects between two commits.
#ifndef HEROKUPP_WORKFLOW_CHANGE_SET_HPP
#define HEROKUPP_WORKFLOW_CHANGE_SET_HPP

#include <herokupp/export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow {

/// What changed between the running commit and the target, as the caller
/// knows it (the herokupp tool asks git with git_change_set()).
///
/// @par Example
/// @code
/// herokupp::workflow::ChangeSet changes;
/// changes.files = {"shop/migrations/0042_orders.py"};
/// changes.subjects = {"Index orders by customer"};
/// @endcode
struct ChangeSet {
  std::vector<std::string> files;     ///< changed paths
  std::vector<std::string> subjects;  ///< commit subjects, oldest first
};

/// The change set `from..to` in the git repository at `repository`: the
/// changed paths (`git diff --name-only`) and the subjects, oldest first.
/// Both commits must be hexadecimal ids; otherwise, or when git or a commit
/// is missing, the set is empty. git runs without a shell.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::workflow::DeployPlan> plan
/// auto changes = herokupp::workflow::git_change_set(".", plan->running_commit,
///                                                   plan->target_commit);
/// @endcode
HEROKUPP_API ChangeSet git_change_set(std::string const& repository, std::string_view from,
                                      std::string_view to);

/// Whether `s` is a plausible commit id: 1 to 64 hexadecimal digits.
///
/// @par Example
/// @code
/// bool ok = herokupp::workflow::is_commit_id("1a2b3c4");  // true
/// @endcode
HEROKUPP_API bool is_commit_id(std::string_view s);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_CHANGE_SET_HPP
