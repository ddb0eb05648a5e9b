#pragma once
// The World Bank's national series (population; GDP in current USD), by the
// Natural Earth code of each country. Internal to sim/world.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/world/natural_earth.hpp"
#include "sim/world/yearly_path.hpp"

namespace urbis::world_bank {

using world_paths::Series;  // year -> value

struct WorldBank {
  std::string population_file, gdp_file;
  std::unordered_map<std::string, Series> population, gdp;  // by Natural Earth ISO3 (or the World Bank's code)
  std::map<std::string, std::string> names;                 // World Bank code -> country name

  // The series of a code as the World Bank writes it (WLD: the world), or nullptr.
  static const Series* find_code(const std::unordered_map<std::string, Series>& m, const std::string& code);
  // The series of a Natural Earth country (by ISO3, then adm0_a3), or nullptr.
  static const Series* find(const std::unordered_map<std::string, Series>& m, const natural_earth::Country& c);
};

// Reads both files (rows with no value or 0 are gaps; a negative value, or a
// code and year given twice, is an InputError). Codes the World Bank writes
// differently from Natural Earth are stored under Natural Earth's.
WorldBank read(const std::string& population_file, const std::string& gdp_file,
               const natural_earth::Countries& countries);

// One problem line for each World Bank country without a Natural Earth row
// (its series are not used); regional and income aggregates are not countries.
void report_unmatched(const WorldBank& wb, const natural_earth::Countries& countries,
                      std::vector<std::string>& problems);

// GDP per capita in the years that have both series (empty if one is null).
Series per_capita(const Series* population, const Series* gdp);

}  // namespace urbis::world_bank
