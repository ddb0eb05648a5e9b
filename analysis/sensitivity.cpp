#include "analysis/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/summary.hpp"

namespace urbis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::string num(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? kNaN : s / static_cast<double>(v.size());
}

struct SobolPoint {
  double first, total;
};

// Estimates over the base samples listed in idx.
std::vector<SobolPoint> sobol_once(const std::vector<double>& yA, const std::vector<double>& yB,
                                   const std::vector<std::vector<double>>& yAB, const std::vector<std::size_t>& idx) {
  const double n = static_cast<double>(idx.size());
  double m = 0;
  for (auto j : idx) m += yA[j] + yB[j];
  m /= 2 * n;
  double var = 0;
  for (auto j : idx) var += (yA[j] - m) * (yA[j] - m) + (yB[j] - m) * (yB[j] - m);
  var /= 2 * n - 1;
  std::vector<SobolPoint> out;
  for (const auto& ab : yAB) {
    double s1 = 0, st = 0;
    for (auto j : idx) {
      s1 += (yB[j] - m) * (ab[j] - yA[j]);  // centred: the same expectation, less variance
      st += (yA[j] - ab[j]) * (yA[j] - ab[j]);
    }
    out.push_back({var > 0 ? s1 / n / var : kNaN, var > 0 ? st / (2 * n) / var : kNaN});
  }
  return out;
}

Interval percentile(std::vector<double> draws, double value, double confidence) {
  draws.erase(std::remove_if(draws.begin(), draws.end(), [](double v) { return std::isnan(v); }), draws.end());
  std::sort(draws.begin(), draws.end());
  const double a = (1 - confidence) / 2;
  return {value, quantile_sorted(draws, a), quantile_sorted(draws, 1 - a)};
}

std::vector<std::size_t> resample(std::size_t n, std::mt19937_64& g) {
  std::vector<std::size_t> idx(n);
  for (auto& i : idx) i = static_cast<std::size_t>(g() % n);
  return idx;
}

// Per point: the mean of a metric over its ok replicates (NaN if none or any is missing).
std::map<long long, std::vector<double>> point_means(const CsvTable& runs, const std::vector<std::string>& metrics) {
  const std::size_t point = runs.column("point"), status = runs.column("status");
  std::vector<std::size_t> mc;
  for (const auto& m : metrics) mc.push_back(runs.column(m));
  std::map<long long, std::pair<std::vector<double>, std::size_t>> acc;
  for (const auto& row : runs.rows) {
    auto& [sum, n] = acc[std::stoll(row[point])];
    if (sum.empty()) sum.assign(mc.size(), 0.0);
    if (row[status] != "ok") {
      sum.assign(mc.size(), kNaN);
      continue;
    }
    for (std::size_t j = 0; j < mc.size(); ++j) sum[j] += field_number(row[mc[j]]);
    ++n;
  }
  std::map<long long, std::vector<double>> out;
  for (auto& [p, v] : acc) {
    for (auto& x : v.first) x = v.second ? x / static_cast<double>(v.second) : kNaN;
    out[p] = v.first;
  }
  return out;
}
}  // namespace

std::vector<SobolIndices> sobol_indices(const std::vector<double>& yA, const std::vector<double>& yB,
                                        const std::vector<std::vector<double>>& yAB, int resamples, std::uint64_t seed,
                                        double confidence) {
  const std::size_t n = yA.size();
  if (n < 2) throw std::runtime_error("Sobol indices need at least 2 base samples");
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  const auto est = sobol_once(yA, yB, yAB, all);
  std::vector<std::vector<double>> f(yAB.size()), t(yAB.size());
  std::mt19937_64 g(seed);
  for (int b = 0; b < resamples; ++b) {
    const auto e = sobol_once(yA, yB, yAB, resample(n, g));
    for (std::size_t i = 0; i < e.size(); ++i) {
      f[i].push_back(e[i].first);
      t[i].push_back(e[i].total);
    }
  }
  std::vector<SobolIndices> out;
  for (std::size_t i = 0; i < yAB.size(); ++i)
    out.push_back({percentile(f[i], est[i].first, confidence), percentile(t[i], est[i].total, confidence)});
  return out;
}

std::vector<MorrisIndices> morris_indices(const std::vector<std::vector<double>>& effects, int resamples,
                                          std::uint64_t seed, double confidence) {
  std::mt19937_64 g(seed);
  std::vector<MorrisIndices> out;
  for (const auto& e : effects) {
    MorrisIndices m;
    m.effects = e.size();
    std::vector<double> abs_e;
    for (double x : e) abs_e.push_back(std::abs(x));
    m.mu = mean(e);
    m.mu_star = mean(abs_e);
    double ss = 0;
    for (double x : e) ss += (x - m.mu) * (x - m.mu);
    m.sigma = e.size() > 1 ? std::sqrt(ss / static_cast<double>(e.size() - 1)) : kNaN;
    std::vector<double> draws;
    if (!e.empty())
      for (int b = 0; b < resamples; ++b) {
        double s = 0;
        for (auto j : resample(e.size(), g)) s += abs_e[j];
        draws.push_back(s / static_cast<double>(e.size()));
      }
    m.mu_star_ci = percentile(draws, m.mu_star, confidence);
    out.push_back(m);
  }
  return out;
}

void add_morris_effects(const std::vector<std::vector<double>>& u, const std::vector<double>& y,
                        std::vector<std::vector<double>>& effects) {
  for (std::size_t s = 1; s < u.size(); ++s) {
    for (std::size_t i = 0; i < u[s].size(); ++i) {
      const double d = u[s][i] - u[s - 1][i];
      if (std::abs(d) < 1e-12) continue;
      if (!std::isnan(y[s]) && !std::isnan(y[s - 1])) effects[i].push_back((y[s] - y[s - 1]) / d);
      break;  // one coordinate moves per step
    }
  }
}

double ParamScale::unit(double v) const {
  if (log) return (std::log(v) - std::log(min)) / (std::log(max) - std::log(min));
  return (v - min) / (max - min);
}

std::string sobol_csv(const CsvTable& runs, const std::vector<ParamScale>& params,
                      const std::vector<std::string>& metrics, std::size_t n, int resamples, std::uint64_t seed) {
  const std::size_t k = params.size();
  const auto means = point_means(runs, metrics);
  std::string out = "metric,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high,samples\n";
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::vector<double> yA, yB;
    std::vector<std::vector<double>> yAB(k);
    for (std::size_t j = 0; j < n; ++j) {
      std::vector<double> block;
      bool complete = true;
      for (std::size_t c = 0; c < k + 2; ++c) {
        const auto it = means.find(static_cast<long long>(j * (k + 2) + c));
        const double v = it == means.end() ? kNaN : it->second[m];
        complete = complete && !std::isnan(v);
        block.push_back(v);
      }
      if (!complete) continue;
      yA.push_back(block[0]);
      yB.push_back(block[1]);
      for (std::size_t i = 0; i < k; ++i) yAB[i].push_back(block[2 + i]);
    }
    if (yA.size() < 2) {
      for (const auto& p : params) out += fmt::format("{},{},,,,,,,{}\n", metrics[m], p.path, yA.size());
      continue;
    }
    const auto idx = sobol_indices(yA, yB, yAB, resamples, seed);
    for (std::size_t i = 0; i < k; ++i)
      out += fmt::format("{},{},{},{},{},{},{},{},{}\n", metrics[m], params[i].path, num(idx[i].first.value),
                         num(idx[i].first.low), num(idx[i].first.high), num(idx[i].total.value), num(idx[i].total.low),
                         num(idx[i].total.high), yA.size());
  }
  return out;
}

std::string morris_csv(const CsvTable& runs, const std::vector<ParamScale>& params,
                       const std::vector<std::string>& metrics, std::size_t r, int resamples, std::uint64_t seed) {
  const std::size_t k = params.size();
  const auto means = point_means(runs, metrics);
  // Unit coordinates of each point, from the parameter values in runs.csv.
  std::vector<std::size_t> pc;
  for (const auto& p : params) pc.push_back(runs.column(p.path));
  const std::size_t point = runs.column("point");
  std::map<long long, std::vector<double>> unit;
  for (const auto& row : runs.rows) {
    auto& u = unit[std::stoll(row[point])];
    if (!u.empty()) continue;
    for (std::size_t i = 0; i < k; ++i) u.push_back(params[i].unit(field_number(row[pc[i]])));
  }
  std::string out = "metric,parameter,mu,mu_star,sigma,mu_star_low,mu_star_high,effects\n";
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::vector<std::vector<double>> effects(k);
    for (std::size_t t = 0; t < r; ++t) {
      std::vector<std::vector<double>> u;
      std::vector<double> y;
      for (std::size_t s = 0; s <= k; ++s) {
        const long long p = static_cast<long long>(t * (k + 1) + s);
        const auto it = means.find(p);
        const auto iu = unit.find(p);
        if (it == means.end() || iu == unit.end()) break;
        u.push_back(iu->second);
        y.push_back(it->second[m]);
      }
      add_morris_effects(u, y, effects);
    }
    const auto idx = morris_indices(effects, resamples, seed);
    for (std::size_t i = 0; i < k; ++i)
      out += fmt::format("{},{},{},{},{},{},{},{}\n", metrics[m], params[i].path, num(idx[i].mu), num(idx[i].mu_star),
                         num(idx[i].sigma), num(idx[i].mu_star_ci.low), num(idx[i].mu_star_ci.high), idx[i].effects);
  }
  return out;
}

}  // namespace urbis
