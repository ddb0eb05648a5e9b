// urbis serve, bad input: every malformed, out-of-range, oversized,
// unauthorised or misdirected request gets its 4xx and changes nothing (the
// room's state, the class table and the report data are as before).
#include "tests/serve/serve_support.hpp"

namespace urbis::test {
namespace {

// A participatory room with two players (Ada and Bob) after one round.
class BadInput : public ::testing::Test {
 protected:
  BadInput() : server_(options()) {
    c_ = server_.client();
    const auto a = post(*c_, path("join"), json{{"name", "Ada"}});
    const auto b = post(*c_, path("join"), json{{"name", "Bob"}});
    EXPECT_EQ(a.status, 201);
    EXPECT_EQ(b.status, 201);
    ada_ = a.body["token"];
    bob_ = b.body["token"];
    bob_city_ = b.body["city"];
    EXPECT_EQ(post(*c_, path("control"), json{{"action", "step"}}, teacher()).status, 200);
  }
  static serve::ServeOptions options() {
    serve::ServeOptions o;
    o.classroom = true;
    o.max_players = 3;
    o.max_rooms = 2;
    // The snapshots around each request are many requests: the rate limit
    // has its own test below, with the defaults.
    o.rate_per_second = o.rate_burst = 1e6;
    return o;
  }
  std::string path(const std::string& what = {}) const {
    return "/api/rooms/" + server_.room() + (what.empty() ? "" : "/" + what);
  }
  const std::string& teacher() const { return server_.teacher(); }

  // Everything a request could have changed.
  json snapshot() {
    json s;
    s["state"] = get(*c_, path()).body;
    s["class"] = get(*c_, path("class"), teacher()).body;
    s["data"] = get(*c_, path("data")).body;
    s["ada"] = get(*c_, path("me"), ada_).body;
    s["bob"] = get(*c_, path("me"), bob_).body;
    return s;
  }
  // Sends a request, checks its status and error body (naming `field`, when
  // given), and that nothing changed. The request comes last, so that a
  // lambda reads on one line.
  template <class Send>
  void refused(int status, Send send) {
    refused(status, std::string(), send);
  }
  template <class Send>
  void refused(int status, const std::string& field, Send send) {
    const json before = snapshot();
    const Answer a = send();
    EXPECT_EQ(a.status, status) << a.text;
    ASSERT_TRUE(a.body.is_object()) << a.text;
    EXPECT_TRUE(a.body.contains("error")) << a.text;
    if (!field.empty()) {
      EXPECT_EQ(a.body.value("field", ""), field) << a.text;
    }
    EXPECT_EQ(snapshot(), before) << "a refused request changed the room";
  }

  TestServer server_;
  std::unique_ptr<httplib::Client> c_;
  std::string ada_, bob_, bob_city_;
};

TEST_F(BadInput, WrongTypes) {
  refused(400, "action", [&] { return post(*c_, path("control"), json{{"action", 5}}, teacher()); });
  refused(400, "speed", [&] { return post(*c_, path("control"), json{{"speed", "fast"}}, teacher()); });
  refused(400, "economy.club_benefit", [&] {
    return post(*c_, path("params"), json{{"economy.club_benefit", "high"}}, teacher());
  });
  refused(400, "populism", [&] { return post(*c_, path("params"), json{{"populism", 0.5}}, teacher()); });
  refused(400, "name", [&] { return post(*c_, path("join"), json{{"name", 42}}); });
  refused(400, "cooperation", [&] { return post(*c_, path("choice"), json{{"cooperation", "0.5"}}, ada_); });
  refused(400, "join", [&] { return post(*c_, path("choice"), json{{"join", "C40"}}, ada_); });
  refused(400, "cooperation", [&] { return post(*c_, path("choice"), json{{"cooperation", true}}, ada_); });
  refused(400, "classroom", [&] { return post(*c_, "/api/rooms", json{{"classroom", "yes"}}, teacher()); });
  refused(400, "since", [&] { return get(*c_, path("data") + "?since=abc"); });
}

TEST_F(BadInput, OutOfRange) {
  refused(400, "speed", [&] {
    return post(*c_, path("control"), json{{"action", "step"}, {"speed", 100}}, teacher());
  });
  refused(400, "action", [&] { return post(*c_, path("control"), json{{"action", "explode"}}, teacher()); });
  refused(400, "economy.club_benefit", [&] {
    return post(*c_, path("params"), json{{"economy.club_benefit", 5}}, teacher());
  });
  refused(400, "competition.contest_exponent", [&] {
    return post(*c_, path("params"), json{{"competition.contest_exponent", -1}}, teacher());
  });
  refused(400, "populism.value", [&] {
    return post(*c_, path("params"), json{{"populism", {{"state", "S0"}, {"value", 2}}}}, teacher());
  });
  refused(400, "populism.state", [&] {
    return post(*c_, path("params"), json{{"populism", {{"state", "ATLANTIS"}, {"value", 0.5}}}}, teacher());
  });
  refused(400, "salience.issue", [&] {
    return post(*c_, path("params"), json{{"salience", {{"issue", "weather"}, {"value", 0.5}}}}, teacher());
  });
  // One good change and one bad: nothing is set.
  refused(400, [&] {
    return post(*c_, path("params"), json{{"economy.club_benefit", 0.05}, {"learning.imitation_probability", 3}},
                teacher());
  });
  refused(400, "cooperation", [&] { return post(*c_, path("choice"), json{{"cooperation", 1.5}}, ada_); });
  refused(400, "cooperation", [&] { return post(*c_, path("choice"), json{{"cooperation", -0.1}}, ada_); });
  refused(400, "name", [&] { return post(*c_, path("join"), json{{"name", ""}}); });
  refused(400, "name", [&] { return post(*c_, path("join"), json{{"name", std::string(41, 'x')}}); });
  refused(400, "name", [&] { return post(*c_, path("join"), json{{"name", "tab\there"}}); });
}

TEST_F(BadInput, UnknownFieldsAndMalformedBodies) {
  refused(400, "extra", [&] { return post(*c_, path("control"), json{{"action", "step"}, {"extra", 1}}, teacher()); });
  refused(400, "admin", [&] { return post(*c_, path("join"), json{{"name", "Eve"}, {"admin", true}}); });
  refused(400, "states.populism", [&] { return post(*c_, path("params"), json{{"states.populism", 0.5}}, teacher()); });
  refused(400, "salience.x", [&] {
    return post(*c_, path("params"), json{{"salience", {{"issue", "climate"}, {"value", 0.5}, {"x", 1}}}}, teacher());
  });
  refused(400, [&] { return post(*c_, path("params"), json::object(), teacher()); });
  refused(400, [&] { return post(*c_, path("control"), std::string("[1, 2]"), teacher()); });
  refused(400, [&] { return post(*c_, path("control"), std::string("{\"action\": "), teacher()); });
  refused(400, [&] { return post(*c_, path("join"), std::string("not json")); });
  refused(400, [&] { return post(*c_, path("join"), std::string(20, '[') + std::string(20, ']')); });
  refused(400, [&] { return post(*c_, path("join"), json{{"name", "Eve"}}.dump(), {}, "text/plain"); });
}

TEST_F(BadInput, HugeBodies) {
  const std::string big = json{{"name", std::string(20 * 1024, 'a')}}.dump();
  refused(413, [&] { return post(*c_, path("join"), big); });
  refused(413, [&] {
    return post(*c_, path("choice"), json{{"join", std::vector<std::string>(4000, "C40")}}.dump(), ada_);
  });
}

TEST_F(BadInput, UnknownRoomsNetworksCitiesAndPaths) {
  refused(404, "room", [&] { return get(*c_, "/api/rooms/ZZZZZZ"); });
  refused(404, "room", [&] { return post(*c_, "/api/rooms/ZZZZZZ/join", json{{"name", "Eve"}}); });
  refused(404, [&] { return get(*c_, "/api/rooms/" + std::string(300, 'A')); });
  refused(404, [&] { return get(*c_, "/api/rooms/ABC/../../etc/passwd"); });
  refused(404, [&] { return get(*c_, "/api/nothing"); });
  refused(404, "city", [&] { return post(*c_, path("join"), json{{"name", "Eve"}, {"city", "Atlantis"}}); });
  refused(404, "join", [&] { return post(*c_, path("choice"), json{{"join", {"No Such Network"}}}, ada_); });
  refused(404, "scenario", [&] { return post(*c_, "/api/rooms", json{{"scenario", "../../etc/passwd"}}, teacher()); });
}

TEST_F(BadInput, StudentsActOnlyForTheirOwnCity) {
  refused(403, "city", [&] {
    return post(*c_, path("choice"), json{{"cooperation", 0.2}, {"city", bob_city_}}, ada_);
  });
  refused(403, "player", [&] { return post(*c_, path("choice"), json{{"cooperation", 0.2}, {"player", "P2"}}, ada_); });
  refused(403, [&] { return post(*c_, path("choice"), json{{"cooperation", 0.2}}, teacher()); });
  refused(401, [&] { return post(*c_, path("choice"), json{{"cooperation", 0.2}}); });
  refused(401, [&] { return post(*c_, path("choice"), json{{"cooperation", 0.2}}, std::string(32, '0')); });
  refused(401, [&] { return get(*c_, path("me")); });
  refused(401, [&] { return get(*c_, path("me"), "not-a-token"); });
  // A player's token is for students' routes only.
  refused(401, [&] { return get(*c_, path("class"), ada_); });
  refused(401, [&] { return post(*c_, path("control"), json{{"action", "step"}}, ada_); });
}

TEST_F(BadInput, TeacherControlsNeedTheToken) {
  std::string wrong = teacher();
  wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
  for (const std::string& token : {std::string(), wrong}) {
    refused(401, [&] { return post(*c_, path("control"), json{{"action", "step"}}, token); });
    refused(401, [&] { return post(*c_, path("params"), json{{"economy.club_benefit", 0.05}}, token); });
    refused(401, [&] { return get(*c_, path("class"), token); });
    refused(401, [&] { return get(*c_, path("summary"), token); });
    refused(401, [&] { return post(*c_, "/api/rooms", json{{"scenario", "cooperation_vs_competition"}}, token); });
  }
  const json before = snapshot();
  const auto basic = answer(c_->Post(path("control").c_str(), {{"Authorization", "Basic " + teacher()}},
                                     json{{"action", "step"}}.dump(), "application/json"));
  EXPECT_EQ(basic.status, 401);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(BadInput, Conflicts) {
  refused(409, "name", [&] { return post(*c_, path("join"), json{{"name", "ada"}}); });
  refused(409, "city", [&] { return post(*c_, path("join"), json{{"name", "Eve"}, {"city", bob_city_}}); });
  refused(409, "action", [&] { return post(*c_, path("control"), json{{"action", "play"}}, teacher()); });
  ASSERT_EQ(post(*c_, path("join"), json{{"name", "Cy"}}).status, 201);  // the third and last player
  refused(409, [&] { return post(*c_, path("join"), json{{"name", "Dee"}}); });
  const auto live = post(*c_, "/api/rooms", json{{"scenario", "cooperation_vs_competition"}}, teacher());
  ASSERT_EQ(live.status, 201);
  refused(409, [&] { return post(*c_, "/api/rooms", json{{"scenario", "cooperation_vs_competition"}}, teacher()); });
  // A live room has nobody to join, and no class.
  const std::string other = "/api/rooms/" + live.body["room"].get<std::string>();
  const json before = get(*c_, other).body;
  EXPECT_EQ(post(*c_, other + "/join", json{{"name", "Eve"}}).status, 409);
  EXPECT_EQ(get(*c_, other + "/class", teacher()).status, 409);
  EXPECT_EQ(get(*c_, other).body, before);
}

TEST(ServeLimits, RateLimit) {
  // More than the burst (40) at once from one client: the excess is refused,
  // and a refused request changes nothing.
  serve::ServeOptions o;
  o.classroom = true;
  TestServer server(o);
  auto c = server.client();
  const std::string room = "/api/rooms/" + server.room();
  const auto a = post(*c, room + "/join", json{{"name", "Ada"}});
  const auto b = post(*c, room + "/join", json{{"name", "Bob"}});
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  const std::string ada = a.body["token"], bob = b.body["token"];
  const json before = get(*c, room + "/me", ada).body;
  const json state = get(*c, room, server.teacher()).body;
  int limited = 0, done = 0;
  for (int k = 0; k < 80; ++k) {
    const auto r = post(*c, room + "/choice", json{{"cooperation", 0.01 * k}, {"city", b.body["city"]}}, ada);
    if (r.status == 429) {
      ++limited;
      EXPECT_TRUE(r.body.contains("error"));
    } else {
      ++done;
      EXPECT_EQ(r.status, 403);
    }
  }
  EXPECT_GT(limited, 10);
  EXPECT_GE(done, 30) << "the burst goes through";
  // Another client (another token) is not held back by Ada's burst...
  EXPECT_EQ(get(*c, room + "/me", bob).status, 200);
  // ...and Ada is served again once her bucket refills.
  Answer again;
  EXPECT_TRUE(eventually([&] { return (again = get(*c, room + "/me", ada)).status == 200; }));
  EXPECT_EQ(again.body, before);
  EXPECT_EQ(get(*c, room, server.teacher()).body, state);
}

}  // namespace
}  // namespace urbis::test
