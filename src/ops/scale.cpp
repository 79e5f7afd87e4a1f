#include <herokupp/ops/scale.hpp>

#include "ops/text.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace herokupp::ops {

std::vector<std::string> const& known_dyno_sizes() {
  static std::vector<std::string> const sizes = {"eco",
                                                 "basic",
                                                 "standard-1x",
                                                 "standard-2x",
                                                 "performance-m",
                                                 "performance-l",
                                                 "performance-l-ram",
                                                 "performance-xl",
                                                 "performance-2xl",
                                                 "private-s",
                                                 "private-m",
                                                 "private-l",
                                                 "private-l-ram",
                                                 "private-xl",
                                                 "private-2xl",
                                                 "shield-s",
                                                 "shield-m",
                                                 "shield-l",
                                                 "shield-l-ram",
                                                 "shield-xl",
                                                 "shield-2xl",
                                                 "free",
                                                 "hobby",
                                                 "1x",
                                                 "2x",
                                                 "px"};
  return sizes;
}

namespace {

bool valid_type(std::string_view type) {
  if (type.empty() || type.size() > 64) return false;
  for (char c : type) {
    if (!detail::is_alpha(c) && !detail::is_digit(c) && c != '_' && c != '-') return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return detail::is_digit(c); });
}

Error bad_spec(std::string_view item, std::string const& why) {
  return Error(ErrorKind::invalid_argument,
               "scale " + detail::quoted(item) + ": " + why +
                   " (use type=quantity[:size], e.g. web=2:standard-1x)");
}

// At most one dyno per process type on these sizes.
bool single_dyno_size(std::string const& size) {
  return size == "eco" || size == "basic" || size == "free" || size == "hobby";
}

}  // namespace

result<std::vector<ScaleRequest>> parse_scale(std::string_view spec) {
  std::vector<ScaleRequest> out;
  std::size_t pos = 0;
  while (pos < spec.size()) {
    if (spec[pos] == ' ' || spec[pos] == ',' || spec[pos] == '\t') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < spec.size() && spec[end] != ' ' && spec[end] != ',' && spec[end] != '\t')
      ++end;
    std::string_view item = spec.substr(pos, end - pos);
    pos = end;

    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) return bad_spec(item, "no '='");
    ScaleRequest req;
    req.type = std::string(item.substr(0, eq));
    if (!valid_type(req.type)) return bad_spec(item, "the process type is not valid");
    std::string_view rest = item.substr(eq + 1);
    std::size_t colon = rest.find(':');
    std::string_view first = rest.substr(0, colon);
    if (colon != std::string_view::npos) {
      std::string_view size = rest.substr(colon + 1);
      if (!all_digits(first)) return bad_spec(item, "the quantity must be a whole number");
      if (size.empty()) return bad_spec(item, "the size after ':' is missing");
      req.size = std::string(size);
    } else if (!all_digits(first)) {
      if (first.empty()) return bad_spec(item, "nothing after '='");
      if (first.front() == '+' || first.front() == '-') {
        return bad_spec(item, "relative quantities are not supported");
      }
      req.size = std::string(first);
      first = {};
    }
    if (!first.empty()) {
      if (first.size() > 6) return bad_spec(item, "the quantity is too large");
      req.quantity = std::stoll(std::string(first));
    }
    out.push_back(std::move(req));
  }
  if (out.empty()) {
    return Error(ErrorKind::invalid_argument,
                 "scale: nothing to scale (use type=quantity[:size], e.g. web=2:standard-1x)");
  }
  return out;
}

result<ScaleResult> scale(AppClient const& app, std::vector<ScaleRequest> const& requests,
                          ScaleOptions const& options) {
  if (requests.empty()) return Error(ErrorKind::invalid_argument, "scale: nothing to scale");
  std::vector<std::string> const& sizes =
      options.sizes.empty() ? known_dyno_sizes() : options.sizes;
  std::vector<FormationChange> changes;
  std::set<std::string> seen;
  for (auto const& req : requests) {
    if (!valid_type(req.type)) {
      return Error(ErrorKind::invalid_argument,
                   "scale: " + detail::quoted(req.type) + " is not a valid process type");
    }
    if (!seen.insert(req.type).second) {
      return Error(ErrorKind::invalid_argument, "scale: " + req.type + " is named twice");
    }
    if (!req.quantity && !req.size) {
      return Error(ErrorKind::invalid_argument,
                   "scale: give " + req.type + " a quantity, a size, or both");
    }
    if (req.quantity && (*req.quantity < 0 || *req.quantity > options.max_quantity)) {
      return Error(ErrorKind::invalid_argument,
                   "scale: " + req.type + " quantity " + std::to_string(*req.quantity) +
                       " is out of range 0.." + std::to_string(options.max_quantity));
    }
    FormationChange change{req.type, req.quantity, std::nullopt};
    if (req.size) {
      std::string size = detail::lower(*req.size);
      if (std::find(sizes.begin(), sizes.end(), size) == sizes.end()) {
        return Error(ErrorKind::invalid_argument, "scale: " + detail::quoted(*req.size) +
                                                      " is not a known dyno size (" +
                                                      detail::join(sizes, ", ") + ")");
      }
      change.size = size;
    }
    changes.push_back(std::move(change));
  }

  auto formation = app.formation().list().collect();
  if (!formation) return formation.error();
  std::map<std::string, Formation> before;
  for (auto& f : formation.value())
    before.emplace(f.type, std::move(f));
  std::vector<std::string> types;
  for (auto const& [type, f] : before)
    types.push_back(type);
  for (auto const& change : changes) {
    auto it = before.find(change.type);
    if (it == before.end()) {
      return Error(ErrorKind::not_found,
                   "scale: " + app.identity() + " has no process type " + change.type +
                       " (it has: " + (types.empty() ? "none" : detail::join(types, ", ")) + ")");
    }
    std::string const size = change.size ? *change.size : detail::lower(it->second.size);
    std::int64_t const quantity = change.quantity ? *change.quantity : it->second.quantity;
    if (single_dyno_size(size) && quantity > 1) {
      return Error(ErrorKind::invalid_argument,
                   "scale: " + change.type + " cannot run more than 1 " + size + " dyno");
    }
  }

  auto after = app.formation().batch_update(changes);
  if (!after) return after.error();
  ScaleResult out;
  out.app = app.identity();
  for (auto const& change : changes) {
    Formation const& old = before.at(change.type);
    ScaleChange c;
    c.type = change.type;
    c.quantity_before = old.quantity;
    c.size_before = old.size;
    c.quantity_after = change.quantity ? *change.quantity : old.quantity;
    c.size_after = change.size ? *change.size : old.size;
    for (auto const& f : after.value()) {
      if (f.type == change.type) {
        c.quantity_after = f.quantity;
        c.size_after = f.size;
      }
    }
    out.changes.push_back(std::move(c));
  }
  return out;
}

result<ScaleResult> scale(AppClient const& app, std::string_view spec,
                          ScaleOptions const& options) {
  auto requests = parse_scale(spec);
  if (!requests) return requests.error();
  return scale(app, requests.value(), options);
}

}  // namespace herokupp::ops
