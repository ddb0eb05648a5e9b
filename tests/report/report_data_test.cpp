// The data `urbis report` embeds: built from a small hand-written run folder,
// then checked column by column (years, global series, events and their
// labels, states, networks, the map's cities and links), and the HTML page
// that carries it.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "sim/core/input_error.hpp"
#include "sim/report/csv_table.hpp"
#include "sim/report/report_data.hpp"
#include "sim/report/report_html.hpp"

namespace fs = std::filesystem;
using namespace urbis;

namespace {

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

class ReportRunFolder : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    dir = fs::temp_directory_path() / ("urbis_report_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    write(dir / "run.json", R"({"scenario":"tiny","description":"A tiny run.","seed":7,"start":2000,"end":2002,
      "version":"0.1.0","threads":2,"finished":"2024-01-01T00:00:00Z","wall_seconds":1.5,"cities":3,"states":2,
      "protagonists":["BBB"]})");
    write(dir / "global.csv",
          "year,cities,cooperation_index,network_share,active_networks,actions,mitigation,gini,mean_tension,mean_autonomy,salience_climate\n"
          "2000,3,0.123456789,0.5,2,10,4,0.3,0.1,0.5,0.2\n"
          "2001,3,0.2,0.6,3,12,5,0.31,0.12,0.5,0.4\n"
          "2002,3,0.25,0.7,3,14,6,0.32,0.15,0.5,0.4\n");
    write(dir / "states.csv",
          "year,iso3,gdp,population,populism,commitment,openness,partnership,in_paris,cities,member_cities,mean_tension,mean_autonomy,memberships_climate\n"
          "2000,AAA,5e12,1e8,0.2,0.8,0.5,0.5,1,2,1,0.1,0.5,1\n2000,BBB,1e12,1e7,0.3,0.7,0.5,0.5,1,1,1,0.2,0.5,1\n"
          "2001,AAA,5e12,1e8,0.2,0.8,0.5,0.5,1,2,1,0.1,0.5,1\n2001,BBB,1e12,1e7,0.55,0.5,0.5,0.5,0,1,1,0.4,0.5,1\n"
          "2002,AAA,5e12,1e8,0.2,0.8,0.5,0.5,1,2,2,0.1,0.5,2\n2002,BBB,1e12,1e7,0.3,0.7,0.5,0.5,1,1,1,0.2,0.5,1\n");
    write(dir / "networks.csv",
          "year,name,issue,active,members,engaged_gdp_share,power,recognition,actions,funding,fee\n"
          "2000,Big,climate,1,3,0.5,1,1,1,0,1\n2000,Small,peace,1,1,0.1,1,1,1,0,1\n"
          "2001,Big,climate,1,2,0.5,1,1,1,0,1\n2001,Small,peace,0,0,0,0,0,0,0,1\n"
          "2002,Big,climate,1,3,0.5,1,1,1,0,1\n");
    write(dir / "events.csv",
          "year,kind,subject,detail\n"
          "2000,join_union,AAA,eu (history)\n"
          "2001,shock,state:BBB,populism +0.25; \"BBB turns inward, for now\"\n"
          "2001,withdraw,BBB,paris; BBB leaves Paris\n"
          "2001,dissolved,Small,too few members\n"
          "2001,withdraw,AAA,paris (endogenous)\n"
          "2002,join,BBB,paris\n");
    write(dir / "cities.csv",
          "year,city,state,population,gdp,cooperation,memberships\n"
          "2000,\"Alpha, City\",AAA,1000000,2e10,0.5,1\n2000,Beta,AAA,500000,1e10,0.25,0\n2000,Gamma,BBB,300000,5e9,0.75,1\n"
          "2002,\"Alpha, City\",AAA,1100000,2.2e10,0.55,1\n2002,Beta,AAA,510000,1.1e10,0.3,1\n2002,Gamma,BBB,310000,6e9,0.8,1\n");
    write(dir / "places.csv", "city,state,lat,lon\n\"Alpha, City\",AAA,10.123,20.456\nBeta,AAA,-5,30\nGamma,BBB,40,-70\n");
    write(dir / "memberships.csv",
          "year,network,city,change\n2000,Big,\"Alpha, City\",1\n2000,Big,Gamma,1\n2000,Small,Gamma,1\n"
          "2001,Small,Gamma,-1\n2002,Big,Beta,1\n");
  }
  void TearDown() override { fs::remove_all(dir); }
};

}  // namespace

TEST(ReportCsv, ParsesQuotedFieldsAndCrlf) {
  const auto rows = split_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "x, y");
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2].size(), 2u);
}

TEST(ReportData, RoundsToSignificantDigits) {
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

TEST_F(ReportRunFolder, NetworksLargestFirstAndNullWhenInactive) {
  const auto d = run_report_data(dir.string(), {});
  const auto& n = d["networks"];
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0]["name"], "Big");
  EXPECT_EQ(n[0]["members"], nlohmann::json({3, 2, 3}));
  EXPECT_EQ(n[1]["members"], nlohmann::json({1, nullptr, nullptr}));
}

TEST_F(ReportRunFolder, CitiesYearMajorInTheOrderOfPlaces) {
  const auto d = run_report_data(dir.string(), {});
  const auto& c = d["cities"];
  EXPECT_EQ(c["names"], nlohmann::json({"Alpha, City", "Beta", "Gamma"}));
  EXPECT_EQ(c["years"], nlohmann::json({2000, 2002}));
  EXPECT_DOUBLE_EQ(c["lat"][0].get<double>(), 10.12);
  EXPECT_DOUBLE_EQ(c["values"]["gdp_bn"][1][0].get<double>(), 22.0);  // billions of USD
  EXPECT_DOUBLE_EQ(c["values"]["cooperation"][0][2].get<double>(), 0.75);
  EXPECT_FALSE(c["values"].contains("tension"));  // not in this cities.csv
  // links: flat [year, city index, change]
  EXPECT_EQ(c["links"]["Big"], nlohmann::json({2000, 0, 1, 2000, 2, 1, 2002, 1, 1}));
  EXPECT_EQ(c["links"]["Small"], nlohmann::json({2000, 2, 1, 2001, 2, -1}));
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
  EXPECT_GT(report_script().size(), 100'000u);  // the bundled charting library
  EXPECT_GT(report_style().size(), 100u);
}

TEST(ReportSweep, RunsTrajectoriesAndIndices) {
  const fs::path dir = fs::temp_directory_path() / "urbis_report_test_sweep";
  fs::remove_all(dir);
  fs::create_directories(dir);
  write(dir / "runs.csv",
        "run_id,point,replicate,seed,economy.club_benefit,status,wall_seconds,coop_final,error,command\n"
        "0,0,0,11,0.01,ok,0.1,0.5,,urbis run x\n1,0,1,12,0.01,ok,0.1,0.6,,urbis run x\n"
        "2,1,0,13,0.02,failed,0.1,,\"bad, very\",urbis run x\n3,1,1,14,0.02,ok,0.1,0.7,,urbis run x\n");
  write(dir / "sweep.json", R"({"name":"tiny_sweep","design":"grid","replicates":2,"seed":3})");
  for (const char* id : {"0", "1"}) {
    fs::create_directories(dir / "runs" / id);
    write(dir / "runs" / id / "global.csv",
          std::string("year,cooperation_index\n2000,0.1\n2001,") + (id[0] == '0' ? "0.2" : "0.4") + "\n");
  }
  write(dir / "morris.csv",
        "metric,parameter,mu,mu_star,sigma,mu_star_low,mu_star_high,effects\ncoop_final,economy.club_benefit,1,2,3,1.5,2.5,4\n");
  write(dir / "summary.csv", "point,economy.club_benefit,metric,n\n0,0.01,coop_final,2\n");  // not indices: skipped
  ASSERT_EQ(folder_kind(dir.string()), FolderKind::sweep);
  const auto d = sweep_report_data(dir.string(), {});
  EXPECT_EQ(d["kind"], "sweep");
  EXPECT_EQ(d["meta"]["sweep"], "tiny_sweep");
  EXPECT_EQ(d["meta"]["failed"], 1);
  EXPECT_EQ(d["parameters"], nlohmann::json({"economy.club_benefit"}));
  EXPECT_EQ(d["metrics"], nlohmann::json({"coop_final"}));
  EXPECT_EQ(d["runs"]["values"]["coop_final"], nlohmann::json({0.5, 0.6, 0.7}));  // ok runs only
  const auto& fans = d["fans"];
  EXPECT_EQ(fans["years"], nlohmann::json({2000, 2001}));
  ASSERT_EQ(fans["points"].size(), 1u);  // point 1 has no trajectories
  EXPECT_DOUBLE_EQ(fans["points"][0]["metrics"]["cooperation_index"]["q50"][1].get<double>(), 0.3);
  ASSERT_EQ(d["indices"].size(), 1u);
  EXPECT_EQ(d["indices"][0]["method"], "morris");
  EXPECT_EQ(d["indices"][0]["rows"][0]["mu_star_ci"], nlohmann::json({1.5, 2.5}));
  fs::remove_all(dir);
}
