#include "sim/world/real_world.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
// csv.h trips -Wstringop-truncation in its own error classes.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop
#include <yaml-cpp/yaml.h>

#include "sim/core/input_error.hpp"
#include "sim/scenario/yaml_reader.hpp"
#include "sim/world/drivers_file.hpp"
#include "sim/world/un_population.hpp"
#include "sim/world/world_csv.hpp"
#include "sim/world/world_yaml.hpp"
#include "sim/world/yearly_path.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Data preparation constants. They shape how raw series become the state
// variables at the start of a run; they are not model parameters (nothing in
// the dynamics reads them), so they live here and not in defaults.yaml.

// The years the data paths span (agents/anchors.hpp): every year a
// scenario may run (1900-2200). Before and after the data the paths follow
// the rules of sim/world/yearly_path.hpp with these settings:
// - population after the last World Bank year grows at its last ten years'
//   rate, clamped to [-2%, +4%] a year, fading by half every 30 years (the
//   demographic transition); the UN's city paths after 2035 fade the same way;
// - GDP per capita after the last year grows at the mean of its own and the
//   world's rates over the last ten years, clamped to [0, 5%] a year (current
//   USD, so this includes inflation), held;
// - before a state's first observation its path follows the world's
//   (population, GDP per capita), so a series that starts late (Russia in
//   1989) keeps the state's later place in the world.
constexpr int kAnchorFirst = 1900, kAnchorLast = 2200;
constexpr world_paths::After kPopulationAfter{10, 0.0, -0.02, 0.04, un_population::kFadeHalfLife};
constexpr world_paths::After kIncomeAfter{10, 0.5, 0.0, 0.05, 0.0};
// Natural Earth's pop_est and gdp_md are estimates for this year (v5).
constexpr int kNaturalEarthYear = 2019;

using un_population::kColumns;
using un_population::kFirstYear;
using un_population::kYearStep;

// UN M49 codes that Natural Earth carries in neither un_a3 nor iso_n3.
// adm0 = nullptr: Natural Earth has no row, the agglomerations are skipped
// (and listed in the problems).
struct UnTerritory {
  int m49;
  const char* adm0;
  const char* why;
};
constexpr UnTerritory kUnTerritories[] = {
    {578, "NOR", "Norway: Natural Earth leaves its un_a3 and iso_n3 at -99"},
    {830, nullptr,
     "Channel Islands: Natural Earth has Jersey (JEY) and Guernsey (GGY) but no joint row"},
};

// World Bank codes that differ from Natural Earth's (World Bank -> NE adm0_a3).
constexpr std::pair<const char*, const char*> kWorldBankCodes[] = {{"XKX", "KOS"}};
// World Bank countries known to have no Natural Earth row, and why.
constexpr std::pair<const char*, const char*> kWorldBankWithoutRow[] = {
    {"CHI", "Natural Earth has Jersey (JEY) and Guernsey (GGY) but no joint row"}};

// World Bank regional and income aggregates: not countries, dropped.
constexpr const char* kWorldBankAggregates[] = {
    "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU",
    "FCS", "HIC", "HPC", "IBD", "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC",
    "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "OED", "OSS", "PRE", "PSS",
    "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
    "WLD"};

// CSV reading (CsvFile) and YAML helpers: sim/world/world_csv.hpp, world_yaml.hpp.
using namespace world_io;


// ---------------------------------------------------------------------------
// Names: case- and accent-insensitive keys for matching city names.

// ASCII letters for U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A).
constexpr std::string_view kLatinFold =
    "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Lower-case ASCII letters and digits only: accents folded, spaces and
// punctuation dropped ("Hà Noi" and "Hanoi", "Washington, D.C." and
// "Washington DC" fold to the same key).
std::string fold_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {  // 2-byte sequence
      const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      ++i;
      if (cp >= 0xC0 && cp < 0x180) {
        const char f = kLatinFold[cp - 0xC0];
        if (f != '_') out.push_back(f);
      }
      continue;
    }
    // Other multi-byte characters are dropped (skip continuation bytes).
    while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Raw records.

struct Country {  // a Natural Earth admin-0 row
  std::string adm0, iso3, name, region;
  int iso_n3 = -1, un_a3 = -1;
  double pop_est = 0, gdp_md = 0;
};

struct UnCity {
  int code = 0;
  std::string country, name;
  double lat = 0, lon = 0;
  std::array<double, kColumns> pop{};  // thousands
  int line = 0;
};

using Series = std::map<int, double>;  // year -> value

struct CityRecord {
  std::string name;  // as in the source file
  int state = -1;
  double lat = 0, lon = 0, population = 0;
  double reference_population = 0;  // for choosing who keeps a duplicate name
  bool added = false;                // added from Natural Earth populated places
  int un = -1;                       // its row of the UN file (-1 when added)
};

// Parses "-099", "036", "-99" and the like; negative or bad codes are -1.
int parse_code(const std::string& s) {
  int v = -1;
  const char* b = s.data();
  const char* e = b + s.size();
  const auto r = std::from_chars(b, e, v);
  if (r.ec != std::errc{} || r.ptr != e || v < 0) return -1;
  return v;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

std::string join(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// ---------------------------------------------------------------------------
// The loader: one object so the steps share the indexes they build.

class Loader {
 public:
  Loader(const RealWorldSpec& spec, int start_year)
      : dir_(spec.directory.empty() ? fs::path(".") : fs::path(spec.directory)), year_(start_year) {}

  WorldData run() {
    read_countries();
    read_world_bank("world-bank-population.csv", wb_pop_);
    read_world_bank("world-bank-gdp.csv", wb_gdp_);
    report_world_bank_codes();
    read_un_cities();
    build_states();
    read_agreements();
    read_traits();
    read_networks();
    build_cities();
    read_drivers();
    out_.world.index_states();
    out_.world.anchors = std::make_shared<const Anchors>(std::move(anchors_));
    return std::move(out_);
  }

 private:
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void problem(std::string s) { out_.problems.push_back(std::move(s)); }

  // --- Natural Earth countries ---------------------------------------------
  void read_countries() {
    CsvFile<8> f(path("ne-admin0-countries.csv"),
                 {"adm0_a3", "iso_a3", "iso_n3", "un_a3", "name", "region_un", "pop_est", "gdp_md"});
    while (f.next()) {
      Country c;
      c.adm0 = f.text(0);
      c.iso3 = f.text(1);
      if (c.iso3.empty() || c.iso3 == "-99") c.iso3 = c.adm0;
      c.iso_n3 = parse_code(f.text(2));
      c.un_a3 = parse_code(f.text(3));
      c.name = f.text(4);
      c.region = f.text(5);
      c.pop_est = f.maybe_number(6).value_or(0);
      c.gdp_md = f.maybe_number(7).value_or(0);
      // Natural Earth writes -99 for "unknown"; any other negative value is a damaged file.
      for (const unsigned k : {6u, 7u})
        if (const double v = k == 6 ? c.pop_est : c.gdp_md; v < 0 && v != -99)
          throw InputError(f.place(), fmt::format("column '{}': {} is negative (-99 marks an unknown value)",
                                                  f.column(k), f.text(k)));
      // Codes are ids: one row each (iso_a3 is -99 on rows without one, which then go by adm0_a3).
      if (c.adm0.empty()) throw InputError(f.place(), "column 'adm0_a3' is empty");
      for (const std::string* code : {&c.adm0, &c.iso3}) {
        const auto first = code_line_.find(*code);
        if (first != code_line_.end() && !(code == &c.iso3 && c.iso3 == c.adm0))
          throw InputError(f.place(), fmt::format("country code '{}' is given twice (first on line {})", *code,
                                                  first->second));
      }
      code_line_.emplace(c.adm0, f.line());
      code_line_.emplace(c.iso3, f.line());
      const int idx = static_cast<int>(countries_.size());
      by_code_.emplace(c.iso3, idx);
      by_code_.emplace(c.adm0, idx);
      countries_.push_back(std::move(c));
    }
    // M49 -> country: un_a3 first, then iso_n3, then the explicit table.
    for (std::size_t k = 0; k < countries_.size(); ++k)
      if (countries_[k].un_a3 >= 0) by_m49_.emplace(countries_[k].un_a3, static_cast<int>(k));
    for (std::size_t k = 0; k < countries_.size(); ++k)
      if (countries_[k].iso_n3 >= 0) by_m49_.emplace(countries_[k].iso_n3, static_cast<int>(k));
    for (const auto& t : kUnTerritories) {
      if (!t.adm0) continue;
      const auto it = by_code_.find(t.adm0);
      if (it != by_code_.end()) by_m49_.emplace(t.m49, it->second);
    }
    for (const auto& [wb, ne] : kWorldBankCodes) {
      const auto it = by_code_.find(ne);
      if (it != by_code_.end()) wb_alias_.emplace(wb, countries_[static_cast<std::size_t>(it->second)].iso3);
    }
  }

  // --- World Bank series -----------------------------------------------------
  void read_world_bank(const std::string& name, std::unordered_map<std::string, Series>& out) {
    CsvFile<4> f(path(name), {"Country Name", "Country Code", "Year", "Value"});
    std::map<std::pair<std::string, int>, int> seen;  // (code, year) -> line
    while (f.next()) {
      std::string code = f.text(1);
      const auto v = f.maybe_number(3);
      const int year = f.integer(2);
      if (v && *v < 0) throw InputError(f.place(), fmt::format("column 'Value': {} is negative", f.text(3)));
      if (const auto [it, fresh] = seen.emplace(std::make_pair(code, year), f.line()); !fresh)
        throw InputError(f.place(), fmt::format("{} {} is given twice (first on line {})", code, year, it->second));
      wb_names_.emplace(code, f.text(0));
      if (const auto a = wb_alias_.find(code); a != wb_alias_.end()) code = a->second;
      if (v && *v > 0) out[code][year] = *v;
    }
  }

  void report_world_bank_codes() {
    std::set<std::string> aggregates(std::begin(kWorldBankAggregates), std::end(kWorldBankAggregates));
    for (const auto& [code, name] : wb_names_) {
      if (aggregates.count(code) || by_code_.count(code) || wb_alias_.count(code)) continue;
      std::string why;
      for (const auto& [c, w] : kWorldBankWithoutRow)
        if (code == c) why = fmt::format(" ({})", w);
      problem(fmt::format("World Bank country {} ({}) has no Natural Earth row{}; its series are not used",
                          name, code, why));
    }
  }

  // --- UN agglomerations -----------------------------------------------------
  void read_un_cities() {
    std::array<std::string, kColumns> years;
    for (int k = 0; k < kColumns; ++k) years[static_cast<std::size_t>(k)] = std::to_string(kFirstYear + kYearStep * k);
    std::array<const char*, 6 + kColumns> cols{"Country Code", "Country or area", "Urban Agglomeration",
                                               "Latitude", "Longitude", "City Code"};
    for (int k = 0; k < kColumns; ++k) cols[6 + static_cast<std::size_t>(k)] = years[static_cast<std::size_t>(k)].c_str();
    CsvFile<6 + kColumns> f(path("un-wup2018-cities-over-300k.csv"), cols);
    std::map<int, int> city_codes;  // City Code (the UN's id of an agglomeration) -> line
    while (f.next()) {
      UnCity c;
      c.code = f.integer(0);
      if (const auto [it, fresh] = city_codes.emplace(f.integer(5), f.line()); !fresh)
        throw InputError(f.place(), fmt::format("column 'City Code': {} is given twice (first on line {})",
                                                f.text(5), it->second));
      c.country = f.text(1);
      c.name = f.text(2);
      if (c.name.empty()) throw InputError(f.place(), "column 'Urban Agglomeration' is empty");
      c.lat = f.number(3);
      c.lon = f.number(4);
      for (int k = 0; k < kColumns; ++k) {
        const double p = f.number(6 + static_cast<unsigned>(k));
        if (p < 0)
          throw InputError(f.place(), fmt::format("column '{}': population {} is negative",
                                                  years[static_cast<std::size_t>(k)], p));
        c.pop[static_cast<std::size_t>(k)] = p;
      }
      c.line = f.line();
      un_.push_back(std::move(c));
    }
  }

  // --- States --------------------------------------------------------------
  void build_states() {
    // Which Natural Earth country each UN agglomeration belongs to.
    std::map<int, std::vector<std::size_t>> unmatched;  // M49 -> cities
    un_country_.assign(un_.size(), -1);
    for (std::size_t i = 0; i < un_.size(); ++i) {
      const auto it = by_m49_.find(un_[i].code);
      if (it == by_m49_.end()) unmatched[un_[i].code].push_back(i);
      else un_country_[i] = it->second;
    }
    for (const auto& [code, list] : unmatched) {
      std::string why;
      for (const auto& t : kUnTerritories)
        if (t.m49 == code) why = fmt::format(" ({})", t.why);
      std::vector<std::string> names;
      for (std::size_t i : list) names.push_back(un_[i].name);
      problem(fmt::format("UN country {} ({}) has no Natural Earth row{}; skipped its {} agglomeration{}: {}",
                          code, un_[list.front()].country, why, list.size(), list.size() == 1 ? "" : "s",
                          join(names)));
    }

    // Agglomerations that exist at the start year.
    un_population_.assign(un_.size(), 0.0);
    std::vector<std::string> empty_now;
    std::set<int> with_cities;
    for (std::size_t i = 0; i < un_.size(); ++i) {
      if (un_country_[i] < 0) continue;
      un_population_[i] = un_population::at(un_[i].pop, year_);
      if (un_population_[i] > 0) with_cities.insert(un_country_[i]);
      else empty_now.push_back(un_[i].name);
    }
    if (!empty_now.empty())
      problem(fmt::format("{} UN agglomeration{} had no population in {} and {} left out: {}", empty_now.size(),
                          empty_now.size() == 1 ? "" : "s", year_, empty_now.size() == 1 ? "is" : "are",
                          join(empty_now)));

    // One state per country with a city, sorted by ISO3.
    std::vector<int> order(with_cities.begin(), with_cities.end());
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return countries_[static_cast<std::size_t>(a)].iso3 < countries_[static_cast<std::size_t>(b)].iso3;
    });
    std::set<std::string> regions;
    for (int k : order) regions.insert(countries_[static_cast<std::size_t>(k)].region);
    World& w = out_.world;
    w.region_names.assign(regions.begin(), regions.end());

    const std::size_t ns = order.size();
    state_country_ = order;
    country_state_.assign(countries_.size(), -1);
    for (std::size_t j = 0; j < ns; ++j) country_state_[static_cast<std::size_t>(order[j])] = static_cast<int>(j);
    // Agreements are read later; size the flags then (resize keeps nothing, so
    // only the identity columns are set here and copied back after).
    States& s = w.states;
    s.resize(ns, 0);
    for (std::size_t j = 0; j < ns; ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      const Country& c = countries_[static_cast<std::size_t>(order[j])];
      s.iso3[j] = c.iso3;
      s.name[j] = c.name;
      s.region[jj] = static_cast<int>(std::find(w.region_names.begin(), w.region_names.end(), c.region) -
                                      w.region_names.begin());
      // Traits not given in state_traits.yaml stay unknown (NaN): the
      // model's defaults (states.* parameters) fill them at initialisation.
      s.tax_share[jj] = s.populism[jj] = s.centralisation[jj] = s.openness[jj] = std::nan("");
    }
    build_national_paths();
  }

  // National population and GDP per year (agents/anchors.hpp) from the World
  // Bank's series: gaps filled log-linearly, the years before a series starts
  // following the world's path, the years after it the rules at the top of
  // this file. A state without a series takes Natural Earth's estimate for
  // 2019 as its one observation; without that, its population is its UN
  // agglomerations' and its GDP per capita the states' median relative to
  // the world's.
  void build_national_paths() {
    using world_paths::reference_path;
    using world_paths::yearly_path;
    const States& s = out_.world.states;
    const std::size_t ns = s.size();
    anchors_ = make_anchors(kAnchorFirst, kAnchorLast, ns, 0, 0);
    const auto years = static_cast<std::size_t>(anchors_.years);

    const Series* wld_pop = find_code(wb_pop_, "WLD");
    const Series* wld_gdp = find_code(wb_gdp_, "WLD");
    if (!wld_pop || !wld_gdp)
      throw InputError(SourcePlace{path("world-bank-gdp.csv"), 0, 0},
                       "the World Bank files need the world's series (code WLD) to extend the states' series");
    const std::vector<double> world_pop = reference_path(*wld_pop, kAnchorFirst, kAnchorLast, kPopulationAfter);
    const std::vector<double> world_pc =
        reference_path(per_capita(wld_pop, wld_gdp), kAnchorFirst, kAnchorLast, kIncomeAfter);
    for (std::size_t t = 0; t < years; ++t) anchors_.world_gdp[t] = world_pc[t] * world_pop[t];
    auto at = [&](const std::vector<double>& path, int year) {
      return path[static_cast<std::size_t>(std::clamp(year - kAnchorFirst, 0, anchors_.years - 1))];
    };

    std::vector<std::string> ne_fallback, late_start;
    std::vector<std::vector<double>> income(ns);
    std::vector<double> relative_2019;
    std::vector<std::size_t> no_income;
    for (std::size_t j = 0; j < ns; ++j) {
      const Country& c = countries_[static_cast<std::size_t>(state_country_[j])];
      const Series* pop = find_series(wb_pop_, c);
      const Series* gdp = find_series(wb_gdp_, c);
      Series pop_obs = pop ? *pop : Series{};
      std::vector<std::string> fell_back;
      if (pop_obs.empty()) {
        if (c.pop_est > 0) {
          pop_obs[kNaturalEarthYear] = c.pop_est;
          fell_back.push_back(fmt::format("population {:.0f} in {}", c.pop_est, kNaturalEarthYear));
        } else {
          double urban = 0;
          for (std::size_t i = 0; i < un_.size(); ++i)
            if (un_country_[i] == state_country_[j]) urban += un_population_[i];
          pop_obs[year_] = urban;
          problem(fmt::format("{}: no population in the World Bank or Natural Earth; used the population of "
                              "its UN agglomerations in {} ({:.0f})",
                              s.iso3[j], year_, urban));
        }
      }
      const std::vector<double> pop_path = yearly_path(pop_obs, kAnchorFirst, kAnchorLast, world_pop, kPopulationAfter);
      Series pc_obs = per_capita(&pop_obs, gdp);
      if (pc_obs.empty() && c.gdp_md > 0) {
        pc_obs[kNaturalEarthYear] = c.gdp_md * 1e6 / at(pop_path, kNaturalEarthYear);
        fell_back.push_back(fmt::format("GDP {:.0f} million USD in {}", c.gdp_md, kNaturalEarthYear));
      }
      if (!fell_back.empty()) ne_fallback.push_back(fmt::format("{} ({})", c.iso3, join(fell_back)));
      if (!pc_obs.empty() && pc_obs.begin()->first > year_ && fell_back.empty())
        late_start.push_back(fmt::format("{} ({})", c.iso3, pc_obs.begin()->first));
      for (std::size_t t = 0; t < years; ++t) anchors_.national_population[j * years + t] = pop_path[t];
      if (pc_obs.empty()) {
        no_income.push_back(j);
        continue;
      }
      income[j] = yearly_path(pc_obs, kAnchorFirst, kAnchorLast, world_pc, kIncomeAfter);
      relative_2019.push_back(at(income[j], kNaturalEarthYear) / at(world_pc, kNaturalEarthYear));
    }
    const double median_relative = median(relative_2019);
    for (std::size_t j : no_income) {
      income[j] = world_pc;
      for (double& v : income[j]) v *= median_relative;
      problem(fmt::format("{}: no GDP in the World Bank or Natural Earth; used the states' median GDP per "
                          "capita relative to the world's ({:.2f} times)",
                          s.iso3[j], median_relative));
    }
    for (std::size_t j = 0; j < ns; ++j)
      for (std::size_t t = 0; t < years; ++t)
        anchors_.national_gdp[j * years + t] = income[j][t] * anchors_.national_population[j * years + t];
    for (const auto& line : ne_fallback)
      problem(fmt::format("no World Bank series for {}: used the Natural Earth estimate, and the world's "
                          "growth before and after it",
                          line));
    if (!late_start.empty())
      problem(fmt::format("World Bank GDP per capita starts after {} for {}: earlier years follow the world's",
                          year_, join(late_start)));
    // The start year's values, for readers of the loaded world (`urbis list`);
    // a run sets them each year from the paths (agents/city/economy.hpp).
    States& st = out_.world.states;
    for (std::size_t j = 0; j < ns; ++j) {
      st.population[static_cast<Eigen::Index>(j)] = anchors_.national_population_at(j, year_);
      st.gdp[static_cast<Eigen::Index>(j)] = anchors_.national_gdp_at(j, year_);
    }
  }

  const Series* find_code(const std::unordered_map<std::string, Series>& m, const std::string& code) const {
    const auto it = m.find(code);
    return it == m.end() ? nullptr : &it->second;
  }

  const Series* find_series(const std::unordered_map<std::string, Series>& m, const Country& c) const {
    if (const auto it = m.find(c.iso3); it != m.end()) return &it->second;
    if (const auto it = m.find(c.adm0); it != m.end()) return &it->second;
    return nullptr;
  }

  // GDP per capita in the years that have both series.
  static Series per_capita(const Series* pop, const Series* gdp) {
    Series pc;
    if (!pop || !gdp) return pc;
    for (const auto& [y, v] : *gdp)
      if (const auto p = pop->find(y); p != pop->end() && p->second > 0) pc[y] = v / p->second;
    return pc;
  }

  // A Natural Earth country by ISO3 (or adm0_a3); InputError with
  // did-you-mean when the code is unknown.
  int country_of(const std::string& file, const YAML::Node& n) const {
    const std::string code = yaml_string(file, n, "state");
    const auto it = by_code_.find(code);
    if (it != by_code_.end()) return it->second;
    std::vector<std::string> codes;
    for (const auto& c : countries_) codes.push_back(c.iso3);
    throw InputError(place_of(file, n), fmt::format("unknown state '{}'{}; states are ISO3 codes (e.g. {})", code,
                                                    did_you_mean(code, codes), list_choices(codes, 8)));
  }
  int state_of_country(int country) const { return country_state_[static_cast<std::size_t>(country)]; }

  // --- drivers.yaml (optional: without it the exogenous forces are held at 0) --
  void read_drivers() {
    std::error_code ec;
    const std::string file = path("drivers.yaml");
    out_.world.drivers = std::make_shared<const Drivers>(
        fs::is_regular_file(file, ec) ? urbis::read_drivers(file, kAnchorFirst, kAnchorLast) : Drivers{});
  }

  // --- agreements.yaml -------------------------------------------------------
  void read_agreements() {
    const std::string file = path("agreements.yaml");
    const YAML::Node root = load_yaml(file);
    if (!root.IsMap()) throw InputError(place_of(file, root), "expected a map with the key 'agreements'");
    check_keys(file, root, {"agreements"}, "agreements.yaml");
    const YAML::Node list = root["agreements"];
    if (!list || !list.IsSequence())
      throw InputError(place_of(file, root), "'agreements' must be a list of agreements");

    World& w = out_.world;
    States& s = w.states;
    const std::size_t ns = s.size();
    std::vector<std::vector<std::uint8_t>> flags;
    for (const auto& a : list) {
      if (!a.IsMap()) throw InputError(place_of(file, a), "each agreement must be a map");
      check_keys(file, a, {"name", "issue", "union", "parties", "note"}, "an agreement");
      for (const char* k : {"name", "issue", "parties"})
        if (!a[k]) throw InputError(place_of(file, a), fmt::format("agreement without '{}'", k));
      Agreement g;
      g.name = yaml_string(file, a["name"], "name");
      if (w.agreement_index(g.name) >= 0)
        throw InputError(place_of(file, a["name"]), fmt::format("agreement '{}' is listed twice", g.name));
      g.issue = yaml_issue(file, a["issue"]);
      g.is_union = a["union"] ? yaml_bool(file, a["union"], "union") : false;
      const int gi = static_cast<int>(w.agreements.size());
      w.agreements.push_back(g);
      std::vector<std::uint8_t> in(ns, 0);

      const YAML::Node parties = a["parties"];
      if (parties.IsScalar()) {
        if (parties.Scalar() != "all")
          throw InputError(place_of(file, parties),
                           "parties must be 'all' or a map from accession year to a list of ISO3 codes");
        std::fill(in.begin(), in.end(), 1);
      } else if (parties.IsMap()) {
        std::vector<std::string> absent;
        std::set<int> seen;
        for (const auto& kv : parties) {
          const int year = yaml_int(file, kv.first, "accession year");
          if (!kv.second.IsSequence())
            throw InputError(place_of(file, kv.second), "expected a list of ISO3 codes");
          for (const auto& code : kv.second) {
            const int country = country_of(file, code);
            if (!seen.insert(country).second)
              throw InputError(place_of(file, code),
                               fmt::format("{} is listed twice in '{}'", code.Scalar(), g.name));
            const int j = state_of_country(country);
            if (j < 0) {
              absent.push_back(code.Scalar());
              continue;
            }
            if (year <= year_) in[static_cast<std::size_t>(j)] = 1;
            else out_.agreement_changes.push_back(AgreementChange{year, j, gi, true});
          }
        }
        if (!absent.empty())
          problem(fmt::format("agreements.yaml: {}: {} {} no UN agglomeration and {} not a state of this world",
                              g.name, join(absent), absent.size() == 1 ? "has" : "have",
                              absent.size() == 1 ? "is" : "are"));
      } else {
        throw InputError(place_of(file, parties),
                         "parties must be 'all' or a map from accession year to a list of ISO3 codes");
      }
      flags.push_back(std::move(in));
    }
    s.in_agreement = std::move(flags);
    std::stable_sort(out_.agreement_changes.begin(), out_.agreement_changes.end(),
                     [](const AgreementChange& a, const AgreementChange& b) {
                       return std::tie(a.year, a.agreement, a.state) < std::tie(b.year, b.agreement, b.state);
                     });
  }

  // --- state_traits.yaml -----------------------------------------------------
  void read_traits() {
    const std::string file = path("state_traits.yaml");
    const YAML::Node root = load_yaml(file);
    if (root.IsNull()) return;
    if (!root.IsMap()) throw InputError(place_of(file, root), "expected a map with the key 'states'");
    check_keys(file, root, {"states"}, "state_traits.yaml");
    const YAML::Node states = root["states"];
    if (!states || states.IsNull()) return;
    if (!states.IsMap()) throw InputError(place_of(file, states), "'states' must map ISO3 codes to traits");
    States& s = out_.world.states;
    const std::vector<std::string> traits = {"populism", "centralisation", "openness", "tax_share"};
    std::vector<std::string> absent;
    for (const auto& kv : states) {
      const int country = country_of(file, kv.first);
      if (!kv.second.IsMap())
        throw InputError(place_of(file, kv.second), "expected a map of traits (populism, centralisation, ...)");
      check_keys(file, kv.second, traits, fmt::format("the traits of {}", kv.first.Scalar()));
      const int j = state_of_country(country);
      if (j < 0) absent.push_back(kv.first.Scalar());
      for (const auto& t : kv.second) {
        const std::string key = t.first.Scalar();
        const double v = yaml_number(file, t.second, key);
        if (v < 0 || v > 1)
          throw InputError(place_of(file, t.second), fmt::format("{} must be in [0, 1] (got {})", key, v));
        if (j < 0) continue;
        Eigen::ArrayXd& col = key == "populism"         ? s.populism
                              : key == "centralisation" ? s.centralisation
                              : key == "openness"       ? s.openness
                                                        : s.tax_share;
        col[j] = v;
      }
    }
    if (!absent.empty())
      problem(fmt::format("state_traits.yaml: {} {} no UN agglomeration; traits not used", join(absent),
                          absent.size() == 1 ? "has" : "have"));
  }

  // --- networks.yaml -----------------------------------------------------------
  void read_networks() {
    const std::string file = path("networks.yaml");
    const YAML::Node root = load_yaml(file);
    if (!root.IsMap()) throw InputError(place_of(file, root), "expected a map with the key 'networks'");
    check_keys(file, root, {"networks"}, "networks.yaml");
    const YAML::Node list = root["networks"];
    if (!list || !list.IsSequence())
      throw InputError(place_of(file, root), "'networks' must be a list of networks");

    const std::vector<std::string> keys = {"name",    "issue",         "scope",   "founded",
                                           "ended",   "min_population", "fee_multiple", "sponsored",
                                           "funding", "funding_until", "members_file", "aliases",
                                           "invitation", "max_members", "founding_members",
                                           "invitations_per_year", "note"};
    std::set<std::string> names;
    for (const auto& n : list) {
      if (!n.IsMap()) throw InputError(place_of(file, n), "each network must be a map");
      check_keys(file, n, keys, "a network");
      for (const char* k : {"name", "issue", "scope", "founded"})
        if (!n[k]) throw InputError(place_of(file, n), fmt::format("network without '{}'", k));
      NetworkSeed seed;
      seed.name = yaml_string(file, n["name"], "name");
      if (seed.name.empty()) throw InputError(place_of(file, n["name"]), "a network needs a name");
      if (!names.insert(seed.name).second)
        throw InputError(place_of(file, n["name"]), fmt::format("network '{}' is listed twice", seed.name));
      seed.issue = yaml_issue(file, n["issue"]);
      seed.scope = read_scope(file, n["scope"]);
      seed.founded = yaml_int(file, n["founded"], "founded");
      if (n["ended"]) {
        seed.ended = yaml_int(file, n["ended"], "ended");
        if (seed.ended < 0) throw InputError(place_of(file, n["ended"]), "ended must be a year, or 0 when open");
        if (seed.ended != 0 && seed.founded > seed.ended)
          throw InputError(place_of(file, n["ended"]),
                           fmt::format("network '{}' ends ({}) before it is founded ({})", seed.name, seed.ended,
                                       seed.founded));
      }
      if (n["min_population"]) {
        seed.min_population = yaml_number(file, n["min_population"], "min_population");
        if (seed.min_population < 0)
          throw InputError(place_of(file, n["min_population"]), "min_population must be at least 0");
      }
      if (n["fee_multiple"]) {
        seed.fee_multiple = yaml_number(file, n["fee_multiple"], "fee_multiple");
        if (seed.fee_multiple < 0)
          throw InputError(place_of(file, n["fee_multiple"]), "fee_multiple must be at least 0");
      }
      if (n["sponsored"]) seed.sponsored = yaml_bool(file, n["sponsored"], "sponsored");
      if (n["funding"]) {
        seed.funding = yaml_number(file, n["funding"], "funding");
        if (seed.funding < 0) throw InputError(place_of(file, n["funding"]), "funding must be at least 0");
      }
      if (n["funding_until"]) {
        seed.funding_until = yaml_int(file, n["funding_until"], "funding_until");
        if (seed.funding_until < 0)
          throw InputError(place_of(file, n["funding_until"]), "funding_until must be a year, or 0");
      }
      if (n["invitation"]) {
        seed.invitation = yaml_bool(file, n["invitation"], "invitation");
        if (seed.invitation && !n["members_file"])
          throw InputError(place_of(file, n["invitation"]), "invitation needs a members_file (the invited cities)");
      }
      if (n["founding_members"] || n["invitations_per_year"]) {
        const YAML::Node f = n["founding_members"] ? n["founding_members"] : n["invitations_per_year"];
        if (!seed.invitation)
          throw InputError(place_of(file, f), "founding_members and invitations_per_year need invitation: true");
        if (n["founding_members"]) {
          seed.founding_members = yaml_int(file, n["founding_members"], "founding_members");
          if (seed.founding_members < 0)
            throw InputError(place_of(file, n["founding_members"]), "founding_members must be at least 0 (0: all)");
        }
        if (n["invitations_per_year"]) {
          seed.invitations_per_year = yaml_int(file, n["invitations_per_year"], "invitations_per_year");
          if (seed.invitations_per_year < 0)
            throw InputError(place_of(file, n["invitations_per_year"]), "invitations_per_year must be at least 0");
        }
      }
      if (n["max_members"]) {
        seed.max_members = yaml_number(file, n["max_members"], "max_members");
        if (seed.max_members < 0 || seed.max_members != std::floor(seed.max_members))
          throw InputError(place_of(file, n["max_members"]), "max_members must be a whole number, 0 for no cap");
        // The cap selects among the cities that accept a rule-based network
        // (agents/network/named.hpp); a listed network has its members already.
        if (seed.max_members > 0 && n["members_file"])
          throw InputError(place_of(file, n["max_members"]),
                           "max_members caps a rule-based network; a network with a members_file cannot have one");
      }
      if (n["aliases"] && !n["members_file"])
        throw InputError(place_of(file, n["aliases"]), "aliases need a members_file");
      if (n["members_file"]) seed.members = read_members(file, n, seed.name);
      out_.networks.push_back(std::move(seed));
    }
    std::stable_sort(out_.networks.begin(), out_.networks.end(),
                     [](const NetworkSeed& a, const NetworkSeed& b) { return a.founded < b.founded; });
  }

  Scope read_scope(const std::string& file, const YAML::Node& n) {
    const World& w = out_.world;
    const std::string usage = "scope must be 'global', 'region:NAME', 'union:NAME' or a map {states: [ISO3, ...]}";
    Scope scope;
    if (n.IsMap()) {
      check_keys(file, n, {"states"}, "a scope");
      const YAML::Node list = n["states"];
      if (!list || !list.IsSequence()) throw InputError(place_of(file, n), usage);
      scope.kind = ScopeKind::states;
      scope.states.assign(w.states.size(), 0);
      std::vector<std::string> absent;
      for (const auto& code : list) {
        const int j = state_of_country(country_of(file, code));
        if (j < 0) absent.push_back(code.Scalar());
        else scope.states[static_cast<std::size_t>(j)] = 1;
      }
      if (!absent.empty())
        problem(fmt::format("{}: scope state{} {} {} no UN agglomeration", format_place(place_of(file, list)),
                            absent.size() == 1 ? "" : "s", join(absent), absent.size() == 1 ? "has" : "have"));
      return scope;
    }
    const std::string s = yaml_string(file, n, "scope");
    if (s == "global") return scope;
    const auto colon = s.find(':');
    const std::string kind = s.substr(0, colon);
    const std::string name = colon == std::string::npos ? "" : s.substr(colon + 1);
    if (colon != std::string::npos && kind == "region") {
      const auto it = std::find(w.region_names.begin(), w.region_names.end(), name);
      if (it == w.region_names.end())
        throw InputError(place_of(file, n), fmt::format("unknown region '{}'{}; regions: {}", name,
                                                        did_you_mean(name, w.region_names),
                                                        list_choices(w.region_names)));
      scope.kind = ScopeKind::region;
      scope.index = static_cast<int>(it - w.region_names.begin());
      return scope;
    }
    if (colon != std::string::npos && kind == "union") {
      std::vector<std::string> unions;
      for (const auto& g : w.agreements)
        if (g.is_union) unions.push_back(g.name);
      const int g = w.agreement_index(name);
      if (g < 0 || !w.agreements[static_cast<std::size_t>(g)].is_union)
        throw InputError(place_of(file, n), fmt::format("unknown union '{}'{}; unions: {}", name,
                                                        did_you_mean(name, unions), list_choices(unions)));
      scope.kind = ScopeKind::union_members;
      scope.index = g;
      return scope;
    }
    throw InputError(place_of(file, n), fmt::format("unknown scope '{}'{}; {}", s,
                                                    did_you_mean(kind, {"global", "region", "union", "states"}),
                                                    usage));
  }

  // Named members of a network: each name of the members file is matched to
  // a UN agglomeration of its state directly, through the alias table, or by
  // a case- and accent-insensitive comparison; failing that it is looked up
  // in Natural Earth's populated places and added as a city. Every name ends
  // up as a member or in the problems.
  std::vector<int> read_members(const std::string& file, const YAML::Node& n, const std::string& network) {
    const std::string members_name = yaml_string(file, n["members_file"], "members_file");
    std::unordered_map<std::string, std::pair<std::string, YAML::Node>> aliases;
    if (const YAML::Node a = n["aliases"]) {
      if (!a.IsMap()) throw InputError(place_of(file, a), "aliases must map member names to UN agglomeration names");
      for (const auto& kv : a)
        aliases[yaml_string(file, kv.first, "alias")] = {yaml_string(file, kv.second, "alias target"), kv.second};
    }
    ensure_city_index();
    std::set<std::string> used_aliases;
    std::vector<int> members;
    std::set<int> member_set;
    CsvFile<2> f(path(members_name), {"city", "iso3"});
    while (f.next()) {
      const std::string name = f.text(0), iso3 = f.text(1);
      const auto country = by_code_.find(iso3);
      const int j = country == by_code_.end() ? -1 : state_of_country(country->second);
      if (j < 0) {
        problem(fmt::format("{}: {}: '{}' ({}) not found: {}; left out", format_place(f.place()), network, name,
                            iso3, country == by_code_.end() ? "unknown ISO3 code" : "the state has no UN agglomeration"));
        continue;
      }
      int city = find_city(j, name);
      std::string how;
      if (city < 0) {
        if (const auto a = aliases.find(name); a != aliases.end()) {
          used_aliases.insert(name);
          city = find_city(j, a->second.first);
          if (city < 0) {
            std::vector<std::string> candidates;
            for (int c : state_city_list(j)) candidates.push_back(records_[static_cast<std::size_t>(c)].name);
            throw InputError(place_of(file, a->second.second),
                             fmt::format("alias '{}' -> '{}': no agglomeration of that name in {}{}", name,
                                         a->second.first, iso3, did_you_mean(a->second.first, candidates)));
          }
        }
      }
      if (city < 0) city = find_city_folded(j, name);
      if (city < 0) {
        city = add_from_natural_earth(j, countries_[static_cast<std::size_t>(country->second)], name);
        if (city >= 0)
          problem(fmt::format("{}: {}: '{}' ({}) is not a UN agglomeration; added from Natural Earth "
                              "(population {:.0f})",
                              format_place(f.place()), network, name, iso3,
                              records_[static_cast<std::size_t>(city)].population));
      }
      if (city < 0) {
        problem(fmt::format("{}: {}: '{}' ({}) not found in the UN file or in Natural Earth; left out",
                            format_place(f.place()), network, name, iso3));
        continue;
      }
      if (!member_set.insert(city).second) {
        problem(fmt::format("{}: {}: '{}' ({}) is part of the UN agglomeration '{}', already a member; "
                            "counted once",
                            format_place(f.place()), network, name, iso3,
                            records_[static_cast<std::size_t>(city)].name));
        continue;
      }
      members.push_back(city);
    }
    for (const auto& [name, target] : aliases)
      if (!used_aliases.count(name))
        problem(fmt::format("{}: {}: alias '{}' is not used by any member", format_place(place_of(file, target.second)),
                            network, name));
    return members;
  }

  // City records (UN agglomerations alive at the start year), created once.
  void ensure_city_index() {
    if (!records_.empty()) return;
    for (std::size_t i = 0; i < un_.size(); ++i) {
      if (un_country_[i] < 0 || un_population_[i] <= 0) continue;
      CityRecord r;
      r.name = un_[i].name;
      r.state = state_of_country(un_country_[i]);
      r.lat = un_[i].lat;
      r.lon = un_[i].lon;
      r.population = un_population_[i];
      r.reference_population = un_population::at(un_[i].pop, 2015);
      r.un = static_cast<int>(i);
      add_record(std::move(r));
    }
  }

  int add_record(CityRecord r) {
    const int idx = static_cast<int>(records_.size());
    by_state_name_[{r.state, r.name}] = idx;
    by_state_folded_.emplace(std::make_pair(r.state, fold_name(r.name)), idx);
    if (static_cast<std::size_t>(r.state) >= state_records_.size())
      state_records_.resize(static_cast<std::size_t>(r.state) + 1);
    state_records_[static_cast<std::size_t>(r.state)].push_back(idx);
    records_.push_back(std::move(r));
    return idx;
  }

  int find_city(int state, const std::string& name) const {
    const auto it = by_state_name_.find({state, name});
    return it == by_state_name_.end() ? -1 : it->second;
  }
  int find_city_folded(int state, const std::string& name) const {
    const auto it = by_state_folded_.find({state, fold_name(name)});
    return it == by_state_folded_.end() ? -1 : it->second;
  }
  const std::vector<int>& state_city_list(int state) const {
    static const std::vector<int> none;
    return static_cast<std::size_t>(state) < state_records_.size() ? state_records_[static_cast<std::size_t>(state)]
                                                                   : none;
  }

  struct Place {
    std::string name, nameascii, adm0;
    double lat, lon, pop;
  };
  int add_from_natural_earth(int state, const Country& c, const std::string& name) {
    if (!places_loaded_) {
      places_loaded_ = true;
      CsvFile<6> f(path("ne-populated-places.csv"),
                   {"name", "nameascii", "adm0_a3", "latitude", "longitude", "pop_max"});
      while (f.next())
        places_.push_back(Place{f.text(0), f.text(1), f.text(2), f.number(3), f.number(4),
                                f.maybe_number(5).value_or(0)});
    }
    const std::string key = fold_name(name);
    const Place* best = nullptr;
    for (const auto& p : places_) {
      if (p.adm0 != c.adm0 && p.adm0 != c.iso3) continue;
      if (fold_name(p.name) != key && fold_name(p.nameascii) != key) continue;
      if (!best || p.pop > best->pop) best = &p;
    }
    if (!best || best->pop <= 0) return -1;
    CityRecord r;
    r.name = best->name;
    r.state = state;
    r.lat = best->lat;
    r.lon = best->lon;
    r.population = best->pop;
    r.reference_population = best->pop;
    r.added = true;
    return add_record(std::move(r));
  }

  // --- Cities ------------------------------------------------------------------
  void build_cities() {
    ensure_city_index();
    World& w = out_.world;
    const std::size_t n = records_.size();

    // Unique names: in a group of equal names the city with the most people
    // in 2015 keeps the name, the others get " (ISO3)" (and a number when
    // that is not enough).
    std::unordered_map<std::string, std::vector<int>> groups;
    for (std::size_t i = 0; i < n; ++i) groups[records_[i].name].push_back(static_cast<int>(i));
    std::vector<std::string> names(n);
    std::set<std::string> taken;
    for (std::size_t i = 0; i < n; ++i) names[i] = records_[i].name, taken.insert(records_[i].name);
    std::vector<std::string> dup_names;
    for (const auto& [name, list] : groups)
      if (list.size() > 1) dup_names.push_back(name);
    std::sort(dup_names.begin(), dup_names.end());
    for (const auto& name : dup_names) {
      std::vector<int> list = groups[name];
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
        return records_[static_cast<std::size_t>(a)].reference_population >
               records_[static_cast<std::size_t>(b)].reference_population;
      });
      std::vector<std::string> renamed;
      for (std::size_t k = 1; k < list.size(); ++k) {
        const auto i = static_cast<std::size_t>(list[k]);
        const std::string& iso3 = w.states.iso3[static_cast<std::size_t>(records_[i].state)];
        std::string candidate = fmt::format("{} ({})", name, iso3);
        for (int m = 2; taken.count(candidate); ++m) candidate = fmt::format("{} ({} {})", name, iso3, m);
        taken.insert(candidate);
        names[i] = candidate;
        renamed.push_back(fmt::format("'{}'", candidate));
      }
      const auto keeper = static_cast<std::size_t>(list.front());
      problem(fmt::format("duplicate agglomeration name '{}': kept it for the one in {}, renamed {}", name,
                          w.states.iso3[static_cast<std::size_t>(records_[keeper].state)], join(renamed)));
    }

    Cities& c = w.cities;
    c.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      const CityRecord& r = records_[i];
      c.name[i] = std::move(names[i]);
      c.state[ii] = r.state;
      c.region[ii] = w.states.region[r.state];
      c.lat[ii] = r.lat;
      c.lon[ii] = r.lon;
      c.population[ii] = r.population;
    }
    build_city_paths();
  }

  // Each city's population path (one row per city): its UN series; a city
  // added from Natural Earth (no UN series) has its populated place's
  // population in 2015 and its nation's population growth.
  void build_city_paths() {
    const std::size_t n = records_.size();
    const auto years = static_cast<std::size_t>(anchors_.years);
    anchors_.city_path.assign(n * years, 0.0);
    anchors_.city_row.resize(n);
    anchors_.city_scale.assign(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
      const CityRecord& r = records_[i];
      anchors_.city_row[i] = static_cast<std::int32_t>(i);
      double* row = anchors_.city_path.data() + i * years;
      const auto j = static_cast<std::size_t>(r.state);
      const double national_2015 = anchors_.national_population_at(j, 2015);
      if (r.un < 0) {
        for (std::size_t t = 0; t < years; ++t) {
          const int year = anchors_.first_year + static_cast<int>(t);
          row[t] = national_2015 > 0 ? r.population * anchors_.national_population_at(j, year) / national_2015
                                     : r.population;
        }
        continue;
      }
      un_population::path(un_[static_cast<std::size_t>(r.un)].pop, anchors_.first_year, years, row);
    }
  }

  fs::path dir_;
  int year_;
  WorldData out_;
  Anchors anchors_;

  std::vector<Country> countries_;
  std::unordered_map<std::string, int> by_code_;  // ISO3 and adm0_a3 -> country
  std::unordered_map<std::string, int> code_line_;  // ISO3 and adm0_a3 -> line of ne-admin0-countries.csv
  std::map<int, int> by_m49_;                     // UN M49 -> country
  std::unordered_map<std::string, std::string> wb_alias_;  // World Bank code -> NE ISO3
  std::map<std::string, std::string> wb_names_;            // World Bank code -> name
  std::unordered_map<std::string, Series> wb_pop_, wb_gdp_;

  std::vector<UnCity> un_;
  std::vector<int> un_country_;        // UN city -> country (-1: none)
  std::vector<double> un_population_;  // at the start year (people)
  std::vector<int> state_country_;     // state -> country
  std::vector<int> country_state_;     // country -> state (-1: none)

  std::vector<CityRecord> records_;
  std::map<std::pair<int, std::string>, int> by_state_name_;
  std::map<std::pair<int, std::string>, int> by_state_folded_;
  std::vector<std::vector<int>> state_records_;

  bool places_loaded_ = false;
  std::vector<Place> places_;
};

}  // namespace

WorldData load_real_world(const RealWorldSpec& spec, int start_year) {
  return Loader(spec, start_year).run();
}

}  // namespace urbis
