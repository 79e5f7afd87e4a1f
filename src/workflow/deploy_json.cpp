// Plans and diffs for people (summary, to_string) and between invocations
// (JSON).
#include "deploy_detail.hpp"

#include <herokupp/ops/masked_config.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

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
  if (four_eyes) {
    out << "  four eyes: planned by " << actor << "; another person with approve on " << app
        << " confirms (plan " << plan_id << ")\n";
  }
  if (preflight) out << preflight->summary();
  return out.str();
}

namespace {

json plan_fields(DeployPlan const& p) {
  auto actions = json::array();
  for (auto const& a : p.actions)
    actions.push_back({{"name", a.name}, {"command", a.command}, {"reason", a.reason}});
  return json{{"environment", p.environment},
              {"app", p.app},
              {"target", to_json(p.target)},
              {"pipeline", p.pipeline},
              {"upstream_app", p.upstream_app},
              {"running_commit", p.running_commit},
              {"running_release_id", p.running_release_id},
              {"source_release_id", p.source_release_id},
              {"source_slug_id", p.source_slug_id},
              {"target_commit", p.target_commit},
              {"files", p.files},
              {"subjects", p.subjects},
              {"actions", actions},
              {"maintenance", p.maintenance},
              {"maintenance_reason", p.maintenance_reason},
              {"nothing_to_deploy", p.nothing_to_deploy},
              {"is_protected", p.is_protected},
              {"four_eyes", p.four_eyes},
              {"plan_id", p.plan_id},
              {"preflight", p.preflight ? json::parse(p.preflight->to_json()) : json(nullptr)},
              {"acknowledged_missing", p.acknowledged_missing},
              {"actor", p.actor},
              {"environments_digest", p.environments_digest},
              {"expires_at", p.expires_at.to_string()}};
}

Timestamp timestamp_at(json const& j, char const* key) {
  auto t = Timestamp::parse(j.at(key).get<std::string>());
  if (!t) throw std::invalid_argument(std::string(key) + " is not a time");
  return *t;
}

}  // namespace

std::string DeployPlan::canonical() const {
  // nlohmann::json keeps object keys sorted, so the dump is canonical.
  return "herokupp deploy plan v1\n" + plan_fields(*this).dump();
}

std::string DeployPlan::to_json() const {
  auto j = plan_fields(*this);
  j["confirmation_code"] = confirmation_code;
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
    p.running_release_id = j.at("running_release_id").get<std::string>();
    p.source_release_id = j.at("source_release_id").get<std::string>();
    p.source_slug_id = j.at("source_slug_id").get<std::string>();
    p.target_commit = j.at("target_commit").get<std::string>();
    p.files = j.at("files").get<std::vector<std::string>>();
    p.subjects = j.at("subjects").get<std::vector<std::string>>();
    p.maintenance = j.at("maintenance").get<bool>();
    p.maintenance_reason = j.at("maintenance_reason").get<std::string>();
    p.nothing_to_deploy = j.at("nothing_to_deploy").get<bool>();
    p.is_protected = j.at("is_protected").get<bool>();
    // Absent in plans of earlier releases; their codes cover none of these.
    p.four_eyes = j.value("four_eyes", false);
    p.plan_id = j.value("plan_id", std::string());
    p.acknowledged_missing = j.value("acknowledged_missing", std::vector<std::string>{});
    if (auto it = j.find("preflight"); it != j.end() && !it->is_null()) {
      auto pf = Preflight::from_json(it->dump());
      if (!pf) return pf.error();
      p.preflight = std::move(pf).value();
    }
    p.actor = j.at("actor").get<std::string>();
    p.environments_digest = j.at("environments_digest").get<std::string>();
    p.expires_at = timestamp_at(j, "expires_at");
    p.confirmation_code = j.at("confirmation_code").get<std::string>();
    for (auto const& a : j.at("actions")) {
      p.actions.push_back({a.at("name").get<std::string>(), a.at("command").get<std::string>(),
                           a.at("reason").get<std::string>()});
    }
    return p;
  } catch (std::exception const& e) {
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

namespace {

json diff_fields(ConfigDiff const& d) {
  auto arr = json::array();
  for (auto const& k : d.keys) {
    arr.push_back(
        {{"status", std::string(1, k.status)}, {"key", k.key}, {"fingerprint", k.fingerprint}});
  }
  return json{{"environment", d.environment},
              {"app", d.app},
              {"keys", arr},
              {"actor", d.actor},
              {"environments_digest", d.environments_digest},
              {"expires_at", d.expires_at.to_string()}};
}

}  // namespace

std::string ConfigDiff::canonical() const {
  return "herokupp config diff v1\n" + diff_fields(*this).dump();
}

std::string ConfigDiff::to_json() const {
  auto j = diff_fields(*this);
  j["confirmation_code"] = confirmation_code;
  return j.dump();
}

result<ConfigDiff> ConfigDiff::from_json(std::string_view text) {
  try {
    auto j = json::parse(text);
    ConfigDiff d;
    d.environment = j.at("environment").get<std::string>();
    d.app = j.at("app").get<std::string>();
    d.actor = j.at("actor").get<std::string>();
    d.environments_digest = j.at("environments_digest").get<std::string>();
    d.expires_at = timestamp_at(j, "expires_at");
    d.confirmation_code = j.at("confirmation_code").get<std::string>();
    for (auto const& k : j.at("keys")) {
      auto status = k.at("status").get<std::string>();
      if (status.size() != 1 || std::string("=!+?").find(status[0]) == std::string::npos) {
        return Error{ErrorKind::decode, "config diff: unknown status " + status};
      }
      d.keys.push_back(
          {status[0], k.at("key").get<std::string>(), k.at("fingerprint").get<std::string>()});
    }
    return d;
  } catch (std::exception const& e) {
    return Error{ErrorKind::decode, std::string("config diff: ") + e.what()};
  }
}

namespace detail {
namespace {

std::string first_difference(json a, json b) {
  // plan_id is random per planning: the plan made again has another.
  for (auto const* ignored : {"expires_at", "confirmation_code", "plan_id"}) {
    a.erase(ignored);
    b.erase(ignored);
  }
  for (auto const& [key, value] : a.items()) {
    if (!b.contains(key) || b.at(key) != value) return key;
  }
  for (auto const& [key, value] : b.items()) {
    if (!a.contains(key)) return key;
  }
  return {};
}

}  // namespace

std::string first_difference(DeployPlan const& reviewed, DeployPlan const& now) {
  return first_difference(plan_fields(reviewed), plan_fields(now));
}

std::string first_difference(ConfigDiff const& reviewed, ConfigDiff const& now) {
  return first_difference(diff_fields(reviewed), diff_fields(now));
}

}  // namespace detail

}  // namespace herokupp::workflow
