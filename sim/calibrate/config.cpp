#include "sim/calibrate/config.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/core/param_table.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::calib {

namespace {

using yamlin::Entry;
using yamlin::find_entry;
using yamlin::Reader;

const Entry& need(const Reader& r, const YAML::Node& n, const std::vector<Entry>& es, const char* key,
                  const std::string& what) {
  const Entry* e = find_entry(es, key);
  if (!e) r.fail(n, fmt::format("{} needs '{}'", what, key));
  return *e;
}

CalibParam read_param(const Reader& r, const YAML::Node& n) {
  const auto es = r.mapping(n, "parameters[]", "a mapping {path, start, min, max[, log, whole]}");
  r.check_keys(es, {"path", "start", "min", "max", "log", "whole"}, "in a calibration parameter");
  CalibParam p;
  const Entry& path = need(r, n, es, "path", "a calibration parameter");
  p.path = r.text(path.value, "path", "a parameter path");
  const ParamSpec* spec = find_param(p.path);
  if (!spec) r.fail(path.value, fmt::format("unknown parameter '{}'{}", p.path, did_you_mean(p.path, param_paths())));
  p.start = r.number(need(r, n, es, "start", "a calibration parameter").value, "start", "a number");
  p.min = r.number(need(r, n, es, "min", "a calibration parameter").value, "min", "a number");
  p.max = r.number(need(r, n, es, "max", "a calibration parameter").value, "max", "a number");
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

// The keys a quantity is made of, besides `measure`.
const std::vector<std::string> kSubjectKeys = {"network", "city", "state", "issue"};

// The subject keys each measure needs.
std::vector<std::string> subject_keys(Measure m) {
  switch (m) {
    case Measure::active_networks: return {};
    case Measure::network_members:
    case Measure::network_actions: return {"network"};
    case Measure::city_members: return {"city"};
    case Measure::state_members: return {"state", "issue"};
  }
  return {};
}

// Reads measure and subject of a target or series; returns the place of the
// subject (network, city or state) for the checks against the world.
Quantity read_quantity(const Reader& r, const YAML::Node& n, const std::vector<Entry>& es, const std::string& what,
                       SourcePlace& subject_place) {
  const Entry& m = need(r, n, es, "measure", what);
  const std::string name = r.text(m.value, "measure", "a measure");
  const auto& names = measure_names();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    r.fail(m.value,
           fmt::format("unknown measure '{}'{}; valid: {}", name, did_you_mean(name, names), list_choices(names)));
  Quantity q;
  q.measure = static_cast<Measure>(it - names.begin());
  const auto wanted = subject_keys(q.measure);
  for (const auto& key : kSubjectKeys) {
    const Entry* e = find_entry(es, key);
    const bool wants = std::find(wanted.begin(), wanted.end(), key) != wanted.end();
    if (e && !wants) r.fail(e->key_node, fmt::format("measure '{}' takes no '{}'", name, key));
    if (!e && wants) r.fail(n, fmt::format("measure '{}' needs '{}'", name, key));
  }
  if (const Entry* e = find_entry(es, "network")) {
    q.network = r.text(e->value, "network", "a network name");
    subject_place = r.at(e->value);
  }
  if (const Entry* e = find_entry(es, "city")) {
    q.city = r.text(e->value, "city", "a city name");
    subject_place = r.at(e->value);
  }
  if (const Entry* e = find_entry(es, "state")) {
    q.state = r.text(e->value, "state", "a state's ISO3 code");
    subject_place = r.at(e->value);
  }
  if (const Entry* e = find_entry(es, "issue")) {
    const std::string issue = r.text(e->value, "issue", "an issue");
    const auto parsed = issue_from_name(issue);
    if (!parsed) {
      const std::vector<std::string> issues(kIssueNames.begin(), kIssueNames.end());
      r.fail(e->value,
             fmt::format("unknown issue '{}'{}; valid: {}", issue, did_you_mean(issue, issues), list_choices(issues)));
    }
    q.issue = *parsed;
  }
  return q;
}

int read_year(const Reader& r, const Entry& e) {
  return static_cast<int>(r.integer(e.value, e.key, "a year", 1900, 2200));
}

// `year`, or `from` and `to`, into [from, to].
void read_span(const Reader& r, const YAML::Node& n, const std::vector<Entry>& es, bool required, int& from, int& to) {
  const Entry* year = find_entry(es, "year");
  const Entry* f = find_entry(es, "from");
  const Entry* t = find_entry(es, "to");
  if (year && (f || t)) r.fail(n, "give either year, or from and to");
  if (year) {
    from = to = read_year(r, *year);
    return;
  }
  if (required && (!f || !t)) r.fail(n, "a target needs 'year', or 'from' and 'to'");
  if (f) from = read_year(r, *f);
  if (t) to = read_year(r, *t);
  if (from && to && from > to) r.fail(f ? f->value : n, fmt::format("from {} is after to {}", from, to));
}

CalibTarget read_target(const Reader& r, const YAML::Node& n) {
  const auto es = r.mapping(n, "targets[]", "a mapping {name, measure, ...}");
  r.check_keys(es,
               {"name", "measure", "network", "city", "state", "issue", "year", "from", "to", "scenario",
                "compare_with", "difference", "value", "low", "high", "scale", "weight", "source"},
               "in a calibration target");
  CalibTarget t;
  t.place = r.at(n);
  t.name = r.text(need(r, n, es, "name", "a target").value, "name", "a name");
  t.quantity = read_quantity(r, n, es, "a target", t.subject_place);
  read_span(r, n, es, true, t.from, t.to);
  if (const Entry* e = find_entry(es, "scenario")) t.scenario = r.text(e->value, "scenario", "a scenario name or file");
  const Entry* cmp = find_entry(es, "compare_with");
  const Entry* diff = find_entry(es, "difference");
  if (cmp) {
    t.compare_with = r.text(cmp->value, "compare_with", "a scenario name or file");
    t.difference = Difference::relative;
  }
  if (diff) {
    if (!cmp)
      r.fail(diff->key_node,
             "a paired target needs 'compare_with' (the counterfactual scenario run with the same seeds)");
    const std::string d = r.text(diff->value, "difference", "relative or absolute");
    const std::vector<std::string> kinds = {"relative", "absolute"};
    if (d == "relative") t.difference = Difference::relative;
    else if (d == "absolute") t.difference = Difference::absolute;
    else
      r.fail(diff->value,
             fmt::format("unknown difference '{}'{}; valid: relative, absolute", d, did_you_mean(d, kinds)));
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
    if (find_entry(es, "scale")) r.fail(n, "a range target takes no scale (it is half the range)");
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

PredictiveSeries read_series(const Reader& r, const YAML::Node& n) {
  const auto es = r.mapping(n, "predictive[]", "a mapping {name, measure, ...}");
  r.check_keys(es, {"name", "measure", "network", "city", "state", "issue", "scenario", "from", "to"},
               "in a predictive series");
  PredictiveSeries s;
  s.place = r.at(n);
  s.name = r.text(need(r, n, es, "name", "a predictive series").value, "name", "a name");
  s.quantity = read_quantity(r, n, es, "a predictive series", s.subject_place);
  read_span(r, n, es, false, s.from, s.to);
  if (const Entry* e = find_entry(es, "scenario")) s.scenario = r.text(e->value, "scenario", "a scenario name or file");
  return s;
}

AbcSettings read_abc(const Reader& r, const YAML::Node& n) {
  const auto es = r.mapping(n, "abc", "a mapping {points, seed, accept | epsilon, rounds, polish}");
  r.check_keys(es, {"points", "seed", "accept", "epsilon", "rounds", "polish"}, "of abc");
  AbcSettings a;
  if (const Entry* e = find_entry(es, "points"))
    a.points = static_cast<int>(r.integer(e->value, "abc.points", "a count of design points", 2, 1000000));
  if (const Entry* e = find_entry(es, "seed")) a.seed = r.unsigned64(e->value, "abc.seed", "a seed");
  const Entry* accept = find_entry(es, "accept");
  const Entry* epsilon = find_entry(es, "epsilon");
  if (accept && epsilon) r.fail(n, "give either abc.accept (a share of the points) or abc.epsilon (a distance)");
  if (accept) {
    a.accept = r.number(accept->value, "abc.accept", "a share in (0, 1]");
    if (!(a.accept > 0 && a.accept <= 1)) r.fail(accept->value, "abc.accept must be in (0, 1]");
  }
  if (epsilon) {
    a.epsilon = r.number(epsilon->value, "abc.epsilon", "a positive distance");
    if (!(*a.epsilon > 0)) r.fail(epsilon->value, "abc.epsilon must be positive");
  }
  if (const Entry* e = find_entry(es, "rounds"))
    a.rounds = static_cast<int>(r.integer(e->value, "abc.rounds", "a count of refinement rounds", 0, 5));
  if (const Entry* e = find_entry(es, "polish")) a.polish = r.boolean(e->value, "abc.polish");
  return a;
}

}  // namespace

double to_search(const CalibParam& p, double v) { return p.log ? std::log(v) : v; }

double from_search(const CalibParam& p, double s) {
  double v = p.log ? std::exp(s) : s;
  v = std::clamp(v, p.min, p.max);
  return p.whole ? std::round(v) : v;
}

double from_unit(const CalibParam& p, double u) {
  const double lo = to_search(p, p.min), hi = to_search(p, p.max);
  return from_search(p, lo + u * (hi - lo));
}

double to_unit(const CalibParam& p, double value) {
  const double lo = to_search(p, p.min), hi = to_search(p, p.max);
  return (to_search(p, value) - lo) / (hi - lo);
}

std::vector<ScenarioRef> CalibConfig::scenarios() const {
  std::vector<ScenarioRef> out = {scenario};
  auto add = [&](const std::string& name, const SourcePlace& place) {
    if (name.empty()) return;
    if (std::none_of(out.begin(), out.end(), [&](const ScenarioRef& s) { return s.name == name; }))
      out.push_back({name, place});
  };
  for (const auto& t : targets) add(t.scenario, t.place), add(t.compare_with, t.place);
  for (const auto& s : predictive) add(s.scenario, s.place);
  return out;
}

CalibConfig load_calibration(const std::string& file) {
  const Reader r(file);
  const YAML::Node root = yamlin::load_file(file, "calibration config");
  const auto es = r.mapping(root, "calibration config", "a mapping");
  r.check_keys(es,
               {"scenario", "end", "seeds", "parameters", "targets", "predictive", "method", "abc", "max_evaluations",
                "initial_step", "tolerance"},
               "of a calibration config");
  CalibConfig c;
  c.file = file;
  const Entry& scenario = need(r, root, es, "scenario", "a calibration config");
  c.scenario = {r.text(scenario.value, "scenario", "a scenario file or name"), r.at(scenario.value)};
  if (const Entry* e = find_entry(es, "end")) c.end = read_year(r, *e);
  const Entry& seeds = need(r, root, es, "seeds", "a calibration config");
  for (const auto& s : r.sequence(seeds.value, "seeds", "a list of seeds"))
    c.seeds.push_back(r.unsigned64(s, "seeds[]", "a seed"));
  if (c.seeds.empty()) r.fail(seeds.value, "seeds: give at least one seed");
  for (std::size_t i = 0; i < c.seeds.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (c.seeds[i] == c.seeds[j]) r.fail(seeds.value, fmt::format("seeds: {} is given twice", c.seeds[i]));
  if (const Entry* e = find_entry(es, "parameters"))
    for (const auto& n : r.sequence(e->value, "parameters", "a list of parameters")) {
      c.params.push_back(read_param(r, n));
      for (std::size_t j = 0; j + 1 < c.params.size(); ++j)
        if (c.params[j].path == c.params.back().path)
          r.fail(n, fmt::format("parameter '{}' is given twice", c.params.back().path));
    }
  const Entry& targets = need(r, root, es, "targets", "a calibration config");
  for (const auto& n : r.sequence(targets.value, "targets", "a list of targets")) {
    c.targets.push_back(read_target(r, n));
    for (std::size_t j = 0; j + 1 < c.targets.size(); ++j)
      if (c.targets[j].name == c.targets.back().name)
        r.fail(n, fmt::format("target name '{}' is given twice", c.targets.back().name));
    const CalibTarget& t = c.targets.back();
    if (!t.compare_with.empty() && t.compare_with == (t.scenario.empty() ? c.scenario.name : t.scenario))
      r.fail(n, fmt::format("target '{}' compares scenario '{}' with itself", t.name, t.compare_with));
  }
  if (c.targets.empty()) r.fail(targets.value, "targets: give at least one target");
  if (const Entry* e = find_entry(es, "predictive"))
    for (const auto& n : r.sequence(e->value, "predictive", "a list of series")) {
      c.predictive.push_back(read_series(r, n));
      for (std::size_t j = 0; j + 1 < c.predictive.size(); ++j)
        if (c.predictive[j].name == c.predictive.back().name)
          r.fail(n, fmt::format("series name '{}' is given twice", c.predictive.back().name));
    }
  if (const Entry* e = find_entry(es, "method")) {
    const std::string m = r.text(e->value, "method", "nelder_mead or abc");
    const std::vector<std::string> methods = {"nelder_mead", "abc"};
    if (m == "nelder_mead") c.method = Method::nelder_mead;
    else if (m == "abc") c.method = Method::abc;
    else r.fail(e->value, fmt::format("unknown method '{}'{}; valid: nelder_mead, abc", m, did_you_mean(m, methods)));
  }
  if (const Entry* e = find_entry(es, "abc")) c.abc = read_abc(r, e->value);
  if (const Entry* e = find_entry(es, "max_evaluations"))
    c.max_evaluations = static_cast<int>(r.integer(e->value, "max_evaluations", "a count", 1, 100000));
  if (const Entry* e = find_entry(es, "initial_step")) {
    c.initial_step = r.number(e->value, "initial_step", "a number in (0, 1]");
    if (!(c.initial_step > 0 && c.initial_step <= 1)) r.fail(e->value, "initial_step must be in (0, 1]");
  }
  if (const Entry* e = find_entry(es, "tolerance")) c.tolerance = r.number(e->value, "tolerance", "a number");
  return c;
}

}  // namespace urbis::calib
