// Internal: reading fields of a validated request body.
#ifndef HEROKUPP_SRC_SIM_JSON_ACCESS_HPP
#define HEROKUPP_SRC_SIM_JSON_ACCESS_HPP

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace herokupp::sim::detail {

/// The string at `key`, when present and a string.
inline std::optional<std::string> string_at(nlohmann::json const& j, char const* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

inline std::optional<bool> bool_at(nlohmann::json const& j, char const* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

inline std::optional<long long> int_at(nlohmann::json const& j, char const* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return static_cast<long long>(it->get<double>());
}

/// A nested object's string ("pipeline" -> "id"), or a plain string at `key`.
inline std::optional<std::string> ref_at(nlohmann::json const& j, char const* key,
                                         char const* inner = "id") {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    if (auto v = string_at(*it, inner)) return v;
    if (auto v = string_at(*it, "name")) return v;
    if (auto v = string_at(*it, "id")) return v;
  }
  return std::nullopt;
}

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_JSON_ACCESS_HPP
