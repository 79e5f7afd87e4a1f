// Argument handling: the command line parsed into a Context and a command.
// Heroku's conventions: colon names, -a/-r anywhere an app is taken, global
// options before or after the command.
#include "app_selection.hpp"
#include "context.hpp"
#include "handbook.hpp"
#include "help.hpp"

#include <herokupp/client_env.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/severity.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <vector>

namespace herokupp::cli {
namespace {

// Options of the tool that take a value (for finding the command word).
bool takes_value(std::string const& w) {
  static constexpr char const* with_value[] = {"--actor",
                                               "--policy",
                                               "--audit",
                                               "--environments",
                                               "--state-dir",
                                               "-a",
                                               "--app",
                                               "-r",
                                               "--remote",
                                               "--git-dir",
                                               "--in-flight",
                                               "--planned-by",
                                               "--pipeline",
                                               "--team",
                                               "--filter",
                                               "--fail-on",
                                               "--acknowledge-missing"};
  return std::find(std::begin(with_value), std::end(with_value), w) != std::end(with_value);
}

// The official CLI's names for what the tool calls otherwise, and the words
// they stand for.
std::map<std::string, std::vector<std::string>> const& aliases() {
  static std::map<std::string, std::vector<std::string>> const table = {
      {"ps", {"dynos"}},
      {"apps:info", {"info"}},
      {"releases:rollback", {"rollback"}},
      {"ps:restart", {"restart"}},
      {"config-set", {"config:set"}},
      {"config-unset", {"config:unset"}},
      {"config-get", {"config:get"}},
      {"ps-scale", {"ps:scale"}},
      {"config-diff", {"config:diff"}},
      {"config-apply", {"config:apply"}},
      {"maintenance:on", {"maintenance", "on"}},
      {"maintenance:off", {"maintenance", "off"}},
      {"pipelines:promote", {"promote"}},
  };
  return table;
}

// CLI11 takes no ':' in a subcommand's name: config:set is config-set inside.
std::string internal_name(std::string name) {
  std::replace(name.begin(), name.end(), ':', '-');
  return name;
}

int usage_error(std::ostream& err, Redactor const& redact, std::string const& message,
                std::string const& command) {
  err << "herokupp: " << redact(message) << "\n"
      << "See `herokupp " << (command.empty() ? "" : command + " ") << "--help`.\n";
  return exit_usage;
}

// The words of a command line that are not its options.
struct Words {
  std::size_t command_at = std::string::npos;  // index of the command word
  bool help = false;
  bool version = false;
};

Words scan(std::vector<std::string> const& args) {
  Words w;
  for (std::size_t i = 0; i < args.size(); ++i) {
    auto const& a = args[i];
    if (a == "--") break;
    if (a == "-h" || a == "--help") {
      w.help = true;
    } else if (a == "--version") {
      w.version = true;
    } else if (takes_value(a)) {
      ++i;
    } else if (a.rfind('-', 0) != 0 && w.command_at == std::string::npos) {
      w.command_at = i;
    }
  }
  return w;
}

}  // namespace

int run_cli(int argc, char const* const* argv, std::ostream& out, std::ostream& err,
            Environment env) {
  if (!env.getenv) {
    env.getenv = [](std::string const& name) -> std::optional<std::string> {
      char const* v = std::getenv(name.c_str());
      if (v == nullptr) return std::nullopt;
      return std::string(v);
    };
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  Redactor const redact{args};
  if (env.handle_signals) block_interrupts();

  // The command word, in the docs' colon form.
  auto found = scan(args);
  if (found.command_at != std::string::npos) {
    std::string& word = args[found.command_at];
    if (word == "help") {
      found.help = true;
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(found.command_at));
      found.command_at = scan(args).command_at;
    } else if (word == "version") {
      found.version = true;
    }
  }
  if (found.command_at != std::string::npos) {
    auto alias = aliases().find(args[found.command_at]);
    if (alias != aliases().end()) {
      auto words = alias->second;
      args[found.command_at] = words.front();
      // maintenance:on: its state goes last, after the app however given.
      for (std::size_t i = 1; i < words.size(); ++i)
        args.push_back(words[i]);
    }
  }
  std::string const command = found.command_at == std::string::npos ? "" : args[found.command_at];
  if (found.version) {
    out << version_text();
    return exit_ok;
  }
  auto known = find_command(command);
  if (found.help) {
    out << (known ? command_help(*known) : full_help());
    return exit_ok;
  }
  if (command.empty()) {
    err << full_help();
    return exit_usage;
  }
  if (!known) {
    return usage_error(err, redact, "no command called " + Redactor::mask_word(command), "");
  }

  Options opts;
  AppFlags app_flags;
  CLI::App app{"herokupp", "herokupp"};
  app.set_help_flag();
  app.require_subcommand(1);
  app.fallthrough();  // global options after the command too
  app.add_option("--actor", opts.actor);
  app.add_flag("--single-user", opts.single_user);
  app.add_option("--policy", opts.policy_file);
  app.add_option("--audit", opts.audit_file);
  app.add_option("--environments", opts.environments_file);
  app.add_option("--state-dir", opts.state_dir);
  app.add_option("-a,--app", app_flags.app);
  app.add_option("-r,--remote", app_flags.remote);
  app.add_option("--git-dir", app_flags.git_dir);
  app.add_flag("--json", opts.json_output);

  std::string a_from, a_source, a_commit, a_confirm, a_planned_by, a_in_flight;
  std::vector<std::string> words, a_to, a_changed, a_subjects, a_acknowledge;
  int a_n = 10;
  std::map<std::string, CLI::App*> subs;
  for (auto const& c : commands()) {
    auto* sub = app.add_subcommand(internal_name(c.name));
    sub->set_help_flag();
    sub->add_option("WORDS", words);
    subs[c.name] = sub;
  }
  subs["releases"]->add_option("-n,--num", a_n);
  subs["promote"]->add_option("--from", a_from);
  subs["promote"]->add_option("--to", a_to);
  subs["promote"]->add_option("--acknowledge-missing", a_acknowledge)->delimiter(',');
  auto* deploy = subs["deploy"];
  deploy->add_option("--source", a_source);
  deploy->add_option("--commit", a_commit);
  deploy->add_option("--confirm", a_confirm);
  deploy->add_option("--changed", a_changed);
  deploy->add_option("--subject", a_subjects);
  deploy->add_option("--planned-by", a_planned_by);
  deploy->add_option("--acknowledge-missing", a_acknowledge)->delimiter(',');
  subs["config:apply"]->add_option("--confirm", a_confirm);
  subs["fleet:config"]->add_option("--in-flight", a_in_flight);
  subs["fleet:status"]->add_option("--in-flight", a_in_flight);
  HygieneArgs hygiene_args;
  auto* hygiene = subs["hygiene"];
  hygiene->add_option("--pipeline", hygiene_args.pipeline);
  hygiene->add_option("--team", hygiene_args.team);
  hygiene->add_option("--filter", hygiene_args.filter);
  hygiene->add_option("--fail-on", hygiene_args.fail_on);

  args[found.command_at] = internal_name(command);
  // What follows `--` is the command's own words (run's command line): kept
  // from CLI11, which hands them to the parent once a subcommand has words.
  std::vector<std::string> after_dashes;
  if (auto dashes = std::find(args.begin(), args.end(), "--"); dashes != args.end()) {
    after_dashes.assign(dashes + 1, args.end());
    args.erase(dashes, args.end());
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (CLI::ParseError const& e) {
    return usage_error(err, redact, e.what(), command);
  }
  words.insert(words.end(), after_dashes.begin(), after_dashes.end());

  // The app: -a, -r or the first word, for every command that takes one.
  std::string the_app;
  if (known->takes_app && command != "promote") {
    auto selected = select_app(command, app_flags, words, env);
    if (!selected) return usage_error(err, redact, selected.error().message, command);
    the_app = selected->app;
    words = selected->words;
  } else if (command == "promote") {
    if (any_app_flag(app_flags)) {
      auto selected = select_app(command, app_flags, {}, env);
      if (!selected) return usage_error(err, redact, selected.error().message, command);
      if (!a_from.empty() && a_from != selected->app) {
        return usage_error(err, redact, "--from and -a name different apps", command);
      }
      a_from = selected->app;
    }
    if (a_from.empty()) return usage_error(err, redact, "promote needs -a APP", command);
    the_app = a_from;
  } else if (command == "hygiene") {
    // Apps one by one: -a/-r and the words, besides --pipeline, --team, --filter.
    if (any_app_flag(app_flags)) {
      auto selected = select_app(command, app_flags, {}, env);
      if (!selected) return usage_error(err, redact, selected.error().message, command);
      hygiene_args.apps.push_back(selected->app);
    }
    hygiene_args.apps.insert(hygiene_args.apps.end(), words.begin(), words.end());
    words.clear();
    if (hygiene_args.apps.empty() && hygiene_args.pipeline.empty() && hygiene_args.team.empty() &&
        hygiene_args.filter.empty()) {
      return usage_error(err, redact,
                         "hygiene needs a scope: --pipeline P, --team T, --filter TEXT or apps",
                         command);
    }
    if (!hygiene_args.fail_on.empty() && !ops::parse_severity(hygiene_args.fail_on)) {
      return usage_error(err, redact,
                         "--fail-on takes info, warning or error, not " +
                             Redactor::mask_word(hygiene_args.fail_on),
                         command);
    }
  } else if (any_app_flag(app_flags)) {
    return usage_error(err, redact, command + " takes no app (-a/-r)", command);
  }

  // How many words each command takes after its app.
  auto extra = [&](std::size_t allowed) -> int {
    if (words.size() <= allowed) return exit_ok;
    return usage_error(err, redact,
                       command + ": unexpected argument " + Redactor::mask_word(words[allowed]),
                       command);
  };
  auto need = [&](std::size_t n, char const* what) -> int {
    if (words.size() >= n) return exit_ok;
    return usage_error(err, redact, command + " needs " + what, command);
  };
  int bad = exit_ok;
  if (command == "apps" || command == "restart") {
    bad = extra(1);
  } else if (command == "rollback") {
    bad = need(1, "a release: vN");
    if (bad == exit_ok) bad = extra(1);
  } else if (command == "config:get") {
    bad = need(1, "a KEY");
    if (bad == exit_ok) bad = extra(1);
  } else if (command == "maintenance") {
    bad = need(1, "on or off");
    if (bad == exit_ok) bad = extra(1);
    if (bad == exit_ok && words[0] != "on" && words[0] != "off") {
      bad = usage_error(err, redact, "maintenance takes on or off", command);
    }
  } else if (command == "promote" || command == "deploy" || command == "config:diff" ||
             command == "config:apply") {
    bad = need(1, command == "promote" ? "a PIPELINE" : "an ENV label");
    if (bad == exit_ok) bad = extra(1);
  } else if (command == "run") {
    bad = need(1, "the command after --");
  } else if (command == "config:set") {
    bad = need(1, "KEY=VALUE pairs");
  } else if (command == "config:unset") {
    bad = need(1, "KEYs");
    for (auto const& w : words) {
      // A value typed where a key belongs: refused before it can reach an
      // audit record.
      if (bad == exit_ok && w.find('=') != std::string::npos) {
        bad = usage_error(err, redact,
                          "config:unset takes KEYs, not KEY=VALUE: " + Redactor::mask_word(w),
                          command);
      }
    }
  } else if (command == "ps:scale") {
    bad = need(1, "TYPE=N[:SIZE]");
  } else if (command == "fleet:config" || command == "fleet:status") {
    if (auto n = parse_in_flight(a_in_flight); !n) {
      bad = usage_error(err, redact, n.error().message, command);
    }
  } else {
    bad = extra(0);
  }
  if (bad != exit_ok) return bad;

  if (opts.environments_file.empty()) {
    opts.environments_file = env.getenv("HEROKUPP_ENVIRONMENTS").value_or("environments.yml");
  }
  bool const writes = command == "rollback" || command == "restart" || command == "migrate" ||
                      command == "run" || command == "config:set" || command == "config:unset" ||
                      command == "ps:scale" || command == "maintenance" || command == "promote" ||
                      command == "deploy" || command == "config:apply";

  ClientOptions client_options = client_options_from_env(env.getenv);
  if (env.transport) client_options.transport = env.transport;
  if (env.sleep) client_options.sleep = env.sleep;
  if (client_options.api_key.empty()) {
    err << "herokupp: no Heroku credentials: set HEROKU_API_KEY (`heroku auth:token` prints "
           "one), or run `heroku login`, which keeps one in ~/.netrc\n";
    return exit_usage;
  }

  auto setup = prepare(opts, env, writes);
  if (!setup) {
    err << "herokupp: " << printable(redact(ops::explain(setup.error()))) << "\n";
    return exit_code_for(setup.error());
  }
  std::shared_ptr<ops::AuditSink> audit;
  if (setup->audit) audit = redacting(setup->audit, redact);
  Context c{opts,
            env,
            out,
            err,
            Client{client_options},
            setup->policy,
            audit,
            redact,
            the_app,
            std::make_shared<Ticker>(),
            std::string(),
            std::string(),
            setup->fingerprints,
            setup->plan_key,
            setup->protected_apps};
  if (auto who = choose_actor(c, *setup, writes); !who) return fail(c, who.error());
  report_open_windows(c);
  InterruptGuard interrupts(c);

  auto word = [&](std::size_t i) { return i < words.size() ? words[i] : std::string(); };
  if (command == "apps") return cmd_apps(c, word(0));
  if (command == "info") return cmd_info(c, the_app);
  if (command == "dynos") return cmd_dynos(c, the_app);
  if (command == "releases") return cmd_releases(c, the_app, a_n);
  if (command == "rollback") return cmd_rollback(c, the_app, word(0));
  if (command == "restart") return cmd_restart(c, the_app, word(0));
  if (command == "migrate") return cmd_migrate(c, the_app);
  if (command == "run") return cmd_run(c, the_app, words);
  if (command == "config") return cmd_config(c, the_app);
  if (command == "config:get") return cmd_config_get(c, the_app, word(0));
  if (command == "config:set") return cmd_config_set(c, the_app, words);
  if (command == "config:unset") return cmd_config_unset(c, the_app, words);
  if (command == "ps:scale") return cmd_scale(c, the_app, words);
  if (command == "maintenance") return cmd_maintenance(c, the_app, word(0));
  if (command == "promote")
    return cmd_promote(c, word(0), a_from, a_to, a_acknowledge, app_flags.git_dir);
  if (command == "deploy") {
    DeployArgs d{a_source,   a_commit,          a_confirm,    a_changed,
                 a_subjects, app_flags.git_dir, a_planned_by, a_acknowledge};
    return cmd_deploy(c, word(0), d);
  }
  if (command == "fleet:config") return cmd_fleet_config(c, words, *parse_in_flight(a_in_flight));
  if (command == "fleet:status") return cmd_fleet_status(c, words, *parse_in_flight(a_in_flight));
  if (command == "config:diff") return cmd_config_diff(c, word(0), false, "");
  if (command == "config:apply") return cmd_config_diff(c, word(0), true, a_confirm);
  if (command == "hygiene") return cmd_hygiene(c, hygiene_args);
  return exit_usage;
}

}  // namespace herokupp::cli
