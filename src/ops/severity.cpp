#include <herokupp/ops/severity.hpp>

#include "text.hpp"

namespace herokupp::ops {

std::string_view to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

result<Severity> parse_severity(std::string_view text) {
  auto const name = detail::lower(text);
  for (auto s : {Severity::info, Severity::warning, Severity::error}) {
    if (name == to_string(s)) return s;
  }
  return Error(ErrorKind::invalid_argument,
               "unknown severity " + detail::quoted(text) + ": use info, warning or error");
}

}  // namespace herokupp::ops
