// PipelineCouplingsClient: the apps of one pipeline and their stages.
#ifndef HEROKUPP_CLIENTS_PIPELINE_COUPLINGS_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINE_COUPLINGS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline_coupling.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <utility>

namespace herokupp {

/// The couplings of one pipeline: which app sits in which stage. Obtained
/// from PipelineClient::couplings(). A pipeline given by name costs one
/// Pipeline › Info request before the listing.
///
/// @par Example
/// @code
/// for (auto const& c : heroku.pipeline("shop").couplings().list()) {
///   if (c) std::cout << c->app.id << " " << c->stage.raw << "\n";
/// }
/// @endcode
class HEROKUPP_API PipelineCouplingsClient {
 public:
  /// The couplings of `pipeline` (a name or id).
  PipelineCouplingsClient(Client client, std::string pipeline)
      : client_(std::move(client)), pipeline_(std::move(pipeline)) {}

  /// Pipeline Coupling › List By Pipeline.
  Paged<PipelineCoupling> list(ListOptions const& options = {}) const;

 private:
  Client client_;
  std::string pipeline_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINE_COUPLINGS_CLIENT_HPP
