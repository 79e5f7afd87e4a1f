#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/app_dynos_client.hpp>
#include <herokupp/ops/fleet.hpp>
#include <herokupp/ops/recent_releases.hpp>

#include <algorithm>

namespace herokupp::ops {

std::vector<result<MaskedConfig>> fleet_masked_config(Client const& client,
                                                      std::vector<std::string> const& apps,
                                                      ConfigOptions options,
                                                      FanOutOptions const& fan_out) {
  // One key for every app, or fingerprints would not compare across them.
  if (!options.fingerprinter.enabled()) options.fingerprinter = Fingerprinter::random();
  return herokupp::fan_out(
      apps, [&](std::string const& app) { return masked_config(client.app(app), options); },
      fan_out);
}

std::size_t AppStatus::dynos_up() const {
  return static_cast<std::size_t>(std::count_if(
      dynos.begin(), dynos.end(), [](FleetDyno const& d) { return d.state == "up"; }));
}

std::string AppStatus::to_string() const {
  std::string out = app;
  out += release ? " v" + std::to_string(release->version) : std::string(" no release");
  out += maintenance ? " maintenance on, " : " maintenance off, ";
  out += std::to_string(dynos.size()) + (dynos.size() == 1 ? " dyno" : " dynos");
  for (std::size_t i = 0; i < dynos.size(); ++i) {
    out += i == 0 ? ": " : ", ";
    out += dynos[i].name + " " + dynos[i].state;
  }
  return out;
}

result<AppStatus> app_status(AppClient const& app) {
  auto info = app.info();
  if (!info) return info.error();
  AppStatus status;
  status.app = info->name;
  status.maintenance = info->maintenance;
  auto releases = recent_releases(app, 10);
  if (!releases) return releases.error();
  for (auto const& r : releases.value()) {
    if (r.current) {
      status.release = r;
      break;
    }
  }
  auto dynos = app.dynos().list().collect();
  if (!dynos) return dynos.error();
  for (auto const& d : dynos.value())
    status.dynos.push_back(FleetDyno{d.name, d.type, d.state});
  std::sort(status.dynos.begin(), status.dynos.end(),
            [](FleetDyno const& a, FleetDyno const& b) { return a.name < b.name; });
  return status;
}

std::vector<result<AppStatus>> fleet_status(Client const& client,
                                            std::vector<std::string> const& apps,
                                            FanOutOptions const& fan_out) {
  return herokupp::fan_out(
      apps, [&](std::string const& app) { return app_status(client.app(app)); }, fan_out);
}

}  // namespace herokupp::ops
