#include <herokupp/clients/app_webhooks_client.hpp>

namespace herokupp {

Paged<AppWebhook> AppWebhooksClient::list(ListOptions const& options) const {
  return api::app_webhook::list(client_, app_, options);
}

result<AppWebhook> AppWebhooksClient::create(api::app_webhook::CreateParams const& params) const {
  return api::app_webhook::create(client_, app_, params);
}

result<AppWebhook> AppWebhooksClient::destroy(std::string_view webhook_id) const {
  return api::app_webhook::delete_(client_, app_, webhook_id);
}

}  // namespace herokupp
