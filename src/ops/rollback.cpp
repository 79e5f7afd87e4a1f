#include <herokupp/ops/config_change.hpp>
#include <herokupp/ops/current_release.hpp>
#include <herokupp/ops/fingerprint.hpp>
#include <herokupp/ops/rollback.hpp>

#include "ops/protected_app.hpp"
#include "ops/text.hpp"

#include <algorithm>
#include <map>

namespace herokupp::ops {

result<std::int64_t> parse_version(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == 'v' || digits.front() == 'V')) digits.remove_prefix(1);
  bool ok = !digits.empty() && digits.size() <= 15;
  std::int64_t value = 0;
  for (char c : digits) {
    if (!detail::is_digit(c)) {
      ok = false;
      break;
    }
    value = value * 10 + (c - '0');
  }
  if (!ok || value <= 0) {
    return Error(ErrorKind::invalid_argument,
                 "release version " + detail::quoted(text) + " is not valid: use 42 or v42");
  }
  return value;
}

std::vector<std::string> ConfigDelta::keys() const {
  std::vector<std::string> out;
  for (auto const* list : {&added, &changed, &removed})
    out.insert(out.end(), list->begin(), list->end());
  std::sort(out.begin(), out.end());
  return out;
}

std::string ConfigDelta::describe() const {
  std::vector<std::string> parts;
  auto add = [&](char const* what, std::vector<std::string> const& keys) {
    if (!keys.empty()) parts.push_back(std::string(what) + " " + detail::join(keys, ", "));
  };
  add("added", added);
  add("changed", changed);
  add("removed", removed);
  return parts.empty() ? std::string("no config change") : detail::join(parts, "; ");
}

namespace {

// Compares by fingerprints under a key made for this one comparison: the
// values are never kept, copied into a result or printed.
ConfigDelta compare(std::map<std::string, std::string> const& now,
                    std::map<std::string, std::string> const& target) {
  Fingerprinter const fp = Fingerprinter::random();
  ConfigDelta delta;
  for (auto const& [key, value] : target) {
    auto it = now.find(key);
    if (it == now.end()) {
      delta.added.push_back(key);
    } else if (fp(it->second) != fp(value)) {
      delta.changed.push_back(key);
    }
  }
  for (auto const& [key, value] : now) {
    if (target.count(key) == 0) delta.removed.push_back(key);
  }
  return delta;
}

std::string version_text(std::int64_t version) {
  return "v" + std::to_string(version);
}

}  // namespace

result<RollbackPreview> preview_rollback(AppClient const& app, std::int64_t version) {
  if (version <= 0) {
    return Error(ErrorKind::invalid_argument,
                 "release version " + std::to_string(version) + " is not valid: use 42 or v42");
  }
  std::string const v = version_text(version);

  auto target = app.releases().info(version);
  if (!target) {
    Error e = target.error();
    if (e.kind == ErrorKind::not_found) {
      // Keep Heroku's words: they tell a missing release from a missing app.
      e.message = "cannot roll back " + app.identity() + " to " + v + ": " + e.message;
    }
    return e;
  }
  if (target->status != Release::Status::succeeded) {
    std::string status = target->status.raw.empty() ? "unknown" : target->status.raw;
    return Error(ErrorKind::precondition_failed,
                 "release " + v + " of " + app.identity() + " has status " + status +
                     "; only a release that succeeded can be rolled back to");
  }
  auto current = current_release(app);
  if (!current) return current.error();
  std::int64_t const from = *current ? (*current)->version : 0;
  if (target->current || from == version) {
    return Error(ErrorKind::precondition_failed,
                 "release " + v + " is already the current release of " + app.identity());
  }
  // The config the target ran with, and the config now: a rollback
  // restores the former (Config Vars › Info for App Release).
  auto target_config = app.config_vars().for_release(target->id);
  if (!target_config) return target_config.error();
  auto now_config = app.config_vars().get();
  if (!now_config) return now_config.error();

  RollbackPreview out;
  out.target = std::move(target).value();
  out.from_version = from;
  out.config = compare(now_config.value(), target_config.value());
  return out;
}

result<RollbackResult> rollback(AppClient const& app, std::int64_t version,
                                RollbackOptions const& options) {
  auto preview = preview_rollback(app, version);
  if (!preview) return preview.error();
  std::string const v = version_text(version);
  if (preview->config.changes()) {
    std::string const what = "rolling back " + app.identity() + " to " + v +
                             " would restore that release's config (" + preview->config.describe() +
                             ")";
    std::vector<std::string> guarded = protected_apps(options.protection);
    std::vector<std::string> excepted;
    for (auto const& e : options.protected_exceptions)
      excepted.push_back(detail::lower(e));
    guarded.erase(std::remove_if(guarded.begin(), guarded.end(),
                                 [&](std::string const& g) {
                                   return std::find(excepted.begin(), excepted.end(), g) !=
                                          excepted.end();
                                 }),
                  guarded.end());
    auto hit = detail::is_protected(app, guarded);
    if (!hit) return hit.error();
    if (hit.value()) {
      return detail::protected_app_error(
          app.identity(), what +
                              ", and its config cannot be changed; nothing was rolled back. "
                              "Roll back to a release with the same config, or list the app "
                              "under rollback_config_exceptions in the policy");
    }
    if (!options.may_change_config) {
      return Error(ErrorKind::policy_denied, what + ": that needs " + options.config_permission +
                                                 " as well; nothing was rolled back");
    }
  }

  auto created = app.releases().rollback(preview->target.id);
  if (!created) return created.error();
  RollbackResult out;
  out.release = std::move(created).value();
  out.from_version = preview->from_version;
  out.to_version = version;
  out.config = std::move(preview->config);
  return out;
}

result<RollbackResult> rollback(AppClient const& app, std::string_view version,
                                RollbackOptions const& options) {
  auto parsed = parse_version(version);
  if (!parsed) return parsed.error();
  return rollback(app, parsed.value(), options);
}

}  // namespace herokupp::ops
