#include "handbook.hpp"

#include <herokupp/clients/app_client.hpp>
#include <herokupp/ops/current_release.hpp>
#include <herokupp/workflow/environments.hpp>
#include <herokupp/workflow/notifier.hpp>

#include <filesystem>

namespace herokupp::cli {

namespace {

std::optional<workflow::NoticeSinks> configured_sinks(Context& c) {
  std::error_code ec;
  if (!std::filesystem::exists(c.opts.environments_file, ec)) return std::nullopt;
  auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
  // The file was read before the change; if it broke since, say so and go on.
  if (!file) {
    c.err << "herokupp: warning: no notice sent: " << printable(file.error().message) << "\n";
    return std::nullopt;
  }
  if (!file->notices || file->notices->empty()) return std::nullopt;
  return file->notices;
}

}  // namespace

bool notices_wanted(Context& c) {
  std::error_code ec;
  if (!std::filesystem::exists(c.opts.environments_file, ec)) return false;
  auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
  return file && file->notices && !file->notices->empty();
}

std::map<std::string, std::int64_t> running_versions(Context& c,
                                                     std::vector<std::string> const& apps) {
  std::map<std::string, std::int64_t> out;
  for (auto const& app : apps) {
    auto release = ops::current_release(c.client.app(app));
    if (release && release.value()) out[app] = release.value()->version;
  }
  return out;
}

void send_notice(Context& c, workflow::Notice notice) {
  auto sinks = configured_sinks(c);
  if (!sinks) return;
  notice.actor = c.actor;
  notice.links = workflow::dashboard_links(notice.app, sinks->dashboard);
  // The tool never hands the simulator's (or a test's) API transport to a
  // webhook: the Notifier makes its own, which carries no API key.
  workflow::Notifier notifier{*sinks, nullptr, c.audit};
  auto report = notifier.send(notice);
  for (auto const& w : report.warnings())
    c.err << "herokupp: warning: " << printable(c.redact(w)) << "\n";
}

}  // namespace herokupp::cli
