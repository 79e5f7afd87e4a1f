#include <herokupp/api/app.hpp>
#include <herokupp/clients/account_client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/apps_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/clients/pipelines_client.hpp>

namespace herokupp {

AppClient::AppClient(Client client, std::string name_or_id)
    : client_(std::move(client)), app_(std::move(name_or_id)) {}

result<App> AppClient::info() const {
  return api::app::info(client_, app_);
}

result<App> AppClient::update(api::app::UpdateParams const& params) const {
  return api::app::update(client_, app_, params);
}

result<App> AppClient::enable_maintenance() const {
  api::app::UpdateParams params;
  params.maintenance = true;
  return update(params);
}

result<App> AppClient::disable_maintenance() const {
  api::app::UpdateParams params;
  params.maintenance = false;
  return update(params);
}

result<App> AppClient::destroy() const {
  return api::app::delete_(client_, app_);
}

}  // namespace herokupp
