// The real world from configs/world: numbers checked against the data files.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "sim/core/csv_reader.hpp"
#include "sim/world/real_world.hpp"
#include "world_test_support.hpp"

namespace urbis {
namespace {

const WorldData& world_at(int year) {
  static std::map<int, WorldData> cache;
  auto it = cache.find(year);
  if (it == cache.end()) {
    RealWorldSpec spec;
    spec.directory = test::world_dir().string();
    it = cache.emplace(year, load_real_world(spec, year)).first;
  }
  return it->second;
}

int city_index(const World& w, const std::string& name) {
  const auto it = std::find(w.cities.name.begin(), w.cities.name.end(), name);
  return it == w.cities.name.end() ? -1 : static_cast<int>(it - w.cities.name.begin());
}
int state_index(const World& w, const std::string& iso3) {
  const auto it = std::find(w.states.iso3.begin(), w.states.iso3.end(), iso3);
  return it == w.states.iso3.end() ? -1 : static_cast<int>(it - w.states.iso3.begin());
}
const WorldData& d_of(int year) { return world_at(year); }
const NetworkSeed* network(const WorldData& d, const std::string& name) {
  for (const auto& n : d.networks)
    if (n.name == name) return &n;
  return nullptr;
}
int count_problems(const WorldData& d, const std::string& a, const std::string& b = "") {
  return static_cast<int>(std::count_if(d.problems.begin(), d.problems.end(), [&](const std::string& p) {
    return p.find(a) != std::string::npos && (b.empty() || p.find(b) != std::string::npos);
  }));
}

TEST(RealWorld, InterpolatesKabulBetweenFiveYearColumns) {
  // Kabul: 3,724 thousand in 2015 and 4,222 thousand in 2020 (UN file, line 3).
  const World& w = world_at(2017).world;
  const int i = city_index(w, "Kabul");
  ASSERT_GE(i, 0);
  EXPECT_NEAR(w.cities.population[i], (3724.0 + (4222.0 - 3724.0) * 2.0 / 5.0) * 1000.0, 1e-6);
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(w.cities.state[i])], "AFG");
}

TEST(RealWorld, CityPathsFollowTheUnSeriesAndFadeAfterIt) {
  // Kabul: 3,724 thousand in 2015, 4,222 in 2020, 5,737 in 2030, 6,761 in
  // 2035; after 2035 the 2030-2035 rate goes on, fading by half every 30 years.
  const World& w = world_at(2015).world;
  const int i = city_index(w, "Kabul");
  ASSERT_GE(i, 0);
  const Anchors& a = *w.anchors;
  EXPECT_DOUBLE_EQ(a.city_population_at(static_cast<std::size_t>(i), 2015), 3724e3);
  EXPECT_NEAR(a.city_population_at(static_cast<std::size_t>(i), 2017), (3724.0 + (4222.0 - 3724.0) * 2.0 / 5.0) * 1e3, 1e-6);
  EXPECT_DOUBLE_EQ(a.city_population_at(static_cast<std::size_t>(i), 2035), 6761e3);
  const double rate = std::pow(6761.0 / 5737.0, 0.2) - 1;
  double v = 6761e3;
  for (int y = 2036; y <= 2040; ++y) v *= 1 + rate * std::exp2(-(y - 2035) / 30.0);
  EXPECT_NEAR(a.city_population_at(static_cast<std::size_t>(i), 2040), v, 1e-3);
  EXPECT_LT(a.city_population_at(static_cast<std::size_t>(i), 2040), 6761e3 * std::pow(1 + rate, 5));
  // The same path whatever the start year of the world.
  const World& later = world_at(2040).world;
  EXPECT_NEAR(later.anchors->city_population_at(static_cast<std::size_t>(city_index(later, "Kabul")), 2040), v, 1e-3);
}

TEST(RealWorld, SeventySixMillionCitiesIn1950) {
  // Data README: 76 agglomerations had a million or more in 1950, and the
  // 100 largest averaged about 2.0 million.
  const World& w = world_at(1950).world;
  std::vector<double> p(w.cities.population.begin(), w.cities.population.end());
  EXPECT_EQ(std::count_if(p.begin(), p.end(), [](double x) { return x >= 1e6; }), 76);
  std::sort(p.rbegin(), p.rend());
  double top = 0;
  for (int k = 0; k < 100; ++k) top += p[static_cast<std::size_t>(k)];
  EXPECT_NEAR(top / 100, 2.0e6, 0.1e6);
}

TEST(RealWorld, NewYorkNewarkInTheUnitedStates) {
  const World& w = world_at(2015).world;
  const int i = city_index(w, "New York-Newark");
  ASSERT_GE(i, 0);
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(w.cities.state[i])], "USA");
  EXPECT_DOUBLE_EQ(w.cities.population[i], 18648e3);  // the 2015 column
  EXPECT_NEAR(w.cities.lat[i], 40.717, 1e-9);
  EXPECT_NEAR(w.cities.lon[i], -74.0037, 1e-9);
  const int us = w.cities.state[i];
  EXPECT_EQ(w.cities.region[i], w.states.region[us]);
  EXPECT_EQ(w.region_names[static_cast<std::size_t>(w.cities.region[i])], "Americas");
}

TEST(RealWorld, NationalPathsAreTheWorldBanksSeries) {
  const World& w = world_at(1985).world;
  const Anchors& a = *w.anchors;
  const auto us = static_cast<std::size_t>(state_index(w, "USA"));
  // World Bank: US population 320.7 million and GDP 18.2 trillion USD in 2015.
  EXPECT_NEAR(a.national_population_at(us, 2015), 320.7e6, 1.5e6);
  EXPECT_NEAR(a.national_gdp_at(us, 2015), 18.2e12, 0.4e12);
  // The start year's values, for readers of the loaded world.
  EXPECT_EQ(w.states.gdp[static_cast<Eigen::Index>(us)], a.national_gdp_at(us, 1985));
  // After the last year: GDP per capita grows at the mean of its own and the
  // world's rates over the last ten years, within [0, 5%]; population fades.
  const double g23 = a.national_gdp_at(us, 2023) / a.national_population_at(us, 2023);
  const double g35 = a.national_gdp_at(us, 2035) / a.national_population_at(us, 2035);
  EXPECT_GE(g35, g23);
  EXPECT_LE(g35, g23 * std::pow(1.05, 12) * (1 + 1e-12));
  // Every state has positive paths every year; the world's GDP is above the
  // sum of its states' (which leave out states without a UN agglomeration).
  for (int year : {1950, 1985, 2018, 2035, 2100}) {
    double states = 0;
    for (std::size_t j = 0; j < w.states.size(); ++j) {
      EXPECT_GT(a.national_population_at(j, year), 0) << w.states.iso3[j] << " " << year;
      EXPECT_GT(a.national_gdp_at(j, year), 0) << w.states.iso3[j] << " " << year;
      states += a.national_gdp_at(j, year);
    }
    if (year >= 1960 && year <= 2023) {
      EXPECT_LT(states, a.world_gdp_at(year) * 1.02) << year;
    }
  }
}

TEST(RealWorld, ASeriesThatStartsLateFollowsTheWorldBackward) {
  // Taiwan has no World Bank series: Natural Earth's 2019 estimate, carried
  // back along the world's GDP per capita. In 1985 it is then nowhere near
  // the third economy of the world (its 2019 GDP used in 1985 made it so),
  // and China, the United States and Japan are far larger.
  const World& w = world_at(1985).world;
  const Anchors& a = *w.anchors;
  const auto tw = static_cast<std::size_t>(state_index(w, "TWN"));
  EXPECT_LT(a.national_gdp_at(tw, 1985), a.national_gdp_at(tw, 2019) / 3);
  std::vector<std::pair<double, std::string>> gdp;
  for (std::size_t j = 0; j < w.states.size(); ++j) gdp.emplace_back(-a.national_gdp_at(j, 1985), w.states.iso3[j]);
  std::sort(gdp.begin(), gdp.end());
  std::vector<std::string> top;
  for (int k = 0; k < 10; ++k) top.push_back(gdp[static_cast<std::size_t>(k)].second);
  EXPECT_EQ(top[0], "USA");
  EXPECT_EQ(top[1], "JPN");
  EXPECT_NE(std::find(top.begin(), top.end(), "CHN"), top.end());
  EXPECT_EQ(std::find(top.begin(), top.begin() + 5, "TWN"), top.begin() + 5);
  EXPECT_GE(count_problems(d_of(1985), "no World Bank series for TWN"), 1);
  // Russia's World Bank series starts in 1988-1989: earlier years follow the world's.
  EXPECT_GE(count_problems(d_of(1985), "starts after 1985", "RUS"), 1);
}

TEST(RealWorld, StatesAndTheirData) {
  const World& w = world_at(2015).world;
  const States& s = w.states;
  EXPECT_GT(s.size(), 150u);
  EXPECT_TRUE(std::is_sorted(s.iso3.begin(), s.iso3.end()));
  EXPECT_EQ(std::set<std::string>(s.iso3.begin(), s.iso3.end()).size(), s.size());
  // Rows with iso_a3 = -99 (France, Norway) and territories with their own
  // rows (Hong Kong, Macao, Taiwan) are matched.
  for (const char* iso3 : {"FRA", "NOR", "HKG", "MAC", "TWN", "PRI", "USA", "CHN", "GBR"})
    EXPECT_GE(state_index(w, iso3), 0) << iso3;
  EXPECT_EQ(w.region_names, (std::vector<std::string>{"Africa", "Americas", "Asia", "Europe", "Oceania"}));
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    EXPECT_GT(s.population[jj], 0) << s.iso3[j];
    EXPECT_GT(s.gdp[jj], 0) << s.iso3[j];
    EXPECT_EQ(s.growth[jj], 0) << s.iso3[j];  // no scenario adjustment
    EXPECT_EQ(s.urban_growth[jj], 0) << s.iso3[j];
    EXPECT_EQ(s.commitment[jj], 0);
  }
  // Traits: from state_traits.yaml where listed; unknown (the model's
  // defaults at initialisation) otherwise. The loader reads no parameter.
  const int us = state_index(w, "USA");
  EXPECT_DOUBLE_EQ(s.populism[us], 0.35);
  EXPECT_DOUBLE_EQ(s.centralisation[us], 0.3);
  EXPECT_DOUBLE_EQ(s.openness[us], 0.7);
  EXPECT_TRUE(std::isnan(s.tax_share[us]));
  const int cn = state_index(w, "CHN");
  EXPECT_DOUBLE_EQ(s.centralisation[cn], 0.9);
  const int af = state_index(w, "AFG");
  EXPECT_TRUE(std::isnan(s.populism[af]));
  EXPECT_TRUE(std::isnan(s.openness[af]));
}

TEST(RealWorld, IndexOfCitiesByState) {
  const World& w = world_at(2015).world;
  ASSERT_EQ(w.state_offsets.size(), w.states.size() + 1);
  EXPECT_EQ(static_cast<std::size_t>(w.state_offsets.back()), w.cities.size());
  for (std::size_t j = 0; j < w.states.size(); ++j) {
    EXPECT_GT(w.state_offsets[j + 1], w.state_offsets[j]) << w.states.iso3[j] << " has no city";
    for (auto k = w.state_offsets[j]; k < w.state_offsets[j + 1]; ++k)
      EXPECT_EQ(w.cities.state[w.state_cities[static_cast<std::size_t>(k)]], static_cast<int>(j));
  }
  EXPECT_EQ(w.members.cities(), 0u);  // memberships are the engine's
}

TEST(RealWorld, CityNamesAreUnique) {
  const WorldData& d = world_at(2015);
  const World& w = d.world;
  EXPECT_EQ(std::set<std::string>(w.cities.name.begin(), w.cities.name.end()).size(), w.cities.size());
  // The larger of two Londons keeps the name.
  const int london = city_index(w, "London");
  ASSERT_GE(london, 0);
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(w.cities.state[london])], "GBR");
  EXPECT_GE(city_index(w, "London (CAN)"), 0);
  EXPECT_GE(city_index(w, "Hyderabad (PAK)"), 0);
  EXPECT_EQ(count_problems(d, "duplicate agglomeration name 'London'"), 1);
}

TEST(RealWorld, C40MembersAllMatchedOrReported) {
  const WorldData& d = world_at(2015);
  const World& w = d.world;
  const NetworkSeed* c40 = network(d, "C40");
  ASSERT_NE(c40, nullptr);
  const int rows = static_cast<int>(read_csv((test::world_dir() / "c40-members.csv").string()).rows.size());
  EXPECT_EQ(rows, 97);
  const int merged = count_problems(d, "C40: ", "counted once");
  const int left_out = count_problems(d, "C40: ", "left out");
  const int added = count_problems(d, "C40: ", "added from Natural Earth");
  EXPECT_EQ(static_cast<int>(c40->members.size()) + merged + left_out, rows);
  EXPECT_EQ(left_out, 0);
  EXPECT_GE(added, 1);  // Heidelberg is below the UN threshold
  EXPECT_EQ(std::set<int>(c40->members.begin(), c40->members.end()).size(), c40->members.size());
  std::set<std::string> names;
  for (int i : c40->members) names.insert(w.cities.name[static_cast<std::size_t>(i)]);
  for (const char* n : {"New York-Newark", "Washington, D.C.", "London", "Tokyo", "Heidelberg", "Pretoria",
                        "Ekurhuleni", "Hong Kong", "São Paulo", "Krung Thep (Bangkok)"})
    EXPECT_TRUE(names.count(n)) << n;
  const int hd = city_index(w, "Heidelberg");
  ASSERT_GE(hd, 0);
  const int de = w.cities.state[hd];
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(de)], "DEU");
  // Not a UN agglomeration: its populated place's population in 2015, with
  // its nation's growth.
  const Anchors& a = *w.anchors;
  EXPECT_DOUBLE_EQ(a.city_population_at(static_cast<std::size_t>(hd), 2015), w.cities.population[hd]);
  EXPECT_NEAR(a.city_population_at(static_cast<std::size_t>(hd), 2000) / w.cities.population[hd],
              a.national_population_at(static_cast<std::size_t>(de), 2000) / a.national_population_at(static_cast<std::size_t>(de), 2015), 1e-12);
  EXPECT_EQ(c40->founding_members, 18);
  EXPECT_EQ(c40->invitations_per_year, 6);
  // C40 is a club by invitation: its named members may belong whatever their size.
  EXPECT_TRUE(c40->invitation);
  EXPECT_EQ(c40->min_population, 0.0);
  EXPECT_EQ(c40->issue, Issue::climate);
  EXPECT_EQ(c40->founded, 2005);
}

TEST(RealWorld, ReportsTheChannelIslands) {
  const WorldData& d = world_at(2015);
  EXPECT_GE(count_problems(d, "Channel Islands"), 1);
}

TEST(RealWorld, NamedNetworks) {
  const WorldData& d = world_at(2015);
  const World& w = d.world;
  EXPECT_EQ(d.networks.size(), 17u);
  EXPECT_TRUE(std::is_sorted(d.networks.begin(), d.networks.end(),
                             [](const NetworkSeed& a, const NetworkSeed& b) { return a.founded < b.founded; }));
  const NetworkSeed* rc = network(d, "100 Resilient Cities");
  ASSERT_NE(rc, nullptr);
  EXPECT_TRUE(rc->sponsored);
  EXPECT_EQ(rc->funding, 15e6);
  EXPECT_EQ(rc->funding_until, 2019);
  EXPECT_EQ(rc->ended, 2019);
  EXPECT_EQ(rc->issue, Issue::resilience);

  const NetworkSeed* euro = network(d, "Eurocities");
  ASSERT_NE(euro, nullptr);
  EXPECT_EQ(euro->scope.kind, ScopeKind::region);
  EXPECT_EQ(w.region_names[static_cast<std::size_t>(euro->scope.index)], "Europe");

  const NetworkSeed* ubc = network(d, "Union of the Baltic Cities");
  ASSERT_NE(ubc, nullptr);
  ASSERT_EQ(ubc->scope.kind, ScopeKind::states);
  ASSERT_EQ(ubc->scope.states.size(), w.states.size());
  EXPECT_EQ(ubc->scope.states[static_cast<std::size_t>(state_index(w, "DEU"))], 1);
  EXPECT_EQ(ubc->scope.states[static_cast<std::size_t>(state_index(w, "LTU"))], 1);
  EXPECT_EQ(ubc->scope.states[static_cast<std::size_t>(state_index(w, "FRA"))], 0);
  EXPECT_EQ(std::count(ubc->scope.states.begin(), ubc->scope.states.end(), 1), 10);

  const NetworkSeed* sci = network(d, "Sister Cities International");
  ASSERT_NE(sci, nullptr);
  EXPECT_EQ(sci->scope.kind, ScopeKind::global);
  EXPECT_TRUE(sci->members.empty());
}

TEST(RealWorld, AgreementsAtTheStartAndLater) {
  {
    const WorldData& d = world_at(2015);
    const World& w = d.world;
    const int paris = w.agreement_index("paris"), eu = w.agreement_index("eu");
    ASSERT_GE(paris, 0);
    ASSERT_GE(eu, 0);
    EXPECT_FALSE(w.agreements[static_cast<std::size_t>(paris)].is_union);
    EXPECT_TRUE(w.agreements[static_cast<std::size_t>(eu)].is_union);
    EXPECT_EQ(w.agreements[static_cast<std::size_t>(eu)].issue, Issue::economy);
    ASSERT_EQ(w.states.in_agreement.size(), w.agreements.size());
    const auto& in_paris = w.states.in_agreement[static_cast<std::size_t>(paris)];
    EXPECT_EQ(std::count(in_paris.begin(), in_paris.end(), 1), static_cast<long>(w.states.size()));
    const auto& in_eu = w.states.in_agreement[static_cast<std::size_t>(eu)];
    for (const char* iso3 : {"GBR", "DEU", "HRV", "POL", "FRA"})
      EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, iso3))], 1) << iso3;
    for (const char* iso3 : {"USA", "NOR", "CHE", "TUR"})
      EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, iso3))], 0) << iso3;
    EXPECT_TRUE(d.agreement_changes.empty());
    EXPECT_GE(count_problems(d, "agreements.yaml: eu:", "LUX"), 1);
  }
  {
    const WorldData& d = world_at(2000);
    const World& w = d.world;
    const int eu = w.agreement_index("eu");
    const auto& in_eu = w.states.in_agreement[static_cast<std::size_t>(eu)];
    EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, "GBR"))], 1);
    EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, "POL"))], 0);
    EXPECT_TRUE(std::is_sorted(d.agreement_changes.begin(), d.agreement_changes.end(),
                               [](const AgreementChange& a, const AgreementChange& b) { return a.year < b.year; }));
    std::map<std::string, int> year_of;
    for (const auto& c : d.agreement_changes) {
      EXPECT_TRUE(c.joins);
      EXPECT_EQ(c.agreement, eu);
      year_of[w.states.iso3[static_cast<std::size_t>(c.state)]] = c.year;
    }
    EXPECT_EQ(year_of["POL"], 2004);
    EXPECT_EQ(year_of["ROU"], 2007);
    EXPECT_EQ(year_of["HRV"], 2013);
    EXPECT_EQ(year_of.count("GBR"), 0u);
  }
}

}  // namespace
}  // namespace urbis
