#include <herokupp/paging.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using herokupp::ListOptions;
using herokupp::Order;
using herokupp::Paged;
using herokupp::detail::Page;

namespace {
// Three pages of three numbers; records each Range it was asked for.
Paged<int> three_pages(std::vector<std::string>& asked, int fail_on_page = -1) {
  return Paged<int>(
      [&asked, fail_on_page](std::string const& range) -> herokupp::result<Page<int>> {
        asked.push_back(range);
        int page = static_cast<int>(asked.size()) - 1;
        if (page == fail_on_page) return herokupp::Error(herokupp::ErrorKind::server, "boom");
        Page<int> p;
        for (int i = 0; i < 3; ++i)
          p.items.push_back(page * 3 + i);
        if (page < 2) p.next_range = "id ]" + std::to_string(page) + "..; max=3";
        return p;
      },
      "id ..; max=3");
}
}  // namespace

TEST_CASE("Paged follows Next-Range lazily across three pages") {
  std::vector<std::string> asked;
  auto paged = three_pages(asked);
  CHECK(asked.empty());  // nothing requested before iteration
  std::vector<int> seen;
  for (auto const& item : paged) {
    REQUIRE(item);
    seen.push_back(*item);
  }
  CHECK(seen == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8});
  CHECK(asked == std::vector<std::string>{"id ..; max=3", "id ]0..; max=3", "id ]1..; max=3"});
}

TEST_CASE("take(n) stops requesting once n items are read") {
  std::vector<std::string> asked;
  auto first_two = three_pages(asked).take(2);
  REQUIRE(first_two);
  CHECK(*first_two == std::vector<int>{0, 1});
  CHECK(asked.size() == 1);

  asked.clear();
  auto paged = three_pages(asked);
  auto four = paged.take(4);
  REQUIRE(four);
  CHECK(*four == std::vector<int>{0, 1, 2, 3});
  CHECK(paged.pages_fetched() == 2);
  auto rest = paged.collect();  // continues where take stopped
  REQUIRE(rest);
  CHECK(*rest == std::vector<int>{4, 5, 6, 7, 8});
}

TEST_CASE("a failing page ends the range with its Error") {
  std::vector<std::string> asked;
  std::vector<herokupp::result<int>> items;
  for (auto const& item : three_pages(asked, 1))
    items.push_back(item);
  REQUIRE(items.size() == 4);
  CHECK(items[2].value() == 2);
  REQUIRE_FALSE(items[3]);
  CHECK(items[3].error().message == "boom");
  asked.clear();
  auto all = three_pages(asked, 2).collect();
  REQUIRE_FALSE(all);
  CHECK(all.error().kind == herokupp::ErrorKind::server);
}

TEST_CASE("a Paged holding an Error yields it once") {
  Paged<int> refused(herokupp::Error(herokupp::ErrorKind::invalid_argument, "bad"));
  int count = 0;
  for (auto const& item : refused) {
    CHECK_FALSE(item);
    ++count;
  }
  CHECK(count == 1);
}

TEST_CASE("ListOptions become a Range header") {
  using herokupp::detail::range_header;
  CHECK(range_header({}).value() == "id ..");
  ListOptions newest;
  newest.max = 50;
  newest.order = Order::descending;
  newest.sort_field = "version";
  CHECK(range_header(newest).value() == "version ..; max=50, order=desc");
  for (int bad : {0, -1, 1001}) {
    ListOptions o;
    o.max = bad;
    auto r = range_header(o);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == herokupp::ErrorKind::invalid_argument);
  }
  ListOptions injected;
  injected.sort_field = "id\r\nX: y";
  CHECK_FALSE(range_header(injected));
}

namespace {
// A server that pages forever: every page has `items` items and the
// Next-Range `next(page)`; records each Range it was asked for.
Paged<int> endless(std::vector<std::string>& asked, int items, std::function<std::string(int)> next,
                   std::size_t max_pages = 1000) {
  return Paged<int>(
      [&asked, items, next](std::string const& range) -> herokupp::result<Page<int>> {
        asked.push_back(range);
        int page = static_cast<int>(asked.size()) - 1;
        Page<int> p;
        for (int i = 0; i < items; ++i)
          p.items.push_back(page * items + i);
        p.next_range = next(page);
        return p;
      },
      "id ..; max=2", max_pages, "GET /apps");
}
}  // namespace

TEST_CASE("a repeated Next-Range ends the listing with a protocol error after the page's items") {
  std::vector<std::string> asked;
  std::vector<herokupp::result<int>> items;
  for (auto const& item : endless(asked, 2, [](int) { return std::string("id ]x..; max=2"); }))
    items.push_back(item);
  // Page 1 (Range "id ..") and page 2 (Range "id ]x..") were new; page 2
  // named "id ]x.." again, so no third request is made.
  CHECK(asked.size() == 2);
  REQUIRE(items.size() == 5);
  CHECK(items[3].value() == 3);
  REQUIRE_FALSE(items[4]);
  CHECK(items[4].error().kind == herokupp::ErrorKind::protocol);
  CHECK(items[4].error().message.find("GET /apps") != std::string::npos);
  CHECK(items[4].error().message.find("repeated the Next-Range \"id ]x..; max=2\"") !=
        std::string::npos);
  CHECK(items[4].error().request == "GET /apps");
}

TEST_CASE("a Next-Range that cycles back to the first range is caught too") {
  std::vector<std::string> asked;
  auto all = endless(asked, 1, [](int page) {
               return page % 2 == 0 ? std::string("id ]a..") : std::string("id ..; max=2");
             }).collect();
  REQUIRE_FALSE(all);
  CHECK(all.error().kind == herokupp::ErrorKind::protocol);
  CHECK(asked.size() == 2);
}

TEST_CASE("an empty 206 page ends the listing, even inside take(1)") {
  std::vector<std::string> asked;
  auto one =
      endless(asked, 0, [](int page) { return "id ]" + std::to_string(page) + ".."; }).take(1);
  REQUIRE_FALSE(one);
  CHECK(one.error().kind == herokupp::ErrorKind::protocol);
  CHECK(one.error().message.find("empty page (206)") != std::string::npos);
  CHECK(asked.size() == 1);
}

TEST_CASE("ListOptions::max_pages bounds a listing whose every page is new") {
  std::vector<std::string> asked;
  auto paged = endless(
      asked, 1, [](int page) { return "id ]" + std::to_string(page) + ".."; }, 5);
  auto all = paged.collect();
  REQUIRE_FALSE(all);
  CHECK(all.error().kind == herokupp::ErrorKind::protocol);
  CHECK(all.error().message.find("more than 5 pages") != std::string::npos);
  CHECK(asked.size() == 5);
  CHECK(paged.pages_fetched() == 5);
  CHECK(ListOptions().max_pages == 1000);
}

TEST_CASE("server text quoted in a paging error is neutralised") {
  std::vector<std::string> asked;
  auto all = endless(asked, 1, [](int) {
               return std::string("id \x1b[31m]x..\n") + std::string(200, 'a');
             }).collect();
  REQUIRE_FALSE(all);
  auto const& message = all.error().message;
  CHECK(message.find('\x1b') == std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
  CHECK(message.find(std::string(81, 'a')) == std::string::npos);
}

TEST_CASE("take(n) requests no page beyond the one holding the n-th item") {
  std::vector<std::string> asked;
  auto paged = endless(asked, 2, [](int page) { return "id ]" + std::to_string(page) + ".."; });
  auto two = paged.take(2);
  REQUIRE(two);
  CHECK(asked.size() == 1);
  auto four = paged.take(2);  // the next two sit on the second page
  REQUIRE(four);
  CHECK(*four == std::vector<int>{2, 3});
  CHECK(asked.size() == 2);
}

TEST_CASE("max_pages of 0 is refused before any request") {
  ListOptions none;
  none.max_pages = 0;
  auto range = herokupp::detail::range_header(none);
  REQUIRE_FALSE(range);
  CHECK(range.error().kind == herokupp::ErrorKind::invalid_argument);
}
