// PipelinesClient: listing and creating pipelines.
#ifndef HEROKUPP_CLIENTS_PIPELINES_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINES_CLIENT_HPP

#include <herokupp/api/pipeline.hpp>
#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline.hpp>
#include <herokupp/paging.hpp>

namespace herokupp {

/// The pipelines the key's account can see. Obtained from Client::pipelines().
///
/// @par Example
/// @code
/// herokupp::api::pipeline::CreateParams p;
/// p.name = "shop";
/// auto created = heroku.pipelines().create(p);
/// @endcode
class HEROKUPP_API PipelinesClient {
 public:
  /// Pipelines through `client`; Client::pipelines() is the usual way to get one.
  explicit PipelinesClient(Client client) : client_(std::move(client)) {}

  /// Pipeline › List.
  Paged<Pipeline> list(ListOptions const& options = {}) const;
  /// Pipeline › Create.
  result<Pipeline> create(api::pipeline::CreateParams const& params) const;

 private:
  Client client_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINES_CLIENT_HPP
