// Internal: a commit as people read it, the way git and Heroku abbreviate it.
#ifndef HEROKUPP_SRC_CORE_SHORT_COMMIT_HPP
#define HEROKUPP_SRC_CORE_SHORT_COMMIT_HPP

#include <string>

namespace herokupp::detail {

/// The first seven characters of a commit id, as Heroku's release
/// descriptions ("Deploy 1a2b3c4") and `git log --oneline` show it.
inline std::string short_commit(std::string const& commit) {
  return commit.substr(0, 7);
}

}  // namespace herokupp::detail

#endif
