#include <herokupp/api/app.hpp>
#include <herokupp/clients/apps_client.hpp>

namespace herokupp {

Paged<App> AppsClient::list(ListOptions const& options) const {
  return api::app::list(client_, options);
}

result<App> AppsClient::create(api::app::CreateParams const& params) const {
  return api::app::create(client_, params);
}

}  // namespace herokupp
