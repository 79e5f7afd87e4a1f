#include "core/json_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

namespace herokupp::detail {

namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

/// Bytes a string may hold as they are: printable ASCII but the quote and
/// the backslash. Everything else needs a closer look.
struct PlainStringBytes {
  bool table[256] = {};
  constexpr PlainStringBytes() {
    for (int c = 0x20; c < 0x80; ++c)
      table[c] = c != '"' && c != '\\';
  }
};
constexpr PlainStringBytes plain_string_bytes;

/// Whether any of the eight bytes in `word` is a quote, a backslash, a
/// control character or not ASCII: the bytes a string scan must stop at.
bool has_special_byte(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto has_zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
  std::uint64_t const below_space = (word - ones * 0x20) & ~word & highs;
  return (has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\')) | below_space |
          (word & highs)) != 0;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// What a one-letter escape stands for; 0 for `u` and for what is no escape.
char unescaped(char c) noexcept {
  switch (c) {
    case '"':
    case '\\':
    case '/':
      return c;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return 0;
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::optional<double> JsonNumber::to_double() const noexcept {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Too small to represent is zero; too large has no double.
    bool negative_exponent =
        text.find("e-") != std::string_view::npos || text.find("E-") != std::string_view::npos;
    if (negative_exponent) return 0.0;
    return std::nullopt;
  }
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> JsonNumber::to_int64() const noexcept {
  if (integral) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
  }
  auto value = to_double();
  // 2^63 is exactly representable; anything at or beyond it is out of range.
  if (!value || std::trunc(*value) != *value || *value >= 9223372036854775808.0 ||
      *value < -9223372036854775808.0) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

void JsonReader::fail(char const* what) const {
  throw MalformedJson{pos_, what};
}

void JsonReader::skip_whitespace() noexcept {
  // Locals, not members, in the loop: a char read may alias pos_, and the
  // compiler would otherwise store and reload it on every byte.
  char const* const data = text_.data();
  std::size_t const n = text_.size();
  std::size_t p = pos_;
  while (p < n && (data[p] == ' ' || data[p] == '\n' || data[p] == '\r' || data[p] == '\t'))
    ++p;
  pos_ = p;
}

char JsonReader::next_char() {
  skip_whitespace();
  if (pos_ >= text_.size()) fail("unexpected end of text");
  return text_[pos_++];
}

void JsonReader::expect(char c, char const* what) {
  if (next_char() != c) {
    --pos_;
    fail(what);
  }
}

JsonKind JsonReader::peek() {
  skip_whitespace();
  if (pos_ >= text_.size()) fail("unexpected end of text");
  switch (text_[pos_]) {
    case '{':
      return JsonKind::object;
    case '[':
      return JsonKind::array;
    case '"':
      return JsonKind::string;
    case 't':
    case 'f':
      return JsonKind::boolean;
    case 'n':
      return JsonKind::null;
    default:
      if (text_[pos_] == '-' || is_digit(text_[pos_])) return JsonKind::number;
      fail("no value starts here");
  }
}

char const* JsonReader::peek_type_name() {
  switch (peek()) {
    case JsonKind::null:
      return "null";
    case JsonKind::boolean:
      return "boolean";
    case JsonKind::string:
      return "string";
    case JsonKind::array:
      return "array";
    case JsonKind::object:
      return "object";
    case JsonKind::number:
      break;
  }
  std::size_t const start = pos_;
  bool integral = scan_number().integral;
  pos_ = start;
  return integral ? "integer" : "number";
}

bool JsonReader::read_null() {
  if (peek() != JsonKind::null) return false;
  skip_literal("null");
  return true;
}

bool JsonReader::read_bool() {
  if (peek() != JsonKind::boolean) fail("expected true or false");
  if (text_[pos_] == 't') {
    skip_literal("true");
    return true;
  }
  skip_literal("false");
  return false;
}

JsonNumber JsonReader::read_number() {
  if (peek() != JsonKind::number) fail("expected a number");
  return scan_number();
}

void JsonReader::read_string(std::string& out) {
  std::string_view view = read_string_view(out);
  if (view.data() != out.data()) out.assign(view);
}

void JsonReader::skip_literal(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) fail("invalid literal");
  pos_ += word.size();
}

JsonNumber JsonReader::scan_number() {
  std::size_t const start = pos_;
  std::size_t const n = text_.size();
  JsonNumber number;
  if (pos_ < n && text_[pos_] == '-') ++pos_;
  if (pos_ < n && text_[pos_] == '0') {
    ++pos_;
  } else if (pos_ < n && is_digit(text_[pos_])) {
    while (pos_ < n && is_digit(text_[pos_]))
      ++pos_;
  } else {
    fail("invalid number");
  }
  if (pos_ < n && text_[pos_] == '.') {
    ++pos_;
    number.integral = false;
    if (pos_ >= n || !is_digit(text_[pos_])) fail("invalid number");
    while (pos_ < n && is_digit(text_[pos_]))
      ++pos_;
  }
  if (pos_ < n && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    number.integral = false;
    if (pos_ < n && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (pos_ >= n || !is_digit(text_[pos_])) fail("invalid number");
    while (pos_ < n && is_digit(text_[pos_]))
      ++pos_;
  }
  number.text = text_.substr(start, pos_ - start);
  return number;
}

void JsonReader::check_utf8_sequence() {
  // RFC 3629: the shortest form only, no surrogates, nothing past U+10FFFF.
  auto byte = [&](std::size_t i) -> unsigned {
    return pos_ + i < text_.size() ? static_cast<unsigned char>(text_[pos_ + i]) : 0u;
  };
  unsigned const lead = byte(0);
  unsigned low = 0x80;
  unsigned high = 0xBF;
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    fail("invalid UTF-8");
  }
  unsigned const second = byte(1);
  if (second < low || second > high) fail("invalid UTF-8");
  for (std::size_t i = 2; i < length; ++i) {
    unsigned const next = byte(i);
    if (next < 0x80 || next > 0xBF) fail("invalid UTF-8");
  }
  pos_ += length;
}

void JsonReader::append_escape(std::string& out) {
  ++pos_;  // the backslash
  if (pos_ >= text_.size()) fail("unterminated string");
  char const c = text_[pos_++];
  if (char const simple = unescaped(c)) {
    out.push_back(simple);
    return;
  }
  if (c != 'u') {
    --pos_;
    fail("invalid escape");
  }
  auto read_hex4 = [&]() -> std::uint32_t {
    if (text_.size() - pos_ < 4) fail("invalid \\u escape");
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      int digit = hex_value(text_[pos_ + static_cast<std::size_t>(i)]);
      if (digit < 0) fail("invalid \\u escape");
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    pos_ += 4;
    return value;
  };
  std::uint32_t cp = read_hex4();
  if (cp >= 0xDC00 && cp <= 0xDFFF) fail("unpaired surrogate");
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (text_.substr(pos_, 2) != "\\u") fail("unpaired surrogate");
    pos_ += 2;
    std::uint32_t low = read_hex4();
    if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate");
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, cp);
}

std::string_view JsonReader::read_string_view(std::string& scratch) {
  if (peek() != JsonKind::string) fail("expected a string");
  return scan_string(scratch);
}

std::string_view JsonReader::scan_string(std::string& scratch) {
  ++pos_;  // the opening quote, which the caller has seen
  std::size_t const start = pos_;
  std::size_t const n = text_.size();
  // Most strings have no escapes: hand out a view of the text itself.
  while (pos_ < n) {
    char const* const data = text_.data();
    std::size_t p = pos_;  // a local, as in skip_whitespace()
    // Eight bytes at a time while none needs a look, then byte by byte.
    for (std::uint64_t word = 0; p + 8 <= n; p += 8) {
      std::memcpy(&word, data + p, 8);
      if (has_special_byte(word)) break;
    }
    while (p < n && plain_string_bytes.table[static_cast<unsigned char>(data[p])])
      ++p;
    pos_ = p;
    if (pos_ >= n) break;
    auto const c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') return text_.substr(start, pos_++ - start);
    if (c == '\\') break;
    if (c < 0x20) fail("control character in string");
    if (c >= 0x80) {
      check_utf8_sequence();
    } else {
      ++pos_;
    }
  }
  scratch.assign(text_.data() + start, pos_ - start);
  while (pos_ < n) {
    auto const c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') {
      ++pos_;
      return scratch;
    }
    if (c == '\\') {
      append_escape(scratch);
    } else if (c < 0x20) {
      fail("control character in string");
    } else if (c >= 0x80) {
      std::size_t const from = pos_;
      check_utf8_sequence();
      scratch.append(text_.data() + from, pos_ - from);
    } else {
      scratch.push_back(static_cast<char>(c));
      ++pos_;
    }
  }
  fail("unterminated string");
}

void JsonReader::skip_string() {
  scan_string(key_);
}

std::string_view JsonReader::read_key() {
  skip_whitespace();
  if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a member name");
  std::string_view key = scan_string(key_);
  expect(':', "expected ':' after a member name");
  return key;
}

void JsonReader::open(char bracket) {
  skip_whitespace();
  if (pos_ >= text_.size() || text_[pos_] != bracket) fail("unexpected value");
  ++pos_;
}

bool JsonReader::close_if(char bracket) {
  skip_whitespace();
  if (pos_ < text_.size() && text_[pos_] == bracket) {
    ++pos_;
    return true;
  }
  return false;
}

bool JsonReader::next_member(char closing) {
  char const c = next_char();
  if (c == ',') return true;
  if (c == closing) return false;
  --pos_;
  fail(closing == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
}

void JsonReader::skip() {
  std::string open_containers;  // the closing bracket each one waits for
  for (;;) {
    switch (peek()) {
      case JsonKind::object:
        ++pos_;
        if (close_if('}')) break;
        open_containers.push_back('}');
        read_key();
        continue;
      case JsonKind::array:
        ++pos_;
        if (close_if(']')) break;
        open_containers.push_back(']');
        continue;
      case JsonKind::string:
        skip_string();
        break;
      case JsonKind::boolean:
        read_bool();
        break;
      case JsonKind::null:
        skip_literal("null");
        break;
      case JsonKind::number:
        scan_number();
        break;
    }
    // A value ended: close what it ended, or move on to the next member.
    for (;;) {
      if (open_containers.empty()) return;
      if (!next_member(open_containers.back())) {
        open_containers.pop_back();
        continue;
      }
      if (open_containers.back() == '}') read_key();
      break;
    }
  }
}

std::string_view JsonReader::capture() {
  skip_whitespace();
  std::size_t const start = pos_;
  skip();
  return text_.substr(start, pos_ - start);
}

void JsonReader::finish() {
  skip_whitespace();
  if (pos_ < text_.size()) fail("unexpected text after the value");
}

}  // namespace herokupp::detail
