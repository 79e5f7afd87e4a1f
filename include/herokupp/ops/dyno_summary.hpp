// Dyno summary: what runs, grouped by process type and size.
#ifndef HEROKUPP_OPS_DYNO_SUMMARY_HPP
#define HEROKUPP_OPS_DYNO_SUMMARY_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/timestamp.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace herokupp::ops {

/// One dyno as the summary shows it.
///
/// @par Example
/// @code
/// // given: herokupp::ops::DynoGroup group
/// for (auto const& d : group.dynos) std::cout << d.name << " " << d.state << " for "
///                                             << herokupp::ops::format_age(d.age) << "\n";
/// @endcode
struct DynoLine {
  std::string name;             ///< "web.1"
  std::string command;          ///< "bundle exec puma"
  std::string state;            ///< "up", "starting", "crashed"...
  Timestamp since;              ///< when it entered that state (updated_at)
  std::chrono::seconds age{0};  ///< how long it has been in that state
};

/// The dynos of one process type and size.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::DynoSummary> summary
/// for (auto const& g : summary->groups)
///   std::cout << g.type << " (" << g.size << "): " << g.count("up") << " up\n";
/// @endcode
struct DynoGroup {
  std::string type;             ///< "web"
  std::string size;             ///< "Standard-1X", as the API spells it
  std::vector<DynoLine> dynos;  ///< sorted by name ("web.2" before "web.10")

  /// How many of the dynos are in `state` ("up").
  std::size_t count(std::string_view state) const;
};

/// Everything running on an app.
///
/// @par Example
/// @code
/// auto s = herokupp::ops::dyno_summary(heroku.app("shop"));
/// if (s) std::cout << s->to_string();
/// // web (Standard-1X): 2 dynos
/// //   web.1  up for 3h 12m   bundle exec puma -C config/puma.rb
/// @endcode
struct HEROKUPP_API DynoSummary {
  /// The app the dynos belong to.
  std::string app;
  Timestamp at;                   ///< the time ages are measured from
  std::vector<DynoGroup> groups;  ///< sorted by type, then size

  /// The number of dynos in every group.
  std::size_t total() const;
  /// A few lines for people, as in the example above.
  std::string to_string() const;
};

/// "3h 12m", "45s", "2d 4h": a duration for people.
HEROKUPP_API std::string format_age(std::chrono::seconds age);

/// Lists the app's dynos (Dyno › List) and groups them by type and size.
/// `now` gives the time ages are measured from (default: the system clock).
///
/// @par Example
/// @code
/// auto s = herokupp::ops::dyno_summary(heroku.app("shop"));
/// @endcode
HEROKUPP_API result<DynoSummary> dyno_summary(AppClient const& app,
                                              std::function<Timestamp()> now = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_DYNO_SUMMARY_HPP
