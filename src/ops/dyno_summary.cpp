#include <herokupp/ops/dyno_summary.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace herokupp::ops {
namespace {

// "web.2" before "web.10": compare the numeric suffix as a number.
bool natural_less(std::string const& a, std::string const& b) {
  auto split = [](std::string const& s) {
    std::size_t dot = s.rfind('.');
    if (dot == std::string::npos || dot + 1 == s.size()) return std::make_pair(s, -1LL);
    long long n = 0;
    for (std::size_t i = dot + 1; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9' || n > 1'000'000'000) return std::make_pair(s, -1LL);
      n = n * 10 + (s[i] - '0');
    }
    return std::make_pair(s.substr(0, dot), n);
  };
  return split(a) < split(b);
}

}  // namespace

std::size_t DynoGroup::count(std::string_view state) const {
  return static_cast<std::size_t>(std::count_if(
      dynos.begin(), dynos.end(), [&](DynoLine const& d) { return d.state == state; }));
}

std::size_t DynoSummary::total() const {
  std::size_t n = 0;
  for (auto const& g : groups)
    n += g.dynos.size();
  return n;
}

std::string format_age(std::chrono::seconds age) {
  long long s = std::max<long long>(0, age.count());
  long long const d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60;
  if (d > 0) return std::to_string(d) + "d " + std::to_string(h) + "h";
  if (h > 0) return std::to_string(h) + "h " + std::to_string(m) + "m";
  if (m > 0) return std::to_string(m) + "m " + std::to_string(s % 60) + "s";
  return std::to_string(s) + "s";
}

std::string DynoSummary::to_string() const {
  if (groups.empty()) return "no dynos on " + app + "\n";
  std::string out;
  for (auto const& g : groups) {
    out += g.type + " (" + (g.size.empty() ? "?" : g.size) +
           "): " + std::to_string(g.dynos.size()) + (g.dynos.size() == 1 ? " dyno\n" : " dynos\n");
    for (auto const& d : g.dynos) {
      out += "  " + d.name + "  " + d.state + " for " + format_age(d.age) + "  " + d.command + "\n";
    }
  }
  return out;
}

result<DynoSummary> dyno_summary(AppClient const& app, std::function<Timestamp()> now) {
  auto dynos = app.dynos().list().collect();
  if (!dynos) return dynos.error();
  DynoSummary out;
  out.app = app.identity();
  out.at = now ? now() : Timestamp::now();
  std::map<std::pair<std::string, std::string>, DynoGroup> groups;
  for (auto const& d : dynos.value()) {
    DynoGroup& g = groups[{d.type, d.size}];
    g.type = d.type;
    g.size = d.size;
    DynoLine line;
    line.name = d.name;
    line.command = d.command;
    line.state = d.state;
    line.since = d.updated_at.is_epoch() ? d.created_at : d.updated_at;
    auto age = std::chrono::duration_cast<std::chrono::seconds>(out.at.time_point() -
                                                                line.since.time_point());
    line.age = std::max(age, std::chrono::seconds(0));
    g.dynos.push_back(std::move(line));
  }
  for (auto& [key, g] : groups) {
    std::sort(g.dynos.begin(), g.dynos.end(),
              [](DynoLine const& a, DynoLine const& b) { return natural_less(a.name, b.name); });
    out.groups.push_back(std::move(g));
  }
  return out;
}

}  // namespace herokupp::ops
