// Internal: a paged list fetched with a method other than GET, or with a
// request body (the filter endpoints: POST /filters/apps with a Range header).
#ifndef HEROKUPP_SRC_CORE_LIST_WITH_BODY_HPP
#define HEROKUPP_SRC_CORE_LIST_WITH_BODY_HPP

#include "core/endpoint.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace herokupp::detail {

/// Like list<T>, but every page is requested with `method` and `body` (JSON
/// text; empty for none). Such requests are not idempotent, so the Client
/// never repeats one on its own; each page is one request.
template <class T>
Paged<T> list_with_body(Client const& client, Method method, result<std::string> path,
                        std::string body, ListOptions const& options, std::string_view root) {
  if (!path) return Paged<T>(std::move(path).error());
  auto range = range_header(options);
  if (!range) return Paged<T>(std::move(range).error());
  std::string p = std::move(path).value();
  std::string request = std::string(to_string(method)) + " " + p;
  return Paged<T>(
      [client, method, p, b = std::move(body),
       item_root = std::string(root)](std::string const& r) -> result<Page<T>> {
        ApiRequest request;
        request.method = method;
        request.path = p;
        request.body = b.empty() ? nullptr : &b;
        request.range = &r;
        auto response = ClientAccess::send(client, request);
        if (!response) return std::move(response).error();
        auto items = decode_text<std::vector<T>>(response.value().body, item_root);
        if (!items) return with_response_context(std::move(items).error(), response.value());
        return Page<T>{std::move(items).value(), next_range_of(response.value())};
      },
      std::move(range).value(), options.max_pages, std::move(request));
}

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_LIST_WITH_BODY_HPP
