#include "yaml_sections.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace herokupp::workflow::detail {

namespace {

/// YAML to JSON keeping what a plain scalar means: `true`, `false` and whole
/// numbers become JSON booleans and numbers (a quoted "10" stays text), so
/// that the JSON readers refuse a wrong type as they would in JSON.
nlohmann::json typed_json(YAML::Node const& node) {
  if (node.IsMap()) {
    auto obj = nlohmann::json::object();
    for (auto const& kv : node)
      obj[kv.first.as<std::string>()] = typed_json(kv.second);
    return obj;
  }
  if (node.IsSequence()) {
    auto arr = nlohmann::json::array();
    for (auto const& item : node)
      arr.push_back(typed_json(item));
    return arr;
  }
  if (!node.IsScalar()) return nullptr;
  auto const text = node.as<std::string>();
  if (node.Tag() == "?") {  // plain, not quoted
    if (text == "true") return true;
    if (text == "false") return false;
    if (!text.empty() && text.size() < 12 &&
        text.find_first_not_of("0123456789") == std::string::npos) {
      return static_cast<std::int64_t>(std::stoll(text));
    }
  }
  return text;
}

result<std::string> json_text(YAML::Node const& node, char const* section) {
  try {
    return typed_json(node).dump();
  } catch (nlohmann::json::exception const&) {
    return Error(ErrorKind::invalid_argument,
                 std::string(section) + ": names and values must be UTF-8 text");
  }
}

}  // namespace

result<ops::HygieneRules> read_hygiene(YAML::Node const& node) {
  auto text = json_text(node, "hygiene");
  if (!text) return text.error();
  return ops::HygieneRules::from_json(text.value());
}

result<NoticeSinks> read_notices(YAML::Node const& node) {
  auto text = json_text(node, "notices");
  if (!text) return text.error();
  return NoticeSinks::from_json(text.value());
}

}  // namespace herokupp::workflow::detail
