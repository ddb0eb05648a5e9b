// The data dictionary (analysis/observables.hpp) tells the truth about the
// files a run writes:
//   - docs/OUTPUTS.md is exactly what `urbis outputs` prints from it;
//   - every file of a real-world and of a synthetic run has the columns
//     docs/OUTPUTS.md lists for it, in that order;
//   - every number lies in its column's declared range and carries no more
//     digits than its declared precision;
//   - run.json names the unit of every column written.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include "analysis/observables.hpp"
#include "sim/core/csv_reader.hpp"
#include "sim/engine/run.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;

std::string source(const std::string& rel) { return std::string(URBIS_SOURCE_DIR) + "/" + rel; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Scenario load(const std::string& rel) {
  static const Params defaults = load_defaults(source("configs/defaults.yaml"));
  return load_scenario(source(rel), defaults, {source("scenarios")});
}

// The digits of a number as written: "0.000123457" has 6, "1234570000" 6.
int significant_digits(std::string s) {
  if (const auto e = s.find_first_of("eE"); e != std::string::npos) s.resize(e);
  std::string digits;
  for (char c : s)
    if (c >= '0' && c <= '9') digits += c;
  const auto first = digits.find_first_not_of('0');
  if (first == std::string::npos) return 0;
  digits = digits.substr(first);
  if (s.find('.') == std::string::npos)
    digits.erase(digits.find_last_not_of('0') + 1);  // 1234570000: trailing zeros are not digits carried
  return static_cast<int>(digits.size());
}

TEST(Precision, RoundsToTheDeclaredDigitsAndPrintsNoMore) {
  EXPECT_EQ(fmt::format("{}", round_significant(0.1 + 0.2, 6)), "0.3");
  EXPECT_EQ(fmt::format("{}", round_significant(0.40000000000000013, 6)), "0.4");
  EXPECT_EQ(fmt::format("{}", round_significant(1234567.891, 6)), "1234570");
  EXPECT_EQ(fmt::format("{}", round_significant(7601762345678.9, 6)), "7601760000000");
  EXPECT_EQ(fmt::format("{}", round_significant(0.000123456789, 6)), "0.000123457");
  EXPECT_EQ(fmt::format("{}", round_significant(-2.5e-7, 6)), "-2.5e-07");
  EXPECT_EQ(fmt::format("{}", round_significant(-1e-30, 2)), "-1e-30");
  EXPECT_EQ(fmt::format("{}", round_decimals(34.52891234, 4)), "34.5289");
  EXPECT_EQ(fmt::format("{}", round_decimals(-0.00001, 4)), "0");  // no -0
  EXPECT_TRUE(std::isnan(round_significant(std::nan(""), 6)));
  EXPECT_EQ(round_significant(0.0, 6), 0.0);
  // Any magnitude: the shortest form of the rounded value has at most the
  // declared digits, and differs from the value by at most half a unit of the last.
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> mantissa(-10, 10);
  std::uniform_int_distribution<int> exponent(-12, 15);
  for (int k = 0; k < 20000; ++k) {
    const double v = mantissa(gen) * std::pow(10.0, exponent(gen));
    const double r = round_significant(v, 6);
    const std::string text = fmt::format("{}", r);
    ASSERT_LE(significant_digits(text), 6) << v << " -> " << text;
    ASSERT_LE(std::fabs(r - v), 5.0000001e-6 * std::fabs(v)) << v << " -> " << text;
    ASSERT_EQ(round_significant(r, 6), r) << v;  // rounding again changes nothing
  }
}

// The columns docs/OUTPUTS.md lists, per file: (name, optional).
std::map<std::string, std::vector<std::pair<std::string, bool>>> documented() {
  std::map<std::string, std::vector<std::pair<std::string, bool>>> out;
  std::istringstream in(slurp(source("docs/OUTPUTS.md")));
  std::string line, file;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) file = line.substr(3);
    else if (!file.empty() && line.rfind("| `", 0) == 0) {
      const auto end = line.find('`', 3);
      out[file].emplace_back(line.substr(3, end - 3), line.find("(optional)") != std::string::npos);
    }
  }
  return out;
}

bool matches(const std::string& pattern, const std::string& column) {
  const auto open = pattern.find('<');
  if (open == std::string::npos) return pattern == column;
  const std::string prefix = pattern.substr(0, open), suffix = pattern.substr(pattern.find('>') + 1);
  return column.size() > prefix.size() + suffix.size() && column.rfind(prefix, 0) == 0 &&
         column.compare(column.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The header is what OUTPUTS.md lists: the columns in order (a family, one
// column or more), then the optional columns a scenario chose, each once.
void expect_documented(const std::string& file, const std::vector<std::string>& header,
                       const std::vector<std::pair<std::string, bool>>& doc) {
  ASSERT_FALSE(doc.empty()) << file << " is not in docs/OUTPUTS.md";
  std::size_t h = 0;
  for (const auto& [name, optional] : doc) {
    if (optional) continue;
    ASSERT_LT(h, header.size()) << file << ": documented column " << name << " is not written";
    ASSERT_TRUE(matches(name, header[h]))
        << file << ": column " << h + 1 << " is " << header[h] << ", docs/OUTPUTS.md says " << name;
    ++h;
    if (name.find('<') != std::string::npos)
      while (h < header.size() && matches(name, header[h])) ++h;
  }
  std::set<std::string> seen;
  for (; h < header.size(); ++h) {
    const bool listed =
        std::any_of(doc.begin(), doc.end(), [&](const auto& d) { return d.second && d.first == header[h]; });
    EXPECT_TRUE(listed) << file << ": column " << header[h] << " is not in docs/OUTPUTS.md";
    EXPECT_TRUE(seen.insert(header[h]).second) << file << ": " << header[h] << " twice";
  }
}

// Runs a scenario with every output and checks its files against the
// dictionary and docs/OUTPUTS.md.
void check_run(Scenario s, const std::string& name) {
  s.output.cities.enabled = true;
  const fs::path dir = fs::temp_directory_path() / fmt::format("urbis-observables-{}-{}", name, ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  RunContext ctx;
  ctx.default_world_dir = source("configs/world");
  CsvOutput out(dir.string(), s);
  const RunSummary summary = run_scenario(s, out, ctx);
  RunRecord record;
  record.files = out.files();
  record.units = out.units();
  write_run_json((dir / "run.json").string(), s, summary, record);
  const auto run = nlohmann::ordered_json::parse(slurp(dir / "run.json"));
  const auto doc = documented();
  {  // the time of each phase, in the step's order
    std::vector<std::string> phases;
    for (const auto& [phase, seconds] : run["phase_seconds"].items()) {
      phases.push_back(phase);
      EXPECT_GE(seconds.get<double>(), 0.0) << phase;
    }
    EXPECT_EQ(phases, std::vector<std::string>(kPhaseNames.begin(), kPhaseNames.end()));
  }

  for (const auto& file : out.files()) {
    SCOPED_TRACE(name + ": " + file);
    const CsvTable t = read_csv((dir / file).string());
    expect_documented(file, t.header, doc.at(file));
    ASSERT_TRUE(run["units"].contains(file)) << "run.json has no units of " << file;
    const auto& units = run["units"][file];
    ASSERT_EQ(units.size(), t.header.size());
    std::size_t k = 0;
    for (const auto& [column, unit] : units.items()) EXPECT_EQ(column, t.header[k++]);
    ASSERT_GT(t.rows.size(), 0u);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      const Observable* o = find_observable(output_file(file), t.header[c]);
      ASSERT_NE(o, nullptr) << t.header[c];
      EXPECT_EQ(units[t.header[c]], o->unit) << t.header[c];
      if (o->is_text()) continue;
      double low = INFINITY, high = -INFINITY;
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string& text = t.rows[r][c];
        double v = NAN;
        const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
        ASSERT_TRUE(res.ec == std::errc{} && res.ptr == text.data() + text.size() && std::isfinite(v))
            << t.header[c] << " row " << r + 2 << ": '" << text << "' is not a finite number";
        ASSERT_EQ(o->precision.round(v), v)
            << t.header[c] << " row " << r + 2 << ": " << text << " carries more than " << o->precision.describe();
        low = std::min(low, v), high = std::max(high, v);
      }
      EXPECT_GE(low, o->low) << t.header[c] << " goes below its declared range " << o->range_text();
      EXPECT_LE(high, o->high) << t.header[c] << " goes above its declared range " << o->range_text();
    }
  }
  fs::remove_all(dir);
}

TEST(Observables, DocsOutputsIsTheDictionary) {
  std::istringstream file(slurp(source("docs/OUTPUTS.md"))), table(outputs_markdown());
  std::string a, b;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(file, a)), more_b = static_cast<bool>(std::getline(table, b));
    if (!more_a && !more_b) break;
    ASSERT_TRUE(more_a && more_b && a == b)
        << "docs/OUTPUTS.md differs from the data dictionary at line " << line
        << "\n  file:  " << (more_a ? a : "(end)") << "\n  table: " << (more_b ? b : "(end)")
        << "\nRegenerate it: build/release/urbis outputs > docs/OUTPUTS.md";
  }
}

TEST(Observables, SyntheticRunWritesWhatTheDictionarySays) {
  check_run(load("tests/engine/golden/synthetic_9k.yaml"), "synthetic");
}

// The real world with the US withdrawal (tension far above 1) and a subset of
// city variables in the scenario's own order.
TEST(Observables, RealWorldRunWritesWhatTheDictionarySays) {
  Scenario s = load("scenarios/paris_withdrawal.yaml");
  s.end = 2024;
  ASSERT_EQ(s.output.cities.variables,
            (std::vector<std::string>{"population", "gdp", "cooperation", "memberships", "tension"}));
  check_run(s, "real");
}

TEST(Observables, CityVariablesAreTheScenariosChoices) {
  EXPECT_EQ(city_variable_names(), load("tests/engine/golden/synthetic_9k.yaml").output.cities.variables);
}

TEST(Observables, FamiliesExpandPerIssueAndAgreement) {
  World w;
  w.agreements.push_back({"paris", Issue::climate, false});
  w.agreements.push_back({"eu", Issue::economy, true});
  const auto states = state_columns(w);
  EXPECT_NE(std::find(states.begin(), states.end(), "in_eu"), states.end());
  EXPECT_NE(std::find(states.begin(), states.end(), "memberships_peace"), states.end());
  const auto& f = output_file("states.csv");
  EXPECT_EQ(find_observable(f, "in_eu")->name, "in_<agreement>");
  EXPECT_EQ(find_observable(f, "memberships_health")->name, "memberships_<issue>");
  EXPECT_EQ(find_observable(f, "memberships_sport"), nullptr);
  EXPECT_EQ(find_observable(output_file("global.csv"), "salience_peace")->unit, "index");
  EXPECT_THROW(output_file("nothing.csv"), std::out_of_range);
}

}  // namespace
}  // namespace urbis
