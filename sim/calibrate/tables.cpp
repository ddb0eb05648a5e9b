#include "sim/calibrate/tables.hpp"

#include <cmath>

#include <fmt/format.h>

#include "sim/calibrate/posterior.hpp"
#include "sim/output/atomic_file.hpp"

namespace urbis::calib {

namespace {

std::string difference_name(Difference d) {
  return d == Difference::relative ? "relative" : d == Difference::absolute ? "absolute" : "";
}

std::string num(double v) { return fmt::format("{:.8g}", v); }

// Appends ",field" (built apart: GCC 12 warns falsely on "," + std::string).
void put(std::string& out, const std::string& field) {
  out += ',';
  out += field;
}

std::string percent(double v) { return fmt::format("{:+.3g}%", 100 * v); }

}  // namespace

std::string span_text(int from, int to) {
  return from == to ? fmt::format("{}", from) : fmt::format("{}-{}", from, to);
}

std::string target_description(const CalibTarget& t, const std::string& main_scenario) {
  std::string d = fmt::format("{}, {}", describe(t.quantity), span_text(t.from, t.to));
  if (!t.compare_with.empty())
    d += fmt::format(": {} vs {} ({} difference)", t.scenario.empty() ? main_scenario : t.scenario, t.compare_with,
                     difference_name(t.difference));
  else if (!t.scenario.empty()) d += fmt::format(" ({})", t.scenario);
  return d;
}

std::string value_text(const CalibTarget& t, double v) {
  return t.difference == Difference::relative ? fmt::format("{:+.1f}%", 100 * v) : fmt::format("{:.1f}", v);
}

std::string target_text(const CalibTarget& t) {
  if (t.range)
    return t.difference == Difference::relative ? fmt::format("{} to {}", percent(t.low), percent(t.high))
                                                : fmt::format("{:.6g}-{:.6g}", t.low, t.high);
  return t.difference == Difference::relative ? fmt::format("{} ± {:.3g} points", percent(t.centre), 100 * t.scale)
                                              : fmt::format("{:.6g} ± {:.6g}", t.centre, t.scale);
}

std::string fit_csv(const CalibConfig& c, const Evaluation& e) {
  std::string out =
      "target,measure,scenario,compare_with,difference,years,low,high,value,scale,weight,mean,sd,met,source\n";
  for (std::size_t t = 0; t < c.targets.size(); ++t) {
    const auto& tg = c.targets[t];
    const auto& f = e.fits[t];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(tg.name),
                       csv_field(describe(tg.quantity)), csv_field(tg.scenario.empty() ? c.scenario.name : tg.scenario),
                       csv_field(tg.compare_with), difference_name(tg.difference), span_text(tg.from, tg.to),
                       tg.range ? num(tg.low) : "", tg.range ? num(tg.high) : "", tg.range ? "" : num(tg.centre),
                       num(tg.scale), num(tg.weight), num(f.mean), num(f.sd), f.met ? 1 : 0, csv_field(tg.source));
  }
  return out;
}

std::string evaluations_header(const CalibConfig& c) {
  std::string out = "evaluation,objective";
  for (const auto& p : c.params) put(out, csv_field(p.path));
  for (const auto& t : c.targets) put(out, csv_field(t.name));
  return out + "\n";
}

std::string evaluation_row(int n, const Evaluation& e) {
  std::string out = fmt::format("{},{}", n, num(e.objective));
  for (double v : e.values) put(out, num(v));
  for (const auto& f : e.fits) put(out, num(f.mean));
  return out + "\n";
}

std::string abc_points_csv(const CalibConfig& c, const AbcResult& abc) {
  std::string out = "round,point";
  for (const auto& p : c.params) put(out, csv_field(p.path));
  out += ",distance,accepted,weight";
  for (const auto& t : c.targets) put(out, csv_field(t.name));
  out += "\n";
  for (const auto& p : abc.points) {
    out += fmt::format("{},{}", p.round, p.index);
    for (double v : p.eval.values) put(out, num(v));
    out += fmt::format(",{},{},{}", num(p.eval.objective), p.accepted ? 1 : 0, num(p.weight));
    for (const auto& f : p.eval.fits) put(out, num(f.mean));
    out += "\n";
  }
  return out;
}

std::string posterior_csv(const CalibConfig& c, const AbcResult& abc) {
  std::string out = "round,point,weight";
  for (const auto& p : c.params) put(out, csv_field(p.path));
  out += ",distance\n";
  for (auto i : abc.posterior) {
    const auto& p = abc.points[i];
    out += fmt::format("{},{},{}", p.round, p.index, num(p.weight));
    for (double v : p.eval.values) put(out, num(v));
    put(out, num(p.eval.objective));
    out += '\n';
  }
  return out;
}

std::string posterior_summary_csv(const CalibConfig& c, const AbcResult& abc) {
  std::string out = "parameter,prior,min,max,n,ess,mean,sd,q05,q50,q95\n";
  const auto s = posterior_summary(abc, c.params.size());
  for (std::size_t j = 0; j < c.params.size(); ++j) {
    const auto& p = c.params[j];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(p.path), p.log ? "log-uniform" : "uniform",
                       num(p.min), num(p.max), s[j].n, num(s[j].ess), num(s[j].mean), num(s[j].sd), num(s[j].q05),
                       num(s[j].q50), num(s[j].q95));
  }
  return out;
}

std::string predictive_csv(const CalibrationProblem& problem, const AbcResult& abc) {
  const CalibConfig& c = problem.config();
  std::string out = "series,scenario,measure,year,q05,q50,q95\n";
  for (std::size_t s = 0; s < c.predictive.size(); ++s) {
    const auto& ps = c.predictive[s];
    const std::string head =
        fmt::format("{},{},{}", csv_field(ps.name), csv_field(ps.scenario.empty() ? c.scenario.name : ps.scenario),
                    csv_field(describe(ps.quantity)));
    for (const auto& b : predictive_band(abc, s, problem.series_years(s).first))
      out += fmt::format("{},{},{},{},{}\n", head, b.year, num(b.q05), num(b.q50), num(b.q95));
  }
  return out;
}

}  // namespace urbis::calib
