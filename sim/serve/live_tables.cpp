#include "sim/serve/live_tables.hpp"

#include <algorithm>

#include "sim/core/parallel.hpp"
#include "sim/output/csv_output.hpp"

namespace urbis::serve {

namespace {

// A table whose columns named in `text` hold text and the others numbers.
std::unique_ptr<MemoryTable> table(const char* source, std::vector<std::string> columns,
                                   std::initializer_list<const char*> text) {
  std::vector<bool> is_text;
  for (const auto& c : columns)
    is_text.push_back(std::find_if(text.begin(), text.end(), [&](const char* t) { return c == t; }) != text.end());
  return std::make_unique<MemoryTable>(source, std::move(columns), std::move(is_text));
}

// The city variables the report's map reads (report_data.cpp, cities_of).
const std::vector<std::string> kCityColumns = {"year", "city", "state", "population", "gdp",
                                               "cooperation", "autonomy", "tension", "memberships"};

}  // namespace

LiveTables::LiveTables(const Scenario& s, const World& w) {
  run_["scenario"] = s.name;
  run_["description"] = s.description;
  run_["seed"] = s.seed;
  run_["start"] = s.start;
  run_["end"] = s.end;
  run_["version"] = URBIS_VERSION;
  run_["cities"] = w.cities.size();
  run_["states"] = w.states.size();
  run_["protagonists"] = s.protagonists;

  global_ = table("global (live)", global_columns(), {});
  states_ = table("states (live)", state_columns(w), {"iso3"});
  networks_ = table("networks (live)", network_columns(), {"name", "issue"});
  events_ = table("events (live)", {"year", "kind", "subject", "detail"}, {"kind", "subject", "detail"});
  places_ = table("places (live)", {"city", "state", "lat", "lon"}, {"city", "state"});
  cities_ = table("cities (live)", kCityColumns, {"city", "state"});
  memberships_ = table("memberships (live)", {"year", "network", "city", "change"}, {"network", "city"});
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    places_->add(w.cities.name[i]).add(w.states.iso3[w.cities.state[ii]]).add(w.cities.lat[ii]).add(w.cities.lon[ii]);
  }
  held_.assign(w.cities.size(), {});
}

void LiveTables::observe(const World& w, const GlobalMetrics& m) {
  const double year = w.global.year;
  ++years_;
  global_->add(year);
  for (double v : {m.cities, m.population, m.gdp, m.cooperation_index, m.network_share, m.active_networks,
                   m.memberships, m.actions, m.mitigation, m.gini, m.mean_tension, m.mean_autonomy, m.network_power})
    global_->add(v);
  for (double s : w.global.salience) global_->add(s);

  // Per-state aggregates of their cities, as states.csv has them.
  const Cities& c = w.cities;
  const States& s = w.states;
  const std::size_t ns = s.size(), n = c.size();
  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  std::vector<double> count, autonomy, per_issue;
  sum_by_group(n, ns, state_of, [](std::size_t) { return 1.0; }, count);
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return c.autonomy[i]; }, autonomy);
  sum_by_group(
      n * kIssueCount, ns * kIssueCount,
      [&](std::size_t iq) { return state_of(iq / kIssueCount) * kIssueCount + iq % kIssueCount; },
      [&](std::size_t iq) {
        double k = 0;
        for (auto net : w.members.of(iq / kIssueCount))
          k += static_cast<int>(w.networks.issue[net]) == static_cast<int>(iq % kIssueCount);
        return k;
      },
      per_issue);
  for (std::size_t j = 0; j < ns; ++j) {
    states_->add(year).add(s.iso3[j]);
    for (double v : {s.gdp[j], s.population[j], s.populism[j], s.commitment[j], s.openness[j], s.partnership[j]})
      states_->add(v);
    for (const auto& in : s.in_agreement) states_->add(static_cast<double>(in[j]));
    states_->add(count[j]).add(static_cast<double>(s.member_cities[j])).add(s.mean_tension[j]);
    states_->add(count[j] > 0 ? autonomy[j] / count[j] : 0.0);
    for (int q = 0; q < kIssueCount; ++q) states_->add(per_issue[j * kIssueCount + q]);
  }

  const Networks& nw = w.networks;
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k] && nw.ended[k] != w.global.year) continue;  // up to the year it ends
    networks_->add(year).add(nw.name[k]).add(issue_name(nw.issue[k])).add(static_cast<double>(nw.active[k]));
    networks_->add(nw.members[k]).add(w.global.world_gdp > 0 ? nw.engaged_gdp[k] / w.global.world_gdp : 0.0);
    for (double v : {nw.power[k], nw.recognition[k], nw.actions[k], nw.funding[k], nw.fee[k]}) networks_->add(v);
  }

  for (const auto& e : w.log) events_->add(static_cast<double>(e.year)).add(e.kind).add(e.subject).add(e.detail);

  std::vector<std::int32_t> now, diff;
  for (std::size_t i = 0; i < n; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    cities_->add(year).add(c.name[i]).add(s.iso3[c.state[ii]]);
    cities_->add(c.population[ii]).add(c.gdp[ii]).add(c.cooperation[ii]).add(c.autonomy[ii]).add(c.tension[ii]);
    cities_->add(static_cast<double>(w.members.count[i]));

    const auto held = w.members.of(i);
    now.assign(held.begin(), held.end());
    std::sort(now.begin(), now.end());
    auto& before = held_[i];
    diff.clear();
    std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(diff));
    for (auto k : diff) memberships_->add(year).add(nw.name[static_cast<std::size_t>(k)]).add(c.name[i]).add(1.0);
    diff.clear();
    std::set_difference(before.begin(), before.end(), now.begin(), now.end(), std::back_inserter(diff));
    for (auto k : diff) memberships_->add(year).add(nw.name[static_cast<std::size_t>(k)]).add(c.name[i]).add(-1.0);
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

std::shared_ptr<const LiveTables> LiveTables::copy() const { return std::shared_ptr<const LiveTables>(new LiveTables(*this)); }

std::vector<std::pair<std::string, const MemoryTable*>> LiveTables::files() const {
  return {{"global.csv", global_.get()},     {"states.csv", states_.get()}, {"networks.csv", networks_.get()},
          {"events.csv", events_.get()},     {"places.csv", places_.get()}, {"cities.csv", cities_.get()},
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
