#pragma once
// The rooms of a server, by code: created up to a cap, closed after a time
// without requests (except the room made at start-up), and handed out as
// shared pointers so that a request in flight keeps its room alive.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/serve/room.hpp"

namespace urbis::serve {

class Rooms {
 public:
  using Clock = std::chrono::steady_clock;
  Rooms(std::shared_ptr<const Library> library, std::size_t max_rooms, Clock::duration idle_limit,
        RoomSettings settings);

  // Throws ApiError 404 (unknown scenario) or 409 (as many rooms as allowed).
  std::shared_ptr<Room> create(const std::string& scenario, bool classroom, bool permanent = false);
  // The room of a code as typed; nullptr when there is none. Counts as a use.
  std::shared_ptr<Room> find(const std::string& code);
  // Players' tokens, known to the rate limiter (a client is counted by its
  // address and, when it shows one, by its token).
  void remember_player_token(const std::string& token, const std::string& room);
  bool knows_player_token(const std::string& token);
  // Drops every room (their stepping threads end).
  void clear();

 private:
  struct Entry {
    std::shared_ptr<Room> room;
    Clock::time_point used;
    bool permanent;
  };
  void close_idle_locked(Clock::time_point now);

  std::shared_ptr<const Library> library_;
  std::size_t max_rooms_;
  Clock::duration idle_limit_;
  RoomSettings settings_;
  std::mutex mutex_;
  std::vector<Entry> rooms_;
  std::unordered_map<std::string, std::string> tokens_;  // player token -> room code
};

}  // namespace urbis::serve
