// Deterministic parallel helpers (sim/core/parallel.hpp): chunk bounds do not
// depend on the thread count, so sums are bit-identical with 1 or 4 threads.
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/parallel.hpp"
#include "sim/core/random.hpp"

namespace urbis {
namespace {

// Values spanning many orders of magnitude, with both signs, so that a
// different summation order changes the rounded result.
std::vector<double> awkward_values(std::size_t n) {
  const Streams rng(77);
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = rng.uniform(0, Phase::synthetic_world, static_cast<std::uint32_t>(i), 0);
    const double e = rng.uniform(0, Phase::synthetic_world, static_cast<std::uint32_t>(i), 1);
    v[i] = (u - 0.4) * std::pow(10.0, 12.0 * e - 4.0);
  }
  return v;
}

template <class F>
auto with_threads(int threads, F&& f) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  tbb::task_arena arena(threads);
  return arena.execute(f);
}

TEST(Parallel, ChunkCount) {
  EXPECT_EQ(chunk_count(0), 0u);
  EXPECT_EQ(chunk_count(1), 1u);
  EXPECT_EQ(chunk_count(kChunk), 1u);
  EXPECT_EQ(chunk_count(kChunk + 1), 2u);
  EXPECT_EQ(chunk_count(10 * kChunk), 10u);
}

TEST(Parallel, SumOverIsIdenticalWithOneAndFourThreads) {
  const std::vector<double> v = awkward_values(1000000);
  const double one = with_threads(1, [&] { return sum_over(v.size(), [&](std::size_t i) { return v[i]; }); });
  const double four = with_threads(4, [&] { return sum_over(v.size(), [&](std::size_t i) { return v[i]; }); });
  EXPECT_EQ(one, four);  // bit-identical, not merely close
  // And it is the sum (compensated reference).
  long double ref = 0;
  for (double x : v) ref += x;
  double scale = 0;
  for (double x : v) scale += std::abs(x);
  EXPECT_NEAR(one, static_cast<double>(ref), 1e-13 * scale);
}

TEST(Parallel, SumOverOfIntegersIsExact) {
  const std::size_t n = 1000000;
  const double s = sum_over(n, [](std::size_t i) { return static_cast<double>(i); });
  EXPECT_EQ(s, static_cast<double>(n) * (n - 1) / 2);
  EXPECT_EQ(sum_over(0, [](std::size_t) { return 1.0; }), 0.0);
}

TEST(Parallel, ForEachIndexVisitsEveryIndexOnce) {
  const std::size_t n = 3 * kChunk + 17;
  std::vector<std::atomic<int>> hits(n);
  for (auto& h : hits) h = 0;
  with_threads(4, [&] {
    for_each_index(n, [&](std::size_t i) { ++hits[i]; });
    return 0;
  });
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(hits[i].load(), 1) << i;
}

TEST(Parallel, ForChunksGivesFixedBounds) {
  const std::size_t n = 2 * kChunk + 5;
  std::vector<std::pair<std::size_t, std::size_t>> bounds(chunk_count(n));
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t c) { bounds[c] = {b, e}; });
  ASSERT_EQ(bounds.size(), 3u);
  EXPECT_EQ(bounds[0], std::make_pair(std::size_t{0}, kChunk));
  EXPECT_EQ(bounds[1], std::make_pair(kChunk, 2 * kChunk));
  EXPECT_EQ(bounds[2], std::make_pair(2 * kChunk, n));
}

TEST(Parallel, ForPiecesCutsFinerThanChunksAndCoversEveryIndexOnce) {
  const std::size_t n = 1861;  // the real world's cities: one chunk, several pieces
  ASSERT_EQ(chunk_count(n), 1u);
  ASSERT_EQ(piece_count(n), 8u);
  std::vector<std::atomic<int>> hits(n);
  for (auto& h : hits) h = 0;
  std::vector<std::pair<std::size_t, std::size_t>> bounds(piece_count(n));
  with_threads(4, [&] {
    for_pieces(n, [&](std::size_t b, std::size_t e, std::size_t piece) {
      bounds[piece] = {b, e};
      for (std::size_t i = b; i < e; ++i) ++hits[i];
    });
    return 0;
  });
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(hits[i].load(), 1) << i;
  EXPECT_EQ(bounds.front(), std::make_pair(std::size_t{0}, kPiece));
  EXPECT_EQ(bounds.back(), std::make_pair(7 * kPiece, n));
}

// Two runs side by side (as a sweep does them): one throws (an interrupt)
// while the other is inside a chunk loop. The loop must still visit every
// chunk: TBB's cancellation of the thrower's group must not reach it.
TEST(Parallel, ChunkLoopsFinishWhenASiblingTaskThrows) {
  constexpr std::size_t kChunks = 48;
  std::atomic<bool> started{false};
  std::atomic<std::size_t> visited{0};
  auto sibling_throws = [&] {
    tbb::parallel_for(std::size_t{0}, std::size_t{2}, [&](std::size_t task) {
      if (task == 0) {
        // Wait (at most 2 s) until the other run is inside its loop, then throw.
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (!started && std::chrono::steady_clock::now() < until) std::this_thread::yield();
        throw std::runtime_error("interrupted");
      }
      for_chunks(kChunks * kChunk, [&](std::size_t, std::size_t, std::size_t) {
        started = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ++visited;
      });
    });
  };
  with_threads(2, [&] { EXPECT_THROW(sibling_throws(), std::runtime_error); });
  // Either the loop ran whole, or (one thread: the thrower went first) never began.
  EXPECT_TRUE(visited == kChunks || (!started && visited == 0)) << visited << " of " << kChunks << " chunks";
  EXPECT_TRUE(started) << "the two tasks did not overlap (one thread only?)";
}

TEST(Parallel, RunBothRunsBothAndRethrowsTheFirstsFailureFirst) {
  for (int threads : {1, 2}) {
    with_threads(threads, [&] {
      std::atomic<int> ran{0};
      run_both([&] { ++ran; }, [&] { ++ran; });
      EXPECT_EQ(ran, 2);
      // Both fail: the first's failure is the one reported, and the second
      // still ran to its end.
      bool second_finished = false;
      try {
        run_both([] { throw std::runtime_error("first"); },
                 [&] {
                   second_finished = true;
                   throw std::logic_error("second");
                 });
        ADD_FAILURE() << "no exception";
      } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "first");
      }
      EXPECT_TRUE(second_finished);
      EXPECT_THROW(run_both([] {}, [] { throw std::logic_error("second"); }), std::logic_error);
    });
  }
}

TEST(Parallel, SumByGroupIsCorrect) {
  // Group g = i % 7, value i: exact integer sums.
  const std::size_t n = 100000, groups = 7;
  std::vector<double> out;
  sum_by_group(
      n, groups, [](std::size_t i) { return i % 7; }, [](std::size_t i) { return static_cast<double>(i); }, out);
  ASSERT_EQ(out.size(), groups);
  std::vector<double> ref(groups, 0.0);
  for (std::size_t i = 0; i < n; ++i) ref[i % 7] += static_cast<double>(i);
  for (std::size_t g = 0; g < groups; ++g) EXPECT_EQ(out[g], ref[g]) << g;

  // A tiny hand case, with an empty group: groups {0: 1+3, 1: 2, 2: none}.
  const std::vector<int> grp = {0, 1, 0};
  const std::vector<double> val = {1, 2, 3};
  sum_by_group(
      3, 3, [&](std::size_t i) { return static_cast<std::size_t>(grp[i]); }, [&](std::size_t i) { return val[i]; },
      out);
  EXPECT_EQ(out, (std::vector<double>{4, 2, 0}));

  // No items: every group is zero (and out is resized).
  sum_by_group(
      0, 4, [](std::size_t) { return std::size_t{0}; }, [](std::size_t) { return 1.0; }, out);
  EXPECT_EQ(out, (std::vector<double>(4, 0.0)));
}

TEST(Parallel, SumByGroupIsIdenticalWithOneAndFourThreads) {
  const std::vector<double> v = awkward_values(1000000);
  auto run = [&] {
    std::vector<double> out;
    sum_by_group(
        v.size(), 50, [](std::size_t i) { return (i * 2654435761u) % 50; }, [&](std::size_t i) { return v[i]; }, out);
    return out;
  };
  const std::vector<double> one = with_threads(1, run);
  const std::vector<double> four = with_threads(4, run);
  ASSERT_EQ(one.size(), 50u);
  for (std::size_t g = 0; g < 50; ++g) EXPECT_EQ(one[g], four[g]) << g;
}

}  // namespace
}  // namespace urbis
