#include "sim/world/un_cities.hpp"

#include <array>
#include <map>

#include <fmt/format.h>

#include "sim/world/text_list.hpp"
#include "sim/world/world_csv.hpp"

namespace urbis::un_cities {

using namespace world_io;
using un_population::kColumns;
using un_population::kFirstYear;
using un_population::kYearStep;

std::vector<UnCity> read(const std::string& file) {
  std::array<std::string, kColumns> years;
  for (int k = 0; k < kColumns; ++k) years[static_cast<std::size_t>(k)] = std::to_string(kFirstYear + kYearStep * k);
  std::array<const char*, 6 + kColumns> cols{"Country Code", "Country or area", "Urban Agglomeration",
                                             "Latitude",     "Longitude",       "City Code"};
  for (int k = 0; k < kColumns; ++k) cols[6 + static_cast<std::size_t>(k)] = years[static_cast<std::size_t>(k)].c_str();
  CsvFile<6 + kColumns> f(file, cols);
  std::vector<UnCity> out;
  std::map<int, int> city_codes;  // City Code (the UN's id of an agglomeration) -> line
  while (f.next()) {
    UnCity c;
    c.code = f.integer(0);
    if (const auto [it, fresh] = city_codes.emplace(f.integer(5), f.line()); !fresh)
      throw InputError(f.place(),
                       fmt::format("column 'City Code': {} is given twice (first on line {})", f.text(5), it->second));
    c.country = f.text(1);
    c.name = f.text(2);
    if (c.name.empty()) throw InputError(f.place(), "column 'Urban Agglomeration' is empty");
    c.lat = f.number(3);
    c.lon = f.number(4);
    for (int k = 0; k < kColumns; ++k) {
      const double p = f.number(6 + static_cast<unsigned>(k));
      if (p < 0)
        throw InputError(f.place(),
                         fmt::format("column '{}': population {} is negative", years[static_cast<std::size_t>(k)], p));
      c.pop[static_cast<std::size_t>(k)] = p;
    }
    c.line = f.line();
    out.push_back(std::move(c));
  }
  return out;
}

AtStart at_start(const std::vector<UnCity>& un, const natural_earth::Countries& countries, int year,
                 std::vector<std::string>& problems) {
  AtStart out;
  std::map<int, std::vector<std::size_t>> unmatched;  // M49 -> cities
  out.country.assign(un.size(), -1);
  for (std::size_t i = 0; i < un.size(); ++i) {
    const auto it = countries.by_m49.find(un[i].code);
    if (it == countries.by_m49.end()) unmatched[un[i].code].push_back(i);
    else out.country[i] = it->second;
  }
  for (const auto& [code, list] : unmatched) {
    const std::string why = natural_earth::why_no_row(code);
    std::vector<std::string> names;
    for (std::size_t i : list) names.push_back(un[i].name);
    problems.push_back(fmt::format("UN country {} ({}) has no Natural Earth row{}; skipped its {} agglomeration{}: {}",
                                   code, un[list.front()].country, why.empty() ? "" : fmt::format(" ({})", why),
                                   list.size(), list.size() == 1 ? "" : "s", join(names)));
  }

  out.population.assign(un.size(), 0.0);
  std::vector<std::string> empty_now;
  for (std::size_t i = 0; i < un.size(); ++i) {
    if (out.country[i] < 0) continue;
    out.population[i] = un_population::at(un[i].pop, year);
    if (out.population[i] <= 0) empty_now.push_back(un[i].name);
  }
  if (!empty_now.empty())
    problems.push_back(fmt::format("{} UN agglomeration{} had no population in {} and {} left out: {}",
                                   empty_now.size(), empty_now.size() == 1 ? "" : "s", year,
                                   empty_now.size() == 1 ? "is" : "are", join(empty_now)));
  return out;
}

}  // namespace urbis::un_cities
