#include "range_paging.hpp"

#include "http_text.hpp"

#include <algorithm>
#include <cstdlib>

namespace herokupp::sim::detail {

namespace {

using nlohmann::json;

/// Compares an item's sort value with a Range bound written as text.
int compare_bound(json const& value, std::string const& bound) {
  if (value.is_number()) {
    double b = std::strtod(bound.c_str(), nullptr);
    double v = value.get<double>();
    return v < b ? -1 : (v > b ? 1 : 0);
  }
  std::string v = value.is_string() ? value.get<std::string>() : value.dump();
  return v.compare(bound) < 0 ? -1 : (v.compare(bound) > 0 ? 1 : 0);
}

int compare_values(json const& a, json const& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.get<double>();
    double y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? -1 : 1);
  std::string x = a.is_string() ? a.get<std::string>() : a.dump();
  std::string y = b.is_string() ? b.get<std::string>() : b.dump();
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::string bound_text(json const& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string joined(std::vector<std::string> const& fields) {
  std::string out;
  for (auto const& f : fields)
    out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

bool parse_range(std::string_view text, RangeSpec& spec) {
  text = trim(text);
  std::string_view params;
  if (auto semi = text.find(';'); semi != std::string_view::npos) {
    params = text.substr(semi + 1);
    text = trim(text.substr(0, semi));
  }
  auto space = text.find(' ');
  std::string_view bounds;
  if (space == std::string_view::npos) {
    if (text.find("..") != std::string_view::npos) return false;
    spec.field = std::string(text);
  } else {
    spec.field = std::string(text.substr(0, space));
    bounds = trim(text.substr(space + 1));
  }
  if (spec.field.empty()) return false;
  if (!bounds.empty()) {
    auto dots = bounds.find("..");
    if (dots == std::string_view::npos) return false;
    std::string_view start = bounds.substr(0, dots);
    std::string_view end = bounds.substr(dots + 2);
    if (!start.empty() && start.front() == ']') {
      spec.start_exclusive = true;
      start.remove_prefix(1);
    }
    if (!start.empty()) spec.start = std::string(start);
    if (!end.empty()) spec.end = std::string(end);
  }
  while (!params.empty()) {
    auto comma = params.find_first_of(",;");
    std::string_view item = trim(params.substr(0, comma));
    params = comma == std::string_view::npos ? std::string_view() : params.substr(comma + 1);
    if (item.empty()) continue;
    auto eq = item.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = trim(item.substr(0, eq));
    std::string value(trim(item.substr(eq + 1)));
    if (key == "max") {
      char* endp = nullptr;
      long m = std::strtol(value.c_str(), &endp, 10);
      if (endp == value.c_str() || *endp != '\0' || m < 1) return false;
      spec.max = static_cast<int>(std::min<long>(m, 1000));
    } else if (key == "order") {
      if (value == "desc") {
        spec.descending = true;
      } else if (value != "asc") {
        return false;
      }
    }
  }
  return true;
}

bool page_list(json& items, std::vector<std::string> const& fields,
               std::optional<std::string_view> range, Response& res) {
  RangeSpec spec;
  spec.field = fields.front();
  if (range && !trim(*range).empty()) {
    if (!parse_range(*range, spec) ||
        std::find(fields.begin(), fields.end(), spec.field) == fields.end()) {
      res = error_response(416, "requested_range_not_satisfiable",
                           "Invalid Range header; sort by one of: " + joined(fields) + ".");
      res.headers.add("Accept-Ranges", joined(fields));
      return false;
    }
  }
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  auto const& f = spec.field;
  auto value_of = [&](std::size_t i) -> json const& {
    static json const null_value;
    auto it = items[i].find(f);
    return it == items[i].end() ? null_value : *it;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    int c = compare_values(value_of(a), value_of(b));
    return spec.descending ? c > 0 : c < 0;
  });
  json page = json::array();
  std::size_t taken = 0;
  bool more = false;
  json const* first = nullptr;
  json const* last = nullptr;
  for (std::size_t i : order) {
    json const& v = value_of(i);
    if (spec.start) {
      int c = compare_bound(v, *spec.start);
      if (spec.descending) c = -c;
      if (c < 0 || (c == 0 && spec.start_exclusive)) continue;
    }
    if (spec.end) {
      int c = compare_bound(v, *spec.end);
      if (spec.descending) c = -c;
      if (c > 0) continue;
    }
    if (taken == static_cast<std::size_t>(spec.max)) {
      more = true;
      break;
    }
    if (first == nullptr) first = &v;
    last = &v;
    page.push_back(std::move(items[i]));
    ++taken;
  }
  res.headers.add("Accept-Ranges", joined(fields));
  if (first != nullptr) {
    res.headers.add("Content-Range", f + " " + bound_text(*first) + ".." + bound_text(*last));
  }
  if (more) {
    res.status = 206;
    std::string next = f + " ]" + bound_text(*last) + "..; max=" + std::to_string(spec.max);
    if (spec.descending) next += ", order=desc";
    res.headers.add("Next-Range", next);
  }
  res.body = page.dump();
  return true;
}

}  // namespace herokupp::sim::detail
