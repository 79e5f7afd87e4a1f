// Keyed hashes from OpenSSL's libcrypto (HMAC-SHA256, RAND_bytes): a
// maintained implementation rather than one of our own.
#include <herokupp/ops/fingerprint.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <random>
#include <stdexcept>

namespace herokupp::ops {
namespace {

using Digest = std::array<unsigned char, 32>;

Digest hmac_sha256(std::string_view key, std::string_view message) {
  Digest out{};
  unsigned int size = 0;
  // An empty key is passed as a one-byte buffer of length 0: HMAC() treats a
  // null key as "reuse the previous key".
  static unsigned char const empty = 0;
  auto const* k = key.empty() ? &empty : reinterpret_cast<unsigned char const*>(key.data());
  if (HMAC(EVP_sha256(), k, static_cast<int>(key.size()),
           reinterpret_cast<unsigned char const*>(message.data()), message.size(), out.data(),
           &size) == nullptr ||
      size != out.size()) {
    throw std::runtime_error("libcrypto could not compute HMAC-SHA256");
  }
  return out;
}

std::string to_hex(Digest const& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (unsigned char b : digest) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 0x0f]);
  }
  return out;
}

}  // namespace

Fingerprinter Fingerprinter::random() {
  std::string key(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1) {
    std::random_device device;
    for (char& c : key)
      c = static_cast<char>(device() & 0xff);
  }
  // An all-zero key would still be a key; only an empty one disables.
  return Fingerprinter(std::move(key));
}

std::string Fingerprinter::operator()(std::string_view value) const {
  if (key_.empty()) return {};
  return to_hex(hmac_sha256(key_, value)).substr(0, length);
}

std::string Fingerprinter::mac(std::string_view message) const {
  if (key_.empty()) return {};
  return to_hex(hmac_sha256(key_, message));
}

Fingerprinter Fingerprinter::derive(std::string_view purpose) const {
  if (key_.empty()) return {};
  auto d = hmac_sha256(key_, purpose);
  return Fingerprinter(std::string(reinterpret_cast<char const*>(d.data()), d.size()));
}

bool equal_in_constant_time(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace herokupp::ops
