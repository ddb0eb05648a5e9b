#include "sim/sweep/mpi_runner.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <tbb/global_control.h>

#ifdef URBIS_WITH_MPI
#include <mpi.h>
#endif

#include "sim/core/input_error.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/sweep/executor.hpp"
#include "sim/sweep/local_runner.hpp"
#include "sim/sweep/progress.hpp"
#include "sim/sweep/records.hpp"

namespace urbis::sweep {

#ifdef URBIS_WITH_MPI
namespace {

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
  Progress progress(static_cast<std::int64_t>(pending.size()), show_progress(o.progress));
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
      throw Interrupted(interrupt_signal(),
                        fmt::format("interrupted by {}: {} of {} runs recorded in {}; the "
                                    "others with --resume",
                                    signal_name(interrupt_signal()), progress.done(), pending.size(), dir));
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
  return finish_share(dir, progress, false);
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

}  // namespace
#endif

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

int run_over_mpi(const SweepPlan& plan, const SweepOptions& o, const std::string& dir) {
#ifdef URBIS_WITH_MPI
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
  return run_local(plan, o, dir);  // a single rank: inside the MPI session all the same
#else
  return run_local(plan, o, dir);
#endif
}

}  // namespace urbis::sweep
