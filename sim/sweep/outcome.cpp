#include "sim/sweep/outcome.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"

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
        throw InputError(
            m.where, fmt::format("metric '{}': year {} is outside the run's years {}-{}", m.name, y, s.start, s.end));
    // A metric names a column of global.csv, or of states.csv or
    // networks.csv with its entity; the dictionary says how to read it.
    auto bind = [&](std::string_view file, const std::string& what) {
      const auto cols = bind_columns(output_file(file), w);
      std::vector<std::string> names;
      for (const auto& c : cols)
        if (!c.observable->is_text() && c.name != "year") names.push_back(c.name);
      for (const auto& c : cols)
        if (c.name == m.column && !c.observable->is_text() && c.name != "year") return c;
      throw InputError(m.column_where,
                       fmt::format("metric '{}': unknown column '{}' of {}{}; valid: {}", m.name, m.column, what,
                                   did_you_mean(m.column, names), list_choices(names, 40)));
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
      if (!network_reported(w, static_cast<std::size_t>(k))) return kNaN;  // no row in networks.csv
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

namespace {
// The numeric columns of a file in this world (cities.csv: every variable).
std::vector<BoundColumn> numeric_columns(std::string_view file, const World& w) {
  std::vector<BoundColumn> numbers;
  for (auto& c : bind_columns(output_file(file), w))
    if (!c.observable->is_text()) numbers.push_back(std::move(c));
  return numbers;
}
}  // namespace

void FingerprintObserver::begin(const Scenario&, const World& w) {
  global_ = numeric_columns("global.csv", w);
  states_ = numeric_columns("states.csv", w);
  networks_ = numeric_columns("networks.csv", w);
  cities_ = numeric_columns("cities.csv", w);
}

void FingerprintObserver::observe(const World& w, const GlobalMetrics& m) {
  // The numbers as the model computed them, before the writers round them: a
  // parameter whose effect hides below a column's precision this year may
  // not the next, so it is not called "no effect".
  const StateMetrics states = state_metrics(w);
  ObservableRow row;
  row.world = &w;
  row.metrics = &m;
  row.states = &states;
  auto add_row = [&](const std::vector<BoundColumn>& columns) {
    for (const auto& c : columns) add(c.observable->number(row, c.member));
  };
  add_row(global_);
  for (std::size_t j = 0; j < w.states.size(); ++j) {
    row.index = j;
    add_row(states_);
  }
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    if (!network_reported(w, k)) continue;
    row.index = k;
    add_row(networks_);
  }
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    row.index = i;
    add_row(cities_);
  }
}

}  // namespace urbis::sweep
