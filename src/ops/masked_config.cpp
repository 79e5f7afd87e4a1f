#include <herokupp/ops/masked_config.hpp>

#include <set>

namespace herokupp::ops {

MaskedVar const* MaskedConfig::find(std::string_view key) const {
  for (auto const& v : vars) {
    if (v.key == key) return &v;
  }
  return nullptr;
}

std::string MaskedConfig::to_string() const {
  std::string out;
  for (auto const& v : vars) {
    out += v.key;
    out += '=';
    out += v.mask;
    if (!v.fingerprint.empty()) {
      out += ' ';
      out += v.fingerprint;
    }
    out += '\n';
  }
  return out;
}

MaskedConfig mask_config(std::string app, std::map<std::string, std::string> const& values,
                         Fingerprinter const& fingerprinter) {
  MaskedConfig masked;
  masked.app = std::move(app);
  masked.vars.reserve(values.size());
  for (auto const& [key, value] : values) {  // std::map: already sorted by key
    MaskedVar v;
    v.key = key;
    v.fingerprint = fingerprinter(value);
    masked.vars.push_back(std::move(v));
  }
  return masked;
}

result<MaskedConfig> masked_config(AppClient const& app, ConfigOptions const& options) {
  auto values = app.config_vars().get();
  if (!values) return values.error();
  return mask_config(app.identity(), values.value(), options.fingerprinter);
}

std::string_view to_string(KeyStatus status) noexcept {
  switch (status) {
    case KeyStatus::same:
      return "same";
    case KeyStatus::differs:
      return "differs";
    case KeyStatus::only_in_a:
      return "only_in_a";
    case KeyStatus::only_in_b:
      return "only_in_b";
  }
  return "unknown";
}

std::size_t ConfigComparison::count(KeyStatus status) const {
  std::size_t n = 0;
  for (auto const& k : keys)
    n += k.status == status ? 1 : 0;
  return n;
}

std::vector<std::string> ConfigComparison::keys_with(KeyStatus status) const {
  std::vector<std::string> out;
  for (auto const& k : keys) {
    if (k.status == status) out.push_back(k.key);
  }
  return out;
}

result<ConfigComparison> compare_config(AppClient const& app_a, AppClient const& app_b,
                                        ConfigOptions const& options) {
  auto values_a = app_a.config_vars().get();
  if (!values_a) return values_a.error();
  auto values_b = app_b.config_vars().get();
  if (!values_b) return values_b.error();

  // Compare by fingerprint only; a random key when none was given, and then
  // the fingerprints are not shown (they would mean nothing elsewhere).
  bool const show = options.fingerprinter.enabled();
  Fingerprinter const fingerprinter = show ? options.fingerprinter : Fingerprinter::random();
  MaskedConfig const a = mask_config(app_a.identity(), values_a.value(), fingerprinter);
  MaskedConfig const b = mask_config(app_b.identity(), values_b.value(), fingerprinter);

  std::set<std::string> keys;
  for (auto const& v : a.vars)
    keys.insert(v.key);
  for (auto const& v : b.vars)
    keys.insert(v.key);

  ConfigComparison cmp;
  cmp.app_a = app_a.identity();
  cmp.app_b = app_b.identity();
  for (auto const& key : keys) {
    MaskedVar const* in_a = a.find(key);
    MaskedVar const* in_b = b.find(key);
    KeyComparison k;
    k.key = key;
    if (in_a && in_b) {
      k.status = in_a->fingerprint == in_b->fingerprint ? KeyStatus::same : KeyStatus::differs;
    } else {
      k.status = in_a ? KeyStatus::only_in_a : KeyStatus::only_in_b;
    }
    if (show && in_a) k.fingerprint_a = in_a->fingerprint;
    if (show && in_b) k.fingerprint_b = in_b->fingerprint;
    cmp.keys.push_back(std::move(k));
  }
  return cmp;
}

}  // namespace herokupp::ops
