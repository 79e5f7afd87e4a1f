#include "core/json_reader.hpp"
#include "core/json_codec.hpp"

#include <herokupp/models/app.hpp>
#include <herokupp/models/release.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

using herokupp::detail::JsonKind;
using herokupp::detail::JsonNumber;
using herokupp::detail::JsonReader;
using herokupp::detail::MalformedJson;

namespace {

bool reader_accepts(std::string const& text) {
  try {
    JsonReader r(text);
    r.skip();
    r.finish();
    return true;
  } catch (MalformedJson const&) {
    return false;
  }
}

std::string decoded_string(std::string const& json_text) {
  JsonReader r(json_text);
  std::string out;
  r.read_string(out);
  r.finish();
  return out;
}

JsonNumber number_of(std::string const& text) {
  static std::vector<std::string> keep;  // JsonNumber views the text
  keep.push_back(text);
  JsonReader r(keep.back());
  return r.read_number();
}

}  // namespace

TEST_CASE("the reader accepts exactly what nlohmann::json accepts, on chosen texts") {
  std::vector<std::string> texts = {
      "{}", "[]", "0", "-0", "1.5e+3", "\"\"", "true", "false", "null", " { \"a\" : [1, 2] } ",
      "{\"a\":{\"b\":{\"c\":[null,true,\"x\"]}}}", "\"\\u00e9\\ud83d\\ude00\"", "\"caf\xc3\xa9\"",
      "\"\xf0\x9f\x98\x80\"",
      // malformed
      "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "-", "+1",
      "1e", "1e+", "tru", "nul", "True", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\ud800\"",
      "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\x01\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"",
      "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", "[1 2]", "{\"a\":1}}", "[1]]", "{} {}", "[", "[[]",
      "{\"a\":}", "{,}", "[,1]", "\"\\\"", "nulll", "1 2"};
  for (auto const& text : texts) {
    CAPTURE(text);
    CHECK(reader_accepts(text) == nlohmann::json::accept(text));
  }
}

TEST_CASE("the reader agrees with nlohmann::json on 20,000 mutated answers") {
  std::vector<std::string> seeds = {
      R"({"id":"01234567-89ab-cdef-0123-456789abcdef","name":"shop","maintenance":false,)"
      R"("owner":{"email":"a@b.c","id":null},"repo_size":1024,"ratio":-1.5e-3,"tags":["a","b"]})",
      R"([{"version":7,"description":"Deploy \"abc\" \u00e9\ud83d\ude00","current":true},[],{}])",
      R"({"a":[[[[{"b":[1,2,{"c":"\n\t\\"}]}]]]],"e":0.0,"f":-0,"g":"caf)"
      "\xc3\xa9"
      R"("})"};
  // Characters that make interesting JSON, and some that make broken UTF-8.
  std::string const alphabet = "{}[]:,\"\\/bfnrtu0123456789+-.eE ntrufalse\x01\x7f\xc3\xa9\xed\xff";
  std::mt19937 rng(20261130);  // fixed: the same 20,000 texts every run
  int agreed = 0;
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = seeds[static_cast<std::size_t>(i) % seeds.size()];
    int const edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = rng() % text.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, c);
          break;
        default:
          text[at] = c;
          break;
      }
    }
    bool const ours = reader_accepts(text);
    bool const theirs = nlohmann::json::accept(text);
    if (ours != theirs) {
      CAPTURE(text);
      CHECK(ours == theirs);
    } else {
      ++agreed;
    }
    accepted += ours ? 1 : 0;
  }
  CHECK(agreed == 20000);
  // The mutations must produce both outcomes, or the test proves little.
  CHECK(accepted > 1000);
  CHECK(accepted < 19000);
}

TEST_CASE("strings decode as nlohmann::json decodes them") {
  for (std::string text :
       {R"("plain")", R"("tab\there")", R"("quote\" slash\/ back\\")",
        R"("\u0041\u00e9\u20ac\ud83d\ude00")", R"("\b\f\n\r")", "\"caf\xc3\xa9 \\u00e9\""}) {
    CAPTURE(text);
    CHECK(decoded_string(text) == nlohmann::json::parse(text).get<std::string>());
  }
}

TEST_CASE("numbers keep their text and convert only when asked") {
  CHECK(number_of("42").integral);
  CHECK(number_of("42").to_int64() == 42);
  CHECK(number_of("-0").to_int64() == 0);
  CHECK(number_of("3.0").to_int64() == 3);
  CHECK(number_of("2e3").to_int64() == 2000);
  CHECK_FALSE(number_of("2.5").to_int64().has_value());
  CHECK(number_of("9223372036854775807").to_int64() == INT64_MAX);
  CHECK_FALSE(number_of("9223372036854775808").to_int64().has_value());
  CHECK_FALSE(number_of("1e19").to_int64().has_value());
  CHECK(number_of("-1.5e-3").to_double() == doctest::Approx(-0.0015));
  CHECK_FALSE(number_of("1e999").to_double().has_value());
  CHECK(number_of("1e-400").to_double() == 0.0);
}

TEST_CASE("deep nesting in a skipped value neither recurses nor crashes") {
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  CHECK(reader_accepts(deep));
  CHECK_FALSE(reader_accepts(std::string(200000, '[') + std::string(199999, ']')));

  // The same inside an answer: the unknown member is skipped, the rest read.
  std::string answer = R"({"unknown":)" + deep + R"(,"name":"shop"})";
  auto app = herokupp::app_from_json(answer);
  REQUIRE(app.has_value());
  CHECK(app->name == "shop");
}

TEST_CASE("decoding reads members wherever they are, escaped names included") {
  auto app = herokupp::app_from_json(
      R"({"extra":{"nested":[1,{"name":"not this"}]},"na\u006de":"shop","maintenance":true,)"
      R"("name":"shop-2","owner":{"email":"a@b.c","unknown":[]}})");
  REQUIRE(app.has_value());
  CHECK(app->name == "shop-2");  // the last of duplicate members wins, as in a document
  CHECK(app->maintenance);
  CHECK(app->owner.email == "a@b.c");
}

TEST_CASE("malformed text is reported before a wrong type that precedes it") {
  auto typed = herokupp::release_from_json(R"({"version":"seven"})");
  REQUIRE_FALSE(typed.has_value());
  CHECK(typed.error().message.find("release.version") != std::string::npos);

  auto both = herokupp::release_from_json(R"({"version":"seven", "description": )");
  REQUIRE_FALSE(both.has_value());
  CHECK(both.error().kind == herokupp::ErrorKind::decode);
  CHECK_MESSAGE(both.error().message.find("malformed JSON") != std::string::npos,
                both.error().message);

  auto trailing = herokupp::release_from_json(R"({"version":7} x)");
  REQUIRE_FALSE(trailing.has_value());
  CHECK(trailing.error().message.find("malformed JSON") != std::string::npos);

  auto empty = herokupp::release_from_json("");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().message.find("empty response body") != std::string::npos);
}

TEST_CASE("error messages name types and places, never values") {
  auto r = herokupp::app_from_json(R"({"name":"s3cr3t-value","maintenance":"s3cr3t-value"})");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "app.maintenance: expected boolean, got string");

  auto bad = herokupp::app_from_json("{\"name\":\"s3cr3t-value\x01\"}");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("s3cr3t") == std::string::npos);

  auto out_of_range = herokupp::app_from_json(R"({"repo_size":1e999})");
  REQUIRE_FALSE(out_of_range.has_value());
  CHECK(out_of_range.error().message == "app.repo_size: expected integer, got number");
}

TEST_CASE("an impossible timestamp is a decode error naming the field") {
  for (char const* when :
       {"2024-02-31T10:00:00Z", "2023-02-29T10:00:00Z", "2024-01-01T24:00:00Z"}) {
    CAPTURE(when);
    auto r =
        herokupp::release_from_json(std::string(R"({"version":7,"created_at":")") + when + R"("})");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == herokupp::ErrorKind::decode);
    CHECK(r.error().message.find("release.created_at") != std::string::npos);
  }
}

TEST_CASE("peek names the next value's type as messages do") {
  JsonReader r(R"([1, 1.5, "s", true, null, {}, []])");
  std::vector<std::string> names;
  r.read_array([&] {
    names.emplace_back(r.peek_type_name());
    r.skip();
  });
  r.finish();
  CHECK(names == std::vector<std::string>{"integer", "number", "string", "boolean", "null",
                                          "object", "array"});
}
