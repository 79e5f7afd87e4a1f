#include <herokupp/app_webhooks.hpp>

namespace herokupp {

Paged<AppWebhook> AppWebhooks::list(ListOptions const& options) const {
  return api::app_webhook::list(client_, app_, options);
}

result<AppWebhook> AppWebhooks::create(api::app_webhook::CreateParams const& params) const {
  return api::app_webhook::create(client_, app_, params);
}

result<AppWebhook> AppWebhooks::destroy(std::string_view webhook_id) const {
  return api::app_webhook::delete_(client_, app_, webhook_id);
}

}  // namespace herokupp
