#include "sim/sweep/world_cache.hpp"

namespace urbis::sweep {

std::shared_ptr<const WorldData> WorldCache::get(const Scenario& s) {
  // The loaders read the world's files (or synthetic spec) and the start
  // year, never a parameter: that is the whole key.
  const std::string key = world_key(s, ctx_);
  std::lock_guard lock(mutex_);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  // A sweep over scenarios may name many worlds: hold a few, not all.
  if (cache_.size() >= 4) cache_.erase(cache_.begin());
  auto data = std::make_shared<const WorldData>(load_world(s, ctx_));
  cache_[key] = data;
  return data;
}

}  // namespace urbis::sweep
