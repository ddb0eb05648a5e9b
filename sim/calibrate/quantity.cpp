#include "sim/calibrate/quantity.hpp"

#include <cmath>

#include <fmt/format.h>

namespace urbis::calib {

const std::vector<std::string>& measure_names() {
  static const std::vector<std::string> names = {"active_networks", "network_members", "network_actions",
                                                 "city_members", "state_members"};
  return names;
}

std::string measure_name(Measure m) { return measure_names()[static_cast<std::size_t>(m)]; }

bool is_flow(Measure m) { return m == Measure::network_actions; }

std::string describe(const Quantity& q) {
  switch (q.measure) {
    case Measure::active_networks: return "active networks";
    case Measure::network_members: return fmt::format("members of {}", q.network);
    case Measure::network_actions: return fmt::format("actions of {}", q.network);
    case Measure::city_members: return fmt::format("memberships of {}", q.city);
    case Measure::state_members: return fmt::format("{}'s {} memberships", q.state, issue_name(q.issue));
  }
  return "";
}

QuantityRecorder::QuantityRecorder(const std::vector<Quantity>& quantities, int first_year, int last_year)
    : quantities_(quantities),
      first_(first_year),
      index_(quantities.size(), -1),
      values_(quantities.size(), std::vector<double>(static_cast<std::size_t>(last_year - first_year + 1), NAN)) {}

void QuantityRecorder::begin(const Scenario&, const World& w) {
  for (std::size_t q = 0; q < quantities_.size(); ++q) {
    const Quantity& x = quantities_[q];
    if (x.measure == Measure::city_members) {
      for (std::size_t i = 0; i < w.cities.name.size(); ++i)
        if (w.cities.name[i] == x.city) index_[q] = static_cast<int>(i);
    } else if (x.measure == Measure::state_members) {
      for (std::size_t j = 0; j < w.states.iso3.size(); ++j)
        if (w.states.iso3[j] == x.state) index_[q] = static_cast<int>(j);
    }
  }
}

double QuantityRecorder::read(std::size_t q, const World& w, const GlobalMetrics& m) const {
  const Quantity& x = quantities_[q];
  auto latest_network = [&]() -> int {
    for (std::size_t k = w.networks.size(); k-- > 0;)
      if (w.networks.name[k] == x.network) return static_cast<int>(k);
    return -1;
  };
  switch (x.measure) {
    case Measure::active_networks: return m.active_networks;
    case Measure::network_members:
    case Measure::network_actions: {
      const int k = latest_network();
      // As networks.csv's active: a network counts while it has min_members.
      if (k < 0 || !w.networks.counted(static_cast<std::size_t>(k))) return 0.0;
      return x.measure == Measure::network_members ? w.networks.members[static_cast<std::size_t>(k)]
                                                   : w.networks.actions[static_cast<std::size_t>(k)];
    }
    case Measure::city_members:
      return index_[q] < 0 ? NAN : static_cast<double>(w.members.count[static_cast<std::size_t>(index_[q])]);
    case Measure::state_members: {
      if (index_[q] < 0) return NAN;
      const auto j = static_cast<std::size_t>(index_[q]);
      double n = 0;
      for (auto i : w.by_state.of(j))
        for (auto k : w.members.of(static_cast<std::size_t>(i)))
          if (w.networks.issue[static_cast<std::size_t>(k)] == x.issue) n += 1;
      return n;
    }
  }
  return NAN;
}

void QuantityRecorder::observe(const World& w, const GlobalMetrics& m) {
  const int t = w.global.year - first_;
  if (t < 0 || t >= static_cast<int>(values_.empty() ? 0 : values_[0].size())) return;
  for (std::size_t q = 0; q < quantities_.size(); ++q) values_[q][static_cast<std::size_t>(t)] = read(q, w, m);
}

}  // namespace urbis::calib
