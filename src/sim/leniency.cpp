#include "leniency.hpp"

#include <cerrno>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

namespace herokupp::sim::detail {

Leniency const kLeniencies[] = {
    {"formation", "Batch Update", "updates[].quantity", Coercion::integer_from_string,
     "heroku ps:scale web=2 (CLI v11) sends PATCH /apps/{app}/formation with "
     R"({"updates":[{"type":"web","quantity":"2"}]})"},
    {"formation", "Update", "quantity", Coercion::integer_from_string,
     "a quantity written as a string, as ps:scale writes it, on PATCH "
     "/apps/{app}/formation/{type}"},
    {"add-on", "Create", "plan", Coercion::string_from_ref,
     "heroku addons:create SERVICE:PLAN (CLI v11) sends POST /apps/{app}/addons with "
     R"({"plan":{"name":"SERVICE:PLAN"},"attachment":{}})"},
    {"add-on", "Update", "plan", Coercion::string_from_ref,
     "heroku addons:upgrade ADDON PLAN (CLI v11) sends PATCH /apps/{app}/addons/{addon} with "
     R"({"plan":{"name":"SERVICE:PLAN"}})"},
    {"add-on-attachment", "Create", "addon", Coercion::string_from_ref,
     "heroku addons:attach ADDON -a APP (CLI v11) sends POST /addon-attachments with "
     R"({"addon":{"name":"ADDON"},"app":{"name":"APP"},"name":"AS"})"},
    {"add-on-attachment", "Create", "app", Coercion::string_from_ref,
     "the same heroku addons:attach request: its app is an object too"},
    {"formation", "Batch Update", "updates[].size", Coercion::dyno_size_from_size,
     "heroku ps:resize web=standard-2x and ps:scale web=1:standard-1x (CLI v11) send PATCH "
     R"(/apps/{app}/formation with {"updates":[{"type":"web","size":"standard-2x"}]})"},
    {"dyno", "Restart", "dyno_identity", Coercion::process_type_as_dyno,
     "heroku ps:restart web (CLI v11, the deprecated DYNO argument) sends DELETE "
     "/apps/{app}/dynos/web, which restarts every web dyno"},
    {"dyno", "Stop", "dyno_identity", Coercion::process_type_as_dyno,
     "heroku ps:stop web (CLI v11) sends POST /apps/{app}/dynos/web/actions/stop, which stops "
     "every web dyno"},
    {"add-on", "Resolution", "app", Coercion::absent_if_null,
     "heroku addons:info NAME (CLI v11) sends POST /actions/addons/resolve with "
     R"({"addon":"NAME","app":null} when no app is given)"},
    {"add-on-attachment", "Resolution", "app", Coercion::absent_if_null,
     "heroku addons:detach (CLI v11) sends POST /actions/addon-attachments/resolve with "
     R"("app":null before it retries with the app)"},
};
std::size_t const kLeniencyCount = std::size(kLeniencies);

namespace {

bool coerce(nlohmann::json& parent, std::string const& key, Coercion how) {
  auto it = parent.find(key);
  if (it == parent.end()) return false;
  switch (how) {
    case Coercion::integer_from_string: {
      if (!it->is_string()) return false;
      std::string const& text = it->get_ref<std::string const&>();
      if (text.empty() || text.size() > 18) return false;
      char* end = nullptr;
      errno = 0;
      long long v = std::strtoll(text.c_str(), &end, 10);
      if (errno != 0 || end != text.c_str() + text.size()) return false;
      *it = v;
      return true;
    }
    case Coercion::string_from_ref: {
      if (!it->is_object()) return false;
      for (char const* inner : {"name", "id"}) {
        auto v = it->find(inner);
        if (v != it->end() && v->is_string()) {
          *it = v->get<std::string>();
          return true;
        }
      }
      return false;
    }
    case Coercion::absent_if_null:
      if (!it->is_null()) return false;
      parent.erase(it);
      return true;
    case Coercion::dyno_size_from_size: {
      if (!it->is_string() || parent.contains("dyno_size")) return false;
      parent["dyno_size"] = {{"name", it->get<std::string>()}};
      parent.erase(key);
      return true;
    }
    case Coercion::process_type_as_dyno:
      return false;  // a path parameter: the handler asks lenient()
  }
  return false;
}

/// Walks `path` ("a[].b") from `node`, coercing each value it reaches.
std::size_t walk(nlohmann::json& node, std::string_view path, Coercion how) {
  if (!node.is_object()) return 0;
  auto dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  if (dot == std::string_view::npos) return coerce(node, std::string(head), how) ? 1 : 0;
  std::string_view rest = path.substr(dot + 1);
  bool each = head.size() > 2 && head.substr(head.size() - 2) == "[]";
  if (each) head.remove_suffix(2);
  auto it = node.find(std::string(head));
  if (it == node.end()) return 0;
  if (!each) return walk(*it, rest, how);
  if (!it->is_array()) return 0;
  std::size_t changed = 0;
  for (auto& element : *it)
    changed += walk(element, rest, how);
  return changed;
}

}  // namespace

bool lenient(RouteLink const& link, std::string_view field, Coercion how) {
  for (auto const& l : kLeniencies) {
    if (l.coercion == how && field == l.field && std::string_view(l.resource) == link.resource &&
        std::string_view(l.title) == link.title)
      return true;
  }
  return false;
}

std::size_t apply_leniencies(RouteLink const& link, nlohmann::json& body) {
  std::size_t changed = 0;
  for (auto const& l : kLeniencies) {
    if (std::string_view(l.resource) == link.resource && std::string_view(l.title) == link.title)
      changed += walk(body, l.field, l.coercion);
  }
  return changed;
}

}  // namespace herokupp::sim::detail
