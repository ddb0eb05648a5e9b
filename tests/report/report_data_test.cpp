// The data `urbis report` embeds: built from a small hand-written run folder,
// then checked column by column (years, global series, events and their
// labels, states, networks, the map's cities and links), and the HTML page
// that carries it.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "analysis/observables.hpp"
#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"
#include "sim/report/report_data.hpp"
#include "sim/report/report_html.hpp"

namespace fs = std::filesystem;
using namespace urbis;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

class ReportRunFolder : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("urbis_report_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    write(dir / "run.json", R"({"scenario":"tiny","description":"A tiny run.","seed":7,"start":2000,"end":2002,
      "version":"0.1.0","threads":2,"finished":"2024-01-01T00:00:00Z","wall_seconds":1.5,"world":"real","cities":3,
      "states":2,"protagonists":["BBB"],"command_line":"urbis run tiny.yaml --set economy.club_benefit=0.02 --seed 7",
      "overrides":{"coalitions.review_probability":0.5,"economy.club_benefit":0.02}})");
    write(dir / "global.csv",
          "year,cities,cooperation_index,network_share,active_networks,actions,mitigation,gini,mean_tension,mean_"
          "autonomy,salience_climate\n"
          "2000,3,0.123456789,0.5,2,10,4,0.3,0.1,0.5,0.2\n"
          "2001,3,0.2,0.6,3,12,5,0.31,0.12,0.5,0.4\n"
          "2002,3,0.25,0.7,3,14,6,0.32,0.15,0.5,0.4\n");
    write(dir / "states.csv",
          "year,iso3,name,gdp,population,populism,commitment,openness,partnership,in_paris,cities,member_cities,mean_"
          "tension,mean_autonomy,memberships_climate\n"
          "2000,AAA,Aland,5e12,1e8,0.2,0.8,0.5,0.5,1,2,1,0.1,0.5,1\n2000,BBB,\"Bee, Republic "
          "of\",1e12,1e7,0.3,0.7,0.5,0.5,1,1,1,0.2,0.5,1\n"
          "2001,AAA,Aland,5e12,1e8,0.2,0.8,0.5,0.5,1,2,1,0.1,0.5,1\n2001,BBB,\"Bee, Republic "
          "of\",1e12,1e7,0.55,0.5,0.5,0.5,0,1,1,0.4,0.5,1\n"
          "2002,AAA,Aland,5e12,1e8,0.2,0.8,0.5,0.5,1,2,2,0.1,0.5,2\n2002,BBB,\"Bee, Republic "
          "of\",1e12,1e7,0.3,0.7,0.5,0.5,1,1,1,0.2,0.5,1\n");
    // Small is a named network of the world data, Big one the model founded.
    write(dir / "networks.csv",
          "year,name,issue,named,active,members,engaged_gdp_share,power,recognition,actions,funding,fee\n"
          "2000,Big,climate,0,1,3,0.5,1,1,1,0,1\n2000,Small,peace,1,1,1,0.1,1,1,1,0,1\n"
          "2001,Big,climate,0,1,2,0.5,1,1,1,0,1\n2001,Small,peace,1,0,0,0,0,0,0,0,1\n"
          "2002,Big,climate,0,1,3,0.5,1,1,1,0,1\n");
    write(dir / "events.csv",
          "year,kind,subject,detail\n"
          "2000,join_union,AAA,eu (history)\n"
          "2001,shock,state:BBB,\"populism +0.25; BBB turns inward, for now\"\n"  // quoted whole, as written
          "2001,withdraw,BBB,paris; BBB leaves Paris\n"
          "2001,dissolved,Small,too few members\n"
          "2001,withdraw,AAA,paris (endogenous)\n"
          "2002,join,BBB,paris\n");
    write(dir / "cities.csv",
          "year,city,state,population,gdp,cooperation,memberships\n"
          "2000,\"Alpha, "
          "City\",AAA,1000000,2e10,0.5,1\n2000,Beta,AAA,500000,1e10,0.25,0\n2000,Gamma,BBB,300000,5e9,0.75,1\n"
          "2002,\"Alpha, "
          "City\",AAA,1100000,2.2e10,0.55,1\n2002,Beta,AAA,510000,1.1e10,0.3,1\n2002,Gamma,BBB,310000,6e9,0.8,1\n");
    write(dir / "places.csv",
          "city,state,lat,lon\n\"Alpha, City\",AAA,10.123,20.456\nBeta,AAA,-5,30\nGamma,BBB,40,-70\n");
    write(dir / "memberships.csv",
          "year,network,city,change\n2000,Big,\"Alpha, City\",1\n2000,Big,Gamma,1\n2000,Small,Gamma,1\n"
          "2001,Small,Gamma,-1\n2002,Big,Beta,1\n");
  }
  void TearDown() override { fs::remove_all(dir); }
};

}  // namespace

TEST(ReportCsv, ParsesQuotedFieldsAndCrlf) {
  const auto rows = csv_records("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "x, y");
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2].size(), 2u);
}

TEST(ReportData, RoundsToSignificantDigits) {
  EXPECT_DOUBLE_EQ(round_significant(0.123456789, 4), 0.1235);
  EXPECT_DOUBLE_EQ(round_significant(-987654.0, 2), -990000.0);
  EXPECT_DOUBLE_EQ(round_sig(0.123456789, 4), 0.1235);
  EXPECT_DOUBLE_EQ(round_sig(123456.0, 3), 123000.0);
  EXPECT_DOUBLE_EQ(round_sig(0.0, 3), 0.0);
}

TEST_F(ReportRunFolder, IsRecognisedAsARun) {
  EXPECT_EQ(folder_kind(dir.string()), FolderKind::run);
  EXPECT_EQ(folder_kind(fs::temp_directory_path().string() + "/no-such-folder"), FolderKind::unknown);
}

TEST_F(ReportRunFolder, HeaderYearsAndGlobalColumns) {
  const auto d = run_report_data(dir.string(), {});
  EXPECT_EQ(d["kind"], "run");
  EXPECT_EQ(d["meta"]["scenario"], "tiny");
  EXPECT_EQ(d["meta"]["seed"], 7);
  EXPECT_EQ(d["years"], nlohmann::json({2000, 2001, 2002}));
  for (const char* c : {"cooperation_index", "network_share", "active_networks", "actions", "mitigation", "gini",
                        "mean_tension", "mean_autonomy", "salience_climate"}) {
    ASSERT_TRUE(d["global"].contains(c)) << c;
    EXPECT_EQ(d["global"][c].size(), 3u) << c;
  }
  EXPECT_FALSE(d["global"].contains("year"));
  EXPECT_DOUBLE_EQ(d["global"]["cooperation_index"][0].get<double>(), 0.1235);
  EXPECT_EQ(d["meta"]["command_line"], "urbis run tiny.yaml --set economy.club_benefit=0.02 --seed 7");
  EXPECT_EQ(d["meta"]["world"], "real");
}

TEST_F(ReportRunFolder, OverridesSayWhereTheyWereSet) {
  const auto d = run_report_data(dir.string(), {});
  const auto& o = d["meta"]["overrides"];
  ASSERT_EQ(o.size(), 2u) << o.dump();
  EXPECT_EQ(o[0]["path"], "coalitions.review_probability");
  EXPECT_EQ(o[0]["from"], "scenario");
  EXPECT_EQ(o[1]["path"], "economy.club_benefit");
  EXPECT_EQ(o[1]["value"], 0.02);
  EXPECT_EQ(o[1]["from"], "--set");
}

// Axis labels come from the data dictionary: tension has no upper bound.
TEST_F(ReportRunFolder, ColumnsCarryTheirUnitsAndDeclaredRanges) {
  const auto d = run_report_data(dir.string(), {});
  const auto& g = d["columns"]["global"];
  EXPECT_EQ(g["mean_tension"]["range"], "≥ 0");
  EXPECT_TRUE(g["mean_tension"]["high"].is_null());
  EXPECT_EQ(g["cooperation_index"]["range"], "0 to 1");
  EXPECT_EQ(g["cooperation_index"]["high"], 1.0);
  EXPECT_EQ(g["salience_climate"]["unit"], "index");
  EXPECT_EQ(d["columns"]["states"]["memberships_climate"]["unit"], "memberships");
  EXPECT_EQ(d["columns"]["states"]["in_paris"]["range"], "0 or 1");
  EXPECT_EQ(d["columns"]["networks"]["members"]["unit"], "cities");
  EXPECT_EQ(d["columns"]["cities"]["gdp"]["unit"], "USD per year");
  EXPECT_FALSE(d["columns"]["cities"].contains("tension"));  // not in this cities.csv
}

TEST_F(ReportRunFolder, StatesCarryTheirNames) {
  const auto d = run_report_data(dir.string(), {});
  const auto& s = d["states"];
  const std::size_t bbb = s["iso3"][0] == "BBB" ? 0 : 1;
  EXPECT_EQ(s["names"][bbb], "Bee, Republic of");
  EXPECT_EQ(s["names"][1 - bbb], "Aland");
}

TEST_F(ReportRunFolder, CalibrationTargetsOnlyForTheRealWorld) {
  ReportOptions o;
  o.targets_file = std::string(URBIS_SOURCE_DIR) + "/configs/calibration/targets.yaml";
  EXPECT_EQ(run_report_data(dir.string(), o)["targets"]["network_count"].size(), 2u);
  std::string run;
  {
    std::ifstream in(dir / "run.json");
    run.assign(std::istreambuf_iterator<char>(in), {});
  }
  write(dir / "run.json", run.replace(run.find("\"real\""), 6, "\"synthetic\""));
  EXPECT_TRUE(run_report_data(dir.string(), o)["targets"]["network_count"].empty());
}

TEST_F(ReportRunFolder, EventsAreTheScenariosWithTheirLabels) {
  const auto d = run_report_data(dir.string(), {});
  const auto& e = d["events"];
  // history, endogenous and model events (dissolved) are left out
  ASSERT_EQ(e.size(), 3u) << e.dump();
  EXPECT_EQ(e[0]["year"], 2001);
  EXPECT_EQ(e[0]["kind"], "shock");
  EXPECT_EQ(e[0]["label"], "BBB turns inward, for now");
  EXPECT_EQ(e[1]["label"], "BBB leaves Paris");
  EXPECT_EQ(e[2]["label"], "join BBB: paris");  // no label: made from kind, subject, detail
}

TEST_F(ReportRunFolder, ProtagonistsFirstThenAskedForThenLargest) {
  ReportOptions o;
  const auto d = run_report_data(dir.string(), o);
  EXPECT_EQ(d["states"]["chosen"], nlohmann::json({"BBB", "AAA"}));
  const auto& s = d["states"];
  const std::size_t bbb = s["iso3"][0] == "BBB" ? 0 : 1;
  EXPECT_DOUBLE_EQ(s["series"]["commitment"][bbb][1].get<double>(), 0.5);
  EXPECT_EQ(s["series"]["in_paris"][bbb], nlohmann::json({1, 0, 1}));
  o.states = {"XXX"};
  EXPECT_THROW(run_report_data(dir.string(), o), InputError);
}

TEST_F(ReportRunFolder, NamedNetworksFirstThenLargestAndNullWhenInactive) {
  ReportOptions o;
  const auto d = run_report_data(dir.string(), o);
  const auto& n = d["networks"];
  ASSERT_EQ(n["list"].size(), 2u);
  EXPECT_EQ(n["total"], 2);
  EXPECT_EQ(n["list"][0]["name"], "Small");  // named: first, though smaller
  EXPECT_EQ(n["list"][0]["named"], true);
  EXPECT_EQ(n["list"][0]["members"], nlohmann::json({1, nullptr, nullptr}));
  EXPECT_EQ(n["list"][1]["name"], "Big");
  EXPECT_EQ(n["list"][1]["members"], nlohmann::json({3, 2, 3}));
  EXPECT_EQ(n["chosen"], nlohmann::json({"Small", "Big"}));
  o.top_networks = 1;
  EXPECT_EQ(run_report_data(dir.string(), o)["networks"]["chosen"], nlohmann::json({"Small"}));
  // Over the limit, the named ones stay and the picker says it was thinned.
  o.limits.networks = 1;
  const auto thin = run_report_data(dir.string(), o);
  ASSERT_EQ(thin["networks"]["list"].size(), 1u);
  EXPECT_EQ(thin["networks"]["list"][0]["name"], "Small");
  ASSERT_EQ(thin["thinned"].size(), 1u);
  EXPECT_NE(thin["thinned"][0].get<std::string>().find("1 of 2 networks"), std::string::npos) << thin["thinned"];
}

TEST_F(ReportRunFolder, CitiesYearMajorInTheOrderOfPlaces) {
  const auto d = run_report_data(dir.string(), {});
  const auto& c = d["cities"];
  EXPECT_EQ(c["names"], nlohmann::json({"Alpha, City", "Beta", "Gamma"}));
  EXPECT_EQ(c["years"], nlohmann::json({2000, 2002}));
  EXPECT_DOUBLE_EQ(c["lat"][0].get<double>(), 10.12);
  EXPECT_DOUBLE_EQ(c["values"]["gdp_bn"][1][0].get<double>(), 22.0);  // billions of USD
  EXPECT_DOUBLE_EQ(c["values"]["cooperation"][0][2].get<double>(), 0.75);
  EXPECT_FALSE(c["values"].contains("population_k"));  // only to size the dots when there is no GDP
  EXPECT_EQ(c["total"], 3);
  EXPECT_TRUE(d["thinned"].empty());
  EXPECT_TRUE(d["problems"].empty()) << d["problems"];
  // links: flat [year, city index, change]
  EXPECT_EQ(c["links"]["Big"], nlohmann::json({2000, 0, 1, 2000, 2, 1, 2002, 1, 1}));
  EXPECT_EQ(c["links"]["Small"], nlohmann::json({2000, 2, 1, 2001, 2, -1}));
}

// A run that did not write some city variables still gets its map, with a
// line that says what is missing (never a failure).
TEST_F(ReportRunFolder, MissingCityVariablesAreNotedNotFatal) {
  write(dir / "cities.csv",
        "year,city,state,population,memberships\n"
        "2000,\"Alpha, City\",AAA,1000000,1\n2000,Beta,AAA,500000,0\n2000,Gamma,BBB,300000,1\n");
  const auto d = run_report_data(dir.string(), {});
  const auto& c = d["cities"];
  EXPECT_DOUBLE_EQ(c["values"]["population_k"][0][1].get<double>(), 500.0);  // sizes the dots instead of GDP
  EXPECT_FALSE(c["values"].contains("gdp_bn"));
  EXPECT_FALSE(c["values"].contains("cooperation"));
  const std::string problems = d["problems"].dump();
  EXPECT_NE(problems.find("no gdp column"), std::string::npos) << problems;
  EXPECT_NE(problems.find("no cooperation column"), std::string::npos) << problems;
  EXPECT_EQ(problems.find("no memberships column"), std::string::npos) << problems;
  EXPECT_TRUE(report_blockers(d).empty());
}

// Over the limits, the map keeps the largest cities (by GDP in the last
// year) and then fewer years, and says so.
TEST_F(ReportRunFolder, LargeMapsAreThinnedToTheLimits) {
  ReportOptions o;
  o.limits.map_cities = 2;
  auto d = run_report_data(dir.string(), o);
  EXPECT_EQ(d["cities"]["names"], nlohmann::json({"Alpha, City", "Beta"}));  // 22 and 11 bn USD in 2002; Gamma 6
  EXPECT_EQ(d["cities"]["total"], 3);
  EXPECT_EQ(d["cities"]["values"]["gdp_bn"][0].size(), 2u);
  // Links among the cities shown only, by their new index.
  EXPECT_EQ(d["cities"]["links"]["Big"], nlohmann::json({2000, 0, 1, 2002, 1, 1}));
  ASSERT_EQ(d["thinned"].size(), 1u);
  EXPECT_NE(d["thinned"][0].get<std::string>().find("the 2 largest of 3 cities"), std::string::npos) << d["thinned"];

  o.limits.map_values = 2 * 3;  // 2 cities x 3 variables: one year's worth
  d = run_report_data(dir.string(), o);
  EXPECT_EQ(d["cities"]["years"], nlohmann::json({2000, 2002}));  // the first and always the last
  ASSERT_EQ(d["thinned"].size(), 2u);
  EXPECT_NE(d["thinned"][1].get<std::string>().find("one year in 2"), std::string::npos) << d["thinned"];
}

// Every subset of output.cities.variables gives a report: the map's data is
// that of the variables it draws (GDP, else population, for the dots'
// size; cooperation for their colour; memberships for the tooltips), with a
// line for each one missing, and never a failure. So the browser test of the
// 16 subsets of those four (tests/report/views_test.cjs) covers all 511.
TEST_F(ReportRunFolder, EverySubsetOfCityVariablesGivesTheMapOfItsDrawnVariables) {
  const std::vector<std::string> all = {"population", "gdp",     "gdp_pc",   "cooperation", "autonomy",
                                        "reputation", "tension", "openness", "memberships"};
  const std::vector<std::vector<std::string>> rows = {
      {"2000", "\"Alpha, City\"", "AAA", "1000000", "2e10", "20000", "0.5", "0.4", "0.1", "0", "0.6", "1"},
      {"2000", "Beta", "AAA", "500000", "1e10", "20000", "0.25", "0.4", "0", "0", "0.6", "0"},
      {"2000", "Gamma", "BBB", "300000", "5e9", "16666", "0.75", "0.4", "0.2", "0", "0.6", "1"},
      {"2002", "\"Alpha, City\"", "AAA", "1100000", "2.2e10", "20000", "0.55", "0.4", "0.1", "0", "0.6", "1"}};
  auto write_cities = [&](unsigned mask) {
    std::string text = "year,city,state";
    for (std::size_t v = 0; v < all.size(); ++v)
      if (mask & (1u << v)) text += "," + all[v];
    text += "\n";
    for (const auto& r : rows) {
      text += r[0] + "," + r[1] + "," + r[2];
      for (std::size_t v = 0; v < all.size(); ++v)
        if (mask & (1u << v)) text += "," + r[3 + v];
      text += "\n";
    }
    write(dir / "cities.csv", text);
  };
  const unsigned drawn = (1u << 0) | (1u << 1) | (1u << 3) | (1u << 8);  // population, gdp, cooperation, memberships
  std::map<unsigned, nlohmann::ordered_json> by_drawn;
  for (unsigned mask = 1; mask < (1u << all.size()); ++mask) {
    write_cities(mask);
    const auto d = run_report_data(dir.string(), {});
    ASSERT_TRUE(report_blockers(d).empty()) << mask;
    const auto& values = d["cities"]["values"];
    EXPECT_EQ(values.contains("gdp_bn"), (mask & 2u) != 0) << mask;
    EXPECT_EQ(values.contains("population_k"), (mask & 3u) == 1u) << mask;  // population only without gdp
    EXPECT_EQ(values.contains("cooperation"), (mask & 8u) != 0) << mask;
    EXPECT_EQ(values.contains("memberships"), (mask & 256u) != 0) << mask;
    const std::size_t missing = !(mask & 2u) + !(mask & 8u) + !(mask & 256u);
    EXPECT_EQ(d["problems"].size(), missing) << mask << ": " << d["problems"];
    const nlohmann::ordered_json part = {
        {"cities", d["cities"]}, {"columns", d["columns"]["cities"]}, {"problems", d["problems"]}};
    const auto [it, fresh] = by_drawn.emplace(mask & drawn, part);
    if (!fresh) {
      EXPECT_EQ(it->second, part) << "variables " << mask << " and " << it->first << " draw the same map";
    }
  }
  EXPECT_EQ(by_drawn.size(), 16u);  // the subsets of the four drawn, the empty one (tension alone, say) included
}

TEST_F(ReportRunFolder, ARowWithoutAYearIsAnInputErrorNamingTheFile) {
  write(dir / "cities.csv", "year,city,state,gdp\n2000,Beta,AAA,1e10\n,Gamma,BBB,5e9\n");
  try {
    run_report_data(dir.string(), {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cities.csv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("year"), std::string::npos) << e.what();
  }
}

TEST_F(ReportRunFolder, AReportOfNoYearIsRefused) {
  EXPECT_TRUE(report_blockers(run_report_data(dir.string(), {})).empty());
  write(dir / "global.csv", "year,cities,cooperation_index\n");
  const auto blockers = report_blockers(run_report_data(dir.string(), {}));
  ASSERT_EQ(blockers.size(), 1u);
  EXPECT_NE(blockers[0].find("no rows"), std::string::npos);
}

TEST_F(ReportRunFolder, NoMapWithoutPlaces) {
  fs::remove(dir / "places.csv");
  const auto d = run_report_data(dir.string(), {});
  EXPECT_TRUE(d["cities"].is_null());
  EXPECT_EQ(d["problems"].size(), 1u);
}

TEST_F(ReportRunFolder, MissingColumnIsAnInputErrorNamingTheFile) {
  write(dir / "events.csv", "year,kind,detail\n");
  try {
    run_report_data(dir.string(), {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("events.csv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("subject"), std::string::npos) << e.what();
  }
}

TEST(ReportData, TargetsOfTheProject) {
  const auto t = read_targets(std::string(URBIS_SOURCE_DIR) + "/configs/calibration/targets.yaml");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0]["year"], 1985);
  EXPECT_EQ(t[0]["value"], 60);
  EXPECT_EQ(t[1]["low"], 250);
  EXPECT_EQ(t[1]["high"], 300);
  EXPECT_TRUE(read_targets("").empty());
}

TEST_F(ReportRunFolder, HtmlIsSelfContainedAndCannotBeBrokenByData) {
  auto d = run_report_data(dir.string(), {});
  d["meta"]["description"] = "</script><script>alert(1)</script>";
  const std::string html = report_html(d);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);  // nothing fetched
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_NE(html.find("id=\"urbis-data\""), std::string::npos);
  if (built_with_web()) {
    EXPECT_GT(report_script().size(), 100'000u);  // the bundled charting library
    EXPECT_GT(report_style().size(), 100u);
  } else {  // -DURBIS_WITH_WEB=OFF: nothing embedded, and urbis report refuses to run
    EXPECT_EQ(report_script().size(), 0u);
    EXPECT_EQ(report_style().size(), 0u);
  }
}

TEST(ReportSweep, RunsTrajectoriesAndIndices) {
  const fs::path dir = fs::temp_directory_path() / "urbis_report_test_sweep";
  fs::remove_all(dir);
  fs::create_directories(dir);
  write(dir / "runs.csv",
        "run_id,point,replicate,seed,economy.club_benefit,status,wall_seconds,coop_final,error,command\n"
        "0,0,0,11,0.01,ok,0.1,0.5,,urbis run x\n1,0,1,12,0.01,ok,0.1,0.6,,urbis run x\n"
        "2,1,0,13,0.02,failed,0.1,,\"bad, very\",urbis run x\n3,1,1,14,0.02,ok,0.1,0.7,,urbis run x\n");
  write(dir / "sweep.json", R"({"name":"tiny_sweep","design":"grid","replicates":2,"seed":3,
    "parameters":[{"path":"economy.club_benefit","scale":"log","min":0.01,"max":0.02}]})");
  for (const char* id : {"0", "1"}) {
    fs::create_directories(dir / "runs" / id);
    write(dir / "runs" / id / "global.csv",
          std::string("year,cooperation_index\n2000,0.1\n2001,") + (id[0] == '0' ? "0.2" : "0.4") + "\n");
  }
  write(dir / "morris.csv",
        "metric,parameter,mu,mu_star,sigma,mu_star_low,mu_star_high,effects\ncoop_final,economy.club_benefit,1,2,3,1.5,"
        "2.5,4\n");
  write(dir / "summary.csv", "point,economy.club_benefit,metric,n\n0,0.01,coop_final,2\n");  // not indices: skipped
  ASSERT_EQ(folder_kind(dir.string()), FolderKind::sweep);
  const auto d = sweep_report_data(dir.string(), {});
  EXPECT_EQ(d["kind"], "sweep");
  EXPECT_EQ(d["meta"]["sweep"], "tiny_sweep");
  EXPECT_EQ(d["meta"]["failed"], 1);
  EXPECT_EQ(d["parameters"], nlohmann::json({"economy.club_benefit"}));
  EXPECT_EQ(d["metrics"], nlohmann::json({"coop_final"}));
  EXPECT_EQ(d["runs"]["values"]["coop_final"], nlohmann::json({0.5, 0.6, 0.7}));  // ok runs only
  // Points are named by their values; a log-scaled parameter says so.
  EXPECT_EQ(d["point_values"]["0"]["economy.club_benefit"], 0.01);
  EXPECT_EQ(d["point_values"]["1"]["economy.club_benefit"], 0.02);  // a failed run still names its point
  EXPECT_EQ(d["scales"]["economy.club_benefit"], "log");
  EXPECT_EQ(d["columns"]["global"]["cooperation_index"]["range"], "0 to 1");
  const auto& fans = d["fans"];
  EXPECT_EQ(fans["years"], nlohmann::json({2000, 2001}));
  ASSERT_EQ(fans["points"].size(), 1u);  // point 1 has no trajectories
  EXPECT_DOUBLE_EQ(fans["points"][0]["metrics"]["cooperation_index"]["q50"][1].get<double>(), 0.3);
  ASSERT_EQ(d["indices"].size(), 1u);
  EXPECT_EQ(d["indices"][0]["method"], "morris");
  EXPECT_EQ(d["indices"][0]["rows"][0]["mu_star_ci"], nlohmann::json({1.5, 2.5}));
  fs::remove_all(dir);
}
