#include <herokupp/ops/hygiene.hpp>

#include <nlohmann/json.hpp>

#include <array>

namespace herokupp::ops {

bool HygieneReport::any_at_least(Severity severity) const {
  return std::any_of(findings.begin(), findings.end(),
                     [&](HygieneFinding const& f) { return f.severity >= severity; });
}

namespace {
std::array<std::size_t, 3> counts(std::vector<HygieneFinding> const& findings) {
  std::array<std::size_t, 3> n{};
  for (auto const& f : findings)
    ++n[static_cast<std::size_t>(f.severity)];
  return n;
}
}  // namespace

std::string HygieneReport::to_string() const {
  std::string out;
  for (auto const& f : findings) {
    out += std::string(ops::to_string(f.severity)) + "  " + f.app + "  [" + f.rule + "] " +
           f.message + "\n";
    if (!f.command.empty()) out += "    fix: " + f.command + "\n";
  }
  auto const n = counts(findings);
  std::size_t hidden = 0;
  for (auto const& a : apps)
    hidden += a.visible ? 0 : 1;
  out += std::to_string(apps.size()) + (apps.size() == 1 ? " app" : " apps") + " checked";
  if (hidden > 0) out += " (" + std::to_string(hidden) + " not visible)";
  out += ": " + std::to_string(n[2]) + " errors, " + std::to_string(n[1]) + " warnings, " +
         std::to_string(n[0]) + " info\n";
  return out;
}

std::string HygieneReport::to_json() const {
  nlohmann::json j;
  j["apps"] = nlohmann::json::array();
  for (auto const& a : apps) {
    j["apps"].push_back({{"app", a.app},
                         {"stage", a.stage},
                         {"pipeline", a.pipeline},
                         {"visible", a.visible},
                         {"checked", a.checked}});
  }
  j["findings"] = nlohmann::json::array();
  for (auto const& f : findings) {
    j["findings"].push_back({{"rule", f.rule},
                             {"app", f.app},
                             {"severity", ops::to_string(f.severity)},
                             {"message", f.message},
                             {"command", f.command}});
  }
  auto const n = counts(findings);
  j["counts"] = {{"info", n[0]}, {"warning", n[1]}, {"error", n[2]}};
  // Names come from the server: replace invalid UTF-8 rather than throw.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace herokupp::ops
