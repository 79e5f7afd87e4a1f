// Error bodies: whatever a server answers, error_from_http gives an Error
// whose id, message and url hold no control characters, C1 controls or
// invalid UTF-8, and stay short, so printing them is safe.
#include <herokupp/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
void require_printable(std::string const& s) {
  if (s.size() > 520) std::abort();
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7f) std::abort();
    if (b == 0xc2 && i + 1 < s.size()) {
      auto c = static_cast<unsigned char>(s[i + 1]);
      if (c >= 0x80 && c <= 0x9f) std::abort();
    }
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 2) return 0;
  int status = 100 + (data[0] << 8 | data[1]) % 500;
  std::string_view body(reinterpret_cast<char const*>(data) + 2, size - 2);
  herokupp::Error e = herokupp::error_from_http(status, body, "req-1");
  require_printable(e.id);
  require_printable(e.message);
  require_printable(e.url);
  (void)e.describe();
  (void)e.hint();
  return 0;
}
