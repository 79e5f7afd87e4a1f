// Internal: the fixed catalogues the simulator serves (features, regions, stacks, dyno sizes).
#ifndef HEROKUPP_SRC_SIM_CATALOGUE_HPP
#define HEROKUPP_SRC_SIM_CATALOGUE_HPP

#include <cstddef>

namespace herokupp::sim::detail {

struct FeatureInfo {
  char const* id;
  char const* name;
  char const* display_name;
  char const* description;
  char const* state;  ///< public, beta, alpha
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

extern FeatureInfo const kFeatures[];
extern std::size_t const kFeatureCount;
extern RegionInfo const kRegions[];
extern std::size_t const kRegionCount;
extern StackInfo const kStacks[];
extern std::size_t const kStackCount;
extern DynoSizeInfo const kDynoSizes[];
extern std::size_t const kDynoSizeCount;

/// The id of the Cedar generation every simulated app runs on.
inline constexpr char const* kGenerationId = "e0c4e3b7-4c9d-4c6e-9b1a-3f1c6d7e8a90";

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_CATALOGUE_HPP
