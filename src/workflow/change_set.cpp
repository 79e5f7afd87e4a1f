#include <herokupp/workflow/change_set.hpp>

#include "git_command.hpp"

#include <algorithm>
#include <cctype>

namespace herokupp::workflow {
bool is_commit_id(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
  });
}

ChangeSet git_change_set(std::string const& repository, std::string_view from,
                         std::string_view to) {
  ChangeSet changes;
  if (!is_commit_id(from) || !is_commit_id(to)) return changes;
  std::string range = std::string(from) + ".." + std::string(to);
  changes.files = detail::git_lines({"-C", repository, "diff", "--name-only", range});
  changes.subjects =
      detail::git_lines({"-C", repository, "log", "--reverse", "--format=%s", range});
  return changes;
}

}  // namespace herokupp::workflow
