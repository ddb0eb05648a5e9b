#include "sim/output/map_output.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace urbis {

MapOutput::MapOutput(const std::string& directory)
    : places_(std::make_unique<AtomicFile>(directory + "/places.csv")),
      memberships_(std::make_unique<AtomicFile>(directory + "/memberships.csv")) {}

void MapOutput::begin(const World& w) {
  const Cities& c = w.cities;
  std::string b = "city,state,lat,lon\n";
  for (std::size_t i = 0; i < c.size(); ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    fmt::format_to(std::back_inserter(b), "{},{},{},{}\n", csv_field(c.name[i]), w.states.iso3[c.state[i]],
                   c.lat[ii], c.lon[ii]);
  }
  places_->write(b);
  memberships_->write("year,network,city,change\n");
  held_.assign(c.size(), {});
}

void MapOutput::observe(const World& w) {
  const int year = w.global.year;
  std::string& b = buffer_;
  b.clear();
  std::vector<std::int32_t> now;
  auto line = [&](std::int32_t k, std::size_t i, int change) {
    fmt::format_to(std::back_inserter(b), "{},{},{},{}\n", year, csv_field(w.networks.name[static_cast<std::size_t>(k)]),
                   csv_field(w.cities.name[i]), change);
  };
  std::vector<std::int32_t> diff;  // reused: most cities change nothing in a year
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    const auto held = w.members.of(i);
    now.assign(held.begin(), held.end());
    std::sort(now.begin(), now.end());
    auto& before = held_[i];
    if (now == before) continue;
    diff.clear();
    std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(diff));
    for (auto k : diff) line(k, i, 1);
    diff.clear();
    std::set_difference(before.begin(), before.end(), now.begin(), now.end(), std::back_inserter(diff));
    for (auto k : diff) line(k, i, -1);
    before.swap(now);
  }
  memberships_->write(b);
}

void MapOutput::commit() {
  places_->commit();
  memberships_->commit();
}

}  // namespace urbis
