#include "sim/world/world_bank.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "sim/core/parallel.hpp"
#include "sim/world/world_csv.hpp"

namespace urbis::world_bank {

using namespace world_io;

namespace {

// World Bank codes that differ from Natural Earth's (World Bank -> NE adm0_a3).
constexpr std::pair<const char*, const char*> kWorldBankCodes[] = {{"XKX", "KOS"}};
// World Bank countries known to have no Natural Earth row, and why.
constexpr std::pair<const char*, const char*> kWorldBankWithoutRow[] = {
    {"CHI", "Natural Earth has Jersey (JEY) and Guernsey (GGY) but no joint row"}};

// World Bank regional and income aggregates: not countries, dropped.
constexpr const char* kWorldBankAggregates[] = {"AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS",
                                                "EMU", "EUU", "FCS", "HIC", "HPC", "IBD", "IBT", "IDA", "IDB", "IDX",
                                                "INX", "LAC", "LCN", "LDC", "LIC", "LMC", "LMY", "LTE", "MEA", "MIC",
                                                "MNA", "NAC", "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA", "SSF",
                                                "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC", "WLD"};

// World Bank code -> Natural Earth ISO3, for the codes that differ.
std::unordered_map<std::string, std::string> aliases(const natural_earth::Countries& countries) {
  std::unordered_map<std::string, std::string> out;
  for (const auto& [wb, ne] : kWorldBankCodes)
    if (const int k = countries.find(ne); k >= 0) out.emplace(wb, countries.rows[static_cast<std::size_t>(k)].iso3);
  return out;
}

void read_file(const std::string& file, const std::unordered_map<std::string, std::string>& alias,
               std::unordered_map<std::string, Series>& out, std::map<std::string, std::string>& names) {
  CsvFile<4> f(file, {"Country Name", "Country Code", "Year", "Value"});
  // A country's rows come together, so its series, the years seen and its
  // name are looked up once per run of rows, not once per row.
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> seen;  // code -> (year, line)
  std::string run_code;
  std::vector<std::pair<int, int>>* run_seen = nullptr;
  Series* run_series = nullptr;
  while (f.next()) {
    const std::string code = f.text(1);
    const auto v = f.maybe_number(3);
    const int year = f.integer(2);
    if (v && *v < 0) throw InputError(f.place(), fmt::format("column 'Value': {} is negative", f.text(3)));
    const bool new_run = !run_seen || code != run_code;
    if (new_run) {
      run_code = code;
      run_seen = &seen[code];
      const auto a = alias.find(code);
      run_series = &out[a != alias.end() ? a->second : code];
    }
    const auto first = std::find_if(run_seen->begin(), run_seen->end(), [&](const auto& e) { return e.first == year; });
    if (first != run_seen->end())
      throw InputError(f.place(), fmt::format("{} {} is given twice (first on line {})", code, year, first->second));
    run_seen->emplace_back(year, f.line());
    std::string name = f.text(0);  // every row's, so that each name is checked to be UTF-8
    if (new_run) names.try_emplace(code, std::move(name));
    if (v && *v > 0) run_series->insert_or_assign(run_series->end(), year, *v);
  }
}

}  // namespace

const Series* WorldBank::find_code(const std::unordered_map<std::string, Series>& m, const std::string& code) {
  const auto it = m.find(code);
  return it == m.end() ? nullptr : &it->second;
}

const Series* WorldBank::find(const std::unordered_map<std::string, Series>& m, const natural_earth::Country& c) {
  if (const auto it = m.find(c.iso3); it != m.end()) return &it->second;
  if (const auto it = m.find(c.adm0); it != m.end()) return &it->second;
  return nullptr;
}

WorldBank read(const std::string& population_file, const std::string& gdp_file,
               const natural_earth::Countries& countries) {
  WorldBank wb;
  wb.population_file = population_file;
  wb.gdp_file = gdp_file;
  const auto alias = aliases(countries);
  // The two files are read at once; a country's name is the population
  // file's, as when they were read one after the other, and a mistake in both
  // is reported from the population file.
  std::map<std::string, std::string> gdp_names;
  run_both([&] { read_file(population_file, alias, wb.population, wb.names); },
           [&] { read_file(gdp_file, alias, wb.gdp, gdp_names); });
  wb.names.merge(gdp_names);
  return wb;
}

void report_unmatched(const WorldBank& wb, const natural_earth::Countries& countries,
                      std::vector<std::string>& problems) {
  const auto alias = aliases(countries);
  const std::set<std::string> aggregates(std::begin(kWorldBankAggregates), std::end(kWorldBankAggregates));
  for (const auto& [code, name] : wb.names) {
    if (aggregates.count(code) || countries.by_code.count(code) || alias.count(code)) continue;
    std::string why;
    for (const auto& [c, w] : kWorldBankWithoutRow)
      if (code == c) why = fmt::format(" ({})", w);
    problems.push_back(
        fmt::format("World Bank country {} ({}) has no Natural Earth row{}; its series are not used", name, code, why));
  }
}

Series per_capita(const Series* pop, const Series* gdp) {
  Series pc;
  if (!pop || !gdp) return pc;
  for (const auto& [y, v] : *gdp)
    if (const auto p = pop->find(y); p != pop->end() && p->second > 0) pc[y] = v / p->second;
  return pc;
}

}  // namespace urbis::world_bank
