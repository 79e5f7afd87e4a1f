// Paged<T>: lazy iteration over list endpoints, following Heroku's Range paging.
#ifndef HEROKUPP_PAGING_HPP
#define HEROKUPP_PAGING_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace herokupp {

/// Sort order of a list.
enum class Order { ascending, descending };

/// How to list: page size, order and the field to sort by.
///
/// @par Example
/// @code
/// herokupp::ListOptions newest;
/// newest.max = 50;                                // items per page, 1..1000
/// newest.order = herokupp::Order::descending;
/// newest.sort_field = "version";                  // releases sort by version
/// @endcode
struct ListOptions {
  /// Items per page (1..1000). Unset: the API's default page of 200.
  std::optional<int> max;
  /// Oldest (or lowest) first, or descending for newest first.
  Order order = Order::ascending;
  /// The field the Range header sorts by. Empty: "id", which every list accepts.
  std::string sort_field;
  /// The most pages one listing requests (at least 1). A last bound against
  /// a server that never stops paging: past it the listing ends with a
  /// `protocol` Error. The default allows 200,000 items at the API's page size.
  std::size_t max_pages = 1000;
};

namespace detail {
/// One page as a list endpoint returned it.
template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_range;  ///< the Next-Range header of a 206
};

/// Fetches the page that the given Range header value selects.
template <class T>
using PageFetcher = std::function<result<Page<T>>(std::string const& range)>;

/// The Range header value for `options`, or an invalid_argument Error.
/// Internal: not exported from the shared library.
result<std::string> range_header(ListOptions const& options);

/// Server text made safe to quote in an Error: printable ASCII, at most 80 characters.
inline std::string quote_server_text(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 80)) {
    auto uc = static_cast<unsigned char>(c);
    out.push_back(uc >= 0x20 && uc < 0x7f ? c : '?');
  }
  if (text.size() > 80) out += "...";
  return out;
}
}  // namespace detail

/// A lazy input range of `result<T>` over every page of a list.
///
/// Nothing is requested until iteration starts; each further page is fetched
/// only when the previous one is used up. When a request fails, the range
/// yields one item holding the Error and then ends. A server that pages in a
/// loop (a Next-Range already followed in this listing, an empty 206 page) or
/// past ListOptions::max_pages ends the range with a `protocol` Error.
///
/// @par Example
/// @code
/// // given: herokupp::ListOptions newest
/// for (auto const& r : heroku.app("my-app").releases().list(newest)) {
///   if (!r) { std::cerr << r.error().message; break; }
///   std::cout << "v" << r->version << "\n";
/// }
/// auto five = heroku.app("my-app").releases().list(newest).take(5);  // one request
/// @endcode
template <class T>
class Paged {
  struct State {
    detail::PageFetcher<T> fetch;
    std::optional<std::string> next_range;  // what to request next; empty: no more pages
    std::vector<T> page;
    std::size_t index = 0;
    std::optional<result<T>> current;
    std::optional<Error> pending_error;  // reported as the next item, then the range ends
    std::optional<Error> loop_error;     // reported once the current page is used up
    bool done = false;
    std::size_t pages_fetched = 0;
    std::size_t max_pages = ListOptions().max_pages;
    std::string request;                       // "GET /apps": names the listing in errors
    std::unordered_set<std::string> followed;  // every Range requested so far

    Error protocol_error(std::string what) const {
      Error e(ErrorKind::protocol, "the list " +
                                       (request.empty() ? std::string() : "at " + request + " ") +
                                       std::move(what) + "; the listing stops here");
      e.id = "paging_loop";
      e.request = request;
      return e;
    }

    // Moves to the next item; false when the range is exhausted.
    bool advance() {
      while (true) {
        if (pending_error) {
          current.emplace(std::move(*pending_error));
          pending_error.reset();
          next_range.reset();
          return true;
        }
        if (index < page.size()) {
          current.emplace(std::move(page[index++]));
          return true;
        }
        if (!next_range && loop_error) {
          pending_error = std::move(loop_error);
          loop_error.reset();
          continue;
        }
        if (!next_range) {
          current.reset();
          done = true;
          return false;
        }
        if (pages_fetched >= max_pages) {
          pending_error = protocol_error("has more than " + std::to_string(max_pages) +
                                         " pages (ListOptions::max_pages)");
          continue;
        }
        followed.insert(*next_range);
        auto fetched = fetch(*next_range);
        ++pages_fetched;
        if (!fetched) {
          pending_error = std::move(fetched).error();
          continue;
        }
        page = std::move(fetched.value().items);
        index = 0;
        next_range = std::move(fetched.value().next_range);
        // The items of this page are still yielded; the error comes after them.
        if (next_range && page.empty()) {
          loop_error = protocol_error("answered an empty page (206) with a Next-Range");
        } else if (next_range && followed.count(*next_range) != 0) {
          loop_error =
              protocol_error("repeated the Next-Range \"" + detail::quote_server_text(*next_range) +
                             "\" of an earlier page");
        }
        if (loop_error) next_range.reset();
      }
    }
  };

 public:
  /// An input iterator; dereferencing gives the current `result<T>`.
  class iterator {
   public:
    /// An input iterator: each item is read once.
    using iterator_category = std::input_iterator_tag;
    /// Each item is a result: a value or the Error that ended the listing.
    using value_type = result<T>;
    /// Required of iterators; unused.
    using difference_type = std::ptrdiff_t;
    /// Pointer to the current item.
    using pointer = result<T> const*;
    /// The current item.
    using reference = result<T> const&;

    iterator() = default;
    /// The current item.
    reference operator*() const { return *state_->current; }
    /// The current item.
    pointer operator->() const { return &*state_->current; }
    /// The next item, requesting the next page when this one is used up.
    iterator& operator++() {
      if (!state_->advance()) state_ = nullptr;
      return *this;
    }
    /// The next item (postfix; returns nothing, as input iterators may).
    void operator++(int) { ++*this; }
    /// Equal when both are at the same place, or both at the end.
    friend bool operator==(iterator const& a, iterator const& b) { return a.state_ == b.state_; }
    /// The opposite of ==.
    friend bool operator!=(iterator const& a, iterator const& b) { return a.state_ != b.state_; }

   private:
    friend class Paged;
    explicit iterator(State* s) : state_(s) {}
    State* state_ = nullptr;
  };

  /// A range that requests `first_range` first, then follows Next-Range, for
  /// at most `max_pages` pages; `request` ("GET /apps") names it in errors.
  Paged(detail::PageFetcher<T> fetch, std::string first_range,
        std::size_t max_pages = ListOptions().max_pages, std::string request = {})
      : state_(std::make_shared<State>()) {
    state_->fetch = std::move(fetch);
    state_->next_range = std::move(first_range);
    state_->max_pages = max_pages;
    state_->request = std::move(request);
  }
  /// A range whose only item is `error` (refused arguments, for instance).
  explicit Paged(Error error) : state_(std::make_shared<State>()) {
    state_->pending_error = std::move(error);
  }

  /// Starts (or continues) the iteration. A Paged is a single-pass range.
  iterator begin() {
    if (state_->done) return iterator();
    if (!state_->current && !state_->advance()) return iterator();
    return iterator(state_.get());
  }
  /// The end of the listing.
  iterator end() { return iterator(); }

  /// Every remaining item, or the first Error met.
  result<std::vector<T>> collect() { return take(static_cast<std::size_t>(-1)); }

  /// At most `n` items; no page beyond the one holding the n-th item is requested.
  result<std::vector<T>> take(std::size_t n) {
    std::vector<T> out;
    if (n == 0) return out;
    for (auto it = begin(); it != end(); ++it) {
      // Moving out of the current item is safe: it is replaced on advance.
      auto& item = *state_->current;
      if (!item) return std::move(item).error();
      out.push_back(std::move(item).value());
      if (out.size() >= n) {
        state_->current.reset();
        break;
      }
    }
    return out;
  }

  /// How many page requests this range has made so far.
  std::size_t pages_fetched() const noexcept { return state_->pages_fetched; }

 private:
  std::shared_ptr<State> state_;
};

}  // namespace herokupp

#endif  // HEROKUPP_PAGING_HPP
