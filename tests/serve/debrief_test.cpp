// The debrief of a class: its record and page from the server, and `urbis
// replay` of the record giving the same tables and the same page, byte for
// byte (choices, a late joiner, a parameter change, a change after the last
// round); a record changed by hand does not replay to the same tables. And
// scenario files named on the command line.
#include <filesystem>
#include <fstream>

#include "sim/core/input_error.hpp"
#include "sim/report/report_data.hpp"
#include "sim/serve/replay.hpp"
#include "tests/serve/serve_support.hpp"

namespace urbis::test {
namespace {

namespace fs = std::filesystem;

struct PlayedClass {
  std::string html;
  json record;
};

PlayedClass play_a_class(TestServer& s) {
  auto c = s.client();
  const std::string room = "/api/rooms/" + s.room();
  const auto cities = get(*c, room + "/cities").body;
  const auto ada = post(*c, room + "/join", json{{"name", "Ada"}, {"city", cities[150]["city"]}});
  const auto bob = post(*c, room + "/join", json{{"name", "Bob"}});
  EXPECT_EQ(ada.status, 201);
  EXPECT_EQ(bob.status, 201);
  const std::string a = ada.body["token"], b = bob.body["token"];
  json join = json::array();
  const json me = get(*c, room + "/me", a).body;
  for (const auto& n : me["networks"])
    if (n["eligible"] == true && n["member"] == false && join.empty()) join.push_back(n["name"]);
  EXPECT_FALSE(join.empty()) << "Ada has a network to join";
  auto step = [&] { EXPECT_EQ(post(*c, room + "/control", json{{"action", "step"}}, s.teacher()).status, 200); };
  // Round 1: Ada cooperates and joins a network, Bob competes.
  EXPECT_EQ(post(*c, room + "/choice", json{{"cooperation", 0.9}, {"join", join}}, a).status, 200);
  EXPECT_EQ(post(*c, room + "/choice", json{{"cooperation", 0.1}}, b).status, 200);
  step();
  // Round 2: Cleo joins late, the teacher moves the club benefit.
  const auto cleo = post(*c, room + "/join", json{{"name", "Cleo"}});
  EXPECT_EQ(cleo.status, 201);
  EXPECT_EQ(post(*c, room + "/params", json{{"economy.club_benefit", 0.03}}, s.teacher()).status, 200);
  EXPECT_EQ(post(*c, room + "/choice", json{{"cooperation", 0.35}}, b).status, 200);
  step();
  // Round 3, then a change after it.
  EXPECT_EQ(post(*c, room + "/choice", json{{"cooperation", 0.6}}, cleo.body["token"]).status, 200);
  step();
  EXPECT_EQ(post(*c, room + "/params", json{{"populism", {{"state", "S001"}, {"value", 0.9}}}}, s.teacher()).status,
            200);

  PlayedClass out;
  const auto page = c->Get((room + "/debrief").c_str(), bearer(s.teacher()));
  EXPECT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Content-Disposition").find("attachment; filename=\"urbis-class-"),
            std::string::npos);
  out.html = page->body;
  const auto rec = get(*c, room + "/record", s.teacher());
  EXPECT_EQ(rec.status, 200);
  out.record = rec.body;
  return out;
}

TEST(Debrief, ReplayGivesTheSameTablesAndPageByteForByte) {
  serve::ServeOptions o;
  o.classroom = true;
  TestServer s(o);
  const PlayedClass cls = play_a_class(s);

  const json& r = cls.record;
  ASSERT_EQ(r["urbis_class"], 1);
  EXPECT_EQ(r["room"], s.room());
  EXPECT_EQ(r["scenario"]["name"], "cooperation_vs_competition");
  EXPECT_EQ(r["rounds"].size(), 3u);
  EXPECT_EQ(r["rounds"][0]["choices"].size(), 2u);
  EXPECT_EQ(r["rounds"][1]["choices"].size(), 3u) << "Cleo plays from round 2";
  EXPECT_EQ(r["rounds"][1]["changes"].size(), 1u);
  EXPECT_EQ(r["rounds"][0]["choices"][0]["cooperation"], 0.9);
  EXPECT_EQ(r["rounds"][1]["choices"][0]["join"], json::array()) << "a join is spent by its round";
  EXPECT_EQ(r["pending"].size(), 1u);
  EXPECT_EQ(r["tables"].size(), 8u);
  // Not to be used to act: the record carries no token.
  EXPECT_EQ(r.dump().find(s.teacher()), std::string::npos);

  // The page holds its data, the class section and the record.
  const auto record_in_page = serve::read_class_record(cls.html);
  EXPECT_EQ(json::parse(record_in_page.dump()), r);
  EXPECT_NE(cls.html.find("\"class\":{\"room\""), std::string::npos);

  // Replayed from the record alone.
  const auto lib = library({"cooperation_vs_competition"});
  const auto replay = serve::replay_class(*lib->find("cooperation_vs_competition"), serve::read_class_record(r.dump()),
                                          lib->network_targets());
  ASSERT_EQ(replay.tables.size(), 8u);
  for (const auto& [name, text] : replay.tables) {
    EXPECT_EQ(r["tables"][name], serve::fingerprint(text)) << name;
    EXPECT_FALSE(text.empty());
  }
  const auto& class_csv = replay.tables.back();
  EXPECT_EQ(class_csv.first, "class.csv");
  EXPECT_EQ(std::count(class_csv.second.begin(), class_csv.second.end(), '\n'), 1 + 2 + 3 + 3);
  EXPECT_TRUE(replay.html == cls.html) << "the replayed page differs (" << replay.html.size() << " against "
                                       << cls.html.size() << " bytes)";
  EXPECT_EQ(json::parse(replay.record.dump()), r);

  // A choice changed by hand: the tables are no longer the class's.
  auto changed = serve::read_class_record(r.dump());
  changed["rounds"][0]["choices"][1]["cooperation"] = 0.95;
  const auto other = serve::replay_class(*lib->find("cooperation_vs_competition"), changed, lib->network_targets());
  EXPECT_NE(other.record["tables"]["cities.csv"], r["tables"]["cities.csv"]);
  EXPECT_NE(other.record["tables"]["class.csv"], r["tables"]["class.csv"]);
  EXPECT_EQ(other.record["tables"]["places.csv"], r["tables"]["places.csv"]);
}

TEST(Debrief, RecordsThatDoNotFitAreRefused) {
  EXPECT_THROW(serve::read_class_record("<html>not a debrief</html>"), std::invalid_argument);
  EXPECT_THROW(serve::read_class_record(R"({"kind": "run"})"), std::invalid_argument);
  const auto lib = library({"cooperation_vs_competition"});
  const auto& entry = *lib->find("cooperation_vs_competition");
  const auto base = nlohmann::ordered_json::parse(
      R"({"urbis_class": 1, "room": "ABCDEF", "players": [{"player": "P1", "name": "Ada", "index": 0}],
          "rounds": [{"year": 2000, "changes": [], "choices": [{"player": "P1", "cooperation": 0.5}]}]})");
  EXPECT_NO_THROW(serve::replay_class(entry, base, lib->network_targets()));
  auto bad = base;
  bad["players"][0]["index"] = 100000;
  EXPECT_THROW(serve::replay_class(entry, bad, lib->network_targets()), std::invalid_argument);
  bad = base;
  bad["rounds"][0]["year"] = 2003;
  EXPECT_THROW(serve::replay_class(entry, bad, lib->network_targets()), std::invalid_argument);
  bad = base;
  bad["rounds"][0]["choices"][0]["player"] = "P9";
  EXPECT_THROW(serve::replay_class(entry, bad, lib->network_targets()), std::invalid_argument);
  bad = base;
  bad["rounds"][0]["choices"][0]["join"] = {999};
  EXPECT_THROW(serve::replay_class(entry, bad, lib->network_targets()), std::invalid_argument);
}

TEST(Debrief, AResetStartsTheRecordAfresh) {
  serve::ServeOptions o;
  o.classroom = true;
  TestServer s(o);
  auto c = s.client();
  const std::string room = "/api/rooms/" + s.room();
  ASSERT_EQ(post(*c, room + "/join", json{{"name", "Ada"}}).status, 201);
  for (const char* action : {"step", "step", "reset", "step"})
    ASSERT_EQ(post(*c, room + "/control", json{{"action", action}}, s.teacher()).status, 200);
  const auto r = get(*c, room + "/record", s.teacher()).body;
  ASSERT_EQ(r["rounds"].size(), 1u);
  EXPECT_EQ(r["rounds"][0]["year"], 2000);
}

TEST(ScenarioFiles, GivenFilesAreOfferedFirstAndCheckedAtStartUp) {
  const fs::path dir = fs::temp_directory_path() / ("urbis-serve-files-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path good = dir / "my_class.yaml", bad = dir / "typo.yaml";
  std::ofstream(good) << "name: my_class\ndescription: A small class.\n"
                         "world:\n  synthetic: {cities: 60, states: 6, networks: 4, seed: 3}\n"
                         "time: {start: 2020, end: 2025}\n";
  std::ofstream(bad) << "name: typo\ndescription: A mistake.\nworld:\n  synthetic: {cities: 60, states: 6}\n"
                        "time: {start: 2020, end: 2025}\nparameters:\n  economy.club_benfit: 0.1\n";
  serve::LibraryPaths p;
  p.scenario_dir = source("scenarios");
  p.defaults_file = source("configs/defaults.yaml");
  p.world_dir = source("configs/world");
  p.files = {good.string()};
  const auto lib = serve::Library::load(p, {"cooperation_vs_competition"});
  ASSERT_EQ(lib->entries().size(), 2u);
  EXPECT_EQ(lib->entries()[0]->name, "my_class");
  EXPECT_TRUE(lib->entries()[0]->given);
  EXPECT_FALSE(lib->entries()[1]->given);
  ASSERT_EQ(lib->entries()[0]->sources.size(), 1u);
  EXPECT_NE(lib->entries()[0]->sources[0].text.find("A small class."), std::string::npos);

  p.files = {good.string(), bad.string()};
  try {
    serve::Library::load(p, {"cooperation_vs_competition"});
    ADD_FAILURE() << "a mistake in a given file must stop the start-up";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("typo.yaml:7:3"), std::string::npos) << what;
    EXPECT_NE(what.find("economy.club_benefit"), std::string::npos) << what;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace urbis::test
