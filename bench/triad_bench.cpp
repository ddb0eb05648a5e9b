// STREAM-style triad a[i] = b[i] + s c[i] over three arrays of 2^25 doubles
// (256 MiB each, well beyond even a 300 MiB last-level cache), with 1 and 2 threads: the memory
// bandwidth the phases are compared against in docs/PERFORMANCE.md.
// bytes_per_second counts 3 x 8 bytes per element, as STREAM does (the
// write-allocate read of a is not counted).
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <cstddef>
#include <memory>

namespace urbis::bench {
namespace {

constexpr std::size_t kTriadSize = std::size_t{1} << 25;

template <class F>
void split(std::size_t n, F&& f) {  // one contiguous block per thread, like STREAM's static schedule
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, 1 << 16),
      [&](const tbb::blocked_range<std::size_t>& r) { f(r.begin(), r.end()); }, tbb::static_partitioner{});
}

void triad(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const std::size_t n = kTriadSize;
  std::unique_ptr<double[]> a(new double[n]), b(new double[n]), c(new double[n]);
  split(n, [&](std::size_t lo, std::size_t hi) {  // first touch by the threads that use the pages
    for (std::size_t i = lo; i < hi; ++i) a[i] = 0.0, b[i] = 1.0, c[i] = 2.0;
  });
  const double s = 3.0;
  for (auto _ : state) {
    split(n, [&](std::size_t lo, std::size_t hi) {
      double* __restrict pa = a.get();
      const double* __restrict pb = b.get();
      const double* __restrict pc = c.get();
      for (std::size_t i = lo; i < hi; ++i) pa[i] = pb[i] + s * pc[i];
    });
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * 3 * sizeof(double) * n));
  state.counters["threads"] = static_cast<double>(threads);
}
BENCHMARK(triad)->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(0.5);

}  // namespace
}  // namespace urbis::bench
