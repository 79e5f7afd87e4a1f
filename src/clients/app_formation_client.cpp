#include <herokupp/api/formation.hpp>
#include <herokupp/clients/app_formation_client.hpp>

#include <string>

namespace herokupp {

Paged<Formation> AppFormationClient::list(ListOptions const& options) const {
  return api::formation::list(client_, app_, options);
}

result<Formation> AppFormationClient::info(std::string_view type) const {
  return api::formation::info(client_, app_, type);
}

result<Formation> AppFormationClient::scale(std::string_view type,
                                            std::optional<std::int64_t> quantity,
                                            std::optional<std::string> size) const {
  if (!quantity && !size) {
    return Error(ErrorKind::invalid_argument, "scale needs a quantity, a size, or both");
  }
  if (quantity && *quantity < 0) {
    return Error(ErrorKind::invalid_argument, "quantity must not be negative");
  }
  api::formation::UpdateParams params;
  params.quantity = quantity;
  if (size) {
    params.dyno_size.emplace();
    params.dyno_size->name = std::move(size);
  }
  return api::formation::update(client_, app_, type, params);
}

result<std::vector<Formation>> AppFormationClient::batch_update(
    std::vector<FormationChange> const& changes) const {
  if (changes.empty()) {
    return Error(ErrorKind::invalid_argument, "batch_update needs at least one change");
  }
  api::formation::BatchUpdateParams params;
  for (auto const& change : changes) {
    if (change.type.empty()) {
      return Error(ErrorKind::invalid_argument, "every formation change needs a process type");
    }
    if (change.quantity && *change.quantity < 0) {
      return Error(ErrorKind::invalid_argument, "quantity must not be negative");
    }
    typename decltype(params.updates)::value_type update;
    update.type = change.type;
    update.quantity = change.quantity;
    if (change.size) {
      update.dyno_size.emplace();
      update.dyno_size->name = change.size;
    }
    params.updates.push_back(std::move(update));
  }
  return api::formation::batch_update(client_, app_, params);
}

}  // namespace herokupp
