// Endpoints: config vars, releases, builds, slugs, formation and dynos.
#include "catalogue.hpp"
#include "json_access.hpp"
#include "leniency.hpp"
#include "one_off.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

/// The dyno size a body names ({"dyno_size": {"name": "Standard-2X"}} or "size").
std::optional<std::string> size_in(json const& body) {
  std::optional<std::string> wanted = ref_at(body, "dyno_size", "name");
  if (!wanted) wanted = string_at(body, "size");
  if (!wanted) return std::nullopt;
  for (std::size_t i = 0; i < kDynoSizeCount; ++i) {
    std::string_view name = kDynoSizes[i].name;
    bool same = name.size() == wanted->size() &&
                std::equal(name.begin(), name.end(), wanted->begin(), [](char a, char b) {
                  return std::tolower(static_cast<unsigned char>(a)) ==
                         std::tolower(static_cast<unsigned char>(b));
                });
    if (same || *wanted == kDynoSizes[i].id) return std::string(name);
  }
  fail(422, "invalid_params", "Couldn't find that dyno size.");
}

constexpr int kMaxQuantity = 100;

}  // namespace

// --- config vars -----------------------------------------------------------

Reply Platform::Impl::config_info(HandlerContext& ctx) {
  return ok(render_config(*app_param(ctx).config));
}

Reply Platform::Impl::config_release_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Release* r = release_by_identity(app, ctx.param("release_identity"));
  if (r == nullptr) fail(404, "not_found", "Couldn't find that release.");
  return ok(render_config(*r->config));
}

Reply Platform::Impl::config_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  patch_config(app, ctx.body, ctx.account.id, ctx.now);
  return ok(render_config(*app.config));
}

// --- releases --------------------------------------------------------------

Reply Platform::Impl::release_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Release* r = release_by_identity(app, ctx.param("release_identity"));
  if (r == nullptr) fail(404, "not_found", "Couldn't find that release.");
  return ok(render_release(app, *r));
}

Reply Platform::Impl::release_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& r : app.releases)
    items.push_back(render_release(app, r));
  return list(std::move(items), {"version", "id"});
}

Reply Platform::Impl::release_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto slug_id = string_at(ctx.body, "slug").value_or("");
  Slug* slug = slug_by_id(slug_id);
  if (slug == nullptr) fail(404, "not_found", "Couldn't find that slug.");
  Slug copy = *slug;
  auto const& r = deploy_slug(app, copy, string_at(ctx.body, "description").value_or(""),
                              ctx.account.id, ctx.now, ReleaseKind::deploy);
  return ok(render_release(app, r), 201);
}

Reply Platform::Impl::release_rollback(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto identity = string_at(ctx.body, "release").value_or("");
  Release* target = release_by_identity(app, identity);
  if (target == nullptr) fail(404, "not_found", "Couldn't find that release.");
  if (target->status != "succeeded") {
    fail(422, "invalid_params",
         "Cannot roll back to v" + std::to_string(target->version) + ": that release " +
             target->status + ".");
  }
  Release const copy = *target;
  auto const& r = rollback(app, copy, ctx.account.id, ctx.now);
  return ok(render_release(app, r), 201);
}

// --- builds and slugs ------------------------------------------------------

namespace {
Build& find_build(App& app, std::string const& id) {
  for (auto& b : app.builds) {
    if (b.id == id) return b;
  }
  fail(404, "not_found", "Couldn't find that build.");
}
}  // namespace

Reply Platform::Impl::build_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json const& source = ctx.body.at("source_blob");
  Build b;
  b.id = new_id();
  b.source_url = string_at(source, "url").value_or("");
  if (b.source_url.empty())
    fail(422, "invalid_params", "Invalid params: `source_blob.url` is required.");
  b.source_version = string_at(source, "version");
  b.source_checksum = string_at(source, "checksum");
  b.source_version_description = string_at(source, "version_description");
  b.buildpacks = ctx.body.contains("buildpacks") ? ctx.body.at("buildpacks") : json(nullptr);
  b.stack = app.build_stack;
  b.user_id = ctx.account.id;
  b.created_at = b.updated_at = ctx.now;
  std::string const app_id = app.id;
  std::string const build_id = b.id;
  app.builds.push_back(std::move(b));
  log_line(app, ctx.now, "app[api]", "Build started by user " + ctx.account.email);
  schedule(ctx.now + options.build_duration,
           [this, app_id, build_id](TimePoint at) { complete_build(app_id, build_id, at); });
  return ok(render(app, app.builds.back()), 201);
}

Reply Platform::Impl::build_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render(app, find_build(app, ctx.param("build_identity"))));
}

Reply Platform::Impl::build_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& b : app.builds)
    items.push_back(render(app, b));
  return list(std::move(items), {"created_at", "id"});
}

Reply Platform::Impl::build_delete_cache(HandlerContext& ctx) {
  app_param(ctx);
  return ok(json::object(), 202);
}

Reply Platform::Impl::slug_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Slug* s = slug_by_id(ctx.param("slug_identity"));
  if (s == nullptr || s->app_id != app.id) fail(404, "not_found", "Couldn't find that slug.");
  return ok(render(*s));
}

Reply Platform::Impl::slug_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Slug& s = create_slug(app, string_at(ctx.body, "commit").value_or(""), ctx.now);
  s.commit_description = string_at(ctx.body, "commit_description").value_or("");
  if (auto v = string_at(ctx.body, "checksum")) s.checksum = *v;
  if (auto v = string_at(ctx.body, "buildpack_provided_description")) s.buildpack_description = *v;
  if (auto v = ref_at(ctx.body, "stack")) s.stack = *v;
  if (auto it = ctx.body.find("process_types"); it != ctx.body.end() && it->is_object()) {
    s.process_types.clear();
    for (auto p = it->begin(); p != it->end(); ++p) {
      if (p.value().is_string()) s.process_types[p.key()] = p.value().get<std::string>();
    }
  }
  return ok(render(s), 201);
}

// --- formation -------------------------------------------------------------

namespace {
Formation& find_formation(App& app, std::string const& identity) {
  if (auto it = app.formation.find(identity); it != app.formation.end()) return it->second;
  for (auto& [type, f] : app.formation) {
    if (f.id == identity) return f;
  }
  fail(404, "not_found", "Couldn't find that formation.");
}

int quantity_in(json const& body, int current) {
  auto q = int_at(body, "quantity");
  if (!q) return current;
  if (*q < 0 || *q > kMaxQuantity) {
    fail(422, "invalid_params",
         "Quantity must be between 0 and " + std::to_string(kMaxQuantity) + ".");
  }
  return static_cast<int>(*q);
}
}  // namespace

Reply Platform::Impl::formation_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render(app, find_formation(app, ctx.param("formation_identity"))));
}

Reply Platform::Impl::formation_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& [type, f] : app.formation)
    items.push_back(render(app, f));
  return list(std::move(items), {"id", "type"});
}

Reply Platform::Impl::formation_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Formation& f = find_formation(app, ctx.param("formation_identity"));
  int quantity = quantity_in(ctx.body, f.quantity);
  if (auto size = size_in(ctx.body)) f.size = *size;
  scale(app, f, quantity, ctx.now);
  return ok(render(app, f));
}

Reply Platform::Impl::formation_batch_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto const& updates = ctx.body.at("updates");
  // Check every update before applying any.
  std::vector<std::pair<Formation*, std::pair<int, std::optional<std::string>>>> plan;
  for (auto const& u : updates) {
    Formation& f = find_formation(app, string_at(u, "type").value_or(""));
    plan.push_back({&f, {quantity_in(u, f.quantity), size_in(u)}});
  }
  json items = json::array();
  for (auto& [f, change] : plan) {
    if (change.second) f->size = *change.second;
    scale(app, *f, change.first, ctx.now);
    items.push_back(render(app, *f));
  }
  return ok(std::move(items));
}

// --- dynos -----------------------------------------------------------------

namespace {
Dyno& find_dyno(App& app, std::string const& identity) {
  for (auto& d : app.dynos) {
    if (d.name == identity || d.id == identity) return d;
  }
  fail(404, "not_found", "Couldn't find that dyno.");
}
}  // namespace

Reply Platform::Impl::dyno_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Dyno d;
  d.id = new_id();
  d.type = string_at(ctx.body, "type").value_or("run");
  d.name = d.type + "." + std::to_string(app.next_run++);
  d.size = size_in(ctx.body).value_or("Standard-1X");
  d.command = string_at(ctx.body, "command").value_or("");
  d.attach = bool_at(ctx.body, "attach").value_or(false);
  d.one_off = true;
  Release const* current = current_release(app);
  d.release_id = current != nullptr ? current->id : "";
  d.release_version = app.current_version;
  d.created_at = d.updated_at = ctx.now;
  d.state = "up";
  auto runtime = options.one_off_duration;
  if (auto ttl = int_at(ctx.body, "time_to_live"); ttl && *ttl > 0) {
    runtime = std::min(runtime, std::chrono::seconds(*ttl));
  }
  std::string const app_id = app.id;
  std::string const dyno_id = d.id;
  // The exit status is drawn now (fail_next_run arms only the next one-off);
  // the output and the exit reach the app's log when the dyno ends.
  int const status = app.fail_next_run.value_or(0);
  app.fail_next_run.reset();
  auto output = one_off_output(d.command, status, app.config ? *app.config : Config{});
  log_line(app, ctx.now, "app[api]",
           "Starting process with command `" + d.command + "` by user " + ctx.account.email);
  app.dynos.push_back(std::move(d));
  restart_dyno(app, app.dynos.back(), ctx.now);
  schedule(ctx.now + runtime, [this, app_id, dyno_id, status, output](TimePoint at) {
    auto a = apps.find(app_id);
    if (a == apps.end()) return;
    auto& dynos = a->second.dynos;
    for (auto it = dynos.begin(); it != dynos.end(); ++it) {
      if (it->id != dyno_id) continue;
      for (auto const& line : output)
        log_line(a->second, at, "app[" + it->name + "]", line);
      log_line(a->second, at, "heroku[" + it->name + "]",
               "Process exited with status " + std::to_string(status));
      log_line(a->second, at, "heroku[" + it->name + "]", "State changed from up to complete");
      dynos.erase(it);
      break;
    }
  });
  return ok(render(app, app.dynos.back()), 201);
}

Reply Platform::Impl::dyno_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render(app, find_dyno(app, ctx.param("dyno_identity"))));
}

Reply Platform::Impl::dyno_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& d : app.dynos)
    items.push_back(render(app, d));
  return list(std::move(items), {"id", "name"});
}

// A dyno path parameter that names no dyno but a process type, where the
// real API reads it so (see leniency.cpp): the type's dynos, else nothing.
bool Platform::Impl::restart_process_type(HandlerContext& ctx, App& app) {
  auto const& identity = ctx.param("dyno_identity");
  if (!lenient(ctx.link, "dyno_identity", Coercion::process_type_as_dyno)) return false;
  if (app.formation.count(identity) == 0) return false;
  for (auto const& d : app.dynos) {
    if (d.name == identity || d.id == identity) return false;
  }
  for (auto& d : app.dynos) {
    if (d.type == identity && !d.one_off) restart_dyno(app, d, ctx.now);
  }
  return true;
}

Reply Platform::Impl::dyno_restart(HandlerContext& ctx) {
  App& app = app_param(ctx);
  if (restart_process_type(ctx, app)) return ok(json::object(), 202);
  restart_dyno(app, find_dyno(app, ctx.param("dyno_identity")), ctx.now);
  return ok(json::object(), 202);
}

Reply Platform::Impl::dyno_restart_formation(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto const& type = ctx.param("dyno_formation_type");
  if (app.formation.count(type) == 0) fail(404, "not_found", "Couldn't find that formation.");
  for (auto& d : app.dynos) {
    if (d.type == type && !d.one_off) restart_dyno(app, d, ctx.now);
  }
  return ok(json::object(), 202);
}

Reply Platform::Impl::dyno_restart_all(HandlerContext& ctx) {
  App& app = app_param(ctx);
  for (auto& d : app.dynos) {
    if (!d.one_off) restart_dyno(app, d, ctx.now);
  }
  return ok(json::object(), 202);
}

Reply Platform::Impl::dyno_stop(HandlerContext& ctx) {
  App& app = app_param(ctx);
  if (restart_process_type(ctx, app)) return ok(json::object(), 202);
  Dyno& d = find_dyno(app, ctx.param("dyno_identity"));
  if (d.one_off) {
    std::string const id = d.id;
    log_line(app, ctx.now, "heroku[" + d.name + "]", "Stopping process with SIGTERM");
    app.dynos.erase(std::remove_if(app.dynos.begin(), app.dynos.end(),
                                   [&](Dyno const& x) { return x.id == id; }),
                    app.dynos.end());
  } else {
    restart_dyno(app, d, ctx.now);  // the formation brings a stopped dyno back
  }
  return ok(json::object(), 202);
}

Reply Platform::Impl::dyno_stop_formation(HandlerContext& ctx) {
  return dyno_restart_formation(ctx);
}

}  // namespace herokupp::sim
