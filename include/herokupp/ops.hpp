// The umbrella header of herokupp::ops: safe actions, Policy, audit, Session.
#ifndef HEROKUPP_OPS_HPP
#define HEROKUPP_OPS_HPP

#include <herokupp/ops/audit.hpp>
#include <herokupp/ops/audited_action.hpp>
#include <herokupp/ops/config_change.hpp>
#include <herokupp/ops/current_release.hpp>
#include <herokupp/ops/dyno_summary.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/fingerprint.hpp>
#include <herokupp/ops/hygiene.hpp>
#include <herokupp/ops/hygiene_rules.hpp>
#include <herokupp/ops/maintenance.hpp>
#include <herokupp/ops/masked_config.hpp>
#include <herokupp/ops/policy.hpp>
#include <herokupp/ops/promote.hpp>
#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/ops/restart.hpp>
#include <herokupp/ops/rollback.hpp>
#include <herokupp/ops/run.hpp>
#include <herokupp/ops/scale.hpp>
#include <herokupp/ops/session.hpp>
#include <herokupp/ops/severity.hpp>
#include <herokupp/ops/value_masker.hpp>
#include <herokupp/ops/wait.hpp>

#endif  // HEROKUPP_OPS_HPP
