#include <herokupp/api/build.hpp>
#include <herokupp/clients/app_builds_client.hpp>

namespace herokupp {

result<Build> AppBuildsClient::create(SourceBlob const& source) const {
  if (source.url.empty())
    return Error(ErrorKind::invalid_argument, "SourceBlob.url must not be empty");
  api::build::CreateParams params;
  params.source_blob.url = source.url;
  params.source_blob.version = source.version;
  params.source_blob.checksum = source.checksum;
  return api::build::create(client_, app_, params);
}

Paged<Build> AppBuildsClient::list(ListOptions const& options) const {
  return api::build::list(client_, app_, options);
}

result<Build> AppBuildsClient::info(std::string_view build_id) const {
  return api::build::info(client_, app_, build_id);
}

}  // namespace herokupp
