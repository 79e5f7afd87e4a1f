// Endpoints: an app's buildpack installations, as `heroku buildpacks` reads
// and replaces them. A registry name ("heroku/ruby") is shown with its
// registry URL; a URL is its own name.
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

json render_buildpacks(App const& app) {
  json items = json::array();
  int ordinal = 0;
  for (auto const& b : app.buildpacks) {
    bool const is_url = b.find("://") != std::string::npos;
    std::string url =
        is_url ? b : "https://buildpack-registry.s3.amazonaws.com/buildpacks/" + b + ".tgz";
    items.push_back(
        {{"buildpack", {{"url", std::move(url)}, {"name", b}}}, {"ordinal", ordinal++}});
  }
  return items;
}

}  // namespace

Reply Platform::Impl::buildpack_list(HandlerContext& ctx) {
  return ok(render_buildpacks(app_param(ctx)));
}

/// PUT replaces the whole list; `{"updates": []}` clears it.
Reply Platform::Impl::buildpack_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  std::vector<std::string> next;
  for (auto const& update : ctx.body.at("updates")) {
    auto it = update.find("buildpack");
    if (it == update.end() || !it->is_string() || it->get_ref<std::string const&>().empty())
      fail(422, "invalid_params", "Each buildpack update needs a buildpack name or URL.");
    if (std::find(next.begin(), next.end(), it->get<std::string>()) != next.end())
      fail(422, "invalid_params", it->get<std::string>() + " is listed twice.");
    next.push_back(it->get<std::string>());
  }
  app.buildpacks = std::move(next);
  app.updated_at = ctx.now;
  return ok(render_buildpacks(app));
}

}  // namespace herokupp::sim
