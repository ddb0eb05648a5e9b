#include "sim/output/map_output.hpp"

#include <algorithm>
#include <iterator>

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
  // Each city's lines read and update only its own row of held_.
  write_rows_in_parallel(
      w.cities.size(),
      [&](std::size_t i, std::string& text) {
        // Each thread's own, reused from city to city.
        thread_local std::vector<std::int32_t> now, diff;
        const auto held = w.members.of(i);
        now.assign(held.begin(), held.end());
        std::sort(now.begin(), now.end());
        auto& before = held_[i];
        if (now == before) return;  // most cities change nothing in a year
        ObservableRow row;
        row.world = &w;
        row.index = i;
        auto lines = [&](const std::vector<std::int32_t>& from, const std::vector<std::int32_t>& without, int change) {
          diff.clear();
          std::set_difference(from.begin(), from.end(), without.begin(), without.end(), std::back_inserter(diff));
          for (auto k : diff) {
            row.network = static_cast<std::size_t>(k);
            row.change = change;
            append_row(text, membership_columns_, row);
          }
        };
        lines(now, before, 1);
        lines(before, now, -1);
        before.swap(now);
      },
      [&](const std::string& text) { memberships_->write(text); });
}

void MapOutput::commit() {
  places_->commit();
  memberships_->commit();
}

}  // namespace urbis
