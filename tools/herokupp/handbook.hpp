// The handbook's fleet rules in the tool: `herokupp hygiene`, and the notices
// deploy, promote and rollback send.
#ifndef HEROKUPP_TOOLS_HEROKUPP_HANDBOOK_HPP
#define HEROKUPP_TOOLS_HEROKUPP_HANDBOOK_HPP

#include "context.hpp"

#include <herokupp/workflow/notice.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace herokupp::cli {

/// The scope and gate of `herokupp hygiene`.
struct HygieneArgs {
  std::string pipeline;
  std::string team;
  std::string filter;
  std::vector<std::string> apps;  ///< -a and the words
  std::string fail_on;            ///< "", or a severity
};

/// `herokupp hygiene`: the report, and exit_findings when a finding is at
/// or above --fail-on.
int cmd_hygiene(Context& c, HygieneArgs const& args);

/// Whether the environments file configures any notice sink (promote reads
/// versions for its notices only then).
bool notices_wanted(Context& c);

/// The version each app runs now (apps that cannot be read are left out),
/// read before a promotion so its notice can say "from".
std::map<std::string, std::int64_t> running_versions(Context& c,
                                                     std::vector<std::string> const& apps);

/// Sends `notice` to the sinks of the environments file's `notices` section
/// (nothing when it has none). A failure is a warning on stderr and an audit
/// record; it never changes the exit code.
void send_notice(Context& c, workflow::Notice notice);

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_HANDBOOK_HPP
