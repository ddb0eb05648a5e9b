#include "sim/sweep/runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#ifdef URBIS_WITH_MPI
#include <mpi.h>
#endif

#include "sim/core/interrupt.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"
#include "sim/output/stale_temps.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/outcome.hpp"

namespace fs = std::filesystem;

namespace urbis::sweep {

namespace {

using Clock = std::chrono::steady_clock;

std::string num(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }

// One process's worlds, loaded once and shared by every run that needs the same one.
class WorldCache {
 public:
  explicit WorldCache(RunContext ctx) : ctx_(std::move(ctx)) {}
  std::shared_ptr<const WorldData> get(const Scenario& s) {
    // The loaders read the world's files (or synthetic spec) and the start
    // year, never a parameter: that is the whole key.
    const std::string key = world_key(s, ctx_);
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    if (cache_.size() >= 4) cache_.erase(cache_.begin());
    auto data = std::make_shared<const WorldData>(load_world(s, ctx_));
    cache_[key] = data;
    return data;
  }
  const RunContext& context() const { return ctx_; }

 private:
  RunContext ctx_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const WorldData>> cache_;
};

std::string records_dir(const std::string& dir) { return (fs::path(dir) / "records").string(); }
std::string record_path(const std::string& dir, std::int64_t id) {
  return (fs::path(dir) / "records" / fmt::format("{}.csv", id)).string();
}

std::set<std::int64_t> finished_runs(const std::string& dir) {
  std::set<std::int64_t> done;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(records_dir(dir), ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() < 5 || name.substr(name.size() - 4) != ".csv") continue;
    const std::string stem = name.substr(0, name.size() - 4);
    if (stem.empty() || !std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    done.insert(std::stoll(stem));
  }
  return done;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json manifest(const SweepPlan& plan) {
  const SweepSpec& s = plan.spec;
  nlohmann::json j;
  j["format"] = 1;
  j["name"] = s.name;
  j["hash"] = s.hash;
  j["scenario"] = plan.scenario_args.size() == 1 ? plan.scenario_args[0] : "";
  if (s.scenario_factor) j["scenarios"] = plan.scenario_args;
  j["design"] = design_name(s.design);
  j["samples"] = s.samples;
  j["levels"] = s.levels;
  j["replicates"] = s.replicates;
  j["seed"] = s.seed;
  j["points"] = plan.point_count();
  j["runs"] = plan.runs();
  j["parameters"] = nlohmann::json::array();
  for (const auto& p : s.params) {
    nlohmann::json q;
    q["path"] = p.path;
    q["scale"] = p.scale == Scale::log ? "log" : "linear";
    if (s.design == DesignType::grid) {
      q["values"] = p.values;
      q["min"] = *std::min_element(p.values.begin(), p.values.end());
      q["max"] = *std::max_element(p.values.begin(), p.values.end());
    } else {
      q["min"] = p.min;
      q["max"] = p.max;
    }
    j["parameters"].push_back(q);
  }
  j["metrics"] = nlohmann::json::array();
  for (const auto& m : s.metrics) j["metrics"].push_back(m.name);
  j["header"] = plan.header();
  return j;
}

std::string join_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';  // not (i ? "," : "") + ...: GCC 12 warns (-Wrestrict) on the inlined concatenation
    line += csv_field(fields[i]);
  }
  return line + "\n";
}

// Runs one run of the plan and returns its runs.csv line.
class Executor {
 public:
  Executor(const SweepPlan& plan, std::string dir) : plan_(plan), dir_(std::move(dir)), worlds_(checked(plan.context)) {}

  // The plan's context, with the interrupt check at every step boundary.
  static RunContext checked(RunContext ctx) {
    ctx.progress = [](int, int) { throw_if_interrupted(); };
    return ctx;
  }

  // A point's parameter point and scenario.
  std::size_t param_point(std::int64_t point) const { return static_cast<std::size_t>(point) / plan_.bases.size(); }
  std::size_t scenario(std::int64_t point) const { return static_cast<std::size_t>(point) % plan_.bases.size(); }

  Scenario scenario_of(std::int64_t point, std::uint64_t seed) const {
    Scenario s = plan_.bases[scenario(point)];
    const auto& values = plan_.points[param_point(point)];
    for (std::size_t j = 0; j < plan_.spec.params.size(); ++j)
      apply_override(s, fmt::format("{}={}", plan_.spec.params[j].path, values[j]));
    s.seed = seed;
    return s;
  }

  std::string command(std::int64_t point, std::uint64_t seed) const {
    std::string c = fmt::format("urbis run {} --seed {}", plan_.scenario_args[scenario(point)], seed);
    for (const auto& [path, v] : plan_.spec.fixed) c += fmt::format(" --set {}={}", path, v);
    const auto& values = plan_.points[param_point(point)];
    for (std::size_t j = 0; j < plan_.spec.params.size(); ++j)
      c += fmt::format(" --set {}={}", plan_.spec.params[j].path, values[j]);
    return c;
  }

  // Runs the run and returns its record line; ok tells whether it succeeded.
  // Throws Interrupted (at a step boundary) after SIGINT or SIGTERM: the run
  // is then not recorded.
  std::string run(std::int64_t id, bool& ok) {
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
    return join_line(f);
  }

  void write_record(std::int64_t id, const std::string& line) const { write_file_atomically(record_path(dir_, id), line); }

 private:
  const SweepPlan& plan_;
  std::string dir_;
  WorldCache worlds_;
};

// Counts and, on a terminal, a status line once a second.
class Progress {
 public:
  Progress(std::int64_t total, bool show) : total_(total), show_(show), t0_(Clock::now()) {
    if (show_) thread_ = std::thread([this] { loop(); });
  }
  ~Progress() { stop(); }
  void add(bool ok) {
    ++done_;
    if (!ok) ++failed_;
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (stopped_) return;
      stopped_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (show_) fmt::print(stderr, "\r{:100}\r", "");
  }
  std::int64_t done() const { return done_; }
  std::int64_t failed() const { return failed_; }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - t0_).count(); }
  std::string line() const {
    const double t = seconds();
    const double d = static_cast<double>(done_);
    const double rate = t > 0 ? d / t * 60 : 0;
    std::string left = "?";
    if (d > 0) {
      const double s = (static_cast<double>(total_) - d) * t / d;
      left = s >= 3600 ? fmt::format("{:.1f} h", s / 3600) : s >= 60 ? fmt::format("{:.1f} min", s / 60)
                                                                       : fmt::format("{:.0f} s", s);
    }
    return fmt::format("{}/{} runs done, {} failed, {:.1f} runs/min, {} left", done_.load(), total_, failed_.load(),
                       rate, left);
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!stopped_) {
      fmt::print(stderr, "\r{:<100}", line());
      std::fflush(stderr);
      cv_.wait_for(lock, std::chrono::seconds(1));
    }
  }
  std::int64_t total_;
  bool show_;
  Clock::time_point t0_;
  std::atomic<std::int64_t> done_{0}, failed_{0};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
  std::thread thread_;
};

bool terminal(bool wanted) { return wanted && ::isatty(STDERR_FILENO) && !std::getenv("CI"); }

std::string ranges(const std::vector<std::int64_t>& ids, std::size_t max_shown = 20) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    parts.push_back(i == j ? fmt::format("{}", ids[i]) : fmt::format("{}-{}", ids[i], ids[j]));
    i = j + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size() && i < max_shown; ++i) out += (i ? ", " : "") + parts[i];
  if (parts.size() > max_shown) out += fmt::format(", ... ({} ranges in all)", parts.size());
  return out;
}

// Assembles runs.csv (or runs.partial.csv) from the records; returns the missing run ids.
std::vector<std::int64_t> assemble(const std::string& dir, bool allow_partial) {
  const nlohmann::json m = nlohmann::json::parse(read_text(manifest_path(dir)));
  const std::int64_t total = m.at("runs").get<std::int64_t>();
  std::vector<std::string> header = m.at("header").get<std::vector<std::string>>();
  const auto done = finished_runs(dir);
  std::vector<std::int64_t> missing;
  std::string out = join_line(header);
  for (std::int64_t id = 0; id < total; ++id) {
    if (!done.count(id)) {
      missing.push_back(id);
      continue;
    }
    std::string line = read_text(record_path(dir, id));
    if (line.empty() || line.back() != '\n' || line.rfind(fmt::format("{},", id), 0) != 0)
      throw std::runtime_error(fmt::format("record {} is damaged; delete it and run again with --resume",
                                           record_path(dir, id)));
    out += line;
  }
  if (missing.empty()) {
    write_file_atomically((fs::path(dir) / "runs.csv").string(), out);
    std::error_code ec;
    fs::remove(fs::path(dir) / "runs.partial.csv", ec);
  } else if (allow_partial) {
    write_file_atomically((fs::path(dir) / "runs.partial.csv").string(), out);
  }
  return missing;
}

// Checks the folder and writes sweep.json; returns the runs of this share still to do.
std::vector<std::int64_t> prepare_folder(const SweepPlan& plan, const std::string& dir, bool resume, int shard,
                                         int shards) {
  fs::create_directories(records_dir(dir));
  // Temporary files of dead processes (a sweep killed with SIGKILL). Shards
  // on other machines may be writing here: a minute's quiet as well.
  for (const auto& d : {dir, records_dir(dir)}) remove_stale_temps(d, std::chrono::seconds(60));
  const std::string mpath = manifest_path(dir);
  const nlohmann::json mine = manifest(plan);
  if (fs::exists(mpath)) {
    nlohmann::json theirs;
    try {
      theirs = nlohmann::json::parse(read_text(mpath));
    } catch (const std::exception&) {
      throw InputError({mpath}, "this folder's sweep.json cannot be read; choose another folder with -o");
    }
    if (theirs.value("hash", "") != mine["hash"] || theirs.value("runs", -1) != mine["runs"] ||
        theirs.value("header", nlohmann::json()) != mine["header"])
      throw InputError({dir}, fmt::format("this folder holds another sweep ('{}', or this sweep file before a change); "
                                          "choose another folder with -o",
                                          theirs.value("name", "?")));
  } else {
    write_file_atomically(mpath, mine.dump(1) + "\n");
  }
  const auto done = finished_runs(dir);
  std::vector<std::int64_t> pending;
  std::int64_t already = 0;
  for (std::int64_t id = shard; id < plan.runs(); id += shards) {
    if (done.count(id)) ++already;
    else pending.push_back(id);
  }
  if (already > 0 && !resume)
    throw InputError({dir}, fmt::format("this folder already holds {} finished run{} of this sweep{}; pass --resume to do "
                                        "only the missing ones, or choose another folder with -o",
                                        already, already == 1 ? "" : "s",
                                        shards > 1 ? fmt::format(" (shard {}/{})", shard, shards) : ""));
  if (resume && already > 0) spdlog::info("resuming: {} runs already done, {} pending", already, pending.size());
  return pending;
}

int finish(const std::string& dir, const Progress& p, std::int64_t planned, bool sharded) {
  spdlog::info("{} runs in {:.1f} s ({:.1f} runs/min), {} failed", p.done(), p.seconds(),
               p.seconds() > 0 ? static_cast<double>(p.done()) / p.seconds() * 60 : 0.0, p.failed());
  const auto missing = assemble(dir, false);
  if (missing.empty()) fmt::print("runs.csv written: {}\n", (fs::path(dir) / "runs.csv").string());
  else if (sharded)
    fmt::print("shard done; {} runs of other shards not yet recorded. When every shard has finished: urbis sweep merge {}\n",
               missing.size(), dir);
  else
    fmt::print("{} runs missing ({}); run again with --resume\n", missing.size(), ranges(missing));
  (void)planned;
  return p.failed() > 0 ? 1 : 0;
}

int run_local(const SweepPlan& plan, const SweepOptions& o, const std::string& dir) {
  const auto pending = prepare_folder(plan, dir, o.resume, o.shard_index, o.shard_count);
  Executor exec(plan, dir);
  Progress progress(static_cast<std::int64_t>(pending.size()), terminal(o.progress));
  try {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, pending.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t i = r.begin(); i != r.end(); ++i) {
            tbb::this_task_arena::isolate([&] {
              bool ok = true;
              const std::string line = exec.run(pending[i], ok);
              exec.write_record(pending[i], line);
              progress.add(ok);
            });
          }
        },
        tbb::simple_partitioner());
  } catch (const Interrupted& e) {
    // The runs in progress stopped at a step boundary and left nothing; the
    // records of the finished ones are complete.
    progress.stop();
    throw Interrupted(e.signal(), fmt::format("{}: {} of {} runs recorded in {}; the others with --resume", e.what(),
                                              progress.done(), pending.size(), dir));
  }
  progress.stop();
  return finish(dir, progress, static_cast<std::int64_t>(pending.size()), o.shard_count > 1);
}

#ifdef URBIS_WITH_MPI
constexpr int kTagResult = 1, kTagWork = 2;

int run_mpi(const SweepPlan& plan, const SweepOptions& o, const std::string& dir, int rank, int size) {
  if (rank != 0) {
    // Worker: ask rank 0 for a run, do it, send its record back with the next request.
    Executor exec(plan, dir);
    std::string line;
    for (;;) {
      MPI_Send(line.data(), static_cast<int>(line.size()), MPI_CHAR, 0, kTagResult, MPI_COMM_WORLD);
      long long id = -1;
      MPI_Recv(&id, 1, MPI_LONG_LONG, 0, kTagWork, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (id < 0) break;
      bool ok = true;
      const std::string record = exec.run(id, ok);
      line = (ok ? "1" : "0") + record;
    }
    return 0;
  }
  // Rank 0: prepares the folder, serves the work list from its main thread
  // (polling, so it does not spin a core) and does runs itself on another thread.
  std::vector<std::int64_t> pending;
  std::exception_ptr failure;
  try {
    pending = prepare_folder(plan, dir, o.resume, o.shard_index, o.shard_count);
  } catch (...) {
    failure = std::current_exception();  // rethrown once the workers are told to stop
  }
  std::mutex mutex;
  std::size_t next = 0;
  auto take = [&]() -> std::int64_t {
    std::lock_guard lock(mutex);
    return next < pending.size() ? pending[next++] : -1;
  };
  spdlog::info("{}: {} runs to do, shared out by rank 0 over {} MPI ranks", plan.spec.name, pending.size(), size);
  Executor exec(plan, dir);
  Progress progress(static_cast<std::int64_t>(pending.size()), terminal(o.progress));
  std::thread local([&] {
    try {
      for (std::int64_t id; (id = take()) >= 0;) {
        bool ok = true;
        const std::string line = exec.run(id, ok);
        exec.write_record(id, line);
        progress.add(ok);
      }
    } catch (const Interrupted&) {
      // The main loop below sees the signal too and ends the job.
    }
  });
  std::map<int, long long> given;  // rank -> run it is doing
  int stopped = 0;
  while (stopped < size - 1) {
    if (interrupt_signal()) {
      // Workers may be mid-run; the records so far are complete. The caller
      // aborts the job (every rank) once this thread's run has stopped.
      local.join();
      progress.stop();
      throw Interrupted(interrupt_signal(), fmt::format("interrupted by {}: {} of {} runs recorded in {}; the "
                                                        "others with --resume",
                                                        signal_name(interrupt_signal()), progress.done(),
                                                        pending.size(), dir));
    }
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(MPI_ANY_SOURCE, kTagResult, MPI_COMM_WORLD, &flag, &st);
    if (!flag) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    int len = 0;
    MPI_Get_count(&st, MPI_CHAR, &len);
    std::string line(static_cast<std::size_t>(len), '\0');
    MPI_Recv(line.data(), len, MPI_CHAR, st.MPI_SOURCE, kTagResult, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (len > 0) {
      const long long id = given.at(st.MPI_SOURCE);
      exec.write_record(id, line.substr(1));
      progress.add(line[0] == '1');
    }
    long long id = take();
    given[st.MPI_SOURCE] = id;
    MPI_Send(&id, 1, MPI_LONG_LONG, st.MPI_SOURCE, kTagWork, MPI_COMM_WORLD);
    if (id < 0) ++stopped;
  }
  local.join();
  progress.stop();
  if (failure) std::rethrow_exception(failure);
  return finish(dir, progress, static_cast<std::int64_t>(pending.size()), false);
}

struct MpiSession {
  int rank = 0, size = 1;
  MpiSession() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
  }
  ~MpiSession() { MPI_Finalize(); }
  int local_size() const {
    MPI_Comm local;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
    int n = 1;
    MPI_Comm_size(local, &n);
    MPI_Comm_free(&local);
    return n;
  }
};
#endif

}  // namespace

std::string manifest_path(const std::string& dir) { return (fs::path(dir) / "sweep.json").string(); }

bool built_with_mpi() {
#ifdef URBIS_WITH_MPI
  return true;
#else
  return false;
#endif
}

int mpi_launcher_size() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "MPI_LOCALNRANKS"})
    if (const char* n = std::getenv(v)) {
      const int size = std::atoi(n);
      return size > 0 ? size : -1;
    }
  return std::getenv("PMIX_RANK") || std::getenv("PMI_RANK") ? -1 : 0;
}

bool launched_by_mpi() { return built_with_mpi() && mpi_launcher_size() != 0; }

std::vector<std::string> SweepPlan::header() const {
  std::vector<std::string> h = {"run_id", "point"};
  if (spec.scenario_factor) h.push_back("scenario");
  h.push_back("replicate");
  h.push_back("seed");
  for (const auto& p : spec.params) h.push_back(p.path);
  h.push_back("status");
  h.push_back("wall_seconds");
  for (const auto& m : spec.metrics) h.push_back(m.name);
  h.push_back("error");
  h.push_back("command");
  return h;
}

SweepPlan make_plan(SweepSpec spec, std::vector<Scenario> bases, std::vector<std::string> scenario_args,
                    RunContext context) {
  SweepPlan plan;
  for (auto& base : bases)
    for (const auto& [path, v] : spec.fixed) apply_override(base, fmt::format("{}={}", path, v));
  plan.points = design_points(spec);
  // Apply each point once up front, so a value the model refuses is an input error before any run.
  for (const auto& row : plan.points) {
    Scenario s = bases.front();
    for (std::size_t j = 0; j < spec.params.size(); ++j) {
      try {
        apply_override(s, fmt::format("{}={}", spec.params[j].path, row[j]));
      } catch (const InputError& e) {
        throw InputError(spec.params[j].where, e.message());
      }
    }
    if (&row - plan.points.data() > 1000) break;
  }
  plan.spec = std::move(spec);
  plan.bases = std::move(bases);
  plan.scenario_args = std::move(scenario_args);
  plan.context = std::move(context);
  return plan;
}

int run_sweep(const SweepPlan& plan, const SweepOptions& o) {
  const std::string dir = o.output.empty() ? plan.spec.output : o.output;
#ifdef URBIS_WITH_MPI
  if (launched_by_mpi()) {
    MpiSession mpi;
    if (mpi.size > 1) {
      if (o.shard_count > 1) throw InputError({"--shard"}, "--shard does not go with mpirun; rank 0 shares the runs out");
      // Each rank gets its share of the node's cores unless --threads said fewer.
      const int hw = static_cast<int>(std::thread::hardware_concurrency());
      const int per_rank = std::max(1, hw / std::max(1, mpi.local_size()));
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(per_rank));
      if (mpi.rank != 0) spdlog::set_level(spdlog::level::err);
      try {
        return run_mpi(plan, o, dir, mpi.rank, mpi.size);
      } catch (const Interrupted& e) {
        // Other ranks may be mid-run or waiting for work: end the whole job.
        if (mpi.rank == 0) fmt::print(stderr, "urbis: {}\n", e.what());
        std::fflush(stderr);
        MPI_Abort(MPI_COMM_WORLD, e.exit_code());
        return e.exit_code();  // not reached: MPI_Abort ends the process
      }
    }
    return run_local(plan, o, dir);
  }
#endif
  return run_local(plan, o, dir);
}

int merge_sweep(const std::string& dir) {
  if (!fs::exists(manifest_path(dir)))
    throw InputError({dir}, "no sweep.json here: not the output folder of a sweep");
  const auto missing = assemble(dir, true);
  if (missing.empty()) {
    fmt::print("runs.csv written: {} (every run recorded)\n", (fs::path(dir) / "runs.csv").string());
    return 0;
  }
  fmt::print("{} runs missing: {}\nthe runs recorded so far are in {}; do the missing ones with: urbis sweep SWEEP.yaml "
             "-o {} --resume (with the same --shard, or without to do them all)\n",
             missing.size(), ranges(missing), (fs::path(dir) / "runs.partial.csv").string(), dir);
  return 1;
}

std::vector<std::string> parameters_without_effect(const SweepPlan& plan) {
  const auto& params = plan.spec.params;
  const std::size_t k = params.size();
  std::vector<double> low(k), high(k);
  for (std::size_t j = 0; j < k; ++j) {
    if (plan.spec.design == DesignType::grid) {
      low[j] = *std::min_element(params[j].values.begin(), params[j].values.end());
      high[j] = *std::max_element(params[j].values.begin(), params[j].values.end());
    } else {
      low[j] = params[j].min;
      high[j] = params[j].max;
    }
  }
  WorldCache worlds(Executor::checked(plan.context));
  const std::uint64_t seed = run_seed(plan.spec.seed, 0, 0);
  std::vector<std::uint64_t> prints(k + 1);
  tbb::parallel_for(std::size_t{0}, k + 1, [&](std::size_t c) {
    tbb::this_task_arena::isolate([&] {
      Scenario s = plan.bases.front();
      for (std::size_t j = 0; j < k; ++j)
        apply_override(s, fmt::format("{}={}", params[j].path, c == j + 1 ? high[j] : low[j]));
      s.seed = seed;
      const auto data = worlds.get(s);
      FingerprintObserver f;
      run_loaded(s, *data, f, worlds.context());
      prints[c] = f.value();
    });
  });
  std::vector<std::string> none;
  for (std::size_t j = 0; j < k; ++j) {
    const bool same = prints[j + 1] == prints[0] || low[j] == high[j];
    fmt::print("{:<40} {} -> {}: {}\n", params[j].path, low[j], high[j], same ? "NO EFFECT on any output" : "changes the outputs");
    if (same) none.push_back(params[j].path);
  }
  return none;
}

}  // namespace urbis::sweep
