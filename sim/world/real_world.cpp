// The real world assembled from its sources: each source is read by its own
// file (natural_earth, world_bank, un_cities, state_economies,
// agreements_file, state_traits_file, networks_file with member_matching);
// here the states and cities of the world are chosen and put together.
#include "sim/world/real_world.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "sim/core/parallel.hpp"
#include "sim/world/agreements_file.hpp"
#include "sim/world/city_names.hpp"
#include "sim/world/city_register.hpp"
#include "sim/world/drivers_file.hpp"
#include "sim/world/member_matching.hpp"
#include "sim/world/natural_earth.hpp"
#include "sim/world/networks_file.hpp"
#include "sim/world/state_codes.hpp"
#include "sim/world/state_economies.hpp"
#include "sim/world/state_traits_file.hpp"
#include "sim/world/un_cities.hpp"
#include "sim/world/un_population.hpp"
#include "sim/world/world_bank.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;
using natural_earth::Countries;
using un_cities::UnCity;

// One state per country with a UN agglomeration alive at the start year,
// sorted by ISO3: its identity columns and the world's regions. Traits not
// given in state_traits.yaml stay unknown (NaN): the model's defaults
// (states.* parameters) fill them at initialisation. The agreements are read
// later and size their own flags.
StateCodes choose_states(const Countries& countries, const un_cities::AtStart& alive, World& w) {
  std::set<int> with_cities;
  for (std::size_t i = 0; i < alive.country.size(); ++i)
    if (alive.country[i] >= 0 && alive.population[i] > 0) with_cities.insert(alive.country[i]);
  std::vector<int> order(with_cities.begin(), with_cities.end());
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return countries.rows[static_cast<std::size_t>(a)].iso3 < countries.rows[static_cast<std::size_t>(b)].iso3;
  });
  std::set<std::string> regions;
  for (int k : order) regions.insert(countries.rows[static_cast<std::size_t>(k)].region);
  w.region_names.assign(regions.begin(), regions.end());

  const std::size_t ns = order.size();
  StateCodes codes{countries, std::vector<int>(countries.rows.size(), -1), order};
  for (std::size_t j = 0; j < ns; ++j) codes.country_state[static_cast<std::size_t>(order[j])] = static_cast<int>(j);
  States& s = w.states;
  s.resize(ns, 0);
  for (std::size_t j = 0; j < ns; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const natural_earth::Country& c = countries.rows[static_cast<std::size_t>(order[j])];
    s.iso3[j] = c.iso3;
    s.name[j] = c.name;
    s.region[jj] =
        static_cast<int>(std::find(w.region_names.begin(), w.region_names.end(), c.region) - w.region_names.begin());
    s.tax_share[jj] = s.populism[jj] = s.centralisation[jj] = s.openness[jj] = std::nan("");
  }
  return codes;
}

// Each state's people in its UN agglomerations at the start year.
std::vector<double> urban_population(const un_cities::AtStart& alive, const StateCodes& codes, std::size_t states) {
  std::vector<double> urban(states, 0.0);
  for (std::size_t i = 0; i < alive.country.size(); ++i)
    if (alive.country[i] >= 0)
      if (const int j = codes.state_of_country(alive.country[i]); j >= 0)
        urban[static_cast<std::size_t>(j)] += alive.population[i];
  return urban;
}

// The UN agglomerations alive at the start year, the first cities of the world.
CityRegister un_city_register(const std::vector<UnCity>& un, const un_cities::AtStart& alive, const StateCodes& codes) {
  CityRegister cities;
  for (std::size_t i = 0; i < un.size(); ++i) {
    if (alive.country[i] < 0 || alive.population[i] <= 0) continue;
    CityRecord r;
    r.name = un[i].name;
    r.state = codes.state_of_country(alive.country[i]);
    r.lat = un[i].lat;
    r.lon = un[i].lon;
    r.population = alive.population[i];
    r.reference_population = un_population::at(un[i].pop, 2015);
    r.un = static_cast<int>(i);
    cities.add(std::move(r));
  }
  return cities;
}

// Each city's population path (one row per city): its UN series; a city
// added from Natural Earth (no UN series) has its populated place's
// population in 2015 and its nation's population growth.
void city_paths(const CityRegister& cities, const std::vector<UnCity>& un, Anchors& anchors) {
  const std::size_t n = cities.records().size();
  const auto years = static_cast<std::size_t>(anchors.years);
  anchors.city_path.assign(n * years, 0.0);
  anchors.city_row.resize(n);
  anchors.city_scale.assign(n, 1.0);
  // Each city fills its own row: 301 years of interpolation, with a pow or an
  // exp2 a year outside the UN's 1950-2035, so the rows are filled in pieces.
  for_each_index_in_pieces(n, [&](std::size_t i) {
    const CityRecord& r = cities.records()[i];
    anchors.city_row[i] = static_cast<std::int32_t>(i);
    double* row = anchors.city_path.data() + i * years;
    const auto j = static_cast<std::size_t>(r.state);
    const double national_2015 = anchors.national_population_at(j, 2015);
    if (r.un < 0) {
      for (std::size_t t = 0; t < years; ++t) {
        const int year = anchors.first_year + static_cast<int>(t);
        row[t] =
            national_2015 > 0 ? r.population * anchors.national_population_at(j, year) / national_2015 : r.population;
      }
      return;
    }
    un_population::path(un[static_cast<std::size_t>(r.un)].pop, anchors.first_year, years, row);
  });
}

// The world's cities from the register, with unique names and their paths.
void build_cities(const CityRegister& cities, const std::vector<UnCity>& un, World& w, Anchors& anchors,
                  std::vector<std::string>& problems) {
  const std::vector<CityRecord>& records = cities.records();
  const std::size_t n = records.size();
  std::vector<std::string> given(n), iso3(n);
  std::vector<double> reference(n);
  for (std::size_t i = 0; i < n; ++i) {
    given[i] = records[i].name;
    iso3[i] = w.states.iso3[static_cast<std::size_t>(records[i].state)];
    reference[i] = records[i].reference_population;
  }
  std::vector<std::string> names = city_names::unique(given, iso3, reference, problems);

  Cities& c = w.cities;
  c.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    const CityRecord& r = records[i];
    c.name[i] = std::move(names[i]);
    c.state[ii] = r.state;
    c.region[ii] = w.states.region[r.state];
    c.lat[ii] = r.lat;
    c.lon[ii] = r.lon;
    c.population[ii] = r.population;
  }
  city_paths(cities, un, anchors);
}

}  // namespace

WorldData load_real_world(const RealWorldSpec& spec, int start_year) {
  const fs::path dir = spec.directory.empty() ? fs::path(".") : fs::path(spec.directory);
  auto path = [&](const char* name) { return (dir / name).string(); };
  WorldData out;
  World& w = out.world;
  std::vector<std::string>& problems = out.problems;

  const Countries countries = natural_earth::read_countries(path("ne-admin0-countries.csv"));
  const world_bank::WorldBank wb =
      world_bank::read(path("world-bank-population.csv"), path("world-bank-gdp.csv"), countries);
  world_bank::report_unmatched(wb, countries, problems);
  const std::vector<UnCity> un = un_cities::read(path("un-wup2018-cities-over-300k.csv"));
  const un_cities::AtStart alive = un_cities::at_start(un, countries, start_year, problems);

  const StateCodes codes = choose_states(countries, alive, w);
  std::vector<const natural_earth::Country*> country_of_state;
  for (const int k : codes.state_country) country_of_state.push_back(&countries.rows[static_cast<std::size_t>(k)]);
  Anchors anchors = state_economies::national_paths(
      w.states, country_of_state, wb, urban_population(alive, codes, w.states.size()), start_year, problems);
  read_agreements(path("agreements.yaml"), codes, start_year, w, out.agreement_changes, problems);
  read_state_traits(path("state_traits.yaml"), codes, w.states, problems);

  CityRegister cities = un_city_register(un, alive, codes);
  natural_earth::PopulatedPlaces places(path("ne-populated-places.csv"));
  MemberMatcher members(dir, codes, cities, places, problems);
  out.networks = read_networks(path("networks.yaml"), codes, w, members, problems);
  build_cities(cities, un, w, anchors, problems);

  // drivers.yaml is optional: without it the exogenous forces are held at 0.
  std::error_code ec;
  const std::string drivers = path("drivers.yaml");
  w.drivers = std::make_shared<const Drivers>(
      fs::is_regular_file(drivers, ec) ? read_drivers(drivers, state_economies::kFirstYear, state_economies::kLastYear)
                                       : Drivers{});
  w.index_states();
  w.anchors = std::make_shared<const Anchors>(std::move(anchors));
  return out;
}

}  // namespace urbis
