#include "deploy_detail.hpp"

#include <herokupp/api/slug.hpp>
#include <herokupp/ops/recent_releases.hpp>

#include <algorithm>

namespace herokupp::workflow::detail {
namespace {

std::string first_word(std::string const& command) {
  auto end = command.find(' ');
  return command.substr(0, end);
}

}  // namespace

ops::SessionOptions session_options(EnvironmentsFile const& file, DeployOptions const& options) {
  ops::SessionOptions o = options.session;
  // The commands come from the environments file, not from whoever runs the
  // deploy, so their options ("--noinput") are allowed.
  o.one_off.allow_options = true;
  o.one_off.wait = options.wait;
  o.one_off.wait.enabled = true;
  if (auto it = file.commands.find("migrate"); it != file.commands.end()) {
    o.one_off.migrate_command = it->second;
  }
  for (auto const& [name, command] : file.commands) {
    auto word = first_word(command);
    if (std::find(o.one_off.allowed_commands.begin(), o.one_off.allowed_commands.end(), word) ==
        o.one_off.allowed_commands.end()) {
      o.one_off.allowed_commands.push_back(word);
    }
  }
  o.promote.wait = options.wait;
  o.promote.wait.enabled = true;
  // A `protected` environment's app is protected for every ops action too.
  for (auto const& app : file.protected_apps())
    o.protected_apps.push_back(app);
  return o;
}

// The release running now: the current one, else the newest that succeeded.
result<std::optional<Release>> running_release(AppClient const& app) {
  auto releases = ops::recent_releases(app, 20);
  if (!releases) return releases.error();
  for (auto const& r : *releases) {
    if (r.current) return std::optional<Release>(r);
  }
  for (auto const& r : *releases) {
    if (r.status == Release::Status::succeeded) return std::optional<Release>(r);
  }
  return std::optional<Release>{};
}

// The commit of a release's slug. A promoted release's slug may belong to the
// app it was promoted from, so `also` names where else to look; a slug found
// nowhere leaves the commit unknown ("").
result<std::string> commit_of(Client const& client, std::string const& app,
                              std::optional<Release> const& release,
                              std::vector<std::string> const& also) {
  if (!release || !release->slug) return std::string();
  std::vector<std::string> where{app};
  where.insert(where.end(), also.begin(), also.end());
  for (auto const& owner : where) {
    auto slug = api::slug::info(client, owner, release->slug->id);
    if (slug) return slug->commit.value_or("");
    if (slug.error().kind != ErrorKind::not_found) return slug.error();
  }
  return std::string();
}

result<std::string> running_commit(Client const& client, std::string const& app,
                                   std::vector<std::string> const& also) {
  auto release = running_release(client.app(app));
  if (!release) return release.error();
  return commit_of(client, app, *release, also);
}

result<Running> running(Client const& client, std::string const& app,
                        std::vector<std::string> const& also) {
  auto release = running_release(client.app(app));
  if (!release) return release.error();
  Running r;
  r.release = *release;
  if (r.release && r.release->slug) r.slug_id = r.release->slug->id;
  auto commit = commit_of(client, app, r.release, also);
  if (!commit) return commit.error();
  r.commit = *commit;
  return r;
}

ops::AuditRecord record(std::string const& actor, std::string action, std::string const& app) {
  ops::AuditRecord r;
  r.time = Timestamp::now();
  r.actor = actor;
  r.action = std::move(action);
  r.app = app;
  return r;
}

std::string joined(std::vector<std::string> const& items) {
  std::string out;
  for (auto const& i : items)
    out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::vector<std::string> approvers_for(std::optional<ops::Policy> const& policy,
                                       DeployPlan const& plan) {
  std::vector<std::string> out;
  if (!policy) return out;
  for (auto const& a : policy->approvers(plan.app))
    if (a != plan.actor) out.push_back(a);
  return out;
}

Error with_context(Error e, std::string const& step) {
  e.message = step + " failed: " + e.message;
  return e;
}

}  // namespace herokupp::workflow::detail
