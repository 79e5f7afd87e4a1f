#include "core/retry_after.hpp"

#include <herokupp/timestamp.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace herokupp::detail {

namespace {

using std::chrono::system_clock;

constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> short_days = {"Mon", "Tue", "Wed", "Thu",
                                                        "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_days = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// A small cursor over the text: each step consumes exactly what it expects.
struct Cursor {
  std::string_view s;

  bool literal(std::string_view what) {
    if (s.substr(0, what.size()) != what) return false;
    s.remove_prefix(what.size());
    return true;
  }
  bool number(std::size_t width, int& out) {
    if (s.size() < width) return false;
    int v = 0;
    for (std::size_t i = 0; i < width; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    s.remove_prefix(width);
    out = v;
    return true;
  }
  template <std::size_t N>
  bool name(std::array<std::string_view, N> const& names, int& index) {
    for (std::size_t i = 0; i < N; ++i) {
      if (literal(names[i])) {
        index = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }
  bool time(int& h, int& m, int& sec) {
    return number(2, h) && literal(":") && number(2, m) && literal(":") && number(2, sec);
  }
};

// Dates go through Timestamp::parse, so every form refuses the same
// impossible days and hours.
std::optional<system_clock::time_point> at(int year, int month, int day, int h, int m, int sec) {
  if (year < 0 || year > 9999) return std::nullopt;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month + 1, day, h, m,
                sec);
  auto parsed = Timestamp::parse(text);
  if (!parsed) return std::nullopt;
  return parsed->time_point();
}

int current_year(system_clock::time_point now) {
  std::string text = Timestamp(now).to_string();
  int year = 0;
  for (std::size_t i = 0; i < 4 && i < text.size(); ++i)
    year = year * 10 + (text[i] - '0');
  return year;
}

}  // namespace

std::optional<system_clock::time_point> parse_http_date(std::string_view text,
                                                        system_clock::time_point now) {
  int weekday = 0, day = 0, month = 0, year = 0, h = 0, m = 0, sec = 0;
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  {
    Cursor c{text};
    if (c.name(short_days, weekday) && c.literal(", ") && c.number(2, day) && c.literal(" ") &&
        c.name(months, month) && c.literal(" ") && c.number(4, year) && c.literal(" ") &&
        c.time(h, m, sec) && c.literal(" GMT") && c.s.empty()) {
      return at(year, month, day, h, m, sec);
    }
  }
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  {
    Cursor c{text};
    if (c.name(long_days, weekday) && c.literal(", ") && c.number(2, day) && c.literal("-") &&
        c.name(months, month) && c.literal("-") && c.number(2, year) && c.literal(" ") &&
        c.time(h, m, sec) && c.literal(" GMT") && c.s.empty()) {
      // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
      int const this_year = current_year(now);
      int full = this_year - this_year % 100 + year;
      if (full > this_year + 50) full -= 100;
      return at(full, month, day, h, m, sec);
    }
  }
  // asctime: Sun Nov  6 08:49:37 1994
  {
    Cursor c{text};
    if (c.name(short_days, weekday) && c.literal(" ") && c.name(months, month) && c.literal(" ")) {
      bool got_day = c.literal(" ") ? c.number(1, day) : c.number(2, day);
      if (got_day && c.literal(" ") && c.time(h, m, sec) && c.literal(" ") && c.number(4, year) &&
          c.s.empty()) {
        return at(year, month, day, h, m, sec);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.front() >= '0' && value.front() <= '9') {
    long long seconds = 0;
    for (char c : value) {
      if (c < '0' || c > '9') return std::nullopt;
      // Beyond any deadline a caller could have; also keeps the sum from overflowing.
      if (seconds < 1'000'000'000LL) seconds = seconds * 10 + (c - '0');
    }
    return std::chrono::seconds(std::min(seconds, 1'000'000'000LL));
  }
  auto when = parse_http_date(value, now);
  if (!when) return std::nullopt;
  if (*when <= now) return std::chrono::seconds(0);
  // Rounded up: waiting a fraction less than asked would arrive too early.
  auto wait = std::chrono::ceil<std::chrono::seconds>(*when - now);
  return wait;
}

}  // namespace herokupp::detail
