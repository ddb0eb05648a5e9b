#pragma once
// `urbis serve`: an HTTP server for the live view and the participatory
// classroom (docs/CLASSROOM_API.md). Listens on loopback unless told
// otherwise; the teacher's controls need the token made at start-up.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "sim/serve/library.hpp"

namespace urbis::serve {

struct ServeOptions {
  std::string scenario = "cooperation_vs_competition";  // the start-up room's (a name in the library)
  std::string host = "127.0.0.1";
  std::vector<std::string> allow_hosts;  // more names the Host header may carry (besides those printed)
  int port = 8080;                       // 0: any free port
  bool classroom = false;                // the start-up room is participatory
  std::size_t max_rooms = 8;
  std::size_t max_players = 60;
  double round_seconds = 0;  // participatory rooms: a round every so many seconds (0: the teacher's step)
  double lock_seconds = 5;   // with round_seconds: "time's up" (choices locked) before the round is played
  double rate_per_second = 20, rate_burst = 40;  // per token (a student's page, the teacher's)
  // Requests without a token (pages, assets, joining): one bucket for all,
  // not per address (a school's students share one), large enough for a
  // class that opens the page at once.
  double anonymous_rate = 100, anonymous_burst = 600;
  // Joins: per room (a class of 60 joins in a few seconds) and per name (a
  // script cannot hammer one name).
  double join_room_rate = 10, join_room_burst = 120;
  double join_name_rate = 0.5, join_name_burst = 5;
  std::size_t max_body = 16 * 1024;
  std::chrono::seconds idle_close{2 * 3600};
  std::size_t http_threads = 0;  // 0: enough for every player's connection (2 x max_players + 16, at least 32)
};

class Server {
 public:
  Server(std::shared_ptr<const Library> library, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Makes the start-up room and binds the socket; returns the port. Throws
  // InputError for an unknown scenario, std::runtime_error when it cannot bind.
  int bind();
  // Serves until stop() (from another thread).
  void run();
  void stop();

  int port() const;
  const std::string& host() const;
  // The addresses to print, "http://HOST:PORT": the machine's network
  // addresses when listening on all of them (127.0.0.1 when it has none),
  // else the host listened on.
  std::vector<std::string> urls() const;
  const std::string& teacher_token() const;
  const std::string& first_room() const;  // the code of the start-up room

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace urbis::serve
