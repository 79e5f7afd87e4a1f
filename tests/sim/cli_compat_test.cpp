// What the official Heroku CLI sends, answered as the real API answers it.
// Each case is a request an everyday `heroku` command makes.
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using herokupp::Method;
using simtest::json;
using simtest::World;

namespace {

/// The fleet, used as its owner (ops@example.com), the account `heroku login` would hold.
World fleet() {
  World w;
  REQUIRE(w.platform->load_seed_file(simtest::fleet_seed_path()));
  w.key = "HRKU-fleet-ops-4f1c2a9e7b3d4c5e8a6f0b1d2c3e4f5a";
  return w;
}

}  // namespace

TEST_CASE("ps:scale: a quantity sent as a string is read as the number") {
  World w = fleet();
  auto res = w.send(Method::patch, "/apps/shop-staging/formation",
                    R"({"updates":[{"type":"web","quantity":"3"}]})");
  REQUIRE(res.status == 200);
  auto body = json::parse(res.body);
  REQUIRE(body.is_array());
  CHECK(body[0]["quantity"] == 3);
  CHECK(w.get("/apps/shop-staging/formation/web")["quantity"] == 3);
}

TEST_CASE("ps:scale: a string that is not a whole number is still refused") {
  World w = fleet();
  for (char const* bad : {R"("three")", R"("3.5")", R"("")", R"("99999999999999999999")"}) {
    auto res = w.send(Method::patch, "/apps/shop-staging/formation",
                      std::string(R"({"updates":[{"type":"web","quantity":)") + bad + "}]}");
    CHECK_MESSAGE(res.status == 422, bad);
  }
  CHECK(w.get("/apps/shop-staging/formation/web")["quantity"] == 1);
}

TEST_CASE("apps:info: an app's add-ons are listed, and an add-on sets its config var") {
  World w = fleet();
  auto empty = w.send(Method::get, "/apps/shop-staging/addons");
  REQUIRE(empty.status == 200);
  CHECK(json::parse(empty.body).empty());

  auto created = w.send(
      Method::post, "/apps/shop-staging/addons",
      R"({"plan":{"name":"heroku-postgresql:essential-0"},"attachment":{"name":"compat_db"}})");
  REQUIRE(created.status == 201);
  auto addon = json::parse(created.body);
  CHECK(addon["config_vars"] == json::array({"COMPAT_DB_URL"}));
  CHECK(addon["plan"]["name"] == "heroku-postgresql:essential-0");

  auto listed = w.get("/apps/shop-staging/addons");
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["name"] == addon["name"]);
  auto config = w.get("/apps/shop-staging/config-vars");
  REQUIRE(config.contains("COMPAT_DB_URL"));
  CHECK(config["COMPAT_DB_URL"].get<std::string>().rfind("postgres://", 0) == 0);

  // Destroying it detaches it: the config var goes in a new release.
  auto name = addon["name"].get<std::string>();
  REQUIRE(w.send(Method::delete_, "/apps/shop-staging/addons/" + name).status == 200);
  CHECK_FALSE(w.get("/apps/shop-staging/config-vars").contains("COMPAT_DB_URL"));
  CHECK(w.get("/apps/shop-staging/addons").empty());
}

TEST_CASE("add-ons: unknown plans, add-ons and attachments are 404s that name the resource") {
  World w = fleet();
  auto plan = w.send(Method::post, "/apps/shop-staging/addons", R"({"plan":"no-such:plan"})");
  CHECK(plan.status == 404);
  auto resolve = w.send(Method::post, "/actions/addons/resolve", R"({"addon":"nope","app":null})");
  CHECK(resolve.status == 404);
  CHECK(json::parse(resolve.body)["resource"] == "add_on");
  // Another account's app is not reachable through the resolver either.
  auto outsider = w.send(Method::post, "/actions/addons/resolve",
                         R"({"addon":"DATABASE","app":"shop-staging"})",
                         std::string("HRKU-fleet-out-1122334455667788990011223344556"));
  CHECK(outsider.status == 403);
}

TEST_CASE("pipelines:info: POST /filters/apps answers the apps the caller may see") {
  World w = fleet();
  auto staging = w.get("/apps/shop-staging")["id"].get<std::string>();
  auto res =
      w.send(Method::post, "/filters/apps",
             json{{"in", {{"id", {staging, "00000000-0000-4000-8000-000000000000"}}}}}.dump());
  REQUIRE(res.status == 200);
  auto apps = json::parse(res.body);
  REQUIRE(apps.size() == 1);
  CHECK(apps[0]["name"] == "shop-staging");
  CHECK(apps[0].contains("joined"));
  // The outsider sees none of them.
  auto hidden = w.send(Method::post, "/filters/apps", json{{"in", {{"id", {staging}}}}}.dump(),
                       std::string("HRKU-fleet-out-1122334455667788990011223344556"));
  CHECK(json::parse(hidden.body).empty());
}

TEST_CASE("domains, log drains and webhooks round-trip as the CLI uses them") {
  World w = fleet();
  auto domain = w.send(Method::post, "/apps/shop-staging/domains",
                       R"({"hostname":"www.example.org","sni_endpoint":null})");
  REQUIRE(domain.status == 201);
  auto domains = w.get("/apps/shop-staging/domains");
  CHECK(domains.size() == 2);  // the app's own herokuapp.com domain and the custom one
  CHECK(w.send(Method::post, "/apps/shop-production/domains",
               R"({"hostname":"www.example.org","sni_endpoint":null})")
            .status == 422);

  auto drain = w.send(Method::post, "/apps/shop-staging/log-drains",
                      R"({"url":"syslog+tls://logs.example.org:6514"})");
  REQUIRE(drain.status == 201);
  CHECK(w.send(Method::delete_, "/apps/shop-staging/log-drains/" +
                                    std::string("syslog%2Btls%3A%2F%2Flogs.example.org%3A6514"))
            .status == 200);
  CHECK(w.get("/apps/shop-staging/log-drains").empty());

  auto hook =
      w.send(Method::post, "/apps/shop-staging/webhooks",
             R"({"include":["api:release"],"level":"notify","url":"https://h.example.org"})");
  REQUIRE(hook.status == 201);
  CHECK(hook.headers.get("Heroku-Webhook-Secret").has_value());
}

TEST_CASE("log sessions: an EventSource gets server-sent events") {
  World w = fleet();
  auto session = w.post("/apps/shop-staging/log-sessions", json{{"lines", 5}});
  std::string url = session["logplex_url"];
  herokupp::sim::Request req;
  req.target = url.substr(url.find("/__sim/"));
  req.headers.set("Accept", "text/event-stream");
  auto res = w.platform->handle(req);
  REQUIRE(res.status == 200);
  CHECK(res.headers.get("Content-Type").value_or("") == "text/event-stream");
  bool const events =
      res.body.rfind("id: ", 0) == 0 && res.body.find("\ndata: ") != std::string::npos;
  CHECK(events);
}

TEST_CASE("access on a team app: permissions per collaborator, as heroku access:add uses them") {
  World w = fleet();
  REQUIRE(w.platform->load_seed(R"({
    "teams": [{"name": "acme", "features": ["org-access-controls"],
               "members": [{"email": "ops@example.com", "role": "admin"}]}],
    "apps": [{"name": "acme-api", "owner": "ops@example.com", "team": "acme"}]})"));

  // The CLI asks for the team's features to decide whether to send permissions.
  auto features = w.get("/teams/acme/features");
  REQUIRE(features.size() == 1);
  CHECK(features[0]["name"] == "org-access-controls");
  CHECK(w.get("/teams/acme/features/org-access-controls")["enabled"] == true);
  CHECK(w.send(Method::get, "/teams/acme/features/nope").status == 404);

  auto added = w.send(Method::post, "/teams/apps/acme-api/collaborators",
                      R"({"user":"outsider@example.com","permissions":["view","deploy","view"]})");
  REQUIRE(added.status == 201);
  auto names = [](json const& collaborator) {
    std::vector<std::string> out;
    for (auto const& p : collaborator["permissions"])
      out.push_back(p["name"].get<std::string>());
    return out;
  };
  CHECK(names(json::parse(added.body)) == std::vector<std::string>{"deploy", "view"});
  // Both listings show the permissions: `heroku access` reads /apps/{app}/collaborators.
  auto listed = w.get("/apps/acme-api/collaborators");
  REQUIRE(listed.size() == 1);
  CHECK(names(listed[0]) == std::vector<std::string>{"deploy", "view"});

  auto updated = w.send(Method::patch, "/teams/apps/acme-api/collaborators/outsider@example.com",
                        R"({"permissions":["view","operate"]})");
  REQUIRE(updated.status == 200);
  CHECK(names(w.get("/teams/apps/acme-api/collaborators/outsider@example.com")) ==
        std::vector<std::string>{"operate", "view"});

  SUBCASE("bad input changes nothing") {
    // An unknown permission, a second add, a personal app, an unknown collaborator.
    CHECK(w.send(Method::patch, "/teams/apps/acme-api/collaborators/outsider@example.com",
                 R"({"permissions":["view","root"]})")
              .status == 422);
    CHECK(names(w.get("/apps/acme-api/collaborators")[0]) ==
          std::vector<std::string>{"operate", "view"});
    CHECK(w.send(Method::post, "/teams/apps/acme-api/collaborators",
                 R"({"user":"outsider@example.com","permissions":["view"]})")
              .status == 422);
    CHECK(w.send(Method::post, "/teams/apps/shop-staging/collaborators",
                 R"({"user":"outsider@example.com","permissions":["view"]})")
              .status == 422);
    CHECK(w.send(Method::get, "/teams/apps/acme-api/collaborators/dev@example.com").status == 404);
    CHECK(w.get("/teams/apps/acme-api/collaborators").size() == 1);
  }
  SUBCASE("remove") {
    CHECK(
        w.send(Method::delete_, "/teams/apps/acme-api/collaborators/outsider@example.com").status ==
        200);
    CHECK(w.get("/teams/apps/acme-api/collaborators").empty());
  }
}

TEST_CASE(
    "webhooks:events and webhooks:deliveries: each release is an event for subscribed hooks") {
  World w = fleet();
  auto hook = json::parse(
      w.send(Method::post, "/apps/shop-staging/webhooks",
             R"({"include":["api:release"],"level":"sync","url":"https://h.example.org"})")
          .body);
  // A hook for another entity is not told about releases.
  REQUIRE(w.send(Method::post, "/apps/shop-staging/webhooks",
                 R"({"include":["api:build"],"level":"notify","url":"https://b.example.org"})")
              .status == 201);
  CHECK(w.get("/apps/shop-staging/webhook-events").empty());

  REQUIRE(w.send(Method::patch, "/apps/shop-staging/config-vars", R"({"HOOKED":"1"})").status ==
          200);
  auto events = w.get("/apps/shop-staging/webhook-events");
  REQUIRE(events.size() == 1);
  CHECK(events[0]["include"] == "api:release");
  CHECK(events[0]["payload"]["resource"] == "release");
  CHECK(events[0]["payload"]["action"] == "create");
  CHECK(events[0]["payload"]["actor"]["email"] == "ops@example.com");
  CHECK(events[0]["payload"]["data"]["description"] == "Set HOOKED config vars");
  auto event_id = events[0]["id"].get<std::string>();
  CHECK(w.get("/apps/shop-staging/webhook-events/" + event_id)["id"] == event_id);

  // The CLI asks for the newest first, by seq, and may filter by status.
  herokupp::sim::Request newest;
  newest.target = "/apps/shop-staging/webhook-deliveries";
  newest.headers.set("Accept", "application/vnd.heroku+json; version=3");
  newest.headers.set("Authorization", "Bearer " + w.key);
  newest.headers.set("Range", "seq ..; order=desc,max=1000");
  auto deliveries = w.platform->handle(newest);
  REQUIRE(deliveries.status < 300);
  auto listed = json::parse(deliveries.body);
  // One delivery per hook on api:release: the seeded hook of shop-staging and ours.
  REQUIRE(listed.size() == 2);
  json ours;
  for (auto const& d : listed) {
    CHECK(d["event"]["id"] == event_id);
    CHECK(d["status"] == "pending");
    if (d["webhook"]["id"] == hook["id"]) ours = d;
  }
  REQUIRE(ours.is_object());
  CHECK(ours["webhook"]["level"] == "sync");
  CHECK(w.get("/apps/shop-staging/webhook-deliveries?eq%5Bstatus%5D=pending").size() == 2);
  auto failed = w.send(Method::get, "/apps/shop-staging/webhook-deliveries?eq[status]=failed");
  CAPTURE(failed.body);
  CHECK(failed.status == 200);
  CHECK(json::parse(failed.body).empty());
  auto delivery_id = ours["id"].get<std::string>();
  CHECK(w.get("/apps/shop-staging/webhook-deliveries/" + delivery_id)["status"] == "pending");
  CHECK(w.send(Method::get, "/apps/shop-staging/webhook-deliveries/" + event_id).status == 404);
  CHECK(w.send(Method::get, "/apps/shop-staging/webhook-events/" + delivery_id).status == 404);
}

TEST_CASE(
    "ps:restart web and ps:stop web: a dyno parameter naming a process type means its dynos") {
  World w = fleet();
  auto before = w.get("/apps/shop-staging/dynos");
  REQUIRE(!before.empty());
  std::string const type = before[0]["type"].get<std::string>();
  CHECK(w.send(Method::delete_, "/apps/shop-staging/dynos/" + type).status == 202);
  for (auto const& d : w.get("/apps/shop-staging/dynos")) {
    if (d["type"] == type) CHECK(d["state"] == "starting");
  }
  CHECK(w.send(Method::post, "/apps/shop-staging/dynos/" + type + "/actions/stop").status == 202);
  // Neither a type nor a dyno: still a 404; a dyno's own name still means that dyno.
  CHECK(w.send(Method::delete_, "/apps/shop-staging/dynos/nosuchtype").status == 404);
  CHECK(w.send(Method::delete_, "/apps/shop-staging/dynos/" + before[0]["name"].get<std::string>())
            .status == 202);
}

TEST_CASE("ps:resize web=standard-2x: the CLI's `size` is read as the dyno size") {
  World w = fleet();
  auto res = w.send(Method::patch, "/apps/shop-staging/formation",
                    R"({"updates":[{"type":"web","size":"standard-2x"}]})");
  REQUIRE(res.status == 200);
  CHECK(w.get("/apps/shop-staging/formation/web")["size"] == "Standard-2X");
  // An unknown size is still refused, and the formation keeps its size.
  CHECK(w.send(Method::patch, "/apps/shop-staging/formation",
               R"({"updates":[{"type":"web","size":"huge-9x"}]})")
            .status == 422);
  CHECK(w.get("/apps/shop-staging/formation/web")["size"] == "Standard-2X");
}

TEST_CASE("buildpacks: list, replace and clear, as heroku buildpacks:* use them") {
  World w = fleet();
  CHECK(w.get("/apps/shop-staging/buildpack-installations").empty());
  auto set = w.send(Method::put, "/apps/shop-staging/buildpack-installations",
                    R"({"updates":[{"buildpack":"heroku/nodejs"},)"
                    R"({"buildpack":"https://github.com/x/custom-buildpack"}]})");
  REQUIRE(set.status == 200);
  auto listed = w.get("/apps/shop-staging/buildpack-installations");
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["ordinal"] == 0);
  CHECK(listed[0]["buildpack"]["name"] == "heroku/nodejs");
  CHECK(listed[1]["buildpack"]["url"] == "https://github.com/x/custom-buildpack");
  // A blank or repeated buildpack is refused and the list is kept.
  CHECK(w.send(Method::put, "/apps/shop-staging/buildpack-installations",
               R"({"updates":[{"buildpack":""}]})")
            .status == 422);
  CHECK(w.send(Method::put, "/apps/shop-staging/buildpack-installations",
               R"({"updates":[{"buildpack":"heroku/ruby"},{"buildpack":"heroku/ruby"}]})")
            .status == 422);
  CHECK(w.get("/apps/shop-staging/buildpack-installations").size() == 2);
  CHECK(w.send(Method::put, "/apps/shop-staging/buildpack-installations", R"({"updates":[]})")
            .status == 200);
  CHECK(w.get("/apps/shop-staging/buildpack-installations").empty());
}

TEST_CASE("apps:lock, apps:unlock and apps:transfer: PATCH /teams/apps/{app}") {
  World w = fleet();
  REQUIRE(w.platform->load_seed(R"({
    "teams": [{"name": "acme", "members": [{"email": "ops@example.com", "role": "admin"},
                                           {"email": "dev@example.com", "role": "member"}]}],
    "apps": [{"name": "acme-api", "owner": "ops@example.com", "team": "acme"}]})"));
  // A member who is not an admin may use the app but not lock or transfer it.
  std::string const member_key = "HRKU-fleet-dev-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d";
  REQUIRE(w.send(Method::get, "/teams/apps/acme-api", {}, member_key).status == 200);
  CHECK(w.send(Method::patch, "/teams/apps/acme-api", R"({"locked":true})", member_key).status ==
        403);
  CHECK(w.send(Method::patch, "/teams/apps/acme-api", R"({"owner":"dev@example.com"})", member_key)
            .status == 403);
  CHECK(w.patch("/teams/apps/acme-api", {{"locked", true}})["locked"] == true);
  CHECK(w.get("/teams/apps/acme-api")["locked"] == true);
  CHECK(w.patch("/teams/apps/acme-api", {{"locked", false}})["locked"] == false);
  // A personal app cannot be locked.
  CHECK(w.send(Method::patch, "/teams/apps/shop-worker", R"({"locked":true})").status == 422);

  auto moved = w.patch("/teams/apps/shop-worker", {{"owner", "acme"}});
  CHECK(moved["team"]["name"] == "acme");
  // A team app is owned by the team's account, which the CLI shows as "acme (team)".
  CHECK(moved["owner"]["email"] == "acme@herokumanager.com");
  CHECK(w.get("/apps/shop-worker")["team"]["name"] == "acme");
  auto back = w.patch("/teams/apps/shop-worker", {{"owner", "dev@example.com"}});
  CHECK(back["owner"]["email"] == "dev@example.com");
  CHECK(back["team"].is_null());
  CHECK(w.send(Method::patch, "/teams/apps/acme-api", R"({"owner":"nobody@example.com"})").status ==
        404);
  CHECK(w.get("/teams/apps/acme-api")["locked"] == false);
  CHECK(w.get("/teams/apps/acme-api")["team"]["name"] == "acme");
}
