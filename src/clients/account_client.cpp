#include <herokupp/api/account.hpp>
#include <herokupp/api/rate_limit.hpp>
#include <herokupp/clients/account_client.hpp>

namespace herokupp {

result<Account> AccountClient::info() const {
  return api::account::info(client_);
}

result<RateLimit> AccountClient::rate_limits() const {
  return api::rate_limit::info(client_);
}

}  // namespace herokupp
