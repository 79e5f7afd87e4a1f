#include <herokupp/ops/config_change.hpp>

#include "ops/protected_app.hpp"
#include "ops/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace herokupp::ops {
namespace {

result<void> check_keys(std::vector<std::string> const& keys, char const* what) {
  if (keys.empty()) {
    return Error(ErrorKind::invalid_argument, std::string("no config keys given to ") + what);
  }
  for (auto const& key : keys) {
    if (!is_valid_config_key(key)) {
      return Error(ErrorKind::invalid_argument,
                   "config key " + detail::quoted(key) +
                       " is not valid: use letters, digits and underscores, not starting "
                       "with a digit");
    }
  }
  return success();
}

// Refuses protected apps, whether named by name or by id.
result<void> check_protected(AppClient const& app, ConfigOptions const& options) {
  auto hit = detail::is_protected(app, protected_apps(options));
  if (!hit) return hit.error();
  if (hit.value()) {
    return detail::protected_app_error(app.identity(),
                                       "its config cannot be changed through herokupp::ops");
  }
  return success();
}

// Defence in depth: an Error the API sends back about a change must not
// echo a value being set. Values shorter than 4 characters carry too little
// to matter and would mangle messages if replaced.
Error scrubbed(Error e, std::map<std::string, std::string> const& values) {
  for (auto const& [key, value] : values) {
    if (value.size() < 4) continue;
    for (std::string* text : {&e.message, &e.id, &e.url}) {
      std::size_t pos = 0;
      while ((pos = text->find(value, pos)) != std::string::npos) {
        text->replace(pos, value.size(), value_mask);
        pos += value_mask.size();
      }
    }
  }
  return e;
}

}  // namespace

bool is_valid_config_key(std::string_view key) noexcept {
  if (key.empty() || detail::is_digit(key.front())) return false;
  for (char c : key) {
    if (!detail::is_alpha(c) && !detail::is_digit(c) && c != '_') return false;
  }
  return true;
}

std::vector<std::string> protected_apps(ConfigOptions const& options) {
  std::vector<std::string> out;
  for (auto const& app : options.protected_apps) {
    if (!app.empty()) out.push_back(detail::lower(app));
  }
  if (options.protect_own_app) {
    for (char const* name : {"HEROKU_APP_NAME", "HEROKU_APP_ID"}) {
      char const* value = std::getenv(name);
      if (value && *value) out.push_back(detail::lower(value));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

result<ConfigChange> set_config(AppClient const& app,
                                std::map<std::string, std::string> const& values,
                                ConfigOptions const& options) {
  std::vector<std::string> keys;
  for (auto const& [key, value] : values)
    keys.push_back(key);
  if (auto ok = check_keys(keys, "set_config"); !ok) return ok.error();
  if (auto ok = check_protected(app, options); !ok) return ok.error();

  auto before = app.config_vars().get();
  if (!before) return before.error();

  ConfigChange change;
  change.app = app.identity();
  std::map<std::string, std::optional<std::string>> patch;
  for (auto const& [key, value] : values) {
    auto it = before->find(key);
    if (it == before->end()) {
      change.added.push_back(key);
    } else if (it->second != value) {
      change.changed.push_back(key);
    } else {
      change.unchanged.push_back(key);
      continue;
    }
    patch.emplace(key, value);
  }
  if (patch.empty()) {  // nothing would change: no PATCH, no new release
    change.config = mask_config(app.identity(), before.value(), options.fingerprinter);
    return change;
  }
  auto after = app.config_vars().update(patch);
  if (!after) return scrubbed(after.error(), values);
  change.config = mask_config(app.identity(), after.value(), options.fingerprinter);
  return change;
}

result<ConfigChange> unset_config(AppClient const& app, std::vector<std::string> const& keys,
                                  ConfigOptions const& options) {
  if (auto ok = check_keys(keys, "unset_config"); !ok) return ok.error();
  if (auto ok = check_protected(app, options); !ok) return ok.error();

  auto before = app.config_vars().get();
  if (!before) return before.error();

  ConfigChange change;
  change.app = app.identity();
  std::map<std::string, std::optional<std::string>> patch;
  for (auto const& key : keys) {
    if (patch.count(key) != 0) continue;  // named twice
    patch.emplace(key, std::nullopt);
    (before->count(key) != 0 ? change.removed : change.absent).push_back(key);
  }
  if (change.removed.empty()) {  // every key already absent: nothing to send
    change.config = mask_config(app.identity(), before.value(), options.fingerprinter);
    return change;
  }
  auto after = app.config_vars().update(patch);
  if (!after) return after.error();
  change.config = mask_config(app.identity(), after.value(), options.fingerprinter);
  return change;
}

result<std::map<std::string, std::string>> reveal_config(AppClient const& app,
                                                         std::vector<std::string> const& keys) {
  if (auto ok = check_keys(keys, "reveal_config"); !ok) return ok.error();
  auto values = app.config_vars().get();
  if (!values) return values.error();
  std::map<std::string, std::string> out;
  for (auto const& key : keys) {
    auto it = values->find(key);
    if (it == values->end()) {
      return Error(ErrorKind::not_found,
                   "config key " + detail::quoted(key) + " is not set on " + app.identity());
    }
    out.emplace(key, it->second);
  }
  return out;
}

}  // namespace herokupp::ops
