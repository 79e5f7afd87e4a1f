#include "clients/resolve_id.hpp"

#include <herokupp/api/app.hpp>
#include <herokupp/api/pipeline.hpp>

#include "core/uuid.hpp"

namespace herokupp::detail {

namespace {

template <class InfoFn>
result<std::string> resolve(std::string const& identity, InfoFn info) {
  if (looks_like_uuid(identity)) return identity;
  auto found = info(identity);
  if (!found) return std::move(found).error();
  return found->id;
}

}  // namespace

result<std::string> pipeline_id(Client const& client, std::string const& identity) {
  return resolve(identity,
                 [&](std::string const& name) { return api::pipeline::info(client, name); });
}

result<std::string> app_id(Client const& client, std::string const& identity) {
  return resolve(identity, [&](std::string const& name) { return api::app::info(client, name); });
}

}  // namespace herokupp::detail
