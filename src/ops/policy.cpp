#include <herokupp/ops/policy.hpp>

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
  }
  return ActionClass::configure;  // unreachable; the strictest class
}

namespace {

constexpr std::string_view admin_role = "admin";
constexpr std::string_view role_prefix = "heroku-";

bool valid_role(std::string_view role) {
  if (role == admin_role) return true;
  if (role.size() <= role_prefix.size() || role.substr(0, role_prefix.size()) != role_prefix) {
    return false;
  }
  for (char c : role.substr(role_prefix.size())) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

Error invalid(std::string message) {
  return Error(ErrorKind::invalid_argument, "policy: " + std::move(message));
}

}  // namespace

std::string Policy::role_for(Action action, std::string_view app) {
  std::string role(role_prefix);
  role += detail::lower(app);
  switch (class_of(action)) {
    case ActionClass::read:
    case ActionClass::operate:
      break;
    case ActionClass::configure:
      role += "-config";
      break;
    case ActionClass::reveal:
      role += "-reveal";
      break;
  }
  return role;
}

Policy& Policy::grant(std::string actor, std::string role) {
  roles_[std::move(actor)].insert(detail::lower(role));
  return *this;
}

Policy& Policy::protect(std::string app) {
  protected_.insert(detail::lower(app));
  return *this;
}

std::vector<std::string> Policy::roles(std::string_view actor) const {
  auto it = roles_.find(actor);
  if (it == roles_.end()) return {};
  return {it->second.begin(), it->second.end()};
}

std::vector<std::string> Policy::actors() const {
  std::vector<std::string> out;
  for (auto const& [actor, roles] : roles_)
    out.push_back(actor);
  return out;
}

std::vector<std::string> Policy::protected_apps() const {
  return {protected_.begin(), protected_.end()};
}

bool Policy::is_protected(std::string_view app) const {
  return protected_.count(detail::lower(app)) != 0;
}

result<void> Policy::check(std::string_view actor, Action action, std::string_view app) const {
  ActionClass const cls = class_of(action);
  if (cls == ActionClass::configure && is_protected(app)) {
    return detail::protected_app_error(app,
                                       std::string(to_string(action)) + " is refused for everyone");
  }
  std::string const needed = role_for(action, app);
  auto it = roles_.find(actor);
  if (it != roles_.end()) {
    if (it->second.count(needed) != 0) return success();
    if (cls != ActionClass::reveal && it->second.count(std::string(admin_role)) != 0) {
      return success();
    }
  }
  // "the actor ..." rather than the name first: explain() capitalises the
  // first letter of a sentence, and a name must stay as it was given.
  std::string message =
      (actor.empty() ? std::string("an unnamed actor") : "the actor " + std::string(actor)) +
      " may not " + std::string(to_string(action)) + " on " + std::string(app) +
      ": that needs the role " + needed;
  if (cls != ActionClass::reveal) message += " (or admin)";
  return Error(ErrorKind::policy_denied, std::move(message));
}

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
      if (!value.is_object()) return invalid("\"actors\" must map names to lists of roles");
      for (auto const& [actor, roles] : value.items()) {
        if (actor.empty()) return invalid("an actor name is empty");
        if (!roles.is_array()) return invalid("the roles of " + actor + " must be a list");
        policy.roles_[actor];  // named with no role: still denied everything
        for (auto const& role : roles) {
          if (!role.is_string()) return invalid("a role of " + actor + " is not a string");
          std::string name = detail::lower(role.get<std::string>());
          if (!valid_role(name)) {
            return invalid("\"" + name + "\" (for " + actor +
                           ") is not a role: use admin or heroku-<app>[-config|-reveal]");
          }
          policy.grant(actor, std::move(name));
        }
      }
    } else if (field == "protected_apps") {
      if (!value.is_array()) return invalid("\"protected_apps\" must be a list of app names");
      for (auto const& app : value) {
        if (!app.is_string() || app.get<std::string>().empty()) {
          return invalid("\"protected_apps\" holds something that is not an app name");
        }
        policy.protect(app.get<std::string>());
      }
    } else {
      return invalid("unknown field \"" + field + "\" (known: version, actors, protected_apps)");
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
