// Finding accounts, apps, releases, pipelines and slugs by what a request names them.
#include "http_text.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using detail::Account;
using detail::App;
using detail::HandlerContext;
using detail::starts_with;
using detail::trim;

namespace {

std::string base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  int bits = 0;
  unsigned buffer = 0;
  for (char c : in) {
    int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

}  // namespace

Account* Platform::Impl::account_by_key(std::string_view key) {
  auto it = account_by_key_.find(std::string(key));
  if (it == account_by_key_.end()) return nullptr;
  return &accounts.at(it->second);
}

Account* Platform::Impl::account_by_identity(std::string_view identity) {
  if (auto it = accounts.find(std::string(identity)); it != accounts.end()) return &it->second;
  for (auto& [id, account] : accounts) {
    if (account.email == identity) return &account;
  }
  return nullptr;
}

Account& Platform::Impl::account_by_id(std::string const& id) {
  return accounts.at(id);
}

Account* Platform::Impl::authenticate(Request const& request) {
  auto header = request.headers.get("Authorization");
  if (!header) return nullptr;
  std::string_view h = trim(*header);
  if (starts_with(h, "Bearer ") || starts_with(h, "bearer ")) {
    return account_by_key(trim(h.substr(7)));
  }
  if (starts_with(h, "Basic ") || starts_with(h, "basic ")) {
    std::string decoded = base64_decode(trim(h.substr(6)));
    auto colon = decoded.find(':');
    std::string key = colon == std::string::npos ? decoded : decoded.substr(colon + 1);
    return account_by_key(key);
  }
  return nullptr;
}

App* Platform::Impl::app_by_identity(std::string_view identity) {
  if (auto it = apps.find(std::string(identity)); it != apps.end()) return &it->second;
  if (auto it = app_ids_by_name.find(std::string(identity)); it != app_ids_by_name.end()) {
    return &apps.at(it->second);
  }
  return nullptr;
}

bool Platform::Impl::can_access(Account const& account, App const& app) const {
  if (app.owner_id == account.id) return true;
  if (auto team = teams.find(app.team_id); team != teams.end()) {
    auto const& members = team->second.members;
    if (std::any_of(members.begin(), members.end(),
                    [&](auto const& m) { return m.account_id == account.id; })) {
      return true;
    }
  }
  return std::any_of(app.collaborators.begin(), app.collaborators.end(),
                     [&](auto const& c) { return c.account_id == account.id; });
}

App& Platform::Impl::app_for(HandlerContext& ctx, std::string_view identity) {
  App* app = app_by_identity(identity);
  if (app == nullptr) detail::fail(404, "not_found", "Couldn't find that app.");
  if (!can_access(ctx.account, *app)) {
    detail::fail(403, "forbidden", "You do not have access to the app " + app->name + ".");
  }
  return *app;
}

detail::Release* Platform::Impl::release_by_identity(App& app, std::string_view identity) {
  std::string_view v = identity;
  if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
  bool numeric =
      !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  for (auto& r : app.releases) {
    if (r.id == identity) return &r;
    if (numeric && v.size() < 18 && std::to_string(r.version) == v) return &r;
  }
  return nullptr;
}

detail::Pipeline& Platform::Impl::pipeline_for(std::string_view identity) {
  if (auto it = pipelines.find(std::string(identity)); it != pipelines.end()) return it->second;
  for (auto& [id, p] : pipelines) {
    if (p.name == identity) return p;
  }
  detail::fail(404, "not_found", "Couldn't find that pipeline.");
}

detail::Slug* Platform::Impl::slug_by_id(std::string_view id) {
  auto it = slugs.find(std::string(id));
  return it == slugs.end() ? nullptr : &it->second;
}

void Platform::Impl::log_line(App& app, TimePoint at, std::string const& source, std::string text) {
  app.log.push_back(detail::iso(at) + " " + source + ": " + std::move(text));
  while (app.log.size() > 1500)
    app.log.pop_front();
}

}  // namespace herokupp::sim
