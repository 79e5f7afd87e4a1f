// The umbrella header: the core SDK and its sub-clients.
//
// It does not include every generated resource: add
// <herokupp/api/<resource>.hpp> for endpoints beyond the sub-clients, and
// <herokupp/ops.hpp> for the safe actions.
#ifndef HEROKUPP_HEROKUPP_HPP
#define HEROKUPP_HEROKUPP_HPP

#include <herokupp/client.hpp>
#include <herokupp/clients/account_client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/apps_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/clients/pipelines_client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/error.hpp>
#include <herokupp/paging.hpp>
#include <herokupp/timestamp.hpp>
#include <herokupp/transport.hpp>
#include <herokupp/version.hpp>

#endif  // HEROKUPP_HEROKUPP_HPP
