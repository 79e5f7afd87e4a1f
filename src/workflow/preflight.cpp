// Promotion preflight: config keys, change set and migrations, compared
// before a promotion; keys and fingerprints only, never a value.
#include "deploy_detail.hpp"

#include <herokupp/ops/masked_config.hpp>
#include <herokupp/ops/rollback.hpp>
#include <herokupp/workflow/preflight.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace herokupp::workflow {
namespace {

using json = nlohmann::json;
using detail::short_commit;

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool starts(std::string_view s, std::string_view head) {
  return s.size() > head.size() && s.substr(0, head.size()) == head;
}

bool ends(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string joined(std::vector<std::string> const& items) {
  std::string out;
  for (auto const& i : items)
    out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string status_of(ops::KeyStatus s) {
  switch (s) {
    case ops::KeyStatus::only_in_a:
      return "missing";
    case ops::KeyStatus::only_in_b:
      return "only_downstream";
    case ops::KeyStatus::differs:
      return "differs";
    case ops::KeyStatus::same:
      break;
  }
  return "same";
}

// The preflight's refusal to guess: an Error that says which app could not
// be read and that nothing was promoted.
Error cannot_check(Error e, std::string const& what) {
  e.message =
      "the promotion cannot be checked: " + what + ": " + e.message + "; nothing was promoted";
  return e;
}

}  // namespace

bool looks_like_feature_flag(std::string_view key) {
  auto const k = upper(key);
  for (std::string_view head : {"FEATURE_", "FEATURES_", "FLAG_", "FF_", "ENABLE_", "DISABLE_"})
    if (starts(k, head)) return true;
  for (std::string_view tail : {"_ENABLED", "_DISABLED", "_FLAG", "_FEATURE"})
    if (ends(k, tail)) return true;
  return false;
}

std::vector<std::string> Preflight::unacknowledged() const {
  std::vector<std::string> out;
  for (auto const& k : missing)
    if (std::find(acknowledged.begin(), acknowledged.end(), k) == acknowledged.end())
      out.push_back(k);
  return out;
}

result<Preflight> promotion_preflight(Client const& client, std::string_view upstream,
                                      std::string_view downstream,
                                      PreflightOptions const& options) {
  Preflight pf;
  pf.upstream_app = std::string(upstream);
  pf.downstream_app = std::string(downstream);
  if (pf.upstream_app.empty() || pf.downstream_app.empty()) {
    return Error{ErrorKind::invalid_argument, "a preflight needs the upstream and downstream apps"};
  }
  // A promoted slug may belong to the other app: look in both.
  auto up = detail::running(client, pf.upstream_app, {pf.downstream_app});
  if (!up) return cannot_check(up.error(), "the releases of " + pf.upstream_app);
  auto down = detail::running(client, pf.downstream_app, {pf.upstream_app});
  if (!down) return cannot_check(down.error(), "the releases of " + pf.downstream_app);
  pf.upstream_commit = up->commit;
  pf.downstream_commit = down->commit;
  pf.up_to_date = !up->slug_id.empty() && up->slug_id == down->slug_id;

  auto cmp = ops::compare_config(client.app(pf.upstream_app), client.app(pf.downstream_app));
  if (!cmp) return cannot_check(cmp.error(), "the config of the two apps");
  std::set<std::string> missing;
  for (auto const& k : cmp->keys) {
    PreflightKey key{k.key, status_of(k.status), looks_like_feature_flag(k.key)};
    if (key.status == "missing") missing.insert(k.key);
    if (key.feature_flag && (key.status == "missing" || key.status == "differs"))
      pf.feature_flags.push_back(k.key);
    pf.keys.push_back(std::move(key));
  }
  pf.missing.assign(missing.begin(), missing.end());
  std::set<std::string> acknowledged;
  for (auto const& k : options.acknowledge_missing) {
    if (missing.count(k) == 0) {
      return Error{ErrorKind::invalid_argument,
                   k + " is not missing on " + pf.downstream_app + " (missing: " +
                       (pf.missing.empty() ? std::string("none") : joined(pf.missing)) +
                       "); acknowledge only keys the preflight reports missing"};
    }
    acknowledged.insert(k);
  }
  pf.acknowledged.assign(acknowledged.begin(), acknowledged.end());

  // The change set: the caller's, else git's between the two slugs' commits.
  bool const commits_known = !pf.upstream_commit.empty() && !pf.downstream_commit.empty();
  if (pf.up_to_date) {
    pf.change_set_known = true;
  } else if (options.changes) {
    pf.changes = *options.changes;
    pf.change_set_known = true;
  } else if (commits_known && !options.git_dir.empty()) {
    pf.changes = git_change_set(options.git_dir, pf.downstream_commit, pf.upstream_commit);
    pf.change_set_known = !pf.changes.files.empty() || !pf.changes.subjects.empty();
  }
  if (!commits_known && !pf.up_to_date) {
    pf.warnings.push_back(
        "unknown change set: " +
        std::string(pf.upstream_commit.empty() ? pf.upstream_app : pf.downstream_app) +
        " runs a slug that records no commit");
  } else if (!pf.change_set_known) {
    pf.warnings.push_back("unknown change set: no git checkout holds " +
                          short_commit(pf.downstream_commit) + ".." +
                          short_commit(pf.upstream_commit) + " (give --git-dir)");
  }

  if (pf.change_set_known) {
    for (auto const& path : pf.changes.files) {
      for (auto const& rule : options.path_rules) {
        bool migrates =
            std::find(rule.actions.begin(), rule.actions.end(), "migrate") != rule.actions.end();
        if (migrates && path.find(rule.contains) != std::string::npos) {
          pf.migration_files.push_back(path);
          break;
        }
      }
    }
    pf.migrations = pf.migration_files.empty() ? "no" : "yes";
  }
  if (pf.migrations == "yes") {
    pf.warnings.push_back(
        "migrations are in the change set: a rollback restores code and "
        "config, not the database. " +
        std::string(ops::rollback_reminder));
  } else if (pf.migrations == "unknown") {
    pf.warnings.push_back(
        "migrations cannot be ruled out: a rollback restores code and config, "
        "not the database");
  }
  return pf;
}

std::string Preflight::summary() const {
  std::ostringstream out;
  out << "Preflight " << upstream_app << " -> " << downstream_app << "\n";
  if (up_to_date) {
    out << "  " << downstream_app << " already runs " << upstream_app << "'s slug\n";
    return out.str();
  }
  out << "  commits " << (downstream_commit.empty() ? "(unknown)" : short_commit(downstream_commit))
      << ".." << (upstream_commit.empty() ? "(unknown)" : short_commit(upstream_commit)) << "\n";
  std::size_t same = 0, differs = 0, only_down = 0;
  for (auto const& k : keys) {
    if (k.status == "same") ++same;
    if (k.status == "differs") ++differs;
    if (k.status == "only_downstream") ++only_down;
  }
  out << "  config  " << missing.size() << " missing on " << downstream_app << ", " << differs
      << " differ, " << same << " same, " << only_down << " only on " << downstream_app << "\n";
  for (auto const& k : missing) {
    bool ack = std::find(acknowledged.begin(), acknowledged.end(), k) != acknowledged.end();
    out << "    missing " << k << (looks_like_feature_flag(k) ? " (feature flag)" : "")
        << (ack ? " acknowledged" : " BLOCKS") << "\n";
  }
  for (auto const& k : keys) {
    if (k.status == "differs" && k.feature_flag)
      out << "    differs " << k.key << " (feature flag)\n";
  }
  if (change_set_known) {
    out << "  changes " << changes.files.size() << " files, " << changes.subjects.size()
        << " commits\n";
    for (auto const& s : changes.subjects)
      out << "    - " << s << "\n";
  } else {
    out << "  changes unknown\n";
  }
  out << "  migrations " << migrations;
  if (!migration_files.empty()) out << " (" << joined(migration_files) << ")";
  out << "\n";
  for (auto const& w : warnings)
    out << "  warning: " << w << "\n";
  if (blocks()) {
    out << "  BLOCKED: " << downstream_app << " lacks " << joined(unacknowledged())
        << "; set them there, or acknowledge them (--acknowledge-missing ";
    std::string keys;
    for (auto const& k : unacknowledged())
      keys += (keys.empty() ? "" : ",") + k;
    out << keys << ")\n";
  }
  return out.str();
}

namespace {

json preflight_fields(Preflight const& p) {
  auto keys = json::array();
  for (auto const& k : p.keys)
    keys.push_back({{"key", k.key}, {"status", k.status}, {"feature_flag", k.feature_flag}});
  return json{{"upstream_app", p.upstream_app},
              {"downstream_app", p.downstream_app},
              {"upstream_commit", p.upstream_commit},
              {"downstream_commit", p.downstream_commit},
              {"up_to_date", p.up_to_date},
              {"keys", keys},
              {"missing", p.missing},
              {"feature_flags", p.feature_flags},
              {"acknowledged", p.acknowledged},
              {"change_set_known", p.change_set_known},
              {"files", p.changes.files},
              {"subjects", p.changes.subjects},
              {"migrations", p.migrations},
              {"migration_files", p.migration_files},
              {"warnings", p.warnings},
              {"blocks", p.blocks()}};
}

}  // namespace

std::string Preflight::to_json() const {
  return preflight_fields(*this).dump();
}

result<Preflight> Preflight::from_json(std::string_view text) {
  try {
    auto j = json::parse(text);
    Preflight p;
    p.upstream_app = j.at("upstream_app").get<std::string>();
    p.downstream_app = j.at("downstream_app").get<std::string>();
    p.upstream_commit = j.at("upstream_commit").get<std::string>();
    p.downstream_commit = j.at("downstream_commit").get<std::string>();
    p.up_to_date = j.at("up_to_date").get<bool>();
    for (auto const& k : j.at("keys")) {
      p.keys.push_back({k.at("key").get<std::string>(), k.at("status").get<std::string>(),
                        k.at("feature_flag").get<bool>()});
    }
    p.missing = j.at("missing").get<std::vector<std::string>>();
    p.feature_flags = j.at("feature_flags").get<std::vector<std::string>>();
    p.acknowledged = j.at("acknowledged").get<std::vector<std::string>>();
    p.change_set_known = j.at("change_set_known").get<bool>();
    p.changes.files = j.at("files").get<std::vector<std::string>>();
    p.changes.subjects = j.at("subjects").get<std::vector<std::string>>();
    p.migrations = j.at("migrations").get<std::string>();
    p.migration_files = j.at("migration_files").get<std::vector<std::string>>();
    p.warnings = j.at("warnings").get<std::vector<std::string>>();
    return p;
  } catch (std::exception const& e) {
    return Error{ErrorKind::decode, std::string("preflight: ") + e.what()};
  }
}

}  // namespace herokupp::workflow
