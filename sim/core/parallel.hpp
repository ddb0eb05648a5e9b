#pragma once
// Deterministic parallel loops. Work is cut into fixed chunks whose bounds do
// not depend on the thread count; reductions combine per-chunk partials in
// chunk order, so sums are bit-identical with 1, 2 or 64 threads.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_group.h>

// ThreadSanitizer builds (the tsan preset): libtbb comes from the system,
// built without TSan, so TSan does not see that TBB orders what a thread
// does before parallel_for with the tasks, and the tasks with what follows
// it; every loop would report false races. ForkJoin states those two edges
// -- and only those: two chunks stay unordered, so a real race between
// chunks is still reported. It compiles to nothing in other builds.
#if defined(__SANITIZE_THREAD__)
#define URBIS_TSAN_ANNOTATE 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define URBIS_TSAN_ANNOTATE 1
#endif
#endif
#ifdef URBIS_TSAN_ANNOTATE
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace urbis {

class ForkJoin {
 public:
  // Before the loop, on the calling thread.
  void fork() { release(&fork_); }
  // First thing in each task, and last thing in it.
  void task_begins() { acquire(&fork_); }
  void task_ends() { release(&join_); }
  // After the loop, on the calling thread.
  void join() { acquire(&join_); }

 private:
#ifdef URBIS_TSAN_ANNOTATE
  static void release(char* p) { __tsan_release(p); }
  static void acquire(char* p) { __tsan_acquire(p); }
#else
  static void release(char*) {}
  static void acquire(char*) {}
#endif
  char fork_ = 0, join_ = 0;
};

inline constexpr std::size_t kChunk = 4096;

inline std::size_t chunk_count(std::size_t n) { return (n + kChunk - 1) / kChunk; }

// Calls body(begin, end, block) for every block of `size` indices, in
// parallel. The loop has its own, isolated task group context: when runs go
// in parallel (a sweep, a comparison, a calibration) and one of them throws
// (an interrupt, a failed run), TBB cancels the tasks of the group that
// threw; without isolation that would skip blocks of a sibling run's loop,
// which then goes on with half-computed columns. A block loop always
// finishes or throws itself.
template <class Body>
void for_blocks(std::size_t n, std::size_t size, Body&& body) {
  const std::size_t blocks = (n + size - 1) / size;
  ForkJoin fj;
  fj.fork();
  tbb::task_group_context own(tbb::task_group_context::isolated);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, blocks, 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        fj.task_begins();
        for (std::size_t c = r.begin(); c != r.end(); ++c) body(c * size, std::min(n, (c + 1) * size), c);
        fj.task_ends();
      },
      tbb::simple_partitioner{}, own);
  fj.join();
}

// Calls body(begin, end, chunk) for every chunk, in parallel.
template <class Body>
void for_chunks(std::size_t n, Body&& body) {
  for_blocks(n, kChunk, body);
}

// Pieces: a finer cut for loops whose result does not depend on the cut --
// each index writes only its own row, and any partials are integers -- so
// that a small world (the real world's 1,861 cities fit in one chunk) still
// spreads its heavy loops over every thread. Calls body(begin, end, piece)
// for every piece of kPiece indices; piece_count(n) pieces in all.
inline constexpr std::size_t kPiece = 256;

inline std::size_t piece_count(std::size_t n) { return (n + kPiece - 1) / kPiece; }

template <class Body>
void for_pieces(std::size_t n, Body&& body) {
  for_blocks(n, kPiece, body);
}

// Calls first() and second(), in parallel where a thread is free: two
// independent pieces of work such as reading two files. An exception of
// either is rethrown once both have finished, the first's before the
// second's, so a failure reads the same whatever the thread count.
template <class First, class Second>
void run_both(First&& first, Second&& second) {
  std::exception_ptr failed[2];
  for_blocks(2, 1, [&](std::size_t, std::size_t, std::size_t which) {
    try {
      if (which == 0) first();
      else second();
    } catch (...) {
      failed[which] = std::current_exception();
    }
  });
  for (const auto& f : failed)
    if (f) std::rethrow_exception(f);
}

// Calls f(i) for every i in [0, n), in parallel, in blocks of `size`.
template <class F>
void for_each_index_in_blocks(std::size_t n, std::size_t size, F&& f) {
  for_blocks(n, size, [&](std::size_t b, std::size_t e, std::size_t) {
    for (std::size_t i = b; i < e; ++i) f(i);
  });
}

// Calls f(i) for every i in [0, n), in parallel.
template <class F>
void for_each_index(std::size_t n, F&& f) {
  for_each_index_in_blocks(n, kChunk, f);
}

// Like for_each_index, cut in pieces: for loops whose every index is costly
// (random draws, transcendental functions), so that a world of a few chunks
// (10^4 cities: three) keeps every thread busy to the end. A light loop is
// better in chunks: at 10^6 cities its pieces would cost more to hand out
// than to run.
template <class F>
void for_each_index_in_pieces(std::size_t n, F&& f) {
  for_each_index_in_blocks(n, kPiece, f);
}

// Sum of f(i) over [0, n), deterministic whatever the thread count.
template <class F>
double sum_over(std::size_t n, F&& f) {
  std::vector<double> partial(chunk_count(n), 0.0);
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t c) {
    double s = 0;
    for (std::size_t i = b; i < e; ++i) s += f(i);
    partial[c] = s;
  });
  double total = 0;
  for (double p : partial) total += p;
  return total;
}

// Per-group sums: out[g] = sum of value(i) over i with group(i) == g.
// Each chunk accumulates privately; partials are combined in chunk order.
// Memory is chunks x groups, so use it for groups counted in the hundreds.
template <class Group, class Value>
void sum_by_group(std::size_t n, std::size_t groups, Group&& group, Value&& value, std::vector<double>& out) {
  const std::size_t chunks = chunk_count(n);
  std::vector<double> partial(chunks * groups, 0.0);
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t c) {
    double* p = partial.data() + c * groups;
    for (std::size_t i = b; i < e; ++i) p[group(i)] += value(i);
  });
  out.assign(groups, 0.0);
  for (std::size_t c = 0; c < chunks; ++c)
    for (std::size_t g = 0; g < groups; ++g) out[g] += partial[c * groups + g];
}

// Like sum_by_group, for a city that adds to several groups at once:
// add(i, row) adds city i's values into row[0 .. groups).
template <class Add>
void sum_by_group_rows(std::size_t n, std::size_t groups, Add&& add, std::vector<double>& out) {
  const std::size_t chunks = chunk_count(n);
  std::vector<double> partial(chunks * groups, 0.0);
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t c) {
    double* p = partial.data() + c * groups;
    for (std::size_t i = b; i < e; ++i) add(i, p);
  });
  out.assign(groups, 0.0);
  for (std::size_t c = 0; c < chunks; ++c)
    for (std::size_t g = 0; g < groups; ++g) out[g] += partial[c * groups + g];
}

}  // namespace urbis
