// Client's factories for the resource clients. They are defined here rather
// than in core/client.cpp so that the core never includes the clients built
// on top of it.
#include <herokupp/clients/account_client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/apps_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/clients/pipelines_client.hpp>

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

}  // namespace herokupp
