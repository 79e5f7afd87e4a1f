// How the tool prints: results as text or JSON, errors explained, progress.
#include "context.hpp"

#include <herokupp/ops/explain.hpp>

#include <thread>

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

int fail(Context& c, Error const& e) {
  auto text = ops::explain(e);
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

// Pauses for waits; on a terminal, shows that something is being waited for.
std::function<void(std::chrono::milliseconds)> progress_sleep(Context& c) {
  auto base = c.env.sleep;
  auto interactive = c.env.interactive;
  auto* err = &c.err;
  auto waited = std::make_shared<std::chrono::milliseconds>(0);
  return [base, interactive, err, waited](std::chrono::milliseconds d) {
    if (base) {
      base(d);
    } else {
      std::this_thread::sleep_for(d);
    }
    *waited += d;
    if (interactive) {
      *err << "\r  ... waiting "
           << std::chrono::duration_cast<std::chrono::seconds>(*waited).count() << "s"
           << std::flush;
    }
  };
}

void progress_line(Context& c, std::string const& line) {
  if (c.env.interactive) c.err << "\r\033[K";
  c.err << "--> " << line << "\n";
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
