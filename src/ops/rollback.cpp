#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/ops/rollback.hpp>

#include "ops/text.hpp"

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

result<RollbackResult> rollback(AppClient const& app, std::int64_t version) {
  if (version <= 0) {
    return Error(ErrorKind::invalid_argument,
                 "release version " + std::to_string(version) + " is not valid: use 42 or v42");
  }
  std::string const v = "v" + std::to_string(version);

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

  // The current release: usually the newest that succeeded.
  auto recent = recent_releases(app, 20);
  if (!recent) return recent.error();
  std::int64_t current = 0;
  for (auto const& r : recent.value()) {
    if (r.current) {
      current = r.version;
      break;
    }
  }
  if (current == 0) {
    for (auto const& r : recent.value()) {
      if (r.status == Release::Status::succeeded) {
        current = r.version;
        break;
      }
    }
  }
  if (target->current || current == version) {
    return Error(ErrorKind::precondition_failed,
                 "release " + v + " is already the current release of " + app.identity());
  }

  auto created = app.releases().rollback(target->id);
  if (!created) return created.error();
  RollbackResult out;
  out.release = std::move(created).value();
  out.from_version = current;
  out.to_version = version;
  return out;
}

result<RollbackResult> rollback(AppClient const& app, std::string_view version) {
  auto parsed = parse_version(version);
  if (!parsed) return parsed.error();
  return rollback(app, parsed.value());
}

}  // namespace herokupp::ops
