#include <herokupp/transport.hpp>
#include <herokupp/workflow/environments.hpp>

#include "yaml_sections.hpp"

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace herokupp::workflow {
namespace {

Error environments_error(std::string message) {
  return Error{ErrorKind::invalid_argument, "environments file: " + std::move(message)};
}

std::string scalar(YAML::Node const& node, char const* what) {
  if (!node.IsScalar()) throw YAML::Exception(node.Mark(), std::string(what) + " must be text");
  return node.as<std::string>();
}

std::vector<std::string> scalars(YAML::Node const& node, char const* what) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  if (!node.IsSequence()) throw YAML::Exception(node.Mark(), std::string(what) + " must be a list");
  for (auto const& item : node)
    out.push_back(scalar(item, what));
  return out;
}

nlohmann::json to_json(YAML::Node const& node) {
  if (node.IsMap()) {
    auto obj = nlohmann::json::object();
    for (auto const& kv : node)
      obj[kv.first.as<std::string>()] = to_json(kv.second);
    return obj;
  }
  if (node.IsSequence()) {
    auto arr = nlohmann::json::array();
    for (auto const& item : node)
      arr.push_back(to_json(item));
    return arr;
  }
  if (node.IsScalar()) return node.as<std::string>();
  return nullptr;
}

}  // namespace

std::vector<PathRule> default_path_rules() {
  return {PathRule{"/migrations/", {"migrate"}, true},
          PathRule{"/static/", {"collectstatic"}, false}};
}

result<EnvironmentsFile> EnvironmentsFile::parse(std::string_view yaml) {
  EnvironmentsFile file;
  file.text = std::string(yaml);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsMap()) return environments_error("the top level must be a mapping");
    static char const* const known[] = {"environments", "commands", "path_rules", "protected",
                                        "policy",       "settings", "hygiene",    "notices"};
    for (auto const& kv : root) {
      auto key = kv.first.as<std::string>();
      if (std::find(std::begin(known), std::end(known), key) == std::end(known)) {
        return environments_error("unknown field `" + key + "`");
      }
    }
    auto envs = root["environments"];
    if (!envs || !envs.IsSequence()) return environments_error("`environments` must be a list");
    for (auto const& node : envs) {
      if (!node.IsMap()) return environments_error("each environment must be a mapping");
      Environment env;
      for (auto const& kv : node) {
        auto key = kv.first.as<std::string>();
        auto const& value = kv.second;
        if (key == "label") {
          env.label = scalar(value, "label");
        } else if (key == "app_name") {
          env.app_name = scalar(value, "app_name");
        } else if (key == "branch") {
          env.branch = scalar(value, "branch");
        } else if (key == "pipeline") {
          env.pipeline = scalar(value, "pipeline");
        } else if (key == "upstream") {
          env.upstream = scalar(value, "upstream");
        } else if (key == "protected") {
          env.is_protected = value.as<bool>();
        } else if (key == "four_eyes") {
          env.four_eyes = value.as<bool>();
        } else if (key == "settings") {
          if (!value.IsMap())
            return environments_error("`settings` of an environment must be a mapping");
          for (auto const& s : value)
            env.settings[s.first.as<std::string>()] = scalar(s.second, "a setting");
        } else {
          return environments_error("unknown field `" + key + "` in an environment");
        }
      }
      if (env.label.empty() || env.app_name.empty()) {
        return environments_error("every environment needs `label` and `app_name`");
      }
      if (file.find(env.label) != nullptr)
        return environments_error("environment `" + env.label + "` appears twice");
      file.environments.push_back(std::move(env));
    }
    if (auto commands = root["commands"]) {
      if (!commands.IsMap()) return environments_error("`commands` must be a mapping");
      for (auto const& kv : commands)
        file.commands[kv.first.as<std::string>()] = scalar(kv.second, "a command");
    }
    if (auto rules = root["path_rules"]) {
      if (!rules.IsSequence()) return environments_error("`path_rules` must be a list");
      file.path_rules.clear();
      for (auto const& node : rules) {
        if (!node.IsMap() || !node["contains"])
          return environments_error("each path rule needs `contains`");
        PathRule rule;
        rule.contains = scalar(node["contains"], "contains");
        rule.actions = scalars(node["actions"], "actions");
        if (node["maintenance"]) rule.maintenance = node["maintenance"].as<bool>();
        file.path_rules.push_back(std::move(rule));
      }
    }
    for (auto const& label : scalars(root["protected"], "protected")) {
      auto it = std::find_if(file.environments.begin(), file.environments.end(),
                             [&](Environment const& e) { return iequals(e.label, label); });
      if (it == file.environments.end())
        return environments_error("protected environment `" + label + "` is not defined");
      it->is_protected = true;
    }
    for (auto const& env : file.environments) {
      if (!env.upstream.empty() && file.find(env.upstream) == nullptr) {
        return environments_error("upstream `" + env.upstream + "` of `" + env.label +
                                  "` is not defined");
      }
    }
    for (auto const& rule : file.path_rules) {
      for (auto const& action : rule.actions) {
        if (file.commands.find(action) == file.commands.end()) {
          return environments_error("path rule action `" + action + "` has no command");
        }
      }
    }
    if (auto policy = root["policy"]) {
      // YAML accepts bytes that are not UTF-8; JSON text cannot hold them.
      std::string text;
      try {
        text = to_json(policy).dump();
      } catch (nlohmann::json::exception const&) {
        return environments_error("policy: names and roles must be UTF-8 text");
      }
      auto parsed = ops::Policy::from_json(text);
      if (!parsed) return environments_error("policy: " + parsed.error().message);
      file.policy = std::move(parsed).value();
    }
    if (auto hygiene = root["hygiene"]) {
      auto rules = detail::read_hygiene(hygiene);
      if (!rules) return environments_error(rules.error().message);
      file.hygiene = std::move(rules).value();
    }
    if (auto notices = root["notices"]) {
      auto sinks = detail::read_notices(notices);
      if (!sinks) return environments_error(sinks.error().message);
      file.notices = std::move(sinks).value();
    }
  } catch (YAML::Exception const& e) {
    return environments_error(e.what());
  }
  return file;
}

result<EnvironmentsFile> EnvironmentsFile::load(std::string const& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorKind::invalid_argument, "cannot read the environments file " + path};
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str());
}

std::vector<std::string> EnvironmentsFile::protected_apps() const {
  std::vector<std::string> apps;
  for (auto const& env : environments) {
    if (env.is_protected) apps.push_back(env.app_name);
  }
  return apps;
}

Environment const* EnvironmentsFile::find(std::string_view label) const {
  for (auto const& env : environments) {
    if (iequals(env.label, label)) return &env;
  }
  for (auto const& env : environments) {
    if (iequals(env.app_name, label)) return &env;
  }
  return nullptr;
}

result<std::string> EnvironmentsFile::command(std::string_view action) const {
  auto it = commands.find(std::string(action));
  if (it == commands.end() || it->second.empty()) {
    return Error{ErrorKind::invalid_argument,
                 "the environments file has no command for `" + std::string(action) + "`"};
  }
  return it->second;
}

}  // namespace herokupp::workflow
