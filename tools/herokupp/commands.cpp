// Argument handling: the command line parsed into a Context and a command.
#include "context.hpp"

#include <herokupp/ops/explain.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace herokupp::cli {

int run_cli(int argc, char const* const* argv, std::ostream& out, std::ostream& err,
            Environment env) {
  if (!env.getenv) {
    env.getenv = [](std::string const& name) -> std::optional<std::string> {
      char const* v = std::getenv(name.c_str());
      if (v == nullptr) return std::nullopt;
      return std::string(v);
    };
  }
  Options opts;
  CLI::App app{"herokupp: safe Heroku actions and confirmed deploys", "herokupp"};
  app.require_subcommand(1);
  app.add_option("--actor", opts.actor,
                 "act for this person (default: the API key's account; also $HEROKUPP_ACTOR); "
                 "only an account in the policy's act_for_others may name someone else");
  app.add_flag("--single-user", opts.single_user,
               "without --policy, allow changes, acting as the API key's own account");
  app.add_option("--policy", opts.policy_file, "a JSON policy file (roles and protected apps)");
  app.add_option("--audit", opts.audit_file, "append audit records (JSON lines) to this file");
  app.add_option("--environments", opts.environments_file,
                 "the environments file for deploy and config:diff (default: environments.yml)");
  app.add_option("--state-dir", opts.state_dir, "where plans wait for their confirmation");
  app.add_flag("--json", opts.json_output, "JSON output for scripts");

  std::string a_app, a_filter, a_target, a_version, a_state, a_pipeline, a_from, a_env, a_source,
      a_commit, a_confirm, a_git_dir = ".";
  std::vector<std::string> a_list, a_to, a_changed, a_subjects;
  int a_n = 10;

  auto* apps = app.add_subcommand("apps", "list apps (whose name contains FILTER)");
  apps->add_option("FILTER", a_filter);
  auto* info = app.add_subcommand("info", "an app's details");
  info->add_option("APP", a_app)->required();
  auto* dynos = app.add_subcommand("dynos", "what runs on an app");
  dynos->add_option("APP", a_app)->required();
  auto* releases = app.add_subcommand("releases", "recent releases");
  releases->add_option("APP", a_app)->required();
  releases->add_option("-n", a_n, "how many (default 10)");
  auto* rollback = app.add_subcommand("rollback", "roll back to an earlier release");
  rollback->add_option("APP", a_app)->required();
  rollback->add_option("VERSION", a_version, "v42")->required();
  auto* restart = app.add_subcommand("restart", "restart the app, a process type or a dyno");
  restart->add_option("APP", a_app)->required();
  restart->add_option("TARGET", a_target, "worker, web.2");
  auto* migrate = app.add_subcommand("migrate", "run the migrations in a one-off dyno and wait");
  migrate->add_option("APP", a_app)->required();
  auto* run =
      app.add_subcommand("run", "run an allowed command in a one-off dyno: run APP -- rake TASK");
  run->add_option("APP", a_app)->required();
  run->add_option("COMMAND", a_list)->required();
  auto* config = app.add_subcommand("config", "config keys, values masked");
  config->add_option("APP", a_app)->required();
  auto* config_set = app.add_subcommand("config-set", "set config vars: KEY=VALUE...");
  config_set->add_option("APP", a_app)->required();
  config_set->add_option("PAIRS", a_list)->required();
  auto* config_unset = app.add_subcommand("config-unset", "unset config vars: KEY...");
  config_unset->add_option("APP", a_app)->required();
  config_unset->add_option("KEYS", a_list)->required();
  auto* scale = app.add_subcommand("ps-scale", "scale process types: web=2[:SIZE]...");
  scale->add_option("APP", a_app)->required();
  scale->add_option("SPEC", a_list)->required();
  auto* maintenance = app.add_subcommand("maintenance", "maintenance mode on or off");
  maintenance->add_option("APP", a_app)->required();
  maintenance->add_option("STATE", a_state)->required()->check(CLI::IsMember({"on", "off"}));
  auto* promote = app.add_subcommand("promote", "promote a pipeline app downstream");
  promote->add_option("PIPELINE", a_pipeline)->required();
  promote->add_option("--from", a_from, "the app promoted from")->required();
  promote->add_option("--to", a_to, "the target apps (default: the next stage's)");
  auto* deploy = app.add_subcommand("deploy", "plan a deploy, then run it with --confirm CODE");
  deploy->add_option("ENV", a_env)->required();
  deploy->add_option("--source", a_source, "a source tarball URL (default: promote from upstream)");
  deploy->add_option("--commit", a_commit, "the commit of the tarball");
  deploy->add_option("--confirm", a_confirm, "the plan's confirmation code");
  deploy->add_option("--changed", a_changed, "a changed path (default: from git)");
  deploy->add_option("--subject", a_subjects, "a commit subject (default: from git)");
  deploy->add_option("--git-dir", a_git_dir, "the repository for the change set (default: .)");
  auto* config_diff =
      app.add_subcommand("config-diff", "compare an app's config with the environments file");
  config_diff->add_option("ENV", a_env)->required();
  auto* config_apply = app.add_subcommand("config-apply", "set the ! and + keys of config:diff");
  config_apply->add_option("ENV", a_env)->required();
  config_apply->add_option("--confirm", a_confirm, "the diff's confirmation code");

  // CLI11 does not allow ':' in subcommand names: config:set is parsed as config-set.
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) {
    std::string w = argv[i];
    if (w == "config:set" || w == "config:unset" || w == "ps:scale" || w == "config:diff" ||
        w == "config:apply") {
      w[w.find(':')] = '-';
    }
    words.push_back(std::move(w));
  }
  std::reverse(words.begin(), words.end());
  try {
    app.parse(words);
  } catch (CLI::CallForHelp const& e) {
    app.exit(e, out, err);
    return exit_ok;
  } catch (CLI::CallForAllHelp const& e) {
    app.exit(e, out, err);
    return exit_ok;
  } catch (CLI::ParseError const& e) {
    app.exit(e, out, err);
    return exit_usage;
  }

  if (opts.environments_file.empty()) {
    opts.environments_file = env.getenv("HEROKUPP_ENVIRONMENTS").value_or("environments.yml");
  }
  bool const writes = *rollback || *restart || *migrate || *run || *config_set || *config_unset ||
                      *scale || *maintenance || *promote || *deploy || *config_apply;

  ClientOptions client_options;
  client_options.api_key = env.getenv("HEROKU_API_KEY").value_or("");
  if (auto url = env.getenv("HEROKU_API_URL"); url && !url->empty()) client_options.base_url = *url;
  if (env.transport) client_options.transport = env.transport;
  if (env.sleep) client_options.sleep = env.sleep;
  if (client_options.api_key.empty()) {
    err << "herokupp: HEROKU_API_KEY is not set\n";
    return exit_usage;
  }

  auto setup = prepare(opts, env, writes);
  if (!setup) {
    err << "herokupp: " << printable(ops::explain(setup.error())) << "\n";
    return exit_code_for(setup.error());
  }
  Context c{opts,
            env,
            out,
            err,
            Client{client_options},
            setup->policy,
            setup->audit,
            std::string(),
            std::string(),
            setup->fingerprints,
            setup->plan_key,
            setup->protected_apps};
  if (auto who = choose_actor(c, *setup, writes); !who) return fail(c, who.error());
  report_open_windows(c);
  InterruptGuard interrupts(c);

  if (*apps) return cmd_apps(c, a_filter);
  if (*info) return cmd_info(c, a_app);
  if (*dynos) return cmd_dynos(c, a_app);
  if (*releases) return cmd_releases(c, a_app, a_n);
  if (*rollback) return cmd_rollback(c, a_app, a_version);
  if (*restart) return cmd_restart(c, a_app, a_target);
  if (*migrate) return cmd_migrate(c, a_app);
  if (*run) return cmd_run(c, a_app, a_list);
  if (*config) return cmd_config(c, a_app);
  if (*config_set) return cmd_config_set(c, a_app, a_list);
  if (*config_unset) return cmd_config_unset(c, a_app, a_list);
  if (*scale) return cmd_scale(c, a_app, a_list);
  if (*maintenance) return cmd_maintenance(c, a_app, a_state);
  if (*promote) return cmd_promote(c, a_pipeline, a_from, a_to);
  if (*deploy)
    return cmd_deploy(c, a_env, a_source, a_commit, a_confirm, a_changed, a_subjects, a_git_dir);
  if (*config_diff) return cmd_config_diff(c, a_env, false, "");
  if (*config_apply) return cmd_config_diff(c, a_env, true, a_confirm);
  return exit_usage;
}

}  // namespace herokupp::cli
