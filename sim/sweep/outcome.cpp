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
    // A metric names a column of global.csv, or of states.csv or
    // networks.csv with its entity; the dictionary says how to read it.
    auto bind = [&](std::string_view file, const std::string& what) {
      const auto cols = bind_columns(output_file(file), w);
      std::vector<std::string> names;
      for (const auto& c : cols)
        if (!c.observable->is_text() && c.name != "year") names.push_back(c.name);
      for (const auto& c : cols)
        if (c.name == m.column && !c.observable->is_text() && c.name != "year") return c;
      throw InputError(m.column_where, fmt::format("metric '{}': unknown column '{}' of {}{}; valid: {}", m.name,
                                                   m.column, what, did_you_mean(m.column, names),
                                                   list_choices(names, 40)));
    };
    switch (m.source) {
      case Source::global: b.column = bind("global.csv", "global.csv"); break;
      case Source::network: {
        b.column = bind("networks.csv", "networks.csv");
        std::vector<std::string> names = network_names_at_start(s, data);
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
        b.column = bind("states.csv", "states.csv");
        needs_state_metrics_ = true;
        break;
      }
    }
    bound_.push_back(b);
  }
}

double MetricObserver::value_of(const Bound& b, const World& w, const GlobalMetrics& m,
                                const StateMetrics* states) const {
  ObservableRow row;
  row.world = &w;
  row.metrics = &m;
  row.states = states;
  switch (b.spec->source) {
    case Source::global: break;
    case Source::network: {
      const int k = network_index(w, b.spec->entity);
      if (k < 0) return kNaN;
      const Networks& nw = w.networks;
      if (!nw.active[k] && nw.ended[k] != w.global.year) return kNaN;  // as networks.csv: not reported
      row.index = static_cast<std::size_t>(k);
      break;
    }
    case Source::state: row.index = static_cast<std::size_t>(b.state); break;
  }
  return b.column.number(row);
}

void MetricObserver::observe(const World& w, const GlobalMetrics& m) {
  const int year = w.global.year;
  last_year_ = year;
  StateMetrics states;
  if (needs_state_metrics_) states = state_metrics(w);
  for (auto& b : bound_) {
    if (year < b.from || year > b.to) continue;
    const double v = value_of(b, w, m, &states);
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
