#include <herokupp/ops/hygiene_rules.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>

#include "text.hpp"

namespace herokupp::ops {

namespace {

using nlohmann::json;

Error bad(std::string message) {
  return Error(ErrorKind::invalid_argument, "hygiene: " + std::move(message));
}

result<void> only_fields(json const& object, std::string const& where,
                         std::initializer_list<char const*> known) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool found =
        std::any_of(known.begin(), known.end(), [&](char const* k) { return it.key() == k; });
    if (!found) return bad("unknown field " + detail::quoted(it.key()) + " in " + where);
  }
  return success();
}

result<std::vector<std::string>> names(json const& value, std::string const& where) {
  if (!value.is_array()) return bad(where + " must be a list of names");
  std::vector<std::string> out;
  for (auto const& v : value) {
    if (!v.is_string() || v.get<std::string>().empty()) {
      return bad(where + " must be a list of names");
    }
    out.push_back(detail::lower(v.get<std::string>()));
  }
  return out;
}

result<std::int64_t> whole_number(json const& value, std::string const& where) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
    return bad(where + " must be a whole number, 0 or more");
  }
  return value.get<std::int64_t>();
}

result<void> read_setting(RuleSetting& setting, json const& value, std::string const& where) {
  if (auto e = value.find("enabled"); e != value.end()) {
    if (!e->is_boolean()) return bad(where + ".enabled must be true or false");
    setting.enabled = e->get<bool>();
  }
  if (auto s = value.find("severity"); s != value.end()) {
    if (!s->is_string()) return bad(where + ".severity must be info, warning or error");
    auto parsed = parse_severity(s->get<std::string>());
    if (!parsed) return bad(where + ".severity: " + parsed.error().message);
    setting.severity = parsed.value();
  }
  return success();
}

// One rule's object: its setting and, for some rules, one extra field.
result<void> read_rule(HygieneRules& rules, std::string const& id, json const& value) {
  std::string const where = "rules." + id;
  if (!value.is_object()) return bad(where + " must be a mapping");
  RuleSetting* setting = nullptr;
  char const* extra = nullptr;
  if (id == hygiene_rule::log_drain) {
    setting = &rules.log_drain;
    extra = "stages";
  } else if (id == hygiene_rule::owner) {
    setting = &rules.owner;
  } else if (id == hygiene_rule::stack_end_of_life) {
    setting = &rules.stack_end_of_life;
    extra = "stacks";
  } else if (id == hygiene_rule::stack_deprecated) {
    setting = &rules.stack_deprecated;
  } else if (id == hygiene_rule::unpromoted_code) {
    setting = &rules.unpromoted_code;
    extra = "history";
  } else if (id == hygiene_rule::long_maintenance) {
    setting = &rules.long_maintenance;
    extra = "after_minutes";
  } else if (id == hygiene_rule::preboot) {
    setting = &rules.preboot;
  } else if (id == hygiene_rule::not_visible) {
    setting = &rules.not_visible;
  } else if (id == hygiene_rule::unchecked) {
    setting = &rules.unchecked;
  } else {
    return bad("unknown rule " + detail::quoted(id) +
               " (rules: log-drain, owner, stack-end-of-life, stack-deprecated, "
               "unpromoted-code, long-maintenance, preboot, not-visible, unchecked)");
  }
  auto fields = extra ? only_fields(value, where, {"enabled", "severity", extra})
                      : only_fields(value, where, {"enabled", "severity"});
  if (!fields) return fields.error();
  if (auto r = read_setting(*setting, value, where); !r) return r.error();
  if (extra == nullptr) return success();
  auto it = value.find(extra);
  if (it == value.end()) return success();
  std::string const field = where + "." + extra;
  if (id == hygiene_rule::log_drain || id == hygiene_rule::stack_end_of_life) {
    auto list = names(*it, field);
    if (!list) return list.error();
    (id == hygiene_rule::log_drain ? rules.log_drain_stages : rules.end_of_life_stacks) =
        std::move(list).value();
    return success();
  }
  auto n = whole_number(*it, field);
  if (!n) return n.error();
  if (id == hygiene_rule::unpromoted_code) {
    if (n.value() < 1 || n.value() > 1000) return bad(field + " must be 1..1000");
    rules.upstream_history = static_cast<std::size_t>(n.value());
  } else {
    rules.maintenance_limit = std::chrono::minutes(n.value());
  }
  return success();
}

}  // namespace

result<HygieneRules> HygieneRules::from_json(std::string_view text) {
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return bad("not valid JSON");
  if (root.is_null()) return HygieneRules{};
  if (!root.is_object()) return bad("the hygiene settings must be a mapping");
  if (auto r = only_fields(root, "hygiene", {"owner", "rules"}); !r) return r.error();
  HygieneRules rules;
  if (auto o = root.find("owner"); o != root.end()) {
    if (!o->is_string()) return bad("owner must be a team name or an account's email");
    rules.expected_owner = o->get<std::string>();
  }
  if (auto r = root.find("rules"); r != root.end()) {
    if (!r->is_object()) return bad("rules must be a mapping of rule ids");
    for (auto it = r->begin(); it != r->end(); ++it) {
      if (auto read = read_rule(rules, it.key(), it.value()); !read) return read.error();
    }
  }
  return rules;
}

}  // namespace herokupp::ops
