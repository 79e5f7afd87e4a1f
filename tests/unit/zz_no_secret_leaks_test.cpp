// Runs last (doctest orders test cases by file name): every text the suite
// captured from errors, exceptions and log records must be free of the API key.
#include <doctest/doctest.h>

#include "support/capture.hpp"

TEST_CASE("the API key never appears in any Error, exception or log text") {
  auto const& texts = herokupp::test::captured();
  CHECK(texts.size() > 20);  // the scan means something only if the suite captured plenty
  std::string const key = herokupp::test::api_key;
  for (auto const& text : texts) {
    CHECK_MESSAGE(text.find(key) == std::string::npos, "leak in captured text #",
                  &text - texts.data());
    CHECK(text.find("Bearer") == std::string::npos);
  }
}
