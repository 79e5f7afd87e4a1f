#include <herokupp/ops/run.hpp>
#include <herokupp/ops/value_masker.hpp>

#include <herokupp/ops/wait.hpp>

#include "ops/polling.hpp"
#include "ops/text.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

namespace herokupp::ops {
namespace {

bool allowed_char(char c) {
  if (detail::is_alpha(c) || detail::is_digit(c)) return true;
  switch (c) {
    case ' ':
    case '_':
    case '-':
    case '.':
    case ':':
    case '=':
    case '/':
    case ',':
    case '@':
    case '+':
    case '%':
    case '[':
    case ']':
      return true;
    default:
      return false;
  }
}

std::vector<std::string> words_of(std::string_view command) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < command.size()) {
    if (command[pos] == ' ') {
      ++pos;
      continue;
    }
    std::size_t end = command.find(' ', pos);
    if (end == std::string_view::npos) end = command.size();
    words.emplace_back(command.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

std::string describe_char(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u >= 0x7f) {
    static constexpr char digits[] = "0123456789abcdef";
    return std::string("byte 0x") + digits[u >> 4] + digits[u & 0x0f];
  }
  return std::string("'") + c + "'";
}

// What a dyno's log says: its output and, once it has ended, its exit.
struct DynoLog {
  std::optional<int> exit_status;
  std::vector<std::string> output;
};

// Log lines read "<time> <source>[<dyno>]: <text>": `app` lines are the
// command's output, and `heroku` says "Process exited with status N".
// The dyno is matched whole, so run.1 never reads run.10's lines.
DynoLog read_dyno_log(std::string const& body, std::string const& dyno) {
  constexpr std::string_view exited = "Process exited with status ";
  std::string const tag = "[" + dyno + "]: ";
  DynoLog log;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    std::string_view line(body.data() + pos, end - pos);
    pos = end + 1;
    auto at = line.find(tag);
    if (at == std::string_view::npos) continue;
    auto space = line.rfind(' ', at);
    std::string_view source = line.substr(space == std::string_view::npos ? 0 : space + 1,
                                          at - (space == std::string_view::npos ? 0 : space + 1));
    std::string_view text = line.substr(at + tag.size());
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (source == "heroku" && text.substr(0, exited.size()) == exited) {
      std::string_view digits = text.substr(exited.size());
      int status = 0;
      bool ok = !digits.empty() && digits.size() <= 3;
      for (char c : digits) {
        if (!detail::is_digit(c)) ok = false;
        status = status * 10 + (c - '0');
      }
      if (ok) log.exit_status = status;
    } else if (source == "app") {
      log.output.emplace_back(text);
    }
  }
  return log;
}

// A fresh log session for `dyno` (its recent lines, not a tail) and its
// text. The session URL carries its own token: the API key is not sent.
result<std::string> fetch_dyno_log(AppClient const& app, std::string const& dyno) {
  LogSessionOptions o;
  o.dyno = dyno;
  o.lines = 1500;
  o.tail = false;
  auto session = app.log_sessions().create(o);
  if (!session) return session.error();
  auto const& client = app.client().options();
  if (!client.transport) return Error(ErrorKind::transport, "no transport to read the log with");
  HttpRequest request;
  request.method = Method::get;
  request.url = session->logplex_url;
  request.timeout = client.timeout;
  auto answer = client.transport->send(request);
  if (!answer) return answer.error();
  if (answer->status != 200) {
    return Error(ErrorKind::server,
                 "the log session of " + dyno + " answered HTTP " + std::to_string(answer->status));
  }
  return std::move(answer->body);
}

bool finished_state(std::string const& state) {
  return state == "crashed" || state == "down" || state == "complete" || state == "completed" ||
         state == "exited";
}

}  // namespace

namespace {

// One allow-list entry, read.
struct Entry {
  std::vector<std::string> words;
  bool options = false;
  bool variables = false;
  bool extra_words = false;
};

result<Entry> parse_entry(std::string_view text) {
  Entry e;
  for (auto const& word : words_of(text)) {
    if (!word.empty() && word.front() == '<') {
      if (word == "<options>") {
        e.options = true;
      } else if (word == "<VAR=value>") {
        e.variables = true;
      } else if (word == "<words>") {
        e.extra_words = true;
      } else {
        return Error(ErrorKind::invalid_argument,
                     "allowed command " + detail::quoted(text) + ": " + detail::quoted(word) +
                         " is not a marker (use <options>, <VAR=value> or <words>)");
      }
      continue;
    }
    if (e.options || e.variables || e.extra_words) {
      return Error(ErrorKind::invalid_argument, "allowed command " + detail::quoted(text) +
                                                    ": markers come after the command's words");
    }
    for (char c : word) {
      if (!allowed_char(c)) {
        return Error(ErrorKind::invalid_argument,
                     "allowed command " + detail::quoted(text) + " contains " + describe_char(c));
      }
    }
    e.words.push_back(word);
  }
  if (e.words.empty()) {
    return Error(ErrorKind::invalid_argument,
                 "allowed command " + detail::quoted(text) + " names no command");
  }
  return e;
}

// NAME=value, as rake and the shell read an environment assignment.
bool is_assignment(std::string const& word) {
  auto eq = word.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  if (detail::is_digit(word.front())) return false;
  for (std::size_t i = 0; i < eq; ++i) {
    char c = word[i];
    if (!detail::is_alpha(c) && !detail::is_digit(c) && c != '_') return false;
  }
  return true;
}

// Why `words` is not `entry`, or empty when it is.
std::string mismatch(std::vector<std::string> const& words, Entry const& entry,
                     bool allow_options) {
  if (words.size() < entry.words.size() ||
      !std::equal(entry.words.begin(), entry.words.end(), words.begin())) {
    return "not this command";
  }
  for (std::size_t i = entry.words.size(); i < words.size(); ++i) {
    auto const& w = words[i];
    if (w.front() == '-') {
      if (!entry.options && !allow_options) {
        return "option " + detail::quoted(w) + " is not allowed (options such as -e run any code)";
      }
    } else if (is_assignment(w)) {
      if (!entry.variables) {
        return "setting " + detail::quoted(w.substr(0, w.find('=') + 1) + "...") +
               " is not allowed (it would override the app's environment)";
      }
    } else if (!entry.extra_words) {
      return "the extra word " + detail::quoted(w) +
             " is not allowed (it could name another task or file)";
    }
  }
  return {};
}

}  // namespace

result<void> check_allowed_entry(std::string_view entry) {
  auto e = parse_entry(entry);
  if (!e) return e.error();
  return success();
}

result<void> check_command(std::string_view command, OneOffOptions const& options) {
  if (command.size() > 1024) {
    return Error(ErrorKind::invalid_argument, "run: the command is longer than 1024 characters");
  }
  for (char c : command) {
    if (!allowed_char(c)) {
      return Error(ErrorKind::invalid_argument,
                   "run: the command contains " + describe_char(c) +
                       ", which is not allowed (no shell syntax: use letters, digits, spaces "
                       "and _ - . : = / , @ + % [ ])");
    }
  }
  std::vector<std::string> const words = words_of(command);
  if (words.empty()) return Error(ErrorKind::invalid_argument, "run: the command is empty");
  if (!options.migrate_command.empty() && words == words_of(options.migrate_command)) {
    return success();
  }

  // The closest refusal: an entry whose command matched says which word
  // was wrong; otherwise the command is simply not listed.
  std::string why;
  std::vector<std::string> listed;
  for (auto const& text : options.allowed_commands) {
    auto entry = parse_entry(text);
    if (!entry) return entry.error();
    listed.push_back(text);
    std::string no = mismatch(words, *entry, options.allow_options);
    if (no.empty()) return success();
    if (no != "not this command" && why.empty()) why = no;
  }
  if (!options.migrate_command.empty()) listed.push_back(options.migrate_command);
  if (why.empty()) {
    // Named by its first words only: a later word may carry a credential.
    std::vector<std::string> head;
    for (auto const& w : words) {
      if (head.size() == 3 || is_assignment(w)) break;
      head.push_back(w);
    }
    std::string named = detail::join(head, " ");
    if (head.size() < words.size()) named += " ...";
    why = detail::quoted(named) + " is not an allowed command";
  }
  return Error(ErrorKind::invalid_argument,
               "run: " + why + " (allowed: " +
                   (listed.empty() ? std::string("none") : detail::join(listed, ", ")) + ")");
}

result<RunResult> run(AppClient const& app, std::string_view command,
                      OneOffOptions const& options) {
  if (auto ok = check_command(command, options); !ok) return ok.error();

  herokupp::RunOptions start;
  start.command = detail::join(words_of(command), " ");
  start.attach = false;
  start.size = options.size;
  start.time_to_live = options.time_to_live;
  auto dyno = app.dynos().run(start);
  if (!dyno) return dyno.error();

  RunResult out;
  out.dyno = std::move(dyno).value();
  // The dyno is running now: a log session that cannot be opened leaves
  // log_url empty rather than hiding the dyno behind an Error.
  LogSessionOptions logs;
  logs.dyno = out.dyno.name;
  logs.tail = true;
  if (auto session = app.log_sessions().create(logs)) out.log_url = session->logplex_url;

  if (!options.wait.enabled) return out;
  auto const clock = wait_clock(options.wait, &app.client());
  auto const began = clock.now();
  std::string const name = out.dyno.name;
  std::string last_state = out.dyno.state;
  AppClient const polled = detail::polling_client(app.client()).app(app.identity());
  auto ended = poll<std::string>(
      options.wait, clock, "dyno " + name + " on " + app.identity(),
      [&]() -> result<std::optional<std::string>> {
        auto now = polled.dynos().info(name);
        if (!now) {
          // A one-off dyno that has exited is gone from the list.
          if (now.error().kind == ErrorKind::not_found) {
            return std::optional<std::string>(last_state == "crashed" ? last_state : "complete");
          }
          return now.error();
        }
        last_state = now->state;
        if (finished_state(now->state)) return std::optional<std::string>(now->state);
        return std::optional<std::string>();
      });
  if (!ended) return ended.error();
  out.finished = true;
  out.final_state = std::move(ended).value();

  // The dyno has ended; its exit status is in its log. The log may lag
  // the dyno's end a little, so the log is read until the exit line shows.
  auto const elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - began);
  WaitOptions rest = options.wait;
  rest.timeout = std::max(options.wait.interval, options.wait.timeout - elapsed);
  auto log = poll<DynoLog>(rest, clock, "the exit status of " + name + " on " + app.identity(),
                           [&]() -> result<std::optional<DynoLog>> {
                             auto body = fetch_dyno_log(app, name);
                             if (!body) return body.error();
                             DynoLog read = read_dyno_log(*body, name);
                             if (!read.exit_status) return std::optional<DynoLog>();
                             return std::optional<DynoLog>(std::move(read));
                           });
  if (!log) return log.error();
  out.exit_status = log->exit_status;

  // Shown only masked: a failing command may print a config value.
  auto config = app.config_vars().get();
  ValueMasker const mask = config ? ValueMasker(config.value()) : ValueMasker();
  if (config) {
    for (auto const& line : log->output)
      out.output.push_back(mask(line));
  } else {
    out.output.push_back("(output withheld: the app's config could not be read to mask it)");
  }
  if (options.on_output) {
    for (auto const& line : out.output)
      options.on_output(line);
  }
  if (*out.exit_status != 0) {
    Error e(ErrorKind::unknown, mask(start.command) + " on " + app.identity() + " (" + name +
                                    ") exited with status " + std::to_string(*out.exit_status));
    if (!out.output.empty()) e.message += "; its last output: " + out.output.back();
    e.id = std::string(one_off_failed_id);
    return e;
  }
  return out;
}

result<RunResult> migrate(AppClient const& app, OneOffOptions const& options) {
  if (options.migrate_command.empty()) {
    return Error(ErrorKind::invalid_argument, "migrate: no migrate command is configured");
  }
  return run(app, options.migrate_command, options);
}

}  // namespace herokupp::ops
