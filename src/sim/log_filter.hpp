// Which stored log lines a log session shows, as Logplex filters them.
#ifndef HEROKUPP_SIM_LOG_FILTER_HPP
#define HEROKUPP_SIM_LOG_FILTER_HPP

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::sim::detail {

/// A log session's filters: `dyno` is a dyno name ("web.1") or a process type
/// ("web", every web dyno); `source` is "app" or "heroku". Empty means any.
struct LogFilter {
  std::string dyno;
  std::string source;
};

/// Whether a stored line ("<time> app[web.1]: text") passes `filter`. Only the
/// line's source token is read, never its text, so "web.1" matches neither
/// "web.10" nor a message that happens to mention web.1.
bool log_line_matches(std::string_view line, LogFilter const& filter);

/// The indices of the last `count` lines of `lines` that pass `filter`, oldest
/// first.
std::vector<std::size_t> last_matching_lines(std::deque<std::string> const& lines,
                                             LogFilter const& filter, std::size_t count);

}  // namespace herokupp::sim::detail

#endif
