// Over 500 lines: the reader of every section of the scenario format, kept in one place so the format has one home (events: parse_event.cpp).
#include "sim/scenario/load_scenario.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "sim/core/param_table.hpp"
#include "sim/core/yaml_reader.hpp"
#include "sim/scenario/parse_event.hpp"
#include "sim/scenario/scenario_fields.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;
using yamlin::Entry;
using yamlin::find_entry;
using yamlin::Reader;
using namespace scenario_io;  // field readers (scenario_fields.hpp), parse_event

// ---------------------------------------------------------------------------
// Limits of the scenario format

constexpr std::int64_t kMaxCities = 100'000'000;
constexpr int kMaxStates = 100'000;
constexpr int kMaxNetworks = 100'000;
constexpr std::size_t kMaxExtendsDepth = 32;

const std::vector<std::string> kTopKeys = {"name", "description",  "extends",    "compare_with", "world", "time",
                                           "seed", "protagonists", "parameters", "events",       "output"};
const std::vector<std::string> kWorldKeys = {"data", "initial_networks", "synthetic"};
const std::vector<std::string> kSyntheticKeys = {"cities", "states", "regions", "networks", "seed", "zipf_exponent"};
const std::vector<std::string> kTimeKeys = {"start", "end"};
const std::vector<std::string> kOutputKeys = {"directory", "cities"};
const std::vector<std::string> kCityOutputKeys = {"variables", "stride"};
const std::vector<std::string> kCityVariables = {"population", "gdp",     "gdp_pc",   "cooperation", "autonomy",
                                                 "reputation", "tension", "openness", "memberships"};

// Every parameter under `map`; a mistake in one is kept in `errors` and the
// others are still read.
void walk_params(const Reader& r, const YAML::Node& map, const std::string& prefix,
                 std::map<std::string, ParamHit>& out, ErrorList& errors) {
  const std::string here = prefix.empty() ? std::string("parameters") : prefix.substr(0, prefix.size() - 1);
  const auto entries =
      r.mapping(map, here, fmt::format("a mapping of its parameters ({})", list_choices(param_children(prefix))));
  for (const auto& e : entries)
    errors.attempt([&] {
      const std::string path = prefix + e.key;
      if (const ParamSpec* spec = find_param(path)) {
        if (e.value.IsMap() || e.value.IsSequence() || e.value.IsNull())
          r.expected(e.value, path, spec->kind == ParamKind::flag ? "true or false" : "a number");
        const double v = read_param_value(r, e.value, *spec);
        if (const auto it = out.find(path); it != out.end())
          r.fail(e.key_node, fmt::format("parameter '{}' is given twice (first at line {}, column {})", path,
                                         it->second.place.line, it->second.place.column));
        out[path] = ParamHit{spec, v, r.at(e.value)};
      } else if (param_group(path)) {
        walk_params(r, e.value, path + ".", out, errors);
      } else {
        r.fail(e.key_node, unknown_param_message(path));
      }
    });
}

// ---------------------------------------------------------------------------
// One file's contribution, before extends: are merged

template <class T>
struct At {
  T value{};
  SourcePlace place;
};

struct Part {
  std::string file;
  SourcePlace root;  // the top-level mapping
  std::optional<At<std::string>> name, description, extends;
  std::optional<At<std::string>> compare_with;  // the counterfactual, resolved to a file by load_chain

  // world (data is already resolved against the file's folder)
  std::optional<At<std::string>> data;
  std::optional<At<int>> initial_networks;
  std::optional<SourcePlace> synthetic;  // the form was given here
  std::optional<At<std::int64_t>> cities;
  std::optional<At<int>> states, regions, networks;
  std::optional<At<std::uint64_t>> world_seed;
  std::optional<At<double>> zipf;

  std::optional<At<int>> start, end;
  std::optional<At<std::uint64_t>> seed;
  std::optional<At<std::vector<std::string>>> protagonists;
  std::map<std::string, ParamHit> params;
  std::vector<EventSpec> events;

  std::optional<At<std::string>> out_dir;
  std::optional<At<bool>> city_output;
  std::optional<At<std::vector<std::string>>> variables;
  std::optional<At<int>> stride;
};

void parse_world(const Reader& r, const YAML::Node& n, Part& p) {
  const auto es =
      r.mapping(n, "world", "a mapping with either 'data' (a folder of real data) or 'synthetic' (a generated world)");
  r.check_keys(es, kWorldKeys, "in 'world'");
  if (es.empty())
    r.fail(n, "world: expected either 'data: <folder>' (real data) or 'synthetic: {cities: ..., states: ...}'");
  const Entry* syn = find_entry(es, "synthetic");
  const Entry* real = find_entry(es, "data");
  if (!real) real = find_entry(es, "initial_networks");
  if (syn && real)
    r.fail(real->key_node, fmt::format("world: give either 'synthetic' or '{}' (real data), not both", real->key));

  if (const Entry* e = find_entry(es, "data")) {
    const std::string d = r.text(e->value, "world.data", "a folder with the world files");
    fs::path path(d);
    if (path.is_relative()) path = fs::path(r.file()).parent_path() / path;
    path = path.lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(path, ec)) r.fail(e->value, fmt::format("world.data: folder '{}' not found", path.string()));
    p.data = At<std::string>{path.string(), r.at(e->value)};
  }
  if (const Entry* e = find_entry(es, "initial_networks"))
    p.initial_networks = At<int>{
        static_cast<int>(r.integer(e->value, "world.initial_networks", "a whole number of networks", 0, kMaxNetworks)),
        r.at(e->value)};
  if (syn) {
    p.synthetic = r.at(syn->key_node);
    const auto ss = r.mapping(syn->value, "world.synthetic",
                              "a mapping with cities, states, regions, networks, seed, zipf_exponent");
    r.check_keys(ss, kSyntheticKeys, "in 'world.synthetic'");
    for (const auto& e : ss) {
      const SourcePlace at = r.at(e.value);
      if (e.key == "cities")
        p.cities = At<std::int64_t>{
            r.integer(e.value, "world.synthetic.cities", "a whole number of cities", 1, kMaxCities), at};
      else if (e.key == "states")
        p.states = At<int>{
            static_cast<int>(r.integer(e.value, "world.synthetic.states", "a whole number of states", 1, kMaxStates)),
            at};
      else if (e.key == "regions")
        p.regions = At<int>{
            static_cast<int>(r.integer(e.value, "world.synthetic.regions", "a whole number of regions", 1, kMaxStates)),
            at};
      else if (e.key == "networks")
        p.networks = At<int>{static_cast<int>(r.integer(e.value, "world.synthetic.networks",
                                                        "a whole number of networks", 0, kMaxNetworks)),
                             at};
      else if (e.key == "seed")
        p.world_seed =
            At<std::uint64_t>{r.unsigned64(e.value, "world.synthetic.seed", "a non-negative integer below 2^64"), at};
      else if (e.key == "zipf_exponent") {
        const double z = r.number(e.value, "world.synthetic.zipf_exponent", "a number in (0, 5]");
        if (!(z > 0 && z <= 5))
          r.fail(e.value,
                 fmt::format("world.synthetic.zipf_exponent: expected a number in (0, 5], got {}", e.value.Scalar()));
        p.zipf = At<double>{z, at};
      }
    }
  }
}

void parse_output(const Reader& r, const YAML::Node& n, Part& p) {
  const auto es = r.mapping(n, "output", "a mapping with 'directory' and/or 'cities'");
  r.check_keys(es, kOutputKeys, "in 'output'");
  if (const Entry* e = find_entry(es, "directory"))
    p.out_dir = At<std::string>{r.text(e->value, "output.directory", "a folder for the output files"), r.at(e->value)};
  const Entry* c = find_entry(es, "cities");
  if (!c) return;
  if (const auto b = r.maybe_bool(c->value)) {
    p.city_output = At<bool>{*b, r.at(c->value)};
    return;
  }
  p.city_output = At<bool>{true, r.at(c->key_node)};
  if (c->value.IsNull()) return;  // "cities:" alone: every variable, every year
  const auto cs = r.mapping(c->value, "output.cities", "a mapping with 'variables' and/or 'stride' (or true/false)");
  r.check_keys(cs, kCityOutputKeys, "in 'output.cities'");
  if (const Entry* e = find_entry(cs, "variables")) {
    std::vector<std::string> vars;
    const std::string what = fmt::format("a list of city variables ({})", list_choices(kCityVariables));
    for (const auto& item : r.sequence(e->value, "output.cities.variables", what)) {
      const std::string v = r.text(item, "output.cities.variables", "a city variable name");
      if (std::find(kCityVariables.begin(), kCityVariables.end(), v) == kCityVariables.end())
        r.fail(item, fmt::format("output.cities.variables: unknown variable '{}'{}; valid variables: {}", v,
                                 did_you_mean(v, kCityVariables), list_choices(kCityVariables)));
      if (std::find(vars.begin(), vars.end(), v) != vars.end())
        r.fail(item, fmt::format("output.cities.variables: '{}' is listed twice", v));
      vars.push_back(v);
    }
    if (vars.empty()) r.fail(e->value, "output.cities.variables: expected at least one variable");
    p.variables = At<std::vector<std::string>>{vars, r.at(e->value)};
  }
  if (const Entry* e = find_entry(cs, "stride"))
    p.stride =
        At<int>{static_cast<int>(r.integer(e->value, "output.cities.stride", "a whole number of years", 1, 1000)),
                r.at(e->value)};
}

// One file's keys. A mistake in one key (or one event, one parameter) does
// not stop the reading of the others: they are reported together.
Part parse_part(const std::string& file, const YAML::Node& root) {
  const Reader r(file);
  Part p;
  p.file = file;
  if (!root.IsDefined() || root.IsNull())
    throw InputError(SourcePlace{file, 0, 0},
                     "the scenario file is empty; expected a mapping with at least "
                     "'name', 'description' and 'time'");
  const auto es = r.mapping(root, "", "a mapping of scenario keys (name, description, time, ...)");
  p.root = r.at(root);
  ErrorList errors;
  errors.attempt([&] { r.check_keys(es, kTopKeys, "at the top level"); });
  for (const auto& e : es)
    errors.attempt([&] {
      const SourcePlace at = r.at(e.value);
      if (e.key == "name") {
        const std::string s = trimmed(r.text(e.value, "name", "a scenario name"));
        if (s.empty() || s == "." || s == ".." || s.size() > 200 || std::any_of(s.begin(), s.end(), [](char c) {
              return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
            }))
          r.fail(e.value, fmt::format("name: expected a scenario name of at most 200 characters without '/', '\\' "
                                      "or line breaks (it names the output folder), got {}",
                                      yamlin::describe(e.value)));
        p.name = At<std::string>{s, at};
      } else if (e.key == "description") {
        p.description = At<std::string>{r.text(e.value, "description", "a description text"), at};
      } else if (e.key == "extends") {
        p.extends = At<std::string>{r.text(e.value, "extends", "the name or path of a scenario file"), at};
      } else if (e.key == "compare_with") {
        p.compare_with = At<std::string>{r.text(e.value, "compare_with", "the name or path of a scenario file"), at};
      } else if (e.key == "world") {
        parse_world(r, e.value, p);
      } else if (e.key == "time") {
        const auto ts = r.mapping(e.value, "time", "a mapping {start: YEAR, end: YEAR}");
        r.check_keys(ts, kTimeKeys, "in 'time'");
        for (const auto& t : ts) {
          const int y = static_cast<int>(r.integer(t.value, "time." + t.key, "an integer year", kFirstYear, kLastYear));
          (t.key == "start" ? p.start : p.end) = At<int>{y, r.at(t.value)};
        }
      } else if (e.key == "seed") {
        p.seed = At<std::uint64_t>{r.unsigned64(e.value, "seed", "a non-negative integer below 2^64"), at};
      } else if (e.key == "protagonists") {
        std::vector<std::string> v;
        std::set<std::string> seen;  // the list may be long: no pairwise search
        for (const auto& item : r.sequence(e.value, "protagonists", "a list of ISO3 state codes")) {
          std::string s = iso3_of(r, item, "protagonists");
          if (!seen.insert(s).second) r.fail(item, fmt::format("protagonists: '{}' is listed twice", s));
          v.push_back(std::move(s));
        }
        p.protagonists = At<std::vector<std::string>>{v, at};
      } else if (e.key == "parameters") {
        if (!e.value.IsNull()) walk_params(r, e.value, "", p.params, errors);
      } else if (e.key == "events") {
        if (e.value.IsNull()) return;
        const auto items = r.sequence(e.value, "events", "a list of events");
        for (std::size_t i = 0; i < items.size(); ++i)
          errors.attempt([&] { p.events.push_back(parse_event(r, items[i], i)); });
      } else if (e.key == "output") {
        parse_output(r, e.value, p);
      }
    });
  errors.throw_if_any();
  return p;
}

// ---------------------------------------------------------------------------
// extends:

// The scenarios a bare name could mean: the stems of the .yaml files beside
// `file` and in the scenario folders (for "did you mean").
std::vector<std::string> scenario_names_near(const std::string& file, const std::vector<std::string>& scenario_dirs) {
  std::vector<std::string> names;
  std::vector<fs::path> dirs = {fs::path(file).parent_path()};
  for (const auto& d : scenario_dirs) dirs.emplace_back(d);
  for (const auto& d : dirs) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(d.empty() ? fs::path(".") : d, ec))
      if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// The file a scenario reference (extends:, compare_with:) names, or an
// InputError at its place with the nearest scenario name.
std::string resolve_reference(const std::string& file, const At<std::string>& ref, std::string_view key,
                              const std::vector<std::string>& scenario_dirs) {
  const std::string& value = ref.value;
  const fs::path ext(value);
  const fs::path dir = fs::path(file).parent_path();
  std::vector<fs::path> candidates;
  if (ext.is_absolute()) {
    candidates.push_back(ext);
  } else if (!ext.has_parent_path()) {
    fs::path name = ext;
    if (!ext.has_extension()) name += ".yaml";
    candidates.push_back(dir / name);
    for (const auto& d : scenario_dirs) candidates.push_back(fs::path(d) / name);
  } else {
    candidates.push_back(dir / ext);
  }
  std::string tried;
  for (const auto& c : candidates) {
    std::error_code ec;
    const fs::path norm = c.lexically_normal();
    if (fs::is_regular_file(norm, ec)) return norm.string();
    tried += (tried.empty() ? "" : ", ") + norm.string();
  }
  const std::string suggestion = ext.has_parent_path()
                                     ? std::string()
                                     : did_you_mean(ext.stem().string(), scenario_names_near(file, scenario_dirs));
  throw InputError(ref.place,
                   fmt::format("{}: cannot find the scenario '{}'{} (looked for {})", key, value, suggestion, tried));
}

std::string canonical_key(const std::string& file) {
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(fs::path(file), ec);
  return ec ? fs::path(file).lexically_normal().string() : c.string();
}

// The files of the chain, base first.
std::vector<Part> load_chain(const std::string& file, const std::vector<std::string>& scenario_dirs) {
  std::vector<Part> parts;  // leaf first while loading
  std::vector<std::string> keys;
  std::string current = file;
  while (true) {
    const std::string key = canonical_key(current);
    if (const auto it = std::find(keys.begin(), keys.end(), key); it != keys.end()) {
      std::string cycle;
      for (auto j = it; j != keys.end(); ++j) cycle += parts[static_cast<std::size_t>(j - keys.begin())].file + " -> ";
      cycle += current;
      throw InputError(parts.back().extends->place,
                       fmt::format("extends: the chain of scenarios forms a cycle: {}", cycle));
    }
    if (parts.size() >= kMaxExtendsDepth)
      throw InputError(parts.back().extends->place,
                       fmt::format("extends: more than {} scenarios in one chain", kMaxExtendsDepth));
    const YAML::Node root = yamlin::load_file(current, "scenario");
    parts.push_back(parse_part(current, root));
    keys.push_back(key);
    Part& part = parts.back();
    if (part.compare_with)  // relative to the file that names it, like extends:
      part.compare_with->value = resolve_reference(part.file, *part.compare_with, "compare_with", scenario_dirs);
    if (!part.extends) break;
    current = resolve_reference(part.file, *part.extends, "extends", scenario_dirs);
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

template <class T>
void take(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}

// Lays `child` over `acc` key by key.
void overlay(Part& acc, const Part& c) {
  acc.file = c.file;
  acc.root = c.root;
  take(acc.name, c.name);
  take(acc.description, c.description);
  take(acc.compare_with, c.compare_with);
  acc.extends = c.extends;
  // World: a child that gives the other form replaces the parent's world.
  if (c.synthetic) {
    acc.data.reset();
    acc.initial_networks.reset();
    acc.synthetic = c.synthetic;
  }
  if (c.data || c.initial_networks) {
    acc.synthetic.reset();
    acc.cities.reset(), acc.states.reset(), acc.regions.reset(), acc.networks.reset();
    acc.world_seed.reset(), acc.zipf.reset();
  }
  take(acc.data, c.data);
  take(acc.initial_networks, c.initial_networks);
  take(acc.cities, c.cities);
  take(acc.states, c.states);
  take(acc.regions, c.regions);
  take(acc.networks, c.networks);
  take(acc.world_seed, c.world_seed);
  take(acc.zipf, c.zipf);
  take(acc.start, c.start);
  take(acc.end, c.end);
  take(acc.seed, c.seed);
  take(acc.protagonists, c.protagonists);
  for (const auto& [path, hit] : c.params) acc.params[path] = hit;
  acc.events.insert(acc.events.end(), c.events.begin(), c.events.end());
  take(acc.out_dir, c.out_dir);
  take(acc.city_output, c.city_output);
  take(acc.variables, c.variables);
  take(acc.stride, c.stride);
}

Scenario build(const std::string& file, const std::vector<Part>& parts, const Params& defaults) {
  Part m;
  for (const auto& p : parts) overlay(m, p);
  const SourcePlace top = m.root;

  Scenario s;
  s.file = file;
  for (const auto& p : parts) s.chain.push_back(p.file);

  if (!m.name)
    throw InputError(top, "missing required key 'name' (the scenario's name; it also names the output folder)");
  if (!m.description) throw InputError(top, "missing required key 'description' (what the scenario is about)");
  s.name = m.name->value;
  s.description = m.description->value;
  if (m.compare_with) {
    if (canonical_key(m.compare_with->value) == canonical_key(file))
      throw InputError(m.compare_with->place,
                       "compare_with: names this scenario itself; name its counterfactual "
                       "(the scenario without the change it is about), such as baseline");
    s.compare_with = m.compare_with->value;
    s.compare_with_place = m.compare_with->place;
  }

  if (!m.start || !m.end)
    throw InputError(top, fmt::format("missing required key 'time.{}' (time: {{start: YEAR, end: YEAR}})",
                                      m.start ? "end" : "start"));
  if (m.start->value > m.end->value)
    throw InputError(m.end->place,
                     fmt::format("time.end: expected a year >= time.start ({}), got {}", m.start->value, m.end->value));
  s.start = m.start->value;
  s.end = m.end->value;
  if (m.seed) s.seed = m.seed->value;

  if (m.synthetic) {
    s.world.kind = WorldSpec::Kind::synthetic;
    auto& w = s.world.synthetic;
    if (!m.cities) throw InputError(*m.synthetic, "world.synthetic: missing required key 'cities' (number of cities)");
    if (!m.states) throw InputError(*m.synthetic, "world.synthetic: missing required key 'states' (number of states)");
    w.cities = m.cities->value;
    w.states = m.states->value;
    if (w.states > w.cities)
      throw InputError(m.states->place, fmt::format("world.synthetic.states: expected at most as many states as "
                                                    "cities ({}), got {}",
                                                    w.cities, w.states));
    w.regions = m.regions ? m.regions->value : std::min(w.states, 6);
    if (w.regions > w.states)
      throw InputError(m.regions->place, fmt::format("world.synthetic.regions: expected at most as many regions as "
                                                     "states ({}), got {}",
                                                     w.states, w.regions));
    w.networks = m.networks ? m.networks->value : 0;
    w.seed = m.world_seed ? m.world_seed->value : 0;
    w.zipf_exponent = m.zipf ? m.zipf->value : 1.0;
  } else {
    s.world.kind = WorldSpec::Kind::real;
    if (m.data) s.world.real.directory = m.data->value;
    if (m.initial_networks) s.world.real.initial_networks = m.initial_networks->value;
  }

  if (m.protagonists) s.protagonists = m.protagonists->value;

  s.params = defaults;
  for (const auto& [path, hit] : m.params) {
    hit.spec->ref(s.params) = hit.value;
    s.overrides[path] = hit.value;
  }

  ErrorList errors;
  for (const auto& ev : m.events) {
    if (ev.year < s.start || ev.year > s.end) {
      const auto it = ev.places.find("year");
      errors.add(InputError(it != ev.places.end() ? it->second : ev.where,
                            fmt::format("event year {} is outside the run's years {} to {} (time.start to time.end)",
                                        ev.year, s.start, s.end)));
    }
  }
  errors.throw_if_any();
  s.events = m.events;
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const EventSpec& a, const EventSpec& b) { return a.year < b.year; });

  s.output.directory = m.out_dir ? m.out_dir->value : "out/" + s.name;
  s.output.cities.enabled = m.city_output && m.city_output->value;
  s.output.cities.variables = m.variables ? m.variables->value : kCityVariables;
  s.output.cities.stride = m.stride ? m.stride->value : 1;
  return s;
}

// Runs f, turning any stray exception into an InputError about `file`.
template <class F>
auto guarded(const std::string& file, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const InputError&) {
    throw;
  } catch (const YAML::Exception& e) {
    throw InputError(
        SourcePlace{file, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0},
        fmt::format("cannot read YAML: {}", e.msg));
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(SourcePlace{file, 0, 0}, fmt::format("cannot read the file: {}", e.what()));
  }
}

}  // namespace

Params load_defaults(const std::string& defaults_file) {
  return guarded(defaults_file, [&] {
    const YAML::Node root = yamlin::load_file(defaults_file, "defaults");
    if (!root.IsDefined() || root.IsNull())
      throw InputError(SourcePlace{defaults_file, 0, 0}, "the defaults file is empty; expected every parameter");
    const Reader r(defaults_file);
    std::map<std::string, ParamHit> hits;
    ErrorList errors;
    walk_params(r, root, "", hits, errors);
    errors.throw_if_any();
    Params p{};
    for (const auto& spec : param_table()) {
      const auto it = hits.find(spec.path);
      if (it == hits.end())
        throw InputError(SourcePlace{defaults_file, 0, 0},
                         fmt::format("parameter '{}' is missing; every parameter needs a default here", spec.path));
      spec.ref(p) = it->second.value;
    }
    return p;
  });
}

Scenario load_scenario(const std::string& file, const Params& defaults, const std::vector<std::string>& scenario_dirs) {
  return guarded(file, [&] { return build(file, load_chain(file, scenario_dirs), defaults); });
}

void apply_override(Scenario& s, const std::string& assignment) {
  const SourcePlace at{"--set", 0, 0};
  const std::size_t eq = assignment.find('=');
  if (eq == std::string::npos)
    throw InputError(at, fmt::format("expected path=value (such as economy.club_benefit=0.01), got '{}'", assignment));
  const std::string path = trimmed(std::string_view(assignment).substr(0, eq));
  const std::string text = trimmed(std::string_view(assignment).substr(eq + 1));
  if (path.empty()) throw InputError(at, fmt::format("expected a parameter path before '=' in '{}'", assignment));
  const ParamSpec* spec = find_param(path);
  if (!spec) throw InputError(at, unknown_param_message(path));
  double v = 0;
  if (const auto b = yamlin::parse_bool(text); b && spec->kind == ParamKind::flag) {
    v = *b ? 1 : 0;
  } else if (const auto x = yamlin::parse_real(text)) {
    v = *x;
  } else {
    throw InputError(at, fmt::format("{}: expected {}, got '{}'", path,
                                     spec->kind == ParamKind::flag ? "true or false" : "a number", text));
  }
  if (const std::string want = check_param_value(*spec, v); !want.empty())
    throw InputError(at, fmt::format("{}: expected {}, got '{}'", path, want, text));
  spec->ref(s.params) = v;
  s.overrides[path] = v;
}

}  // namespace urbis
