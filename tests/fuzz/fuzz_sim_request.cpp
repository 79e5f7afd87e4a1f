// The simulator's request handling: byte 0 even, a request body checked by
// the validator against one link's schema (byte 1 picks the link); byte 0
// odd, a GET of a list whose Range header is the input, through the whole
// Platform (router, range parsing, paging). Every answer is an HTTP status,
// never a crash.
#include "route_table.hpp"
#include "validator.hpp"

#include <herokupp/sim/platform.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using herokupp::sim::detail::RouteTables;

std::vector<int> const& links_with_bodies(RouteTables const& tables) {
  static std::vector<int> const links = [&] {
    std::vector<int> out;
    for (std::size_t i = 0; i < tables.link_count; ++i)
      if (tables.links[i].body >= 0) out.push_back(static_cast<int>(i));
    return out;
  }();
  return links;
}

// One platform for the whole run: only GETs reach it, which change nothing.
herokupp::sim::Platform& platform() {
  static auto* p = [] {
    auto* made = new herokupp::sim::Platform();
    if (!made->load_seed_file(HEROKUPP_FLEET_SEED)) std::abort();
    return made;
  }();
  return *p;
}

// The fleet's ops account (tests/fixtures/fleet.json).
constexpr char const* ops_key = "HRKU-fleet-ops-4f1c2a9e7b3d4c5e8a6f0b1d2c3e4f5a";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 2) return 0;
  std::string text(reinterpret_cast<char const*>(data) + 2, size - 2);
  if (data[0] % 2 == 0) {
    auto const& tables = herokupp::sim::detail::generated_route_tables();
    static herokupp::sim::detail::Validator const validator(tables);
    auto const& links = links_with_bodies(tables);
    if (links.empty()) return 0;
    int link = links[data[1] % links.size()];
    auto value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded()) return 0;
    (void)validator.check(tables.links[link].body, value);
    return 0;
  }
  static char const* const lists[] = {"/apps", "/apps/shop-staging/releases",
                                      "/apps/shop-staging/dynos", "/apps/shop-staging/formation",
                                      "/pipelines"};
  herokupp::sim::Request request;
  request.method = herokupp::Method::get;
  request.target = lists[data[1] % 5];
  request.headers.add("Accept", "application/vnd.heroku+json; version=3");
  request.headers.add("Authorization", std::string("Bearer ") + ops_key);
  request.headers.add("Range", text);
  auto response = platform().handle(request);
  if (response.status < 200 || response.status > 599) std::abort();
  return 0;
}
