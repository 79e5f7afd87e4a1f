#include <herokupp/ops/restart.hpp>

#include "ops/text.hpp"

#include <algorithm>
#include <set>

namespace herokupp::ops {

std::string_view to_string(RestartScope scope) noexcept {
  switch (scope) {
    case RestartScope::app:
      return "app";
    case RestartScope::process_type:
      return "process_type";
    case RestartScope::dyno:
      return "dyno";
  }
  return "unknown";
}

namespace {

std::string listing(std::set<std::string> const& names) {
  if (names.empty()) return "nothing";
  std::vector<std::string> shown;
  for (auto const& n : names) {
    if (shown.size() == 10) {
      shown.push_back("...");
      break;
    }
    shown.push_back(n);
  }
  return detail::join(shown, ", ");
}

}  // namespace

result<RestartResult> restart(AppClient const& app, std::string_view target) {
  RestartResult out;
  out.app = app.identity();
  if (target.empty() || target == "all") {
    out.scope = RestartScope::app;
  } else {
    for (char c : target) {
      if (!detail::is_alpha(c) && !detail::is_digit(c) && c != '_' && c != '-' && c != '.') {
        return Error(ErrorKind::invalid_argument,
                     "restart target " + detail::quoted(target) +
                         " is not a process type (\"worker\") or a dyno (\"web.2\")");
      }
    }
    out.scope = target.find('.') != std::string_view::npos ? RestartScope::dyno
                                                           : RestartScope::process_type;
    out.target = std::string(target);
  }

  auto dynos = app.dynos().list().collect();
  if (!dynos) return dynos.error();
  std::set<std::string> types;
  std::set<std::string> names;
  for (auto const& d : dynos.value()) {
    types.insert(d.type);
    names.insert(d.name);
    bool const hit = out.scope == RestartScope::app ||
                     (out.scope == RestartScope::process_type && d.type == target) ||
                     (out.scope == RestartScope::dyno && d.name == target);
    if (hit) out.dynos.push_back(d.name);
  }
  std::sort(out.dynos.begin(), out.dynos.end());

  if (out.dynos.empty()) {
    if (out.scope == RestartScope::app) {
      return Error(ErrorKind::precondition_failed,
                   "nothing is running on " + app.identity() + ", so nothing was restarted");
    }
    if (out.scope == RestartScope::process_type) {
      return Error(ErrorKind::not_found, "no " + detail::quoted(target) + " dynos are running on " +
                                             app.identity() + " (running: " + listing(types) + ")");
    }
    return Error(ErrorKind::not_found, "no dyno " + detail::quoted(target) + " is running on " +
                                           app.identity() + " (running: " + listing(names) + ")");
  }

  result<void> done = success();
  switch (out.scope) {
    case RestartScope::app:
      done = app.dynos().restart_all();
      break;
    case RestartScope::process_type:
      done = app.dynos().restart_type(target);
      break;
    case RestartScope::dyno:
      done = app.dynos().restart(target);
      break;
  }
  if (!done) return done.error();
  return out;
}

}  // namespace herokupp::ops
