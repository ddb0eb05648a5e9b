#pragma once
// A real `urbis serve` in the test process, on a free loopback port, and a
// real HTTP client talking to it.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sim/serve/host_check.hpp"
#include "sim/serve/library.hpp"
#include "sim/serve/server.hpp"

// After the engine's headers (see sim/serve/routes.hpp).
#include <httplib.h>

namespace urbis::test {

using json = nlohmann::json;

inline std::string source(const std::string& rel) { return std::string(URBIS_SOURCE_DIR) + "/" + rel; }

// The library, loaded once per test process, with only the scenarios asked for.
inline std::shared_ptr<const serve::Library> library(const std::vector<std::string>& names) {
  static std::map<std::vector<std::string>, std::shared_ptr<const serve::Library>> loaded;
  auto& lib = loaded[names];
  if (!lib) {
    serve::LibraryPaths p;
    p.scenario_dir = source("scenarios");
    p.defaults_file = source("configs/defaults.yaml");
    p.world_dir = source("configs/world");
    p.targets_file = source("configs/calibration/targets.yaml");
    lib = serve::Library::load(p, names);
  }
  return lib;
}

class TestServer {
 public:
  explicit TestServer(serve::ServeOptions o = {}, std::vector<std::string> scenarios = {"cooperation_vs_competition"}) {
    o.host = "127.0.0.1";
    o.port = 0;
    server_ = std::make_unique<serve::Server>(library(scenarios), o);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    // Serving from here on (the socket is bound: connections queue meanwhile).
    auto c = client();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline && !c->Get("/api/scenarios"))
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  const std::string& teacher() const { return server_->teacher_token(); }
  const std::string& room() const { return server_->first_room(); }

  // A fresh client (its own connection) with generous timeouts.
  std::unique_ptr<httplib::Client> client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(30, 0);
    c->set_write_timeout(10, 0);
    return c;
  }

 private:
  std::unique_ptr<serve::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

inline httplib::Headers bearer(const std::string& token) {
  if (token.empty()) return {};
  return {{"Authorization", "Bearer " + token}};
}

// Status and parsed body (null when the body is not JSON) of one request.
struct Answer {
  int status = 0;  // 0: no answer (transport error)
  json body;
  std::string text;
};

inline Answer answer(const httplib::Result& r, bool parse = true) {
  Answer a;
  if (!r) {
    a.text = "transport error: " + httplib::to_string(r.error());
    return a;
  }
  a.status = r->status;
  a.text = r->body;
  if (parse) a.body = json::parse(r->body, nullptr, /*allow_exceptions=*/false);
  return a;
}

inline Answer get(httplib::Client& c, const std::string& path, const std::string& token = {}) {
  return answer(c.Get(path.c_str(), bearer(token)));
}

inline Answer post(httplib::Client& c, const std::string& path, const std::string& body, const std::string& token = {},
                   const char* type = "application/json") {
  return answer(c.Post(path.c_str(), bearer(token), body, type));
}

inline Answer post(httplib::Client& c, const std::string& path, const json& body, const std::string& token = {}) {
  return post(c, path, body.dump(), token);
}

// Polls `ready` until it holds or `limit` passes; returns whether it held.
template <class F>
bool eventually(F ready, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // within the rate limit
  }
  return ready();
}

}  // namespace urbis::test
