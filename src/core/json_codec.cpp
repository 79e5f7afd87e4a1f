#include "core/json_codec.hpp"

namespace herokupp::detail {

void fail_type(JsonReader& r, char const* expected) {
  // The message names types, never the value: a value may be a secret.
  throw DecodeFailure{std::string(),
                      std::string("expected ") + expected + ", got " + r.peek_type_name()};
}

void Codec<std::int64_t>::read(JsonReader& r, std::int64_t& out) {
  expect_kind(r, JsonKind::number, "integer");
  JsonNumber number = r.read_number();
  auto value = number.to_int64();
  if (!value) {
    throw DecodeFailure{std::string(),
                        number.integral ? "integer out of range" : "expected integer, got number"};
  }
  out = *value;
}

void Codec<double>::read(JsonReader& r, double& out) {
  expect_kind(r, JsonKind::number, "number");
  auto value = r.read_number().to_double();
  if (!value) throw DecodeFailure{std::string(), "number out of range"};
  out = *value;
}

void Codec<Timestamp>::read(JsonReader& r, Timestamp& out) {
  expect_kind(r, JsonKind::string, "date-time string");
  std::string scratch;
  auto parsed = Timestamp::parse(r.read_string_view(scratch));
  if (!parsed) throw DecodeFailure{std::string(), "expected an ISO 8601 date-time"};
  out = *parsed;
}

void Codec<nlohmann::json>::read(JsonReader& r, nlohmann::json& out) {
  // Free-form values are rare and small: the reader has checked the text,
  // so building a document of just this value cannot fail.
  std::string_view text = r.capture();
  out = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
}

Error decode_error(std::string_view root, DecodeFailure const& failure) {
  std::string where(root);
  if (!failure.path.empty()) {
    if (failure.path.front() != '[' && !where.empty()) where += ".";
    where += failure.path;
  }
  return Error(ErrorKind::decode, where + ": " + failure.message);
}

Error malformed_json_error(std::string_view root, MalformedJson const& failure) {
  return Error(ErrorKind::decode, std::string(root) + ": malformed JSON at byte " +
                                      std::to_string(failure.offset) + " (" + failure.what + ")");
}

}  // namespace herokupp::detail
