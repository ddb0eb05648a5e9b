#pragma once
// `urbis serve`: an HTTP server for the live view and the participatory
// classroom (docs/CLASSROOM_API.md). Listens on loopback unless told
// otherwise; the teacher's controls need the token made at start-up.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "sim/serve/library.hpp"

namespace urbis::serve {

struct ServeOptions {
  std::string scenario = "cooperation_vs_competition";  // the start-up room's
  std::string host = "127.0.0.1";
  int port = 8080;           // 0: any free port
  bool classroom = false;    // the start-up room is participatory
  std::size_t max_rooms = 8;
  std::size_t max_players = 60;
  double round_seconds = 0;  // participatory rooms: a round every so many seconds (0: the teacher's step)
  double rate_per_second = 20, rate_burst = 40;  // per client
  std::size_t max_body = 16 * 1024;
  std::chrono::seconds idle_close{2 * 3600};
  std::size_t http_threads = 0;  // 0: max(16, 2 x cores)
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
  const std::string& teacher_token() const;
  const std::string& first_room() const;  // the code of the start-up room

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace urbis::serve
