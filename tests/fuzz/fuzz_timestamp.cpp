// Timestamp::parse and the Retry-After reader. A parsed timestamp formats
// back to text that parses to the same instant; nothing ever crashes.
#include "core/retry_after.hpp"

#include <herokupp/timestamp.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  if (auto t = herokupp::Timestamp::parse(text)) {
    auto again = herokupp::Timestamp::parse(t->to_string());
    if (!again || !(*again == *t)) std::abort();
  }
  auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  if (auto wait = herokupp::detail::parse_retry_after(text, now)) {
    if (wait->count() < 0) std::abort();
  }
  return 0;
}
