// A number in a CSV row is written from its decimal steps (sim/output/csv_row.cpp)
// with exactly the text fmt gives the rounded double: the files stay byte for
// byte what they were when every number went through fmt's shortest form.
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "analysis/observables.hpp"
#include "sim/output/csv_row.hpp"

namespace urbis {
namespace {

// The writer's text before the decimal steps: the rounded double through fmt.
std::string through_fmt(double v, const Precision& p) {
  const double r = p.round(v);
  if (p.kind == Precision::Kind::integer && std::fabs(r) < 9e15) return fmt::format("{}", static_cast<long long>(r));
  return fmt::format("{}", r);
}

std::string written(double v, const Precision& p) {
  std::string out;
  append_number(out, v, p);
  return out;
}

std::vector<Precision> precisions() {
  std::vector<Precision> out = {{Precision::Kind::integer, 0}};
  for (int d = 1; d <= 17; ++d) out.push_back({Precision::Kind::significant, d});
  for (int d = 0; d <= 8; ++d) out.push_back({Precision::Kind::decimals, d});
  return out;
}

TEST(CsvRow, NumbersReadAsTheRoundedDouble) {
  EXPECT_EQ(written(1234567.891, {Precision::Kind::significant, 6}), "1234570");
  EXPECT_EQ(written(0.1 + 0.2, {Precision::Kind::significant, 6}), "0.3");
  EXPECT_EQ(written(0.000123456789, {Precision::Kind::significant, 6}), "0.000123457");
  EXPECT_EQ(written(-2.5e-7, {Precision::Kind::significant, 6}), "-2.5e-07");  // fmt's exponent form
  EXPECT_EQ(written(3.2e17, {Precision::Kind::significant, 6}), "3.2e+17");
  EXPECT_EQ(written(999999.7, {Precision::Kind::significant, 6}), "1000000");
  EXPECT_EQ(written(-0.00001, {Precision::Kind::decimals, 4}), "0");  // no -0
  EXPECT_EQ(written(-0.0, {Precision::Kind::significant, 6}), "-0");  // a 0 is kept as it is
  EXPECT_EQ(written(-12.5, {Precision::Kind::integer, 0}), "-13");
  EXPECT_EQ(written(34.52891234, {Precision::Kind::decimals, 4}), "34.5289");
}

TEST(CsvRow, NumbersAreFmtsTextAtEveryMagnitudeAndPrecision) {
  const auto ps = precisions();
  std::mt19937_64 gen(11);
  std::uniform_real_distribution<double> mantissa(-10, 10);
  std::uniform_int_distribution<int> exponent(-24, 26);
  std::vector<double> values = {0.0,
                                -0.0,
                                0.5,
                                -0.5,
                                1.5,
                                2.5,
                                9.999995,
                                99999.95,
                                0.0001,
                                0.00001,
                                1e15,
                                9.9e15,
                                1e16,
                                std::numeric_limits<double>::quiet_NaN(),
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::max()};
  for (int e = -22; e <= 22; ++e) {  // powers of ten and their neighbours, where log10 may land one off
    const double p = std::pow(10.0, e);
    for (double v : {p, std::nextafter(p, 0.0), std::nextafter(p, 1e300), 5 * p, -p}) values.push_back(v);
  }
  for (int k = 0; k < 60000; ++k) values.push_back(mantissa(gen) * std::pow(10.0, exponent(gen)));
  for (int k = 0; k < 20000; ++k)
    values.push_back(std::round(mantissa(gen) * 1e6) / 1e3);  // decimals that are exact halves
  std::size_t compared = 0;
  for (double v : values) {
    for (const Precision& p : ps) {
      ASSERT_EQ(written(v, p), through_fmt(v, p)) << fmt::format("{:.17g}", v) << ", " << p.describe();
      ++compared;
    }
  }
  EXPECT_GT(compared, 2000000u);
}

TEST(CsvRow, RowsInParallelAreTheBytesOfOneLoop) {
  // Indices that write no line, one or two, over several batches and a last
  // part of a piece: the text is that of a loop in index order.
  const std::size_t n = 2 * kRowBatch + kPiece + 17;
  auto rows = [](std::size_t i, std::string& text) {
    for (std::size_t line = 0; line < i % 3; ++line) text += fmt::format("{},{}\n", i, line);
  };
  std::string expected;
  for (std::size_t i = 0; i < n; ++i) rows(i, expected);
  for (int threads : {1, 2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    std::string text;
    std::size_t writes = 0;
    write_rows_in_parallel(n, rows, [&](const std::string& piece) {
      text += piece;
      ++writes;
    });
    EXPECT_EQ(text, expected) << threads << " threads";
    EXPECT_EQ(writes, piece_count(n)) << "one write per piece";
  }
}

}  // namespace
}  // namespace urbis
