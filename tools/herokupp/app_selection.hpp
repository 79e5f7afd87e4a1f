// Which app a command acts on: -a/--app APP, -r/--remote NAME (the app
// behind a git remote, as the official CLI reads it), or the first word.
#ifndef HEROKUPP_TOOLS_HEROKUPP_APP_SELECTION_HPP
#define HEROKUPP_TOOLS_HEROKUPP_APP_SELECTION_HPP

#include "commands.hpp"

#include <herokupp/error.hpp>

#include <string>
#include <vector>

namespace herokupp::cli {

/// The app options as typed.
struct AppFlags {
  std::string app;     ///< -a/--app
  std::string remote;  ///< -r/--remote
  std::string git_dir = ".";
};

/// The app and the words left for the command.
struct AppAndWords {
  std::string app;
  std::vector<std::string> words;
};

/// Resolves the app of `command` from the flags, else from the first of
/// `words` (the positional form). invalid_argument when none names an app,
/// when -a and -r disagree, or when the remote names no Heroku app.
result<AppAndWords> select_app(std::string const& command, AppFlags const& flags,
                               std::vector<std::string> words, Environment const& env);

/// Whether any app option was given (commands that take no app refuse them).
inline bool any_app_flag(AppFlags const& flags) {
  return !flags.app.empty() || !flags.remote.empty();
}

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_APP_SELECTION_HPP
