#include <herokupp/paging.hpp>

namespace herokupp::detail {

result<std::string> range_header(ListOptions const& options) {
  if (options.max && (*options.max < 1 || *options.max > 1000)) {
    return Error(ErrorKind::invalid_argument,
                 "ListOptions.max must be between 1 and 1000, got " + std::to_string(*options.max));
  }
  if (options.max_pages < 1) {
    return Error(ErrorKind::invalid_argument, "ListOptions.max_pages must be at least 1");
  }
  for (char c : options.sort_field) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) {
      return Error(ErrorKind::invalid_argument,
                   "ListOptions.sort_field may hold only letters, digits, '_', '-' and '.'");
    }
  }
  std::string range = options.sort_field.empty() ? "id" : options.sort_field;
  range += " ..";
  std::string params;
  if (options.max) params += "max=" + std::to_string(*options.max);
  if (options.order == Order::descending) {
    if (!params.empty()) params += ", ";
    params += "order=desc";
  }
  if (!params.empty()) range += "; " + params;
  return range;
}

}  // namespace herokupp::detail
