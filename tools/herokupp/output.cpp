// How the tool prints: results as text or JSON, errors explained, progress.
#include "context.hpp"

#include <herokupp/ops/explain.hpp>

namespace herokupp::cli {

int exit_code_for(Error const& e) {
  switch (e.kind) {
    case ErrorKind::policy_denied:
    case ErrorKind::protected_app:
      return exit_denied;
    case ErrorKind::confirmation_required:
      return exit_confirmation;
    case ErrorKind::invalid_argument:
      return exit_usage;
    default:
      return exit_api_error;
  }
}

std::string printable(std::string_view text) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  auto escape = [&](unsigned value) {
    out += "\\x";
    out.push_back(digits[(value >> 4) & 0xf]);
    out.push_back(digits[value & 0xf]);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n' || b == '\t') {
      // Lines and tabs of our own layout; server text is one line anyway,
      // and a newline from it can only start a line, not rewrite one.
      out.push_back(static_cast<char>(b));
      ++i;
    } else if (b < 0x20 || b == 0x7f) {
      escape(b);
      ++i;
    } else if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
    } else {
      // UTF-8: keep well-formed sequences except the C1 controls (U+0080..
      // U+009F, which some terminals obey); escape every other byte.
      std::size_t n = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
      bool ok = n != 0 && i + n <= text.size();
      for (std::size_t k = 1; ok && k < n; ++k)
        ok = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
      if (ok && n == 2 && b == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0) ok = false;
      if (!ok) {
        escape(b);
        ++i;
        continue;
      }
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

namespace {

// Every string in a JSON document, made printable: a consumer that prints a
// field gets no terminal control either.
json printable_json(json const& j) {
  if (j.is_string()) return printable(j.get<std::string>());
  if (j.is_array()) {
    json out = json::array();
    for (auto const& v : j)
      out.push_back(printable_json(v));
    return out;
  }
  if (j.is_object()) {
    json out = json::object();
    for (auto const& [k, v] : j.items())
      out[printable(k)] = printable_json(v);
    return out;
  }
  return j;
}

}  // namespace

void print(Context& c, std::string const& text) {
  c.out << printable(text);
  if (!text.empty() && text.back() != '\n') c.out << "\n";
}

void print_json(Context& c, json const& j) {
  c.out << printable_json(j).dump(2) << "\n";
}

int fail(Context& c, Error const& error) {
  clear_progress(c);
  Error e = name_not_found(error, c.app);
  auto text = c.redact(ops::explain(e));
  if (c.opts.json_output) {
    print_json(c, json{{"ok", false},
                       {"error", {{"kind", std::string(to_string(e.kind))}, {"message", text}}}});
  }
  c.err << "herokupp: " << printable(text) << "\n";
  return exit_code_for(e);
}

int emit(Context& c, json const& j, std::string const& text) {
  clear_progress(c);
  if (c.opts.json_output) {
    json doc = j;
    doc["ok"] = true;
    print_json(c, doc);
  } else {
    print(c, text);
  }
  return exit_ok;
}

std::string heading(Context const&, std::string const& text) {
  // Plain: everything printed passes the sanitiser, which would escape a
  // bold sequence of ours as it does the server's.
  return text;
}

json release_json(Release const& r) {
  return json{{"version", r.version},
              {"id", r.id},
              {"description", r.description},
              {"status", r.status.raw},
              {"current", r.current},
              {"user", r.user.email},
              {"created_at", r.created_at.to_string()}};
}

}  // namespace herokupp::cli
