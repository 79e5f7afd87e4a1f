// Internal: the one way ops refuses to touch a protected app.
#ifndef HEROKUPP_SRC_OPS_PROTECTED_APP_HPP
#define HEROKUPP_SRC_OPS_PROTECTED_APP_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops::detail {

/// "the app shop-production is protected: <reason>". The message starts with
/// "the app" so that explain(), which capitalises a sentence, never changes
/// the name itself.
inline Error protected_app_error(std::string_view app, std::string_view reason) {
  return Error(ErrorKind::protected_app,
               "the app " + std::string(app) + " is protected: " + std::string(reason));
}

/// Whether `app` is in `list` (lower case names and ids), by the identity
/// given and, when the list holds ids and the app was named (or the other
/// way round), by its name and id as App › Info gives them: one request at
/// most, and none when the list holds only the kind of identity given.
result<bool> is_protected(AppClient const& app, std::vector<std::string> const& list);

/// The entries of `list` of the same kind (name or id) as `identity`:
/// checking against these needs no request.
std::vector<std::string> same_kind(std::vector<std::string> const& list, std::string_view identity);

}  // namespace herokupp::ops::detail

#endif  // HEROKUPP_SRC_OPS_PROTECTED_APP_HPP
