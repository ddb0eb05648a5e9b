// Malformed world files give InputError with the file, the line and (for
// YAML) the column; each test copies configs/world to a scratch folder and
// spoils one file. Here the errors of reading any file (missing files and
// columns, fields that are not numbers, hostile CSV); the errors of one
// source's content are in that source's test file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <sys/resource.h>

#include <gtest/gtest.h>

#include "sim/core/input_error.hpp"
#include "sim/world/real_world.hpp"
#include "world_test_support.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;

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

// ---------------------------------------------------------------------------
// Hostile CSV files: damaged one at a time, each must end in an InputError
// with the file and the line, never a crash, a silent misreading or memory
// in proportion to a line's length.

namespace hostile {

constexpr const char* kUn = "un-wup2018-cities-over-300k.csv";
constexpr const char* kPop = "world-bank-population.csv";
constexpr const char* kNe = "ne-admin0-countries.csv";
// Kabul, line 3 of the UN file, and its 2015 population (thousands).
constexpr const char* kKabul =
    "2,4,Afghanistan,20002,Kabul,,34.5289,69.1725,171,221,285,369,472,674,978,1240,1549,1929,"
    "2401,2905,3289,3724,4222,4877,5737,6761";

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace hostile

class HostileCsv : public BadWorld {
 protected:
  // The error, checked to name the file and a line (>= 1).
  InputError error_in(const std::string& file) const {
    const InputError e = load_error();
    EXPECT_TRUE(ends_with(e.where().file, file)) << e.what();
    EXPECT_GE(e.where().line, 1) << e.what();
    return e;
  }
  static void says(const InputError& e, const std::string& text) {
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << "no '" << text << "' in: " << e.what();
  }
};

TEST_F(HostileCsv, MissingColumnsInEachFile) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {hostile::kPop, "Year,Value", "Year,Valeur"},
      {hostile::kNe, "adm0_a3,iso_a3,", "adm0_a3,"},
      {"c40-members.csv", "city,iso3", "city,country"},
      {hostile::kUn, ",City Code,", ",Code,"},
  };
  for (const auto& [file, from, to] : cases) {
    SCOPED_TRACE(file + ": " + to);
    SetUp();  // a fresh copy
    replace(file, from, to);
    const InputError e = error_in(file);
    EXPECT_EQ(e.where().line, 1) << e.what();
    says(e, "missing column");
  }
}

TEST_F(HostileCsv, Latin1AndOtherInvalidUtf8) {
  // Córdoba (line 26) in Latin-1, a lone continuation byte, an overlong '/', a UTF-16 surrogate, a cut sequence.
  for (const std::string bad : {"C\xF3rdoba", "C\x80rdoba", "C\xC0\xAFrdoba", "C\xED\xA0\x80rdoba", "C\xC3"}) {
    SCOPED_TRACE(bad);
    SetUp();
    replace(hostile::kUn, "C\xC3\xB3rdoba", bad);
    const InputError e = error_in(hostile::kUn);
    EXPECT_EQ(e.where().line, 26) << e.what();
    says(e, "'Urban Agglomeration'");
    says(e, "not UTF-8");
  }
}

TEST_F(HostileCsv, ByteOrderMarkAndLineEndingsAreAccepted) {
  const std::size_t cities = load().world.cities.size();
  write(hostile::kUn, "\xEF\xBB\xBF" + read(hostile::kUn));  // a BOM, as spreadsheet programs write
  EXPECT_EQ(load().world.cities.size(), cities);
  std::string lf = read(hostile::kPop);  // the files come with CRLF; LF alone reads the same
  lf.erase(std::remove(lf.begin(), lf.end(), '\r'), lf.end());
  write(hostile::kPop, lf);
  EXPECT_EQ(load().world.cities.size(), cities);
}

TEST_F(HostileCsv, NanInfNegativeAndEmptyPopulations) {
  const std::vector<std::pair<std::string, std::string>> un = {{"nan", "not a number"},   {"inf", "not a number"},
                                                               {"1e999", "not a number"}, {"-3724", "negative"},
                                                               {"", "missing"},           {"3.7e3x", "not a number"}};
  for (const auto& [value, text] : un) {
    SCOPED_TRACE(value);
    SetUp();
    replace(hostile::kUn, "3289,3724,4222", "3289," + value + ",4222");
    const InputError e = error_in(hostile::kUn);
    EXPECT_EQ(e.where().line, 3) << e.what();
    says(e, "'2015'");
    says(e, text);
  }
  for (const auto& [value, text] : std::vector<std::pair<std::string, std::string>>{
           {"NaN", "not a number"}, {"-Inf", "not a number"}, {"-54922", "negative"}}) {
    SetUp();
    replace(hostile::kPop, "Aruba,ABW,1960,54922", "Aruba,ABW,1960," + value);
    const InputError e = error_in(hostile::kPop);
    EXPECT_EQ(e.where().line, 2) << e.what();
    says(e, "'Value'");
    says(e, text);
  }
  SetUp();
  replace(hostile::kNe, "270625568.0", "-270625568.0");
  const InputError e = error_in(hostile::kNe);
  EXPECT_EQ(e.where().line, 2) << e.what();
  says(e, "'pop_est'");
  says(e, "negative");
}

TEST_F(HostileCsv, DuplicatedIds) {
  {
    std::string text = read(hostile::kUn);
    if (text.back() != '\n') text += "\r\n";
    text += std::string(hostile::kKabul) + "\r\n";  // the same City Code again, at the end
    write(hostile::kUn, text);
    const InputError e = error_in(hostile::kUn);
    says(e, "City Code");
    says(e, "20002 is given twice (first on line 3)");
  }
  {
    SetUp();
    replace(hostile::kPop, "Aruba,ABW,1961,55578", "Aruba,ABW,1960,55578");
    const InputError e = error_in(hostile::kPop);
    EXPECT_EQ(e.where().line, 3) << e.what();
    says(e, "ABW 1960 is given twice (first on line 2)");
  }
  {
    SetUp();
    replace(hostile::kNe, "MYS,MYS,458,458,Malaysia", "IDN,IDN,458,458,Malaysia");
    const InputError e = error_in(hostile::kNe);
    EXPECT_EQ(e.where().line, 3) << e.what();
    says(e, "'IDN' is given twice (first on line 2)");
  }
}

TEST_F(HostileCsv, HundredMegabyteLineIsRefusedInBoundedMemory) {
  {
    std::ofstream f(dir_.path() / hostile::kPop, std::ios::binary | std::ios::trunc);
    f << "Country Name,Country Code,Year,Value\r\nAruba,ABW,1960,54922\r\n";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) f << chunk;  // 100 MiB on line 3, made here rather than kept in the repository
    f << ",ABW,1961,1\r\n";
  }
  const long before = hostile::peak_rss_kb();
  const InputError e = error_in(hostile::kPop);
  EXPECT_EQ(e.where().line, 3) << e.what();
  says(e, "line too long");
  // The reader's buffer is fixed (48 MiB); the line is never held whole.
  EXPECT_LT(hostile::peak_rss_kb() - before, 200 * 1024)
      << "peak memory grew by " << (hostile::peak_rss_kb() - before) / 1024 << " MiB";
}

TEST_F(HostileCsv, HugeNumberOfColumns) {
  std::string extra;
  for (int i = 0; i < 200000; ++i) extra += ",c" + std::to_string(i);
  {
    // In the header only: every row is then short of fields.
    std::string text = read(hostile::kPop);
    text.insert(text.find('\r'), extra);
    write(hostile::kPop, text);
    const InputError e = error_in(hostile::kPop);
    EXPECT_EQ(e.where().line, 2) << e.what();
    says(e, "too few fields");
  }
  {
    SetUp();
    replace(hostile::kPop, "Aruba,ABW,1961,55578", "Aruba,ABW,1961,55578" + extra);
    const InputError e = error_in(hostile::kPop);
    EXPECT_EQ(e.where().line, 3) << e.what();
    says(e, "too many fields");
  }
}

TEST_F(HostileCsv, EmptyAndBinaryFiles) {
  write(hostile::kPop, "");
  const InputError empty = load_error();  // no line to point at: the file names the problem
  EXPECT_TRUE(ends_with(empty.where().file, hostile::kPop)) << empty.what();
  says(empty, "empty");
  SetUp();
  write(hostile::kPop, std::string("Country Name,Country Code,Year,Value\r\nAru\0ba,ABW,1960,1\r\n", 58));
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, hostile::kPop)) << e.what();
}

TEST_F(HostileCsv, WorldYamlFilesAreReadAsStrictlyAsScenarios) {
  // Latin-1 in networks.yaml: refused at its line and column, not when run.json is written.
  replace("networks.yaml", "New York City: New York-Newark", "New York City: New York-Newark\xE9");
  InputError e = error_in("networks.yaml");
  EXPECT_GT(e.where().column, 0) << e.what();
  says(e, "not UTF-8");
  // A 'billion laughs' in state_traits.yaml: refused at the alias.
  SetUp();
  std::string bomb = "x0: &l0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
  for (int i = 1; i < 8; ++i) {
    const std::string n = std::to_string(i);
    bomb.append("x").append(n).append(": &l").append(n).append(" [");
    for (int j = 0; j < 10; ++j) {
      bomb += j ? ", *l" : "*l";
      bomb += std::to_string(i - 1);
    }
    bomb += "]\n";
  }
  write("state_traits.yaml", bomb + read("state_traits.yaml"));
  e = error_in("state_traits.yaml");
  says(e, "billion laughs");
}

TEST_F(HostileCsv, WorldYamlKeyGivenTwiceIsRefused) {
  // Read silently before (the first value won); now placed at the second key.
  replace("networks.yaml", "    founded: 1956\n", "    founded: 1956\n    founded: 1957\n");
  const InputError e = error_in("networks.yaml");
  EXPECT_EQ(e.where().column, 5) << e.what();
  says(e, "key 'founded' is given twice (first at line");
}

}  // namespace
}  // namespace urbis
