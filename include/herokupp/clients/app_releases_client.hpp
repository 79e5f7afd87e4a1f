// AppReleasesClient: the release history of one app, rollback and new releases.
#ifndef HEROKUPP_CLIENTS_APP_RELEASES_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_RELEASES_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/paging.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp {

/// The releases of one app. Obtained from AppClient::releases().
///
/// @par Example
/// @code
/// auto releases = heroku.app("my-app").releases();
/// herokupp::ListOptions newest;
/// newest.order = herokupp::Order::descending;
/// newest.sort_field = "version";
/// auto last = releases.list(newest).take(1);
/// auto v42 = releases.info(42);
/// auto back = releases.rollback(v42->id);
/// @endcode
class HEROKUPP_API AppReleasesClient {
 public:
  /// The releases of `app` (a name or id); AppClient::releases() is the usual way to get one.
  AppReleasesClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// Release › List.
  Paged<Release> list(ListOptions const& options = {}) const;
  /// Release › Info, by id or by version as text ("42").
  result<Release> info(std::string_view id_or_version) const;
  /// Release › Info, by version number.
  result<Release> info(std::int64_t version) const;
  /// Release › Rollback to the release with this id.
  result<Release> rollback(std::string_view release_id) const;
  /// Release › Create from a slug.
  result<Release> create(std::string_view slug_id,
                         std::optional<std::string> description = std::nullopt) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_RELEASES_CLIENT_HPP
