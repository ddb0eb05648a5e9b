#include "sim/serve/routes.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "sim/serve/api_error.hpp"
#include "sim/serve/assets.hpp"
#include "sim/serve/gzip.hpp"
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

void page(Response& res) { res.set_content(page_shell(), "text/html; charset=utf-8"); }

// Replaces a header that set_default_headers gave every response.
void replace_header(Response& res, const char* key, const std::string& value) {
  res.headers.erase(key);
  res.set_header(key, value);
}

// A body already compressed (or one not to compress), sent as it is: httplib
// leaves a body of known length from a content provider alone.
void send_shared(Response& res, std::shared_ptr<const std::string> body, const char* type, bool gzipped) {
  if (gzipped) res.set_header("Content-Encoding", "gzip");
  res.set_header("Vary", "Accept-Encoding");
  const std::size_t size = body->size();
  res.set_content_provider(size, type, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    return sink.write(body->data() + offset, length);
  });
}

void asset(const Request& req, Response& res) {
  const Asset* a = find_asset(req.path);
  if (!a) {
    send_error(res, 404, "no such asset (the page may be from an older server: reload it)");
    return;
  }
  res.status = 200;
  replace_header(res, "Cache-Control", "public, max-age=31536000, immutable");
  const bool gz = accepts_gzip(req.get_header_value("Accept-Encoding"));
  const std::string_view body = gz ? std::string_view(a->gzipped) : a->raw;
  if (gz) res.set_header("Content-Encoding", "gzip");
  res.set_header("Vary", "Accept-Encoding");
  res.set_content_provider(body.size(), a->type,
                           [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(body.data() + offset, length);
                           });
}

// A name as the join limit counts it: trimmed, ASCII letters in lower case.
std::string name_key(std::string_view name) {
  std::size_t b = 0, e = name.size();
  while (b < e && name[b] == ' ') ++b;
  while (e > b && name[e - 1] == ' ') --e;
  std::string k(name.substr(b, e - b));
  for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

// ---------------------------------------------------------------- handlers

void scenarios(const Request&, Response& res, ServerState& s) {
  ojson out = ojson::array();
  for (const auto& e : s.library->entries())
    out.push_back({{"name", e->name}, {"description", e->description}, {"given", e->given}});
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
  const bool gz = accepts_gzip(req.get_header_value("Accept-Encoding"));
  const auto body = room->data(since, gz);
  if (!body) {
    res.status = 304;
    return;
  }
  // Streamed from the shared answer: no copy of a few megabytes per poll.
  res.status = 200;
  send_shared(res, body, kJson, gz);
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
  // Joins are limited per room and per name, not per address: a class
  // behind one school address joins at once.
  // (The name first: a name hammered does not use up the room's joins.)
  if (!s.name_joins.allow(room->code() + "|" + name_key(name)) || !s.room_joins.allow(room->code()))
    throw ApiError(429, "too many joins at once: wait a few seconds and try again");
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
  const Body body(json_body(req), {"cooperation", "join", "leave", "city", "player", "round"});
  ChoiceRequest c;
  c.cooperation = body.number("cooperation", 0, 1);
  c.join = body.texts("join", 24, 200);
  c.leave = body.texts("leave", 24, 200);
  c.city = body.text("city", 200);
  c.player = body.text("player", 16);
  if (const auto round = body.number("round", 0, 1e6)) c.round = static_cast<int>(*round);
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

// The debrief page and the class's record, as files to keep.
void room_debrief(const Request& req, Response& res, ServerState& s, bool record) {
  require_teacher(req, s);
  const auto room = room_of(req, s);
  Debrief d = room->debrief();
  const int year = d.record["rounds"].empty() ? 0 : d.record["rounds"].back()["year"].get<int>();
  const std::string name = fmt::format("urbis-class-{}-{}.{}", room->code(), year, record ? "json" : "html");
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", name));
  auto text = std::make_shared<const std::string>(record ? d.record.dump(1) + "\n" : std::move(d.html));
  const bool gz = accepts_gzip(req.get_header_value("Accept-Encoding"));
  if (gz) text = std::make_shared<const std::string>(gzip(*text, 5));
  res.status = 200;
  send_shared(res, text, record ? kJson : "text/html; charset=utf-8", gz);
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

  // First, before the body is read: the Host header (DNS rebinding), then
  // the rate limit. A request with a token this server gave out counts
  // against that token; the others (pages, assets, joining) share one
  // bucket. Not per address: a school's students share one.
  http.set_pre_routing_handler([&s](const Request& req, Response& res) {
    if (!s.hosts.allows(req.get_header_value("Host"))) {
      send_error(res, 403,
                 "this server does not answer to that name: open it through an address it printed "
                 "(or start it with --allow-host NAME)");
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string token = token_of(req);
    const bool known = !token.empty() && (same_secret(token, s.teacher_token) || s.rooms.knows_player_token(token));
    if (known ? s.limiter.allow(token) : s.anonymous.allow("anonymous"))
      return httplib::Server::HandlerResponse::Unhandled;
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
  for (const char* p : {"/live", "/teacher", "/projector", "/join"})
    http.Get(p, [](const Request&, Response& res) { page(res); });
  http.Get("/assets/[A-Za-z0-9._-]{1,64}", [](const Request& req, Response& res) { asset(req, res); });

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
  http.Get(room + "/debrief",
           guarded(s, [](const Request& req, Response& res, ServerState& st) { room_debrief(req, res, st, false); }));
  http.Get(room + "/record",
           guarded(s, [](const Request& req, Response& res, ServerState& st) { room_debrief(req, res, st, true); }));
}

}  // namespace urbis::serve
