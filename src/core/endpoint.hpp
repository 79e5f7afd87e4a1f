// Internal: the few calls every generated endpoint function is made of.
//
//   result<Release> info(Client const& c, std::string_view app_identity,
//                        std::string_view release_identity) {
//     return detail::call<Release>(c, Method::get,
//         detail::PathBuilder().lit("/apps/").param("app_identity", app_identity)
//             .lit("/releases/").param("release_identity", release_identity).build(),
//         nullptr, "release");
//   }
#ifndef HEROKUPP_SRC_CORE_ENDPOINT_HPP
#define HEROKUPP_SRC_CORE_ENDPOINT_HPP

#include <herokupp/client.hpp>
#include <herokupp/paging.hpp>

#include "core/client_access.hpp"
#include "core/json_codec.hpp"
#include "core/path_builder.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace herokupp::detail {

/// The request ids and the status of the answer, kept with a decode failure.
Error with_response_context(Error error, HttpResponse const& response);

/// Sends one request and decodes the answer as a T (`root` names it in decode
/// errors). A refused path is returned before any I/O.
template <class T>
result<T> call(Client const& client, Method method, result<std::string> path,
               std::string const* body, std::string_view root) {
  if (!path) return std::move(path).error();
  ApiRequest request;
  request.method = method;
  request.path = std::move(path).value();
  request.body = body;
  auto response = ClientAccess::send(client, request);
  if (!response) return std::move(response).error();
  auto decoded = decode_text<T>(response.value().body, root);
  if (!decoded) return with_response_context(std::move(decoded).error(), response.value());
  return decoded;
}

/// Sends one request whose answer has no body worth reading.
result<void> call_void(Client const& client, Method method, result<std::string> path,
                       std::string const* body);

/// Fetches one page of a list for Paged<T>.
result<HttpResponse> fetch_page(Client const& client, std::string const& path,
                                std::string const& range);

/// The Next-Range of a 206 answer; nothing for a 200 (the last page).
std::optional<std::string> next_range_of(HttpResponse const& response);

/// A lazy Paged<T> over the list at `path`.
template <class T>
Paged<T> list(Client const& client, result<std::string> path, ListOptions const& options,
              std::string_view root) {
  if (!path) return Paged<T>(std::move(path).error());
  auto range = range_header(options);
  if (!range) return Paged<T>(std::move(range).error());
  std::string item_root(root);
  std::string p = std::move(path).value();
  return Paged<T>(
      [client, p, item_root](std::string const& r) -> result<Page<T>> {
        auto response = fetch_page(client, p, r);
        if (!response) return std::move(response).error();
        auto items = decode_text<std::vector<T>>(response.value().body, item_root);
        if (!items) return with_response_context(std::move(items).error(), response.value());
        return Page<T>{std::move(items).value(), next_range_of(response.value())};
      },
      std::move(range).value(), options.max_pages, "GET " + p);
}

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_ENDPOINT_HPP
