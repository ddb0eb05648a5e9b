// A classroom for a minute: 30 simulated students join paris_withdrawal (the
// real world, 1,861 cities) and poll `me` and `data` and choose now and then,
// while the teacher polls `class` and `summary` and advances a round every
// two seconds. No request may fail (no transport error, no 5xx, nothing but
// the statuses the API promises), and resident memory at the end stays within
// 20% (plus a small constant) of what it was after a warm-up.
#include <malloc.h>

#include <atomic>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "tests/serve/serve_support.hpp"

namespace urbis::test {
namespace {

using Clock = std::chrono::steady_clock;

// Resident memory of this process (VmRSS), in kB, after handing the
// allocator's free pages back (what is measured is memory held, not cached).
long resident_kb() {
  malloc_trim(0);
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

struct Tally {
  std::atomic<long> requests{0}, failures{0};
  std::mutex mutex;
  std::vector<std::string> examples;
  std::vector<double> latencies_ms;

  void record(const Answer& a, std::initializer_list<int> expected, const std::string& what, double ms) {
    ++requests;
    {
      std::lock_guard lock(mutex);
      latencies_ms.push_back(ms);
    }
    if (std::find(expected.begin(), expected.end(), a.status) != expected.end()) return;
    ++failures;
    std::lock_guard lock(mutex);
    if (examples.size() < 10) examples.push_back(fmt::format("{} -> {} {}", what, a.status, a.text.substr(0, 200)));
  }
};

template <class F>
Answer timed(Tally& t, std::initializer_list<int> expected, const std::string& what, F f) {
  const auto t0 = Clock::now();
  Answer a = f();
  t.record(a, expected, what, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  return a;
}

TEST(ServeSoak, ThirtyStudentsForAMinute) {
  constexpr int kStudents = 30;
  const auto warm_up = std::chrono::seconds(20), length = std::chrono::seconds(60);
  serve::ServeOptions o;
  o.scenario = "paris_withdrawal";
  o.classroom = true;
  TestServer server(o, {"paris_withdrawal"});
  const std::string room = "/api/rooms/" + server.room();
  Tally tally;
  const auto start = Clock::now();
  const auto end = start + length;
  std::atomic<bool> stop{false};

  std::vector<std::thread> students;
  for (int n = 0; n < kStudents; ++n)
    students.emplace_back([&, n] {
      auto c = server.client();
      std::mt19937 gen(static_cast<unsigned>(n));
      std::uniform_real_distribution<double> split(0.0, 1.0);
      const auto joined = timed(tally, {201}, "join", [&] {
        return post(*c, room + "/join", json{{"name", fmt::format("Student {}", n + 1)}});
      });
      if (joined.status != 201) return;
      const std::string token = joined.body["token"];
      std::uint64_t version = 0;
      for (int k = 0; !stop && Clock::now() < end; ++k) {
        timed(tally, {200}, "me", [&] { return get(*c, room + "/me", token); });
        if (k % 3 == 0) {
          // The data is megabytes of JSON: stream it and keep its tail,
          // which holds the version, so that the students' own memory does
          // not swamp the server's in this process.
          std::string tail;
          const auto d = timed(tally, {200, 304}, "data", [&] {
            return answer(c->Get((room + "/data?since=" + std::to_string(version)).c_str(), bearer(token),
                                 [&](const char* data, std::size_t n) {
                                   tail.append(data, n);
                                   if (tail.size() > 4096) tail.erase(0, tail.size() - 4096);
                                   return true;
                                 }),
                          false);
          });
          const auto at = tail.rfind("\"version\":");
          if (d.status == 200 && at != std::string::npos) version = std::stoull(tail.substr(at + 10));
        }
        if (k % 7 == 0)
          timed(tally, {200, 409}, "choice", [&] {  // 409: the run has ended
            return post(*c, room + "/choice", json{{"cooperation", split(gen)}}, token);
          });
        std::this_thread::sleep_for(std::chrono::milliseconds(250 + n % 7 * 20));  // a page's polling interval
      }
    });

  long warm_kb = -1;
  {
    auto c = server.client();
    auto next_round = start + std::chrono::seconds(2);
    while (Clock::now() < end) {
      if (warm_kb < 0 && Clock::now() > start + warm_up) warm_kb = resident_kb();
      timed(tally, {200}, "class", [&] { return get(*c, room + "/class", server.teacher()); });
      timed(tally, {200}, "summary", [&] { return get(*c, room + "/summary", server.teacher()); });
      if (Clock::now() >= next_round) {
        timed(tally, {200}, "round", [&] { return post(*c, room + "/control", json{{"action", "step"}}, server.teacher()); });
        next_round += std::chrono::seconds(2);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the teacher's page polling
    }
    stop = true;
  }
  for (auto& t : students) t.join();
  const long end_kb = resident_kb();

  auto c = server.client();
  const auto state = get(*c, room);
  std::sort(tally.latencies_ms.begin(), tally.latencies_ms.end());
  const auto pct = [&](double q) { return tally.latencies_ms[static_cast<std::size_t>(q * (tally.latencies_ms.size() - 1))]; };
  std::printf("soak: %ld requests, %ld failed; rounds %d; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f; "
              "VmRSS after warm-up %ld kB, at the end %ld kB\n",
              tally.requests.load(), tally.failures.load(), state.body.value("years_done", -1), pct(0.5), pct(0.95),
              pct(0.99), tally.latencies_ms.back(), warm_kb, end_kb);
  for (const auto& e : tally.examples) ADD_FAILURE() << e;
  EXPECT_EQ(tally.failures.load(), 0);
  EXPECT_GT(tally.requests.load(), kStudents * 100) << "the students kept polling";
  EXPECT_EQ(state.body["players"], kStudents);
  EXPECT_GE(state.body["years_done"].get<int>(), 25);
  ASSERT_GT(warm_kb, 0);
  EXPECT_LE(end_kb, static_cast<long>(1.2 * static_cast<double>(warm_kb)) + 16 * 1024)
      << "resident memory grew from " << warm_kb << " kB after warm-up to " << end_kb << " kB";
}

}  // namespace
}  // namespace urbis::test
