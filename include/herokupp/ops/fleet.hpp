// Fleet: masked config and status of many apps at once.
#ifndef HEROKUPP_OPS_FLEET_HPP
#define HEROKUPP_OPS_FLEET_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/fan_out.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/masked_config.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace herokupp::ops {

/// The masked config of each app, in the order given, fetched
/// `fan_out.in_flight` at a time (one request per app). Fingerprints are
/// comparable across the apps: with no key in `options.fingerprinter`, one
/// random key is used for the whole fleet (so within this call only).
///
/// @par Example
/// @code
/// herokupp::FanOutOptions f;
/// f.in_flight = 16;
/// auto configs = herokupp::ops::fleet_masked_config(heroku, {"shop", "blog"}, {}, f);
/// for (auto const& c : configs)
///   if (c) std::cout << c->app << ": " << c->vars.size() << " keys\n";
/// @endcode
HEROKUPP_API std::vector<result<MaskedConfig>> fleet_masked_config(
    Client const& client, std::vector<std::string> const& apps, ConfigOptions options = {},
    FanOutOptions const& fan_out = {});

/// One dyno, as fleet status shows it.
struct FleetDyno {
  std::string name;   ///< "web.1"
  std::string type;   ///< "web"
  std::string state;  ///< "up", "crashed"...
};

/// Where one app stands.
///
/// @par Example
/// @code
/// // given: herokupp::ops::AppStatus s
/// std::cout << s.app << " v" << (s.release ? s.release->version : 0) << " "
///           << s.dynos_up() << "/" << s.dynos.size() << " up\n";
/// @endcode
struct HEROKUPP_API AppStatus {
  /// The app's name.
  std::string app;
  /// Whether the app is in maintenance mode.
  bool maintenance = false;
  /// The release the app runs (the newest marked current), if any.
  std::optional<Release> release;
  std::vector<FleetDyno> dynos;  ///< sorted by name

  /// How many of the dynos are up.
  std::size_t dynos_up() const;
  /// "shop v42 maintenance off, 3 dynos: web.1 up, web.2 up, worker.1 crashed"
  std::string to_string() const;
};

/// The status of each app (3 requests each: the app, its releases, its
/// dynos), in the order given, `fan_out.in_flight` apps at a time.
///
/// @par Example
/// @code
/// for (auto const& s : herokupp::ops::fleet_status(heroku, {"shop", "blog"}))
///   std::cout << (s ? s->to_string() : herokupp::ops::explain(s.error())) << "\n";
/// @endcode
HEROKUPP_API std::vector<result<AppStatus>> fleet_status(Client const& client,
                                                         std::vector<std::string> const& apps,
                                                         FanOutOptions const& fan_out = {});

/// The status of one app, as fleet_status gets it.
HEROKUPP_API result<AppStatus> app_status(AppClient const& app);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_FLEET_HPP
