// Which Heroku app a git remote deploys to, as the official CLI reads it.
#ifndef HEROKUPP_WORKFLOW_GIT_REMOTE_HPP
#define HEROKUPP_WORKFLOW_GIT_REMOTE_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace herokupp::workflow {

/// The app a Heroku git URL names: `https://git.heroku.com/APP.git`,
/// `git@heroku.com:APP.git` or `ssh://git@heroku.com/APP.git` (the `.git`
/// is optional, and `git.HOST`/`HOST` may be another Heroku host such as
/// HEROKU_HOST names). Nothing for any other URL.
///
/// @par Example
/// @code
/// auto app = herokupp::workflow::app_from_git_url("https://git.heroku.com/shop.git");
/// // *app == "shop"
/// @endcode
HEROKUPP_API std::optional<std::string> app_from_git_url(std::string_view url,
                                                         std::string_view host = "heroku.com");

/// The app behind the git remote `remote` (`git config remote.NAME.url`) of
/// the repository at `repository`. invalid_argument when the remote's name is
/// not a plain name, when there is no such remote, or when its URL is not a
/// Heroku app's; the message names the remote, never its URL's credentials.
///
/// @par Example
/// @code
/// auto app = herokupp::workflow::app_from_git_remote(".", "staging");
/// if (app) std::cout << *app << "\n";
/// @endcode
HEROKUPP_API result<std::string> app_from_git_remote(std::string const& repository,
                                                     std::string_view remote,
                                                     std::string_view host = "heroku.com");

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_GIT_REMOTE_HPP
