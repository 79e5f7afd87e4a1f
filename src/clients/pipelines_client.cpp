#include <herokupp/api/pipeline.hpp>
#include <herokupp/clients/pipelines_client.hpp>

namespace herokupp {

Paged<Pipeline> PipelinesClient::list(ListOptions const& options) const {
  return api::pipeline::list(client_, options);
}

result<Pipeline> PipelinesClient::create(api::pipeline::CreateParams const& params) const {
  return api::pipeline::create(client_, params);
}

}  // namespace herokupp
