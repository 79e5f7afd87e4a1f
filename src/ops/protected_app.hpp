// Internal: the one way ops refuses to touch a protected app.
#ifndef HEROKUPP_SRC_OPS_PROTECTED_APP_HPP
#define HEROKUPP_SRC_OPS_PROTECTED_APP_HPP

#include <herokupp/error.hpp>

#include <string>
#include <string_view>

namespace herokupp::ops::detail {

/// "the app shop-production is protected: <reason>". The message starts with
/// "the app" so that explain(), which capitalises a sentence, never changes
/// the name itself.
inline Error protected_app_error(std::string_view app, std::string_view reason) {
  return Error(ErrorKind::protected_app,
               "the app " + std::string(app) + " is protected: " + std::string(reason));
}

}  // namespace herokupp::ops::detail

#endif  // HEROKUPP_SRC_OPS_PROTECTED_APP_HPP
