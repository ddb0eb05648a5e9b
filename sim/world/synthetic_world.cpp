#include "sim/world/synthetic_world.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/random.hpp"

namespace urbis {
namespace {

// Population of the largest synthetic city. City sizes follow Zipf's law
// exactly, P_r = kTopPopulation / r^s for rank r = 1..N, with no floor, so
// the rank-size slope is -s whatever N is. With s = 1 a world of 2,000
// cities runs from 20 million down to 10,000 people (about the span of the
// UN file); a world of a million cities has a long tail of villages, which
// is what Zipf's law with a fixed top implies.
constexpr double kTopPopulation = 2.0e7;

// Share of a synthetic state's people who live in its cities: national
// population = city population / kUrbanShare. About the world's urban share
// in 2018 (55%, UN WUP 2018).
constexpr double kUrbanShare = 0.55;

// GDP per capita of a state is log-uniform over this range (USD per year).
constexpr double kMinGdpPc = 1000.0, kMaxGdpPc = 60000.0;
// Growth of GDP per capita g ~ U(0, kMaxGrowth) and of population u ~ U(0,
// kMaxUrbanGrowth), per year: the synthetic world's data paths.
constexpr double kMaxGrowth = 0.04, kMaxUrbanGrowth = 0.03;
// State sizes: each state draws a weight exp(kStateSizeSd N(0,1)); cities
// beyond the first one per state pick their state with these weights.
constexpr double kStateSizeSd = 1.0;
// Cities scatter around their state's centre with this sd (degrees).
constexpr double kCitySpreadDeg = 4.0;
// The years the data paths span (as a real world's: agents/anchors.hpp).
constexpr int kAnchorFirst = 1900, kAnchorLast = 2200;

// Sub-streams of Phase::synthetic_world: the `step` slot of the counter
// separates the kinds of agent (the world is built before step 0 and is
// keyed by spec.seed only, never by the run seed).
enum Stream : std::uint32_t { city_stream = 0, state_stream = 1 };
// Draw slots within a city's stream.
enum CityDraw : std::uint32_t { draw_shuffle = 0, draw_state = 1, draw_place = 2 };
// Draw slots within a state's stream.
enum StateDraw : std::uint32_t { draw_size = 0, draw_gdp = 1, draw_growth = 2, draw_urban = 3, draw_centre = 4 };

std::string numbered(const char* prefix, std::int64_t k, int width = 0) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, k);
  std::string digits(buf, r.ptr);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return prefix + digits;
}

}  // namespace

WorldData make_synthetic_world(const SyntheticWorldSpec& spec, int start_year) {
  const SourcePlace where{"world.synthetic"};
  if (spec.cities < 1) throw InputError(where, fmt::format("cities must be at least 1 (got {})", spec.cities));
  if (spec.states < 1) throw InputError(where, fmt::format("states must be at least 1 (got {})", spec.states));
  if (spec.regions < 1 || spec.regions > spec.states)
    throw InputError(where,
                     fmt::format("regions must be between 1 and states ({}) (got {})", spec.states, spec.regions));
  if (spec.networks < 0) throw InputError(where, fmt::format("networks must be at least 0 (got {})", spec.networks));
  if (!(spec.zipf_exponent > 0))
    throw InputError(where, fmt::format("zipf_exponent must be positive (got {})", spec.zipf_exponent));
  if (spec.cities > std::int64_t{0x7fffffff})
    throw InputError(where, fmt::format("cities must be below 2^31 (got {})", spec.cities));

  const Streams rng(spec.seed);
  const auto P = Phase::synthetic_world;
  const auto n = static_cast<std::size_t>(spec.cities);
  const auto m = static_cast<std::size_t>(spec.states);

  WorldData out;
  World& w = out.world;

  // Regions.
  w.region_names.reserve(static_cast<std::size_t>(spec.regions));
  for (int r = 0; r < spec.regions; ++r) w.region_names.push_back(numbered("Region ", r + 1));

  // Agreements: the climate regime (everyone) and a union of region 0.
  w.agreements = {Agreement{"paris", Issue::climate, false}, Agreement{"eu", Issue::economy, true}};

  // States.
  States& s = w.states;
  s.resize(m, w.agreements.size());
  std::vector<double> size_weight(m), centre_lat(m), centre_lon(m), gdp_pc(m), growth(m), urban_growth(m);
  for (std::size_t j = 0; j < m; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const auto id = static_cast<std::uint32_t>(j);
    s.iso3[j] = numbered("S", static_cast<std::int64_t>(j) + 1, 3);
    s.name[j] = numbered("State ", static_cast<std::int64_t>(j) + 1);
    s.region[jj] = static_cast<int>(j % static_cast<std::size_t>(spec.regions));
    size_weight[j] = std::exp(kStateSizeSd * rng.normal(state_stream, P, id, draw_size));
    const double u_gdp = rng.uniform(state_stream, P, id, draw_gdp);
    gdp_pc[j] = std::exp(std::log(kMinGdpPc) + u_gdp * (std::log(kMaxGdpPc) - std::log(kMinGdpPc)));
    growth[j] = kMaxGrowth * rng.uniform(state_stream, P, id, draw_growth);
    urban_growth[j] = kMaxUrbanGrowth * rng.uniform(state_stream, P, id, draw_urban);
    const auto c = rng.block(state_stream, P, id, draw_centre);
    centre_lat[j] = -55.0 + 125.0 * Streams::to_unit(c[0], c[1]);
    centre_lon[j] = -180.0 + 360.0 * Streams::to_unit(c[2], c[3]);
    // Traits are the model's defaults, filled at initialisation.
    s.tax_share[jj] = s.populism[jj] = s.centralisation[jj] = s.openness[jj] = std::nan("");
    s.in_agreement[0][j] = 1;
    s.in_agreement[1][j] = s.region[jj] == 0 ? 1 : 0;
  }
  std::vector<double> cumulative(m);
  double total_weight = 0;
  for (std::size_t j = 0; j < m; ++j) cumulative[j] = (total_weight += size_weight[j]);

  // Cities: rank r of city i is perm[i] + 1, a uniform random permutation
  // (Fisher-Yates, each step keyed by its position).
  Cities& c = w.cities;
  c.resize(n);
  std::vector<std::int32_t> perm(n);
  for (std::size_t i = 0; i < n; ++i) perm[i] = static_cast<std::int32_t>(i);
  for (std::size_t i = n; i-- > 1;) {
    const double u = rng.uniform(city_stream, P, static_cast<std::uint32_t>(i), draw_shuffle);
    const auto k = std::min(i, static_cast<std::size_t>(u * static_cast<double>(i + 1)));
    std::swap(perm[i], perm[k]);
  }

  // Each city's draws are its own, so cities are generated in parallel.
  for_each_index_in_pieces(n, [&](std::size_t i) {
    const auto ii = static_cast<Eigen::Index>(i);
    const auto id = static_cast<std::uint32_t>(i);
    // The first city of each index goes to state i, so that every state has
    // a city when cities >= states; the others draw a state by its weight.
    std::size_t j;
    if (i < m) {
      j = i;
    } else {
      const double u = rng.uniform(city_stream, P, id, draw_state) * total_weight;
      j = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
      if (j >= m) j = m - 1;
    }
    const double rank = static_cast<double>(perm[i]) + 1.0;
    const double pop = kTopPopulation * std::pow(rank, -spec.zipf_exponent);

    // Place: two normals from one block (Box-Muller, both branches).
    const auto b = rng.block(city_stream, P, id, draw_place);
    const double r = std::sqrt(-2.0 * std::log(Streams::to_unit(b[0], b[1])));
    const double a = 2.0 * std::numbers::pi * Streams::to_unit(b[2], b[3]);
    double lat = centre_lat[j] + kCitySpreadDeg * r * std::cos(a);
    double lon = centre_lon[j] + kCitySpreadDeg * r * std::sin(a);
    lat = std::clamp(lat, -85.0, 85.0);
    if (lon >= 180.0) lon -= 360.0;
    if (lon < -180.0) lon += 360.0;

    c.name[i] = numbered("c", static_cast<std::int64_t>(i) + 1);
    c.state[ii] = static_cast<int>(j);
    c.region[ii] = s.region[static_cast<Eigen::Index>(j)];
    c.lat[ii] = lat;
    c.lon[ii] = lon;
    c.population[ii] = pop;
  });
  std::vector<double> state_pop(m, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    state_pop[static_cast<std::size_t>(c.state[static_cast<Eigen::Index>(i)])] +=
        c.population[static_cast<Eigen::Index>(i)];

  // The data paths: each state's population grows at its urban rate u_j and
  // its GDP per capita at g_j from the start year; each city follows its
  // state's growth from its own start population (one path row per state).
  Anchors a = make_anchors(kAnchorFirst, kAnchorLast, m, m, n);
  const auto years = static_cast<std::size_t>(a.years);
  for (std::size_t j = 0; j < m; ++j) {
    const double national = state_pop[j] / kUrbanShare;
    for (std::size_t t = 0; t < years; ++t) {
      const double dt = static_cast<double>(a.first_year + static_cast<int>(t) - start_year);
      const double people = std::pow(1.0 + urban_growth[j], dt);
      a.city_path[j * years + t] = people;
      a.national_population[j * years + t] = national * people;
      a.national_gdp[j * years + t] = national * people * gdp_pc[j] * std::pow(1.0 + growth[j], dt);
    }
    s.population[static_cast<Eigen::Index>(j)] = national;
    s.gdp[static_cast<Eigen::Index>(j)] = national * gdp_pc[j];
  }
  for (std::size_t t = 0; t < years; ++t)
    for (std::size_t j = 0; j < m; ++j) a.world_gdp[t] += a.national_gdp[j * years + t];
  for_each_index(n, [&](std::size_t i) {
    a.city_row[i] = c.state[static_cast<Eigen::Index>(i)];
    a.city_scale[i] = c.population[static_cast<Eigen::Index>(i)];
  });
  w.anchors = std::make_shared<const Anchors>(std::move(a));
  w.drivers = std::make_shared<const Drivers>();

  w.index_states();
  return out;
}

}  // namespace urbis
