// Path building and percent-encoding, and the base URL check. An accepted
// identifier is encoded to RFC 3986 unreserved characters and '%XX' only, and
// decodes back to itself; a refused one is an invalid_argument Error.
#include "core/base_url.hpp"
#include "core/path_builder.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace {
bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  herokupp::detail::PathBuilder builder;
  builder.lit("/apps/").param("app", text);
  auto path = std::move(builder).build();
  if (path) {
    std::string_view p(*path);
    p.remove_prefix(6);
    std::string decoded;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '%') {
        if (i + 2 >= p.size()) std::abort();
        int hi = hex(p[i + 1]), lo = hex(p[i + 2]);
        if (hi < 0 || lo < 0) std::abort();
        decoded.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
      } else if (unreserved(p[i])) {
        decoded.push_back(p[i]);
      } else {
        std::abort();
      }
    }
    if (decoded != text) std::abort();
  } else if (path.error().kind != herokupp::ErrorKind::invalid_argument) {
    std::abort();
  }
  // The base URL check: accepting plain http means a loopback host.
  auto refused = herokupp::detail::check_base_url(text, false);
  if (refused && refused->kind != herokupp::ErrorKind::invalid_argument) std::abort();
  return 0;
}
