// Output files appear whole or not at all, fields are quoted when needed,
// and numbers read back to the same double.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include <fmt/format.h>
#include <unistd.h>

#include "sim/output/atomic_file.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
  auto d = fs::temp_directory_path() / ("urbis-atomic-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

TEST(AtomicFile, AppearsOnlyOnCommit) {
  const auto dir = temp_dir();
  const auto path = (dir / "global.csv").string();
  {
    AtomicFile f(path);
    f.write("year,x\n2000,1\n");
    EXPECT_FALSE(fs::exists(path)) << "visible before commit";
    f.commit();
  }
  std::ifstream in(path);
  std::string all((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(all, "year,x\n2000,1\n");
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename(), "global.csv");
  fs::remove_all(dir);
}

TEST(AtomicFile, AbandonedWriteLeavesTheOldFileAndNoTemporary) {
  const auto dir = temp_dir();
  const auto path = (dir / "states.csv").string();
  write_file_atomically(path, "old\n");
  {
    AtomicFile f(path);
    f.write("new, but interrupted");
  }  // destroyed without commit, as when a run fails part-way
  std::ifstream in(path);
  std::string all((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(all, "old\n");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) ++files, (void)e;
  EXPECT_EQ(files, 1u);
  fs::remove_all(dir);
}

TEST(AtomicFile, UnwritableFolderIsAClearError) {
  try {
    AtomicFile f("/nonexistent-folder-for-urbis/x.csv");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot write /nonexistent-folder-for-urbis/x.csv"), std::string::npos)
        << e.what();
  }
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("London"), "London");
  EXPECT_EQ(csv_field("Washington, D.C."), "\"Washington, D.C.\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(NumberFormat, EveryDoubleReadsBackExactly) {
  // The writers format numbers with fmt's shortest round-trip form.
  std::mt19937_64 gen(5);
  std::uniform_real_distribution<double> mantissa(-1, 1);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int n = 0; n < 100000; ++n) {
    const double v = std::ldexp(mantissa(gen), exponent(gen));
    EXPECT_EQ(std::stod(fmt::format("{}", v)), v);
  }
  EXPECT_EQ(std::stod(fmt::format("{}", 0.1 + 0.2)), 0.1 + 0.2);
  EXPECT_EQ(std::stod(fmt::format("{}", std::numeric_limits<double>::max())), std::numeric_limits<double>::max());
}

}  // namespace
}  // namespace urbis
