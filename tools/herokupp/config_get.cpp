// config:get KEY: the value for an actor holding the app's reveal role, the
// masked value and its fingerprint for everyone else.
#include "context.hpp"

#include <herokupp/ops/config_change.hpp>
#include <herokupp/ops/masked_config.hpp>

namespace herokupp::cli {

int cmd_config_get(Context& c, std::string const& app, std::string const& key) {
  if (!ops::is_valid_config_key(key)) {
    return fail(c, Error{ErrorKind::invalid_argument,
                         "config:get takes one KEY: letters, digits and underscores"});
  }
  // Only a policy can grant the reveal role: without one, values stay masked.
  bool const may_reveal =
      c.policy.has_value() && c.policy->check(c.actor, ops::Action::reveal_config, app);
  if (may_reveal) {
    auto values = session(c).reveal_config(app, {key});
    if (!values) return fail(c, values.error());
    auto it = values->find(key);
    if (it == values->end()) {
      return fail(
          c, Error{ErrorKind::not_found, "config var " + key + " was not found on app " + app});
    }
    return emit(c, json{{"app", app}, {"key", key}, {"value", it->second}, {"revealed", true}},
                it->second + "\n");
  }
  auto masked = session(c).masked_config(app);
  if (!masked) return fail(c, masked.error());
  auto const* var = masked->find(key);
  if (var == nullptr) {
    return fail(c,
                Error{ErrorKind::not_found, "config var " + key + " was not found on app " + app});
  }
  if (!c.opts.json_output) {
    c.err << "herokupp: the value is masked; seeing it needs the role "
          << ops::Policy::role_for(ops::Action::reveal_config, app) << "\n";
  }
  return emit(c,
              json{{"app", app},
                   {"key", key},
                   {"value", var->mask},
                   {"fingerprint", var->fingerprint},
                   {"revealed", false}},
              var->mask + " " + var->fingerprint + "\n");
}

}  // namespace herokupp::cli
