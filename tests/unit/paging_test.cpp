#include <herokupp/paging.hpp>

#include <doctest/doctest.h>

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
