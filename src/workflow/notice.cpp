#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/app_releases_client.hpp>
#include <herokupp/workflow/notice.hpp>

#include <nlohmann/json.hpp>

namespace herokupp::workflow {

namespace {

/// Server text and commit subjects reach chat messages: control characters
/// (a terminal escape, a forged second line) become spaces.
std::string clean(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

std::string versions(Notice const& n) {
  std::string out;
  if (n.from_version) out += "v" + std::to_string(*n.from_version) + " -> ";
  if (n.to_version) out += "v" + std::to_string(*n.to_version);
  return out;
}

}  // namespace

std::string_view to_string(NoticeKind kind) noexcept {
  switch (kind) {
    case NoticeKind::deploy:
      return "deploy";
    case NoticeKind::promotion:
      return "promotion";
    case NoticeKind::rollback:
      return "rollback";
  }
  return "deploy";
}

std::string Notice::text() const {
  static char const* const verbs[] = {"deployed", "promoted to", "rolled back"};
  std::string out = (actor.empty() ? std::string("someone") : actor) + " " +
                    verbs[static_cast<int>(kind)] + " " + app;
  if (!environment.empty() && environment != app) out += " (" + environment + ")";
  auto const v = versions(*this);
  if (!v.empty()) out += " " + v;
  if (!description.empty()) out += ": " + description;
  for (auto const& [label, url] : links) {
    if (label == "activity") out += " " + url;
  }
  return clean(out);
}

std::string Notice::to_json() const {
  nlohmann::json j;
  j["text"] = text();
  j["kind"] = to_string(kind);
  j["app"] = app;
  j["environment"] = environment;
  j["actor"] = actor;
  j["from_version"] = from_version ? nlohmann::json(*from_version) : nlohmann::json(nullptr);
  j["to_version"] = to_version ? nlohmann::json(*to_version) : nlohmann::json(nullptr);
  j["description"] = clean(description);
  j["commit"] = commit;
  j["note"] = note;
  j["links"] = nlohmann::json::object();
  for (auto const& [label, url] : links)
    j["links"][label] = url;
  j["time"] = time.to_string();
  j["action_id"] = action_id;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::pair<std::string, std::string>> dashboard_links(std::string_view app,
                                                                 std::string_view dashboard) {
  std::string base(dashboard);
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  std::string const page = base + "/apps/" + std::string(app);
  return {{"dashboard", page}, {"activity", page + "/activity"}};
}

Notice deploy_notice(Client const& client, DeployPlan const& plan, DeployResult const& result) {
  Notice n;
  n.kind = plan.upstream_app.empty() ? NoticeKind::deploy : NoticeKind::promotion;
  n.app = result.app.empty() ? plan.app : result.app;
  n.environment = plan.environment;
  n.actor = plan.actor;
  n.to_version = result.release.version;
  if (!plan.running_release_id.empty()) {
    auto before = client.app(n.app).releases().info(plan.running_release_id);
    if (before) n.from_version = before->version;
  }
  n.description = result.release.description;
  n.commit = result.released_commit;
  n.note = result.release_note;
  n.links = dashboard_links(n.app);
  n.time = result.release.created_at;
  return n;
}

Notice rollback_notice(std::string_view app, std::string_view actor,
                       ops::RollbackResult const& result) {
  Notice n;
  n.kind = NoticeKind::rollback;
  n.app = std::string(app);
  n.actor = std::string(actor);
  n.from_version = result.from_version;
  n.to_version = result.release.version;
  n.description = result.release.description;
  n.note = result.reminder;
  n.links = dashboard_links(app);
  n.time = result.release.created_at;
  return n;
}

Notice promotion_notice(std::string_view source, std::string_view target, std::string_view actor,
                        std::optional<std::int64_t> from_version, Release const& to) {
  Notice n;
  n.kind = NoticeKind::promotion;
  n.app = std::string(target);
  n.actor = std::string(actor);
  n.from_version = from_version;
  n.to_version = to.version;
  n.description = to.description;
  n.note = "promoted from " + std::string(source);
  n.links = dashboard_links(target);
  n.time = to.created_at;
  return n;
}

}  // namespace herokupp::workflow
