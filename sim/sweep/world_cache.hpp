#pragma once
// One process's worlds, loaded once and shared by every run of a sweep that
// needs the same one (a sweep over parameters loads its world once; a sweep
// over scenarios, once per world). Keyed by world_key (sim/engine/run.hpp):
// the world's files or synthetic spec and the start year. Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "sim/engine/run.hpp"

namespace urbis::sweep {

class WorldCache {
 public:
  explicit WorldCache(RunContext context) : ctx_(std::move(context)) {}
  // The world of `scenario`, loaded on first use; at most a few are held.
  std::shared_ptr<const WorldData> get(const Scenario& scenario);
  const RunContext& context() const { return ctx_; }

 private:
  RunContext ctx_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const WorldData>> cache_;
};

}  // namespace urbis::sweep
