#include "ops_world.hpp"

#include <stdexcept>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::RecordingTransport;
using opstest::World;

TEST_CASE("a maintenance window turns maintenance on and back off") {
  World w;
  REQUIRE_FALSE(w.maintenance_of("shop-staging"));
  {
    auto window = ops::maintenance(w.app("shop-staging"));
    REQUIRE(window);
    CHECK_FALSE(window->was_on());
    CHECK(window->is_open());
    CHECK(w.maintenance_of("shop-staging"));
    CHECK(window->close());
    CHECK_FALSE(window->is_open());
    CHECK(window->close());  // a second close does nothing
    CHECK(w.maintenance_of("shop-staging") == false);
  }
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging") == 2);
}

TEST_CASE("a window on an app already in maintenance leaves it on") {
  World w;
  REQUIRE(w.app_silent("shop-staging").enable_maintenance());
  {
    auto window = ops::maintenance(w.app("shop-staging"));
    REQUIRE(window);
    CHECK(window->was_on());
  }
  CHECK(w.maintenance_of("shop-staging"));
  CHECK(w.transport->writes() == 0);
}

TEST_CASE("the destructor restores maintenance, also when the work throws") {
  World w;
  try {
    auto window = ops::maintenance(w.app("shop-staging"));
    REQUIRE(window);
    REQUIRE(w.maintenance_of("shop-staging"));
    throw std::runtime_error("the work inside failed");
  } catch (std::runtime_error const&) {
  }
  CHECK_FALSE(w.maintenance_of("shop-staging"));
}

TEST_CASE("with_maintenance restores maintenance when the work fails halfway") {
  World w;
  auto failed = ops::with_maintenance(w.app("shop-staging"), [&]() -> herokupp::result<int> {
    CHECK(w.maintenance_of("shop-staging"));
    return herokupp::Error(ErrorKind::precondition_failed, "migration failed");
  });
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message == "migration failed");
  CHECK_FALSE(w.maintenance_of("shop-staging"));

  auto ok =
      ops::with_maintenance(w.app("shop-staging"), [&]() -> herokupp::result<int> { return 42; });
  REQUIRE(ok);
  CHECK(ok.value() == 42);
  CHECK_FALSE(w.maintenance_of("shop-staging"));

  CHECK_THROWS_AS(
      ops::with_maintenance(w.app("shop-staging"),
                            []() -> herokupp::result<int> { throw std::runtime_error("boom"); }),
      std::runtime_error);
  CHECK_FALSE(w.maintenance_of("shop-staging"));
}

TEST_CASE("a window that cannot turn maintenance on leaves it as it was") {
  World w;
  // Refused before it reached the platform.
  w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::before);
  auto refused = ops::maintenance(w.app("shop-staging"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::server);
  w.capture(refused);
  CHECK_FALSE(w.maintenance_of("shop-staging"));

  // Applied, but the answer was lost: the window looks and turns it off again.
  w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::after);
  auto lost = ops::maintenance(w.app("shop-staging"));
  REQUIRE_FALSE(lost);
  CHECK(lost.error().kind == ErrorKind::transport);
  CHECK_FALSE(w.maintenance_of("shop-staging"));

  auto missing = ops::maintenance(w.app("no-such-app"));
  CHECK(missing.error().kind == ErrorKind::not_found);
}

TEST_CASE("close reports a restore that failed") {
  World w;
  auto window = ops::maintenance(w.app("shop-staging"));
  REQUIRE(window);
  w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::before);
  auto closed = window->close();
  REQUIRE_FALSE(closed);
  CHECK(closed.error().kind == ErrorKind::server);
  REQUIRE(window->close_result());
  CHECK_FALSE(*window->close_result());
  CHECK_FALSE(window->close());  // the same outcome again, no new request
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging") == 2);
}

TEST_CASE("a moved window restores once") {
  World w;
  {
    auto window = ops::maintenance(w.app("shop-staging"));
    REQUIRE(window);
    ops::MaintenanceWindow moved = std::move(window).value();
    CHECK(moved.is_open());
    CHECK(w.maintenance_of("shop-staging"));
  }
  CHECK_FALSE(w.maintenance_of("shop-staging"));
  CHECK(w.transport->count(Method::patch, "/apps/shop-staging") == 2);
}

TEST_CASE("a restore that fails after failed work is reported, never swallowed") {
  World w;
  auto failed = ops::with_maintenance(w.app("shop-staging"), [&]() -> herokupp::result<int> {
    w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::before);
    return herokupp::Error(ErrorKind::precondition_failed, "migration failed");
  });
  REQUIRE_FALSE(failed);
  CHECK(failed.error().kind == ErrorKind::precondition_failed);  // the story starts with the work
  CHECK(failed.error().message.find("migration failed") != std::string::npos);
  CHECK(failed.error().message.find("may still be in maintenance") != std::string::npos);
  CHECK(failed.error().message.find("Simulated outage") != std::string::npos);
  CHECK(w.maintenance_of("shop-staging"));  // truly left on, and said so
  w.capture(failed);
}

TEST_CASE("a window whose put-back fails after a lost answer says maintenance may be on") {
  World w;
  w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::after);
  w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::before);
  auto lost = ops::maintenance(w.app("shop-staging"));
  REQUIRE_FALSE(lost);
  CHECK(lost.error().kind == ErrorKind::transport);
  CHECK(lost.error().message.find("may still be in maintenance") != std::string::npos);
  CHECK(w.maintenance_of("shop-staging"));
  w.capture(lost);
}

TEST_CASE("a session's failed closing is audited as an error") {
  World w;
  ops::SessionOptions o;
  o.protect_own_app = false;
  ops::Session s{w.client(), std::nullopt, "sam", w.audit(), o};
  auto window = s.maintenance("shop-staging");
  REQUIRE(window);
  w.transport->fail_next(Method::patch, "/apps/shop-staging", RecordingTransport::Fail::before);
  auto closed = window->close();
  REQUIRE_FALSE(closed);
  REQUIRE(w.records->size() == 4);
  CHECK(w.records->back().arguments.at(0).second == "end");
  CHECK(w.records->back().outcome == "error");
  CHECK(w.records->back().error == "server");
  CHECK(w.records->back().request_ids.size() == 1);
}
