#pragma once
// The tables of a comparison, from its paired runs (paired_runs.hpp):
//   effects.csv          per series and year: both sides' means, the mean
//                        paired difference, its relative size, its 95%
//                        interval over seeds and how many seeds agree in sign
//   effects_summary.csv  the same per series over the years from the first
//                        year the two sides differ (in any series, any seed)
//                        to the end: each seed's mean over those years, paired
//   seeds.csv            every seed's value on both sides and their
//                        difference (for bands and for checking by hand)
// Rows: global, then state, network and city series in the selection's
// order, metrics in their files' column order, years in order.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis/effects.hpp"
#include "sim/compare/paired_runs.hpp"

namespace urbis::compare {

struct ComparisonTables {
  std::string effects, summary, seeds;  // CSV text
  int diverges = 0;                     // first year any series differs in any seed; 0 when the sides never differ
  int from = 0, to = 0;                 // the summary's years
  std::size_t series = 0;
  std::vector<std::pair<SeriesKey, PairedEffect>> summary_rows;  // effects_summary.csv's rows
};

ComparisonTables effect_tables(const PairedResult& runs, const std::vector<std::uint64_t>& seeds,
                               const Selection& selection);

// The columns of effects.csv and effects_summary.csv, for readers and tests.
std::vector<std::string> effects_columns();
std::vector<std::string> summary_columns();

}  // namespace urbis::compare
