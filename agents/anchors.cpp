#include "agents/anchors.hpp"

namespace urbis {

Anchors make_anchors(int first_year, int last_year, std::size_t states, std::size_t rows, std::size_t cities) {
  Anchors a;
  a.first_year = first_year;
  a.years = std::max(last_year - first_year + 1, 1);
  const auto y = static_cast<std::size_t>(a.years);
  a.national_population.assign(states * y, 0.0);
  a.national_gdp.assign(states * y, 0.0);
  a.world_gdp.assign(y, 0.0);
  a.city_path.assign(rows * y, 0.0);
  a.city_row.assign(cities, 0);
  a.city_scale.assign(cities, 1.0);
  return a;
}

}  // namespace urbis
