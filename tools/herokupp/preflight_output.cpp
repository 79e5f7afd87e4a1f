// The promotion preflight as the tool runs and shows it: for `promote`, per
// target, with the acknowledgements given on the command line.
#include "context.hpp"

#include <herokupp/workflow/environments.hpp>
#include <herokupp/workflow/preflight.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace herokupp::cli {

result<std::vector<workflow::Preflight>> promotion_preflights(
    Context& c, std::string const& from, std::vector<std::string> const& to,
    std::vector<std::string> const& acknowledge, std::string const& git_dir) {
  workflow::PreflightOptions o;
  o.git_dir = git_dir.empty() ? std::string(".") : git_dir;
  // The path rules that say what a migration is: the environments file's.
  std::error_code ec;
  if (std::filesystem::exists(c.opts.environments_file, ec)) {
    auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
    if (!file) return file.error();
    o.path_rules = file->path_rules;
  }
  std::vector<workflow::Preflight> out;
  std::vector<std::string> used;
  for (auto const& target : to) {
    progress_line(c, "checking what promoting " + from + " to " + target + " brings");
    auto pf = workflow::promotion_preflight(c.client, from, target, o);
    if (!pf) return pf.error();
    // An acknowledgement counts where the key is missing; with several
    // targets a key may be missing on some only.
    for (auto const& k : acknowledge) {
      if (std::find(pf->missing.begin(), pf->missing.end(), k) == pf->missing.end()) continue;
      pf->acknowledged.push_back(k);
      used.push_back(k);
    }
    std::sort(pf->acknowledged.begin(), pf->acknowledged.end());
    pf->acknowledged.erase(std::unique(pf->acknowledged.begin(), pf->acknowledged.end()),
                           pf->acknowledged.end());
    out.push_back(std::move(pf).value());
  }
  for (auto const& k : acknowledge) {
    if (std::find(used.begin(), used.end(), k) == used.end()) {
      return Error{ErrorKind::invalid_argument,
                   k + " is not missing on any target; acknowledge only keys the preflight "
                       "reports missing"};
    }
  }
  return out;
}

result<void> refuse_four_eyes_targets(Context& c, std::vector<std::string> const& to) {
  std::vector<workflow::Environment> envs;
  std::error_code ec;
  if (std::filesystem::exists(c.opts.environments_file, ec)) {
    auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
    if (!file) return file.error();
    envs = file->environments;
  }
  auto lower = [](std::string s) {
    for (auto& ch : s)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  for (auto const& target : to) {
    std::string label;
    for (auto const& e : envs)
      if (e.four_eyes && lower(e.app_name) == lower(target)) label = e.label;
    bool by_policy = c.policy && c.policy->requires_four_eyes(target);
    if (label.empty() && !by_policy) continue;
    // A direct promotion would skip the second person: it goes through a
    // plan that someone else confirms.
    std::string how =
        label.empty() ? "a deploy plan confirmed by another person" : "herokupp deploy " + label;
    return Error{ErrorKind::policy_denied, "the app " + target +
                                               " needs four eyes: promote it with " + how +
                                               ", which another person with approve on " + target +
                                               " confirms; nothing was promoted"};
  }
  return success();
}

json preflight_json(workflow::Preflight const& p) {
  return json::parse(p.to_json());
}

}  // namespace herokupp::cli
