#include <herokupp/api/release.hpp>
#include <herokupp/clients/app_releases_client.hpp>

#include <string>

namespace herokupp {

Paged<Release> AppReleasesClient::list(ListOptions const& options) const {
  return api::release::list(client_, app_, options);
}

result<Release> AppReleasesClient::info(std::string_view id_or_version) const {
  return api::release::info(client_, app_, id_or_version);
}

result<Release> AppReleasesClient::info(std::int64_t version) const {
  if (version < 1) {
    return Error(ErrorKind::invalid_argument,
                 "release version must be 1 or more, got " + std::to_string(version));
  }
  return info(std::to_string(version));
}

result<Release> AppReleasesClient::rollback(std::string_view release_id) const {
  if (release_id.empty()) {
    return Error(ErrorKind::invalid_argument, "release_id must not be empty");
  }
  api::release::RollbackParams params;
  params.release = std::string(release_id);
  return api::release::rollback(client_, app_, params);
}

result<Release> AppReleasesClient::create(std::string_view slug_id,
                                          std::optional<std::string> description) const {
  if (slug_id.empty()) return Error(ErrorKind::invalid_argument, "slug_id must not be empty");
  api::release::CreateParams params;
  params.slug = std::string(slug_id);
  params.description = std::move(description);
  return api::release::create(client_, app_, params);
}

}  // namespace herokupp
