#include "sim/calibrate/calibrate.hpp"
#include "sim/core/interrupt.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "sim/core/param_table.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace urbis {

namespace {

using yamlin::Entry;
using yamlin::find_entry;
using yamlin::Reader;

CalibParam read_param(const Reader& r, const YAML::Node& n) {
  const auto es = r.mapping(n, "parameters[]", "a mapping {path, start, min, max[, log, whole]}");
  r.check_keys(es, {"path", "start", "min", "max", "log", "whole"}, "in a calibration parameter");
  CalibParam p;
  for (const char* k : {"path", "start", "min", "max"})
    if (!find_entry(es, k)) r.fail(n, fmt::format("a calibration parameter needs '{}'", k));
  const Entry* path = find_entry(es, "path");
  p.path = r.text(path->value, "path", "a parameter path");
  const ParamSpec* spec = find_param(p.path);
  if (!spec) r.fail(path->value, fmt::format("unknown parameter '{}'{}", p.path, did_you_mean(p.path, param_paths())));
  p.start = r.number(find_entry(es, "start")->value, "start", "a number");
  p.min = r.number(find_entry(es, "min")->value, "min", "a number");
  p.max = r.number(find_entry(es, "max")->value, "max", "a number");
  if (const Entry* e = find_entry(es, "log")) p.log = r.boolean(e->value, "log");
  if (const Entry* e = find_entry(es, "whole")) p.whole = r.boolean(e->value, "whole");
  if (!(p.min < p.max) || p.start < p.min || p.start > p.max)
    r.fail(n, fmt::format("{}: expected min < max and start within [min, max]", p.path));
  if (p.log && p.min <= 0) r.fail(n, fmt::format("{}: a log-scaled parameter needs min > 0", p.path));
  for (double v : {p.min, p.max})
    if (const std::string want = check_param_value(*spec, v); !want.empty())
      r.fail(n, fmt::format("{}: bound {} outside the parameter's range ({})", p.path, v, want));
  return p;
}

CalibTarget read_target(const Reader& r, const YAML::Node& n) {
  const auto es = r.mapping(n, "targets[]", "a mapping {name, measure, ...}");
  r.check_keys(es, {"name", "measure", "network", "year", "from", "to", "value", "low", "high", "scale", "weight", "source"},
               "in a calibration target");
  CalibTarget t;
  for (const char* k : {"name", "measure"})
    if (!find_entry(es, k)) r.fail(n, fmt::format("a target needs '{}'", k));
  t.name = r.text(find_entry(es, "name")->value, "name", "a name");
  const Entry* m = find_entry(es, "measure");
  t.measure = r.text(m->value, "measure", "a measure");
  const std::vector<std::string> measures = {"active_networks", "network_members", "network_actions"};
  if (std::find(measures.begin(), measures.end(), t.measure) == measures.end())
    r.fail(m->value, fmt::format("unknown measure '{}'{}; valid: {}", t.measure, did_you_mean(t.measure, measures),
                                 list_choices(measures)));
  if (t.measure != "active_networks") {
    const Entry* net = find_entry(es, "network");
    if (!net) r.fail(n, fmt::format("measure '{}' needs 'network'", t.measure));
    t.network = r.text(net->value, "network", "a network name");
  }
  auto year = [&](const char* key) {
    const Entry* e = find_entry(es, key);
    if (!e) r.fail(n, fmt::format("measure '{}' needs '{}'", t.measure, key));
    return static_cast<int>(r.integer(e->value, key, "a year", 1900, 2200));
  };
  if (t.measure == "network_actions") {
    t.from = year("from");
    t.to = year("to");
    if (t.from > t.to) r.fail(n, "from must not be after to");
  } else {
    t.year = year("year");
  }
  const Entry* value = find_entry(es, "value");
  const Entry* low = find_entry(es, "low");
  const Entry* high = find_entry(es, "high");
  if (value && (low || high)) r.fail(n, "give either value (with scale) or low and high");
  if (value) {
    t.centre = r.number(value->value, "value", "a number");
    const Entry* scale = find_entry(es, "scale");
    if (!scale) r.fail(n, "a target with a value needs a scale (the misfit that counts as one unit)");
    t.scale = r.number(scale->value, "scale", "a positive number");
    if (t.scale <= 0) r.fail(scale->value, "scale must be positive");
  } else {
    if (!low || !high) r.fail(n, "a target needs value and scale, or low and high");
    t.range = true;
    t.low = r.number(low->value, "low", "a number");
    t.high = r.number(high->value, "high", "a number");
    if (!(t.low < t.high)) r.fail(n, "expected low < high");
    t.centre = 0.5 * (t.low + t.high);
    t.scale = 0.5 * (t.high - t.low);
  }
  if (const Entry* w = find_entry(es, "weight")) {
    t.weight = r.number(w->value, "weight", "a non-negative number");
    if (t.weight < 0) r.fail(w->value, "weight must be at least 0");
  }
  if (const Entry* s = find_entry(es, "source")) t.source = r.text(s->value, "source", "text");
  return t;
}

// Records what the targets need, year by year.
class TargetObserver : public RunObserver {
 public:
  explicit TargetObserver(const std::vector<std::string>& networks) : names_(networks) {}
  void observe(const World& w, const GlobalMetrics& m) override {
    Year y;
    y.active = m.active_networks;
    for (const auto& name : names_) {
      const int k = find_network(w, name);
      const bool on = k >= 0 && w.networks.active[k];
      y.members[name] = on ? w.networks.members[k] : 0.0;
      y.actions[name] = on ? w.networks.actions[k] : 0.0;
    }
    years[w.global.year] = std::move(y);
  }
  struct Year {
    double active = 0;
    std::map<std::string, double> members, actions;
  };
  std::map<int, Year> years;

 private:
  std::vector<std::string> names_;
};

double measure(const CalibTarget& t, const TargetObserver& o) {
  auto at = [&](int year) -> const TargetObserver::Year* {
    auto it = o.years.find(year);
    return it == o.years.end() ? nullptr : &it->second;
  };
  if (t.measure == "active_networks") return at(t.year) ? at(t.year)->active : NAN;
  if (t.measure == "network_members") return at(t.year) ? at(t.year)->members.at(t.network) : NAN;
  double sum = 0;
  for (int y = t.from; y <= t.to; ++y) {
    if (!at(y)) return NAN;
    sum += at(y)->actions.at(t.network);
  }
  return sum;
}

double to_search(const CalibParam& p, double v) { return p.log ? std::log(v) : v; }
double from_search(const CalibParam& p, double s) {
  double v = p.log ? std::exp(s) : s;
  v = std::clamp(v, p.min, p.max);
  return p.whole ? std::round(v) : v;
}

}  // namespace

CalibConfig load_calibration(const std::string& file) {
  const Reader r(file);
  const YAML::Node root = yamlin::load_file(file, "calibration config");
  const auto es = r.mapping(root, "calibration config", "a mapping");
  r.check_keys(es, {"scenario", "end", "seeds", "parameters", "targets", "max_evaluations", "initial_step", "tolerance"},
               "of a calibration config");
  CalibConfig c;
  c.file = file;
  for (const char* k : {"scenario", "seeds", "parameters", "targets"})
    if (!find_entry(es, k)) r.fail(root, fmt::format("a calibration config needs '{}'", k));
  c.scenario = r.text(find_entry(es, "scenario")->value, "scenario", "a scenario file or name");
  if (const Entry* e = find_entry(es, "end")) c.end = static_cast<int>(r.integer(e->value, "end", "a year", 1900, 2200));
  for (const auto& s : r.sequence(find_entry(es, "seeds")->value, "seeds", "a list of seeds"))
    c.seeds.push_back(r.unsigned64(s, "seeds[]", "a seed"));
  if (c.seeds.empty()) r.fail(find_entry(es, "seeds")->value, "seeds: give at least one seed");
  for (const auto& n : r.sequence(find_entry(es, "parameters")->value, "parameters", "a list of parameters"))
    c.params.push_back(read_param(r, n));
  for (const auto& n : r.sequence(find_entry(es, "targets")->value, "targets", "a list of targets"))
    c.targets.push_back(read_target(r, n));
  if (c.targets.empty()) r.fail(find_entry(es, "targets")->value, "targets: give at least one target");
  if (const Entry* e = find_entry(es, "max_evaluations"))
    c.max_evaluations = static_cast<int>(r.integer(e->value, "max_evaluations", "a count", 1, 100000));
  if (const Entry* e = find_entry(es, "initial_step")) {
    c.initial_step = r.number(e->value, "initial_step", "a number in (0, 1]");
    if (!(c.initial_step > 0 && c.initial_step <= 1)) r.fail(e->value, "initial_step must be in (0, 1]");
  }
  if (const Entry* e = find_entry(es, "tolerance")) c.tolerance = r.number(e->value, "tolerance", "a number");
  return c;
}

CalibrationProblem::CalibrationProblem(const CalibConfig& config, const Scenario& scenario, const RunContext& context)
    : config_(config), scenario_(scenario), context_(context) {
  if (config.end > 0) {
    if (config.end < scenario_.start || config.end > scenario_.end)
      throw InputError({config.file}, fmt::format("end {} is outside the scenario's years {}-{}", config.end,
                                                  scenario_.start, scenario_.end));
    scenario_.end = config.end;
  }
  for (const auto& t : config.targets) {
    for (int y : {t.year, t.from, t.to})
      if (y != 0 && (y < scenario_.start || y > scenario_.end))
        throw InputError({config.file}, fmt::format("target '{}': year {} is outside the run {}-{}", t.name, y,
                                                    scenario_.start, scenario_.end));
  }
  data_ = load_world(scenario_, context_);
  Timeline check(scenario_, data_);  // the scenario's events must fit the world
  for (const auto& t : config.targets) {
    if (t.network.empty()) continue;
    const bool known = std::any_of(data_.networks.begin(), data_.networks.end(),
                                   [&](const NetworkSeed& s) { return s.name == t.network; });
    if (!known)
      throw InputError({config.file}, fmt::format("target '{}': network '{}' is not a named network of the world",
                                                  t.name, t.network));
  }
}

Evaluation CalibrationProblem::evaluate(const std::vector<double>& values) const {
  Evaluation ev;
  ev.values = values;
  std::vector<std::string> networks;
  for (const auto& t : config_.targets)
    if (!t.network.empty() && std::find(networks.begin(), networks.end(), t.network) == networks.end())
      networks.push_back(t.network);
  std::vector<std::vector<double>> samples(config_.targets.size());
  for (std::uint64_t seed : config_.seeds) {
    Scenario s = scenario_;
    s.seed = seed;
    for (std::size_t p = 0; p < config_.params.size(); ++p) find_param(config_.params[p].path)->ref(s.params) = values[p];
    TargetObserver obs(networks);
    RunContext ctx = context_;
    ctx.progress = [](int, int) { throw_if_interrupted(); };  // SIGINT/SIGTERM: stop at a step boundary
    run_loaded(s, data_, obs, ctx);
    for (std::size_t t = 0; t < config_.targets.size(); ++t) samples[t].push_back(measure(config_.targets[t], obs));
  }
  ev.objective = 0;
  for (std::size_t t = 0; t < config_.targets.size(); ++t) {
    const auto& xs = samples[t];
    const CalibTarget& tg = config_.targets[t];
    TargetFit f;
    f.mean = std::accumulate(xs.begin(), xs.end(), 0.0) / static_cast<double>(xs.size());
    double ss = 0;
    for (double x : xs) ss += (x - f.mean) * (x - f.mean);
    f.sd = xs.size() > 1 ? std::sqrt(ss / static_cast<double>(xs.size() - 1)) : 0.0;
    f.met = tg.range ? (f.mean >= tg.low && f.mean <= tg.high) : std::abs(f.mean - tg.centre) <= tg.scale;
    const double z = (f.mean - tg.centre) / tg.scale;
    ev.objective += tg.weight * (std::isfinite(z) ? z * z : 1e12);
    ev.fits.push_back(f);
  }
  return ev;
}

Evaluation nelder_mead(const CalibrationProblem& problem, const std::function<void(int, const Evaluation&)>& report) {
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
  for (std::size_t i = 0; i < d; ++i) xs[0][i] = to_search(ps[i], ps[i].start);
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

}  // namespace urbis
