// A class for as long as asked (URBIS_SOAK_SECONDS, 90 by default; the
// 10-minute soak is scripts/soak.sh): 60 students behind one address join
// classroom_2025 (the real world, 1,861 cities) as phones do, then poll
// their city every 2 seconds and choose once a round; the teacher's page and
// the projector poll the room, the class and the report data. The round
// clock runs (8 s to choose, 2 s locked, then the round plays); at the end of
// the run the teacher starts again. No request may fail beyond the
// deliberate ones (a choice refused while the round is locked, 409), the
// 99th percentile of latency stays under 200 ms, and resident memory at the
// end stays within 20% (plus 16 MB) of what it was after a warm-up.
#include <malloc.h>

#include <atomic>
#include <cstdlib>
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
  std::atomic<long> requests{0}, failures{0}, deliberate{0};
  std::mutex mutex;
  std::vector<std::string> examples;
  std::vector<double> latencies_ms;

  void record(const Answer& a, std::initializer_list<int> ok, std::initializer_list<int> refused,
              const std::string& what, double ms) {
    ++requests;
    {
      std::lock_guard lock(mutex);
      latencies_ms.push_back(ms);
    }
    if (std::find(ok.begin(), ok.end(), a.status) != ok.end()) return;
    if (std::find(refused.begin(), refused.end(), a.status) != refused.end()) {
      ++deliberate;
      return;
    }
    ++failures;
    std::lock_guard lock(mutex);
    if (examples.size() < 10) examples.push_back(fmt::format("{} -> {} {}", what, a.status, a.text.substr(0, 200)));
  }
};

template <class F>
Answer timed(Tally& t, std::initializer_list<int> ok, std::initializer_list<int> refused, const std::string& what,
             F f) {
  const auto t0 = Clock::now();
  Answer a = f();
  t.record(a, ok, refused, what, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  return a;
}

// The report data as a browser fetches it (gzipped); its version, from the
// tail of the text (the data is large: only the tail is kept).
Answer fetch_data(httplib::Client& c, const std::string& room, std::uint64_t& version, const std::string& token) {
  std::string tail;
  httplib::Headers h = bearer(token);
  h.emplace("Accept-Encoding", "gzip");
  const auto r =
      c.Get((room + "/data?since=" + std::to_string(version)).c_str(), h, [&](const char* data, std::size_t n) {
        tail.append(data, n);
        if (tail.size() > 4096) tail.erase(0, tail.size() - 4096);
        return true;
      });
  const auto at = tail.rfind("\"version\":");
  if (r && r->status == 200 && at != std::string::npos) version = std::stoull(tail.substr(at + 10));
  return answer(r, false);
}

double soak_seconds() {
  const char* s = std::getenv("URBIS_SOAK_SECONDS");
  return s ? std::max(30.0, std::atof(s)) : 90.0;
}

TEST(ServeSoak, SixtyStudentsFromOneAddress) {
  constexpr int kStudents = 60;
  const auto length = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(soak_seconds()));
  const auto warm_up = std::min<Clock::duration>(std::chrono::seconds(40), length / 3);
  serve::ServeOptions o;
  o.scenario = "classroom_2025";
  o.classroom = true;
  o.round_seconds = 8;
  o.lock_seconds = 2;
  TestServer server(o, {"classroom_2025"});
  const std::string room = "/api/rooms/" + server.room();
  std::string shell;
  {
    const auto page = server.client()->Get("/join");
    ASSERT_TRUE(page);
    shell = page->body;
  }
  auto between = [&](const std::string& a, const std::string& b) {
    const auto s = shell.find(a) + a.size();
    return shell.substr(s, shell.find(b, s) - s);
  };
  const std::string js = between("src=\"", "\""), css = between("href=\"", "\"");
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
      // Joining as a phone does, all within the first seconds.
      std::this_thread::sleep_for(std::chrono::milliseconds(n * 20));
      for (const std::string& path : {std::string("/join"), js, css, room, room + "/cities"})
        timed(tally, {200}, {}, "GET " + path, [&] { return answer(c->Get(path.c_str()), false); });
      const auto joined = timed(tally, {201}, {}, "join", [&] {
        return post(*c, room + "/join", json{{"name", fmt::format("Student {}", n + 1)}});
      });
      if (joined.status != 201) return;
      const std::string token = joined.body["token"];
      int chose_for = -1;
      while (!stop && Clock::now() < end) {
        const auto me = timed(tally, {200}, {}, "me", [&] { return get(*c, room + "/me", token); });
        const int year = me.body.value("year", 0);
        if (me.status == 200 && me.body.value("round_open", false) && year != chose_for && split(gen) < 0.5) {
          json choice = {{"cooperation", split(gen)}, {"round", year}};
          timed(tally, {200}, {409}, "choice", [&] { return post(*c, room + "/choice", choice, token); });
          chose_for = year;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2000 + n % 7 * 15));  // the page's polling
      }
    });

  // The teacher's page: the room every second, the class every 1.5 s, the
  // data when it changed; the projector: the room and the data. The clock
  // is started once the class has joined, and the run started again at its end.
  std::thread projector([&] {
    auto c = server.client();
    std::uint64_t version = 0;
    while (!stop && Clock::now() < end) {
      timed(tally, {200}, {}, "projector room", [&] { return get(*c, room); });
      timed(tally, {200, 304}, {}, "projector data", [&] { return fetch_data(*c, room, version, {}); });
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    }
  });
  long warm_kb = -1;
  {
    auto c = server.client();
    std::uint64_t version = 0;
    bool started = false;
    for (int k = 0; Clock::now() < end; ++k) {
      if (warm_kb < 0 && Clock::now() > start + warm_up) warm_kb = resident_kb();
      const auto st = timed(tally, {200}, {}, "room", [&] { return get(*c, room, server.teacher()); });
      if (k % 3 != 1) timed(tally, {200}, {}, "class", [&] { return get(*c, room + "/class", server.teacher()); });
      timed(tally, {200, 304}, {}, "data", [&] { return fetch_data(*c, room, version, server.teacher()); });
      if (!started && Clock::now() > start + std::chrono::seconds(3)) {
        timed(tally, {200}, {}, "start the clock", [&] {
          return post(*c, room + "/control", json{{"action", "play"}}, server.teacher());
        });
        started = true;
      }
      if (st.body.value("finished", false)) {
        timed(tally, {200}, {}, "summary", [&] { return get(*c, room + "/summary", server.teacher()); });
        timed(tally, {200}, {}, "reset", [&] {
          return post(*c, room + "/control", json{{"action", "reset"}}, server.teacher());
        });
        timed(tally, {200}, {}, "start the clock", [&] {
          return post(*c, room + "/control", json{{"action", "play"}}, server.teacher());
        });
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    }
    stop = true;
  }
  projector.join();
  for (auto& t : students) t.join();
  const long end_kb = resident_kb();

  auto c = server.client();
  const auto state = get(*c, room);
  std::sort(tally.latencies_ms.begin(), tally.latencies_ms.end());
  const auto pct = [&](double q) {
    return tally.latencies_ms[static_cast<std::size_t>(q * (tally.latencies_ms.size() - 1))];
  };
  std::printf(
      "soak: %.0f s, %d students from one address; %ld requests, %ld failed, %ld refused on purpose (choices "
      "while locked); latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f; VmRSS after warm-up %ld kB, at the end %ld kB\n",
      std::chrono::duration<double>(length).count(), kStudents, tally.requests.load(), tally.failures.load(),
      tally.deliberate.load(), pct(0.5), pct(0.95), pct(0.99), tally.latencies_ms.back(), warm_kb, end_kb);
  for (const auto& e : tally.examples) ADD_FAILURE() << e;
  EXPECT_EQ(tally.failures.load(), 0);
  EXPECT_GT(tally.requests.load(), static_cast<long>(kStudents * soak_seconds() / 3)) << "the students kept polling";
  EXPECT_EQ(state.body["players"], kStudents);
  EXPECT_LT(pct(0.99), 200.0) << "p99 latency";
  ASSERT_GT(warm_kb, 0);
  EXPECT_LE(end_kb, static_cast<long>(1.2 * static_cast<double>(warm_kb)) + 16 * 1024)
      << "resident memory grew from " << warm_kb << " kB after warm-up to " << end_kb << " kB";
}

}  // namespace
}  // namespace urbis::test
