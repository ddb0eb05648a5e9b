#pragma once
// The HTTP routes of `urbis serve` (docs/CLASSROOM_API.md), on cpp-httplib:
// each request is rate-limited, its body read and checked whole, and every
// failure answered as JSON {"error", "field"} with its 4xx status; nothing
// escapes a handler.
#include <memory>
#include <string>

#include "sim/serve/host_check.hpp"
#include "sim/serve/library.hpp"
#include "sim/serve/rate_limit.hpp"
#include "sim/serve/rooms.hpp"
#include "sim/serve/server.hpp"

// After the engine's headers: httplib brings in <resolv.h>, whose `_res`
// macro would break Eigen's headers included after it.
#include <httplib.h>

namespace urbis::serve {

struct ServerState {
  std::shared_ptr<const Library> library;
  ServeOptions options;
  std::string teacher_token;
  Rooms rooms;
  RateLimiter limiter;                 // per token
  RateLimiter anonymous;               // requests without a token, all together
  RateLimiter room_joins, name_joins;  // joins per room, per (room, name)
  HostCheck hosts;
  std::string first_room;
};

void add_routes(httplib::Server& http, ServerState& state);

}  // namespace urbis::serve
