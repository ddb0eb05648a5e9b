// urbis serve, the happy path over loopback (docs/CLASSROOM_API.md): pages,
// scenarios, rooms, the live view's controls and sliders, the report data
// with its version, and a participatory room from join to summary.
#include <regex>

#include "tests/serve/serve_support.hpp"

namespace urbis::test {
namespace {

std::string room_path(const TestServer& s, const std::string& what = {}) {
  return "/api/rooms/" + s.room() + (what.empty() ? "" : "/" + what);
}

TEST(Serve, PagesAndAssets) {
  TestServer s;
  auto c = s.client();
  std::string js_path, css_path;
  for (const char* page : {"/join", "/live", "/teacher", "/projector"}) {
    const auto r = c->Get(page);
    ASSERT_TRUE(r) << page;
    EXPECT_EQ(r->status, 200) << page;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    // The assets are named by a fingerprint of their content.
    const auto js = r->body.find("/assets/classroom.");
    ASSERT_NE(js, std::string::npos) << page;
    const std::regex named(R"(/assets/classroom\.[0-9a-f]{12}\.(js|css))");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r->body, m, named)) << r->body;
    for (auto it = std::sregex_iterator(r->body.begin(), r->body.end(), named); it != std::sregex_iterator(); ++it)
      ((*it)[1] == "js" ? js_path : css_path) = it->str();
  }
  ASSERT_FALSE(js_path.empty());
  ASSERT_FALSE(css_path.empty());
  // Plain, then compressed: the same script, cached for good.
  const auto js = c->Get(js_path);
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_GT(js->body.size(), 100000u);
  EXPECT_EQ(js->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
  EXPECT_EQ(js->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js->get_header_value_count("Cache-Control"), 1u) << "no second, no-store header";
  EXPECT_FALSE(js->has_header("Content-Encoding"));
  httplib::Client raw("127.0.0.1", s.port());
  raw.set_decompress(false);
  const auto gz = raw.Get(js_path, {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(gz->body.size(), js->body.size() / 2) << "compressed";
  EXPECT_EQ(static_cast<unsigned char>(gz->body[0]), 0x1f);
  const auto css = c->Get(css_path);
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type").rfind("text/css", 0), 0u);
  // Another fingerprint (an older page) is not found; the page shell is not cached.
  EXPECT_EQ(c->Get("/assets/classroom.000000000000.js")->status, 404);
  EXPECT_EQ(c->Get("/join")->get_header_value("Cache-Control"), "no-store");
  const auto root = c->Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 302);
  EXPECT_EQ(root->get_header_value("Location"), "/join");
}

TEST(Serve, ScenariosAndRooms) {
  TestServer s;
  auto c = s.client();
  const auto list = get(*c, "/api/scenarios");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body.size(), 1u);
  EXPECT_EQ(list.body[0]["name"], "cooperation_vs_competition");
  EXPECT_FALSE(list.body[0]["description"].get<std::string>().empty());

  const auto created =
      post(*c, "/api/rooms", json{{"scenario", "cooperation_vs_competition"}, {"classroom", true}}, s.teacher());
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string code = created.body["room"];
  EXPECT_EQ(code.size(), 6u);
  EXPECT_NE(code, s.room());
  const auto state = get(*c, "/api/rooms/" + code);
  ASSERT_EQ(state.status, 200);
  EXPECT_EQ(state.body["room"], code);
  EXPECT_EQ(state.body["classroom"], true);
  EXPECT_EQ(state.body["scenario"], "cooperation_vs_competition");
  EXPECT_EQ(state.body["start"], 2000);
  EXPECT_EQ(state.body["end"], 2050);
  EXPECT_EQ(state.body["year"], 2000);
  EXPECT_EQ(state.body["players"], 0);
  EXPECT_EQ(state.body["round_open"], true);
  // A code may be typed in lower case.
  std::string lower = code;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(get(*c, "/api/rooms/" + lower).status, 200);
}

TEST(Serve, LiveViewStepPlayPauseReset) {
  TestServer s;
  auto c = s.client();
  const auto before = get(*c, room_path(s));
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body["running"], false);
  EXPECT_EQ(before.body["years_done"], 0);
  const int v0 = before.body["version"];

  const auto stepped = post(*c, room_path(s, "control"), json{{"action", "step"}}, s.teacher());
  ASSERT_EQ(stepped.status, 200) << stepped.text;
  EXPECT_EQ(stepped.body["year"], 2001);
  EXPECT_EQ(stepped.body["years_done"], 1);
  EXPECT_EQ(stepped.body["version"], v0 + 1);

  // The report data of the run so far, then 304 until something changes.
  const auto data = get(*c, room_path(s, "data"));
  ASSERT_EQ(data.status, 200);
  EXPECT_EQ(data.body["kind"], "run");
  EXPECT_EQ(data.body["years"], json::array({2000}));
  EXPECT_EQ(data.body["global"]["cooperation_index"].size(), 1u);
  EXPECT_EQ(data.body["cities"]["names"].size(), 400u);
  EXPECT_EQ(data.body["version"], v0 + 1);
  EXPECT_TRUE(data.body["changes"].is_array());
  const int v = data.body["version"];
  EXPECT_EQ(get(*c, room_path(s, "data") + "?since=" + std::to_string(v)).status, 304);
  EXPECT_EQ(get(*c, room_path(s, "data") + "?since=" + std::to_string(v - 1)).status, 200);

  // Play at 20 years a second: the background thread steps on its own.
  const auto played = post(*c, room_path(s, "control"), json{{"action", "play"}, {"speed", 20}}, s.teacher());
  ASSERT_EQ(played.status, 200);
  EXPECT_EQ(played.body["running"], true);
  EXPECT_EQ(played.body["speed"], 20.0);
  EXPECT_TRUE(eventually([&] { return get(*c, room_path(s)).body["years_done"].get<int>() >= 4; }));
  const auto paused = post(*c, room_path(s, "control"), json{{"action", "pause"}}, s.teacher());
  ASSERT_EQ(paused.status, 200);
  EXPECT_EQ(paused.body["running"], false);
  const int done = paused.body["years_done"];
  EXPECT_EQ(get(*c, room_path(s)).body["years_done"], done) << "no step after pause";
  EXPECT_EQ(get(*c, room_path(s, "data")).body["years"].size(), static_cast<std::size_t>(done));

  const auto reset = post(*c, room_path(s, "control"), json{{"action", "reset"}}, s.teacher());
  ASSERT_EQ(reset.status, 200);
  EXPECT_EQ(reset.body["years_done"], 0);
  EXPECT_EQ(reset.body["year"], 2000);
  EXPECT_GT(reset.body["version"].get<int>(), paused.body["version"].get<int>());
  EXPECT_EQ(get(*c, room_path(s, "data")).body["years"].size(), 0u);
}

TEST(Serve, SameSeedSameRunAsTheEngine) {
  // Two rooms of one scenario step the same: the engine's determinism, and no
  // state shared between rooms.
  TestServer s;
  auto c = s.client();
  const auto other = post(*c, "/api/rooms", json{{"scenario", "cooperation_vs_competition"}}, s.teacher());
  ASSERT_EQ(other.status, 201);
  for (const std::string& code : {s.room(), other.body["room"].get<std::string>()})
    for (int k = 0; k < 3; ++k)
      ASSERT_EQ(post(*c, "/api/rooms/" + code + "/control", json{{"action", "step"}}, s.teacher()).status, 200);
  const auto a = get(*c, room_path(s, "data")).body;
  const auto b = get(*c, "/api/rooms/" + other.body["room"].get<std::string>() + "/data").body;
  EXPECT_EQ(a["global"], b["global"]);
  EXPECT_EQ(a["cities"]["values"], b["cities"]["values"]);
}

TEST(Serve, SlidersAndParameterChanges) {
  TestServer s;
  auto c = s.client();
  const auto sliders = get(*c, room_path(s, "sliders"));
  ASSERT_EQ(sliders.status, 200);
  ASSERT_EQ(sliders.body.size(), 5u);
  std::map<std::string, json> by_key;
  for (const auto& sl : sliders.body) by_key[sl["key"]] = sl;
  EXPECT_EQ(by_key["competition.contest_exponent"]["value"], 2.0);  // the scenario's value
  EXPECT_EQ(by_key["economy.club_benefit"]["value"], 0.1);
  EXPECT_EQ(by_key["learning.imitation_probability"]["value"], 0.3);
  EXPECT_EQ(by_key["populism"]["states"].size(), 20u);
  EXPECT_EQ(by_key["salience"]["issues"].size(), 6u);

  ASSERT_EQ(post(*c, room_path(s, "control"), json{{"action", "step"}}, s.teacher()).status, 200);
  const std::string state0 = by_key["populism"]["states"][0];
  const auto changed = post(*c, room_path(s, "params"),
                            json{{"economy.club_benefit", 0.0},
                                 {"competition.contest_exponent", 3.5},
                                 {"populism", {{"state", state0}, {"value", 0.9}}},
                                 {"salience", {{"issue", "health"}, {"value", 0.75}}}},
                            s.teacher());
  ASSERT_EQ(changed.status, 200) << changed.text;
  const auto& p = changed.body["params"];
  EXPECT_EQ(p["economy.club_benefit"], 0.0);
  EXPECT_EQ(p["competition.contest_exponent"], 3.5);
  EXPECT_EQ(p["populism"], json({{"state", state0}, {"value", 0.9}}));
  EXPECT_EQ(p["salience"], json({{"issue", "health"}, {"value", 0.75}}));
  const auto& changes = changed.body["changes"];
  ASSERT_EQ(changes.size(), 4u);
  for (const auto& ch : changes) EXPECT_EQ(ch["year"], 2001) << "takes effect from the next step";
  EXPECT_EQ(changes[0]["param"], "competition.contest_exponent");
  EXPECT_EQ(changes[0]["value"], 3.5);

  // The salience set relaxes toward its baseline from the next step, as
  // after a salience event; the data carries the changes for the charts.
  ASSERT_EQ(post(*c, room_path(s, "control"), json{{"action", "step"}}, s.teacher()).status, 200);
  const auto data = get(*c, room_path(s, "data")).body;
  EXPECT_EQ(data["changes"].size(), 4u);
  const double health = data["global"]["salience_health"][1];
  EXPECT_LT(health, 0.75);
  EXPECT_GT(health, data["global"]["salience_health"][0].get<double>());
  EXPECT_EQ(get(*c, room_path(s)).body["params"]["competition.contest_exponent"], 3.5);
}

TEST(Serve, ClassroomFromJoinToSummary) {
  serve::ServeOptions o;
  o.classroom = true;
  TestServer s(o);
  auto teacher = s.client();
  auto ada = s.client();
  auto bob = s.client();

  const auto cities = get(*ada, room_path(s, "cities"));
  ASSERT_EQ(cities.status, 200);
  ASSERT_EQ(cities.body.size(), 200u);  // the 200 largest of 400
  // Largest first, each with its country, for the picker's search.
  EXPECT_TRUE(std::is_sorted(cities.body.begin(), cities.body.end(),
                             [](const json& a, const json& b) { return a["population"] > b["population"]; }));
  EXPECT_FALSE(cities.body[0]["country"].get<std::string>().empty());
  const std::string chosen = cities.body[5]["city"];

  const auto a = post(*ada, room_path(s, "join"), json{{"name", "Ada"}, {"city", chosen}});
  ASSERT_EQ(a.status, 201) << a.text;
  EXPECT_EQ(a.body["city"], chosen);
  EXPECT_EQ(a.body["player"], "P1");
  const std::string ada_token = a.body["token"];
  EXPECT_EQ(ada_token.size(), 32u);
  const auto b = post(*bob, room_path(s, "join"), json{{"name", "Bob"}});  // the server assigns a city
  ASSERT_EQ(b.status, 201) << b.text;
  EXPECT_NE(b.body["city"], chosen);
  const std::string bob_token = b.body["token"];
  EXPECT_EQ(get(*ada, room_path(s, "cities")).body[5]["taken"], true);

  const auto me = get(*ada, room_path(s, "me"), ada_token);
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(me.body["name"], "Ada");
  EXPECT_EQ(me.body["city"], chosen);
  EXPECT_EQ(me.body["year"], 2000);
  EXPECT_EQ(me.body["of"], 400);
  EXPECT_GT(me.body["budget"].get<double>(), 0);
  EXPECT_FALSE(me.body["networks"].empty());
  EXPECT_TRUE(me.body["history"].empty());

  // Ada competes and joins a network she is eligible for and can afford.
  std::string network;
  for (const auto& n : me.body["networks"])
    if (n["eligible"] == true && n["member"] == false) network = n["name"];
  ASSERT_FALSE(network.empty());
  const auto chose = post(*ada, room_path(s, "choice"), json{{"cooperation", 0.0}, {"join", {network}}}, ada_token);
  ASSERT_EQ(chose.status, 200) << chose.text;
  EXPECT_EQ(chose.body["choice"]["cooperation"], 0.0);
  EXPECT_EQ(chose.body["choice"]["join"], json::array({network}));
  ASSERT_EQ(post(*bob, room_path(s, "choice"), json{{"cooperation", 1.0}}, bob_token).status, 200);

  const auto table = get(*teacher, room_path(s, "class"), s.teacher());
  ASSERT_EQ(table.status, 200);
  ASSERT_EQ(table.body["players"].size(), 2u);
  EXPECT_EQ(table.body["players"][0]["chose"], true);
  EXPECT_EQ(table.body["players"][0]["cooperation"], 0.0);
  EXPECT_EQ(table.body["players"][1]["cooperation"], 1.0);

  // Two rounds.
  for (int r = 0; r < 2; ++r)
    ASSERT_EQ(post(*teacher, room_path(s, "control"), json{{"action", "step"}}, s.teacher()).status, 200);
  const auto after = get(*ada, room_path(s, "me"), ada_token);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.body["year"], 2002);
  EXPECT_EQ(after.body["cooperation"], 0.0) << "the model did not touch a student's split";
  ASSERT_EQ(after.body["history"].size(), 2u);
  EXPECT_EQ(after.body["history"][0]["year"], 2000);
  EXPECT_EQ(after.body["history"][0]["cooperation"], 0.0);
  // With x = 0 there is no cooperation budget: the join was refused, and said so.
  EXPECT_TRUE(after.body["memberships"].empty() ||
              std::find(after.body["memberships"].begin(), after.body["memberships"].end(), network) ==
                  after.body["memberships"].end());
  EXPECT_EQ(after.body["choice"]["join"], json::array()) << "moves are spent by the round";
  EXPECT_EQ(get(*bob, room_path(s, "me"), bob_token).body["cooperation"], 1.0);
  EXPECT_EQ(get(*teacher, room_path(s, "class"), s.teacher()).body["players"][0]["chose"], false);

  const auto summary = get(*teacher, room_path(s, "summary"), s.teacher());
  ASSERT_EQ(summary.status, 200);
  ASSERT_EQ(summary.body["players"].size(), 2u);
  const auto& sa = summary.body["players"][0];
  EXPECT_EQ(sa["name"], "Ada");
  EXPECT_EQ(sa["rounds"], 2);
  EXPECT_EQ(sa["cooperation"], 0.0);
  EXPECT_GT(sa["gdp"].get<double>(), 0);
  EXPECT_GT(sa["computer"]["gdp"].get<double>(), 0);
  EXPECT_GT(sa["computer"]["cooperation"].get<double>(), 0.0) << "the model plays x from Beta(2,2): not 0";
  EXPECT_NE(sa["payoff"], sa["computer"]["payoff"]);

  // Reconnecting (a new connection with the kept token) keeps the city.
  auto again = s.client();
  const auto back = get(*again, room_path(s, "me"), ada_token);
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.body["city"], chosen);
  EXPECT_EQ(back.body["player"], "P1");
  EXPECT_EQ(back.body["history"].size(), 2u);
  // A reset keeps the players and their cities.
  ASSERT_EQ(post(*teacher, room_path(s, "control"), json{{"action", "reset"}}, s.teacher()).status, 200);
  const auto reset = get(*again, room_path(s, "me"), ada_token);
  EXPECT_EQ(reset.body["city"], chosen);
  EXPECT_TRUE(reset.body["history"].empty());
}

TEST(Serve, TheRoundClockCountsDownLocksAndPlays) {
  serve::ServeOptions o;
  o.classroom = true;
  o.round_seconds = 1.5;
  o.lock_seconds = 1.0;
  TestServer s(o);
  auto c = s.client();
  const auto a = post(*c, room_path(s, "join"), json{{"name", "Ada"}});
  ASSERT_EQ(a.status, 201);
  const std::string ada = a.body["token"];
  // The clock waits for the teacher.
  auto st = get(*c, room_path(s)).body;
  EXPECT_EQ(st["clock"]["running"], false);
  EXPECT_EQ(st["clock"]["left"], 1.5);
  std::this_thread::sleep_for(std::chrono::milliseconds(1800));
  EXPECT_EQ(get(*c, room_path(s)).body["years_done"], 0) << "no round while the clock is stopped";
  EXPECT_EQ(get(*c, room_path(s, "me"), ada).body["rank"], nullptr) << "no rank before the first round";

  ASSERT_EQ(post(*c, room_path(s, "control"), json{{"action", "play"}}, s.teacher()).status, 200);
  st = get(*c, room_path(s)).body;
  EXPECT_EQ(st["clock"]["running"], true);
  EXPECT_GT(st["clock"]["left"].get<double>(), 0.5);
  EXPECT_EQ(st["locked"], false);
  // A choice for the open round is taken; one for another round is not.
  EXPECT_EQ(post(*c, room_path(s, "choice"), json{{"cooperation", 0.7}, {"round", 2000}}, ada).status, 200);
  EXPECT_EQ(post(*c, room_path(s, "choice"), json{{"cooperation", 0.7}, {"round", 1999}}, ada).status, 409);
  // The deadline: time's up, choices locked, nothing played yet.
  ASSERT_TRUE(eventually([&] { return get(*c, room_path(s)).body["locked"] == true; }, std::chrono::seconds(5)));
  st = get(*c, room_path(s)).body;
  EXPECT_EQ(st["years_done"], 0);
  EXPECT_EQ(st["round_open"], false);
  const auto late = post(*c, room_path(s, "choice"), json{{"cooperation", 0.1}}, ada);
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(late.body["error"].get<std::string>().find("time's up"), std::string::npos);
  EXPECT_EQ(get(*c, room_path(s, "me"), ada).body["locked"], true);
  // Then the round is played with the choice made in time, and the next opens.
  ASSERT_TRUE(eventually([&] { return get(*c, room_path(s)).body["years_done"] == 1; }, std::chrono::seconds(5)));
  const auto me = get(*c, room_path(s, "me"), ada).body;
  EXPECT_EQ(me["history"][0]["cooperation"], 0.7);
  EXPECT_EQ(me["locked"], false);
  EXPECT_EQ(me["clock"]["running"], true);
  EXPECT_NE(me["rank"], nullptr);
  EXPECT_EQ(me["last_round"]["year"], 2000);
  // Paused, the clock holds; the teacher may still play a round.
  ASSERT_EQ(post(*c, room_path(s, "control"), json{{"action", "pause"}}, s.teacher()).status, 200);
  const double left = get(*c, room_path(s)).body["clock"]["left"];
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  st = get(*c, room_path(s)).body;
  EXPECT_EQ(st["clock"]["left"], left);
  EXPECT_EQ(st["years_done"], 1);
  ASSERT_EQ(post(*c, room_path(s, "control"), json{{"action", "step"}}, s.teacher()).status, 200);
  EXPECT_EQ(get(*c, room_path(s)).body["years_done"], 2);
}

TEST(Serve, NoClockNoPlayInAClassroom) {
  serve::ServeOptions o;
  o.classroom = true;
  TestServer s(o);
  auto c = s.client();
  const json before = get(*c, room_path(s)).body;
  EXPECT_EQ(before["clock"], nullptr);
  EXPECT_EQ(post(*c, room_path(s, "control"), json{{"action", "play"}}, s.teacher()).status, 409);
  EXPECT_EQ(get(*c, room_path(s)).body, before);
}

}  // namespace
}  // namespace urbis::test
