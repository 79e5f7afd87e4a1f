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

int fail(Context& c, Error const& error) {
  clear_progress(c);
  Error e = name_not_found(error, c.app);
  auto text = c.redact(ops::explain(e));
  if (c.opts.json_output) {
    c.out << json{{"ok", false},
                  {"error", {{"kind", std::string(to_string(e.kind))}, {"message", text}}}}
                 .dump(2)
          << "\n";
  }
  c.err << "herokupp: " << text << "\n";
  return exit_code_for(e);
}

int emit(Context& c, json const& j, std::string const& text) {
  clear_progress(c);
  if (c.opts.json_output) {
    json doc = j;
    doc["ok"] = true;
    c.out << doc.dump(2) << "\n";
  } else {
    c.out << text;
    if (!text.empty() && text.back() != '\n') c.out << "\n";
  }
  return exit_ok;
}

std::string heading(Context const& c, std::string const& text) {
  if (c.env.interactive) return "\033[1m" + text + "\033[0m";
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
