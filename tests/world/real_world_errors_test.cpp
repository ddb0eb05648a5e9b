// Malformed world files give InputError with the file, the line and (for
// YAML) the column; each test copies configs/world to a scratch folder and
// spoils one file.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "sim/core/input_error.hpp"
#include "sim/world/real_world.hpp"
#include "world_test_support.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;

class BadWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& e : fs::directory_iterator(test::world_dir()))
      if (e.is_regular_file()) {
        const fs::path to = dir_.path() / e.path().filename();
        fs::copy_file(e.path(), to, fs::copy_options::overwrite_existing);
        fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
      }
  }

  std::string read(const std::string& name) const {
    std::ifstream f(dir_.path() / name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream f(dir_.path() / name, std::ios::binary | std::ios::trunc);
    f << text;
  }
  // Replaces the first occurrence of `from` in a file (which must exist).
  void replace(const std::string& name, const std::string& from, const std::string& to) const {
    std::string text = read(name);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    write(name, text);
  }

  // Loads and returns the error (fails the test when none is thrown).
  InputError load_error() const {
    RealWorldSpec spec;
    spec.directory = dir_.path().string();
    try {
      load_real_world(spec, 2015, test::default_params());
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "no InputError";
    return InputError({}, "none");
  }
  WorldData load() const {
    RealWorldSpec spec;
    spec.directory = dir_.path().string();
    return load_real_world(spec, 2015, test::default_params());
  }

  static bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  }

  test::ScratchDir dir_{"world"};
};

TEST_F(BadWorld, TheCopyLoads) {
  const WorldData d = load();
  EXPECT_GT(d.world.cities.size(), 1800u);
}

TEST_F(BadWorld, MissingColumn) {
  replace("un-wup2018-cities-over-300k.csv", "Latitude,", "Lat,");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "un-wup2018-cities-over-300k.csv")) << e.where().file;
  EXPECT_EQ(e.where().line, 1);
  EXPECT_NE(e.message().find("missing column 'Latitude'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, PopulationThatIsNotANumber) {
  // Kabul is on line 3; its 2015 column is 3724.
  replace("un-wup2018-cities-over-300k.csv", "3289,3724,4222", "3289,about 3.7 million,4222");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "un-wup2018-cities-over-300k.csv"));
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.message().find("'2015'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("not a number"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find(":3: "), std::string::npos) << e.what();
}

TEST_F(BadWorld, EmptyPopulation) {
  replace("un-wup2018-cities-over-300k.csv", "3289,3724,4222", "3289,,4222");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.message().find("missing"), std::string::npos) << e.what();
}

TEST_F(BadWorld, TooFewFields) {
  write("c40-members.csv", "city,iso3,region\nAbidjan,CIV,Africa\nAccra\n");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "c40-members.csv"));
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.message().find("too few"), std::string::npos) << e.what();
}

TEST_F(BadWorld, WorldBankValueThatIsNotANumber) {
  write("world-bank-gdp.csv",
        "Country Name,Country Code,Year,Value\nAfghanistan,AFG,2000,3521418059.9\nAfghanistan,AFG,2001,n/a\n");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "world-bank-gdp.csv"));
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.message().find("'Value'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, MissingFile) {
  fs::remove(dir_.path() / "ne-admin0-countries.csv");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "ne-admin0-countries.csv"));
  EXPECT_NE(e.message().find("cannot open"), std::string::npos) << e.what();
}

// networks.yaml -----------------------------------------------------------

const char* kNetworksHead = "networks:\n";

TEST_F(BadWorld, UnknownIssueSuggestsTheNearest) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climat\n"
                             "    scope: global\n"
                             "    founded: 1990\n");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "networks.yaml"));
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, 12);
  EXPECT_NE(e.message().find("did you mean 'climate'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("resilience"), std::string::npos) << e.what();  // the valid choices
}

TEST_F(BadWorld, FoundedAfterEnded) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: 2019\n"
                             "    ended: 2013\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 6);
  EXPECT_EQ(e.where().column, 12);
  EXPECT_NE(e.message().find("before it is founded"), std::string::npos) << e.what();
}

TEST_F(BadWorld, UnknownKey) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: 1990\n"
                             "    min_populaton: 5\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 6);
  EXPECT_EQ(e.where().column, 5);
  EXPECT_NE(e.message().find("did you mean 'min_population'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, UnknownRegionUnionAndState) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: region:Eurpe\n"
                             "    founded: 1990\n");
  InputError e = load_error();
  EXPECT_EQ(e.where().line, 4);
  EXPECT_NE(e.message().find("did you mean 'Europe'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("Oceania"), std::string::npos) << e.what();

  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: union:paris\n"
                             "    founded: 1990\n");
  e = load_error();
  EXPECT_NE(e.message().find("unknown union 'paris'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("unions: eu"), std::string::npos) << e.what();

  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope:\n"
                             "      states: [DNK, DEUU]\n"
                             "    founded: 1990\n");
  e = load_error();
  EXPECT_EQ(e.where().line, 5);
  EXPECT_EQ(e.where().column, 21);
  EXPECT_NE(e.message().find("unknown state 'DEUU'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, BadYearType) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: soon\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 5);
  EXPECT_NE(e.message().find("founded must be a whole number"), std::string::npos) << e.what();
}

TEST_F(BadWorld, YamlSyntaxError) {
  write("networks.yaml", "networks:\n  - name: [A\n    issue: climate\n");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "networks.yaml"));
  EXPECT_GT(e.where().line, 0);
}

TEST_F(BadWorld, AliasToAMissingAgglomeration) {
  replace("networks.yaml", "New York City: New York-Newark", "New York City: New York-Newark City");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "networks.yaml"));
  EXPECT_GT(e.where().line, 0);
  EXPECT_NE(e.message().find("did you mean 'New York-Newark'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, UnmatchedMemberIsReportedNotDropped) {
  std::string members = read("c40-members.csv");
  members += "Atlantis,GRC,Europe\nGotham,XXX,Europe\n";
  write("c40-members.csv", members);
  const WorldData d = load();
  int atlantis = 0, gotham = 0;
  for (const auto& p : d.problems) {
    if (p.find("'Atlantis' (GRC) not found") != std::string::npos) ++atlantis;
    if (p.find("'Gotham' (XXX) not found") != std::string::npos) ++gotham;
  }
  EXPECT_EQ(atlantis, 1);
  EXPECT_EQ(gotham, 1);
}

// agreements.yaml and state_traits.yaml ----------------------------------------

TEST_F(BadWorld, AgreementWithUnknownState) {
  replace("agreements.yaml", "2013: [HRV]", "2013: [HRW]");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "agreements.yaml"));
  EXPECT_NE(e.message().find("unknown state 'HRW'"), std::string::npos) << e.what();
  EXPECT_GT(e.where().column, 0);
}

TEST_F(BadWorld, TraitOutOfRangeAndUnknownTrait) {
  replace("state_traits.yaml", "USA: {populism: 0.35", "USA: {populism: 1.35");
  InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "state_traits.yaml"));
  EXPECT_NE(e.message().find("populism must be in [0, 1]"), std::string::npos) << e.what();

  replace("state_traits.yaml", "USA: {populism: 1.35", "USA: {populist: 0.35");
  e = load_error();
  EXPECT_NE(e.message().find("did you mean 'populism'"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace urbis
