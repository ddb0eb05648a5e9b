#include "sim/engine/invariants.hpp"

#include <cmath>

#include <fmt/format.h>

namespace urbis {

std::vector<std::string> check_invariants(const World& w) {
  std::vector<std::string> bad;
  auto fail = [&](std::string msg) {
    if (bad.size() < 20) bad.push_back(std::move(msg));
  };
  const Cities& c = w.cities;
  const Networks& nw = w.networks;
  std::vector<double> counted(nw.size(), 0.0);
  double inflow = 0, stake_scale = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    auto non_negative = [&](double v, const char* what) {
      if (!std::isfinite(v) || v < 0) fail(fmt::format("city {} ({}): {} = {}", i, c.name[i], what, v));
    };
    auto unit = [&](double v, const char* what) {
      if (!(v >= 0 && v <= 1)) fail(fmt::format("city {} ({}): {} = {} outside [0, 1]", i, c.name[i], what, v));
    };
    non_negative(c.population[i], "population");
    non_negative(c.gdp[i], "GDP");
    non_negative(c.gdp_pc[i], "GDP per capita");
    non_negative(c.reputation[i], "reputation");
    non_negative(c.tension[i], "tension");
    unit(c.cooperation[i], "cooperation");
    unit(c.autonomy[i], "autonomy");
    unit(c.openness[i], "openness");
    const auto row = w.members.of(i);
    for (std::size_t s = 0; s < row.size(); ++s) {
      const int k = row[s];
      if (k < 0 || static_cast<std::size_t>(k) >= nw.size()) {
        fail(fmt::format("city {}: membership of unknown network {}", i, k));
        continue;
      }
      if (!nw.active[k]) fail(fmt::format("city {} is a member of dissolved network '{}'", i, nw.name[k]));
      for (std::size_t t = 0; t < s; ++t)
        if (row[t] == k) fail(fmt::format("city {} holds network '{}' twice", i, nw.name[k]));
      counted[k] += 1;
    }
    inflow += c.net_inflow[i];
    stake_scale += std::abs(c.net_inflow[i]);
  }
  for (std::size_t k = 0; k < nw.size(); ++k)
    if (counted[k] != nw.members[k])
      fail(fmt::format("network '{}' counts {} members but {} cities hold it", nw.name[k], nw.members[k], counted[k]));
  if (std::abs(inflow) > 1e-9 * (stake_scale + 1.0))
    fail(fmt::format("mobile pool not conserved: net inflows sum to {} (scale {})", inflow, stake_scale));
  return bad;
}

}  // namespace urbis
