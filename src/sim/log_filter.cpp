#include "log_filter.hpp"

#include <algorithm>

namespace herokupp::sim::detail {

namespace {

// "<time> <source>[<dyno>]: text" -> source and dyno; a line without a
// bracketed dyno has an empty dyno.
struct Origin {
  std::string_view source;
  std::string_view dyno;
};

Origin origin_of(std::string_view line) {
  auto const space = line.find(' ');
  if (space == std::string_view::npos) return {};
  auto const token_end = line.find(": ", space + 1);
  std::string_view token =
      line.substr(space + 1, token_end == std::string_view::npos ? std::string_view::npos
                                                                 : token_end - space - 1);
  auto const open = token.find('[');
  if (open == std::string_view::npos || token.back() != ']') return {token, {}};
  return {token.substr(0, open), token.substr(open + 1, token.size() - open - 2)};
}

bool dyno_matches(std::string_view dyno, std::string_view wanted) {
  if (dyno == wanted) return true;
  // A process type names all of its dynos: "web" takes web.1 and web.2.
  return wanted.find('.') == std::string_view::npos && dyno.size() > wanted.size() &&
         dyno.substr(0, wanted.size()) == wanted && dyno[wanted.size()] == '.';
}

}  // namespace

bool log_line_matches(std::string_view line, LogFilter const& filter) {
  if (filter.dyno.empty() && filter.source.empty()) return true;
  Origin const o = origin_of(line);
  if (!filter.source.empty() && o.source != filter.source) return false;
  return filter.dyno.empty() || dyno_matches(o.dyno, filter.dyno);
}

std::vector<std::size_t> last_matching_lines(std::deque<std::string> const& lines,
                                             LogFilter const& filter, std::size_t count) {
  std::vector<std::size_t> picked;
  for (std::size_t i = lines.size(); i-- > 0 && picked.size() < count;) {
    if (log_line_matches(lines[i], filter)) picked.push_back(i);
  }
  std::reverse(picked.begin(), picked.end());
  return picked;
}

}  // namespace herokupp::sim::detail
