// Endpoints under /pipelines/{id} and the promotion body take ids only,
// while users name pipelines and apps; these turn a name into an id with
// one Info request and pass an id through untouched.
#ifndef HEROKUPP_SRC_CLIENTS_RESOLVE_ID_HPP
#define HEROKUPP_SRC_CLIENTS_RESOLVE_ID_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>

#include <string>

namespace herokupp::detail {

/// The id of the pipeline named or identified by `identity`.
result<std::string> pipeline_id(Client const& client, std::string const& identity);
/// The id of the app named or identified by `identity`.
result<std::string> app_id(Client const& client, std::string const& identity);

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CLIENTS_RESOLVE_ID_HPP
