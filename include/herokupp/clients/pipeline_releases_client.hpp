// PipelineReleasesClient: the latest release of each app of one pipeline.
#ifndef HEROKUPP_CLIENTS_PIPELINE_RELEASES_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINE_RELEASES_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline_release.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <utility>

namespace herokupp {

/// The latest release of each app in one pipeline. Obtained from
/// PipelineClient::releases(); an app's whole history is
/// AppClient::releases().
///
/// @par Example
/// @code
/// for (auto const& r : heroku.pipeline("shop").releases().list()) {
///   if (r) std::cout << r->app.name << " v" << r->version << "\n";
/// }
/// @endcode
class HEROKUPP_API PipelineReleasesClient {
 public:
  /// The latest releases of `pipeline` (a name or id).
  PipelineReleasesClient(Client client, std::string pipeline)
      : client_(std::move(client)), pipeline_(std::move(pipeline)) {}

  /// Pipeline Release › List.
  Paged<PipelineRelease> list(ListOptions const& options = {}) const;

 private:
  Client client_;
  std::string pipeline_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINE_RELEASES_CLIENT_HPP
