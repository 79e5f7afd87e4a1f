// Internal: the Client a polling loop asks through.
#ifndef HEROKUPP_SRC_OPS_POLLING_HPP
#define HEROKUPP_SRC_OPS_POLLING_HPP

#include <herokupp/client.hpp>
#include <herokupp/etag_cache.hpp>

#include <memory>
#include <utility>

namespace herokupp::ops::detail {

/// `client`, asking conditionally: a loop reads one URL again and again and
/// most answers are unchanged, so each 304 saves the body. The Client's own
/// cache (or its context's) is used when it has one, else a small one that
/// lives as long as the loop.
inline Client polling_client(Client const& client) {
  if (client.options().cache || (client.context() && client.context()->cache)) return client;
  CallContext context = client.context() ? *client.context() : CallContext{};
  context.cache = std::make_shared<ETagCache>(256u * 1024u);
  return client.with(std::move(context));
}

}  // namespace herokupp::ops::detail

#endif  // HEROKUPP_SRC_OPS_POLLING_HPP
