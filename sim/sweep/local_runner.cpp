#include "sim/sweep/local_runner.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/interrupt.hpp"
#include "sim/sweep/executor.hpp"
#include "sim/sweep/progress.hpp"
#include "sim/sweep/records.hpp"

namespace urbis::sweep {

int run_local(const SweepPlan& plan, const SweepOptions& o, const std::string& dir) {
  const auto pending = prepare_folder(plan, dir, o.resume, o.shard_index, o.shard_count);
  Executor exec(plan, dir);
  Progress progress(static_cast<std::int64_t>(pending.size()), show_progress(o.progress));
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
  return finish_share(dir, progress, o.shard_count > 1);
}

}  // namespace urbis::sweep
