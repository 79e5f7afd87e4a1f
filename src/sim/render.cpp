// The JSON shapes of the Platform API, as api.heroku.com sends them.
#include "catalogue.hpp"
#include "platform_impl.hpp"

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

json region_ref(std::string const& name) {
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    if (name == kRegions[i].name) return {{"id", kRegions[i].id}, {"name", name}};
  }
  return {{"id", kRegions[0].id}, {"name", name}};
}

json stack_ref(std::string const& name) {
  for (std::size_t i = 0; i < kStackCount; ++i) {
    if (name == kStacks[i].name) return {{"id", kStacks[i].id}, {"name", name}};
  }
  return {{"id", kStacks[0].id}, {"name", name}};
}

}  // namespace

json Platform::Impl::render(Account const& a) const {
  return {
      {"allow_tracking", a.allow_tracking},
      {"beta", a.beta},
      {"created_at", iso(a.created_at)},
      {"email", a.email},
      {"federated", false},
      {"id", a.id},
      {"identity_provider", nullptr},
      {"last_login", iso(a.updated_at)},
      {"name", a.name.empty() ? json(nullptr) : json(a.name)},
      {"sms_number", nullptr},
      {"suspended_at", nullptr},
      {"delinquent_at", nullptr},
      {"two_factor_authentication", false},
      {"updated_at", iso(a.updated_at)},
      {"verified", true},
      {"country_of_residence", nullptr},
      {"default_organization", nullptr},
      {"default_team", nullptr},
  };
}

json Platform::Impl::render(App const& app) const {
  auto const& owner = accounts.at(app.owner_id);
  auto team_ref = [this](std::string const& id) -> json {
    auto t = teams.find(id);
    if (t == teams.end()) return nullptr;
    return {{"id", t->second.id}, {"name", t->second.name}};
  };
  // A team app is owned by the team's own account, as the API shows it:
  // `<team>@herokumanager.com` (the CLI reads "(team)" from that address).
  json owner_ref = {{"email", owner.email}, {"id", owner.id}};
  if (auto t = teams.find(app.team_id); t != teams.end())
    owner_ref = {{"email", t->second.name + "@herokumanager.com"}, {"id", t->second.id}};
  std::int64_t slug_size = 0;
  std::string buildpack;
  for (auto it = app.releases.rbegin(); it != app.releases.rend(); ++it) {
    if (it->version != app.current_version) continue;
    if (auto s = slugs.find(it->slug_id); s != slugs.end()) {
      slug_size = s->second.size;
      buildpack = s->second.buildpack_description;
    }
    break;
  }
  return {
      {"acm", app.acm},
      {"archived_at", nullptr},
      {"buildpack_provided_description", buildpack.empty() ? json(nullptr) : json(buildpack)},
      {"build_stack", stack_ref(app.build_stack)},
      {"created_at", iso(app.created_at)},
      {"generation", {{"id", kGenerationId}, {"name", "cedar"}}},
      {"git_url", "https://git.heroku.com/" + app.name + ".git"},
      {"id", app.id},
      {"internal_routing", nullptr},
      {"maintenance", app.maintenance},
      {"name", app.name},
      {"owner", owner_ref},
      {"organization", team_ref(app.team_id)},
      {"team", team_ref(app.team_id)},
      {"region", region_ref(app.region)},
      {"released_at", iso_or_null(app.released_at)},
      {"repo_size", nullptr},
      {"slug_size", slug_size > 0 ? json(slug_size) : json(nullptr)},
      {"space", nullptr},
      {"stack", stack_ref(app.stack)},
      {"updated_at", iso(app.updated_at)},
      {"web_url", "https://" + app.name + "-" + app.id.substr(0, 12) + ".herokuapp.com/"},
  };
}

json Platform::Impl::render_release(App const& app, Release const& r) const {
  auto const user = accounts.find(r.user_id);
  json artifacts = json::array();
  json slug = nullptr;
  if (!r.slug_id.empty()) {
    artifacts.push_back({{"type", "slug"}, {"id", r.slug_id}});
    slug = {{"id", r.slug_id}};
  }
  return {
      {"addon_plan_names", json::array()},
      {"artifacts", artifacts},
      {"app", {{"name", app.name}, {"id", app.id}}},
      {"created_at", iso(r.created_at)},
      {"description", r.description},
      {"id", r.id},
      {"updated_at", iso(r.updated_at)},
      {"slug", slug},
      {"status", r.status},
      {"user", user == accounts.end()
                   ? json{{"id", r.user_id}, {"email", "unknown@example.com"}}
                   : json{{"id", user->second.id}, {"email", user->second.email}}},
      {"version", r.version},
      {"current", r.version == app.current_version},
      {"output_stream_url", nullptr},
      {"eligible_for_rollback", r.status == "succeeded" && r.version != app.current_version},
  };
}

json Platform::Impl::render(App const& app, Formation const& f) const {
  std::string size_id = kDynoSizes[0].id;
  for (std::size_t i = 0; i < kDynoSizeCount; ++i) {
    if (f.size == kDynoSizes[i].name) size_id = kDynoSizes[i].id;
  }
  return {
      {"app", {{"name", app.name}, {"id", app.id}}},
      {"command", f.command},
      {"created_at", iso(f.created_at)},
      {"dyno_size", {{"id", size_id}, {"name", f.size}}},
      {"id", f.id},
      {"quantity", f.quantity},
      {"size", f.size},
      {"type", f.type},
      {"updated_at", iso(f.updated_at)},
  };
}

json Platform::Impl::render(App const& app, Dyno const& d) const {
  return {
      {"attach_url",
       d.attach ? json("rendezvous://rendezvous.runtime.heroku.com:5000/" + d.id) : json(nullptr)},
      {"command", d.command},
      {"created_at", iso(d.created_at)},
      {"id", d.id},
      {"name", d.name},
      {"release", {{"id", d.release_id}, {"version", d.release_version}}},
      {"app", {{"name", app.name}, {"id", app.id}}},
      {"size", d.size},
      {"state", d.state},
      {"type", d.type},
      {"updated_at", iso(d.updated_at)},
  };
}

json Platform::Impl::render(App const& app, Build const& b) const {
  auto const user = accounts.find(b.user_id);
  auto opt = [](std::optional<std::string> const& s) { return s ? json(*s) : json(nullptr); };
  return {
      {"app", {{"id", app.id}}},
      {"buildpacks", b.buildpacks},
      {"created_at", iso(b.created_at)},
      {"generation", "cedar"},
      {"id", b.id},
      {"output_stream_url", options.base_url + "/__sim/builds/" + b.id + "/output"},
      {"source_blob",
       {{"checksum", opt(b.source_checksum)},
        {"url", b.source_url},
        {"version", opt(b.source_version)},
        {"version_description", opt(b.source_version_description)}}},
      {"release", b.release_id.empty() ? json(nullptr) : json{{"id", b.release_id}}},
      {"slug", b.slug_id.empty() ? json(nullptr) : json{{"id", b.slug_id}}},
      {"stack", b.stack},
      {"status", b.status},
      {"updated_at", iso(b.updated_at)},
      {"user", user == accounts.end()
                   ? json{{"id", b.user_id}, {"email", "unknown@example.com"}}
                   : json{{"id", user->second.id}, {"email", user->second.email}}},
  };
}

json Platform::Impl::render(Slug const& s) const {
  json process_types = json::object();
  for (auto const& [type, command] : s.process_types)
    process_types[type] = command;
  auto text = [](std::string const& v) { return v.empty() ? json(nullptr) : json(v); };
  return {
      {"blob", {{"method", "get"}, {"url", options.base_url + "/__sim/slugs/" + s.id + ".tgz"}}},
      {"buildpack_provided_description", text(s.buildpack_description)},
      {"checksum", text(s.checksum)},
      {"commit", text(s.commit)},
      {"commit_description", text(s.commit_description)},
      {"created_at", iso(s.created_at)},
      {"id", s.id},
      {"process_types", process_types},
      {"size", s.size > 0 ? json(s.size) : json(nullptr)},
      {"stack", stack_ref(s.stack)},
      {"updated_at", iso(s.updated_at)},
      {"deleted_at", nullptr},
  };
}

json Platform::Impl::render(App const& app, Webhook const& w) const {
  return {
      {"app", {{"id", app.id}, {"name", app.name}}},
      {"created_at", iso(w.created_at)},
      {"id", w.id},
      {"include", w.include},
      {"level", w.level},
      {"updated_at", iso(w.updated_at)},
      {"url", w.url},
  };
}

json Platform::Impl::render(App const& app, Collaborator const& c) const {
  auto const& user = accounts.at(c.account_id);
  json permissions = json::array();
  for (auto const& name : c.permissions) {
    for (std::size_t i = 0; i < kTeamPermissionCount; ++i) {
      if (name == kTeamPermissions[i].name)
        permissions.push_back({{"name", name}, {"description", kTeamPermissions[i].description}});
    }
  }
  return {
      {"app", {{"name", app.name}, {"id", app.id}}},
      {"created_at", iso(c.created_at)},
      {"id", c.id},
      {"permissions", permissions},
      {"role", c.role},
      {"updated_at", iso(c.updated_at)},
      {"user", {{"email", user.email}, {"federated", false}, {"id", user.id}}},
  };
}

json detail::render_feature(FeatureInfo const& f,
                            std::map<std::string, FeatureState> const& overrides,
                            TimePoint created_at) {
  bool enabled = f.enabled_by_default;
  TimePoint updated = created_at;
  if (auto it = overrides.find(f.name); it != overrides.end()) {
    enabled = it->second.enabled;
    updated = it->second.updated_at;
  }
  return {
      {"created_at", iso(created_at)},
      {"description", f.description},
      {"doc_url", std::string("https://devcenter.heroku.com/articles/") + f.name},
      {"enabled", enabled},
      {"id", f.id},
      {"name", f.name},
      {"state", f.state},
      {"updated_at", iso(updated)},
      {"display_name", f.display_name},
      {"feedback_email", "feedback@heroku.com"},
  };
}

json Platform::Impl::render_feature(App const& app, std::size_t index) const {
  return detail::render_feature(kFeatures[index], app.features, app.created_at);
}

json Platform::Impl::render(Pipeline const& p) const {
  return {
      {"created_at", iso(p.created_at)},
      {"id", p.id},
      {"name", p.name},
      {"owner", {{"id", p.owner_id}, {"type", p.owner_type}}},
      {"updated_at", iso(p.updated_at)},
      {"generation", {{"id", kGenerationId}, {"name", "cedar"}}},
  };
}

json Platform::Impl::render(Coupling const& c) const {
  return {
      {"app", {{"id", c.app_id}}},
      {"created_at", iso(c.created_at)},
      {"id", c.id},
      {"pipeline", {{"id", c.pipeline_id}}},
      {"stage", c.stage},
      {"updated_at", iso(c.updated_at)},
  };
}

json Platform::Impl::render(Promotion const& p) const {
  return {
      {"created_at", iso(p.created_at)},
      {"id", p.id},
      {"pipeline", {{"id", p.pipeline_id}}},
      {"source", {{"app", {{"id", p.source_app_id}}}, {"release", {{"id", p.source_release_id}}}}},
      {"status", p.status},
      {"updated_at", iso_or_null(p.updated_at)},
  };
}

json Platform::Impl::render(Promotion const& p, PromotionTarget const& t) const {
  return {
      {"app", {{"id", t.app_id}}},
      {"error_message", t.error_message ? json(*t.error_message) : json(nullptr)},
      {"id", t.id},
      {"pipeline_promotion", {{"id", p.id}}},
      {"release", t.release_id.empty() ? json(nullptr) : json{{"id", t.release_id}}},
      {"status", t.status},
  };
}

json Platform::Impl::render_config(Config const& config) const {
  json out = json::object();
  for (auto const& [k, v] : config)
    out[k] = v;
  return out;
}

}  // namespace herokupp::sim
