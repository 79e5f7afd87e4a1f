// The tool's help: the command names the docs use (config:set), examples,
// the environment it reads and its exit codes.
#ifndef HEROKUPP_TOOLS_HEROKUPP_HELP_HPP
#define HEROKUPP_TOOLS_HEROKUPP_HELP_HPP

#include <optional>
#include <string>
#include <vector>

namespace herokupp::cli {

/// One command as the help shows it.
struct CommandHelp {
  char const* name;     ///< "config:set"
  char const* usage;    ///< "config:set [-a APP] KEY=VALUE..."
  char const* summary;  ///< one line
  bool takes_app;       ///< accepts -a/-r and the positional APP
  std::vector<char const*> examples;
};

/// Every command, in the order the help lists them.
std::vector<CommandHelp> const& commands();
/// The command called `name` (colon form), if any.
std::optional<CommandHelp> find_command(std::string const& name);

/// `herokupp --help`.
std::string full_help();
/// `herokupp COMMAND --help`.
std::string command_help(CommandHelp const& command);
/// `herokupp --version`.
std::string version_text();

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_HELP_HPP
