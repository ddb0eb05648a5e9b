#include "sim/serve/routes.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "sim/serve/api_error.hpp"
#include "sim/serve/assets.hpp"
#include "sim/serve/json_check.hpp"
#include "sim/serve/tokens.hpp"

namespace urbis::serve {

namespace {

using httplib::Request;
using httplib::Response;

constexpr const char* kJson = "application/json";
// A room code in a path: bounded, so matching stays cheap whatever is sent.
constexpr const char* kRoom = "/api/rooms/([A-Za-z0-9]{1,12})";

void send(Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, kJson);
}

void send_error(Response& res, int status, const std::string& message, const std::string& field = {}) {
  ojson j = {{"error", message}};
  if (!field.empty()) j["field"] = field;
  send(res, status, j.dump());
}

std::string token_of(const Request& req) { return bearer_token(req.get_header_value("Authorization")); }

void require_teacher(const Request& req, const ServerState& s) {
  const std::string token = token_of(req);
  if (token.empty()) throw ApiError(401, "the teacher's token is needed (Authorization: Bearer TOKEN)");
  if (!same_secret(token, s.teacher_token)) throw ApiError(401, "wrong teacher's token");
}

// The body of a POST: JSON only (a browser form cannot post it from another
// site), and within the size limit (httplib answers 413 above it).
std::string_view json_body(const Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind(kJson, 0) != 0) throw ApiError(400, "the body must be JSON (Content-Type: application/json)");
  return req.body;
}

std::shared_ptr<Room> room_of(const Request& req, ServerState& s) {
  auto room = s.rooms.find(req.matches[1]);
  if (!room) throw ApiError(404, "no room with this code (it may have closed)", "room");
  return room;
}

// Wraps a handler: every failure becomes a JSON answer, never a crash.
template <class F>
httplib::Server::Handler guarded(ServerState& s, F f) {
  return [&s, f](const Request& req, Response& res) {
    try {
      f(req, res, s);
    } catch (const ApiError& e) {
      send_error(res, e.status, e.what(), e.field);
    } catch (const std::exception& e) {
      spdlog::error("serve: {} {}: {}", req.method, req.path, e.what());
      send_error(res, 500, "internal error (the server's log says more)");
    }
  };
}

void page(Response& res) { res.set_content(std::string(page_shell()), "text/html; charset=utf-8"); }

// ---------------------------------------------------------------- handlers

void scenarios(const Request&, Response& res, ServerState& s) {
  ojson out = ojson::array();
  for (const auto& e : s.library->entries()) out.push_back({{"name", e->name}, {"description", e->description}});
  send(res, 200, out.dump());
}

void create_room(const Request& req, Response& res, ServerState& s) {
  require_teacher(req, s);
  const Body body(json_body(req), {"scenario", "classroom"});
  const std::string scenario = body.text("scenario", 100).value_or(s.options.scenario);
  const bool classroom = body.boolean("classroom").value_or(false);
  const auto room = s.rooms.create(scenario, classroom);
  send(res, 201, ojson{{"room", room->code()}}.dump());
}

void room_state(const Request& req, Response& res, ServerState& s) { send(res, 200, room_of(req, s)->state().dump()); }

void room_data(const Request& req, Response& res, ServerState& s) {
  const auto room = room_of(req, s);
  std::optional<std::uint64_t> since;
  if (req.has_param("since")) {
    const std::string v = req.get_param_value("since");
    std::uint64_t n = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || v.size() > 19 || r.ec != std::errc{} || r.ptr != v.data() + v.size())
      throw ApiError(400, "since must be a version number", "since");
    since = n;
  }
  const auto body = room->data(since);
  if (!body) {
    res.status = 304;
    return;
  }
  // Streamed from the shared answer: no copy of a few megabytes per poll.
  res.status = 200;
  res.set_content_provider(body->size(), kJson, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    return sink.write(body->data() + offset, length);
  });
}

void room_sliders(const Request& req, Response& res, ServerState& s) {
  send(res, 200, room_of(req, s)->sliders().dump());
}

void room_control(const Request& req, Response& res, ServerState& s) {
  require_teacher(req, s);
  const auto room = room_of(req, s);
  const Body body(json_body(req), {"action", "speed"});
  ControlRequest c;
  c.action = body.text("action", 16);
  c.speed = body.number("speed", 0.25, 20);
  if (c.action && *c.action != "play" && *c.action != "pause" && *c.action != "step" && *c.action != "reset")
    throw ApiError(400, "action must be play, pause, step or reset", "action");
  if (!c.action && !c.speed) throw ApiError(400, "an action or a speed is needed");
  send(res, 200, room->control(c).dump());
}

void room_params(const Request& req, Response& res, ServerState& s) {
  require_teacher(req, s);
  const auto room = room_of(req, s);
  const auto changes = read_param_changes(json_body(req));
  send(res, 200, room->set_params(changes).dump());
}

void room_cities(const Request& req, Response& res, ServerState& s) {
  send(res, 200, room_of(req, s)->cities().dump());
}

void room_join(const Request& req, Response& res, ServerState& s) {
  const auto room = room_of(req, s);
  const Body body(json_body(req), {"name", "city"});
  const std::string name = *body.text("name", 400, true);
  const auto city = body.text("city", 200);
  const JoinAnswer a = room->join(name, city);
  s.rooms.remember_player_token(a.token, room->code());
  send(res, 201, ojson{{"player", a.player}, {"token", a.token}, {"city", a.city}}.dump());
}

void room_me(const Request& req, Response& res, ServerState& s) {
  const auto room = room_of(req, s);
  send(res, 200, room->me(token_of(req)).dump());
}

void room_choice(const Request& req, Response& res, ServerState& s) {
  const auto room = room_of(req, s);
  const std::string token = token_of(req);
  if (!token.empty() && same_secret(token, s.teacher_token))
    throw ApiError(403, "the teacher has no city: players choose for their own");
  const Body body(json_body(req), {"cooperation", "join", "leave", "city", "player"});
  ChoiceRequest c;
  c.cooperation = body.number("cooperation", 0, 1);
  c.join = body.texts("join", 24, 200);
  c.leave = body.texts("leave", 24, 200);
  c.city = body.text("city", 200);
  c.player = body.text("player", 16);
  send(res, 200, room->choose(token, c).dump());
}

void room_class(const Request& req, Response& res, ServerState& s) {
  require_teacher(req, s);
  send(res, 200, room_of(req, s)->class_table().dump());
}

void room_summary(const Request& req, Response& res, ServerState& s) {
  require_teacher(req, s);
  send(res, 200, room_of(req, s)->summary().dump());
}

}  // namespace

void add_routes(httplib::Server& http, ServerState& s) {
  http.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"Cache-Control", "no-store"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Content-Security-Policy",
       "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
  });

  // Rate limit first, before the body is read: a client is its address, and
  // its token when it shows one this server gave out.
  http.set_pre_routing_handler([&s](const Request& req, Response& res) {
    std::string client = req.remote_addr;
    const std::string token = token_of(req);
    if (!token.empty() && (same_secret(token, s.teacher_token) || s.rooms.knows_player_token(token)))
      client += "|" + token;
    if (s.limiter.allow(client)) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Retry-After", "1");
    send_error(res, 429, "too many requests: slow down");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Statuses httplib sets itself (404 no route, 413 body too large, 400
  // malformed request) get a JSON body like every other error.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const char* what = res.status == 404   ? "no such path"
                       : res.status == 413 ? "the body is too large (16 KiB at most)"
                                           : "bad request";
    send_error(res, res.status, what);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const Request& req, Response& res, std::exception_ptr) {
    spdlog::error("serve: {} {}: unexpected failure", req.method, req.path);
    send_error(res, 500, "internal error");
  });

  http.Get("/", [](const Request&, Response& res) { res.set_redirect("/join"); });
  for (const char* p : {"/live", "/teacher", "/join"}) http.Get(p, [](const Request&, Response& res) { page(res); });
  http.Get("/assets/classroom.js", [](const Request&, Response& res) {
    res.set_content(std::string(classroom_script()), "text/javascript; charset=utf-8");
  });
  http.Get("/assets/classroom.css", [](const Request&, Response& res) {
    res.set_content(std::string(classroom_style()), "text/css; charset=utf-8");
  });

  http.Get("/api/scenarios", guarded(s, scenarios));
  http.Post("/api/rooms", guarded(s, create_room));
  const std::string room = kRoom;
  http.Get(room, guarded(s, room_state));
  http.Get(room + "/data", guarded(s, room_data));
  http.Get(room + "/sliders", guarded(s, room_sliders));
  http.Post(room + "/control", guarded(s, room_control));
  http.Post(room + "/params", guarded(s, room_params));
  http.Get(room + "/cities", guarded(s, room_cities));
  http.Post(room + "/join", guarded(s, room_join));
  http.Get(room + "/me", guarded(s, room_me));
  http.Post(room + "/choice", guarded(s, room_choice));
  http.Get(room + "/class", guarded(s, room_class));
  http.Get(room + "/summary", guarded(s, room_summary));
}

}  // namespace urbis::serve
