#include "handbook.hpp"

#include <herokupp/ops/hygiene.hpp>
#include <herokupp/workflow/environments.hpp>

#include <filesystem>

namespace herokupp::cli {

int cmd_hygiene(Context& c, HygieneArgs const& args) {
  std::optional<ops::Severity> gate;
  if (!args.fail_on.empty()) {
    auto parsed = ops::parse_severity(args.fail_on);
    if (!parsed)
      return fail(c, Error{ErrorKind::invalid_argument, "--fail-on: " + parsed.error().message});
    gate = parsed.value();
  }
  ops::HygieneOptions options;
  std::error_code ec;
  if (std::filesystem::exists(c.opts.environments_file, ec)) {
    auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
    if (!file) return fail(c, file.error());
    if (file->hygiene) options.rules = *file->hygiene;
  }
  // Under a policy, an app the actor may not read is reported, not checked.
  if (c.policy) {
    auto policy = *c.policy;
    auto actor = c.actor;
    options.may_check = [policy, actor](std::string const& app) {
      return policy.holds(actor, ops::ActionClass::read, app);
    };
  }
  ops::HygieneScope scope;
  scope.pipeline = args.pipeline;
  scope.team = args.team;
  scope.filter = args.filter;
  scope.apps = args.apps;
  progress_line(c, "checking the apps in scope");
  auto report = ops::hygiene(c.client, scope, options);
  if (!report) return fail(c, report.error());
  clear_progress(c);
  bool const failed = gate && report->any_at_least(*gate);
  json j = json::parse(report->to_json());
  j["ok"] = true;  // the report was made; "passed" is the gate
  j["passed"] = !failed;
  if (gate) j["fail_on"] = std::string(ops::to_string(*gate));
  if (c.opts.json_output) {
    print_json(c, j);
  } else {
    c.out << printable(report->to_string());
    if (failed) {
      c.out << "findings at or above " << ops::to_string(*gate) << ": exit "
            << static_cast<int>(exit_findings) << "\n";
    }
  }
  return failed ? exit_findings : exit_ok;
}

}  // namespace herokupp::cli
