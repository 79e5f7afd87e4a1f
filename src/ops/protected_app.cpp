#include "ops/protected_app.hpp"

#include "core/uuid.hpp"
#include "ops/text.hpp"

#include <algorithm>

namespace herokupp::ops::detail {
namespace {

bool listed(std::vector<std::string> const& list, std::string_view name) {
  std::string const lowered = lower(name);
  return std::find(list.begin(), list.end(), lowered) != list.end();
}

}  // namespace

result<bool> is_protected(AppClient const& app, std::vector<std::string> const& list) {
  if (list.empty()) return false;
  if (listed(list, app.identity())) return true;
  if (same_kind(list, app.identity()).size() == list.size()) return false;
  auto info = app.info();
  if (!info) return info.error();
  return listed(list, info->name) || listed(list, info->id);
}

std::vector<std::string> same_kind(std::vector<std::string> const& list,
                                   std::string_view identity) {
  bool const given_id = herokupp::detail::looks_like_uuid(identity);
  std::vector<std::string> out;
  for (auto const& p : list) {
    if (herokupp::detail::looks_like_uuid(p) == given_id) out.push_back(p);
  }
  return out;
}

}  // namespace herokupp::ops::detail
