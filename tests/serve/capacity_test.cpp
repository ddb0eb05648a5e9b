// A real class behind one school address: joining is limited per room and
// per name, not per address; requests without a token share one global
// bucket, those with a token have their own; and the Host header must name
// this server (against DNS rebinding).
#include <atomic>

#include <fmt/format.h>

#include "sim/serve/gzip.hpp"
#include "tests/serve/serve_support.hpp"

namespace urbis::test {
namespace {

using Clock = std::chrono::steady_clock;

TEST(ServeCapacity, SixtyStudentsJoinFromOneAddressWithinTwoSeconds) {
  serve::ServeOptions o;
  o.classroom = true;
  TestServer s(o);
  const std::string room = "/api/rooms/" + s.room();
  // What a phone does to join: the page, its script and style, the room,
  // its cities, the join; then its first look at the city.
  std::string js, css;
  {
    const auto page = s.client()->Get("/join");
    ASSERT_TRUE(page);
    const auto at = page->body.find("/assets/classroom.");
    const auto script = page->body.find("src=\"") + 5;
    js = page->body.substr(script, page->body.find('"', script) - script);
    const auto link = page->body.find("href=\"") + 6;
    css = page->body.substr(link, page->body.find('"', link) - link);
    ASSERT_NE(at, std::string::npos);
  }
  constexpr int kStudents = 60;
  std::atomic<int> joined{0};
  std::vector<std::string> failures(kStudents);
  std::atomic<bool> go{false};
  std::vector<std::thread> phones;
  for (int n = 0; n < kStudents; ++n)
    phones.emplace_back([&, n] {
      auto c = s.client();
      while (!go) std::this_thread::yield();
      for (const std::string& path : {std::string("/join"), js, css, room, room + "/cities"}) {
        const auto r = c->Get(path);
        if (!r || r->status != 200) {
          failures[n] = fmt::format("GET {} -> {}", path, r ? r->status : 0);
          return;
        }
      }
      const auto a = post(*c, room + "/join", json{{"name", fmt::format("Student {}", n + 1)}});
      if (a.status != 201) {
        failures[n] = fmt::format("join -> {} {}", a.status, a.text);
        return;
      }
      const auto me = get(*c, room + "/me", a.body["token"]);
      if (me.status != 200) {
        failures[n] = fmt::format("me -> {}", me.status);
        return;
      }
      ++joined;
    });
  const auto t0 = Clock::now();
  go = true;
  for (auto& t : phones) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  for (const auto& f : failures) EXPECT_TRUE(f.empty()) << f;
  EXPECT_EQ(joined, kStudents);
  std::printf("60 students joined from one address in %.2f s\n", seconds);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // A speed of the release build: a sanitized debug build is many times slower.
  EXPECT_LT(seconds, 2.0) << "60 students joined in " << seconds << " s";
#endif
  EXPECT_EQ(get(*s.client(), room).body["players"], kStudents);
}

TEST(ServeCapacity, JoinsAreLimitedPerNameAndPerRoom) {
  serve::ServeOptions o;
  o.classroom = true;
  o.join_name_burst = 3;
  o.join_room_burst = 10;
  o.join_room_rate = 0.01;
  TestServer s(o);
  auto c = s.client();
  const std::string room = "/api/rooms/" + s.room();
  ASSERT_EQ(post(*c, room + "/join", json{{"name", "Ada"}}).status, 201);
  // The same name again and again: taken (409) for the burst, then held back (429).
  std::vector<int> statuses;
  for (int k = 0; k < 5; ++k) statuses.push_back(post(*c, room + "/join", json{{"name", " ada "}}).status);
  EXPECT_EQ(statuses, (std::vector<int>{409, 409, 429, 429, 429}));
  // Other names still join, until the room's own limit.
  int ok = 0, limited = 0;
  for (int k = 0; k < 10; ++k) {
    const int st = post(*c, room + "/join", json{{"name", fmt::format("Student {}", k)}}).status;
    ok += st == 201;
    limited += st == 429;
  }
  EXPECT_EQ(ok, 7) << "10 joins per room in the burst: Ada, the 2 repeats let through, then 7 more";
  EXPECT_EQ(limited, 3);
  // A refused join changed nothing.
  EXPECT_EQ(get(*c, room).body["players"], 8);
}

TEST(ServeCapacity, RequestsWithoutATokenShareOneBucketTokensHaveTheirOwn) {
  serve::ServeOptions o;
  o.classroom = true;
  o.anonymous_burst = 30;
  o.anonymous_rate = 1;
  TestServer s(o);
  auto c = s.client();
  const std::string room = "/api/rooms/" + s.room();
  const auto a = post(*c, room + "/join", json{{"name", "Ada"}});
  ASSERT_EQ(a.status, 201);
  int limited = 0;
  for (int k = 0; k < 40; ++k) limited += get(*c, room).status == 429;
  EXPECT_GE(limited, 8);
  // A student's page and the teacher's, with their tokens, are still served.
  EXPECT_EQ(get(*c, room + "/me", a.body["token"]).status, 200);
  EXPECT_EQ(get(*c, room + "/class", s.teacher()).status, 200);
  // A token the server never gave counts as none.
  EXPECT_EQ(get(*c, room + "/me", std::string(32, 'a')).status, 429);
}

TEST(ServeHosts, OnlyTheNamesItAnswersTo) {
  serve::ServeOptions o;
  o.allow_hosts = {"urbis.school.example"};
  TestServer s(o);
  auto c = s.client();
  auto host = [&](const std::string& h) {
    const auto r = c->Get("/api/scenarios", {{"Host", h}});
    return r ? r->status : 0;
  };
  EXPECT_EQ(host(fmt::format("127.0.0.1:{}", s.port())), 200);
  EXPECT_EQ(host(fmt::format("localhost:{}", s.port())), 200);
  EXPECT_EQ(host("LOCALHOST"), 200);
  EXPECT_EQ(host("[::1]:8080"), 200);
  EXPECT_EQ(host("urbis.school.example:8080"), 200);
  // A page of another site whose name was made to point here.
  EXPECT_EQ(host("evil.example"), 403);
  EXPECT_EQ(host("evil.example:8080"), 403);
  EXPECT_EQ(host("127.0.0.1.evil.example"), 403);
  const auto r = c->Get("/join", {{"Host", "rebind.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(r->body.find("<script"), std::string::npos) << "no page for a foreign name";
}

TEST(ServeHosts, HostOf) {
  using serve::HostCheck;
  EXPECT_EQ(HostCheck::host_of("Example.ORG:8080"), "example.org");
  EXPECT_EQ(HostCheck::host_of("[::1]:8080"), "::1");
  EXPECT_EQ(HostCheck::host_of("::1"), "::1");
  EXPECT_EQ(HostCheck::host_of("example.org."), "example.org");
  EXPECT_FALSE(HostCheck({"localhost"}).allows("localhost.evil.example"));
  EXPECT_TRUE(HostCheck({"192.168.1.20"}).allows("192.168.1.20:8080"));
}

}  // namespace
}  // namespace urbis::test

namespace urbis::test {
namespace {

TEST(ServeGzip, AcceptEncodingAndCompression) {
  EXPECT_TRUE(serve::accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(serve::accepts_gzip("deflate, gzip;q=0.8"));
  EXPECT_FALSE(serve::accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(serve::accepts_gzip("deflate, br"));
  EXPECT_FALSE(serve::accepts_gzip(""));
  const std::string text(100000, 'a');
  const std::string gz = serve::gzip(text, 9);
  EXPECT_LT(gz.size(), 1000u);
  EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
}

}  // namespace
}  // namespace urbis::test
