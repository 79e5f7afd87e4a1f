#include <herokupp/api/config_var.hpp>
#include <herokupp/clients/app_config_vars_client.hpp>

namespace herokupp {

result<std::map<std::string, std::string>> AppConfigVarsClient::get() const {
  return api::config_var::info_for_app(client_, app_);
}

result<std::map<std::string, std::string>> AppConfigVarsClient::update(
    std::map<std::string, std::optional<std::string>> const& changes) const {
  if (changes.empty()) {
    return Error(ErrorKind::invalid_argument, "config changes must name at least one key");
  }
  return api::config_var::update(client_, app_, changes);
}

result<std::map<std::string, std::string>> AppConfigVarsClient::for_release(
    std::string_view id_or_version) const {
  return api::config_var::info_for_app_release(client_, app_, id_or_version);
}

}  // namespace herokupp
