#include "sim/calibrate/problem.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/interrupt.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/param_table.hpp"

namespace urbis::calib {

namespace {

std::string years_text(int from, int to) {
  return from == to ? fmt::format("{}", from) : fmt::format("{}-{}", from, to);
}

}  // namespace

bool meets(const CalibTarget& t, double mean) {
  return t.range ? (mean >= t.low && mean <= t.high) : std::abs(mean - t.centre) <= t.scale;
}

double misfit(const CalibTarget& t, double mean) {
  const double z = (mean - t.centre) / t.scale;
  return std::isfinite(z) ? z * z : 1e12;  // a quantity the runs could not measure counts as far off
}

std::size_t CalibrationProblem::scenario_index(const std::string& name) const {
  const auto refs = config_.scenarios();
  const std::string& want = name.empty() ? config_.scenario.name : name;
  for (std::size_t i = 0; i < refs.size(); ++i)
    if (refs[i].name == want) return i;
  throw std::logic_error("calibration: scenario not in the config's list: " + want);
}

CalibrationProblem::Slot CalibrationProblem::need(std::size_t scenario, const Quantity& q) {
  auto& qs = quantities_[scenario];
  const auto it = std::find(qs.begin(), qs.end(), q);
  if (it != qs.end()) return {scenario, static_cast<std::size_t>(it - qs.begin())};
  qs.push_back(q);
  return {scenario, qs.size() - 1};
}

void CalibrationProblem::check_years(int from, int to, std::size_t k, const SourcePlace& place,
                                     const std::string& what) const {
  const Scenario& s = scenarios_[k];
  if (from < s.start || to > end_)
    throw InputError(place,
                     fmt::format("{}: years {} are outside the run of {} ({}-{}){}", what, years_text(from, to), s.name,
                                 s.start, end_, to > end_ && config_.end ? "; raise the config's end" : ""));
}

void CalibrationProblem::check_subject(const Quantity& q, const SourcePlace& place, std::size_t k) const {
  const Scenario& s = scenarios_[k];
  const WorldData& data = worlds_[world_of_[k]];
  auto fail_unknown = [&](const std::string& kind, const std::string& name, const std::vector<std::string>& valid) {
    throw InputError(
        place, fmt::format("unknown {} '{}' in the world of {}{}", kind, name, s.name, did_you_mean(name, valid)));
  };
  if (!q.network.empty()) {
    // Named networks of the world (founded before or during the run) and
    // networks the scenario's events found.
    std::vector<std::string> names = network_names_at_start(s, data);
    for (const auto& e : s.events)
      if (e.type == EventType::found_network) names.push_back(e.name);
    if (std::find(names.begin(), names.end(), q.network) == names.end()) fail_unknown("network", q.network, names);
  }
  if (!q.city.empty()) {
    const auto& names = data.world.cities.name;
    if (std::find(names.begin(), names.end(), q.city) == names.end()) fail_unknown("city", q.city, names);
  }
  if (!q.state.empty()) {
    const auto& names = data.world.states.iso3;
    if (std::find(names.begin(), names.end(), q.state) == names.end()) fail_unknown("state", q.state, names);
  }
}

CalibrationProblem::CalibrationProblem(const CalibConfig& config, std::vector<Scenario> scenarios,
                                       const RunContext& context)
    : config_(config), scenarios_(std::move(scenarios)), context_(context) {
  const auto refs = config_.scenarios();
  if (refs.size() != scenarios_.size()) throw std::logic_error("calibration: one loaded scenario per name expected");
  context_.progress = [](int, int) { throw_if_interrupted(); };  // SIGINT/SIGTERM: stop at a step boundary

  // The last year: the config's, else the last a target or series needs.
  end_ = config_.end;
  if (end_ == 0) {
    for (const auto& t : config_.targets) end_ = std::max(end_, t.to);
    for (const auto& s : config_.predictive) end_ = std::max(end_, s.to);
  }
  for (std::size_t k = 0; k < scenarios_.size(); ++k) {
    Scenario& s = scenarios_[k];
    if (end_ == 0) end_ = s.end;  // only series without years: the scenario's own end
    if (end_ < s.start || end_ > s.end)
      throw InputError(refs[k].place, fmt::format("the calibration runs to {}, outside the years of {} ({}-{})", end_,
                                                  s.name, s.start, s.end));
    s.end = end_;
  }

  // One load per distinct world (the engine's key: the world's files or
  // spec and the start year; parameters apply after the load).
  std::vector<std::string> keys;
  for (const auto& s : scenarios_) {
    const std::string key = world_key(s, context_);
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it != keys.end()) {
      world_of_.push_back(static_cast<std::size_t>(it - keys.begin()));
    } else {
      world_of_.push_back(keys.size());
      keys.push_back(key);
      worlds_.push_back(load_world(s, context_));
    }
  }

  // What each scenario's runs record.
  quantities_.resize(scenarios_.size());
  for (const auto& t : config_.targets) {
    const std::size_t k = scenario_index(t.scenario);
    check_years(t.from, t.to, k, t.place, fmt::format("target '{}'", t.name));
    check_subject(t.quantity, t.subject_place, k);
    target_slot_.push_back(need(k, t.quantity));
    if (t.compare_with.empty()) {
      compare_slot_.push_back({});
      continue;
    }
    const std::size_t c = scenario_index(t.compare_with);
    check_years(t.from, t.to, c, t.place, fmt::format("target '{}'", t.name));
    check_subject(t.quantity, t.subject_place, c);
    compare_slot_.push_back(need(c, t.quantity));
  }
  for (const auto& s : config_.predictive) {
    const std::size_t k = scenario_index(s.scenario);
    const int from = s.from ? s.from : scenarios_[k].start;
    const int to = s.to ? s.to : end_;
    check_years(from, to, k, s.place, fmt::format("series '{}'", s.name));
    check_subject(s.quantity, s.subject_place, k);
    series_slot_.push_back(need(k, s.quantity));
    series_years_.push_back({from, to});
  }

  // The runs of one evaluation: every seed of every scenario that records something.
  run_of_.assign(scenarios_.size(), std::vector<std::size_t>(config_.seeds.size(), 0));
  for (std::size_t k = 0; k < scenarios_.size(); ++k) {
    if (quantities_[k].empty()) continue;
    for (std::size_t s = 0; s < config_.seeds.size(); ++s) {
      run_of_[k][s] = runs_.size();
      runs_.push_back({k, s});
    }
  }
}

std::vector<double> CalibrationProblem::current_values() const {
  std::vector<double> v;
  for (const auto& p : config_.params) v.push_back(get_param(scenarios_[0].params, *find_param(p.path)));
  return v;
}

std::pair<int, int> CalibrationProblem::series_years(std::size_t s) const { return series_years_[s]; }

CalibrationProblem::Record CalibrationProblem::run_one(const std::vector<double>& values, const RunSpec& run) const {
  Scenario s = scenarios_[run.scenario];
  s.seed = config_.seeds[run.seed];
  for (std::size_t p = 0; p < config_.params.size(); ++p) find_param(config_.params[p].path)->ref(s.params) = values[p];
  QuantityRecorder recorder(quantities_[run.scenario], s.start, s.end);
  run_loaded(s, worlds_[world_of_[run.scenario]], recorder, context_);
  return recorder.values();
}

double CalibrationProblem::span_value(const Record& r, std::size_t scenario, const Slot& slot, int from, int to) const {
  const int start = scenarios_[scenario].start;
  const auto& ys = r[slot.quantity];
  double sum = 0;
  for (int y = from; y <= to; ++y) sum += ys[static_cast<std::size_t>(y - start)];
  return is_flow(quantities_[scenario][slot.quantity].measure) ? sum : sum / (to - from + 1);
}

Evaluation CalibrationProblem::gather(const std::vector<double>& values, std::span<const Record> records) const {
  Evaluation ev;
  ev.values = values;
  const std::size_t n = config_.seeds.size();
  for (std::size_t t = 0; t < config_.targets.size(); ++t) {
    const CalibTarget& tg = config_.targets[t];
    const Slot& a = target_slot_[t];
    std::vector<double> xs;
    for (std::size_t s = 0; s < n; ++s) {
      const double v = span_value(records[run_of_[a.scenario][s]], a.scenario, a, tg.from, tg.to);
      if (tg.difference == Difference::none) {
        xs.push_back(v);
        continue;
      }
      const Slot& b = compare_slot_[t];
      const double c = span_value(records[run_of_[b.scenario][s]], b.scenario, b, tg.from, tg.to);
      // A relative change from nothing is undefined: NaN, and the target is missed.
      xs.push_back(tg.difference == Difference::absolute ? v - c : c != 0 ? (v - c) / c : NAN);
    }
    TargetFit f;
    f.mean = std::accumulate(xs.begin(), xs.end(), 0.0) / static_cast<double>(n);
    double ss = 0;
    for (double x : xs) ss += (x - f.mean) * (x - f.mean);
    f.sd = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0.0;
    f.met = meets(tg, f.mean);
    ev.objective += tg.weight * misfit(tg, f.mean);
    ev.fits.push_back(f);
  }
  for (std::size_t k = 0; k < config_.predictive.size(); ++k) {
    const Slot& a = series_slot_[k];
    const auto [from, to] = series_years_[k];
    std::vector<double> means;
    for (int y = from; y <= to; ++y) {
      double sum = 0;
      for (std::size_t s = 0; s < n; ++s) sum += span_value(records[run_of_[a.scenario][s]], a.scenario, a, y, y);
      means.push_back(sum / static_cast<double>(n));
    }
    ev.series.push_back(std::move(means));
  }
  return ev;
}

std::vector<Evaluation> CalibrationProblem::evaluate_all(const std::vector<std::vector<double>>& points,
                                                         const Progress& progress) const {
  const std::size_t per = runs_.size();
  std::vector<Record> records(points.size() * per);
  std::atomic<std::size_t> done{0};
  // ForkJoin tells ThreadSanitizer what TBB's uninstrumented library orders:
  // the points and runs made before the loop, the records read after it.
  ForkJoin fj;
  fj.fork();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, records.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        fj.task_begins();
        for (std::size_t i = r.begin(); i != r.end(); ++i)
          tbb::this_task_arena::isolate([&] {
            records[i] = run_one(points[i / per], runs_[i % per]);
            if (progress) progress(++done, records.size());
          });
        fj.task_ends();
      },
      tbb::simple_partitioner());
  fj.join();
  std::vector<Evaluation> out;
  for (std::size_t p = 0; p < points.size(); ++p)
    out.push_back(gather(points[p], std::span<const Record>(records).subspan(p * per, per)));
  return out;
}

}  // namespace urbis::calib
