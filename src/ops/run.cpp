#include <herokupp/ops/run.hpp>

#include "ops/polling.hpp"
#include "ops/text.hpp"
#include "ops/wait.hpp"

#include <algorithm>

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

bool finished_state(std::string const& state) {
  return state == "crashed" || state == "down" || state == "complete" || state == "completed" ||
         state == "exited";
}

}  // namespace

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
  if (words == words_of(options.migrate_command)) return success();

  if (std::find(options.allowed_commands.begin(), options.allowed_commands.end(), words.front()) ==
      options.allowed_commands.end()) {
    std::vector<std::string> allowed = options.allowed_commands;
    if (!options.migrate_command.empty()) allowed.push_back(options.migrate_command);
    return Error(ErrorKind::invalid_argument,
                 "run: " + detail::quoted(words.front()) + " is not an allowed command (allowed: " +
                     (allowed.empty() ? std::string("none") : detail::join(allowed, ", ")) + ")");
  }
  if (!options.allow_options) {
    for (auto const& word : words) {
      if (word.front() == '-') {
        return Error(ErrorKind::invalid_argument,
                     "run: option " + detail::quoted(word) +
                         " is not allowed (options such as -e could run any code)");
      }
    }
  }
  return success();
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
  auto const clock = detail::wait_clock(options.wait, &app.client());
  std::string const name = out.dyno.name;
  std::string last_state = out.dyno.state;
  AppClient const polled = detail::polling_client(app.client()).app(app.identity());
  auto ended = detail::poll<std::string>(
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
  return out;
}

result<RunResult> migrate(AppClient const& app, OneOffOptions const& options) {
  if (options.migrate_command.empty()) {
    return Error(ErrorKind::invalid_argument, "migrate: no migrate command is configured");
  }
  return run(app, options.migrate_command, options);
}

}  // namespace herokupp::ops
