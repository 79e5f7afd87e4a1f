// Internal: lenient, typed JSON decoding and encoding for models and params.
//
// Every model type T has a `Codec<T>` specialization (generated) with
//   static void read(JsonReader& r, T& out);   // throws DecodeFailure
//   static void encode(nlohmann::json& j, T const& in);
// Decoding reads the text straight into the model, with no document in
// between. It is lenient the way real answers need: unknown fields are
// skipped (but still checked), absent fields and nulls keep the default, and
// only a present value of the wrong type fails, naming its path
// ("release.user.email").
#ifndef HEROKUPP_SRC_CORE_JSON_CODEC_HPP
#define HEROKUPP_SRC_CORE_JSON_CODEC_HPP

#include <herokupp/enumerated.hpp>
#include <herokupp/error.hpp>
#include <herokupp/timestamp.hpp>

#include <nlohmann/json.hpp>

#include "core/json_reader.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace herokupp::detail {

/// Internal only: thrown while decoding, caught by decode_text() and turned
/// into an Error. Never escapes the library.
struct DecodeFailure {
  std::string path;  ///< "user.email", built up while unwinding
  std::string message;

  void prefix_field(std::string_view name) {
    path = path.empty() || path.front() == '[' ? std::string(name) + path
                                               : std::string(name) + "." + path;
  }
  void prefix_index(std::size_t index) {
    path = "[" + std::to_string(index) + "]" +
           (path.empty() || path.front() == '[' ? path : "." + path);
  }
};

/// Fails with "expected <expected>, got <the next value's type>".
[[noreturn]] void fail_type(JsonReader& r, char const* expected);

/// Fails unless the next value is of `kind`.
inline void expect_kind(JsonReader& r, JsonKind kind, char const* expected) {
  if (r.peek() != kind) fail_type(r, expected);
}

/// Names and values of an enum, specialized by generated code:
///   template <> struct EnumTraits<Release::Status> {
///     static constexpr std::pair<Release::Status, std::string_view> values[] = {...};
///   };
template <class E>
struct EnumTraits;

template <class T, class = void>
struct Codec;

template <>
struct Codec<std::string> {
  static void read(JsonReader& r, std::string& out) {
    expect_kind(r, JsonKind::string, "string");
    r.read_string(out);
  }
  static void encode(nlohmann::json& j, std::string const& in) { j = in; }
};

template <>
struct Codec<bool> {
  static void read(JsonReader& r, bool& out) {
    expect_kind(r, JsonKind::boolean, "boolean");
    out = r.read_bool();
  }
  static void encode(nlohmann::json& j, bool in) { j = in; }
};

template <>
struct Codec<std::int64_t> {
  static void read(JsonReader& r, std::int64_t& out);
  static void encode(nlohmann::json& j, std::int64_t in) { j = in; }
};

template <>
struct Codec<double> {
  static void read(JsonReader& r, double& out);
  static void encode(nlohmann::json& j, double in) { j = in; }
};

template <>
struct Codec<Timestamp> {
  static void read(JsonReader& r, Timestamp& out);
  static void encode(nlohmann::json& j, Timestamp const& in) { j = in.to_string(); }
};

template <>
struct Codec<nlohmann::json> {
  static void read(JsonReader& r, nlohmann::json& out);
  static void encode(nlohmann::json& j, nlohmann::json const& in) { j = in; }
};

template <class E>
struct Codec<Enumerated<E>> {
  static void read(JsonReader& r, Enumerated<E>& out) {
    expect_kind(r, JsonKind::string, "string");
    r.read_string(out.raw);
    out.value = E{};
    for (auto const& [value, name] : EnumTraits<E>::values) {
      if (name == out.raw) {
        out.value = value;
        break;
      }
    }
  }
  static void encode(nlohmann::json& j, Enumerated<E> const& in) {
    for (auto const& [value, name] : EnumTraits<E>::values) {
      if (value == in.value && value != E{}) {
        j = std::string(name);
        return;
      }
    }
    j = in.raw;
  }
};

template <class T>
struct Codec<std::optional<T>> {
  static void read(JsonReader& r, std::optional<T>& out) {
    if (r.read_null()) {
      out.reset();
      return;
    }
    T value{};
    Codec<T>::read(r, value);
    out = std::move(value);
  }
  static void encode(nlohmann::json& j, std::optional<T> const& in) {
    if (in) {
      Codec<T>::encode(j, *in);
    } else {
      j = nullptr;
    }
  }
};

template <class T>
struct Codec<std::vector<T>> {
  static void read(JsonReader& r, std::vector<T>& out) {
    expect_kind(r, JsonKind::array, "array");
    out.clear();
    std::size_t index = 0;
    r.read_array([&] {
      T value{};
      try {
        if (!r.read_null()) Codec<T>::read(r, value);
      } catch (DecodeFailure& failure) {
        failure.prefix_index(index);
        throw;
      }
      out.push_back(std::move(value));
      ++index;
    });
  }
  static void encode(nlohmann::json& j, std::vector<T> const& in) {
    j = nlohmann::json::array();
    for (auto const& item : in) {
      nlohmann::json element;
      Codec<T>::encode(element, item);
      j.push_back(std::move(element));
    }
  }
};

template <class T>
struct Codec<std::map<std::string, T>> {
  static void read(JsonReader& r, std::map<std::string, T>& out) {
    expect_kind(r, JsonKind::object, "object");
    out.clear();
    r.read_object([&](std::string_view key) {
      std::string name(key);  // the key's storage is reused by what follows
      T value{};
      try {
        Codec<T>::read(r, value);
      } catch (DecodeFailure& failure) {
        failure.prefix_field(name);
        throw;
      }
      out.insert_or_assign(std::move(name), std::move(value));
    });
  }
  static void encode(nlohmann::json& j, std::map<std::string, T> const& in) {
    j = nlohmann::json::object();
    for (auto const& [key, value] : in)
      Codec<T>::encode(j[key], value);
  }
};

/// Reads the value of member `name` into `out`; a null keeps the default.
/// The member's name is added to the path of any failure.
template <class T>
void read_member(JsonReader& r, char const* name, T& out) {
  try {
    if constexpr (!std::is_same_v<T, nlohmann::json>) {
      if (r.read_null()) return;
    }
    Codec<T>::read(r, out);
  } catch (DecodeFailure& failure) {
    failure.prefix_field(name);
    throw;
  }
}

/// Like read_member, for optional members: a null resets `out`.
template <class T>
void read_member(JsonReader& r, char const* name, std::optional<T>& out) {
  try {
    Codec<std::optional<T>>::read(r, out);
  } catch (DecodeFailure& failure) {
    failure.prefix_field(name);
    throw;
  }
}

/// Reads an object member by member; every model decoder is one call:
///   read_members(r, [&](std::string_view key) {
///     if (key == "name") return read_member(r, "name", out.name);
///     r.skip();
///   });
template <class OnMember>
void read_members(JsonReader& r, OnMember&& on_member) {
  expect_kind(r, JsonKind::object, "object");
  r.read_object(std::forward<OnMember>(on_member));
}

/// Writes `in` as member `name`.
template <class T>
void write_field(nlohmann::json& obj, char const* name, T const& in) {
  Codec<T>::encode(obj[name], in);
}

/// Writes an optional member only when it holds a value (request bodies omit
/// what the caller did not set).
template <class T>
void write_field(nlohmann::json& obj, char const* name, std::optional<T> const& in) {
  if (in) Codec<T>::encode(obj[name], *in);
}

/// A failure into an Error of kind decode; `root` names the top level
/// ("release"), so a path reads "release.user.email".
Error decode_error(std::string_view root, DecodeFailure const& failure);

/// Text that is not JSON as an Error of kind decode. It says where reading
/// stopped, never what the text holds: a body may carry secrets.
Error malformed_json_error(std::string_view root, MalformedJson const& failure);

/// Reads `text` as a T; malformed JSON, an empty body and wrong types all
/// become an Error of kind decode. Malformed text is reported as such even
/// when a wrongly typed value comes before the fault.
template <class T>
result<T> decode_text(std::string_view text, std::string_view root) {
  if (text.empty()) return Error(ErrorKind::decode, std::string(root) + ": empty response body");
  T out{};
  try {
    JsonReader reader(text);
    Codec<T>::read(reader, out);
    reader.finish();
  } catch (MalformedJson const& failure) {
    return malformed_json_error(root, failure);
  } catch (DecodeFailure const& failure) {
    try {
      JsonReader whole(text);
      whole.skip();
      whole.finish();
    } catch (MalformedJson const& malformed) {
      return malformed_json_error(root, malformed);
    }
    return decode_error(root, failure);
  }
  return out;
}

/// Compact JSON text of a T.
template <class T>
std::string encode_text(T const& value) {
  nlohmann::json j;
  Codec<T>::encode(j, value);
  return j.dump();
}

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_JSON_CODEC_HPP
