// Internal: a validating pull reader over JSON text, for decoding answers
// straight into models without building a document first.
//
//   JsonReader r(text);
//   r.read_object([&](std::string_view key) {
//     if (key == "name") r.read_string(out.name);
//     else r.skip();
//   });
//   r.finish();
//
// It accepts exactly RFC 8259 JSON (the grammar nlohmann::json accepts):
// anything else throws MalformedJson, whatever part of the text the caller
// reads or skips. It never recurses on its own, so hostile nesting in a
// skipped value costs memory in proportion to the text and nothing more.
#ifndef HEROKUPP_SRC_CORE_JSON_READER_HPP
#define HEROKUPP_SRC_CORE_JSON_READER_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp::detail {

/// Thrown when the text is not JSON; `offset` is where reading stopped.
struct MalformedJson {
  std::size_t offset = 0;
  char const* what = "";
};

/// The kind of the next value, read from its first character.
enum class JsonKind { null, boolean, number, string, array, object };

/// The text of a number, checked against the grammar but not yet converted.
struct JsonNumber {
  std::string_view text;
  bool integral = true;  ///< no fraction and no exponent

  /// The value as an integer: integral text in range, or a fraction-free
  /// value written with a fraction or exponent ("3.0", "2e3").
  std::optional<std::int64_t> to_int64() const noexcept;
  /// The value as a double; nothing when it overflows a double ("1e999").
  std::optional<double> to_double() const noexcept;
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) noexcept : text_(text) {}

  /// The kind of the next value; throws MalformedJson if no value starts here.
  JsonKind peek();
  /// "string", "integer", "number"...: the next value's type, for messages.
  char const* peek_type_name();

  /// Consumes a `null` if one comes next.
  bool read_null();
  bool read_bool();
  JsonNumber read_number();
  /// Reads a string into `out`, escapes resolved.
  void read_string(std::string& out);
  /// Reads a string; returns a view into the text when it has no escapes,
  /// otherwise decodes it into `scratch` and returns a view of that.
  std::string_view read_string_view(std::string& scratch);

  /// Reads an object, calling `on_member(key)` with the reader positioned
  /// on each member's value, which the callback must read or skip. The key
  /// is valid until the callback reads a string.
  template <class OnMember>
  void read_object(OnMember&& on_member) {
    open('{');
    if (close_if('}')) return;
    do {
      std::string_view key = read_key();
      on_member(key);
    } while (next_member('}'));
  }

  /// Reads an array, calling `on_item()` with the reader positioned on each
  /// item, which the callback must read or skip.
  template <class OnItem>
  void read_array(OnItem&& on_item) {
    open('[');
    if (close_if(']')) return;
    do {
      on_item();
    } while (next_member(']'));
  }

  /// Reads past the next value, checking it.
  void skip();
  /// Reads past the next value and returns its text.
  std::string_view capture();
  /// Checks that only whitespace is left.
  void finish();

 private:
  [[noreturn]] void fail(char const* what) const;
  void skip_whitespace() noexcept;
  char next_char();
  void expect(char c, char const* what);
  void open(char bracket);
  bool close_if(char bracket);
  bool next_member(char closing);
  std::string_view read_key();
  std::string_view scan_string(std::string& scratch);
  void skip_string();
  void skip_literal(std::string_view word);
  JsonNumber scan_number();
  void append_escape(std::string& out);
  void check_utf8_sequence();

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string key_;
};

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_JSON_READER_HPP
