#include <herokupp/ops/policy.hpp>
#include <herokupp/ops/run.hpp>

#include "ops/protected_app.hpp"
#include "ops/text.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace herokupp::ops {

std::string_view to_string(Action action) noexcept {
  switch (action) {
    case Action::info:
      return "info";
    case Action::dynos:
      return "dynos";
    case Action::releases:
      return "releases";
    case Action::masked_config:
      return "masked_config";
    case Action::compare_config:
      return "compare_config";
    case Action::reveal_config:
      return "reveal_config";
    case Action::set_config:
      return "set_config";
    case Action::unset_config:
      return "unset_config";
    case Action::restart:
      return "restart";
    case Action::scale:
      return "scale";
    case Action::rollback:
      return "rollback";
    case Action::run:
      return "run";
    case Action::migrate:
      return "migrate";
    case Action::maintenance:
      return "maintenance";
    case Action::promote:
      return "promote";
    case Action::deploy:
      return "deploy";
    case Action::approve:
      return "approve";
  }
  return "unknown";
}

std::string_view to_string(ActionClass action_class) noexcept {
  switch (action_class) {
    case ActionClass::read:
      return "read";
    case ActionClass::operate:
      return "operate";
    case ActionClass::configure:
      return "configure";
    case ActionClass::reveal:
      return "reveal";
    case ActionClass::approve:
      return "approve";
  }
  return "unknown";
}

ActionClass class_of(Action action) noexcept {
  switch (action) {
    case Action::info:
    case Action::dynos:
    case Action::releases:
    case Action::masked_config:
    case Action::compare_config:
      return ActionClass::read;
    case Action::reveal_config:
      return ActionClass::reveal;
    case Action::set_config:
    case Action::unset_config:
      return ActionClass::configure;
    case Action::restart:
    case Action::scale:
    case Action::rollback:
    case Action::run:
    case Action::migrate:
    case Action::maintenance:
    case Action::promote:
    case Action::deploy:
      return ActionClass::operate;
    case Action::approve:
      return ActionClass::approve;
  }
  return ActionClass::configure;  // unreachable; the strictest class
}

namespace {

constexpr std::string_view admin_role = "admin";
constexpr std::string_view role_prefix = "heroku-";

// Heroku's app names: lower-case letters, digits and dashes. Names are
// compared lower case, so upper case is accepted and lowered.
bool valid_app_name(std::string_view app) {
  if (app.empty() || app.size() > 100) return false;
  for (char c : app) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// A hubot-auth name that earlier releases read as a class on a shorter app.
bool ambiguous_app(std::string_view app) {
  return ends_with(app, "-config") || ends_with(app, "-reveal");
}

std::optional<ActionClass> class_named(std::string_view name) {
  for (ActionClass c : {ActionClass::read, ActionClass::operate, ActionClass::configure,
                        ActionClass::reveal, ActionClass::approve}) {
    if (name == to_string(c)) return c;
  }
  return std::nullopt;
}

Error invalid(std::string message) {
  return Error(ErrorKind::invalid_argument, "policy: " + std::move(message));
}

std::string role_of(ActionClass cls, std::string_view app) {
  std::string role(role_prefix);
  role += detail::lower(app);
  if (cls == ActionClass::operate && !ambiguous_app(app)) return role;
  role += ':';
  role += to_string(cls);
  return role;
}

}  // namespace

result<Grant> Grant::parse(std::string_view role_text) {
  std::string const role = detail::lower(role_text);
  Grant g;
  if (role == admin_role) {
    g.admin = true;
    return g;
  }
  auto const bad = [&](std::string why) {
    return invalid(detail::quoted(role_text) + " is not a role: " + std::move(why));
  };
  if (role.compare(0, role_prefix.size(), role_prefix) != 0) {
    return bad("use admin, heroku-<app> or heroku-<app>:<read|operate|configure|reveal|approve>");
  }
  std::string_view rest = std::string_view(role).substr(role_prefix.size());
  std::string_view app = rest;
  g.action_class = ActionClass::operate;
  if (auto colon = rest.find(':'); colon != std::string_view::npos) {
    app = rest.substr(0, colon);
    auto cls = class_named(rest.substr(colon + 1));
    if (!cls) return bad("after ':' comes read, operate, configure, reveal or approve");
    g.action_class = *cls;
  } else if (ambiguous_app(app)) {
    std::string_view base = app.substr(0, app.size() - 7);
    std::string_view cls = ends_with(app, "-config") ? "configure" : "reveal";
    return bad("it could mean the app " + std::string(app) + " or " + std::string(cls) + " on " +
               std::string(base) + ": write heroku-" + std::string(app) + ":operate or heroku-" +
               std::string(base) + ":" + std::string(cls));
  }
  if (!valid_app_name(app)) {
    return bad("the app name must be lower-case letters, digits and dashes");
  }
  g.app = std::string(app);
  return g;
}

std::string Grant::to_string() const {
  return admin ? std::string(admin_role) : role_of(action_class, app);
}

std::string Policy::role_for(Action action, std::string_view app) {
  ActionClass cls = class_of(action);
  // Operate includes read: the role to ask for is the hubot-style one.
  if (cls == ActionClass::read) cls = ActionClass::operate;
  return role_of(cls, app);
}

Policy& Policy::grant(std::string actor, std::string_view role) {
  auto& grants = actors_[std::move(actor)];  // named with no role: still denied everything
  auto g = Grant::parse(role);
  if (!g) return *this;
  if (g->admin) {
    grants.admin = true;
  } else {
    grants.apps[g->app].insert(g->action_class);
  }
  return *this;
}

Policy& Policy::allow(std::string actor, ActionClass action_class, std::string_view app) {
  actors_[std::move(actor)].apps[detail::lower(app)].insert(action_class);
  return *this;
}

Policy& Policy::protect(std::string app) {
  protected_.insert(detail::lower(app));
  return *this;
}

Policy& Policy::allow_config_rollback(std::string app) {
  config_rollback_.insert(detail::lower(app));
  return *this;
}

Policy& Policy::require_four_eyes(std::string app) {
  four_eyes_.insert(detail::lower(app));
  return *this;
}

bool Policy::requires_four_eyes(std::string_view app) const {
  return four_eyes_.count(detail::lower(app)) != 0;
}

std::vector<std::string> Policy::four_eyes_apps() const {
  return {four_eyes_.begin(), four_eyes_.end()};
}

std::vector<std::string> Policy::approvers(std::string_view app) const {
  std::vector<std::string> out;
  for (auto const& [actor, grants] : actors_) {
    if (holds(actor, ActionClass::approve, app)) out.push_back(actor);
  }
  return out;
}

Policy& Policy::set_commands(std::vector<std::string> commands) {
  commands_ = std::move(commands);
  return *this;
}

std::vector<std::string> Policy::roles(std::string_view actor) const {
  auto it = actors_.find(actor);
  if (it == actors_.end()) return {};
  std::set<std::string> out;
  if (it->second.admin) out.insert(std::string(admin_role));
  for (auto const& [app, classes] : it->second.apps) {
    for (ActionClass c : classes)
      out.insert(role_of(c, app));
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> Policy::actors() const {
  std::vector<std::string> out;
  for (auto const& [actor, grants] : actors_)
    out.push_back(actor);
  return out;
}

std::vector<std::string> Policy::protected_apps() const {
  return {protected_.begin(), protected_.end()};
}

bool Policy::is_protected(std::string_view app) const {
  return protected_.count(detail::lower(app)) != 0;
}

bool Policy::allows_config_rollback(std::string_view app) const {
  return config_rollback_.count(detail::lower(app)) != 0;
}

std::vector<std::string> Policy::config_rollback_exceptions() const {
  return {config_rollback_.begin(), config_rollback_.end()};
}

std::optional<std::vector<std::string>> const& Policy::commands() const noexcept {
  return commands_;
}

bool Policy::holds(std::string_view actor, ActionClass cls, std::string_view app) const {
  auto it = actors_.find(actor);
  if (it == actors_.end()) return false;
  // Reveal and approve are given to named people, never implied by admin.
  bool const named_only = cls == ActionClass::reveal || cls == ActionClass::approve;
  if (it->second.admin && !named_only) return true;
  // Compared whole and exact: a grant on one app says nothing about another
  // whose name it prefixes or extends.
  auto found = it->second.apps.find(detail::lower(app));
  if (found == it->second.apps.end()) return false;
  auto const& classes = found->second;
  if (classes.count(cls) != 0) return true;
  return cls == ActionClass::read && classes.count(ActionClass::operate) != 0;
}

result<void> Policy::check(std::string_view actor, Action action, std::string_view app) const {
  ActionClass const cls = class_of(action);
  if (cls == ActionClass::configure && is_protected(app)) {
    return detail::protected_app_error(app,
                                       std::string(to_string(action)) + " is refused for everyone");
  }
  if (holds(actor, cls, app)) return success();
  std::string const needed = role_for(action, app);
  // "the actor ..." rather than the name first: explain() capitalises the
  // first letter of a sentence, and a name must stay as it was given.
  std::string message =
      (actor.empty() ? std::string("an unnamed actor") : "the actor " + std::string(actor)) +
      " may not " + std::string(to_string(action)) + " on " + std::string(app) +
      ": that needs the role " + needed;
  if (cls != ActionClass::reveal && cls != ActionClass::approve) message += " (or admin)";
  return Error(ErrorKind::policy_denied, std::move(message));
}

namespace {

result<void> read_roles(Policy& policy, std::string const& actor, nlohmann::json const& roles) {
  if (!roles.is_array()) return invalid("the roles of " + actor + " must be a list");
  for (auto const& role : roles) {
    if (!role.is_string()) return invalid("a role of " + actor + " is not a string");
    auto g = Grant::parse(role.get<std::string>());
    if (!g) return invalid(g.error().message.substr(8) + " (for " + actor + ")");
    policy.grant(actor, role.get<std::string>());
  }
  return success();
}

result<void> read_apps(Policy& policy, std::string const& actor, nlohmann::json const& apps) {
  if (!apps.is_object()) return invalid("the apps of " + actor + " must map app names to classes");
  for (auto const& [app, classes] : apps.items()) {
    if (!valid_app_name(detail::lower(app))) {
      return invalid(detail::quoted(app) + " (for " + actor + ") is not an app name");
    }
    if (!classes.is_array())
      return invalid("the classes of " + actor + " on " + app + " must be a list");
    for (auto const& c : classes) {
      auto cls = c.is_string() ? class_named(c.get<std::string>()) : std::nullopt;
      if (!cls) {
        return invalid("a class of " + actor + " on " + app +
                       " is not one of read, operate, configure, reveal, approve");
      }
      policy.allow(actor, *cls, app);
    }
  }
  return success();
}

result<void> read_actor(Policy& policy, std::string const& actor, nlohmann::json const& value) {
  if (actor.empty()) return invalid("an actor name is empty");
  policy.grant(actor, "");  // named with no role: still denied everything
  if (value.is_array()) return read_roles(policy, actor, value);
  if (!value.is_object()) {
    return invalid("the actor " + actor + " must have a list of roles or {\"roles\", \"apps\"}");
  }
  for (auto const& [field, v] : value.items()) {
    if (field == "roles") {
      if (auto ok = read_roles(policy, actor, v); !ok) return ok;
    } else if (field == "apps") {
      if (auto ok = read_apps(policy, actor, v); !ok) return ok;
    } else {
      return invalid("unknown field \"" + field + "\" for " + actor + " (known: roles, apps)");
    }
  }
  return success();
}

result<std::vector<std::string>> read_app_list(nlohmann::json const& value, char const* field) {
  std::vector<std::string> out;
  if (!value.is_array())
    return invalid(std::string("\"") + field + "\" must be a list of app names");
  for (auto const& app : value) {
    if (!app.is_string() || app.get<std::string>().empty()) {
      return invalid(std::string("\"") + field + "\" holds something that is not an app name");
    }
    out.push_back(app.get<std::string>());
  }
  return out;
}

}  // namespace

result<Policy> Policy::from_json(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return invalid("not valid JSON");
  if (!doc.is_object()) return invalid("the top level must be an object");
  Policy policy;
  for (auto const& [field, value] : doc.items()) {
    if (field == "version") {
      if (!value.is_number_integer() || value.get<long long>() != 1) {
        return invalid("only \"version\": 1 is known");
      }
    } else if (field == "actors") {
      if (!value.is_object()) return invalid("\"actors\" must map names to roles");
      for (auto const& [actor, roles] : value.items()) {
        if (auto ok = read_actor(policy, actor, roles); !ok) return ok.error();
      }
    } else if (field == "protected_apps" || field == "rollback_config_exceptions" ||
               field == "four_eyes") {
      auto apps = read_app_list(value, field.c_str());
      if (!apps) return apps.error();
      for (auto& app : *apps) {
        if (field == "protected_apps") {
          policy.protect(std::move(app));
        } else if (field == "four_eyes") {
          policy.require_four_eyes(std::move(app));
        } else {
          policy.allow_config_rollback(std::move(app));
        }
      }
    } else if (field == "commands") {
      if (!value.is_array()) return invalid("\"commands\" must be a list of commands");
      std::vector<std::string> commands;
      for (auto const& c : value) {
        if (!c.is_string() || c.get<std::string>().empty()) {
          return invalid("\"commands\" holds something that is not a command");
        }
        if (auto ok = check_allowed_entry(c.get<std::string>()); !ok) {
          return invalid(ok.error().message);
        }
        commands.push_back(c.get<std::string>());
      }
      policy.set_commands(std::move(commands));
    } else {
      return invalid("unknown field \"" + field +
                     "\" (known: version, actors, protected_apps, commands, "
                     "rollback_config_exceptions, four_eyes)");
    }
  }
  return policy;
}

result<Policy> Policy::load(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto policy = from_json(text.str());
  if (!policy) {
    Error e = policy.error();
    e.message += " (in " + path + ")";
    return e;
  }
  return policy;
}

}  // namespace herokupp::ops
