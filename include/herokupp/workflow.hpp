// herokupp::workflow: deploy plans and environments files (optional component).
#ifndef HEROKUPP_WORKFLOW_HPP
#define HEROKUPP_WORKFLOW_HPP

#include <herokupp/workflow/change_set.hpp>       // IWYU pragma: export
#include <herokupp/workflow/deploy.hpp>           // IWYU pragma: export
#include <herokupp/workflow/environments.hpp>     // IWYU pragma: export
#include <herokupp/workflow/git_remote.hpp>       // IWYU pragma: export
#include <herokupp/workflow/notice.hpp>           // IWYU pragma: export
#include <herokupp/workflow/notice_sinks.hpp>     // IWYU pragma: export
#include <herokupp/workflow/notifier.hpp>         // IWYU pragma: export
#include <herokupp/workflow/pipeline_stages.hpp>  // IWYU pragma: export
#include <herokupp/workflow/preflight.hpp>        // IWYU pragma: export
#include <herokupp/workflow/user_key.hpp>         // IWYU pragma: export

#endif  // HEROKUPP_WORKFLOW_HPP
