#include "sim/sweep/outcome.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "sim/output/csv_output.hpp"

namespace urbis::sweep {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int index_of(const std::vector<std::string>& v, const std::string& x) {
  const auto it = std::find(v.begin(), v.end(), x);
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

int network_index(const World& w, const std::string& name) {
  for (std::size_t k = 0; k < w.networks.size(); ++k)
    if (w.networks.name[k] == name) return static_cast<int>(k);
  return -1;
}
}  // namespace

MetricObserver::MetricObserver(const std::vector<MetricSpec>& metrics, const Scenario& s, const WorldData& data) {
  const World& w = data.world;
  for (const auto& m : metrics) {
    Bound b;
    b.spec = &m;
    b.from = m.from ? m.from : s.start;
    b.to = m.to ? m.to : s.end;
    if (m.stat == Stat::final) b.from = b.to = s.end;
    for (int y : {m.from, m.to})
      if (y && (y < s.start || y > s.end))
        throw InputError(m.where, fmt::format("metric '{}': year {} is outside the run's years {}-{}", m.name, y,
                                              s.start, s.end));
    switch (m.source) {
      case Source::global: b.column = index_of(global_metric_columns(), m.column); break;
      case Source::network: {
        b.column = index_of(network_metric_columns(), m.column);
        std::vector<std::string> names(w.networks.name.begin(), w.networks.name.end());
        for (const auto& n : data.networks) names.push_back(n.name);
        for (const auto& e : s.events)
          if (e.type == EventType::found_network) names.push_back(e.name);
        if (index_of(names, m.entity) < 0)
          throw InputError(m.entity_where, fmt::format("metric '{}': no network '{}' in this world or scenario{}",
                                                       m.name, m.entity, did_you_mean(m.entity, names)));
        break;
      }
      case Source::state: {
        b.state = index_of(w.states.iso3, m.entity);
        if (b.state < 0)
          throw InputError(m.entity_where, fmt::format("metric '{}': no state '{}' in this world{}", m.name, m.entity,
                                                       did_you_mean(m.entity, w.states.iso3)));
        auto cols = state_columns(w);
        cols.erase(cols.begin(), cols.begin() + 2);  // year, iso3
        b.column = index_of(cols, m.column);
        if (b.column < 0)
          throw InputError(m.column_where, fmt::format("metric '{}': unknown column '{}' of states.csv{}; valid: {}",
                                                       m.name, m.column, did_you_mean(m.column, cols),
                                                       list_choices(cols, 40)));
        break;
      }
    }
    bound_.push_back(b);
  }
}

double MetricObserver::value_of(const Bound& b, const World& w, const GlobalMetrics& m) const {
  const int c = b.column;
  switch (b.spec->source) {
    case Source::global: {
      const double g[] = {m.cities, m.population, m.gdp, m.cooperation_index, m.network_share, m.active_networks,
                          m.memberships, m.actions, m.mitigation, m.gini, m.mean_tension, m.mean_autonomy,
                          m.network_power};
      constexpr int n = static_cast<int>(sizeof(g) / sizeof(g[0]));
      return c < n ? g[c] : w.global.salience[static_cast<std::size_t>(c - n)];
    }
    case Source::network: {
      const int k = network_index(w, b.spec->entity);
      if (k < 0) return kNaN;
      const Networks& nw = w.networks;
      if (!nw.active[k] && nw.ended[k] != w.global.year) return kNaN;  // as networks.csv: not reported
      switch (c) {
        case 0: return static_cast<double>(nw.active[k]);
        case 1: return nw.members[k];
        case 2: return w.global.world_gdp > 0 ? nw.engaged_gdp[k] / w.global.world_gdp : 0.0;
        case 3: return nw.power[k];
        case 4: return nw.recognition[k];
        case 5: return nw.actions[k];
        case 6: return nw.funding[k];
        default: return nw.fee[k];
      }
    }
    case Source::state: {
      const States& s = w.states;
      const int j = b.state;
      const int na = static_cast<int>(w.agreements.size());
      if (c < 6) {
        const double v[] = {s.gdp[j], s.population[j], s.populism[j], s.commitment[j], s.openness[j], s.partnership[j]};
        return v[c];
      }
      if (c < 6 + na) return static_cast<double>(s.in_agreement[static_cast<std::size_t>(c - 6)][static_cast<std::size_t>(j)]);
      const int r = c - 6 - na;  // cities, member_cities, mean_tension, mean_autonomy, memberships_<issue>...
      if (r == 1) return static_cast<double>(s.member_cities[j]);
      if (r == 2) return s.mean_tension[j];
      const Cities& cs = w.cities;
      double count = 0, autonomy = 0, per_issue = 0;
      const int issue = r - 4;
      for (std::size_t i = 0; i < cs.size(); ++i) {
        if (cs.state[i] != j) continue;
        count += 1;
        autonomy += cs.autonomy[i];
        if (issue >= 0)
          for (auto k : w.members.of(i)) per_issue += static_cast<int>(w.networks.issue[k]) == issue;
      }
      if (r == 0) return count;
      if (r == 3) return count > 0 ? autonomy / count : 0.0;
      return per_issue;
    }
  }
  return kNaN;
}

void MetricObserver::observe(const World& w, const GlobalMetrics& m) {
  const int year = w.global.year;
  last_year_ = year;
  for (auto& b : bound_) {
    if (year < b.from || year > b.to) continue;
    const double v = value_of(b, w, m);
    b.last = v;
    b.has_last = true;
    if (std::isnan(v)) continue;
    if (b.count == 0) b.lo = b.hi = v;
    b.lo = std::min(b.lo, v);
    b.hi = std::max(b.hi, v);
    b.sum += v;
    ++b.count;
    if (!b.has_crossed && (b.spec->above ? v >= b.spec->threshold : v <= b.spec->threshold)) {
      b.has_crossed = true;
      b.crossed = year;
    }
  }
}

std::vector<double> MetricObserver::values() const {
  std::vector<double> out;
  for (const auto& b : bound_) {
    switch (b.spec->stat) {
      case Stat::final:
      case Stat::at: out.push_back(b.has_last ? b.last : kNaN); break;
      case Stat::mean: out.push_back(b.count ? b.sum / static_cast<double>(b.count) : kNaN); break;
      case Stat::min: out.push_back(b.count ? b.lo : kNaN); break;
      case Stat::max: out.push_back(b.count ? b.hi : kNaN); break;
      case Stat::first_crossing: out.push_back(b.has_crossed ? b.crossed : kNaN); break;
    }
  }
  return out;
}

void FingerprintObserver::add(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) {
    hash_ ^= (bits >> (8 * i)) & 0xff;
    hash_ *= 1099511628211ull;
  }
}

void FingerprintObserver::observe(const World& w, const GlobalMetrics& m) {
  for (double v : {m.cities, m.population, m.gdp, m.cooperation_index, m.network_share, m.active_networks,
                   m.memberships, m.actions, m.mitigation, m.gini, m.mean_tension, m.mean_autonomy, m.network_power})
    add(v);
  for (double s : w.global.salience) add(s);
  const States& s = w.states;
  for (std::size_t j = 0; j < s.iso3.size(); ++j) {
    for (double v : {s.gdp[j], s.population[j], s.populism[j], s.commitment[j], s.openness[j], s.partnership[j],
                     s.mean_tension[j], static_cast<double>(s.member_cities[j])})
      add(v);
    for (const auto& in : s.in_agreement) add(in[j]);
  }
  const Networks& nw = w.networks;
  for (std::size_t k = 0; k < nw.size(); ++k)
    for (double v : {static_cast<double>(nw.active[k]), nw.members[k], nw.power[k], nw.recognition[k], nw.actions[k],
                     nw.funding[k], nw.fee[k]})
      add(v);
  const Cities& c = w.cities;
  for (std::size_t i = 0; i < c.size(); ++i)
    for (double v : {c.population[i], c.gdp[i], c.gdp_pc[i], c.cooperation[i], c.autonomy[i], c.reputation[i],
                     c.tension[i], c.openness[i], static_cast<double>(w.members.count[i])})
      add(v);
}

}  // namespace urbis::sweep
