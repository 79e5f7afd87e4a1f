// The ops policy loader: any text is a Policy or an invalid_argument Error.
#include <herokupp/ops/policy.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  auto policy = herokupp::ops::Policy::from_json(text);
  if (!policy) {
    if (policy.error().kind != herokupp::ErrorKind::invalid_argument) std::abort();
    return 0;
  }
  for (auto const& actor : policy->actors())
    (void)policy->roles(actor);
  return 0;
}
