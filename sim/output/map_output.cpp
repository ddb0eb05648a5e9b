#include "sim/output/map_output.hpp"

#include <algorithm>

#include "sim/output/csv_row.hpp"

namespace urbis {

MapOutput::MapOutput(const std::string& directory)
    : places_(std::make_unique<AtomicFile>(directory + "/places.csv")),
      memberships_(std::make_unique<AtomicFile>(directory + "/memberships.csv")) {}

void MapOutput::begin(const World& w) {
  place_columns_ = bind_columns(output_file("places.csv"), w);
  membership_columns_ = bind_columns(output_file("memberships.csv"), w);
  std::string b;
  append_header(b, place_columns_);
  ObservableRow row;
  row.world = &w;
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    row.index = i;
    append_row(b, place_columns_, row);
  }
  places_->write(b);
  b.clear();
  append_header(b, membership_columns_);
  memberships_->write(b);
  held_.assign(w.cities.size(), {});
}

void MapOutput::observe(const World& w) {
  std::string& b = buffer_;
  b.clear();
  ObservableRow row;
  row.world = &w;
  auto line = [&](std::int32_t k, std::size_t i, int change) {
    row.index = i;
    row.network = static_cast<std::size_t>(k);
    row.change = change;
    append_row(b, membership_columns_, row);
  };
  std::vector<std::int32_t> now;
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
