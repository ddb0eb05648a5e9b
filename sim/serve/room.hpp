#pragma once
// A room: one simulation on the engine, what its viewers and players see of
// it, and its background stepping. Every public method takes the room's lock,
// checks the whole request first (throwing ApiError before any change, so a
// refused request changes nothing) and returns what the API answers
// (docs/CLASSROOM_API.md). Its parts, one file each: room.cpp (stepping, the
// round clock, the room's state and the teacher's controls),
// room_players.cpp (joining, a player's view and choices), room_class.cpp
// (the class table, summary and debrief), and the report data it answers
// with (report_cache.hpp).
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/serve/class_log.hpp"
#include "sim/serve/debrief.hpp"
#include "sim/serve/library.hpp"
#include "sim/serve/report_cache.hpp"
#include "sim/serve/roster.hpp"
#include "sim/serve/simulation.hpp"
#include "sim/serve/sliders.hpp"
#include "sim/serve/stepper.hpp"

namespace urbis::serve {

using ojson = nlohmann::ordered_json;

struct RoomSettings {
  std::size_t max_players = 60;
  double round_seconds = 0;  // participatory rooms: the time to choose in a round (0: no clock)
  double lock_seconds = 5;   // after the deadline: "time's up", choices locked, then the round is played
};

struct ControlRequest {
  std::optional<std::string> action;  // play, pause, step, reset
  std::optional<double> speed;        // years per second
};

struct ChoiceRequest {
  std::optional<double> cooperation;
  std::optional<std::vector<std::string>> join, leave;  // network names
  std::optional<std::string> city, player;              // if given, must be the player's own
  std::optional<int> round;                             // if given, must be the round open now
};

struct JoinAnswer {
  std::string player, token, city;
};

class Room {
 public:
  Room(std::string code, std::shared_ptr<const Library> library, const LibraryEntry& entry, bool classroom,
       RoomSettings settings);
  ~Room();
  Room(const Room&) = delete;
  Room& operator=(const Room&) = delete;

  const std::string& code() const { return code_; }
  bool classroom() const { return classroom_; }

  ojson state();
  // The report data with "version" (of its last change) and "changes",
  // gzipped when asked; nullptr when it has not changed since version `since`.
  std::shared_ptr<const std::string> data(std::optional<std::uint64_t> since, bool gzipped = false);
  ojson sliders();
  ojson control(const ControlRequest& request);
  ojson set_params(const std::vector<ParamChange>& changes);
  ojson cities();
  JoinAnswer join(const std::string& name, const std::optional<std::string>& city);
  ojson me(const std::string& player_token);
  ojson choose(const std::string& player_token, const ChoiceRequest& choice);
  ojson class_table();
  ojson summary();
  // The class to keep (docs/CLASSROOM_API.md, debrief): built from a copy,
  // outside the room's lock.
  Debrief debrief();
  // Whether a player of this room holds this token (for the rate limiter).
  bool knows_token(const std::string& token);
  std::uint64_t version();

 private:
  using Clock = Stepper::Clock;
  ojson state_locked() const;
  ojson clock_locked() const;  // null without a clock
  ojson me_locked(const Player& p) const;
  Player& player_locked(const std::string& token);  // 401 when unknown
  std::optional<Clock::time_point> due_locked() const;
  void tick_locked();     // the background step
  void advance_locked();  // one step (a round in a participatory room)
  void changed_locked() { ++version_; }
  // The report data changed: with `tables`, the live tables too (a step, a reset).
  void data_changed_locked(bool tables) { report_.changed(++version_, tables); }
  int network_index(const std::string& name) const;

  const std::string code_;
  const std::shared_ptr<const Library> library_;
  const LibraryEntry& entry_;
  const bool classroom_;
  const RoomSettings settings_;

  std::mutex mutex_;
  Simulation sim_;
  Roster roster_;
  std::uint64_t version_ = 1;
  bool running_ = false;
  double speed_ = 2.0;
  Clock::time_point last_tick_{};
  std::string populism_state_, salience_issue_ = "climate";  // what the two world sliders show
  ojson changes_ = ojson::array();
  std::string failure_;  // why the background stepping stopped, if it failed
  ClassLog log_;         // the rounds since the start (or the last reset), for the debrief

  // The round clock (settings_.round_seconds > 0): the teacher starts and
  // pauses it (play, pause). Running, it counts down to `deadline_`; then
  // choices lock ("time's up") for lock_seconds and the round is played; the
  // next round's countdown starts at once. Paused, `left_` keeps the time
  // that was left.
  bool clock_running_ = false, locked_ = false;
  Clock::time_point deadline_{};  // running: the deadline, or (locked) when the round is played
  Clock::duration left_{};        // paused: what was left

  ReportCache report_;  // what `data` answers

  Stepper stepper_;  // last: its thread starts once everything above is ready
};

}  // namespace urbis::serve
