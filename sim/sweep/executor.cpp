#include "sim/sweep/executor.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"
#include "sim/output/stale_temps.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/outcome.hpp"
#include "sim/sweep/records.hpp"

namespace fs = std::filesystem;

namespace urbis::sweep {

namespace {
using Clock = std::chrono::steady_clock;

// A number of runs.csv: empty for none (NaN).
std::string num(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }
}  // namespace

RunContext interruptible(RunContext ctx) {
  ctx.progress = [](int, int) { throw_if_interrupted(); };
  return ctx;
}

Executor::Executor(const SweepPlan& plan, std::string dir)
    : plan_(plan), dir_(std::move(dir)), worlds_(interruptible(plan.context)) {}

Scenario Executor::scenario_of(std::int64_t point, std::uint64_t seed) const {
  Scenario s = plan_.bases[scenario(point)];
  const auto& values = plan_.points[param_point(point)];
  for (std::size_t j = 0; j < plan_.spec.params.size(); ++j)
    apply_override(s, fmt::format("{}={}", plan_.spec.params[j].path, values[j]));
  s.seed = seed;
  return s;
}

std::string Executor::command(std::int64_t point, std::uint64_t seed) const {
  std::string c = fmt::format("urbis run {} --seed {}", plan_.scenario_args[scenario(point)], seed);
  for (const auto& [path, v] : plan_.spec.fixed) c += fmt::format(" --set {}={}", path, v);
  const auto& values = plan_.points[param_point(point)];
  for (std::size_t j = 0; j < plan_.spec.params.size(); ++j)
    c += fmt::format(" --set {}={}", plan_.spec.params[j].path, values[j]);
  return c;
}

std::string Executor::run(std::int64_t id, bool& ok) {
  throw_if_interrupted();
  const auto t0 = Clock::now();
  const int reps = plan_.spec.replicates;
  const std::int64_t point = id / reps;
  const auto replicate = static_cast<std::uint32_t>(id % reps);
  // The same seed for every scenario of a parameter point: common random numbers.
  const std::uint64_t seed = run_seed(plan_.spec.seed, static_cast<std::uint64_t>(param_point(point)), replicate);
  std::vector<double> metrics(plan_.spec.metrics.size(), std::nan(""));
  std::string error;
  ok = true;
  try {
    const Scenario s = scenario_of(point, seed);
    const auto data = worlds_.get(s);
    MetricObserver observer(plan_.spec.metrics, s, *data);
    if (plan_.spec.trajectories) {
      const std::string run_dir = (fs::path(dir_) / "runs" / fmt::format("{}", id)).string();
      fs::create_directories(run_dir);
      remove_stale_temps(run_dir);  // this run's folder: only this process writes it now
      CsvOutput csv(run_dir, s);
      TeeObserver tee({&observer, &csv});
      const std::string started = utc_now();
      const RunSummary summary = run_loaded(s, *data, tee, worlds_.context());
      RunRecord record;
      record.started_utc = started;
      record.finished_utc = utc_now();
      record.wall_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      record.files = csv.files();
      record.units = csv.units();
      record.command_line = command(point, seed);
      write_run_json((fs::path(run_dir) / "run.json").string(), s, summary, record);
    } else {
      run_loaded(s, *data, observer, worlds_.context());
    }
    metrics = observer.values();
  } catch (const Interrupted&) {
    throw;  // not a failed run: an unfinished one, redone by --resume
  } catch (const InputError& e) {
    ok = false;
    error = e.what();
  } catch (const std::exception& e) {
    ok = false;
    error = e.what();
  }
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<std::string> f = {fmt::format("{}", id), fmt::format("{}", point)};
  if (plan_.spec.scenario_factor) f.push_back(plan_.spec.scenarios[scenario(point)]);
  f.push_back(fmt::format("{}", replicate));
  f.push_back(fmt::format("{}", seed));
  for (double v : plan_.points[param_point(point)]) f.push_back(num(v));
  f.push_back(ok ? "ok" : "failed");
  f.push_back(fmt::format("{:.3f}", wall));
  for (double v : metrics) f.push_back(num(v));
  f.push_back(error);
  f.push_back(command(point, seed));
  return record_line(f);
}

void Executor::write_record(std::int64_t id, const std::string& line) const { sweep::write_record(dir_, id, line); }

}  // namespace urbis::sweep
