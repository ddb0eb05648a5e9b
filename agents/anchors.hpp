#pragma once
// The data paths a run is anchored to (docs/MODEL.md 6 and 7.2): each state's
// national population and GDP, each city's population, and the world's GDP,
// year by year. The world loaders prepare them from the data (World Bank, UN
// World Urbanization Prospects) or from a synthetic world's growth rates;
// the economy phase reads them. Competition and cooperation move cities
// around these paths, within documented margins; they cannot create output.
//
// One world's anchors are shared, read-only, by every run made from it
// (World holds them through a shared_ptr), so copying a world for a run of a
// sweep does not copy them.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace urbis {

struct Anchors {
  // Columns are years first_year, first_year + 1, ...; a year outside them
  // reads the nearest column (the paths are held flat beyond their ends).
  int first_year = 0;
  int years = 0;

  std::vector<double> national_population;  // states x years (people)
  std::vector<double> national_gdp;         // states x years (USD, current prices)
  std::vector<double> world_gdp;            // years: GDP of the whole world (USD), for checks and captions

  // City population paths: city i follows row city_row[i] of city_path,
  // multiplied by city_scale[i]. A real world has one row per city (its UN
  // series); a synthetic world one row per state (its urban growth), scaled
  // to each city's start population, so it costs 12 bytes per city.
  std::vector<double> city_path;       // rows x years (people, before scaling)
  std::vector<std::int32_t> city_row;  // per city
  std::vector<double> city_scale;      // per city

  std::size_t column(int year) const {
    return static_cast<std::size_t>(std::clamp(year - first_year, 0, std::max(years - 1, 0)));
  }
  double national_population_at(std::size_t state, int year) const {
    return national_population[state * static_cast<std::size_t>(years) + column(year)];
  }
  double national_gdp_at(std::size_t state, int year) const {
    return national_gdp[state * static_cast<std::size_t>(years) + column(year)];
  }
  double world_gdp_at(int year) const { return world_gdp.empty() ? 0.0 : world_gdp[column(year)]; }
  double city_population_at(std::size_t city, int year) const {
    const auto row = static_cast<std::size_t>(city_row[city]);
    return city_scale[city] * city_path[row * static_cast<std::size_t>(years) + column(year)];
  }
  std::size_t states() const { return years > 0 ? national_gdp.size() / static_cast<std::size_t>(years) : 0; }
  std::size_t cities() const { return city_row.size(); }
};

// Allocates the tables for `states` states, `rows` city rows and `cities`
// cities over [first_year, last_year], zero-filled (city_scale 1, rows
// unassigned: city i reads row 0 until set).
Anchors make_anchors(int first_year, int last_year, std::size_t states, std::size_t rows, std::size_t cities);

}  // namespace urbis
