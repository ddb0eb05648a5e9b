#pragma once
// A number as the API answers it: 6 significant digits (a page shows no
// more, and the JSON stays small), and 0 for what is not finite (JSON has
// no NaN).
#include <cmath>

#include "sim/report/report_data.hpp"

namespace urbis::serve {

inline double rounded(double v) { return std::isfinite(v) ? round_sig(v, 6) : 0.0; }

}  // namespace urbis::serve
