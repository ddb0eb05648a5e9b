#pragma once
// Yearly data paths from sparse observations (docs/MODEL.md 6): the rules
// that turn the World Bank's and the UN's series into one value per year,
// with gaps filled and the ends extended. They are data preparation, not
// model parameters: the constants are documented here and in MODEL.md 6.
#include <map>
#include <span>
#include <vector>

namespace urbis::world_paths {

using Series = std::map<int, double>;  // year -> value (> 0)

// How a path continues after its last observation: at the annualised growth
// of its last `window` observed years (blended with the reference path's
// rate over the same years by `blend`, 0: own rate only), clamped to
// [min_rate, max_rate], and fading by half every `half_life` years (0: held).
struct After {
  int window = 10;
  double blend = 0;
  double min_rate = -0.02, max_rate = 0.04;
  double half_life = 0;
};

// Values for each year of [first, last] (last - first + 1 of them):
// - between observations, log-linear (a constant growth rate);
// - before the first, the reference path's ratio to its value at the first
//   observed year (the reference has the same years; empty: held flat);
// - after the last, the After rule, using the reference's rate for `blend`.
// Observations must be positive; an empty series gives an empty vector.
std::vector<double> yearly_path(const Series& observed, int first, int last, std::span<const double> reference,
                                const After& after);

// The reference path itself (the world's population or GDP per capita):
// log-linear between observations, held at its first value's growth rate
// before (rate of its first `window` years, clamped like `after`), and the
// After rule after.
std::vector<double> reference_path(const Series& observed, int first, int last, const After& after);

}  // namespace urbis::world_paths
