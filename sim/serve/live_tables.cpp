#include "sim/serve/live_tables.hpp"

#include <algorithm>

namespace urbis::serve {

namespace {

// A table with the columns of a file of the data dictionary.
std::unique_ptr<MemoryTable> table(const char* source, const std::vector<BoundColumn>& columns) {
  std::vector<std::string> names;
  std::vector<bool> is_text;
  for (const auto& c : columns) {
    names.push_back(c.name);
    is_text.push_back(c.observable->is_text());
  }
  return std::make_unique<MemoryTable>(source, std::move(names), std::move(is_text));
}

// Appends a row: numbers rounded as the CSV writer rounds them.
void add_row(MemoryTable& t, const std::vector<BoundColumn>& columns, const ObservableRow& row) {
  for (const auto& c : columns) {
    if (c.observable->is_text()) t.add(c.text(row));
    else t.add(c.number(row));
  }
}

// The city variables the report's map reads (report_data.cpp, cities_of).
const std::vector<std::string> kCityVariables = {"population", "gdp", "cooperation", "memberships"};

}  // namespace

LiveTables::LiveTables(const Scenario& s, const World& w) {
  run_["scenario"] = s.name;
  run_["description"] = s.description;
  run_["seed"] = s.seed;
  run_["start"] = s.start;
  run_["end"] = s.end;
  run_["version"] = URBIS_VERSION;
  run_["world"] = s.world.kind == WorldSpec::Kind::synthetic ? "synthetic" : "real";
  run_["cities"] = w.cities.size();
  run_["states"] = w.states.size();
  run_["protagonists"] = s.protagonists;

  global_cols_ = bind_columns(output_file("global.csv"), w);
  state_cols_ = bind_columns(output_file("states.csv"), w);
  network_cols_ = bind_columns(output_file("networks.csv"), w);
  event_cols_ = bind_columns(output_file("events.csv"), w);
  city_cols_ = bind_columns(output_file("cities.csv"), w, kCityVariables);
  membership_cols_ = bind_columns(output_file("memberships.csv"), w);
  const auto place_cols = bind_columns(output_file("places.csv"), w);
  global_ = table("global (live)", global_cols_);
  states_ = table("states (live)", state_cols_);
  networks_ = table("networks (live)", network_cols_);
  events_ = table("events (live)", event_cols_);
  places_ = table("places (live)", place_cols);
  cities_ = table("cities (live)", city_cols_);
  memberships_ = table("memberships (live)", membership_cols_);
  ObservableRow row;
  row.world = &w;
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    row.index = i;
    add_row(*places_, place_cols, row);
  }
  held_.assign(w.cities.size(), {});
}

void LiveTables::observe(const World& w, const GlobalMetrics& m) {
  ++years_;
  ObservableRow row;
  row.world = &w;
  row.metrics = &m;
  add_row(*global_, global_cols_, row);

  const StateMetrics totals = state_metrics(w);
  row.states = &totals;
  for (std::size_t j = 0; j < w.states.size(); ++j) {
    row.index = j;
    add_row(*states_, state_cols_, row);
  }

  const Networks& nw = w.networks;
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!network_reported(w, k)) continue;
    row.index = k;
    add_row(*networks_, network_cols_, row);
  }

  for (std::size_t e = 0; e < w.log.size(); ++e) {
    row.index = e;
    add_row(*events_, event_cols_, row);
  }

  std::vector<std::int32_t> now, diff;
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    row.index = i;
    add_row(*cities_, city_cols_, row);

    const auto held = w.members.of(i);
    now.assign(held.begin(), held.end());
    std::sort(now.begin(), now.end());
    auto& before = held_[i];
    auto change = [&](std::int32_t k, int sign) {
      row.network = static_cast<std::size_t>(k);
      row.change = sign;
      add_row(*memberships_, membership_cols_, row);
    };
    diff.clear();
    std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(diff));
    for (auto k : diff) change(k, 1);
    diff.clear();
    std::set_difference(before.begin(), before.end(), now.begin(), now.end(), std::back_inserter(diff));
    for (auto k : diff) change(k, -1);
    before.swap(now);
  }
}

LiveTables::LiveTables(const LiveTables& o)
    : run_(o.run_),
      global_(std::make_unique<MemoryTable>(*o.global_)),
      states_(std::make_unique<MemoryTable>(*o.states_)),
      networks_(std::make_unique<MemoryTable>(*o.networks_)),
      events_(std::make_unique<MemoryTable>(*o.events_)),
      places_(std::make_unique<MemoryTable>(*o.places_)),
      cities_(std::make_unique<MemoryTable>(*o.cities_)),
      memberships_(std::make_unique<MemoryTable>(*o.memberships_)),
      years_(o.years_) {}

std::shared_ptr<const LiveTables> LiveTables::copy() const {
  return std::shared_ptr<const LiveTables>(new LiveTables(*this));
}

std::vector<std::pair<std::string, const MemoryTable*>> LiveTables::files() const {
  return {{"global.csv", global_.get()},          {"states.csv", states_.get()}, {"networks.csv", networks_.get()},
          {"events.csv", events_.get()},          {"places.csv", places_.get()}, {"cities.csv", cities_.get()},
          {"memberships.csv", memberships_.get()}};
}

RunSource LiveTables::source(nlohmann::ordered_json network_targets) const {
  RunSource src;
  src.run = run_;
  src.global = global_.get();
  src.states = states_.get();
  src.networks = networks_.get();
  src.events = events_.get();
  src.places = places_.get();
  src.cities = cities_.get();
  src.memberships = memberships_.get();
  src.network_targets = std::move(network_targets);
  return src;
}

}  // namespace urbis::serve
