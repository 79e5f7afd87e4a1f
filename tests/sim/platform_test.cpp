// The Platform in-process: validation, access, and the behaviour of each simulated resource.
#include <doctest/doctest.h>

#include "sim_fixture.hpp"

#include <herokupp/sim/platform.hpp>

#include <algorithm>
#include <set>

using herokupp::Method;
using simtest::json;
using simtest::World;
using namespace std::chrono_literals;

namespace {

std::string header(herokupp::sim::Response const& r, std::string_view name) {
  auto v = r.headers.get(name);
  return v ? std::string(*v) : std::string();
}

std::set<std::string> names_of(json const& list) {
  std::set<std::string> out;
  for (auto const& item : list)
    out.insert(item.at("name").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("requests are checked before any behaviour runs") {
  World w;
  SUBCASE("a missing or wrong Accept version is a 400") {
    herokupp::sim::Request req;
    req.target = "/account";
    req.headers.set("Authorization", "Bearer " + w.key);
    auto res = w.platform->handle(req);
    CHECK(res.status == 400);
    CHECK(json::parse(res.body)["id"] == "missing_version");
    req.headers.set("Accept", "application/vnd.heroku+json; version=2");
    CHECK(w.platform->handle(req).status == 400);
    req.headers.set("Accept", "application/vnd.heroku+json; version=3.webhooks");
    CHECK(w.platform->handle(req).status == 200);
  }
  SUBCASE("an unknown key is a 401") {
    auto res = w.send(Method::get, "/account", {}, std::string("not-a-key"));
    CHECK(res.status == 401);
    CHECK(json::parse(res.body)["id"] == "unauthorized");
    CHECK(res.body.find("not-a-key") == std::string::npos);
  }
  SUBCASE("an unknown route is a 404, a wrong method a 405") {
    auto res = w.send(Method::get, "/no/such/thing");
    CHECK(res.status == 404);
    CHECK(json::parse(res.body)["id"] == "not_found");
    res = w.send(Method::put, "/account");
    CHECK(res.status == 405);
    CHECK(header(res, "Allow") == "GET, PATCH, DELETE");
  }
  SUBCASE("a body that does not match the schema is a 422 naming the field") {
    w.post("/apps", {{"name", "checked-app"}});
    auto res = w.send(Method::patch, "/apps/checked-app", R"({"maintenance":"yes"})");
    CHECK(res.status == 422);
    auto body = json::parse(res.body);
    CHECK(body["id"] == "invalid_params");
    CHECK(body["message"].get<std::string>().find("`maintenance`") != std::string::npos);
    res = w.send(Method::post, "/apps/checked-app/builds", R"({"source_blob":{"url":5}})");
    CHECK(res.status == 422);
    CHECK(json::parse(res.body)["message"].get<std::string>().find("source_blob.url") !=
          std::string::npos);
    res = w.send(Method::post, "/apps/checked-app/builds", R"({})");
    CHECK(json::parse(res.body)["message"].get<std::string>().find("`source_blob` is required") !=
          std::string::npos);
    res = w.send(Method::patch, "/apps/checked-app/config-vars", R"({"BAD-NAME":"x"})");
    CHECK(res.status == 422);
    res = w.send(Method::post, "/pipeline-couplings",
                 R"({"app":"checked-app","pipeline":"x","stage":"qa"})");
    CHECK(json::parse(res.body)["message"].get<std::string>().find("`stage` must be one of") !=
          std::string::npos);
    res = w.send(Method::patch, "/apps/checked-app", "{not json");
    CHECK(res.status == 400);
  }
  SUBCASE("an endpoint the simulator does not implement answers 501 after validation") {
    auto res = w.send(Method::get, "/spaces");
    CHECK(res.status == 501);
    CHECK(json::parse(res.body)["id"] == "not_implemented");
    res = w.send(Method::post, "/spaces", R"({"name": 7})");
    CHECK(res.status == 422);
  }
  SUBCASE("HEAD is answered as GET, without a body through a transport") {
    auto head = w.client().raw(Method::head, "/account");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->headers.contains("ETag"));
  }
  SUBCASE("every answer carries RateLimit-Remaining and a Request-Id") {
    for (auto const& target : {"/account", "/apps", "/nope", "/teams"}) {
      auto res = w.send(Method::get, target);
      CHECK_FALSE(header(res, "RateLimit-Remaining").empty());
      CHECK_FALSE(header(res, "Request-Id").empty());
    }
  }
}

TEST_CASE("apps belong to one account and are shared with collaborators") {
  World w;
  std::string other = w.platform->add_account("other@example.com");
  auto app = w.post("/apps", {{"name", "owned-app"}, {"region", "eu"}});
  CHECK(app["name"] == "owned-app");
  CHECK(app["region"]["name"] == "eu");
  CHECK(app["owner"]["email"] == "user@example.com");
  CHECK(w.send(Method::post, "/apps", R"({"name":"owned-app"})").status == 422);

  auto denied = w.send(Method::get, "/apps/owned-app", {}, other);
  CHECK(denied.status == 403);
  CHECK(json::parse(denied.body)["id"] == "forbidden");
  CHECK(w.send(Method::get, "/apps/missing-app").status == 404);
  CHECK(w.send(Method::get, "/apps", {}, other).body == "[]");

  auto collab = w.post("/apps/owned-app/collaborators", {{"user", "other@example.com"}});
  CHECK(collab["user"]["email"] == "other@example.com");
  CHECK(w.send(Method::get, "/apps/owned-app", {}, other).status == 200);
  CHECK(names_of(json::parse(w.send(Method::get, "/apps", {}, other).body)) ==
        std::set<std::string>{"owned-app"});
  // A collaborator may not delete the app.
  CHECK(w.send(Method::delete_, "/apps/owned-app", {}, other).status == 403);
  CHECK(w.send(Method::delete_, "/apps/owned-app/collaborators/other@example.com").status == 200);
  CHECK(w.send(Method::get, "/apps/owned-app", {}, other).status == 403);

  SUBCASE("update: rename and maintenance") {
    auto updated = w.patch("/apps/owned-app", {{"maintenance", true}, {"name", "renamed-app"}});
    CHECK(updated["maintenance"] == true);
    CHECK(w.get("/apps/renamed-app")["maintenance"] == true);
    CHECK(w.send(Method::get, "/apps/owned-app").status == 404);
    CHECK(w.get("/apps/" + app["id"].get<std::string>())["name"] == "renamed-app");
  }
  SUBCASE("delete") {
    auto res = w.send(Method::delete_, "/apps/owned-app");
    CHECK(res.status == 200);
    CHECK(json::parse(res.body)["name"] == "owned-app");
    CHECK(w.send(Method::get, "/apps/owned-app").status == 404);
  }
}

TEST_CASE("app features and webhooks") {
  World w;
  w.post("/apps", {{"name", "hooked-app"}});
  auto preboot = w.get("/apps/hooked-app/features/preboot");
  CHECK(preboot["enabled"] == false);
  CHECK(w.patch("/apps/hooked-app/features/preboot", {{"enabled", true}})["enabled"] == true);
  CHECK(w.get("/apps/hooked-app/features/preboot")["enabled"] == true);
  CHECK(w.get("/apps/hooked-app/features").size() >= 3);
  CHECK(w.send(Method::get, "/apps/hooked-app/features/no-such-feature").status == 404);

  auto hook = w.post("/apps/hooked-app/webhooks", {{"url", "https://example.com/hook"},
                                                   {"include", {"api:release"}},
                                                   {"level", "notify"},
                                                   {"secret", "s3cret"}});
  CHECK(hook["level"] == "notify");
  CHECK_FALSE(hook.contains("secret"));
  std::string id = hook["id"];
  CHECK(w.patch("/apps/hooked-app/webhooks/" + id, {{"level", "sync"}})["level"] == "sync");
  CHECK(w.get("/apps/hooked-app/webhooks").size() == 1);
  CHECK(w.send(Method::delete_, "/apps/hooked-app/webhooks/" + id).status == 200);
  CHECK(w.get("/apps/hooked-app/webhooks").empty());
  CHECK(w.send(Method::post, "/apps/hooked-app/webhooks",
               R"({"url":"https://x","level":"loud","include":[]})")
            .status == 422);
}

TEST_CASE("config vars: PATCH merges, null unsets, values are per release") {
  World w;
  w.post("/apps", {{"name", "config-app"}});
  auto config = w.patch("/apps/config-app/config-vars", {{"FOO", "1"}, {"BAR", "2"}});
  CHECK(config == json{{"FOO", "1"}, {"BAR", "2"}});
  config = w.patch("/apps/config-app/config-vars", {{"FOO", nullptr}, {"BAZ", "3"}});
  CHECK(config == json{{"BAR", "2"}, {"BAZ", "3"}});
  auto releases = w.get("/apps/config-app/releases");
  REQUIRE(releases.size() == 4);
  CHECK(releases[2]["description"] == "Set BAR, FOO config vars");
  CHECK(releases[3]["description"] == "Update BAZ, FOO config vars");
  w.patch("/apps/config-app/config-vars", {{"BAR", nullptr}});
  CHECK(w.get("/apps/config-app/releases/5")["description"] == "Remove BAR config vars");
  // Unchanged values make no release.
  w.patch("/apps/config-app/config-vars", {{"BAZ", "3"}});
  CHECK(w.get("/apps/config-app/releases").size() == 5);
  CHECK(w.get("/apps/config-app/releases/3/config-vars") == json{{"FOO", "1"}, {"BAR", "2"}});
  CHECK(w.get("/apps/config-app/config-vars") == json{{"BAZ", "3"}});
  CHECK(w.platform->config_vars("config-app")->at("BAZ") == "3");
}

TEST_CASE("builds finish in virtual time and release their slug") {
  World w;
  w.post("/apps", {{"name", "build-app"}});
  auto build = w.post(
      "/apps/build-app/builds",
      {{"source_blob", {{"url", "https://example.com/src.tgz"}, {"version", "1a2b3c4d5e6f"}}}});
  CHECK(build["status"] == "pending");
  CHECK(build["release"].is_null());
  std::string id = build["id"];
  w.clock->advance(29s);
  CHECK(w.get("/apps/build-app/builds/" + id)["status"] == "pending");
  w.clock->advance(1s);
  build = w.get("/apps/build-app/builds/" + id);
  CHECK(build["status"] == "succeeded");
  REQUIRE(build["slug"].is_object());
  auto slug = w.get("/apps/build-app/slugs/" + build["slug"]["id"].get<std::string>());
  CHECK(slug["commit"] == "1a2b3c4d5e6f");
  auto release = w.get("/apps/build-app/releases/" + build["release"]["id"].get<std::string>());
  CHECK(release["description"] == "Deploy 1a2b3c4");
  CHECK(release["current"] == true);
  CHECK(release["slug"]["id"] == build["slug"]["id"]);
  CHECK(w.get("/apps/build-app/formation/web")["quantity"] == 0);

  auto failing = w.post("/apps/build-app/builds",
                        {{"source_blob", {{"url", "https://example.com/fail.tgz"}}}});
  w.clock->advance(1min);
  CHECK(w.get("/apps/build-app/builds/" + failing["id"].get<std::string>())["status"] == "failed");
  CHECK(w.get("/apps/build-app/builds").size() == 2);
}

TEST_CASE("releases: versions, current flags, rollback") {
  World w;
  w.post("/apps", {{"name", "rollback-app"}});
  for (auto commit : {"aaaaaaa1", "bbbbbbb2", "ccccccc3"}) {
    w.post("/apps/rollback-app/builds",
           {{"source_blob", {{"url", "https://example.com/s.tgz"}, {"version", commit}}}});
    w.clock->advance(1min);
  }
  auto releases = w.get("/apps/rollback-app/releases");
  REQUIRE(releases.size() == 5);
  for (std::size_t i = 0; i < releases.size(); ++i) {
    CHECK(releases[i]["version"] == i + 1);
    CHECK(releases[i]["current"] == (i == 4));
  }
  auto v3 = w.get("/apps/rollback-app/releases/3");
  auto rolled = w.post("/apps/rollback-app/releases", {{"release", v3["id"]}});
  CHECK(rolled["version"] == 6);
  CHECK(rolled["description"] == "Rollback to v3");
  CHECK(rolled["slug"]["id"] == v3["slug"]["id"]);
  CHECK(rolled["current"] == true);
  CHECK(w.get("/apps/rollback-app/releases/5")["current"] == false);

  auto missing = w.send(Method::post, "/apps/rollback-app/releases",
                        R"({"release":"01234567-89ab-cdef-0123-456789abcdef"})");
  CHECK(missing.status == 404);

  w.platform->fail_next_release("rollback-app", "release phase failed");
  auto failed = w.post("/apps/rollback-app/releases", {{"release", v3["id"]}});
  CHECK(failed["status"] == "failed");
  CHECK(failed["current"] == false);
  auto to_failed =
      w.send(Method::post, "/apps/rollback-app/releases", json{{"release", failed["id"]}}.dump());
  CHECK(to_failed.status == 422);
  CHECK(w.get("/apps/rollback-app/releases/6")["current"] == true);
}

TEST_CASE("a release whose code crashes on boot leaves crashed dynos until a rollback") {
  World w;
  w.post("/apps", {{"name", "crash-app"}});
  auto states = [&] {
    std::set<std::string> seen;
    for (auto const& d : w.get("/apps/crash-app/dynos"))
      seen.insert(d["state"].get<std::string>());
    return seen;
  };
  auto good = w.post("/apps/crash-app/slugs",
                     {{"process_types", {{"web", "./server"}}}, {"commit", "1111111111"}});
  auto working = w.post("/apps/crash-app/releases", {{"slug", good["id"]}});
  w.patch("/apps/crash-app/formation/web", {{"quantity", 2}});
  w.clock->advance(5s);
  REQUIRE(states() == std::set<std::string>{"up"});

  REQUIRE(w.platform->crash_next_release("crash-app", "NoMethodError: undefined method"));
  // A config change ships no code: it neither crashes nor uses up the crash.
  w.patch("/apps/crash-app/config-vars", {{"FOO", "1"}});
  w.clock->advance(5s);
  CHECK(states() == std::set<std::string>{"up"});

  auto bad = w.post("/apps/crash-app/slugs",
                    {{"process_types", {{"web", "./server"}}}, {"commit", "2222222222"}});
  auto broken = w.post("/apps/crash-app/releases", {{"slug", bad["id"]}});
  CHECK(broken["status"] == "succeeded");  // the release itself is fine...
  CHECK(states() == std::set<std::string>{"starting"});
  w.clock->advance(5s);
  CHECK(states() == std::set<std::string>{"crashed"});  // ...its code is not
  // Restarting does not help: the same code crashes again.
  w.send(Method::delete_, "/apps/crash-app/dynos", "");
  CHECK(states() == std::set<std::string>{"starting"});
  w.clock->advance(5s);
  CHECK(states() == std::set<std::string>{"crashed"});

  w.post("/apps/crash-app/releases", {{"release", working["id"]}});
  w.clock->advance(5s);
  CHECK(states() == std::set<std::string>{"up"});
  // Only the next deploy was armed: deploying again boots normally.
  auto fixed = w.post("/apps/crash-app/slugs",
                      {{"process_types", {{"web", "./server"}}}, {"commit", "3333333333"}});
  w.post("/apps/crash-app/releases", {{"slug", fixed["id"]}});
  w.clock->advance(5s);
  CHECK(states() == std::set<std::string>{"up"});
}

TEST_CASE("breaking an unknown app is refused") {
  World w;
  CHECK_FALSE(w.platform->crash_next_release("no-such-app", "boom"));
  CHECK_FALSE(w.platform->fail_next_release("no-such-app", "boom"));
}

TEST_CASE("formation and dynos") {
  World w;
  w.post("/apps", {{"name", "dyno-app"}});
  auto slug = w.post(
      "/apps/dyno-app/slugs",
      {{"process_types", {{"web", "./server"}, {"worker", "./work"}}}, {"commit", "0123456789"}});
  w.post("/apps/dyno-app/releases", {{"slug", slug["id"]}});
  CHECK(w.get("/apps/dyno-app/formation").size() == 2);

  auto f = w.patch("/apps/dyno-app/formation/web", {{"quantity", 3}, {"size", "Standard-2X"}});
  CHECK(f["quantity"] == 3);
  CHECK(f["size"] == "Standard-2X");
  auto dynos = w.get("/apps/dyno-app/dynos");
  CHECK(names_of(dynos) == std::set<std::string>{"web.1", "web.2", "web.3"});
  CHECK(dynos[0]["state"] == "starting");
  w.clock->advance(5s);
  auto web2 = w.get("/apps/dyno-app/dynos/web.2");
  CHECK(web2["state"] == "up");

  w.patch(
      "/apps/dyno-app/formation",
      {{"updates", {{{"type", "web"}, {"quantity", 1}}, {{"type", "worker"}, {"quantity", 2}}}}});
  CHECK(names_of(w.get("/apps/dyno-app/dynos")) ==
        std::set<std::string>{"web.1", "worker.1", "worker.2"});
  CHECK(w.send(Method::patch, "/apps/dyno-app/formation/web", R"({"quantity":-1})").status == 422);
  CHECK(w.send(Method::patch, "/apps/dyno-app/formation/clock", R"({"quantity":1})").status == 404);

  w.clock->advance(10s);
  auto before = w.get("/apps/dyno-app/dynos/web.1");
  CHECK(before["state"] == "up");
  w.clock->advance(1min);
  CHECK(w.send(Method::delete_, "/apps/dyno-app/dynos/web.1").status == 202);
  auto after = w.get("/apps/dyno-app/dynos/web.1");
  CHECK(after["state"] == "starting");
  CHECK(after["updated_at"] != before["updated_at"]);
  CHECK(w.send(Method::delete_, "/apps/dyno-app/dynos").status == 202);
  CHECK(w.get("/apps/dyno-app/dynos/worker.2")["state"] == "starting");

  SUBCASE("one-off dynos run for a while, then leave the list") {
    auto run = w.post("/apps/dyno-app/dynos", {{"command", "rails console"}});
    CHECK(run["name"] == "run.1");
    CHECK(run["type"] == "run");
    CHECK(w.post("/apps/dyno-app/dynos", {{"command", "rake db:migrate"}})["name"] == "run.2");
    w.clock->advance(30s);
    CHECK(w.get("/apps/dyno-app/dynos/run.1")["state"] == "up");
    w.clock->advance(30s);
    CHECK(w.send(Method::get, "/apps/dyno-app/dynos/run.1").status == 404);
    CHECK(names_of(w.get("/apps/dyno-app/dynos")).count("run.2") == 0);
  }
}

TEST_CASE("pipelines, couplings and promotions") {
  World w;
  w.post("/apps", {{"name", "pipe-staging"}});
  w.post("/apps", {{"name", "pipe-production"}});
  auto pipeline = w.post("/pipelines", {{"name", "pipe"}});
  std::string pid = pipeline["id"];
  w.post("/pipeline-couplings", {{"app", "pipe-staging"}, {"pipeline", pid}, {"stage", "staging"}});
  w.post("/pipeline-couplings",
         {{"app", "pipe-production"}, {"pipeline", pid}, {"stage", "production"}});
  CHECK(w.send(Method::post, "/pipeline-couplings",
               json{{"app", "pipe-staging"}, {"pipeline", pid}, {"stage", "review"}}.dump())
            .status == 422);
  CHECK(w.get("/pipelines/" + pid + "/pipeline-couplings").size() == 2);
  CHECK(w.get("/apps/pipe-staging/pipeline-couplings")["stage"] == "staging");
  CHECK(w.get("/pipelines/pipe")["id"] == pid);

  w.post("/apps/pipe-staging/builds",
         {{"source_blob", {{"url", "https://example.com/s.tgz"}, {"version", "1a2b3c4d"}}}});
  w.clock->advance(1min);
  auto staging_app = w.get("/apps/pipe-staging");
  auto production_app = w.get("/apps/pipe-production");
  auto source = w.get("/apps/pipe-staging/releases/3");

  auto promotion =
      w.post("/pipeline-promotions", {{"pipeline", {{"id", pid}}},
                                      {"source", {{"app", {{"id", staging_app["id"]}}}}},
                                      {"targets", {{{"app", {{"id", production_app["id"]}}}}}}});
  CHECK(promotion["status"] == "pending");
  std::string promo = promotion["id"];
  auto targets = w.get("/pipeline-promotions/" + promo + "/promotion-targets");
  CHECK(targets[0]["status"] == "pending");
  w.clock->advance(10s);
  CHECK(w.get("/pipeline-promotions/" + promo)["status"] == "completed");
  targets = w.get("/pipeline-promotions/" + promo + "/promotion-targets");
  CHECK(targets[0]["status"] == "succeeded");
  auto released =
      w.get("/apps/pipe-production/releases/" + targets[0]["release"]["id"].get<std::string>());
  CHECK(released["description"] == "Promote pipe-staging v3 1a2b3c4");
  CHECK(released["slug"]["id"] == source["slug"]["id"]);
  CHECK(w.get("/pipelines/" + pid + "/latest-releases").size() == 2);
  CHECK(w.get("/pipelines/" + pid + "/latest-deployments").size() == 2);

  SUBCASE("a target whose release fails reports the error") {
    w.platform->fail_next_release("pipe-production", "db:migrate exited with status 1");
    auto again =
        w.post("/pipeline-promotions", {{"pipeline", {{"id", pid}}},
                                        {"source", {{"app", {{"id", staging_app["id"]}}}}},
                                        {"targets", {{{"app", {{"id", production_app["id"]}}}}}}});
    w.clock->advance(10s);
    auto t = w.get("/pipeline-promotions/" + again["id"].get<std::string>() + "/promotion-targets");
    CHECK(t[0]["status"] == "failed");
    CHECK(t[0]["error_message"] == "db:migrate exited with status 1");
  }
  SUBCASE("apps outside the pipeline cannot be targets") {
    auto loner = w.post("/apps", {{"name", "pipe-loner"}});
    auto res = w.send(Method::post, "/pipeline-promotions",
                      json{{"pipeline", {{"id", pid}}},
                           {"source", {{"app", {{"id", staging_app["id"]}}}}},
                           {"targets", {{{"app", {{"id", loner["id"]}}}}}}}
                          .dump());
    CHECK(res.status == 422);
  }
}

TEST_CASE("log sessions hand out a logplex_url that the simulator serves") {
  World w;
  w.post("/apps", {{"name", "log-app"}});
  w.patch("/apps/log-app/config-vars", {{"SECRET_TOKEN", "hunter2"}});
  auto session = w.post("/apps/log-app/log-sessions", {{"lines", 10}});
  std::string url = session["logplex_url"];
  auto path = url.substr(url.find("/__sim/"));
  herokupp::sim::Request req;
  req.target = path;
  auto res = w.platform->handle(req);
  CHECK(res.status == 200);
  CHECK(res.body.find("Release v3 created") != std::string::npos);
  CHECK(res.body.find("hunter2") == std::string::npos);
}

TEST_CASE("rate limits: GCRA per account, 429 when empty, refilled over time") {
  herokupp::sim::PlatformOptions opts;
  opts.rate_limit_capacity = 10;
  opts.rate_limit_refill_per_minute = 60;
  World w{opts};
  for (int i = 0; i < 10; ++i) {
    auto res = w.send(Method::get, "/account");
    CHECK(res.status == 200);
    CHECK(header(res, "RateLimit-Remaining") == std::to_string(9 - i));
  }
  auto limited = w.send(Method::get, "/account");
  CHECK(limited.status == 429);
  CHECK(json::parse(limited.body)["id"] == "rate_limit");
  CHECK(w.get("/account/rate-limits")["remaining"] == 0);
  w.clock->advance(3s);
  CHECK(w.get("/account/rate-limits")["remaining"] == 3);
  CHECK(w.send(Method::get, "/account").status == 200);
  // Another account has its own tokens.
  std::string other = w.platform->add_account("other@example.com");
  CHECK(w.send(Method::get, "/account", {}, other).status == 200);
}

TEST_CASE("ranges, paging, ETag") {
  World w;
  w.post("/apps", {{"name", "paged-app"}});
  for (int i = 0; i < 30; ++i)
    w.patch("/apps/paged-app/config-vars", {{"N", std::to_string(i)}});
  // 32 releases.
  auto first = w.send(Method::get, "/apps/paged-app/releases");
  CHECK(first.status == 200);
  CHECK(json::parse(first.body).size() == 32);

  herokupp::sim::Request req;
  req.target = "/apps/paged-app/releases";
  req.headers.set("Accept", "application/vnd.heroku+json; version=3");
  req.headers.set("Authorization", "Bearer " + w.key);
  req.headers.set("Range", "version ..; max=10");
  std::vector<int> versions;
  for (int page = 0; page < 10; ++page) {
    auto res = w.platform->handle(req);
    for (auto const& r : json::parse(res.body))
      versions.push_back(r["version"]);
    if (res.status == 200) break;
    CHECK(res.status == 206);
    req.headers.set("Range", header(res, "Next-Range"));
  }
  REQUIRE(versions.size() == 32);
  for (int i = 0; i < 32; ++i)
    CHECK(versions[i] == i + 1);

  req.headers.set("Range", "version ..; max=5, order=desc");
  auto desc = w.platform->handle(req);
  CHECK(desc.status == 206);
  auto items = json::parse(desc.body);
  CHECK(items.front()["version"] == 32);
  CHECK(items.back()["version"] == 28);
  CHECK(header(desc, "Next-Range") == "version ]28..; max=5, order=desc");

  req.headers.set("Range", "colour ..");
  CHECK(w.platform->handle(req).status == 416);
  req.headers.set("Range", "id ..; max=5000");
  CHECK(w.platform->handle(req).status == 200);

  for (int i = 0; i < 240; ++i)
    w.platform->add_account("user" + std::to_string(i) + "@example.com");
  for (int i = 0; i < 205; ++i)
    w.post("/apps", {{"name", "paged-" + std::to_string(i)}});
  auto apps = w.send(Method::get, "/apps");
  CHECK(apps.status == 206);
  CHECK(json::parse(apps.body).size() == 200);

  req.headers.erase("Range");
  req.target = "/apps/paged-app";
  auto app = w.platform->handle(req);
  std::string etag = header(app, "ETag");
  CHECK_FALSE(etag.empty());
  req.headers.set("If-None-Match", etag);
  auto cached = w.platform->handle(req);
  CHECK(cached.status == 304);
  CHECK(cached.body.empty());
  w.patch("/apps/paged-app", {{"maintenance", true}});
  CHECK(w.platform->handle(req).status == 200);
}

TEST_CASE("the fleet seed loads a realistic estate") {
  World w;
  REQUIRE(w.platform->load_seed_file(simtest::fleet_seed_path()));
  std::string ops = "HRKU-fleet-ops-4f1c2a9e7b3d4c5e8a6f0b1d2c3e4f5a";
  CHECK(w.send(Method::get, "/account", {}, ops).status == 200);
  auto apps = json::parse(w.send(Method::get, "/apps", {}, ops).body);
  CHECK(names_of(apps) == std::set<std::string>{"shop-staging", "shop-production", "shop-worker"});
  CHECK(w.send(Method::get, "/apps/legacy-billing", {}, ops).status == 403);
  auto releases = json::parse(w.send(Method::get, "/apps/shop-staging/releases", {}, ops).body);
  CHECK(releases.size() > 30);
  auto prod = json::parse(w.send(Method::get, "/apps/shop-production/releases", {}, ops).body);
  bool rollback = false;
  bool promote = false;
  bool failed = false;
  for (auto const& r : prod) {
    auto d = r["description"].get<std::string>();
    rollback |= d.rfind("Rollback to v", 0) == 0;
    promote |= d.rfind("Promote shop-staging v", 0) == 0;
    failed |= r["status"] == "failed";
  }
  CHECK(rollback);
  CHECK(promote);
  CHECK(failed);
  auto dynos = json::parse(w.send(Method::get, "/apps/shop-production/dynos", {}, ops).body);
  CHECK(dynos.size() == 5);
  auto pipelines = json::parse(w.send(Method::get, "/pipelines", {}, ops).body);
  REQUIRE(pipelines.size() == 1);
  auto couplings = json::parse(
      w.send(Method::get,
             "/pipelines/" + pipelines[0]["id"].get<std::string>() + "/pipeline-couplings", {}, ops)
          .body);
  CHECK(couplings.size() == 2);
  CHECK(w.platform->config_vars("shop-production")->count("SECRET_KEY_BASE") == 1);

  SUBCASE("a broken seed is an Error naming the problem") {
    auto bad = w.platform->load_seed(R"({"apps":[{"name":"x-app","owner":"nobody@example.com"}]})");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == herokupp::ErrorKind::invalid_argument);
    CHECK(bad.error().message.find("owner") != std::string::npos);
    CHECK_FALSE(w.platform->load_seed("[1,2"));
  }
}

TEST_CASE("faults are deterministic under a seed") {
  auto draw = [](std::uint64_t seed) {
    World w;
    herokupp::sim::FaultOptions f;
    f.seed = seed;
    f.error_500_rate = 0.2;
    f.error_503_rate = 0.2;
    f.reset_rate = 0.1;
    f.malformed_json_rate = 0.1;
    w.platform->set_faults(f);
    std::vector<std::string> seen;
    for (int i = 0; i < 50; ++i) {
      auto res = w.send(Method::get, "/account");
      seen.push_back(std::to_string(res.status) + std::string(to_string(res.fault)) +
                     (json::accept(res.body) ? "" : "!"));
    }
    return seen;
  };
  auto a = draw(7);
  CHECK(a == draw(7));
  CHECK(a != draw(8));
  CHECK(std::count(a.begin(), a.end(), "200none") < 50);

  World w;
  w.platform->inject(herokupp::sim::FaultKind::error_503, 2, "/apps");
  CHECK(w.send(Method::get, "/account").status == 200);
  CHECK(w.send(Method::get, "/apps").status == 503);
  CHECK(w.send(Method::get, "/apps").status == 503);
  CHECK(w.send(Method::get, "/apps").status == 200);
  w.platform->inject(herokupp::sim::FaultKind::malformed_json);
  CHECK_FALSE(json::accept(w.send(Method::get, "/account").body));
}

TEST_CASE("a log session's dyno filter names a dyno or a process type, never a substring") {
  World w;
  w.post("/apps", {{"name", "log-app"}});
  auto slug = w.post("/apps/log-app/slugs", {{"process_types", {{"web", "./server"}}}});
  w.post("/apps/log-app/releases", {{"slug", slug["id"]}});
  w.patch("/apps/log-app/formation/web", {{"quantity", 11}});
  w.clock->advance(10s);
  // A line from the API that mentions web.1 in its text is not web.1's.
  w.patch("/apps/log-app/config-vars", {{"NOTE", "web.1"}});

  auto read = [&](json body) {
    auto session = w.post("/apps/log-app/log-sessions", body);
    std::string url = session.at("logplex_url");
    auto const path = url.substr(url.find("/__sim/"));
    auto res = w.send(Method::get, path);
    REQUIRE(res.status == 200);
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto end = res.body.find('\n'); end != std::string::npos;
         start = end + 1, end = res.body.find('\n', start))
      lines.push_back(res.body.substr(start, end - start));
    return lines;
  };

  auto web1 = read({{"dyno", "web.1"}, {"lines", 1500}});
  REQUIRE_FALSE(web1.empty());
  for (auto const& line : web1)
    CHECK(line.find(" heroku[web.1]: ") != std::string::npos);

  auto web = read({{"dyno", "web"}, {"lines", 1500}});
  std::set<std::string> dynos;
  for (auto const& line : web) {
    auto open = line.find('[');
    dynos.insert(line.substr(open + 1, line.find(']') - open - 1));
  }
  CHECK(dynos.size() == 11);
  CHECK(dynos.count("web.10") == 1);

  for (auto const& line : read({{"source", "app"}, {"lines", 1500}}))
    CHECK(line.find(" heroku[") == std::string::npos);

  // `lines` counts the lines that pass the filter, the newest ones.
  auto last_two = read({{"dyno", "web"}, {"lines", 2}});
  REQUIRE(last_two.size() == 2);
  CHECK(last_two.back() == web.back());
}

TEST_CASE("a string too long for any schema pattern is refused before the regex engine") {
  // std::regex recurses per character: an 8 KiB add-on name overflowed the
  // stack under ASan (found by fuzzing). Every pattern is a short token.
  World w;
  REQUIRE(w.send(Method::post, "/apps", R"({"name":"long-names"})").status == 201);
  std::string const long_name(8192, 'a');
  auto res = w.send(Method::post, "/apps/long-names/addons",
                    json{{"plan", "heroku-postgresql:essential-0"}, {"name", long_name}}.dump());
  CHECK(res.status == 422);
  CHECK(json::parse(res.body)["message"].get<std::string>().find("name") != std::string::npos);
  CHECK(w.get("/apps/long-names/addons").empty());
  // A name of ordinary length still passes the pattern.
  CHECK(w.send(Method::post, "/apps/long-names/addons",
               json{{"plan", "heroku-postgresql:essential-0"}, {"name", "long-names-db"}}.dump())
            .status == 201);
}
