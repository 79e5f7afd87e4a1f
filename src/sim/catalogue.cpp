#include "catalogue.hpp"

#include <iterator>

namespace herokupp::sim::detail {

FeatureInfo const kFeatures[] = {
    {"2d6a8f1c-3b4e-4f5a-8c9d-0e1f2a3b4c5d", "preboot", "Preboot",
     "Start new dynos before old ones are stopped when deploying.", "public", false},
    {"3e7b9a2d-4c5f-4a6b-9d0e-1f2a3b4c5d6e", "runtime-dyno-metadata", "Runtime Dyno Metadata",
     "Expose dyno and release metadata as environment variables.", "public", false},
    {"4f8c0b3e-5d6a-4b7c-8e1f-2a3b4c5d6e7f", "log-runtime-metrics", "Log Runtime Metrics",
     "Emit dyno memory and load metrics into the log stream.", "public", false},
    {"5a9d1c4f-6e7b-4c8d-9f2a-3b4c5d6e7f8a", "http-session-affinity", "Session Affinity",
     "Route requests from one client to the same dyno.", "public", false},
    {"6b0e2d5a-7f8c-4d9e-8a3b-4c5d6e7f8a9b", "spaces-dns-discovery", "DNS Service Discovery",
     "Resolve dynos by name inside a private space.", "public", false},
};
std::size_t const kFeatureCount = std::size(kFeatures);

RegionInfo const kRegions[] = {
    {"59accabd-516d-4f0e-83e6-6e3757701145", "us", "United States", "Virginia", "United States",
     "us-east-1"},
    {"ed30241c-ed8c-4bb6-9714-61953675d0b4", "eu", "Ireland", "Dublin", "Europe", "eu-west-1"},
};
std::size_t const kRegionCount = std::size(kRegions);

StackInfo const kStacks[] = {
    {"ee582d3c-717d-4a57-ba5f-8b3a39f3a817", "heroku-22", "supported", false},
    {"b90b5d4e-2a53-4a9c-9b6e-1d5f9a0c3e21", "heroku-24", "supported", true},
};
std::size_t const kStackCount = std::size(kStacks);

DynoSizeInfo const kDynoSizes[] = {
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e01", "Eco", 1, 0.5, 0, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e02", "Basic", 1, 0.5, 1, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e03", "Standard-1X", 1, 0.5, 1, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e04", "Standard-2X", 2, 1, 2, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e05", "Performance-M", 2, 2.5, 8, true, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e06", "Performance-L", 8, 14, 16, true, false},
};
std::size_t const kDynoSizeCount = std::size(kDynoSizes);

}  // namespace herokupp::sim::detail
