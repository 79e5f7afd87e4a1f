// What happens on the platform when apps change: releases, config, scaling,
// dyno restarts, builds and promotions finishing in (virtual) time.
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

Release* Platform::Impl::current_release(App& app) {
  for (auto it = app.releases.rbegin(); it != app.releases.rend(); ++it) {
    if (it->version == app.current_version) return &*it;
  }
  return nullptr;
}

App& Platform::Impl::create_app(std::string name, Account const& owner, TimePoint now,
                                std::string region, std::string stack) {
  App app;
  app.id = new_id();
  app.name = std::move(name);
  app.owner_id = owner.id;
  app.region = std::move(region);
  app.stack = stack;
  app.build_stack = std::move(stack);
  app.created_at = app.updated_at = now;
  app.config = std::make_shared<Config const>();
  std::string const id = app.id;
  app_ids_by_name[app.name] = id;
  App& stored = apps.emplace(id, std::move(app)).first->second;
  log_line(stored, now, "app[api]", "App created by user " + owner.email);
  create_release(stored, "Initial release", ReleaseKind::initial, "", stored.config, owner.id, now);
  create_release(stored, "Enable Logplex by user " + owner.email, ReleaseKind::other, "",
                 stored.config, owner.id, now);
  return stored;
}

void Platform::Impl::delete_app(std::string const& app_id) {
  auto it = apps.find(app_id);
  if (it == apps.end()) return;
  app_ids_by_name.erase(it->second.name);
  for (auto c = couplings.begin(); c != couplings.end();) {
    c = c->second.app_id == app_id ? couplings.erase(c) : std::next(c);
  }
  for (auto s = slugs.begin(); s != slugs.end();) {
    s = s->second.app_id == app_id ? slugs.erase(s) : std::next(s);
  }
  for (auto l = log_sessions.begin(); l != log_sessions.end();) {
    l = l->second.app_id == app_id ? log_sessions.erase(l) : std::next(l);
  }
  drop_addons_of(app_id);
  apps.erase(it);
}

Release& Platform::Impl::create_release(App& app, std::string description, ReleaseKind kind,
                                        std::string slug_id, ConfigPtr config,
                                        std::string const& user_id, TimePoint now) {
  Release r;
  r.id = new_id();
  r.version = app.releases.empty() ? 1 : app.releases.back().version + 1;
  r.description = std::move(description);
  r.kind = kind;
  r.slug_id = std::move(slug_id);
  r.user_id = user_id;
  r.config = config ? std::move(config) : app.config;
  r.created_at = r.updated_at = now;
  bool const can_fail =
      kind == ReleaseKind::deploy || kind == ReleaseKind::promote || kind == ReleaseKind::rollback;
  auto user = accounts.find(user_id);
  std::string const email = user == accounts.end() ? std::string("unknown") : user->second.email;
  if (can_fail && app.fail_next_release) {
    r.status = "failed";
    log_line(app, now, "app[api]",
             "Release v" + std::to_string(r.version) + " failed: " + *app.fail_next_release);
    app.fail_next_release.reset();
    app.releases.push_back(std::move(r));
    publish_webhook_event(app, "api:release", "create", render_release(app, app.releases.back()),
                          user_id, now);
    return app.releases.back();
  }
  bool const ships_code = kind == ReleaseKind::deploy || kind == ReleaseKind::promote;
  if (ships_code && app.crash_next_release) {
    app.crashing_slug_id = r.slug_id;
    app.crash_message = std::move(*app.crash_next_release);
    app.crash_next_release.reset();
  }
  app.current_version = r.version;
  app.released_at = now;
  app.updated_at = now;
  app.config = r.config;
  // Heroku logs what a release did, then that it was created.
  log_line(app, now, "app[api]", r.description + " by user " + email);
  log_line(app, now, "app[api]",
           "Release v" + std::to_string(r.version) + " created by user " + email);
  std::string const release_id = r.id;
  std::int64_t const version = r.version;
  app.releases.push_back(std::move(r));
  for (auto& dyno : app.dynos) {
    if (dyno.one_off) continue;
    dyno.release_id = release_id;
    dyno.release_version = version;
    restart_dyno(app, dyno, now);
  }
  publish_webhook_event(app, "api:release", "create", render_release(app, app.releases.back()),
                        user_id, now);
  return app.releases.back();
}

Release* Platform::Impl::patch_config(App& app, json const& patch, std::string const& user_id,
                                      TimePoint now) {
  auto next = std::make_shared<Config>(*app.config);
  std::vector<std::string> set;
  std::vector<std::string> removed;
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (it.value().is_null()) {
      if (next->erase(it.key()) > 0) removed.push_back(it.key());
    } else if (it.value().is_string()) {
      auto& slot = (*next)[it.key()];
      if (slot != it.value().get_ref<std::string const&>() || app.config->count(it.key()) == 0) {
        slot = it.value().get<std::string>();
        set.push_back(it.key());
      }
    }
  }
  if (set.empty() && removed.empty()) return nullptr;
  auto join = [](std::vector<std::string> const& names) {
    std::string out;
    for (auto const& n : names)
      out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::string description;
  if (removed.empty()) {
    description = "Set " + join(set) + " config vars";
  } else if (set.empty()) {
    description = "Remove " + join(removed) + " config vars";
  } else {
    std::vector<std::string> all = set;
    all.insert(all.end(), removed.begin(), removed.end());
    description = "Update " + join(all) + " config vars";
  }
  Release const* current = current_release(app);
  std::string slug = current != nullptr ? current->slug_id : std::string();
  return &create_release(app, description, ReleaseKind::config, std::move(slug), std::move(next),
                         user_id, now);
}

Release& Platform::Impl::rollback(App& app, Release const& target, std::string const& user_id,
                                  TimePoint now) {
  std::string const description = "Rollback to v" + std::to_string(target.version);
  std::string const slug = target.slug_id;
  ConfigPtr const config = target.config;
  return create_release(app, description, ReleaseKind::rollback, slug, config, user_id, now);
}

Release& Platform::Impl::deploy_slug(App& app, Slug const& slug, std::string description,
                                     std::string const& user_id, TimePoint now, ReleaseKind kind) {
  if (description.empty()) {
    description =
        "Deploy " + (slug.commit.empty() ? slug.id.substr(0, 8) : short_commit(slug.commit));
  }
  // A deploy brings the process types its slug declares (new ones with no dynos yet).
  for (auto const& [type, command] : slug.process_types) {
    auto it = app.formation.find(type);
    if (it == app.formation.end()) {
      Formation f;
      f.id = new_id();
      f.type = type;
      f.command = command;
      f.created_at = f.updated_at = now;
      app.formation.emplace(type, std::move(f));
    } else {
      it->second.command = command;
    }
  }
  return create_release(app, std::move(description), kind, slug.id, app.config, user_id, now);
}

Slug& Platform::Impl::create_slug(App& app, std::string commit, TimePoint now) {
  Slug s;
  s.id = new_id();
  s.app_id = app.id;
  s.commit = std::move(commit);
  s.stack = app.build_stack;
  s.size = 48'000'000 + static_cast<std::int64_t>(id_state % 8'000'000);
  s.checksum = "SHA256:" + new_token() + new_token();
  s.buildpack_description = "Ruby/Rack";
  s.created_at = s.updated_at = now;
  // The process types of the current slug, or a web process.
  if (Release const* current = current_release(app)) {
    if (Slug const* previous = slug_by_id(current->slug_id))
      s.process_types = previous->process_types;
  }
  if (s.process_types.empty()) {
    for (auto const& [type, f] : app.formation)
      s.process_types[type] = f.command;
  }
  if (s.process_types.empty()) s.process_types["web"] = "bundle exec puma -C config/puma.rb";
  std::string const id = s.id;
  return slugs.emplace(id, std::move(s)).first->second;
}

bool Platform::Impl::runs_crashing_slug(App const& app, Dyno const& dyno) const {
  if (app.crashing_slug_id.empty() || dyno.one_off) return false;
  for (auto const& r : app.releases) {
    if (r.id == dyno.release_id) return r.slug_id == app.crashing_slug_id;
  }
  return false;
}

void Platform::Impl::restart_dyno(App& app, Dyno& dyno, TimePoint now) {
  if (dyno.state != "starting") {
    log_line(app, now, "heroku[" + dyno.name + "]",
             "State changed from " + dyno.state + " to starting");
  }
  dyno.state = "starting";
  dyno.updated_at = now;
  std::string const app_id = app.id;
  std::string const dyno_id = dyno.id;
  schedule(now + options.dyno_boot_duration, [this, app_id, dyno_id, now](TimePoint at) {
    auto a = apps.find(app_id);
    if (a == apps.end()) return;
    for (auto& d : a->second.dynos) {
      if (d.id != dyno_id || d.state != "starting" || d.updated_at != now) continue;
      d.updated_at = at;
      if (runs_crashing_slug(a->second, d)) {
        d.state = "crashed";
        log_line(a->second, at, "app[" + d.name + "]", a->second.crash_message);
        log_line(a->second, at, "heroku[" + d.name + "]", "Process exited with status 1");
        log_line(a->second, at, "heroku[" + d.name + "]", "State changed from starting to crashed");
        continue;
      }
      d.state = "up";
      log_line(a->second, at, "heroku[" + d.name + "]", "State changed from starting to up");
    }
  });
}

void Platform::Impl::scale(App& app, Formation& f, int quantity, TimePoint now) {
  f.quantity = quantity;
  f.updated_at = now;
  auto number_of = [&](Dyno const& d) { return std::atoi(d.name.c_str() + f.type.size() + 1); };
  app.dynos.erase(std::remove_if(app.dynos.begin(), app.dynos.end(),
                                 [&](Dyno const& d) {
                                   return !d.one_off && d.type == f.type && number_of(d) > quantity;
                                 }),
                  app.dynos.end());
  Release const* current = current_release(app);
  std::string const release_id = current != nullptr ? current->id : std::string();
  for (int n = 1; n <= quantity; ++n) {
    std::string name = f.type + "." + std::to_string(n);
    bool exists = std::any_of(app.dynos.begin(), app.dynos.end(),
                              [&](Dyno const& d) { return d.name == name; });
    if (exists) {
      for (auto& d : app.dynos) {
        if (d.name == name) d.size = f.size;
      }
      continue;
    }
    Dyno d;
    d.id = new_id();
    d.name = std::move(name);
    d.type = f.type;
    d.size = f.size;
    d.command = f.command;
    d.release_id = release_id;
    d.release_version = app.current_version;
    d.created_at = d.updated_at = now;
    d.state = "up";  // so that restart_dyno logs the transition
    app.dynos.push_back(std::move(d));
    restart_dyno(app, app.dynos.back(), now);
  }
  log_line(app, now, "app[api]",
           "Scaled to " + f.type + "@" + std::to_string(quantity) + ":" + f.size);
}

void Platform::Impl::complete_build(std::string const& app_id, std::string const& build_id,
                                    TimePoint at) {
  auto a = apps.find(app_id);
  if (a == apps.end()) return;
  App& app = a->second;
  Build* build = nullptr;
  for (auto& b : app.builds) {
    if (b.id == build_id) build = &b;
  }
  if (build == nullptr || build->status != "pending") return;
  build->updated_at = at;
  if (build->source_url.find("fail") != std::string::npos) {
    build->status = "failed";
    log_line(app, at, "app[api]", "Build failed");
    return;
  }
  std::string commit = build->source_version.value_or("");
  Slug& slug = create_slug(app, commit, at);
  if (build->source_version_description)
    slug.commit_description = *build->source_version_description;
  build->slug_id = slug.id;
  build->status = "succeeded";
  std::string const user = build->user_id;
  Release& release = deploy_slug(app, slug, "", user, at, ReleaseKind::deploy);
  // deploy_slug may have grown app.releases, never app.builds: `build` is still valid.
  build->release_id = release.id;
}

void Platform::Impl::complete_promotion(std::string const& promotion_id, TimePoint at) {
  auto p = promotions.find(promotion_id);
  if (p == promotions.end()) return;
  Promotion& promotion = p->second;
  Slug const* slug = nullptr;
  std::string source_name = "(deleted)";
  std::int64_t source_version = 0;
  if (auto src = apps.find(promotion.source_app_id); src != apps.end()) {
    source_name = src->second.name;
    for (auto const& r : src->second.releases) {
      if (r.id == promotion.source_release_id) {
        slug = slug_by_id(r.slug_id);
        source_version = r.version;
      }
    }
  }
  for (auto& target : promotion.targets) {
    auto t = apps.find(target.app_id);
    if (t == apps.end()) {
      target.status = "failed";
      target.error_message = "Couldn't find that app.";
      continue;
    }
    if (slug == nullptr) {
      target.status = "failed";
      target.error_message = "The source release's slug is no longer available.";
      continue;
    }
    App& app = t->second;
    auto failure = app.fail_next_release;
    std::string description = "Promote " + source_name + " v" + std::to_string(source_version);
    if (!slug->commit.empty()) description += " " + short_commit(slug->commit);
    Slug copy = *slug;  // the target shares the source's slug
    Release& release =
        deploy_slug(app, copy, description, promotion.user_id, at, ReleaseKind::promote);
    target.release_id = release.id;
    if (release.status == "failed") {
      target.status = "failed";
      target.error_message = failure.value_or("Release failed.");
    } else {
      target.status = "succeeded";
    }
  }
  promotion.status = "completed";
  promotion.updated_at = at;
}

}  // namespace herokupp::sim
