// Endpoints: pipelines, couplings, latest releases and deployments, promotions.
#include "json_access.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

constexpr char const* kStages[] = {"test", "review", "development", "staging", "production"};

}  // namespace

namespace {
bool pipeline_visible(Platform::Impl& impl, Account const& account, Pipeline const& p) {
  if (p.owner_id == account.id) return true;
  for (auto const& [id, c] : impl.couplings) {
    if (c.pipeline_id != p.id) continue;
    auto app = impl.apps.find(c.app_id);
    if (app != impl.apps.end() && impl.can_access(account, app->second)) return true;
  }
  return false;
}

Pipeline& visible_pipeline(Platform::Impl& impl, HandlerContext& ctx, std::string_view identity) {
  Pipeline& p = impl.pipeline_for(identity);
  if (!pipeline_visible(impl, ctx.account, p)) {
    fail(403, "forbidden", "You do not have access to the pipeline " + p.name + ".");
  }
  return p;
}
}  // namespace

// --- pipelines -------------------------------------------------------------

Reply Platform::Impl::pipeline_create(HandlerContext& ctx) {
  std::string name = string_at(ctx.body, "name").value_or("");
  for (auto const& [id, p] : pipelines) {
    if (p.name == name) fail(422, "invalid_params", "Name has already been taken.");
  }
  Pipeline p;
  p.id = new_id();
  p.name = name;
  p.owner_id = ctx.account.id;
  if (auto it = ctx.body.find("owner"); it != ctx.body.end() && it->is_object()) {
    p.owner_type = string_at(*it, "type").value_or("user");
    if (p.owner_type == "user") p.owner_id = ctx.account.id;
  }
  p.created_at = p.updated_at = ctx.now;
  std::string const id = p.id;
  return ok(render(pipelines.emplace(id, std::move(p)).first->second), 201);
}

Reply Platform::Impl::pipeline_info(HandlerContext& ctx) {
  return ok(render(visible_pipeline(*this, ctx, ctx.param("pipeline_identity"))));
}

Reply Platform::Impl::pipeline_list(HandlerContext& ctx) {
  json items = json::array();
  for (auto const& [id, p] : pipelines) {
    if (pipeline_visible(*this, ctx.account, p)) items.push_back(render(p));
  }
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::pipeline_update(HandlerContext& ctx) {
  Pipeline& p = visible_pipeline(*this, ctx, ctx.param("pipeline_id"));
  if (auto name = string_at(ctx.body, "name"); name && *name != p.name) {
    for (auto const& [id, other] : pipelines) {
      if (other.name == *name) fail(422, "invalid_params", "Name has already been taken.");
    }
    p.name = *name;
  }
  p.updated_at = ctx.now;
  return ok(render(p));
}

Reply Platform::Impl::pipeline_delete(HandlerContext& ctx) {
  Pipeline& p = visible_pipeline(*this, ctx, ctx.param("pipeline_id"));
  json body = render(p);
  std::string const id = p.id;
  for (auto c = couplings.begin(); c != couplings.end();) {
    c = c->second.pipeline_id == id ? couplings.erase(c) : std::next(c);
  }
  pipelines.erase(id);
  return ok(std::move(body));
}

// --- couplings -------------------------------------------------------------

namespace {
Coupling& find_coupling(Platform::Impl& impl, HandlerContext& ctx, std::string const& id) {
  auto it = impl.couplings.find(id);
  if (it == impl.couplings.end()) fail(404, "not_found", "Couldn't find that pipeline coupling.");
  impl.app_for(ctx, it->second.app_id);
  return it->second;
}

void check_stage(std::string const& stage) {
  if (std::none_of(std::begin(kStages), std::end(kStages),
                   [&](char const* s) { return stage == s; })) {
    fail(422, "invalid_params", "Stage is not a pipeline stage.");
  }
}
}  // namespace

Reply Platform::Impl::coupling_create(HandlerContext& ctx) {
  App& app = app_for(ctx, ref_at(ctx.body, "app").value_or(""));
  Pipeline& p = visible_pipeline(*this, ctx, ref_at(ctx.body, "pipeline").value_or(""));
  std::string stage = string_at(ctx.body, "stage").value_or("");
  check_stage(stage);
  for (auto const& [id, c] : couplings) {
    if (c.app_id == app.id) fail(422, "invalid_params", app.name + " is already in a pipeline.");
  }
  Coupling c;
  c.id = new_id();
  c.pipeline_id = p.id;
  c.app_id = app.id;
  c.stage = stage;
  c.created_at = c.updated_at = ctx.now;
  std::string const id = c.id;
  return ok(render(couplings.emplace(id, std::move(c)).first->second), 201);
}

Reply Platform::Impl::coupling_info(HandlerContext& ctx) {
  return ok(render(find_coupling(*this, ctx, ctx.param("pipeline_coupling_identity"))));
}

Reply Platform::Impl::coupling_info_by_app(HandlerContext& ctx) {
  App& app = app_param(ctx);
  for (auto const& [id, c] : couplings) {
    if (c.app_id == app.id) return ok(render(c));
  }
  fail(404, "not_found", "Couldn't find that pipeline coupling.");
}

Reply Platform::Impl::coupling_list(HandlerContext& ctx) {
  json items = json::array();
  for (auto const& [id, c] : couplings) {
    auto app = apps.find(c.app_id);
    if (app != apps.end() && can_access(ctx.account, app->second)) items.push_back(render(c));
  }
  return list(std::move(items), {"id"});
}

Reply Platform::Impl::coupling_list_by_pipeline(HandlerContext& ctx) {
  Pipeline& p = visible_pipeline(*this, ctx, ctx.param("pipeline_id"));
  json items = json::array();
  for (auto const& [id, c] : couplings) {
    if (c.pipeline_id == p.id) items.push_back(render(c));
  }
  return list(std::move(items), {"id"});
}

Reply Platform::Impl::coupling_update(HandlerContext& ctx) {
  Coupling& c = find_coupling(*this, ctx, ctx.param("pipeline_coupling_identity"));
  if (auto stage = string_at(ctx.body, "stage")) {
    check_stage(*stage);
    c.stage = *stage;
  }
  c.updated_at = ctx.now;
  return ok(render(c));
}

Reply Platform::Impl::coupling_delete(HandlerContext& ctx) {
  Coupling& c = find_coupling(*this, ctx, ctx.param("pipeline_coupling_identity"));
  json body = render(c);
  couplings.erase(c.id);
  return ok(std::move(body));
}

// --- latest releases and deployments ---------------------------------------

Reply Platform::Impl::pipeline_latest_releases(HandlerContext& ctx) {
  Pipeline& p = visible_pipeline(*this, ctx, ctx.param("pipeline_id"));
  json items = json::array();
  for (auto const& [id, c] : couplings) {
    if (c.pipeline_id != p.id) continue;
    App& app = apps.at(c.app_id);
    if (Release* r = current_release(app)) items.push_back(render_release(app, *r));
  }
  return list(std::move(items), {"id", "version"});
}

Reply Platform::Impl::pipeline_latest_deployments(HandlerContext& ctx) {
  Pipeline& p = visible_pipeline(*this, ctx, ctx.param("pipeline_id"));
  json items = json::array();
  for (auto const& [id, c] : couplings) {
    if (c.pipeline_id != p.id) continue;
    App& app = apps.at(c.app_id);
    for (auto it = app.releases.rbegin(); it != app.releases.rend(); ++it) {
      if (it->kind == ReleaseKind::deploy || it->kind == ReleaseKind::promote) {
        items.push_back(render_release(app, *it));
        break;
      }
    }
  }
  return list(std::move(items), {"id", "version"});
}

// --- promotions ------------------------------------------------------------

Reply Platform::Impl::promotion_create(HandlerContext& ctx) {
  Pipeline& p = visible_pipeline(*this, ctx, ref_at(ctx.body, "pipeline").value_or(""));
  json const& source = ctx.body.at("source");
  App& source_app = app_for(ctx, ref_at(source, "app").value_or(""));
  auto coupled = [&](std::string const& app_id) {
    return std::any_of(couplings.begin(), couplings.end(), [&](auto const& entry) {
      return entry.second.app_id == app_id && entry.second.pipeline_id == p.id;
    });
  };
  if (!coupled(source_app.id)) {
    fail(422, "invalid_params", source_app.name + " is not in the pipeline " + p.name + ".");
  }
  Release* release = nullptr;
  if (auto id = ref_at(source, "release")) {
    release = release_by_identity(source_app, *id);
    if (release == nullptr) fail(404, "not_found", "Couldn't find that release.");
  } else {
    release = current_release(source_app);
  }
  if (release == nullptr || release->slug_id.empty() || slug_by_id(release->slug_id) == nullptr) {
    fail(422, "invalid_params", "The source app has no release with a slug to promote.");
  }
  Promotion promotion;
  promotion.id = new_id();
  promotion.pipeline_id = p.id;
  promotion.source_app_id = source_app.id;
  promotion.source_release_id = release->id;
  promotion.user_id = ctx.account.id;
  promotion.created_at = ctx.now;
  auto const& targets = ctx.body.at("targets");
  if (targets.empty()) fail(422, "invalid_params", "Invalid params: `targets` must not be empty.");
  for (auto const& t : targets) {
    App& target = app_for(ctx, ref_at(t, "app").value_or(""));
    if (!coupled(target.id)) {
      fail(422, "invalid_params", target.name + " is not in the pipeline " + p.name + ".");
    }
    if (target.id == source_app.id)
      fail(422, "invalid_params", "An app cannot be promoted to itself.");
    PromotionTarget pt;
    pt.id = new_id();
    pt.app_id = target.id;
    promotion.targets.push_back(std::move(pt));
  }
  std::string const id = promotion.id;
  promotions.emplace(id, std::move(promotion));
  schedule(ctx.now + options.promotion_duration,
           [this, id](TimePoint at) { complete_promotion(id, at); });
  return ok(render(promotions.at(id)), 201);
}

namespace {
Promotion& find_promotion(Platform::Impl& impl, HandlerContext& ctx, std::string const& id) {
  auto it = impl.promotions.find(id);
  if (it == impl.promotions.end()) fail(404, "not_found", "Couldn't find that promotion.");
  auto pipeline = impl.pipelines.find(it->second.pipeline_id);
  if (pipeline != impl.pipelines.end() && !pipeline_visible(impl, ctx.account, pipeline->second)) {
    fail(403, "forbidden", "You do not have access to that promotion.");
  }
  return it->second;
}
}  // namespace

Reply Platform::Impl::promotion_info(HandlerContext& ctx) {
  return ok(render(find_promotion(*this, ctx, ctx.param("pipeline_promotion_identity"))));
}

Reply Platform::Impl::promotion_target_list(HandlerContext& ctx) {
  Promotion& p = find_promotion(*this, ctx, ctx.param("pipeline_promotion_id"));
  json items = json::array();
  for (auto const& t : p.targets)
    items.push_back(render(p, t));
  return list(std::move(items), {"id"});
}

}  // namespace herokupp::sim
