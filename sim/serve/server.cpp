#include "sim/serve/server.hpp"

#include <algorithm>
#include <stdexcept>
#include <thread>

#include <sys/socket.h>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"
#include "sim/serve/addresses.hpp"
#include "sim/serve/routes.hpp"
#include "sim/serve/tokens.hpp"

namespace urbis::serve {

struct Server::Impl {
  Impl(std::shared_ptr<const Library> library, ServeOptions o)
      : state{library,
              o,
              random_token(),
              Rooms(library, o.max_rooms, o.idle_close, RoomSettings{o.max_players, o.round_seconds, o.lock_seconds}),
              RateLimiter(o.rate_per_second, o.rate_burst),
              RateLimiter(o.anonymous_rate, o.anonymous_burst),
              RateLimiter(o.join_room_rate, o.join_room_burst),
              RateLimiter(o.join_name_rate, o.join_name_burst),
              HostCheck(),
              {}} {}
  ServerState state;
  httplib::Server http;
  int port = -1;
  socket_t listener = INVALID_SOCKET;
};

Server::Server(std::shared_ptr<const Library> library, ServeOptions options)
    : impl_(std::make_unique<Impl>(std::move(library), std::move(options))) {
  const ServeOptions& o = impl_->state.options;
  httplib::Server& http = impl_->http;
  // httplib gives each open connection a thread while it is kept alive: a
  // class's phones, the teacher's page and the projector each hold one or
  // two, and a request that waits for a free thread waits seconds.
  const std::size_t threads = o.http_threads > 0 ? o.http_threads : std::max<std::size_t>(32, 2 * o.max_players + 16);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(100);
  // The library's listen() queues 5 connections: a class that opens the
  // page at once overflows that (connections then fail). Keep the socket to
  // deepen the queue once bound, and reuse the address as the library would
  // (not the port: another program must not listen beside this one).
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl_->listener = sock;
  });
  add_routes(http, impl_->state);
}

Server::~Server() { stop(); }

int Server::bind() {
  ServerState& s = impl_->state;
  if (!s.library->find(s.options.scenario)) {
    const auto names = s.library->names();
    throw InputError({"--scenario"}, fmt::format("no scenario '{}' in the library{}", s.options.scenario,
                                                 did_you_mean(s.options.scenario, names)));
  }
  s.first_room = s.rooms.create(s.options.scenario, s.options.classroom, /*permanent=*/true)->code();
  httplib::Server& http = impl_->http;
  if (s.options.port == 0) {
    impl_->port = http.bind_to_any_port(s.options.host);
  } else if (http.bind_to_port(s.options.host, s.options.port)) {
    impl_->port = s.options.port;
  }
  if (impl_->port <= 0)
    throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                                         s.options.host, s.options.port));
  if (impl_->listener != INVALID_SOCKET) ::listen(impl_->listener, 512);  // again, with a deeper queue

  // The names the Host header may carry: loopback, what is printed, and
  // what the teacher allowed.
  std::vector<std::string> names = {"localhost", "127.0.0.1", "::1"};
  if (is_wildcard(s.options.host)) {
    for (const auto& a : lan_addresses()) names.push_back(a);
    if (const std::string n = machine_name(); !n.empty()) {
      names.push_back(n);
      names.push_back(n + ".local");  // as mDNS (Avahi, Bonjour) announces it
    }
  } else {
    names.push_back(s.options.host);
  }
  for (const auto& a : s.options.allow_hosts) names.push_back(a);
  s.hosts = HostCheck(std::move(names));
  return impl_->port;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() {
  if (!impl_) return;
  impl_->http.stop();
  impl_->state.rooms.clear();
}

int Server::port() const { return impl_->port; }
const std::string& Server::host() const { return impl_->state.options.host; }

std::vector<std::string> Server::urls() const {
  const std::string& host = impl_->state.options.host;
  std::vector<std::string> out;
  if (is_wildcard(host)) {
    for (const auto& a : lan_addresses()) out.push_back(base_url(a, impl_->port));
    if (out.empty()) out.push_back(base_url("127.0.0.1", impl_->port));
  } else {
    out.push_back(base_url(host, impl_->port));
  }
  return out;
}
const std::string& Server::teacher_token() const { return impl_->state.teacher_token; }
const std::string& Server::first_room() const { return impl_->state.first_room; }

}  // namespace urbis::serve
