#include "sim/sweep/spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "analysis/observables.hpp"
#include "sim/core/yaml_reader.hpp"
#include "sim/output/csv_output.hpp"

namespace urbis::sweep {

namespace {

using yamlin::Entry;
using yamlin::Reader;

constexpr std::int64_t kMaxRuns = 10'000'000;

std::string fnv1a_hex(const std::string& bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

std::vector<std::string> design_names() { return {"grid", "uniform", "lhs", "saltelli", "morris"}; }
std::vector<std::string> stat_names() { return {"final", "at", "mean", "min", "max", "first_crossing"}; }

bool valid_column_name(const std::string& s) {
  if (s.empty() || s.size() > 100) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  });
}

// x rounded to 12 significant digits. from_chars, not stod: a subnormal x
// (a step of 1e-310) reads back out of range, and stod would throw.
double twelve_digits(double x) {
  const std::string t = fmt::format("{:.12g}", x);
  double v = x;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  return ec == std::errc{} ? v : x;
}

// A parameter value, checked against the parameter's range.
double param_value(const Reader& r, const YAML::Node& n, const VariedParam& p, std::string_view key) {
  double v = 0;
  if (const auto b = r.maybe_bool(n); b && p.spec->kind == ParamKind::flag) {
    v = *b ? 1 : 0;
  } else {
    v = r.number(n, key, p.spec->kind == ParamKind::flag ? "true or false" : "a number");
  }
  if (const std::string want = check_param_value(*p.spec, v); !want.empty())
    r.fail(n, fmt::format("{}: expected {}, got {}", key, want, yamlin::describe(n)));
  return v;
}

VariedParam read_param(const Reader& r, const Entry& e, DesignType design) {
  VariedParam p;
  p.path = e.key;
  p.where = r.at(e.key_node);
  p.spec = find_param(e.key);
  if (!p.spec)
    r.fail(e.key_node, fmt::format("unknown parameter '{}'{}; see configs/defaults.yaml for every parameter", e.key,
                                   did_you_mean(e.key, param_paths())));
  const std::string key = "parameters." + e.key;
  const auto fields =
      r.mapping(e.value, key,
                design == DesignType::grid ? "a mapping with values: [...] or from/to with step or count"
                                           : "a mapping with min and max");
  if (design == DesignType::grid)
    r.check_keys(fields, {"values", "from", "to", "step", "count", "scale"}, "of a grid parameter");
  else r.check_keys(fields, {"min", "max", "scale"}, fmt::format("of a {} parameter", design_name(design)));
  if (const Entry* s = yamlin::find_entry(fields, "scale")) {
    const std::string t = r.text(s->value, key + ".scale", "linear or log");
    if (t == "log") p.scale = Scale::log;
    else if (t != "linear")
      r.fail(s->value,
             fmt::format("{}.scale: expected linear or log, got '{}'{}", key, t, did_you_mean(t, {"linear", "log"})));
  }
  auto need = [&](const char* k) -> const Entry& {
    const Entry* f = yamlin::find_entry(fields, k);
    if (!f) r.fail(e.value, fmt::format("{}: missing '{}'", key, k));
    return *f;
  };
  if (design == DesignType::grid) {
    const Entry* values = yamlin::find_entry(fields, "values");
    if (values) {
      for (const char* k : {"from", "to", "step", "count", "scale"})
        if (const Entry* f = yamlin::find_entry(fields, k))
          r.fail(f->key_node, fmt::format("{}: give either values or from/to, not both", key));
      const auto items = r.sequence(values->value, key + ".values", "a list of values");
      if (items.empty()) r.fail(values->value, fmt::format("{}.values: expected at least one value", key));
      // A set, not a pairwise check: a list may hold up to the node cap (100,000) values.
      std::set<double> seen;
      for (const auto& it : items) {
        const double v = param_value(r, it, p, key + ".values");
        if (!seen.insert(v).second) r.fail(it, fmt::format("{}.values: {} is given twice", key, v));
        p.values.push_back(v);
      }
    } else {
      const Entry& from = need("from");
      const Entry& to = need("to");
      const double a = param_value(r, from.value, p, key + ".from");
      const double b = param_value(r, to.value, p, key + ".to");
      if (b < a) r.fail(to.value, fmt::format("{}.to: must be >= from ({})", key, a));
      const Entry* step = yamlin::find_entry(fields, "step");
      const Entry* count = yamlin::find_entry(fields, "count");
      if ((step != nullptr) == (count != nullptr))
        r.fail(e.value, fmt::format("{}: give exactly one of step and count with from/to", key));
      if (step) {
        if (p.scale == Scale::log) r.fail(step->key_node, fmt::format("{}: scale: log goes with count, not step", key));
        const double h = r.number(step->value, key + ".step", "a number > 0");
        if (!(h > 0)) r.fail(step->value, fmt::format("{}.step: expected a number > 0", key));
        const double n = std::floor((b - a) / h * (1 + 1e-12) + 1e-9);
        if (n > 1e6) r.fail(step->value, fmt::format("{}.step: more than a million values", key));
        // 12 significant digits: 0.1 + 2 x 0.1 is 0.3, not 0.30000000000000004.
        for (int i = 0; i <= static_cast<int>(n); ++i) p.values.push_back(std::min(b, twelve_digits(a + i * h)));
      } else {
        const auto n = r.integer(count->value, key + ".count", "a whole number", 1, 1000000);
        if (p.scale == Scale::log && !(a > 0))
          r.fail(from.value, fmt::format("{}.from: scale: log needs from > 0", key));
        std::set<double> seen;  // counts are rounded, so values repeat; a million of them: no pairwise search
        for (std::int64_t i = 0; i < n; ++i) {
          const double u = n == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(n - 1);
          double v = p.scale == Scale::log ? std::exp(std::log(a) + u * (std::log(b) - std::log(a))) : a + u * (b - a);
          if (i == n - 1) v = b;
          if (p.spec->kind != ParamKind::real) v = std::round(v);
          if (seen.insert(v).second) p.values.push_back(v);
        }
      }
    }
  } else {
    const Entry& lo = need("min");
    const Entry& hi = need("max");
    p.min = param_value(r, lo.value, p, key + ".min");
    p.max = param_value(r, hi.value, p, key + ".max");
    if (!(p.max > p.min)) r.fail(hi.value, fmt::format("{}.max: must be > min ({})", key, p.min));
    if (p.scale == Scale::log && !(p.min > 0)) r.fail(lo.value, fmt::format("{}.min: scale: log needs min > 0", key));
  }
  return p;
}

MetricSpec read_metric(const Reader& r, const YAML::Node& n, std::size_t index) {
  const std::string key = fmt::format("metrics[{}]", index);
  MetricSpec m;
  m.where = r.at(n);
  const auto f = r.mapping(n, key, "a mapping with name, column and stat");
  r.check_keys(f, {"name", "column", "state", "network", "stat", "year", "from", "to", "threshold", "direction"},
               "of a metric");
  const Entry* name = yamlin::find_entry(f, "name");
  if (!name) r.fail(n, fmt::format("{}: missing 'name'", key));
  m.name = r.text(name->value, key + ".name", "a name");
  if (!valid_column_name(m.name))
    r.fail(name->value, fmt::format("{}.name: use letters, digits, '_', '-' and '.' only (it names a column), got '{}'",
                                    key, m.name));
  const Entry* column = yamlin::find_entry(f, "column");
  if (!column) r.fail(n, fmt::format("{}: missing 'column'", key));
  m.column = r.text(column->value, key + ".column", "a column name");
  m.column_where = r.at(column->value);
  const Entry* state = yamlin::find_entry(f, "state");
  const Entry* network = yamlin::find_entry(f, "network");
  if (state && network) r.fail(network->key_node, fmt::format("{}: give state or network, not both", key));
  if (state) {
    m.source = Source::state;
    m.entity = r.text(state->value, key + ".state", "an ISO3 code");
    m.entity_where = r.at(state->value);
  } else if (network) {
    m.source = Source::network;
    m.entity = r.text(network->value, key + ".network", "a network name");
    m.entity_where = r.at(network->value);
  }
  if (m.source == Source::global) {
    const auto cols = global_metric_columns();
    if (std::find(cols.begin(), cols.end(), m.column) == cols.end())
      r.fail(column->value, fmt::format("{}.column: unknown column '{}' of global.csv{}; valid: {} (add state: or "
                                        "network: for their columns)",
                                        key, m.column, did_you_mean(m.column, cols), list_choices(cols, 30)));
  } else if (m.source == Source::network) {
    const auto cols = network_metric_columns();
    if (std::find(cols.begin(), cols.end(), m.column) == cols.end())
      r.fail(column->value, fmt::format("{}.column: unknown numeric column '{}' of networks.csv{}; valid: {}", key,
                                        m.column, did_you_mean(m.column, cols), list_choices(cols, 30)));
  }
  if (const Entry* s = yamlin::find_entry(f, "stat")) {
    const std::string t = r.text(s->value, key + ".stat", "a statistic");
    const auto names = stat_names();
    const auto it = std::find(names.begin(), names.end(), t);
    if (it == names.end())
      r.fail(s->value, fmt::format("{}.stat: unknown statistic '{}'{}; valid: {}", key, t, did_you_mean(t, names),
                                   list_choices(names)));
    m.stat = static_cast<Stat>(it - names.begin());
  }
  auto forbid = [&](const char* k, const char* why) {
    if (const Entry* x = yamlin::find_entry(f, k))
      r.fail(x->key_node, fmt::format("{}: '{}' does not go with stat: {} ({})", key, k, stat_name(m.stat), why));
  };
  auto year = [&](const char* k) -> int {
    const Entry* x = yamlin::find_entry(f, k);
    return x ? static_cast<int>(r.integer(x->value, key + "." + k, "a whole year", 1900, 2200)) : 0;
  };
  switch (m.stat) {
    case Stat::final:
      for (const char* k : {"year", "from", "to", "threshold", "direction"})
        forbid(k, "final is the last year's value");
      break;
    case Stat::at:
      for (const char* k : {"from", "to", "threshold", "direction"}) forbid(k, "at takes year");
      if (!yamlin::find_entry(f, "year")) r.fail(n, fmt::format("{}: stat: at needs 'year'", key));
      m.from = m.to = year("year");
      break;
    case Stat::mean:
    case Stat::min:
    case Stat::max:
      for (const char* k : {"year", "threshold", "direction"}) forbid(k, "it takes from and to");
      m.from = year("from");
      m.to = year("to");
      if (m.from && m.to && m.to < m.from)
        r.fail(yamlin::find_entry(f, "to")->value, fmt::format("{}.to: must be >= from ({})", key, m.from));
      break;
    case Stat::first_crossing: {
      forbid("year", "it takes threshold, direction, from and to");
      const Entry* t = yamlin::find_entry(f, "threshold");
      if (!t) r.fail(n, fmt::format("{}: stat: first_crossing needs 'threshold'", key));
      m.threshold = r.number(t->value, key + ".threshold", "a number");
      if (const Entry* d = yamlin::find_entry(f, "direction")) {
        const std::string dir = r.text(d->value, key + ".direction", "above or below");
        if (dir == "below") m.above = false;
        else if (dir != "above")
          r.fail(d->value, fmt::format("{}.direction: expected above or below, got '{}'{}", key, dir,
                                       did_you_mean(dir, {"above", "below"})));
      }
      m.from = year("from");
      m.to = year("to");
      break;
    }
  }
  return m;
}

}  // namespace

std::string design_name(DesignType t) { return design_names()[static_cast<std::size_t>(t)]; }
std::string stat_name(Stat s) { return stat_names()[static_cast<std::size_t>(s)]; }

std::vector<std::string> global_metric_columns() {
  auto c = global_columns();
  c.erase(c.begin());  // year
  return c;
}

std::vector<std::string> network_metric_columns() {
  // The numeric columns of networks.csv (the data dictionary), less the year.
  std::vector<std::string> c;
  for (const auto& o : output_file("networks.csv").columns)
    if (!o.is_text() && o.name != "year") c.emplace_back(o.name);
  return c;
}

SweepSpec load_sweep(const std::string& file) {
  const YAML::Node root = yamlin::load_file(file, "sweep");
  Reader r(file);
  SweepSpec s;
  s.file = file;
  {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    s.hash = fnv1a_hex(bytes.str());
  }
  if (!root.IsDefined() || root.IsNull())
    throw InputError({file, 0, 0}, "the sweep file is empty; it needs name, description, scenario and metrics");
  const auto top = r.mapping(root, "", "a mapping of sweep keys");
  // Mistakes in different keys (and in different parameters and metrics)
  // are independent: all of them are reported together.
  ErrorList errors;
  errors.attempt([&] {
    r.check_keys(top,
                 {"name", "description", "scenario", "scenarios", "seed", "replicates", "set", "design", "parameters",
                  "metrics", "output"},
                 "at the top of a sweep file");
  });
  auto need = [&](const char* k, const char* what) -> const Entry* {
    const Entry* e = yamlin::find_entry(top, k);
    if (!e) errors.add(InputError(r.at(root), fmt::format("missing required key '{}' ({})", k, what)));
    return e;
  };
  if (const Entry* e = need("name", "the sweep's name; it names the output folder"))
    errors.attempt([&] {
      s.name = r.text(e->value, "name", "a name");
      if (!valid_column_name(s.name))
        r.fail(e->value, fmt::format("name: use letters, digits, '_', '-' and '.' only, got '{}'", s.name));
    });
  if (const Entry* e = need("description", "what the sweep is for"))
    errors.attempt([&] { s.description = r.text(e->value, "description", "text"); });

  const Entry* one = yamlin::find_entry(top, "scenario");
  const Entry* many = yamlin::find_entry(top, "scenarios");
  if (one && many) {
    errors.add(InputError(r.at(many->key_node),
                          "give either scenario (one) or scenarios (a list, compared run by "
                          "run with the same seeds), not both"));
  } else if (one) {
    errors.attempt([&] {
      s.scenarios.push_back(r.text(one->value, "scenario", "a scenario file or library name"));
      s.scenario_wheres.push_back(r.at(one->value));
    });
  } else if (many) {
    errors.attempt([&] {
      s.scenario_factor = true;
      const auto items = r.sequence(many->value, "scenarios", "a list of scenario files or library names");
      if (items.size() < 2)
        r.fail(many->value, "scenarios: expected at least two scenarios (for one, write scenario: NAME)");
      std::set<std::string> seen;
      for (const auto& it : items) {
        const std::string name = r.text(it, "scenarios", "a scenario file or library name");
        if (!seen.insert(name).second) r.fail(it, fmt::format("scenarios: '{}' is listed twice", name));
        s.scenarios.push_back(name);
        s.scenario_wheres.push_back(r.at(it));
      }
    });
  } else {
    errors.add(InputError(r.at(root),
                          "missing required key 'scenario' (the scenario to run: a file or library "
                          "name; or scenarios: [A, B] to compare several)"));
  }
  if (const Entry* e = yamlin::find_entry(top, "seed"))
    errors.attempt([&] { s.seed = r.unsigned64(e->value, "seed", "a whole number >= 0"); });
  if (const Entry* e = yamlin::find_entry(top, "replicates"))
    errors.attempt(
        [&] { s.replicates = static_cast<int>(r.integer(e->value, "replicates", "a whole number", 1, 100000)); });

  // The design: optional for a grid, which is also what a sweep of
  // replicates alone (no parameters) is.
  const Entry* design = yamlin::find_entry(top, "design");
  bool design_ok = true;
  if (design)
    errors.attempt([&] {
      design_ok = false;
      const auto d = r.mapping(design->value, "design", "a mapping with type (and samples)");
      r.check_keys(d, {"type", "samples", "levels"}, "of design");
      const Entry* type = yamlin::find_entry(d, "type");
      if (!type) r.fail(design->value, "design: missing 'type' (grid, uniform, lhs, saltelli or morris)");
      {
        const std::string t = r.text(type->value, "design.type", "a design type");
        const auto names = design_names();
        const auto it = std::find(names.begin(), names.end(), t);
        if (it == names.end())
          r.fail(type->value, fmt::format("design.type: unknown design '{}'{}; valid: {}", t, did_you_mean(t, names),
                                          list_choices(names)));
        s.design = static_cast<DesignType>(it - names.begin());
      }
      const Entry* samples = yamlin::find_entry(d, "samples");
      if (s.design == DesignType::grid) {
        if (samples)
          r.fail(samples->key_node, "design: a grid takes no 'samples' (its size is the product of the value lists)");
      } else {
        if (!samples)
          r.fail(design->value, fmt::format("design: {} needs 'samples' ({})", design_name(s.design),
                                            s.design == DesignType::saltelli ? "base samples N; runs N (k + 2) points"
                                            : s.design == DesignType::morris ? "trajectories r; runs r (k + 1) points"
                                                                             : "the number of points"));
        s.samples = static_cast<int>(r.integer(samples->value, "design.samples", "a whole number", 1, 1000000));
        if (s.design == DesignType::saltelli && s.samples < 2)
          r.fail(samples->value, "design.samples: saltelli needs at least 2 base samples");
      }
      if (const Entry* l = yamlin::find_entry(d, "levels")) {
        if (s.design != DesignType::morris) r.fail(l->key_node, "design: 'levels' goes with type: morris only");
        s.levels = static_cast<int>(r.integer(l->value, "design.levels", "an even whole number", 2, 100));
        if (s.levels % 2) r.fail(l->value, "design.levels: expected an even number (so the step is half the levels)");
      }
      if (s.scenario_factor && (s.design == DesignType::saltelli || s.design == DesignType::morris))
        r.fail(type->value, fmt::format("design: {} (sensitivity indices) goes with one scenario; a scenarios factor "
                                        "goes with grid, uniform or lhs",
                                        design_name(s.design)));
      design_ok = true;
    });

  const Entry* params = yamlin::find_entry(top, "parameters");
  if (params && design_ok)
    errors.attempt([&] {
      const auto pe = r.mapping(params->value, "parameters", "a mapping from parameter paths to how they vary");
      if (pe.empty())
        r.fail(params->value,
               "parameters: expected at least one parameter to vary (or leave the key out "
               "for a sweep of replicates only)");
      for (const auto& e : pe) errors.attempt([&] { s.params.push_back(read_param(r, e, s.design)); });
    });
  if (!params && design_ok && s.design != DesignType::grid)
    errors.add(InputError(r.at(design->value), fmt::format("design: {} needs parameters to vary (a sweep of "
                                                           "replicates alone takes no design, or type: grid)",
                                                           design_name(s.design))));

  if (const Entry* e = yamlin::find_entry(top, "set"))
    errors.attempt([&] {
      for (const auto& f : r.mapping(e->value, "set", "a mapping from parameter paths to values"))
        errors.attempt([&] {
          const ParamSpec* spec = find_param(f.key);
          if (!spec)
            r.fail(f.key_node, fmt::format("set: unknown parameter '{}'{}", f.key, did_you_mean(f.key, param_paths())));
          if (params)
            for (const auto& p : s.params)
              if (p.path == f.key) r.fail(f.key_node, fmt::format("set: '{}' is also varied under parameters", f.key));
          VariedParam tmp;
          tmp.spec = spec;
          s.fixed.emplace_back(f.key, param_value(r, f.value, tmp, "set." + f.key));
        });
    });

  if (const Entry* metrics = need("metrics",
                                  "the outcomes to record per run, such as {name: coop, column: "
                                  "cooperation_index}"))
    errors.attempt([&] {
      const auto items = r.sequence(metrics->value, "metrics", "a list of metrics");
      if (items.empty()) r.fail(metrics->value, "metrics: expected at least one metric");
      std::set<std::string> taken = {"run_id", "point",        "scenario", "replicate", "seed",
                                     "status", "wall_seconds", "error",    "command"};
      for (const auto& p : s.params) taken.insert(p.path);
      for (std::size_t i = 0; i < items.size(); ++i)
        errors.attempt([&] {
          MetricSpec m = read_metric(r, items[i], i);
          if (!taken.insert(m.name).second)
            r.fail(items[i], fmt::format("metrics[{}].name: '{}' is already a column of runs.csv", i, m.name));
          s.metrics.push_back(std::move(m));
        });
    });

  s.output = "out/sweeps/" + s.name;
  if (const Entry* e = yamlin::find_entry(top, "output"))
    errors.attempt([&] {
      const auto o = r.mapping(e->value, "output", "a mapping with directory and trajectories");
      r.check_keys(o, {"directory", "trajectories"}, "of output");
      if (const Entry* x = yamlin::find_entry(o, "directory"))
        s.output = r.text(x->value, "output.directory", "a folder");
      if (const Entry* x = yamlin::find_entry(o, "trajectories"))
        s.trajectories = r.boolean(x->value, "output.trajectories");
    });
  errors.throw_if_any();

  // Size of the design.
  const std::int64_t k = static_cast<std::int64_t>(s.params.size());
  std::int64_t points = 1;
  switch (s.design) {
    case DesignType::grid:
      for (const auto& p : s.params)
        points = std::min<std::int64_t>(points * static_cast<std::int64_t>(p.values.size()), kMaxRuns + 1);
      break;
    case DesignType::uniform:
    case DesignType::lhs: points = s.samples; break;
    case DesignType::saltelli: points = s.samples * (k + 2); break;
    case DesignType::morris: points = s.samples * (k + 1); break;
  }
  points = std::min<std::int64_t>(points * static_cast<std::int64_t>(s.scenarios.size()), kMaxRuns + 1);
  if (points * s.replicates > kMaxRuns)
    throw InputError(design ? r.at(design->value) : r.at(root),
                     fmt::format("the sweep has {} points x {} replicates, more than the limit of {} runs", points,
                                 s.replicates, kMaxRuns));
  return s;
}

}  // namespace urbis::sweep
