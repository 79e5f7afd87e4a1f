#include <herokupp/api/build.hpp>
#include <herokupp/app_builds.hpp>

namespace herokupp {

result<Build> AppBuilds::create(SourceBlob const& source) const {
  if (source.url.empty())
    return Error(ErrorKind::invalid_argument, "SourceBlob.url must not be empty");
  api::build::CreateParams params;
  params.source_blob.url = source.url;
  params.source_blob.version = source.version;
  params.source_blob.checksum = source.checksum;
  return api::build::create(client_, app_, params);
}

Paged<Build> AppBuilds::list(ListOptions const& options) const {
  return api::build::list(client_, app_, options);
}

result<Build> AppBuilds::info(std::string_view build_id) const {
  return api::build::info(client_, app_, build_id);
}

}  // namespace herokupp
