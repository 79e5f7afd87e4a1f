// AppBuildsClient: builds of one app from a source tarball.
#ifndef HEROKUPP_CLIENTS_APP_BUILDS_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_BUILDS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/build.hpp>
#include <herokupp/paging.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace herokupp {

/// Where a build's source comes from.
///
/// @par Example
/// @code
/// herokupp::SourceBlob src{"https://example.com/app-1a2b3c4.tgz", "1a2b3c4", std::nullopt};
/// @endcode
struct SourceBlob {
  std::string url;                      ///< a tarball the platform can download
  std::optional<std::string> version;   ///< the commit, shown in the release
  std::optional<std::string> checksum;  ///< "SHA256:..."
};

/// The builds of one app. Obtained from AppClient::builds().
///
/// @par Example
/// @code
/// herokupp::SourceBlob source{"https://example.com/src.tgz", "1a2b3c4", std::nullopt};
/// auto build = heroku.app("my-app").builds().create(source);
/// @endcode
class HEROKUPP_API AppBuildsClient {
 public:
  /// The builds of `app` (a name or id); AppClient::builds() is the usual way to get one.
  AppBuildsClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// Build › Create.
  result<Build> create(SourceBlob const& source) const;
  /// Build › List.
  Paged<Build> list(ListOptions const& options = {}) const;
  /// Build › Info.
  result<Build> info(std::string_view build_id) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_BUILDS_CLIENT_HPP
