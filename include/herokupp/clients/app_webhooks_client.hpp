// AppWebhooksClient: webhook subscriptions of one app.
#ifndef HEROKUPP_CLIENTS_APP_WEBHOOKS_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_WEBHOOKS_CLIENT_HPP

#include <herokupp/api/app_webhook.hpp>
#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/app_webhook.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <string_view>

namespace herokupp {

/// The webhooks of one app. Obtained from AppClient::webhooks().
///
/// @par Example
/// @code
/// herokupp::api::app_webhook::CreateParams hook;
/// hook.url = "https://hooks.example.com/heroku";
/// hook.include = {"api:release"};
/// heroku.app("my-app").webhooks().create(hook);
/// @endcode
class HEROKUPP_API AppWebhooksClient {
 public:
  /// The webhooks of `app` (a name or id); AppClient::webhooks() is the usual way to get one.
  AppWebhooksClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// App Webhook › List.
  Paged<AppWebhook> list(ListOptions const& options = {}) const;
  /// App Webhook › Create.
  result<AppWebhook> create(api::app_webhook::CreateParams const& params) const;
  /// App Webhook › Delete.
  result<AppWebhook> destroy(std::string_view webhook_id) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_WEBHOOKS_CLIENT_HPP
