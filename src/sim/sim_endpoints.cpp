// The simulator's own endpoints under /__sim/: health, log sessions' text
// (what a log session's logplex_url serves) and build output streams.
#include "http_text.hpp"
#include "log_filter.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using detail::starts_with;

Response Platform::Impl::sim_endpoint(Request const& request, std::string_view path) {
  auto text = [](int status, std::string body) {
    Response res;
    res.status = status;
    res.body = std::move(body);
    res.headers.add("Content-Type", "text/plain; charset=utf-8");
    return res;
  };
  if (request.method != Method::get && request.method != Method::head) {
    return text(405, "method not allowed\n");
  }
  if (path == "/__sim/health") return text(200, "ok\n");
  constexpr std::string_view logs = "/__sim/logs/";
  if (starts_with(path, logs)) {
    auto it = log_sessions.find(std::string(path.substr(logs.size())));
    if (it == log_sessions.end()) return text(404, "no such log session\n");
    auto app = apps.find(it->second.app_id);
    if (app == apps.end()) return text(404, "no such app\n");
    std::string out;
    auto const& lines = app->second.log;
    // An EventSource (the official CLI's `heroku logs`) asks for server-sent
    // events, one per line, as Logplex sends them; other readers get plain text.
    auto accept = request.headers.get("Accept");
    bool const events = accept && accept->find("text/event-stream") != std::string_view::npos;
    auto const count = static_cast<std::size_t>(std::max(1, it->second.lines));
    for (std::size_t i : detail::last_matching_lines(lines, it->second.filter, count)) {
      out += events ? "id: " + std::to_string(i) + "\ndata: " + lines[i] + "\n\n" : lines[i] + "\n";
    }
    Response res = text(200, out);
    if (events) res.headers.set("Content-Type", "text/event-stream");
    return res;
  }
  constexpr std::string_view builds = "/__sim/builds/";
  if (starts_with(path, builds)) {
    std::string_view id = path.substr(builds.size());
    if (auto slash = id.find('/'); slash != std::string_view::npos) id = id.substr(0, slash);
    for (auto const& [app_id, app] : apps) {
      for (auto const& b : app.builds) {
        if (b.id != id) continue;
        std::string out = "-----> Building on the Heroku-24 stack\n-----> Fetching source\n";
        if (b.status == "pending") return text(200, out);
        out += b.status == "succeeded"
                   ? "-----> Compressing...\n-----> Launching...\n       Released\n"
                   : " !     Build failed\n";
        return text(200, out);
      }
    }
    return text(404, "no such build\n");
  }
  return text(404, "not found\n");
}

}  // namespace herokupp::sim
