// AppFormationClient: the process types of one app, their quantity and size.
#ifndef HEROKUPP_CLIENTS_APP_FORMATION_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_FORMATION_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/formation.hpp>
#include <herokupp/paging.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp {

/// A change to one process type; what is not set stays as it is.
///
/// @par Example
/// @code
/// herokupp::FormationChange web{"web", 2, "standard-1x"};
/// @endcode
struct FormationChange {
  /// The process type ("web", "worker").
  std::string type;
  /// How many dynos to run; none: unchanged.
  std::optional<std::int64_t> quantity;
  /// The dyno size ("standard-1x"); none: unchanged.
  std::optional<std::string> size;
};

/// The formation of one app. Obtained from AppClient::formation().
///
/// @par Example
/// @code
/// auto formation = heroku.app("my-app").formation();
/// formation.scale("web", 3);
/// formation.batch_update({{"web", 2, std::nullopt}, {"worker", 1, "performance-m"}});
/// @endcode
class HEROKUPP_API AppFormationClient {
 public:
  /// The formation of `app` (a name or id); AppClient::formation() is the usual way to get one.
  AppFormationClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// Formation › List.
  Paged<Formation> list(ListOptions const& options = {}) const;
  /// Formation › Info, by process type ("web") or id.
  result<Formation> info(std::string_view type) const;
  /// Formation › Update: quantity and/or size of one process type.
  result<Formation> scale(std::string_view type, std::optional<std::int64_t> quantity,
                          std::optional<std::string> size = std::nullopt) const;
  /// Formation › Batch Update: several process types in one request.
  result<std::vector<Formation>> batch_update(std::vector<FormationChange> const& changes) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_FORMATION_CLIENT_HPP
