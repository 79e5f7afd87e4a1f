#include "validator.hpp"

#include <cmath>

namespace herokupp::sim::detail {

namespace {

// std::regex matches by recursion, a few stack frames per character, so a
// long enough string overflows the stack (a fuzzed request body of 8 KiB did,
// under ASan). Every pattern of the schema describes a short token (a name,
// an address, a date, a URL), so longer text is refused without reaching
// the regex engine.
constexpr std::size_t kMaxPatternInput = 512;

bool fits_pattern(std::string const& text, std::regex const& re) {
  return text.size() <= kMaxPatternInput && std::regex_search(text, re);
}

char const* type_name(nlohmann::json const& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return "an integer";
    case nlohmann::json::value_t::number_float:
      return "a number";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::object:
      return "an object";
    default:
      return "a value";
  }
}

unsigned type_bit(nlohmann::json const& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return kNull;
    case nlohmann::json::value_t::boolean:
      return kBoolean;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return kInteger | kNumber;
    case nlohmann::json::value_t::number_float: {
      double d = j.get<double>();
      // Whole numbers such as 2.0 count as integers; no cast, which would be
      // undefined for 1e36.
      return std::isfinite(d) && std::floor(d) == d ? (kInteger | kNumber) : kNumber;
    }
    case nlohmann::json::value_t::string:
      return kString;
    case nlohmann::json::value_t::array:
      return kArray;
    case nlohmann::json::value_t::object:
      return kObject;
    default:
      return 0;
  }
}

std::string expected_types(unsigned types) {
  static constexpr std::pair<unsigned, char const*> names[] = {
      {kObject, "an object"},   {kArray, "an array"},  {kString, "a string"},
      {kInteger, "an integer"}, {kNumber, "a number"}, {kBoolean, "a boolean"},
      {kNull, "null"}};
  std::string out;
  for (auto const& [bit, name] : names) {
    if ((types & bit) == 0) continue;
    if (bit == kNumber && (types & kInteger) != 0) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

std::string field(std::string const& path) {
  return path.empty() ? "the body" : "`" + path + "`";
}

std::string join(std::string const& path, std::string const& name) {
  return path.empty() ? name : path + "." + name;
}

}  // namespace

Validator::Validator(RouteTables const& tables) : tables_(tables) {
  std::size_t enum_count = 0;
  for (std::size_t i = 0; i < tables.node_count; ++i) {
    auto const& n = tables.nodes[i];
    enum_count = std::max(enum_count, static_cast<std::size_t>(n.first_enum + n.enum_count));
    if (n.pattern != nullptr) regexes_.emplace(n.pattern, std::regex(n.pattern));
    for (int p = 0; p < n.pattern_count; ++p) {
      char const* pattern = tables.pattern_properties[n.first_pattern + p].name;
      regexes_.emplace(pattern, std::regex(pattern));
    }
  }
  enums_.reserve(enum_count);
  for (std::size_t i = 0; i < enum_count; ++i) {
    enums_.push_back(nlohmann::json::parse(tables.enum_values[i]));
  }
}

std::regex const* Validator::regex_for(char const* pattern) const {
  auto it = regexes_.find(pattern);
  return it == regexes_.end() ? nullptr : &it->second;
}

std::optional<std::string> Validator::check(int node, nlohmann::json const& value) const {
  std::string error;
  if (matches(node, value, "", error)) return std::nullopt;
  return error;
}

std::vector<std::string> Validator::property_names(int node) const {
  std::vector<std::string> out;
  if (node < 0) return out;
  auto const& n = tables_.nodes[node];
  for (int i = 0; i < n.property_count; ++i)
    out.emplace_back(tables_.properties[n.first_property + i].name);
  return out;
}

bool Validator::matches(int node_index, nlohmann::json const& value, std::string const& path,
                        std::string& error) const {
  if (node_index < 0) return true;
  auto const& node = tables_.nodes[node_index];

  if (node.types != 0 && (node.types & type_bit(value)) == 0) {
    error = field(path) + " must be " + expected_types(node.types) + ", not " + type_name(value);
    return false;
  }

  if (node.alternative_count > 0) {
    std::string first_error;
    bool any = false;
    for (int i = 0; i < node.alternative_count && !any; ++i) {
      std::string e;
      if (matches(tables_.alternatives[node.first_alternative + i], value, path, e)) {
        any = true;
      } else if (first_error.empty()) {
        first_error = e;
      }
    }
    if (!any) {
      error = first_error.empty() ? field(path) + " is not valid" : first_error;
      return false;
    }
  }

  if (node.enum_count > 0) {
    bool found = false;
    for (int i = 0; i < node.enum_count && !found; ++i)
      found = enums_[node.first_enum + i] == value;
    if (!found) {
      std::string choices;
      for (int i = 0; i < node.enum_count; ++i) {
        if (!choices.empty()) choices += ", ";
        auto const& e = enums_[node.first_enum + i];
        choices += e.is_string() ? e.get<std::string>() : e.dump();
      }
      error = field(path) + " must be one of: " + choices;
      return false;
    }
  }

  if (value.is_string() && node.pattern != nullptr) {
    if (auto const* re = regex_for(node.pattern)) {
      if (!fits_pattern(value.get_ref<std::string const&>(), *re)) {
        error = field(path) + " is not in the expected format (" + node.pattern + ")";
        return false;
      }
    }
  }

  if (value.is_array() && node.items >= 0) {
    std::size_t index = 0;
    for (auto const& item : value) {
      if (!matches(node.items, item, path + "[" + std::to_string(index) + "]", error)) return false;
      ++index;
    }
  }

  if (value.is_object()) {
    for (int i = 0; i < node.required_count; ++i) {
      char const* name = tables_.required[node.first_required + i];
      if (!value.contains(name)) {
        error = "`" + join(path, name) + "` is required";
        return false;
      }
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      std::string const& key = it.key();
      std::string const child = join(path, key);
      bool known = false;
      for (int i = 0; i < node.property_count; ++i) {
        auto const& prop = tables_.properties[node.first_property + i];
        if (key == prop.name) {
          known = true;
          if (!matches(prop.node, it.value(), child, error)) return false;
          break;
        }
      }
      for (int i = 0; i < node.pattern_count; ++i) {
        auto const& prop = tables_.pattern_properties[node.first_pattern + i];
        auto const* re = regex_for(prop.name);
        if (re != nullptr && fits_pattern(key, *re)) {
          known = true;
          if (!matches(prop.node, it.value(), child, error)) return false;
        }
      }
      if (known) continue;
      if (node.additional == kNoAdditional) {
        error = "`" + child + "` is not an accepted parameter";
        return false;
      }
      if (node.additional >= 0 && !matches(node.additional, it.value(), child, error)) return false;
    }
  }
  return true;
}

}  // namespace herokupp::sim::detail
