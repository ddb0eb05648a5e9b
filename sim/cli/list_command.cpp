// `urbis list`: the scenario library; `urbis list cities|states|networks`:
// the names a scenario's events accept, from the world a scenario loads
// (the real world of the library's baseline unless --scenario says
// otherwise), through the world loader's public API (sim/engine/run.hpp).
#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/fold.hpp"
#include "sim/engine/run.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

struct ListArgs {
  std::string what;   // "", cities, states, networks
  std::string state;  // --state ISO3
  std::string match;  // --match TEXT
  std::string scenario = "baseline";
};

const std::vector<std::string> kLists = {"cities", "states", "networks"};

int list_library(const ProjectPaths& paths) {
  const Params defaults = load_defaults(paths.defaults_file);
  for (const auto& name : library_names(paths)) {
    const std::string file = (fs::path(paths.scenario_dir) / (name + ".yaml")).string();
    try {
      const Scenario s = load_scenario(file, defaults, {paths.scenario_dir});
      std::string line = s.description.substr(0, s.description.find('\n'));
      fmt::print("{:<28} {}\n", name, line);
    } catch (const InputError& e) {
      fmt::print("{:<28} (invalid: {})\n", name, e.what());
    }
  }
  return 0;
}

std::string scope_text(const World& w, const Scope& scope) {
  switch (scope.kind) {
    case ScopeKind::global: return "global";
    case ScopeKind::region:
      return scope.index >= 0 && static_cast<std::size_t>(scope.index) < w.region_names.size()
                 ? "region:" + w.region_names[static_cast<std::size_t>(scope.index)]
                 : "region";
    case ScopeKind::union_members:
      return scope.index >= 0 && static_cast<std::size_t>(scope.index) < w.agreements.size()
                 ? "union:" + w.agreements[static_cast<std::size_t>(scope.index)].name
                 : "union";
    case ScopeKind::states: {
      std::vector<std::string> codes;
      for (std::size_t j = 0; j < scope.states.size() && j < w.states.size(); ++j)
        if (scope.states[j]) codes.push_back(w.states.iso3[j]);
      return "states:" + fmt::format("{}", fmt::join(codes, ","));
    }
  }
  return "";
}

// Whether a named network is open to the cities of state j at the start:
// its scope admits the state, or it names members there.
bool open_to(const World& w, const NetworkSeed& n, int j) {
  const auto jj = static_cast<std::size_t>(j);
  if (std::any_of(n.members.begin(), n.members.end(),
                  [&](int c) { return w.cities.state[static_cast<Eigen::Index>(c)] == j; }))
    return true;
  if (!n.members.empty() && n.invitation) return false;
  switch (n.scope.kind) {
    case ScopeKind::global: return true;
    case ScopeKind::region: return w.states.region[static_cast<Eigen::Index>(j)] == n.scope.index;
    case ScopeKind::union_members: {
      const auto g = static_cast<std::size_t>(n.scope.index);
      return g < w.states.in_agreement.size() && jj < w.states.in_agreement[g].size() && w.states.in_agreement[g][jj];
    }
    case ScopeKind::states: return jj < n.scope.states.size() && n.scope.states[jj];
  }
  return false;
}

int list_world(const ListArgs& a, const ProjectPaths& paths) {
  if (std::find(kLists.begin(), kLists.end(), a.what) == kLists.end())
    throw InputError({"urbis list"}, fmt::format("unknown list '{}'{}; urbis list shows the scenario library, and "
                                                 "urbis list cities, states or networks the names scenarios accept",
                                                 a.what, did_you_mean(a.what, kLists)));
  const Params defaults = load_defaults(paths.defaults_file);
  const Scenario s = load_scenario(resolve_scenario_path(a.scenario, paths), defaults, {paths.scenario_dir});
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  const WorldData data = load_world(s, ctx);
  const World& w = data.world;

  int state = -1;
  if (!a.state.empty()) {
    const auto it = std::find(w.states.iso3.begin(), w.states.iso3.end(), a.state);
    if (it == w.states.iso3.end())
      throw InputError({"--state"}, fmt::format("unknown state '{}'{}; states are ISO3 codes (urbis list states)",
                                                a.state, did_you_mean(a.state, w.states.iso3)));
    state = static_cast<int>(it - w.states.iso3.begin());
  }
  auto matches = [&](std::initializer_list<std::string_view> texts) {
    if (a.match.empty()) return true;
    return std::any_of(texts.begin(), texts.end(), [&](std::string_view t) { return folded_contains(t, a.match); });
  };

  std::size_t shown = 0;
  if (a.what == "cities") {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < w.cities.size(); ++i)
      if ((state < 0 || w.cities.state[static_cast<Eigen::Index>(i)] == state) && matches({w.cities.name[i]}))
        order.push_back(i);
    // By state, then largest first: the cities a scenario is most likely about on top.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const auto sx = w.cities.state[static_cast<Eigen::Index>(x)], sy = w.cities.state[static_cast<Eigen::Index>(y)];
      if (sx != sy) return w.states.iso3[static_cast<std::size_t>(sx)] < w.states.iso3[static_cast<std::size_t>(sy)];
      return w.cities.population[static_cast<Eigen::Index>(x)] > w.cities.population[static_cast<Eigen::Index>(y)];
    });
    fmt::print("{:<40} {:<6} {:>14}\n", fmt::format("city (population in {})", s.start), "state", "population");
    for (std::size_t i : order) {
      const auto j = static_cast<std::size_t>(w.cities.state[static_cast<Eigen::Index>(i)]);
      fmt::print("{:<40} {:<6} {:>14.0f}\n", w.cities.name[i], w.states.iso3[j],
                 w.cities.population[static_cast<Eigen::Index>(i)]);
    }
    shown = order.size();
  } else if (a.what == "states") {
    std::vector<int> cities(w.states.size(), 0);
    for (std::size_t i = 0; i < w.cities.size(); ++i)
      ++cities[static_cast<std::size_t>(w.cities.state[static_cast<Eigen::Index>(i)])];
    fmt::print("{:<6} {:<36} {:<28} {:>6}\n", "state", "name", "region", "cities");
    for (std::size_t j = 0; j < w.states.size(); ++j) {
      if (state >= 0 && static_cast<int>(j) != state) continue;
      if (!matches({w.states.iso3[j], w.states.name[j]})) continue;
      const auto r = static_cast<std::size_t>(w.states.region[static_cast<Eigen::Index>(j)]);
      fmt::print("{:<6} {:<36} {:<28} {:>6}\n", w.states.iso3[j], w.states.name[j],
                 r < w.region_names.size() ? w.region_names[r] : "", cities[j]);
      ++shown;
    }
  } else {
    fmt::print("{:<44} {:<10} {:>7} {:>5}  {}\n", "network", "issue", "founded", "ends", "who may join");
    for (const auto& n : data.networks) {
      if (!matches({n.name})) continue;
      if (state >= 0 && !open_to(w, n, state)) continue;
      fmt::print("{:<44} {:<10} {:>7} {:>5}  {}\n", n.name, issue_name(n.issue), n.founded,
                 n.ended ? fmt::format("{}", n.ended) : "", scope_text(w, n.scope));
      ++shown;
    }
  }
  fmt::print(stderr, "{} {} in the world of {} ({})\n", shown, a.what, s.name, s.start);
  if (a.what == "networks")
    fmt::print(stderr,
               "(the named networks; a run also starts {} unnamed ones, '<issue> network (before {}) <n>', "
               "and founds others as it goes, '<issue> network <year>-<n>')\n",
               s.world.kind == WorldSpec::Kind::real ? fmt::format("{}", s.world.real.initial_networks) : "its",
               s.start);
  return 0;
}

}  // namespace

void add_list_commands(Commands& commands) {
  auto a = std::make_shared<ListArgs>();
  CLI::App* cmd = commands.add(
      "list", "List the scenario library, or the cities, states or networks scenarios can name",
      [a](const CliGlobals& g) { return a->what.empty() ? list_library(g.paths) : list_world(*a, g.paths); });
  cmd->add_option("what", a->what, "cities, states or networks (nothing: the scenario library)");
  cmd->add_option("--state", a->state,
                  "Only this state's cities, or the networks open to them at the start (ISO3, such as CAN)");
  cmd->add_option("--match", a->match, "Only names containing this text (case and accents ignored: 'sao paulo')");
  cmd->add_option("--scenario", a->scenario, "The scenario whose world is listed (default: baseline)");
  cmd->footer("The names are printed exactly as scenario events accept them (city: NAME, state: ISO3, network: NAME).");
}

}  // namespace urbis
