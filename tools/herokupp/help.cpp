#include "help.hpp"

#include <herokupp/version.hpp>

#include <sstream>

namespace herokupp::cli {

std::vector<CommandHelp> const& commands() {
  static std::vector<CommandHelp> const all = {
      {"apps",
       "apps [FILTER]",
       "list apps (whose name contains FILTER)",
       false,
       {"herokupp apps shop"}},
      {"info",
       "info -a APP",
       "an app's owner, region, stack, maintenance and URL",
       true,
       {"herokupp info -a shop-staging"}},
      {"dynos",
       "dynos -a APP",
       "what runs on an app, by type and size (alias: ps)",
       true,
       {"herokupp dynos -a shop-production"}},
      {"releases",
       "releases -a APP [-n N]",
       "the newest N releases (default 10)",
       true,
       {"herokupp releases -a shop-staging -n 5 --json"}},
      {"rollback",
       "rollback -a APP vN",
       "roll back to release N (alias: releases:rollback)",
       true,
       {"herokupp rollback -a shop-staging v41"}},
      {"restart",
       "restart -a APP [TYPE|DYNO]",
       "restart the app, a process type or one dyno (alias: ps:restart)",
       true,
       {"herokupp restart -a shop-worker worker", "herokupp restart -a shop-staging web.2"}},
      {"migrate",
       "migrate -a APP",
       "run the migrate command in a one-off dyno and wait",
       true,
       {"herokupp migrate -a shop-staging"}},
      {"run",
       "run -a APP -- COMMAND...",
       "run an allowed command in a one-off dyno and wait",
       true,
       {"herokupp run -a shop-staging -- rake cache:clear"}},
      {"config",
       "config -a APP",
       "config keys, values masked, with fingerprints",
       true,
       {"herokupp config -a shop-production"}},
      {"config:get",
       "config:get -a APP KEY",
       "one value: shown to holders of heroku-APP:reveal, masked for everyone else",
       true,
       {"herokupp config:get -a shop-staging DATABASE_URL"}},
      {"config:set",
       "config:set -a APP KEY=VALUE...",
       "set config vars; answers keys only",
       true,
       {"herokupp config:set -a shop-staging FEATURE_X=on"}},
      {"config:unset",
       "config:unset -a APP KEY...",
       "unset config vars; answers keys only",
       true,
       {"herokupp config:unset -a shop-staging FEATURE_X"}},
      {"ps:scale",
       "ps:scale -a APP TYPE=N[:SIZE]...",
       "scale process types",
       true,
       {"herokupp ps:scale -a shop-staging web=2:standard-1x"}},
      {"maintenance",
       "maintenance -a APP on|off",
       "maintenance mode on or off (also: maintenance:on, maintenance:off)",
       true,
       {"herokupp maintenance:on -a shop-staging"}},
      {"fleet:config",
       "fleet:config [APP...] [--in-flight N]",
       "masked config of many apps (default: every app you may read), fingerprints comparable",
       false,
       {"herokupp fleet:config shop-staging shop-production", "herokupp fleet:config --json"}},
      {"fleet:status",
       "fleet:status [APP...] [--in-flight N]",
       "release, maintenance and dyno states of many apps (default: every app you may read)",
       false,
       {"herokupp fleet:status --in-flight 16"}},
      {"promote",
       "promote PIPELINE -a APP [--to APP...] [--acknowledge-missing KEY,...]",
       "promote APP downstream after a preflight (missing config keys block until "
       "acknowledged); without --to, to the next stage's apps",
       true,
       {"herokupp promote shop -a shop-staging",
        "herokupp promote shop -a shop-staging --acknowledge-missing FEATURE_X"}},
      {"deploy",
       "deploy ENV [--source URL --commit SHA] [--acknowledge-missing KEY,...] "
       "[--planned-by ACTOR] [--confirm CODE]",
       "plan a deploy (exit 4 with a code), then run it with --confirm CODE; with four eyes "
       "another person confirms with --planned-by",
       false,
       {"herokupp deploy staging --source https://ci.example.com/shop.tgz --commit 5e1f2a3",
        "herokupp deploy staging --confirm K7Q2XZ",
        "herokupp deploy production --planned-by dana --confirm K7Q2XZ"}},
      {"config:diff",
       "config:diff ENV",
       "an app's config against the environments file",
       false,
       {"herokupp config:diff staging"}},
      {"config:apply",
       "config:apply ENV --confirm CODE",
       "set the ! and + keys of config:diff",
       false,
       {"herokupp config:apply staging --confirm K7Q2XZ"}},
      {"hygiene",
       "hygiene [--pipeline P] [--team T] [--filter TEXT] [-a APP...] [--fail-on SEVERITY]",
       "check apps against the handbook's rules; exit 5 on findings at or above --fail-on",
       false,
       {"herokupp hygiene --pipeline shop",
        "herokupp hygiene --team shop-team --fail-on error --json"}},
  };
  return all;
}

std::optional<CommandHelp> find_command(std::string const& name) {
  for (auto const& c : commands()) {
    if (name == c.name) return c;
  }
  return std::nullopt;
}

namespace {

constexpr char const* global_options = R"(Options (before or after the command):
  -a, --app APP          the app to act on (or give it as the first word)
  -r, --remote NAME      the app behind this git remote (https://git.heroku.com/APP.git)
  --json                 one JSON document on stdout, for scripts
  --actor NAME           act for this person (default: the API key's account; also
                         $HEROKUPP_ACTOR); only an account in the policy's
                         act_for_others may name someone else
  --single-user          without --policy, allow changes as the API key's account
  --policy FILE          the JSON policy: roles and protected apps (docs/ops.md)
  --audit FILE           append audit records (JSON lines) to FILE
  --environments FILE    the environments file of deploy and config:diff
  --state-dir DIR        where plans wait for their confirmation code
  --git-dir DIR          the repository for -r and deploy's change set (default: .)
  -h, --help             this help; `herokupp COMMAND --help` for one command
  --version              the tool's version
)";

constexpr char const* environment = R"(Environment:
  HEROKU_API_KEY         the API key; else the password of ~/.netrc's entry for the
                         API host, as `heroku login` writes it
  HEROKU_API_URL         the API's URL (herokupp-sim: http://127.0.0.1:PORT)
  HEROKU_HOST            else this: a URL as is, a bare host example.com means
                         https://api.example.com
  HEROKUPP_ACTOR         the default --actor
  HEROKUPP_ENVIRONMENTS  the default --environments (else environments.yml)
  HEROKUPP_STATE_DIR     the default --state-dir (else $XDG_STATE_HOME/herokupp,
                         else ~/.local/state/herokupp)
)";

constexpr char const* exit_codes = R"(Exit codes:
  0  done
  1  the API or the network failed (also: a promotion target failed)
  2  usage: a wrong command line or argument, or no credentials
  3  denied by the policy or a protected app
  4  a confirmation code is needed, or was wrong
  5  hygiene: a finding at or above --fail-on (info, warning, error)
)";

}  // namespace

std::string full_help() {
  std::ostringstream s;
  s << "herokupp: safe Heroku actions and confirmed deploys\n\n"
    << "Usage: herokupp [OPTIONS] COMMAND [ARGS]\n\nCommands:\n";
  for (auto const& c : commands()) {
    std::string usage = c.usage;
    s << "  " << usage;
    if (usage.size() < 40) {
      s << std::string(40 - usage.size(), ' ');
    } else {
      s << "\n" << std::string(42, ' ');
    }
    s << c.summary << "\n";
  }
  s << "\nAn app-taking command also takes the app as its first word: "
       "`herokupp releases shop-staging`.\n\n"
    << global_options << "\n"
    << environment << "\n"
    << exit_codes << "\nExamples:\n";
  for (auto const* name : {"releases", "config:set", "deploy"}) {
    auto const command = find_command(name);  // kept: the loop reads its examples
    for (auto const* e : command->examples)
      s << "  " << e << "\n";
  }
  s << "\nMore: docs/cli.md\n";
  return s.str();
}

std::string command_help(CommandHelp const& c) {
  std::ostringstream s;
  s << "Usage: herokupp " << c.usage << "\n\n" << c.summary << "\n";
  if (c.takes_app) {
    s << "\nThe app: -a/--app APP, -r/--remote GIT_REMOTE, or the first word.\n";
  }
  s << "\nExamples:\n";
  for (auto const* e : c.examples)
    s << "  " << e << "\n";
  s << "\n" << global_options << "\n" << exit_codes;
  return s.str();
}

std::string version_text() {
  return std::string("herokupp ") + HEROKUPP_VERSION_STRING + "\n";
}

}  // namespace herokupp::cli
