// AppsClient: listing and creating apps.
#ifndef HEROKUPP_CLIENTS_APPS_CLIENT_HPP
#define HEROKUPP_CLIENTS_APPS_CLIENT_HPP

#include <herokupp/api/app.hpp>
#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/app.hpp>
#include <herokupp/paging.hpp>

namespace herokupp {

/// The apps the key's account can see. Obtained from Client::apps().
///
/// @par Example
/// @code
/// for (auto const& a : heroku.apps().list()) if (a) std::cout << a->name << "\n";
/// herokupp::api::app::CreateParams p;
/// p.name = "my-new-app";
/// auto created = heroku.apps().create(p);
/// @endcode
class HEROKUPP_API AppsClient {
 public:
  /// Apps through `client`; Client::apps() is the usual way to get one.
  explicit AppsClient(Client client) : client_(std::move(client)) {}

  /// App › List.
  Paged<App> list(ListOptions const& options = {}) const;
  /// App › Create.
  result<App> create(api::app::CreateParams const& params = {}) const;

 private:
  Client client_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APPS_CLIENT_HPP
