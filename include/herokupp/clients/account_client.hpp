// AccountClient: the account the API key belongs to.
#ifndef HEROKUPP_CLIENTS_ACCOUNT_CLIENT_HPP
#define HEROKUPP_CLIENTS_ACCOUNT_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/account.hpp>
#include <herokupp/models/rate_limit.hpp>

namespace herokupp {

/// The key's own account. Obtained from Client::account().
///
/// @par Example
/// @code
/// auto me = heroku.account().info();
/// auto left = heroku.account().rate_limits();
/// std::cout << me->email << " has " << left->remaining << " requests left\n";
/// @endcode
class HEROKUPP_API AccountClient {
 public:
  /// The account of `client`'s API key; Client::account() is the usual way to get one.
  explicit AccountClient(Client client) : client_(std::move(client)) {}

  /// Account › Info.
  result<Account> info() const;
  /// Rate Limit › Info: requests left in the account's budget.
  result<RateLimit> rate_limits() const;

 private:
  Client client_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_ACCOUNT_CLIENT_HPP
