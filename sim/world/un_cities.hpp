#pragma once
// The UN's World Urbanization Prospects 2018: the agglomerations of 300,000
// people or more, their places and their 5-year populations (the yearly path
// they make is sim/world/un_population.hpp). Internal to sim/world.
#include <string>
#include <vector>

#include "sim/world/natural_earth.hpp"
#include "sim/world/un_population.hpp"

namespace urbis::un_cities {

struct UnCity {
  int code = 0;  // the country's UN M49 code
  std::string country, name;
  double lat = 0, lon = 0;
  un_population::Columns pop{};  // thousands
  int line = 0;
};

// Reads un-wup2018-cities-over-300k.csv (InputError on a city code given
// twice, an empty name or a negative population).
std::vector<UnCity> read(const std::string& file);

// Each agglomeration's Natural Earth country and its people in the start
// year: country -1 when its M49 code has no Natural Earth row, people 0 when
// it had none then (both reported in the problems, all cities of a country
// on one line).
struct AtStart {
  std::vector<int> country;
  std::vector<double> population;
};
AtStart at_start(const std::vector<UnCity>& cities, const natural_earth::Countries& countries, int year,
                 std::vector<std::string>& problems);

}  // namespace urbis::un_cities
