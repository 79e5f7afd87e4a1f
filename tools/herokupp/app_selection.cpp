#include "app_selection.hpp"

#include <herokupp/workflow/git_remote.hpp>

namespace herokupp::cli {
namespace {

// The git host follows HEROKU_HOST when it is a bare host, as in the
// official CLI (git.example.com for HEROKU_HOST=example.com).
std::string heroku_host(Environment const& env) {
  auto host = env.getenv ? env.getenv("HEROKU_HOST") : std::nullopt;
  if (!host || host->empty() || host->find("://") != std::string::npos) return "heroku.com";
  return *host;
}

}  // namespace

result<AppAndWords> select_app(std::string const& command, AppFlags const& flags,
                               std::vector<std::string> words, Environment const& env) {
  AppAndWords out;
  if (!flags.remote.empty()) {
    auto app = workflow::app_from_git_remote(flags.git_dir, flags.remote, heroku_host(env));
    if (!app) return app.error();
    if (!flags.app.empty() && flags.app != *app) {
      return Error{ErrorKind::invalid_argument, "-a " + flags.app + " and -r " + flags.remote +
                                                    " (" + *app +
                                                    ") name different apps; give one"};
    }
    out.app = *app;
  } else if (!flags.app.empty()) {
    out.app = flags.app;
  } else if (!words.empty() && words.front().rfind('-', 0) != 0 &&
             words.front().find('=') == std::string::npos) {
    out.app = words.front();
    words.erase(words.begin());
  } else {
    return Error{
        ErrorKind::invalid_argument,
        command + " needs an app: -a APP, -r GIT_REMOTE, or `herokupp " + command + " APP`"};
  }
  out.words = std::move(words);
  return out;
}

}  // namespace herokupp::cli
