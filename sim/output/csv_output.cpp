#include "sim/output/csv_output.hpp"

#include <algorithm>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "sim/core/parallel.hpp"

namespace urbis {

namespace {

// Shortest decimal that reads back to the same double (fmt's default). The
// format string is compiled, not parsed for every number: the same digits,
// at a fraction of the cost in cities.csv.
void put(std::string& out, double v) { fmt::format_to(std::back_inserter(out), FMT_COMPILE(",{}"), v); }
void put(std::string& out, std::string_view s) {
  out += ',';
  if (s.find_first_of(",\"\n\r") == std::string_view::npos)
    out += s;  // the usual case: no quoting, no temporary string
  else
    out += csv_field(s);
}

std::string header(const std::vector<std::string>& cols) {
  std::string h;
  for (std::size_t i = 0; i < cols.size(); ++i) h += (i ? "," : "") + cols[i];
  return h + "\n";
}

}  // namespace

std::vector<std::string> global_columns() {
  std::vector<std::string> c = {"year", "cities", "population", "gdp", "cooperation_index",
                                "network_share", "active_networks", "memberships", "actions",
                                "mitigation", "gini", "mean_tension", "mean_autonomy", "network_power"};
  for (auto q : kIssueNames) c.push_back("salience_" + std::string(q));
  return c;
}

std::vector<std::string> state_columns(const World& w) {
  std::vector<std::string> c = {"year", "iso3", "gdp", "population", "populism", "commitment",
                                "openness", "partnership"};
  for (const auto& g : w.agreements) c.push_back("in_" + g.name);
  for (const std::string extra : {"cities", "member_cities", "mean_tension", "mean_autonomy"}) c.push_back(extra);
  for (auto q : kIssueNames) c.push_back("memberships_" + std::string(q));
  return c;
}

std::vector<std::string> network_columns() {
  return {"year", "name", "issue", "origin", "status", "active", "members", "engaged_gdp_share", "power",
          "recognition", "actions", "funding", "fee"};
}

std::vector<std::string> city_variable_names() {
  return {"population", "gdp", "gdp_pc", "cooperation", "autonomy", "reputation", "tension", "openness", "memberships"};
}

CsvOutput::CsvOutput(std::string directory, const Scenario& scenario)
    : dir_(std::move(directory)), scenario_(scenario) {}

CsvOutput::~CsvOutput() = default;

std::vector<std::string> CsvOutput::files() const {
  std::vector<std::string> f = {"global.csv", "states.csv", "networks.csv", "events.csv"};
  if (scenario_.output.cities.enabled) f.push_back("cities.csv");
  if (scenario_.output.cities.enabled) for (const auto& m : MapOutput::files()) f.push_back(m);
  return f;
}

void CsvOutput::begin(const Scenario& s, const World& w) {
  global_ = std::make_unique<AtomicFile>(dir_ + "/global.csv");
  states_ = std::make_unique<AtomicFile>(dir_ + "/states.csv");
  networks_ = std::make_unique<AtomicFile>(dir_ + "/networks.csv");
  events_ = std::make_unique<AtomicFile>(dir_ + "/events.csv");
  global_->write(header(global_columns()));
  states_->write(header(state_columns(w)));
  networks_->write(header(network_columns()));
  events_->write("year,kind,subject,detail\n");
  if (s.output.cities.enabled) {
    cities_ = std::make_unique<AtomicFile>(dir_ + "/cities.csv");
    const auto all = city_variable_names();
    std::vector<std::string> cols = {"year", "city", "state"};
    const auto& chosen = s.output.cities.variables.empty() ? all : s.output.cities.variables;
    for (const auto& v : chosen) {
      auto it = std::find(all.begin(), all.end(), v);
      if (it == all.end()) continue;  // the loader has already rejected unknown names
      city_variables_.push_back(static_cast<int>(it - all.begin()));
      cols.push_back(v);
    }
    cities_->write(header(cols));
    map_ = std::make_unique<MapOutput>(dir_);
    map_->begin(w);
  }
}

void CsvOutput::observe(const World& w, const GlobalMetrics& m) {
  const int year = w.global.year;
  std::string& b = buffer_;

  b = fmt::format("{}", year);
  for (double v : {m.cities, m.population, m.gdp, m.cooperation_index, m.network_share, m.active_networks,
                   m.memberships, m.actions, m.mitigation, m.gini, m.mean_tension, m.mean_autonomy, m.network_power})
    put(b, v);
  for (double s : w.global.salience) put(b, s);
  b += '\n';
  global_->write(b);

  // Per-state aggregates of their cities.
  const Cities& c = w.cities;
  const std::size_t ns = w.states.size();
  const std::size_t n = c.size();
  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  std::vector<double> count, autonomy;
  sum_by_group(n, ns, state_of, [](std::size_t) { return 1.0; }, count);
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return c.autonomy[i]; }, autonomy);
  // Memberships per state and issue: whole numbers, so their sum is exact in
  // any order; one pass over each city's row.
  std::vector<double> per_issue;
  sum_by_group_rows(n, ns * kIssueCount, [&](std::size_t i, double* row) {
    double* per_state = row + state_of(i) * kIssueCount;
    for (auto k : w.members.of(i)) per_state[static_cast<int>(w.networks.issue[k])] += 1;
  }, per_issue);
  b.clear();
  for (std::size_t j = 0; j < ns; ++j) {
    const States& s = w.states;
    fmt::format_to(std::back_inserter(b), "{},{}", year, s.iso3[j]);
    for (double v : {s.gdp[j], s.population[j], s.populism[j], s.commitment[j], s.openness[j], s.partnership[j]}) put(b, v);
    for (const auto& in : s.in_agreement) put(b, static_cast<double>(in[j]));
    put(b, count[j]);
    put(b, static_cast<double>(s.member_cities[j]));
    put(b, s.mean_tension[j]);
    put(b, count[j] > 0 ? autonomy[j] / count[j] : 0.0);
    for (int q = 0; q < kIssueCount; ++q) put(b, per_issue[j * kIssueCount + q]);
    b += '\n';
  }
  states_->write(b);

  b.clear();
  const Networks& nw = w.networks;
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k] && nw.ended[k] != year) continue;  // report a network up to the year it ends
    fmt::format_to(std::back_inserter(b), "{}", year);
    put(b, nw.name[k]);
    put(b, issue_name(nw.issue[k]));
    put(b, origin_name(nw.origin[k]));
    put(b, status_name(nw.status[k]));
    put(b, nw.counted(k) ? 1.0 : 0.0);
    put(b, nw.members[k]);
    put(b, w.global.world_gdp > 0 ? nw.engaged_gdp[k] / w.global.world_gdp : 0.0);
    for (double v : {nw.power[k], nw.recognition[k], nw.actions[k], nw.funding[k], nw.fee[k]}) put(b, v);
    b += '\n';
  }
  networks_->write(b);

  b.clear();
  for (const auto& e : w.log) {
    fmt::format_to(std::back_inserter(b), "{}", e.year);
    put(b, e.kind);
    put(b, e.subject);
    put(b, e.detail);
    b += '\n';
  }
  events_->write(b);

  if (cities_ && (year - scenario_.start) % scenario_.output.cities.stride == 0) {
    b.clear();
    for (std::size_t i = 0; i < n; ++i) {
      fmt::format_to(std::back_inserter(b), FMT_COMPILE("{}"), year);
      put(b, c.name[i]);
      put(b, w.states.iso3[c.state[i]]);
      for (int v : city_variables_) {
        switch (v) {
          case 0: put(b, c.population[i]); break;
          case 1: put(b, c.gdp[i]); break;
          case 2: put(b, c.gdp_pc[i]); break;
          case 3: put(b, c.cooperation[i]); break;
          case 4: put(b, c.autonomy[i]); break;
          case 5: put(b, c.reputation[i]); break;
          case 6: put(b, c.tension[i]); break;
          case 7: put(b, c.openness[i]); break;
          case 8: put(b, static_cast<double>(w.members.count[i])); break;
        }
      }
      b += '\n';
      if (b.size() > (1u << 20)) {
        cities_->write(b);
        b.clear();
      }
    }
    cities_->write(b);
  }
  if (map_) map_->observe(w);
}

void CsvOutput::finish(const World&) {
  for (auto* f : {&global_, &states_, &networks_, &events_, &cities_})
    if (*f) (*f)->commit();
  if (map_) map_->commit();
}

}  // namespace urbis
