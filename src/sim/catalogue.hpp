// Internal: the fixed catalogues the simulator serves (features, regions, stacks, dyno sizes).
#ifndef HEROKUPP_SRC_SIM_CATALOGUE_HPP
#define HEROKUPP_SRC_SIM_CATALOGUE_HPP

#include <cstddef>
#include <string_view>

namespace herokupp::sim::detail {

struct FeatureInfo {
  char const* id;
  char const* name;
  char const* display_name;
  char const* description;
  char const* state;  ///< general, beta, alpha
  bool enabled_by_default;
};

struct RegionInfo {
  char const* id;
  char const* name;
  char const* country;
  char const* locale;
  char const* description;
  char const* provider_region;
};

struct StackInfo {
  char const* id;
  char const* name;
  char const* state;
  bool is_default;
};

struct DynoSizeInfo {
  char const* id;
  char const* name;
  int compute;
  double memory;
  double dyno_units;
  bool dedicated;
  bool private_space_only;
};

/// An add-on service of the simulated marketplace.
struct AddOnServiceInfo {
  char const* id;
  char const* name;         ///< "heroku-postgresql"
  char const* human_name;   ///< "Heroku Postgres"
  char const* attachment;   ///< default attachment name: "DATABASE" (sets DATABASE_URL)
  char const* name_prefix;  ///< add-on names: "postgresql-<word>-<number>"
  char const* url_scheme;   ///< of the config var's URL; empty: the service sets no config var
};

struct AddOnPlanInfo {
  char const* id;
  std::size_t service;  ///< index into kAddOnServices
  char const* name;     ///< "heroku-postgresql:essential-0"
  char const* human_name;
  int cents;  ///< per month
  bool is_default;
};

/// A permission a team app collaborator can hold.
struct TeamPermissionInfo {
  char const* name;  ///< view, deploy, operate, manage
  char const* description;
};

extern FeatureInfo const kFeatures[];
extern std::size_t const kFeatureCount;
extern RegionInfo const kRegions[];
extern std::size_t const kRegionCount;
extern StackInfo const kStacks[];
extern std::size_t const kStackCount;
extern FeatureInfo const kAccountFeatures[];
extern std::size_t const kAccountFeatureCount;
extern AddOnServiceInfo const kAddOnServices[];
extern std::size_t const kAddOnServiceCount;
extern AddOnPlanInfo const kAddOnPlans[];
extern std::size_t const kAddOnPlanCount;
extern TeamPermissionInfo const kTeamPermissions[];
extern std::size_t const kTeamPermissionCount;
extern DynoSizeInfo const kDynoSizes[];
extern std::size_t const kDynoSizeCount;

/// Whether `name` is one of kTeamPermissions.
bool is_team_permission(std::string_view name);

/// The id of the Cedar generation every simulated app runs on.
inline constexpr char const* kGenerationId = "e0c4e3b7-4c9d-4c6e-9b1a-3f1c6d7e8a90";

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_CATALOGUE_HPP
