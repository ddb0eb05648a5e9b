#include "sim/compare/paired_runs.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/interrupt.hpp"
#include "sim/core/parallel.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"

namespace fs = std::filesystem;

namespace urbis::compare {

namespace {

std::string world_text(const Scenario& s) {
  if (s.world.kind == WorldSpec::Kind::real)
    return fmt::format("the real world (data {}, {} initial networks)",
                       s.world.real.directory.empty() ? "configs/world" : s.world.real.directory,
                       s.world.real.initial_networks);
  const auto& w = s.world.synthetic;
  return fmt::format("a synthetic world ({} cities, {} states, {} regions, {} networks, seed {}, Zipf {})", w.cities,
                     w.states, w.regions, w.networks, w.seed, w.zipf_exponent);
}

}  // namespace

void check_comparable(const Scenario& a, const Scenario& b) {
  const SourcePlace where{b.file};
  if (world_text(a) != world_text(b))
    throw InputError(where, fmt::format("'{}' simulates {}, but '{}' {}: a comparison pairs runs of one world", b.name,
                                        world_text(b), a.name, world_text(a)));
  if (a.start != b.start)
    throw InputError(where, fmt::format("'{}' starts in {}, '{}' in {}: a comparison pairs runs year by year from "
                                        "one start",
                                        b.name, b.start, a.name, a.start));
}

Selection default_selection(const Side& a, const Side& b, const WorldData& world) {
  Selection sel;
  auto add = [](std::vector<std::string>& to, const std::string& name) {
    if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
  };
  for (const Side* side : {&a, &b})
    for (const auto& iso : side->scenario.protagonists) add(sel.states, iso);
  // The named networks; a world without any (synthetic) shows those alive at the start.
  for (const auto& n : world.networks) add(sel.networks, n.name);
  if (world.networks.empty())
    for (const auto& n : network_names_at_start(a.scenario, world)) add(sel.networks, n);
  for (const Side* side : {&a, &b})
    for (const auto& e : side->scenario.events)
      if (e.type == EventType::found_network) add(sel.networks, e.name);
  const World& w = world.world;
  const std::set<std::string> states(sel.states.begin(), sel.states.end());
  for (std::size_t i = 0; i < w.cities.size(); ++i)
    if (states.count(w.states.iso3[static_cast<std::size_t>(w.cities.state[static_cast<Eigen::Index>(i)])]))
      sel.cities.push_back(w.cities.name[i]);
  return sel;
}

PairedResult run_pairs(const Side& a, const Side& b, const RunContext& context, const PairedOptions& o) {
  PairedResult result;
  result.start = a.scenario.start;
  result.end = std::min(a.scenario.end, b.scenario.end);
  const std::array<const Side*, 2> sides = {&a, &b};
  const std::array<std::string, 2> names = {"a", "b"};
  // One world per side (the two may set parameters the loader reads); each run copies it.
  std::array<WorldData, 2> worlds;
  for (std::size_t s = 0; s < 2; ++s) worlds[s] = load_world(sides[s]->scenario, context);

  RunContext ctx = context;
  ctx.progress = [](int, int) { throw_if_interrupted(); };  // stop at a step boundary
  const std::size_t n = o.seeds.size();
  for (auto& r : result.runs) r.resize(n);
  std::atomic<int> done{0};
  const int total = static_cast<int>(2 * n);
  // Seeds in order, both sides of a seed together: the runs in flight are a
  // pair. ForkJoin tells ThreadSanitizer what TBB's uninstrumented library
  // orders: what is made here before the loop, and the results after it.
  ForkJoin fj;
  fj.fork();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, 2 * n, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        fj.task_begins();
        for (std::size_t k = range.begin(); k != range.end(); ++k) {
          tbb::this_task_arena::isolate([&] {
            throw_if_interrupted();
            const std::size_t side = k % 2, i = k / 2;
            Scenario s = sides[side]->scenario;
            s.seed = o.seeds[i];
            s.end = result.end;
            const fs::path dir = fs::path(o.runs_dir) / names[side] / fmt::format("{}", s.seed);
            fs::create_directories(dir);
            const auto t0 = std::chrono::steady_clock::now();
            RunRecord record;
            record.started_utc = utc_now();
            CsvOutput output(dir.string(), s);
            const RunSummary summary = run_loaded(s, worlds[side], output, ctx);
            record.finished_utc = utc_now();
            record.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            record.threads = o.threads;
            record.files = output.files();
            record.command_line = fmt::format("urbis run {} --seed {}", sides[side]->arg, s.seed);
            write_run_json((dir / "run.json").string(), s, summary, record);
            result.runs[side][i] = read_trajectories(dir.string(), o.selection, result.start, result.end);
            if (!o.keep_runs) fs::remove_all(dir);
            const int d = ++done;
            if (o.progress) o.progress(d, total);
          });
        }
        fj.task_ends();
      },
      tbb::simple_partitioner());
  fj.join();
  return result;
}

}  // namespace urbis::compare
