// The live view's data is the report's: a run stepped in the server and the
// same run written to a folder by `urbis run` give the same report JSON
// (one builder, two sources). And the counterfactual world of a room is the
// room's own world while nobody plays.
#include <filesystem>

#include <unistd.h>

#include "sim/engine/run.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"
#include "sim/report/report_data.hpp"
#include "sim/serve/simulation.hpp"
#include "tests/serve/serve_support.hpp"

namespace urbis::test {
namespace {

namespace fs = std::filesystem;

TEST(LiveData, SameJsonAsTheReportOfTheRunFolder) {
  const auto lib = library({"cooperation_vs_competition"});
  const serve::LibraryEntry& entry = *lib->find("cooperation_vs_competition");

  // The folder: the scenario run to its end with the map's files.
  Scenario s = entry.scenario;
  s.output.cities.enabled = true;
  const fs::path dir = fs::temp_directory_path() / ("urbis-live-data-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  CsvOutput out(dir.string(), s);
  RunContext ctx;
  const RunSummary summary = run_loaded(s, entry.data, out, ctx);
  write_run_json((dir / "run.json").string(), s, summary, RunRecord{});
  ReportOptions o;
  o.targets_file = source("configs/calibration/targets.yaml");
  const auto folder = run_report_data(dir.string(), o);
  fs::remove_all(dir);

  // The server's: the same scenario stepped in memory.
  serve::Simulation sim(entry, /*counterfactual=*/false);
  while (!sim.finished()) sim.step();
  const auto live = run_report_data(sim.tables().source(lib->network_targets()), ReportOptions{});

  ASSERT_EQ(folder["years"].size(), 51u);
  for (const char* key :
       {"kind", "schema", "years", "global", "targets", "events", "states", "networks", "cities", "problems"})
    EXPECT_EQ(live[key], folder[key]) << key << " differs between the live run and its folder";
  EXPECT_EQ(live["meta"]["scenario"], folder["meta"]["scenario"]);
  EXPECT_EQ(live["meta"]["seed"], folder["meta"]["seed"]);
}

TEST(LiveData, TheCounterfactualIsTheSameWorldWhileNobodyPlays) {
  const auto lib = library({"cooperation_vs_competition"});
  serve::Simulation sim(*lib->find("cooperation_vs_competition"), /*counterfactual=*/true);
  for (int k = 0; k < 5; ++k) sim.step();
  const World& a = sim.world();
  const World& b = *sim.counterfactual_world();
  EXPECT_TRUE((a.cities.gdp == b.cities.gdp).all());
  EXPECT_TRUE((a.cities.cooperation == b.cities.cooperation).all());
  EXPECT_EQ(a.members.net, b.members.net);

  // Once a city is played with another split, the worlds part.
  sim.world().players.play(a.cities.size(), 0, {.cooperation = 1.0 - a.cities.cooperation[0], .join = {}, .leave = {}});
  sim.step();
  EXPECT_NE(a.cities.cooperation[0], b.cities.cooperation[0]);
  EXPECT_FALSE((a.cities.gdp == b.cities.gdp).all());
}

}  // namespace
}  // namespace urbis::test
