#include "analysis/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

namespace urbis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::string num(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }
}  // namespace

double t975(int df) {
  static const double table[] = {12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851,
                                 2.364624252,  2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
                                 2.160368656,  2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
                                 2.093024054,  2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
                                 2.059538553,  2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456};
  if (df < 1) return kNaN;
  if (df <= 30) return table[df - 1];
  // Cornish-Fisher expansion around the normal quantile (error < 1e-6 for df > 30).
  const double z = 1.959963984540054, v = df;
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

double quantile_sorted(const std::vector<double>& x, double p) {
  if (x.empty()) return kNaN;
  const double h = (static_cast<double>(x.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

Summary summarize(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  std::sort(values.begin(), values.end());
  Summary s;
  s.n = values.size();
  if (values.empty()) {
    s.mean = s.sd = s.ci_low = s.ci_high = s.min = s.q05 = s.q25 = s.median = s.q75 = s.q95 = s.max = kNaN;
    return s;
  }
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  if (s.n >= 2) {
    double ss = 0;
    for (double v : values) ss += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(ss / static_cast<double>(s.n - 1));
    const double half = t975(static_cast<int>(s.n - 1)) * s.sd / std::sqrt(static_cast<double>(s.n));
    s.ci_low = s.mean - half;
    s.ci_high = s.mean + half;
  } else {
    s.sd = s.ci_low = s.ci_high = kNaN;
  }
  s.min = values.front();
  s.max = values.back();
  s.q05 = quantile_sorted(values, 0.05);
  s.q25 = quantile_sorted(values, 0.25);
  s.median = quantile_sorted(values, 0.5);
  s.q75 = quantile_sorted(values, 0.75);
  s.q95 = quantile_sorted(values, 0.95);
  return s;
}

std::string summary_csv(const CsvTable& runs, const std::vector<std::string>& params,
                        const std::vector<std::string>& metrics) {
  const std::size_t point = runs.column("point"), status = runs.column("status");
  std::vector<std::size_t> pc, mc;
  for (const auto& p : params) pc.push_back(runs.column(p));
  for (const auto& m : metrics) mc.push_back(runs.column(m));
  struct Group {
    std::vector<std::string> param_values;
    std::vector<std::vector<double>> values;
    std::size_t failed = 0;
  };
  std::map<long long, Group> groups;
  for (const auto& row : runs.rows) {
    Group& g = groups[std::stoll(row[point])];
    if (g.param_values.empty()) {
      for (auto c : pc) g.param_values.push_back(row[c]);
      g.values.resize(mc.size());
    }
    if (row[status] != "ok") {
      ++g.failed;
      continue;
    }
    for (std::size_t j = 0; j < mc.size(); ++j) g.values[j].push_back(field_number(row[mc[j]]));
  }
  std::string out = "point";
  for (const auto& p : params) out += "," + p;
  out += ",metric,n,failed,mean,sd,ci95_low,ci95_high,min,q05,q25,median,q75,q95,max\n";
  for (const auto& [p, g] : groups) {
    for (std::size_t j = 0; j < metrics.size(); ++j) {
      const Summary s = summarize(g.values[j]);
      out += fmt::format("{}", p);
      for (const auto& v : g.param_values) out += "," + v;
      out += fmt::format(",{},{},{}", metrics[j], s.n, g.failed);
      for (double v : {s.mean, s.sd, s.ci_low, s.ci_high, s.min, s.q05, s.q25, s.median, s.q75, s.q95, s.max}) {
        out += ',';  // not "," + num(v): GCC 12 warns (-Wrestrict) on the inlined string concatenation
        out += num(v);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace urbis
