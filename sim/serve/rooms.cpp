#include "sim/serve/rooms.hpp"

#include <algorithm>

#include "sim/serve/api_error.hpp"
#include "sim/serve/tokens.hpp"

namespace urbis::serve {

Rooms::Rooms(std::shared_ptr<const Library> library, std::size_t max_rooms, Clock::duration idle_limit,
             RoomSettings settings)
    : library_(std::move(library)), max_rooms_(max_rooms), idle_limit_(idle_limit), settings_(settings) {}

void Rooms::close_idle_locked(Clock::time_point now) {
  const auto before = rooms_.size();
  std::erase_if(rooms_, [&](const Entry& e) { return !e.permanent && now - e.used > idle_limit_; });
  if (rooms_.size() == before) return;
  std::erase_if(tokens_, [&](const auto& kv) {
    return std::none_of(rooms_.begin(), rooms_.end(), [&](const Entry& e) { return e.room->code() == kv.second; });
  });
}

std::shared_ptr<Room> Rooms::create(const std::string& scenario, bool classroom, bool permanent) {
  const LibraryEntry* entry = library_->find(scenario);
  if (!entry) throw ApiError(404, "no such scenario in the library (see /api/scenarios)", "scenario");
  std::string code;
  {
    std::lock_guard lock(mutex_);
    close_idle_locked(Clock::now());
    if (rooms_.size() >= max_rooms_) throw ApiError(409, "as many rooms as the server allows are open");
    auto taken = [&](const std::string& c) {
      return std::any_of(rooms_.begin(), rooms_.end(), [&](const Entry& e) { return e.room->code() == c; });
    };
    do code = random_room_code();
    while (taken(code));
  }
  // Building a room (loading its world, the start-up reviews) takes a moment:
  // outside the lock, so that other rooms' requests carry on meanwhile.
  auto room = std::make_shared<Room>(code, library_, *entry, classroom, settings_);
  std::lock_guard lock(mutex_);
  if (rooms_.size() >= max_rooms_) throw ApiError(409, "as many rooms as the server allows are open");
  rooms_.push_back({room, Clock::now(), permanent});
  return room;
}

std::shared_ptr<Room> Rooms::find(const std::string& typed) {
  const std::string code = normalise_room_code(typed);
  if (code.empty()) return nullptr;
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  close_idle_locked(now);
  for (auto& e : rooms_)
    if (e.room->code() == code) {
      e.used = now;
      return e.room;
    }
  return nullptr;
}

void Rooms::remember_player_token(const std::string& token, const std::string& room) {
  std::lock_guard lock(mutex_);
  tokens_[token] = room;
}

bool Rooms::knows_player_token(const std::string& token) {
  std::lock_guard lock(mutex_);
  return tokens_.count(token) > 0;
}

void Rooms::clear() {
  std::vector<Entry> gone;
  {
    std::lock_guard lock(mutex_);
    gone.swap(rooms_);
    tokens_.clear();
  }
}

}  // namespace urbis::serve
