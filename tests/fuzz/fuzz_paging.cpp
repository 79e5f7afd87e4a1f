// Range and Next-Range: the Range header built from ListOptions, and a Paged
// listing driven by a server whose every page and Next-Range come from the
// input. Whatever the server sends, the listing ends within max_pages
// requests, and a loop ends it with a protocol Error.
#include <herokupp/paging.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 2) return 0;
  // Byte 0: page size and order; byte 1: max_pages; the rest: lines, each
  // "<items> <Next-Range>" (an empty range: the last page).
  herokupp::ListOptions options;
  options.max = data[0] % 8 == 0 ? 0 : data[0] % 8 * 150;
  options.order = data[0] & 0x80 ? herokupp::Order::descending : herokupp::Order::ascending;
  options.max_pages = data[1] % 20;
  std::string_view rest(reinterpret_cast<char const*>(data) + 2, size - 2);
  auto nl = rest.find('\n');
  options.sort_field = std::string(rest.substr(0, nl == std::string_view::npos ? 0 : nl));
  if (nl != std::string_view::npos) rest.remove_prefix(nl + 1);
  std::vector<std::string_view> lines;
  while (!rest.empty()) {
    auto end = rest.find('\n');
    lines.push_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  auto first = herokupp::detail::range_header(options);
  if (!first) return 0;
  std::size_t served = 0;
  herokupp::Paged<int> paged(
      [&](std::string const&) -> herokupp::result<herokupp::detail::Page<int>> {
        herokupp::detail::Page<int> page;
        std::string_view line = lines.empty() ? std::string_view() : lines[served % lines.size()];
        ++served;
        int items = line.empty() ? 0 : static_cast<unsigned char>(line[0]) % 4;
        for (int i = 0; i < items; ++i)
          page.items.push_back(i);
        if (line.size() > 1) page.next_range = std::string(line.substr(1));
        return page;
      },
      std::move(first).value(), options.max_pages, "GET /fuzz");
  std::size_t seen = 0;
  for (auto const& item : paged) {
    ++seen;
    if (!item && item.error().kind != herokupp::ErrorKind::protocol) std::abort();
  }
  if (served > options.max_pages || paged.pages_fetched() != served) std::abort();
  (void)seen;
  return 0;
}
