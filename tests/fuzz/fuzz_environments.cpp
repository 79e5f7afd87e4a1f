// The workflow's environments file: any YAML text is a file or an
// invalid_argument Error, never a crash or an escaping exception.
#include <herokupp/workflow/environments.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  auto file = herokupp::workflow::EnvironmentsFile::parse(text);
  if (!file && file.error().kind != herokupp::ErrorKind::invalid_argument) std::abort();
  return 0;
}
