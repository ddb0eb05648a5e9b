#include "sim/output/csv_output.hpp"

#include "sim/output/csv_row.hpp"

namespace urbis {

namespace {

std::vector<std::string> names(const std::vector<BoundColumn>& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(c.name);
  return out;
}

}  // namespace

// Global and network columns do not depend on the world: an empty one binds them.
std::vector<std::string> global_columns() { return names(bind_columns(output_file("global.csv"), World{})); }
std::vector<std::string> state_columns(const World& w) { return names(bind_columns(output_file("states.csv"), w)); }
std::vector<std::string> network_columns() { return names(bind_columns(output_file("networks.csv"), World{})); }

std::vector<std::string> city_variable_names() {
  std::vector<std::string> out;
  for (const auto& o : output_file("cities.csv").columns)
    if (o.optional) out.emplace_back(o.name);
  return out;
}

CsvOutput::CsvOutput(std::string directory, const Scenario& scenario)
    : dir_(std::move(directory)), scenario_(scenario) {}

CsvOutput::~CsvOutput() = default;

std::vector<std::string> CsvOutput::files() const {
  std::vector<std::string> f = {"global.csv", "states.csv", "networks.csv", "events.csv"};
  if (scenario_.output.cities.enabled) f.push_back("cities.csv");
  if (scenario_.output.cities.enabled)
    for (const auto& m : MapOutput::files()) f.push_back(m);
  return f;
}

CsvOutput::File CsvOutput::open(const std::string& name, const World& w, const std::vector<std::string>& chosen) {
  File f{std::make_unique<AtomicFile>(dir_ + "/" + name), bind_columns(output_file(name), w, chosen)};
  std::string header;
  append_header(header, f.columns);
  f.out->write(header);
  auto& units = units_[name];
  for (const auto& c : f.columns) units.emplace_back(c.name, std::string(c.observable->unit));
  return f;
}

void CsvOutput::begin(const Scenario& s, const World& w) {
  global_ = open("global.csv", w);
  states_ = open("states.csv", w);
  networks_ = open("networks.csv", w);
  events_ = open("events.csv", w);
  if (s.output.cities.enabled) {
    cities_ = open("cities.csv", w, s.output.cities.variables);
    map_ = std::make_unique<MapOutput>(dir_);
    map_->begin(w);
    for (const auto& m : MapOutput::files()) {
      auto& units = units_[m];
      for (const auto& c : bind_columns(output_file(m), w)) units.emplace_back(c.name, std::string(c.observable->unit));
    }
  }
}

void CsvOutput::observe(const World& w, const GlobalMetrics& m) {
  const int year = w.global.year;
  std::string& b = buffer_;
  ObservableRow row;
  row.world = &w;

  b.clear();
  row.metrics = &m;
  append_row(b, global_.columns, row);
  global_.out->write(b);

  b.clear();
  const StateMetrics totals = state_metrics(w);
  row.states = &totals;
  for (std::size_t j = 0; j < w.states.size(); ++j) {
    row.index = j;
    append_row(b, states_.columns, row);
  }
  states_.out->write(b);

  b.clear();
  const Networks& nw = w.networks;
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!network_reported(w, k)) continue;
    row.index = k;
    append_row(b, networks_.columns, row);
  }
  networks_.out->write(b);

  b.clear();
  for (std::size_t e = 0; e < w.log.size(); ++e) {
    row.index = e;
    append_row(b, events_.columns, row);
  }
  events_.out->write(b);

  if (cities_.out && (year - scenario_.start) % scenario_.output.cities.stride == 0) {
    // Each city has a row of its own: its text columns compose in the row's scratch.
    write_rows_in_parallel(
        w.cities.size(),
        [&](std::size_t i, std::string& text) {
          ObservableRow city;
          city.world = &w;
          city.index = i;
          append_row(text, cities_.columns, city);
        },
        [&](const std::string& text) { cities_.out->write(text); });
  }
  if (map_) map_->observe(w);
}

void CsvOutput::finish(const World&) {
  for (auto* f : {&global_, &states_, &networks_, &events_, &cities_})
    if (f->out) f->out->commit();
  if (map_) map_->commit();
}

}  // namespace urbis
