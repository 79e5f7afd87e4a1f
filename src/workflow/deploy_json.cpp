// Plans and diffs for people (summary, to_string) and between invocations
// (JSON).
#include "deploy_detail.hpp"

#include <herokupp/ops/masked_config.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace herokupp::workflow {
namespace {

using json = nlohmann::json;
using detail::short_commit;

json to_json(DeployTarget const& t) {
  return json{{"kind", t.kind == DeployTarget::Kind::source ? "source" : "promotion"},
              {"source_url", t.source_url},
              {"commit", t.commit}};
}
}  // namespace

// --- DeployPlan ---------------------------------------------------------------

std::string DeployPlan::summary() const {
  std::ostringstream out;
  if (nothing_to_deploy) {
    out << "Nothing to deploy: " << app << " already runs " << short_commit(target_commit) << ".\n";
    return out.str();
  }
  out << "Deploy to " << environment << " (" << app << ")\n";
  if (target.kind == DeployTarget::Kind::source) {
    out << "  build   " << target.source_url << " at " << short_commit(target_commit) << "\n";
  } else {
    out << "  promote " << upstream_app << " (" << short_commit(target_commit)
        << ") through pipeline " << pipeline << "\n";
  }
  out << "  running "
      << (running_commit.empty() ? std::string("(unknown)") : short_commit(running_commit)) << "\n";
  out << "  changes " << files.size() << " files, " << subjects.size() << " commits\n";
  for (auto const& s : subjects)
    out << "    - " << s << "\n";
  if (maintenance) out << "  maintenance window: on (" << maintenance_reason << ")\n";
  for (auto const& a : actions)
    out << "  then    " << a.name << ": " << a.command << " (" << a.reason << ")\n";
  if (actions.empty()) out << "  then    no migrate or collectstatic\n";
  return out.str();
}

std::string DeployPlan::to_json() const {
  json j{{"environment", environment},
         {"app", app},
         {"target", workflow::to_json(target)},
         {"pipeline", pipeline},
         {"upstream_app", upstream_app},
         {"running_commit", running_commit},
         {"target_commit", target_commit},
         {"files", files},
         {"subjects", subjects},
         {"maintenance", maintenance},
         {"maintenance_reason", maintenance_reason},
         {"nothing_to_deploy", nothing_to_deploy},
         {"confirmation_code", confirmation_code}};
  auto actions_json = json::array();
  for (auto const& a : actions)
    actions_json.push_back({{"name", a.name}, {"command", a.command}, {"reason", a.reason}});
  j["actions"] = actions_json;
  return j.dump();
}

result<DeployPlan> DeployPlan::from_json(std::string_view text) {
  try {
    auto j = json::parse(text);
    DeployPlan p;
    p.environment = j.at("environment").get<std::string>();
    p.app = j.at("app").get<std::string>();
    auto const& t = j.at("target");
    p.target.kind = t.at("kind").get<std::string>() == "source" ? DeployTarget::Kind::source
                                                                : DeployTarget::Kind::promotion;
    p.target.source_url = t.at("source_url").get<std::string>();
    p.target.commit = t.at("commit").get<std::string>();
    p.pipeline = j.at("pipeline").get<std::string>();
    p.upstream_app = j.at("upstream_app").get<std::string>();
    p.running_commit = j.at("running_commit").get<std::string>();
    p.target_commit = j.at("target_commit").get<std::string>();
    p.files = j.at("files").get<std::vector<std::string>>();
    p.subjects = j.at("subjects").get<std::vector<std::string>>();
    p.maintenance = j.at("maintenance").get<bool>();
    p.maintenance_reason = j.at("maintenance_reason").get<std::string>();
    p.nothing_to_deploy = j.at("nothing_to_deploy").get<bool>();
    p.confirmation_code = j.at("confirmation_code").get<std::string>();
    for (auto const& a : j.at("actions")) {
      p.actions.push_back({a.at("name").get<std::string>(), a.at("command").get<std::string>(),
                           a.at("reason").get<std::string>()});
    }
    return p;
  } catch (json::exception const& e) {
    return Error{ErrorKind::decode, std::string("deploy plan: ") + e.what()};
  }
}

// --- ConfigDiff -----------------------------------------------------------------

std::size_t ConfigDiff::count(char status) const {
  return static_cast<std::size_t>(std::count_if(
      keys.begin(), keys.end(), [&](ConfigDiffKey const& k) { return k.status == status; }));
}

std::string ConfigDiff::to_string() const {
  std::ostringstream out;
  for (auto const& k : keys)
    out << k.status << " " << k.key << "=" << ops::value_mask << "\n";
  return out.str();
}

std::string ConfigDiff::to_json() const {
  auto arr = json::array();
  for (auto const& k : keys)
    arr.push_back({{"status", std::string(1, k.status)}, {"key", k.key}});
  return json{{"environment", environment},
              {"app", app},
              {"keys", arr},
              {"confirmation_code", confirmation_code}}
      .dump();
}

result<ConfigDiff> ConfigDiff::from_json(std::string_view text) {
  try {
    auto j = json::parse(text);
    ConfigDiff d;
    d.environment = j.at("environment").get<std::string>();
    d.app = j.at("app").get<std::string>();
    d.confirmation_code = j.at("confirmation_code").get<std::string>();
    for (auto const& k : j.at("keys")) {
      auto status = k.at("status").get<std::string>();
      if (status.size() != 1 || std::string("=!+?").find(status[0]) == std::string::npos) {
        return Error{ErrorKind::decode, "config diff: unknown status " + status};
      }
      d.keys.push_back({status[0], k.at("key").get<std::string>()});
    }
    return d;
  } catch (json::exception const& e) {
    return Error{ErrorKind::decode, std::string("config diff: ") + e.what()};
  }
}

}  // namespace herokupp::workflow
