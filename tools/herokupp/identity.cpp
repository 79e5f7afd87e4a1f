// Who is acting, under which policy, with which keys. The tool fails
// closed: without a policy it refuses writes unless --single-user is given;
// the actor is the API key's own account unless the policy lets that
// account act for others; the per-user key makes fingerprints stable and
// signs plan codes.
#include "context.hpp"

#include <herokupp/clients/account_client.hpp>
#include <herokupp/workflow/environments.hpp>
#include <herokupp/workflow/user_key.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fstream>
#include <sstream>

namespace herokupp::cli {

result<ToolPolicy> load_tool_policy(std::string const& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorKind::invalid_argument, "cannot read the policy file " + path};
  std::stringstream text;
  text << in.rdbuf();
  json doc;
  try {
    doc = json::parse(text.str());
  } catch (json::exception const&) {
    return Error{ErrorKind::invalid_argument, "the policy file " + path + " is not JSON"};
  }
  if (!doc.is_object()) {
    return Error{ErrorKind::invalid_argument, "the policy file " + path + " is not an object"};
  }
  ToolPolicy out;
  // The tool's own fields; the rest is the ops Policy format.
  if (auto it = doc.find("act_for_others"); it != doc.end()) {
    if (!it->is_array()) {
      return Error{ErrorKind::invalid_argument, "\"act_for_others\" must list accounts"};
    }
    for (auto const& a : *it) {
      if (!a.is_string()) {
        return Error{ErrorKind::invalid_argument, "\"act_for_others\" must list accounts"};
      }
      out.act_for_others.push_back(a.get<std::string>());
    }
    doc.erase(it);
  }
  if (auto it = doc.find("fingerprint_key_file"); it != doc.end()) {
    if (!it->is_string()) {
      return Error{ErrorKind::invalid_argument, "\"fingerprint_key_file\" must be a path"};
    }
    out.fingerprint_key_file = it->get<std::string>();
    doc.erase(it);
  }
  if (auto it = doc.find("plan_key_file"); it != doc.end()) {
    if (!it->is_string()) {
      return Error{ErrorKind::invalid_argument, "\"plan_key_file\" must be a path"};
    }
    out.plan_key_file = it->get<std::string>();
    doc.erase(it);
  }
  auto policy = ops::Policy::from_json(doc.dump());
  if (!policy) return policy.error();
  out.policy = std::move(policy).value();
  return out;
}

result<std::string> key_account(Client const& client, Context const& c) {
  // GET /account once per API key: the answer is kept in the state dir under
  // a MAC of the key, so later runs check the policy before any request.
  auto const cache_name =
      "account-" + c.plan_key.derive("account cache").mac(client.options().api_key).substr(0, 24) +
      ".json";
  if (auto cached = load_state(c, cache_name)) {
    try {
      auto j = json::parse(*cached);
      auto email = j.at("email").get<std::string>();
      if (!email.empty()) return email;
    } catch (json::exception const&) {
      // A damaged cache is asked again.
    }
  }
  auto me = client.account().info();
  if (!me) return me.error();
  if (me->email.empty()) {
    return Error{ErrorKind::invalid_argument, "the API key's account has no email to act as"};
  }
  (void)save_state(c, cache_name, json{{"email", me->email}}.dump());
  return me->email;
}

result<ops::Fingerprinter> user_key(Environment const& env) {
  std::string path = env.getenv("HEROKUPP_KEY_FILE").value_or("");
  if (path.empty()) path = workflow::default_user_key_path(env.getenv);
  return workflow::load_or_create_user_key(path);
}

namespace {

// Records who really acted when an account acts for another actor.
class OnBehalfSink : public ops::AuditSink {
 public:
  OnBehalfSink(std::shared_ptr<ops::AuditSink> inner, std::string account)
      : inner_(std::move(inner)), account_(std::move(account)) {}
  result<void> write(ops::AuditRecord const& record) override {
    auto r = record;
    r.arguments.emplace_back("acting_account", account_);
    return inner_->write(r);
  }

 private:
  std::shared_ptr<ops::AuditSink> inner_;
  std::string account_;
};

}  // namespace

result<Setup> prepare(Options const& opts, Environment const& env, bool writes) {
  Setup s;
  std::optional<ToolPolicy> tool_policy;
  if (!opts.policy_file.empty()) {
    auto loaded = load_tool_policy(opts.policy_file);
    if (!loaded) return loaded.error();
    tool_policy = std::move(loaded).value();
    s.policy = tool_policy->policy;
    s.act_for_others = tool_policy->act_for_others;
  } else if (writes && !opts.single_user) {
    return Error{ErrorKind::policy_denied,
                 "herokupp changes nothing without a policy: give --policy FILE, or, acting "
                 "alone on your own apps, --single-user (you act as the API key's account)"};
  }
  if (!opts.audit_file.empty()) {
    // An audit trail that cannot be written refuses the action up front.
    int fd = ::open(opts.audit_file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
      Error e{ErrorKind::invalid_argument, "the audit file " + opts.audit_file +
                                               " cannot be written (" + std::strerror(errno) +
                                               "); nothing was done"};
      if (writes) return e;
    } else {
      ::close(fd);
    }
    s.audit = std::make_shared<ops::JsonLinesAuditSink>(opts.audit_file);
  }
  auto key = user_key(env);
  if (!key) return key.error();
  s.plan_key = key->derive(workflow::plan_code_purpose);
  s.fingerprints = key->derive(workflow::fingerprint_purpose);
  if (tool_policy && !tool_policy->fingerprint_key_file.empty()) {
    auto team = workflow::load_key_file(tool_policy->fingerprint_key_file);
    if (!team) return team.error();
    s.fingerprints = team->derive(workflow::fingerprint_purpose);
  }
  if (tool_policy && !tool_policy->plan_key_file.empty()) {
    // One key for the team's plans: a plan made by one person verifies on
    // another's account, which four eyes need.
    auto team = workflow::load_key_file(tool_policy->plan_key_file);
    if (!team) return team.error();
    s.plan_key = team->derive(workflow::plan_code_purpose);
  }
  // A `protected` environment protects its app in every command, not only
  // in deploys: read the environments file when there is one.
  std::error_code ec;
  if (std::filesystem::exists(opts.environments_file, ec)) {
    auto file = workflow::EnvironmentsFile::load(opts.environments_file);
    if (!file) return file.error();
    s.protected_apps = file->protected_apps();
  }
  return s;
}

result<void> choose_actor(Context& c, Setup const& setup, bool writes) {
  std::string named = c.opts.actor;
  if (named.empty()) named = c.env.getenv("HEROKUPP_ACTOR").value_or("");
  auto account = key_account(c.client, c);
  if (!account) return account.error();
  c.actor = *account;
  if (named.empty() || named == *account) return success();
  bool may = c.policy && std::find(setup.act_for_others.begin(), setup.act_for_others.end(),
                                   *account) != setup.act_for_others.end();
  if (!may) {
    Error e{ErrorKind::policy_denied,
            "the API key belongs to " + *account + ", which may not act as " + named +
                ": only an account listed in the policy's act_for_others may name another actor"};
    (void)writes;
    return e;
  }
  c.actor = named;
  c.on_behalf_of = *account;
  if (c.audit) c.audit = std::make_shared<OnBehalfSink>(c.audit, *account);
  return success();
}

}  // namespace herokupp::cli
