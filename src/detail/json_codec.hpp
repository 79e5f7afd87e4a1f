// Internal: lenient, typed JSON decoding and encoding for models and params.
//
// Every model type T has a `Codec<T>` specialization (generated) with
//   static void decode(nlohmann::json const& j, T& out);   // throws DecodeFailure
//   static void encode(nlohmann::json& j, T const& in);
// Decoding is lenient the way real answers need: unknown fields are ignored,
// absent fields and nulls keep the default, and only a present value of the
// wrong type fails, naming its path ("release.user.email").
#ifndef HEROKUPP_SRC_DETAIL_JSON_CODEC_HPP
#define HEROKUPP_SRC_DETAIL_JSON_CODEC_HPP

#include <herokupp/enumerated.hpp>
#include <herokupp/error.hpp>
#include <herokupp/timestamp.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

/// "string", "number"...: the JSON type as a person would name it.
char const* json_type_name(nlohmann::json const& j) noexcept;

[[noreturn]] void fail_type(nlohmann::json const& j, char const* expected);

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
  static void decode(nlohmann::json const& j, std::string& out) {
    if (!j.is_string()) fail_type(j, "string");
    out = j.get_ref<std::string const&>();
  }
  static void encode(nlohmann::json& j, std::string const& in) { j = in; }
};

template <>
struct Codec<bool> {
  static void decode(nlohmann::json const& j, bool& out) {
    if (!j.is_boolean()) fail_type(j, "boolean");
    out = j.get<bool>();
  }
  static void encode(nlohmann::json& j, bool in) { j = in; }
};

template <>
struct Codec<std::int64_t> {
  static void decode(nlohmann::json const& j, std::int64_t& out) {
    if (j.is_number_integer()) {
      out = j.get<std::int64_t>();
    } else if (j.is_number_float() && std::trunc(j.get<double>()) == j.get<double>()) {
      out = static_cast<std::int64_t>(j.get<double>());
    } else {
      fail_type(j, "integer");
    }
  }
  static void encode(nlohmann::json& j, std::int64_t in) { j = in; }
};

template <>
struct Codec<double> {
  static void decode(nlohmann::json const& j, double& out) {
    if (!j.is_number()) fail_type(j, "number");
    out = j.get<double>();
  }
  static void encode(nlohmann::json& j, double in) { j = in; }
};

template <>
struct Codec<Timestamp> {
  static void decode(nlohmann::json const& j, Timestamp& out);
  static void encode(nlohmann::json& j, Timestamp const& in) { j = in.to_string(); }
};

template <>
struct Codec<nlohmann::json> {
  static void decode(nlohmann::json const& j, nlohmann::json& out) { out = j; }
  static void encode(nlohmann::json& j, nlohmann::json const& in) { j = in; }
};

template <class E>
struct Codec<Enumerated<E>> {
  static void decode(nlohmann::json const& j, Enumerated<E>& out) {
    if (!j.is_string()) fail_type(j, "string");
    out.raw = j.get_ref<std::string const&>();
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
  static void decode(nlohmann::json const& j, std::optional<T>& out) {
    if (j.is_null()) {
      out.reset();
      return;
    }
    T value{};
    Codec<T>::decode(j, value);
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
  static void decode(nlohmann::json const& j, std::vector<T>& out) {
    if (!j.is_array()) fail_type(j, "array");
    out.clear();
    out.reserve(j.size());
    std::size_t index = 0;
    for (auto const& item : j) {
      T value{};
      try {
        if (!item.is_null()) Codec<T>::decode(item, value);
      } catch (DecodeFailure& failure) {
        failure.prefix_index(index);
        throw;
      }
      out.push_back(std::move(value));
      ++index;
    }
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
  static void decode(nlohmann::json const& j, std::map<std::string, T>& out) {
    if (!j.is_object()) fail_type(j, "object");
    out.clear();
    for (auto it = j.begin(); it != j.end(); ++it) {
      T value{};
      try {
        Codec<T>::decode(it.value(), value);
      } catch (DecodeFailure& failure) {
        failure.prefix_field(it.key());
        throw;
      }
      out.emplace(it.key(), std::move(value));
    }
  }
  static void encode(nlohmann::json& j, std::map<std::string, T> const& in) {
    j = nlohmann::json::object();
    for (auto const& [key, value] : in) Codec<T>::encode(j[key], value);
  }
};

/// Decodes the member `name` of object `obj` into `out`, if present and not
/// null; the member's path is added to any failure.
template <class T>
void read_field(nlohmann::json const& obj, char const* name, T& out) {
  auto it = obj.find(name);
  if (it == obj.end()) return;
  if (it->is_null()) {
    if constexpr (!std::is_same_v<T, nlohmann::json>) return;
  }
  try {
    Codec<T>::decode(*it, out);
  } catch (DecodeFailure& failure) {
    failure.prefix_field(name);
    throw;
  }
}

/// Like read_field, for optional members: a null resets `out`.
template <class T>
void read_field(nlohmann::json const& obj, char const* name, std::optional<T>& out) {
  auto it = obj.find(name);
  if (it == obj.end()) return;
  try {
    Codec<std::optional<T>>::decode(*it, out);
  } catch (DecodeFailure& failure) {
    failure.prefix_field(name);
    throw;
  }
}

/// Fails unless `j` is an object; every model decoder starts with it.
inline void expect_object(nlohmann::json const& j) {
  if (!j.is_object()) fail_type(j, "object");
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

/// Parses failures into an Error of kind decode; `root` names the top level
/// ("release"), so a path reads "release.user.email".
Error decode_error(std::string_view root, DecodeFailure const& failure);

/// Parses `text` as JSON and decodes a T; malformed JSON, an empty body and
/// wrong types all become an Error of kind decode.
template <class T>
result<T> decode_text(std::string_view text, std::string_view root) {
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    return Error(ErrorKind::decode, text.empty() ? std::string(root) + ": empty response body"
                                                 : std::string(root) + ": malformed JSON");
  }
  T out{};
  try {
    Codec<T>::decode(j, out);
  } catch (DecodeFailure const& failure) {
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

#endif  // HEROKUPP_SRC_DETAIL_JSON_CODEC_HPP
