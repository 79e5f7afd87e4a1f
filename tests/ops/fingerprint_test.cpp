#include <herokupp/ops/fingerprint.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace ops = herokupp::ops;

namespace {
std::string hex_mac(std::string const& k, std::string const& m) {
  return ops::Fingerprinter{k}.mac(m);
}
}  // namespace

TEST_CASE("Fingerprinter::mac is HMAC-SHA256: the RFC 4231 vectors") {
  CHECK(hex_mac(std::string(20, '\x0b'), "Hi There") ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  CHECK(hex_mac("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(hex_mac(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (int i = 1; i <= 25; ++i)
    key4.push_back(static_cast<char>(i));
  CHECK(hex_mac(key4, std::string(50, '\xcd')) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // A key longer than the block is hashed first.
  CHECK(
      hex_mac(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  CHECK(hex_mac("key", "The quick brown fox jumps over the lazy dog") ==
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  CHECK(hex_mac(std::string(64, 'k'), "x") ==
        "f91c4c403625fb06910ef93999265bbd2d62baeaec6ff36455498cc124fe3e66");
}

TEST_CASE("a Fingerprinter is short, keyed and the same length for any value") {
  ops::Fingerprinter fp{"deployment-secret"};
  REQUIRE(fp.enabled());
  std::string const a = fp("postgres://user:pass@host/db");
  CHECK(a.size() == ops::Fingerprinter::length);
  CHECK(a == hex_mac("deployment-secret", "postgres://user:pass@host/db").substr(0, 12));
  CHECK(fp("").size() == ops::Fingerprinter::length);
  CHECK(fp(std::string(10000, 'x')).size() == ops::Fingerprinter::length);
  CHECK(fp("same") == fp("same"));
  CHECK(fp("same") != fp("Same"));
  CHECK(ops::Fingerprinter{"other-secret"}("same") != fp("same"));

  ops::Fingerprinter none;
  CHECK_FALSE(none.enabled());
  CHECK(none("anything").empty());

  std::set<std::string> randoms;
  for (int i = 0; i < 4; ++i)
    randoms.insert(ops::Fingerprinter::random()("v"));
  CHECK(randoms.size() == 4);
}

TEST_CASE("derived keys are independent, and codes compare in constant time") {
  ops::Fingerprinter user{"user-key"};
  auto plans = user.derive("herokupp plan codes");
  auto prints = user.derive("herokupp fingerprints");
  REQUIRE(plans.enabled());
  CHECK(plans.mac("m") != prints.mac("m"));
  CHECK(plans.mac("m") != user.mac("m"));
  CHECK(plans.mac("m") == user.derive("herokupp plan codes").mac("m"));
  CHECK_FALSE(ops::Fingerprinter{}.derive("x").enabled());

  CHECK(ops::equal_in_constant_time("ABCDEF", "ABCDEF"));
  CHECK_FALSE(ops::equal_in_constant_time("ABCDEF", "ABCDEG"));
  CHECK_FALSE(ops::equal_in_constant_time("ABCDEF", "ABCDE"));
  CHECK_FALSE(ops::equal_in_constant_time("", "A"));
}
