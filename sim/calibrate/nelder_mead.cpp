#include "sim/calibrate/nelder_mead.hpp"

#include <algorithm>
#include <numeric>

namespace urbis::calib {

Evaluation nelder_mead(const CalibrationProblem& problem, const std::vector<double>& start,
                       const std::function<void(int, const Evaluation&)>& report) {
  const auto& ps = problem.config().params;
  const std::size_t d = ps.size();
  int count = 0;
  auto run = [&](const std::vector<double>& x) {
    std::vector<double> v(d);
    for (std::size_t i = 0; i < d; ++i) v[i] = from_search(ps[i], x[i]);
    Evaluation e = problem.evaluate(v);
    report(++count, e);
    return e;
  };
  // Start simplex: the start point and one step along each axis (toward the
  // farther bound when the step would leave the range).
  std::vector<std::vector<double>> xs(d + 1, std::vector<double>(d));
  for (std::size_t i = 0; i < d; ++i) xs[0][i] = to_search(ps[i], start.empty() ? ps[i].start : start[i]);
  for (std::size_t j = 0; j < d; ++j) {
    xs[j + 1] = xs[0];
    const double lo = to_search(ps[j], ps[j].min), hi = to_search(ps[j], ps[j].max);
    double step = problem.config().initial_step * (hi - lo);
    if (ps[j].whole) step = std::max(step, 1.0);
    xs[j + 1][j] += xs[0][j] + step <= hi ? step : -step;
  }
  std::vector<Evaluation> ev;
  for (const auto& x : xs) ev.push_back(run(x));
  const int budget = problem.config().max_evaluations;
  while (count < budget) {
    std::vector<std::size_t> order(d + 1);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return ev[a].objective < ev[b].objective; });
    std::vector<std::vector<double>> nx;
    std::vector<Evaluation> ne;
    for (auto i : order) nx.push_back(xs[i]), ne.push_back(ev[i]);
    xs = nx, ev = ne;
    if (ev[d].objective - ev[0].objective < problem.config().tolerance) break;
    std::vector<double> c(d, 0.0);
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j < d; ++j) c[j] += xs[i][j] / static_cast<double>(d);
    auto along = [&](double t) {
      std::vector<double> x(d);
      for (std::size_t j = 0; j < d; ++j) x[j] = c[j] + t * (xs[d][j] - c[j]);
      return x;
    };
    const auto xr = along(-1.0);
    const Evaluation er = run(xr);
    if (er.objective < ev[0].objective) {
      const auto xe = along(-2.0);
      const Evaluation ee = run(xe);
      if (ee.objective < er.objective) xs[d] = xe, ev[d] = ee;
      else xs[d] = xr, ev[d] = er;
    } else if (er.objective < ev[d - 1].objective) {
      xs[d] = xr, ev[d] = er;
    } else {
      const bool outside = er.objective < ev[d].objective;
      const auto xc = along(outside ? -0.5 : 0.5);
      const Evaluation ec = run(xc);
      if (ec.objective < std::min(er.objective, ev[d].objective)) {
        xs[d] = xc, ev[d] = ec;
      } else {  // shrink toward the best
        for (std::size_t i = 1; i <= d && count < budget; ++i) {
          for (std::size_t j = 0; j < d; ++j) xs[i][j] = xs[0][j] + 0.5 * (xs[i][j] - xs[0][j]);
          ev[i] = run(xs[i]);
        }
      }
    }
  }
  return *std::min_element(ev.begin(), ev.end(), [](auto& a, auto& b) { return a.objective < b.objective; });
}

}  // namespace urbis::calib
