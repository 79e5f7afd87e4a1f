// Running git without a shell and reading what it prints.
#ifndef HEROKUPP_SRC_WORKFLOW_GIT_COMMAND_HPP
#define HEROKUPP_SRC_WORKFLOW_GIT_COMMAND_HPP

#include <string>
#include <vector>

namespace herokupp::workflow::detail {

/// The non-empty lines `git ARGS...` prints; empty when git is missing or
/// exits non-zero. No shell is involved, so no argument is ever interpreted;
/// git's stderr goes to /dev/null.
std::vector<std::string> git_lines(std::vector<std::string> args);

}  // namespace herokupp::workflow::detail

#endif  // HEROKUPP_SRC_WORKFLOW_GIT_COMMAND_HPP
