#include <herokupp/account_client.hpp>
#include <herokupp/api/app.hpp>
#include <herokupp/app_client.hpp>
#include <herokupp/apps_client.hpp>
#include <herokupp/pipeline_client.hpp>
#include <herokupp/pipelines_client.hpp>

namespace herokupp {

AppClient Client::app(std::string name_or_id) const {
  return AppClient(*this, std::move(name_or_id));
}
AppsClient Client::apps() const {
  return AppsClient(*this);
}
PipelineClient Client::pipeline(std::string id_or_name) const {
  return PipelineClient(*this, std::move(id_or_name));
}
PipelinesClient Client::pipelines() const {
  return PipelinesClient(*this);
}
AccountClient Client::account() const {
  return AccountClient(*this);
}

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
