#include "detail/json_codec.hpp"

namespace herokupp::detail {

char const* json_type_name(nlohmann::json const& j) noexcept {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "object";
    case nlohmann::json::value_t::array: return "array";
    case nlohmann::json::value_t::string: return "string";
    case nlohmann::json::value_t::boolean: return "boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "integer";
    case nlohmann::json::value_t::number_float: return "number";
    default: return "value";
  }
}

void fail_type(nlohmann::json const& j, char const* expected) {
  // The message names types, never the value: a value may be a secret.
  throw DecodeFailure{std::string(), std::string("expected ") + expected + ", got " +
                                         json_type_name(j)};
}

void Codec<Timestamp>::decode(nlohmann::json const& j, Timestamp& out) {
  if (!j.is_string()) fail_type(j, "date-time string");
  auto parsed = Timestamp::parse(j.get_ref<std::string const&>());
  if (!parsed) throw DecodeFailure{std::string(), "expected an ISO 8601 date-time"};
  out = *parsed;
}

Error decode_error(std::string_view root, DecodeFailure const& failure) {
  std::string where(root);
  if (!failure.path.empty()) {
    if (failure.path.front() != '[' && !where.empty()) where += ".";
    where += failure.path;
  }
  return Error(ErrorKind::decode, where + ": " + failure.message);
}

}  // namespace herokupp::detail
